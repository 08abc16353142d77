"""Server time of the web app's pages on a synthetic 100k-claim ledger (in-process, Starlette's
TestClient, so no network in the figure): the stories, the largest story's page, what changed
(page and Atom feed, the whole ledger's and the story's), the propositions overview, proposition
pages (the median-sized one and the largest), a source, the sources, an article and searches.
Target: p95 <= 150 ms.

    python bench/serve_latency.py [--claims 100000] [--db /tmp/serve-bench.db] [--runs 30]
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
import warnings
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))
sys.path.insert(0, str(HERE))

from synthetic_ledger import build  # noqa: E402

from storyledger.ledger.store import connect  # noqa: E402

TARGET_P95_MS = 150.0


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--claims", type=int, default=100_000)
    ap.add_argument("--db", default="/tmp/serve-bench.db")
    ap.add_argument("--runs", type=int, default=30)
    ap.add_argument("--reuse", action="store_true", help="use --db as it is if it exists")
    args = ap.parse_args()
    if not (args.reuse and Path(args.db).exists()):
        t = time.perf_counter()
        print(build(args.db, args.claims), f"built in {time.perf_counter() - t:.0f}s", flush=True)
    connect(args.db).close()  # bring the schema (indexes) up to date, as any write command would
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

    from storyledger.present import create_app

    client = TestClient(create_app(args.db))
    db = connect(args.db)
    sizes = [r[0] for r in db.execute("SELECT id FROM propositions ORDER BY n_claims")]
    median_p, largest_p = sizes[len(sizes) // 2], sizes[-1]
    doc = db.execute("SELECT id FROM documents LIMIT 1 OFFSET 500").fetchone()[0]
    sid = db.execute("SELECT source, count(*) n FROM claims GROUP BY source ORDER BY n DESC LIMIT 1").fetchone()[0]
    n_largest = db.execute("SELECT n_claims FROM propositions WHERE id = ?", (largest_p,)).fetchone()[0]
    story, n_story = db.execute("SELECT id, claims FROM stories ORDER BY claims DESC LIMIT 1").fetchone()
    db.close()
    pages = [("stories", "/"), (f"story (largest, {n_story} claims)", f"/story/{story}"), ("changes", "/changes"),
             ("changes, page 50", "/changes?offset=5000"), ("changes JSON", "/api/changes"), ("changes Atom feed", "/changes.atom"),
             ("story's changes", f"/changes?story={story}"), ("story's Atom feed", f"/story/{story}/changes.atom"),
             ("sources", "/sources"),
             ("overview", "/propositions"), ("overview, page 50", "/propositions?offset=5000"), ("overview JSON", "/api/overview"),
             ("proposition (median size)", f"/proposition/{median_p}"),
             (f"proposition (largest, {n_largest} claims)", f"/proposition/{largest_p}"),
             ("source (most claims)", f"/source/{sid}"), ("article", f"/article?id={doc}"),
             ("search: 1 word", "/search?q=ceasefire"), ("search: 2 words + stance + dates", "/search?q=troops+border&stance=denied&since=2024-10-01&until=2024-10-31"),
             ("search: source filter", "/search?source=Speaker+7")]
    failed = False
    print(f"| page | median ms | p95 ms | bytes |\n|---|---|---|---|")
    for name, url in pages:
        times = []
        for i in range(args.runs + 2):
            t = time.perf_counter()
            r = client.get(url)
            dt = (time.perf_counter() - t) * 1000
            assert r.status_code == 200, (url, r.status_code)
            if i >= 2:  # the first two warm the page cache
                times.append(dt)
        times.sort()
        p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
        failed |= p95 > TARGET_P95_MS
        print(f"| {name} | {statistics.median(times):.1f} | {p95:.1f} | {len(r.content):,} |", flush=True)
    print(f"\ntarget p95 <= {TARGET_P95_MS:.0f} ms: {'missed' if failed else 'met'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
