"""Build `src/storyledger/data/background.npy`: the mean USE vector of the claims of the bundled
examples (the seed and the MEANTIME Wikinews articles, CC BY 4.0), stance frames removed.

Linking centres a story's claim vectors on the story's own mean; a story of fewer than ten claims
is too small to have one and is centred on this background instead, what claims in news share.
It is fixed, so that such a story links the same whatever else the ledger holds.

    .venv/bin/python tools/build_background.py
"""
from __future__ import annotations

from pathlib import Path

import numpy as np

from storyledger.documents import read
from storyledger.ledger import propositions as props
from storyledger.pipeline import Options, extract_many

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    docs = [d for d in read([str(ROOT / "examples")]) if not hasattr(d, "reason")]
    cores = sorted({props.core(c.content) for _, claims in extract_many(docs, Options()) for c in claims})
    mean = props.embed(cores).mean(axis=0)
    out = ROOT / "src" / "storyledger" / "data" / "background.npy"
    np.save(out, mean.astype(np.float32))
    print(f"{out}: mean of {len(cores)} claim cores from {len(docs)} documents")


if __name__ == "__main__":
    main()
