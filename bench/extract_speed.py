"""Extract throughput against spaCy's own `nlp.pipe` on the same documents, in one run.

    .venv/bin/python bench/extract_speed.py [DOCS.jsonl] [--repeat N]

Prints words/second for: raw spaCy (`spacy.load(model).pipe`), storyledger extract without
normalisation (attribution and stance only), and full extract (time, quantities, places and
entities too), and the ratios. Runs alternate, best of N, because the machine is shared.
storyledger's runs include reading the records as `read` does (`record_document`: the checks
and the language identifier for a record without a `language` field), spaCy's only the parse.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import spacy

from storyledger.documents import Document, record_document
from storyledger.nlp import MODEL, load
from storyledger.pipeline import Options, extract_many

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear" / "dev.docs.jsonl"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("docs", nargs="?", default=str(DEFAULT))
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    records = [{k: v for k, v in json.loads(line).items() if k != "language"}
               for line in open(a.docs, encoding="utf-8") if line.strip()]
    texts = [r["text"] for r in records]

    def documents() -> list[Document]:
        return [d for n, r in enumerate(records) for d in record_document(r, f"record {n}") if isinstance(d, Document)]

    docs = documents()
    words = sum(len(t.split()) for t in texts)
    raw = spacy.load(MODEL)
    load()  # warm both pipelines before timing
    list(raw.pipe(texts[:5]))
    plain, full = Options(normalise=False), Options(normalise=True)
    list(extract_many(docs[:5], full))
    best = {"spacy": float("inf"), "attribution": float("inf"), "full": float("inf")}
    for _ in range(a.repeat):
        t = time.perf_counter()
        list(raw.pipe(texts, batch_size=32))
        best["spacy"] = min(best["spacy"], time.perf_counter() - t)
        t = time.perf_counter()
        list(extract_many(documents(), plain))
        best["attribution"] = min(best["attribution"], time.perf_counter() - t)
        t = time.perf_counter()
        list(extract_many(documents(), full))
        best["full"] = min(best["full"], time.perf_counter() - t)
    print(f"{len(docs)} documents, {words:,} words, best of {a.repeat}")
    for k, v in best.items():
        print(f"  {k:<12} {v:7.2f} s  {words / v:9,.0f} words/s")
    print(f"ratio extract (attribution only) / spacy nlp.pipe: {best['spacy'] / best['attribution']:.3f}")
    print(f"ratio extract (full) / spacy nlp.pipe:             {best['spacy'] / best['full']:.3f}")
    print(f"normalisation cost (share of attribution-only throughput lost): {1 - best['attribution'] / best['full']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
