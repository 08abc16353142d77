#!/usr/bin/env python3
"""Score the ledger on real story sets (`../shared/data/stories/NAME`, `bench/stories/NAME`).

    bench/story_eval.py [STORY_DIR ...] [--cache .cache/stories] [--keep DIR] [--json] [--misses]

For each story folder (gold: `pages.gold.jsonl`, `propositions.json`) whose texts are in
`CACHE/NAME/texts/NNN.txt` (re-retrieved with the `search` tool, `shared/spec/story-gold.md`):
writes the documents file (`{id: NNN, text, published, url, outlet, title: null}`), ingests it
into a fresh ledger with `storyledger ingest`, exports the claims (`storyledger claims --format
jsonl`) and the relations (`storyledger export --format jsonl`), and runs
`../shared/eval/score_story.py` on them. With no folder, every set of both places that has its
texts. Prints the scorer's summary line per set with the B3 precision and recall, the pairs flagged
of those whose two claims were both found (issue 13's measure), flag precision, quantities and net
position, then one line with the link time.

`--misses` also lists, per set, the core gold claims no system claim matched (with the system
claims of that page), the matched claims whose stance differs, the gold pairs whose two claims
were both found (same proposition? flagged? stances), and the unmatched system claims.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "eval" / "score_story.py"


def story_dirs() -> list[Path]:
    found = []
    for base in (SHARED / "data" / "stories", ROOT / "bench" / "stories"):
        if base.is_dir():
            found += sorted(p for p in base.iterdir() if (p / "pages.gold.jsonl").is_file())
    return found


def documents(story: Path, texts: Path, out: Path) -> int:
    n = 0
    with out.open("w", encoding="utf-8") as f:
        for line in (story / "pages.gold.jsonl").read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            page = json.loads(line)
            text = texts / f"{page['page']}.txt"
            if not text.is_file():
                print(f"{story.name}: no text for page {page['page']} in {texts}", file=sys.stderr)
                continue
            rec = {"id": page["page"], "text": text.read_text(encoding="utf-8"), "published": page["published"],
                   "url": page["url"], "outlet": page["outlet"], "title": None}
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
            n += 1
    return n


def storyledger(*args: str) -> None:
    exe = Path(sys.executable).with_name("storyledger")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "storyledger.cli"]
    subprocess.run(cmd + list(args), check=True, cwd=ROOT)


def evaluate(story: Path, cache: Path, work: Path, as_json: bool) -> dict | None:
    texts = cache / story.name / "texts"
    if not texts.is_dir():
        print(f"{story.name}: skipped, no texts in {texts} (re-retrieve them: shared/spec/story-gold.md)")
        return None
    work.mkdir(parents=True, exist_ok=True)
    docs, db = work / "docs.jsonl", work / "ledger.db"
    for stale in work.glob("ledger.db*"):
        stale.unlink()
    if documents(story, texts, docs) == 0:
        return None
    t0 = time.perf_counter()
    storyledger("ingest", str(docs), "--db", str(db), "--quiet")
    seconds = time.perf_counter() - t0
    with (work / "claims.jsonl").open("w") as f:
        subprocess.run([str(Path(sys.executable).with_name("storyledger")), "claims", "--db", str(db), "--format", "jsonl"],
                       check=True, stdout=f, cwd=ROOT)
    storyledger("export", "--format", "jsonl", "--db", str(db), "-o", str(work / "export"))
    args = [str(story / "pages.gold.jsonl"), str(story / "propositions.json"), str(work / "claims.jsonl"),
            str(work / "export" / "relations.jsonl")]
    res = json.loads(subprocess.run([sys.executable, str(SCORER), *args, "--json"], check=True,
                                    capture_output=True, text=True).stdout)
    line = subprocess.run([sys.executable, str(SCORER), *args], check=True, capture_output=True, text=True).stdout.strip().splitlines()[-1]
    res["ingest_seconds"] = round(seconds, 1)
    if as_json:
        print(json.dumps({"story": story.name, **res}))
    else:
        pairs = res["pairs"]
        print(f"{story.name}: {line}; B3 P/R {res['proposition_bcubed']['p']}/{res['proposition_bcubed']['r']}, "
              f"pairs flagged of both found {pairs['flagged']}/{pairs['both_found']}, "
              f"flag precision {res['flag_precision']} of {res['flags_judged']}, quantities {res['quantity_acc']}, "
              f"net {res['net_position_acc']}; ingest {seconds:.1f} s")
    return res


def core_golds(story: Path) -> list[dict]:
    """The set's core gold claims, each with its page number in `_page` (as the scorer reads them)."""
    golds = []
    for line in (story / "pages.gold.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            page = json.loads(line)
            for c in page["claims"]:
                if c.get("core", True):
                    c["_page"] = page["page"]
                    golds.append(c)
    return golds


def misses(story: Path, work: Path) -> None:
    """The core gold claims nothing matched, and the system claims that matched nothing."""
    sys.path.insert(0, str(SCORER.parent))
    import score_story as sc  # noqa: PLC0415

    golds = core_golds(story)
    preds = [json.loads(x) for x in (work / "claims.jsonl").read_text().splitlines() if x.strip()]
    m = sc.match(golds, preds, True)
    hit = set(m.values())
    print(f"\n## {story.name}: {len(golds) - len(m)} gold claims missed, {len(preds) - len(hit)} system claims unmatched")
    for gi, g in enumerate(golds):
        if gi in m:
            p = preds[m[gi]]
            if p.get("stance") != g["stance"]:
                print(f"STANCE {g['id']} gold {g['stance']}/{g.get('polarity')} sys {p.get('stance')}/{p.get('polarity')}: {p.get('content')[:150]!r}")
            continue
        print(f"MISS {g['id']} [{g['source']['name']}] {g['cue']} {g['stance']} kw={g['keywords']} :: {g['gist']}")
        for p in preds:
            if sc.page_of(p.get("document")) == g["_page"] and preds.index(p) not in hit:
                if any(sc.kw_re(k).search(p.get("content") or "") for k in g["keywords"]):
                    src = (p.get("source") or {}).get("name")
                    print(f"    near: [{src}] {p.get('cue')} :: {(p.get('content') or '')[:160]!r}")
    g2p = {golds[gi]["id"]: preds[pi] for gi, pi in m.items()}
    flagged = {}
    relations = work / "export" / "relations.jsonl"
    for line in relations.read_text().splitlines() if relations.is_file() else []:
        r = json.loads(line)
        flagged[frozenset(r.get("claims") or (r.get("a"), r.get("b")))] = r["kind"]
    for pair in json.loads((story / "propositions.json").read_text())["contradiction_pairs"]:
        a, b = pair["a"], pair["b"]
        if a["id"] in g2p and b["id"] in g2p:
            pa, pb = g2p[a["id"]], g2p[b["id"]]
            print(f"PAIR {pair['type']} {a['id']}/{b['id']} same proposition {pa.get('proposition') == pb.get('proposition')}, "
                  f"flag {flagged.get(frozenset((pa['id'], pb['id'])))}; system {pa.get('stance')}/{pa.get('polarity')} vs "
                  f"{pb.get('stance')}/{pb.get('polarity')}, gold {a['stance']}/{a['polarity']} vs {b['stance']}/{b['polarity']}")
    for pi, p in enumerate(preds):
        if pi not in hit:
            src = (p.get("source") or {}).get("name")
            print(f"EXTRA {p.get('document')} [{src}] {p.get('cue')} {p.get('stance')} :: {(p.get('content') or '')[:160]!r}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("stories", nargs="*", type=Path, help="story folders (default: every set with texts)")
    ap.add_argument("--cache", type=Path, default=ROOT / ".cache" / "stories", help="CACHE/NAME/texts/NNN.txt")
    ap.add_argument("--keep", type=Path, help="keep each set's documents, ledger and exports in KEEP/NAME")
    ap.add_argument("--json", action="store_true", help="one JSON object per set")
    ap.add_argument("--misses", action="store_true", help="list missed gold claims and unmatched system claims")
    a = ap.parse_args(argv)
    if not SCORER.is_file():
        print(f"no scorer at {SCORER}: ../shared is not beside the checkout", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        for story in a.stories or story_dirs():
            work = (a.keep or Path(tmp)) / story.name
            if evaluate(story, a.cache, work, a.json) is not None and a.misses:
                misses(story, work)
    return 0


if __name__ == "__main__":
    sys.exit(main())
