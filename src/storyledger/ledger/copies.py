"""Near-duplicate documents (wire copies, reposts) by word shingles and MinHash with LSH banding.

Each document gets a MinHash signature of its word 5-shingles; documents that share a band of
the signature are candidates, and a candidate pair whose exact shingle Jaccard is at least
`COPY_JACCARD`, or most of whose shorter text lies in the longer (`COPY_CONTAINMENT`), is a copy. The cost is linear in the number of documents plus the candidates.
"""
from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable

import numpy as np

from .blocking import DisjointSets, bucket_pairs

SHINGLE = 5
PERMUTATIONS = 96
# 32 bands of 3 rows: a pair at Jaccard 0.5 shares a band with probability 0.986, at 0.3 with
# 0.58, at 0.01 with 0.00003, so candidates stay few while copies are not missed.
BANDS = 32
# An exhaustive check of PolNeAR train+dev (924 articles, every pair sharing a shingle) found 4
# pairs at 0.68-1.0 (re-editions under a new headline), 3 at 0.52-0.56 (a re-edited article, and
# live blogs sharing agency items), and none between 0.2 and 0.5: the threshold sits in that gap.
COPY_JACCARD = 0.5
# Excerpts of one story that start at different points, or that differ in captions and
# teasers, overlap less than that, but most of the shorter one lies inside the longer one: a
# copy also when this share of the shorter text's shingles is in the other, and they share at
# least `COPY_SHARED` shingles (some 40 words in a row: a paragraph, not a shared boilerplate
# line). PolNeAR train+dev, every pair sharing a shingle: past the 7 copies above, the highest
# containment is 0.51 (a 116-shingle video teaser quoting an article) and the most shared
# shingles 77 (containment 0.21); the story sets' wire excerpts share 0.6-0.7 of the shorter.
COPY_CONTAINMENT = 0.6
COPY_SHARED = 40

_PRIME = np.uint64(4294967311)
_rng = np.random.default_rng(20241028)
_A = _rng.integers(1, 2**32 - 1, PERMUTATIONS, dtype=np.uint64)
_B = _rng.integers(0, 2**32 - 1, PERMUTATIONS, dtype=np.uint64)
WORD = re.compile(r"\w+")


def shingles(text: str) -> set[int]:
    words = WORD.findall(text.lower())
    grams = (" ".join(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1)))
    return {int.from_bytes(hashlib.blake2b(g.encode(), digest_size=4).digest(), "little") for g in grams}


def signature(sh: set[int]) -> np.ndarray:
    if not sh:
        return np.full(PERMUTATIONS, np.iinfo(np.uint64).max, dtype=np.uint64)
    x = np.fromiter(sh, dtype=np.uint64, count=len(sh))
    return ((np.outer(_A, x) + _B[:, None]) % _PRIME).min(axis=1)


def jaccard(a: set[int], b: set[int]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def copied(a: set[int], b: set[int]) -> float | None:
    """The similarity of two documents' shingle sets when one copies the other (by Jaccard, or
    by containment of the shorter in the longer), else None."""
    shared = len(a & b)
    j = shared / len(a | b) if a or b else 0.0
    if j >= COPY_JACCARD:
        return j
    if shared >= COPY_SHARED and shared >= COPY_CONTAINMENT * min(len(a), len(b)):
        return j
    return None


def bands(sh: set[int]) -> list[int]:
    """The document's LSH band keys: documents sharing one are candidates."""
    sig = signature(sh)
    rows = PERMUTATIONS // BANDS
    return sorted({int.from_bytes(hashlib.blake2b(bytes([b]) + sig[b * rows : (b + 1) * rows].tobytes(), digest_size=8).digest(),
                                  "big", signed=True) for b in range(BANDS)})


def find_copies(documents: Iterable[tuple[str, str, str | None]]) -> dict[str, tuple[str, float]]:
    """`{copy id: (original id, jaccard)}` for (id, text, published) documents."""
    docs = sorted(documents)
    sets = {d[0]: shingles(d[1]) for d in docs}
    buckets: dict[int, list[str]] = defaultdict(list)
    for doc_id, _, _ in docs:
        if len(sets[doc_id]) >= 3:  # too short to call anything a copy of it
            for b in bands(sets[doc_id]):
                buckets[b].append(doc_id)
    pairs = [(a, b, j) for a, b in bucket_pairs(buckets.values()) if (j := copied(sets[a], sets[b])) is not None]
    return copy_groups([d[0] for d in docs], {d[0]: d[2] for d in docs}, pairs)


def copy_groups(documents: list[str], published: dict[str, str | None], pairs: Iterable[tuple[str, str, float]]) -> dict[str, tuple[str, float]]:
    """`{copy id: (original id, jaccard)}` from the near-duplicate pairs among `documents`.

    Within a group of near-duplicates the original is the earliest published (then the
    smallest id); every other member points at it, with its best Jaccard against an earlier one.
    """
    order = {d: i for i, d in enumerate(sorted(documents, key=lambda d: (published.get(d) or "9999", d)))}
    groups = DisjointSets(sorted(documents, key=order.__getitem__))
    best: dict[str, float] = {}
    for a, b, j in sorted(pairs):
        groups.join(*sorted((groups.find(a), groups.find(b)), key=order.__getitem__))  # the earliest is the root
        later = max(a, b, key=order.__getitem__)
        best[later] = max(best.get(later, 0.0), j)
    return {d: (groups.find(d), best.get(d, 1.0)) for d in groups.parent if groups.find(d) != d}
