"""Extract throughput of the engines on the same documents, in one run: local (one process),
process (a pool of N workers) and dask (a LocalCluster of N single-threaded workers).

    .venv/bin/python bench/engine_speed.py [DOCS.jsonl] [--workers 2] [--repeat 2] [--copies 1]

Each engine is started once and warmed (workers load the model) before it is timed; the start-up
is printed apart. Runs alternate, best of N, because the machine is shared. Prints documents/s
and words/s per engine, the CPU seconds it used (this process and its worker processes, via
psutil) and so how many cores it kept busy, and the ratios to local. `--copies K` repeats the
corpus K times (with new ids) for a longer run.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from dataclasses import replace
from pathlib import Path

import psutil

from storyledger.documents import Document
from storyledger.engines import engine
from storyledger.pipeline import Options

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear" / "dev.docs.jsonl"


def cpu_seconds() -> float:
    """CPU time of this process and every live descendant (pool workers, Dask nannies and workers)."""
    me = psutil.Process(os.getpid())
    total = 0.0
    for p in [me] + me.children(recursive=True):
        try:
            t = p.cpu_times()
            total += t.user + t.system
        except psutil.Error:
            pass
    return total


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("docs", nargs="?", default=str(DEFAULT))
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--copies", type=int, default=1)
    a = ap.parse_args()
    base = [Document.from_dict(json.loads(line)) for line in open(a.docs, encoding="utf-8") if line.strip()]
    docs = [replace(d, id=f"{d.id}#{k}") if k else d for k in range(a.copies) for d in base]
    words = sum(len(d.text.split()) for d in docs)
    options = Options()
    engines = {"local": engine("local"), "process": engine("process", a.workers), "dask": engine("dask", a.workers)}
    startup, best, claims, cpu = {}, {k: float("inf") for k in engines}, {}, {}
    for name, e in engines.items():
        t = time.perf_counter()
        e.__enter__()
        list(e.extract(docs[:2], options))  # start the pool or cluster and load the model
        startup[name] = time.perf_counter() - t
    try:
        for _ in range(a.repeat):
            for name, e in engines.items():
                c, t = cpu_seconds(), time.perf_counter()
                out = list(e.extract(docs, options))
                wall = time.perf_counter() - t
                if wall < best[name]:
                    best[name], cpu[name] = wall, cpu_seconds() - c
                claims[name] = sum(len(c) for _, c in out)
    finally:
        for e in engines.values():
            e.__exit__(None, None, None)
    print(f"{len(docs)} documents, {words:,} words, {a.workers} workers, best of {a.repeat}, "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    for name in engines:
        print(f"  {name:<8} start-up {startup[name]:6.2f} s   extract {best[name]:7.2f} s  {len(docs) / best[name]:6.2f} docs/s"
              f"  {words / best[name]:8,.0f} words/s  cpu {cpu[name]:6.1f} s ({cpu[name] / best[name]:.2f} cores)  {claims[name]} claims")
    for name in ("process", "dask"):
        print(f"ratio {name} ({a.workers} workers) / local: {best['local'] / best[name]:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
