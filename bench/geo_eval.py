#!/usr/bin/env python3
"""Run place recognition and resolution over a geoparsing corpus, for `score_geo.py`.

Usage:
    python bench/geo_eval.py DOCS.jsonl OUT.jsonl [--cache DIR]

Writes `{"document": id, "places": [...]}` per line. With --cache, parsed Docs are kept in a
DocBin in DIR (keyed by the input's name and size) so that re-runs skip spaCy's parse; the place
ruler is then applied to the cached Docs, exactly as `load()` would have run it. Prints the time
spent in nlp.pipe and in find_places.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time

from spacy.tokens import DocBin

from storyledger.nlp import load
from storyledger.semantics.gazetteer import Gazetteer
from storyledger.semantics.places import find_places, place_ruler


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("docs")
    ap.add_argument("out")
    ap.add_argument("--cache", metavar="DIR", help="keep parsed Docs here between runs")
    a = ap.parse_args(argv)
    records = [json.loads(line) for line in open(a.docs, encoding="utf-8") if line.strip()]
    nlp = load()
    t0 = time.perf_counter()
    Gazetteer.load()
    t_gaz = time.perf_counter() - t0
    cache = None
    if a.cache:
        st = os.stat(a.docs)
        cache = os.path.join(a.cache, f"{os.path.basename(a.docs)}.{st.st_size}.spacy")
    t0 = time.perf_counter()
    if cache and os.path.exists(cache):
        docs = [place_ruler(d) for d in DocBin().from_disk(cache).get_docs(nlp.vocab)]
    else:
        docs = list(nlp.pipe((r["text"] for r in records), batch_size=32))
        if cache:
            os.makedirs(a.cache, exist_ok=True)
            DocBin(docs=docs, store_user_data=True).to_disk(cache)
    t_parse = time.perf_counter() - t0
    t0 = time.perf_counter()
    with open(a.out, "w", encoding="utf-8") as f:
        for r, doc in zip(records, docs):
            places = find_places(doc, outlet=r.get("outlet") or r.get("url"))
            f.write(json.dumps({"document": r["id"], "places": [p.to_dict() for p in places]}) + "\n")
    t_places = time.perf_counter() - t0
    print(f"{len(records)} documents: gazetteer load {t_gaz:.2f} s, parse {t_parse:.1f} s"
          f"{' (cached)' if cache and t_parse < 5 else ''}, find_places {t_places:.2f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
