"""Issue 17: peak memory of `extract` and `ingest` on real articles, at growing sizes, side by side.

    PYTHONPATH=src .venv/bin/python bench/memory_real.py                 # 100 and 1,000 documents
    PYTHONPATH=src .venv/bin/python bench/memory_real.py --large         # and 10,000
    PYTHONPATH=src .venv/bin/python bench/memory_real.py --sizes 100 1000 2000 --commands extract

The corpus is PolNeAR train + dev (924 real news articles, `../shared/data/polnear`), in that
order, repeated with new ids (`ID~2`, `ID~3`, ...) to reach the larger sizes; the first N
documents make size N. Each measurement is the real CLI (`storyledger extract FILE -o FILE`,
`storyledger ingest FILE --db FILE --quiet`, the real sentence encoder) in a fresh child
process, whose own peak RSS is read from `os.wait4`. One at a time: on a shared machine two
at once would measure each other. The synthetic benchmark (`bench/ledger_scale.py`) stays
for 10k-100k documents; this one is for what real text costs.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

POLNEAR = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "polnear"


def corpus(n: int, source: Path) -> list[str]:
    """The first n documents of train + dev, repeated with new ids, as JSONL lines."""
    base = [json.loads(line) for part in ("train", "dev") for line in (source / f"{part}.docs.jsonl").open(encoding="utf-8")]
    out = []
    for i in range(n):
        d = dict(base[i % len(base)])
        if i >= len(base):
            d["id"] = f"{d['id']}~{i // len(base) + 1}"
        out.append(json.dumps(d, ensure_ascii=False) + "\n")
    return out


def measure(command: str, docs: Path, work: Path) -> dict:
    """Run one CLI command in a child process; its wall time and its own peak RSS."""
    if command == "extract":
        args = ["extract", str(docs), "-o", str(work / "claims.jsonl")]
    else:
        db = work / "ledger.db"
        for f in work.glob("ledger.db*"):
            f.unlink()
        args = ["ingest", str(docs), "--db", str(db), "--quiet"]
    t = time.perf_counter()
    p = subprocess.Popen([sys.executable, "-m", "storyledger", *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    stderr = p.stderr.read()
    _, status, usage = os.wait4(p.pid, 0)
    p.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - t
    if p.returncode not in (0, 1):  # 1: some document was refused, which is not a failure of the run
        raise SystemExit(f"{command} failed ({p.returncode}): {stderr.decode(errors='replace')[-2000:]}")
    return {"seconds": seconds, "rss_mb": usage.ru_maxrss / 1024}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", nargs="+", type=int, default=[100, 1000])
    ap.add_argument("--large", action="store_true", help="add 10,000 documents (hours on a shared machine)")
    ap.add_argument("--commands", nargs="+", choices=["extract", "ingest"], default=["extract", "ingest"])
    ap.add_argument("--data", type=Path, default=POLNEAR, help="the folder of {train,dev}.docs.jsonl")
    a = ap.parse_args()
    sizes = sorted(set(a.sizes + ([10_000] if a.large else [])))
    work = Path(tempfile.mkdtemp(prefix="memory-real-"))
    results: dict[str, dict[int, dict]] = {c: {} for c in a.commands}
    try:
        for n in sizes:
            docs = work / f"docs-{n}.jsonl"
            docs.write_text("".join(corpus(n, a.data)), encoding="utf-8")
            for c in a.commands:
                r = results[c][n] = measure(c, docs, work)
                print(f"{c:<8} {n:>6,} documents: {r['seconds']:7.1f} s, peak RSS {r['rss_mb']:7.1f} MB", flush=True)
            docs.unlink()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print()
    print("peak RSS, MB   " + "".join(f"{n:>10,}" for n in sizes) + "".join(f"{f'{b}/{s}':>14}" for s, b in zip(sizes, sizes[1:])))
    for c in a.commands:
        rss = [results[c][n]["rss_mb"] for n in sizes]
        ratios = [b / s for s, b in zip(rss, rss[1:])]
        print(f"{c:<14} " + "".join(f"{x:>10.0f}" for x in rss) + "".join(f"{x:>14.2f}" for x in ratios))
    print("(targets: each ratio <= 1.15, every peak under 1,200 MB)")


if __name__ == "__main__":
    main()
