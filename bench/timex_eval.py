"""Run find_timexes over a docs.jsonl and write annotate-style JSONL for score_timex.py.

Usage:
    python bench/timex_eval.py DOCS.jsonl OUT.jsonl [--cache DIR] [--gold GOLD.jsonl]

Parsed Docs are cached as a spaCy DocBin in --cache (keyed by the docs file name and size),
so rule changes can be re-scored without re-parsing. With --gold the scorer is run at the end.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

from spacy.tokens import DocBin

from storyledger import nlp as sl_nlp
from storyledger.semantics.time import find_timexes

SCORER = Path(__file__).resolve().parents[2] / "shared" / "eval" / "score_timex.py"


def read_jsonl(path: str) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def parse(docs: list[dict], cache: str | None, key: str) -> tuple[list, float]:
    """Parsed Docs for `docs`, from the DocBin cache when present; returns (docs, parse seconds)."""
    nlp = sl_nlp.load()
    path = Path(cache) / f"{key}.spacy" if cache else None
    if path and path.exists():
        db = DocBin().from_disk(path)
        return list(db.get_docs(nlp.vocab)), 0.0
    t0 = time.perf_counter()
    parsed = list(nlp.pipe((d["text"] for d in docs), batch_size=32))
    dt = time.perf_counter() - t0
    if path:
        path.parent.mkdir(parents=True, exist_ok=True)
        db = DocBin(store_user_data=True)
        for d in parsed:
            db.add(d)
        db.to_disk(path)
    return parsed, dt


def run(docs_path: str, out_path: str, cache: str | None = None) -> dict:
    """Annotate every document of `docs_path` into `out_path`; return timing figures."""
    docs = read_jsonl(docs_path)
    key = f"{Path(docs_path).name}.{os.path.getsize(docs_path)}"
    parsed, parse_s = parse(docs, cache, key)
    t0 = time.perf_counter()
    with open(out_path, "w", encoding="utf-8") as f:
        for d, doc in zip(docs, parsed):
            tx = find_timexes(doc, d.get("published"))
            f.write(json.dumps({"document": d["id"], "timexes": [t.to_dict() for t in tx]}) + "\n")
    timex_s = time.perf_counter() - t0
    return {"documents": len(docs), "parse_seconds": round(parse_s, 3), "timex_seconds": round(timex_s, 3)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("docs")
    ap.add_argument("out")
    ap.add_argument("--cache", default=None, help="folder for cached DocBins")
    ap.add_argument("--gold", default=None, help="gold JSONL: run score_timex.py on the output")
    ap.add_argument("--errors", type=int, default=0)
    a = ap.parse_args(argv)
    stats = run(a.docs, a.out, a.cache)
    print(json.dumps(stats), file=sys.stderr)
    if a.gold:
        cmd = [sys.executable, str(SCORER), a.gold, a.out]
        if a.errors:
            cmd += ["--errors", str(a.errors)]
        return subprocess.call(cmd)
    return 0


if __name__ == "__main__":
    sys.exit(main())
