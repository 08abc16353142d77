"""How extraction time grows with the number of claims in one document, in one run.

    PYTHONPATH=src .venv/bin/python bench/claims_scale.py [--sizes 500,1000,2000,4000]

Documents of N invented one-line reports ("He said yes.") and of N quote paragraphs ("“We will
win this war, and soon,” he said."), the shapes of a long live blog or transcript (the hostile
suite's `many_lines` and `many_paragraph_quotes` are 5,000 and 2,000 of them). For each size it
prints the seconds of spaCy's parse and of the work after it (`pipeline.claims_of` on the parsed
document, best of two), and the growth of that work from the smallest size to each: N times the
reports is about N times the work when it is linear, N squared when it is quadratic.
"""
from __future__ import annotations

import argparse
import sys
import time

from storyledger.documents import Document
from storyledger.nlp import load
from storyledger.pipeline import Options, claims_of, extract_many

SHAPES = {
    "one-line reports": "He said yes.\n",
    "quote paragraphs": "\u201cWe will win this war, and soon,\u201d he said.\n\n",
}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="500,1000,2000,4000")
    a = ap.parse_args()
    sizes = [int(x) for x in a.sizes.split(",")]
    nlp = load()
    options = Options()
    list(extract_many([Document(id="warm", text="He said yes.")], options))
    for shape, unit in SHAPES.items():
        print(f"{shape}:")
        base = None
        for n in sizes:
            text = unit * n
            document = Document(id=f"n{n}", text=text)
            t = time.perf_counter()
            doc = next(iter(nlp.pipe([text])))
            parse = time.perf_counter() - t
            after = float("inf")
            for _ in range(2):
                doc.user_data.clear()  # the per-Doc caches (`nlp/cache.py`) start empty each time
                t = time.perf_counter()
                claims = len(claims_of(doc, document, options))
                after = min(after, time.perf_counter() - t)
            base = base or (n, after)
            print(f"  {n:>6} reports: {claims:>6} claims, parse {parse:6.2f} s, after the parse {after:6.2f} s; "
                  f"x{n / base[0]:g} the reports -> x{after / base[1]:.1f} the work")
    return 0


if __name__ == "__main__":
    sys.exit(main())
