"""Near-duplicate documents (wire copies, reposts) by word shingles and MinHash with LSH banding,
and rewrites of one wire story by the reported statements they share.

Each document gets a MinHash signature of its word 5-shingles; documents that share a band of
the signature are candidates, and a candidate pair whose exact shingle Jaccard is at least
`COPY_JACCARD`, or most of whose shorter text lies in the longer (`COPY_CONTAINMENT`), is a copy.

A rewrite of a wire story (a site re-edits the agency's sentences, cuts or reorders them) shares
too few word runs for that, but it keeps the agency's reported statements: "the official said
none of the intelligence pointed to an Israeli strike". Two outlets quoting one official share
the official's words (direct quotes), not the reporter's: so the second route counts reported
statements only, in the reporter's own words (indirect speech and "according to", with any
quoted words taken out), and calls two documents copies when at least `STATEMENT_SHARED` of
them, in different sentences, have the same speaker (the last word of the name: a surname, or
the head of "a senior French military official") and nearly the same content words
(`STATEMENT_CONTAINMENT`, `STATEMENT_JACCARD`), and they are at least `STATEMENT_SHARE` of the
smaller document's statements. Candidates come from MinHash bands of each statement's content
words under its speaker. Both routes depend on the two documents alone, and the cost is linear
in the number of documents plus the candidates.
"""
from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from .blocking import DisjointSets, bucket_pairs
from .propositions import core, keys

SHINGLE = 5
PERMUTATIONS = 96
# 32 bands of 3 rows: a pair at Jaccard 0.5 shares a band with probability 0.986, at 0.3 with
# 0.58, at 0.01 with 0.00003, so candidates stay few while copies are not missed.
BANDS = 32
CONTAINED_BANDS = 48  # of two rows each (`bands`)
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
# shingles 77 (containment 0.21); the story sets' wire excerpts share 0.43-0.70 of the shorter
# (iran-drones: one Reuters item under two sites' headers and footers, 0.55 of 58 shingles).
# Rechecked in the session of 2026-12-07, every PolNeAR pair with 40 shingles or more in common:
# the 7 copies at 0.69-1.0, the teaser at 0.509, nothing else over 0.4.
COPY_CONTAINMENT = 0.55
COPY_SHARED = 40

# Rewrites by reported statements (module docstring). Measured on the ledgers of the story sets
# (al-ahli, titan, kakhovka) and of PolNeAR train+dev (924 articles), every document pair with a
# speaker word in common (72,290 in PolNeAR): at these settings the pairs with two or more shared
# statements are al-ahli's AP rewrite (2 statements: 14 of 14 words, Jaccard 0.64, and 4 of 5,
# 0.57), the titan and kakhovka copies the shingles find (5 and 2) and PolNeAR's 7 copies (2-18);
# every other pair shares at most one. Direct quotes counted too, Reuters and AFP quoting the
# Kremlin's spokesman (kakhovka) and a PolNeAR pair would be copies (6 PolNeAR pairs of articles
# quoting one speech without the floor of `STATEMENT_SHARE`); any speaker, one PolNeAR pair (4
# without the floor); the full name of the speaker, or three statements, or containment 0.9 or
# Jaccard 0.6, and al-ahli's rewrite is lost; 0.7 and 0.4 make no other copy. A statement needs
# `STATEMENT_KEYS` content words (bench/RESULTS.md has the table).
REPORTED = frozenset({"indirect", "according_to"})
STATEMENT_KEYS = 4
STATEMENT_CONTAINMENT = 0.8
STATEMENT_JACCARD = 0.5
STATEMENT_SHARED = 2
# Of the smaller document's statements. The copies above share 0.5-1.0 of them; the floor keeps
# apart two long pages (live blogs of 40-60 statements) that each carry the same two agency items.
STATEMENT_SHARE = 1 / 3
# 12 bands of 3 rows of the content words' MinHash, under the speaker word: a statement pair at
# Jaccard 0.5 shares a band with probability 0.80, at 0.6 0.95, so a pair of documents with two
# such statements is missed with probability 0.04 at the floor; PolNeAR gives 303 candidate
# pairs (8 bands of 2 rows: 1,745, for the same 7 found).
STATEMENT_BANDS = 12
STATEMENT_ROWS = 3
# Quoted words inside a reported statement are the speaker's, which every outlet repeats.
QUOTED = re.compile(r'"[^"]*"|“[^”]*”|‘[^’]*’(?![^\W_])')

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


def copied(a: set[int], b: set[int], a_statements: Sequence[Statement] = (), b_statements: Sequence[Statement] = ()) -> float | None:
    """The similarity (shingle Jaccard) of two documents when one copies the other (by Jaccard,
    by containment of the shorter in the longer, or by the reported statements they share), else None."""
    shared = len(a & b)
    j = shared / len(a | b) if a or b else 0.0
    if j >= COPY_JACCARD:
        return j
    if shared >= COPY_SHARED and shared >= COPY_CONTAINMENT * min(len(a), len(b)):
        return j
    if rewritten(a_statements, b_statements):
        return j
    return None


def bands(sh: set[int]) -> list[int]:
    """The document's LSH band keys: documents sharing one are candidates. Bands of three
    signature rows find pairs by Jaccard; bands of two (`CONTAINED_BANDS`, keyed apart) find the
    excerpt whose Jaccard is low though most of it lies in the other (0.55 of a text in another
    twice its size is a Jaccard of about 0.3: one chance in three to share a three-row band of 32,
    one in a hundred to share no two-row band of 48)."""
    sig = signature(sh)
    rows = PERMUTATIONS // BANDS
    keys = {int.from_bytes(hashlib.blake2b(bytes([b]) + sig[b * rows : (b + 1) * rows].tobytes(), digest_size=8).digest(),
                           "big", signed=True) for b in range(BANDS)}
    pair = PERMUTATIONS // CONTAINED_BANDS
    keys.update(int.from_bytes(hashlib.blake2b(b"c" + bytes([b]) + sig[b * pair : (b + 1) * pair].tobytes(), digest_size=8).digest(),
                               "big", signed=True) for b in range(CONTAINED_BANDS))
    return sorted(keys)


@dataclass(frozen=True, slots=True)
class Statement:
    """A reported statement of a claim, as the second route compares it."""

    speaker: str  # the last word of the speaker's name, lower-cased
    words: frozenset[str]  # content words (`propositions.keys`) of the reporter's own wording
    sentence: str  # the sentence it is in: two claims of one sentence count once


def statement(name: str | None, mode: str | None, content: str, sentence: str | None = None) -> Statement | None:
    """The claim's reported statement, or None: a direct quote, no named speaker, or too few words."""
    if mode not in REPORTED:
        return None
    names = re.findall(r"[^\W_]+(?:['’.-][^\W_]+)*", (name or "").lower())
    if not names or names == ["unnamed"]:
        return None
    words = frozenset(keys(core(QUOTED.sub(" ", content))))
    if len(words) < STATEMENT_KEYS:
        return None
    return Statement(names[-1], words, sentence if sentence is not None else content)


def same_statement(a: Statement, b: Statement) -> float | None:
    """The Jaccard of two statements' words when they are the same statement of the same speaker, else None."""
    if a.speaker != b.speaker:
        return None
    shared = len(a.words & b.words)
    j = shared / len(a.words | b.words)
    if j >= STATEMENT_JACCARD and shared >= STATEMENT_CONTAINMENT * min(len(a.words), len(b.words)):
        return j
    return None


def matched_statements(a: Sequence[Statement], b: Sequence[Statement]) -> list[tuple[int, int, float]]:
    """(index in a, index in b, jaccard) of the same statements, one to one, best first."""
    pairs = sorted(((j, i, k) for i, x in enumerate(a) for k, y in enumerate(b) if (j := same_statement(x, y)) is not None),
                   key=lambda t: (-t[0], t[1], t[2]))
    used_a: set[int] = set()
    used_b: set[int] = set()
    out = []
    for j, i, k in pairs:
        if i not in used_a and k not in used_b:
            used_a.add(i)
            used_b.add(k)
            out.append((i, k, j))
    return out


def rewritten(a: Sequence[Statement], b: Sequence[Statement]) -> bool:
    """Whether two documents with these statements are rewrites of one story (module docstring)."""
    if min(len(a), len(b)) < STATEMENT_SHARED:
        return False
    if _order(b) < _order(a):  # the same answer whichever document came first (ties in the matching)
        a, b = b, a
    matched = matched_statements(a, b)
    shared = min(len({a[i].sentence for i, _, _ in matched}), len({b[k].sentence for _, k, _ in matched}))
    return shared >= STATEMENT_SHARED and shared >= STATEMENT_SHARE * min(len(a), len(b))


def _order(statements: Sequence[Statement]) -> list[tuple[str, list[str], str]]:
    return [(st.speaker, sorted(st.words), st.sentence) for st in statements]


def _word_hash(w: str) -> int:
    return int.from_bytes(hashlib.blake2b(w.encode(), digest_size=4).digest(), "little")


def statement_bands(statements: Iterable[Statement]) -> list[int]:
    """Band keys of the statements' content words under their speaker: documents sharing one are
    candidates for the second route (distinct from the text's `bands`, in the same key space).
    No bands for a document with too few statements to be a rewrite of anything."""
    statements = list(statements)
    if len(statements) < STATEMENT_SHARED:
        return []
    n = STATEMENT_BANDS * STATEMENT_ROWS
    out = set()
    for st in statements:
        x = np.fromiter((_word_hash(w) for w in sorted(st.words)), dtype=np.uint64, count=len(st.words))
        sig = ((np.outer(_A[:n], x) + _B[:n, None]) % _PRIME).min(axis=1)
        for b in range(STATEMENT_BANDS):
            seed = b"s" + bytes([b]) + st.speaker.encode()
            out.add(int.from_bytes(hashlib.blake2b(seed + sig[b * STATEMENT_ROWS : (b + 1) * STATEMENT_ROWS].tobytes(),
                                                   digest_size=8).digest(), "big", signed=True))
    return sorted(out)


def find_copies(documents: Iterable[tuple[str, str, str | None]],
                statements: Mapping[str, Sequence[Statement]] | None = None) -> dict[str, tuple[str, float]]:
    """`{copy id: (original id, jaccard)}` for (id, text, published) documents, and each
    document's reported statements (`statement`) when given."""
    docs = sorted(documents)
    statements = statements or {}
    sets = {d[0]: shingles(d[1]) for d in docs}
    buckets: dict[int, list[str]] = defaultdict(list)
    for doc_id, _, _ in docs:
        if len(sets[doc_id]) >= 3:  # too short to call anything a copy of it
            for b in bands(sets[doc_id]) + statement_bands(statements.get(doc_id, ())):
                buckets[b].append(doc_id)
    pairs = [(a, b, j) for a, b in bucket_pairs(buckets.values())
             if (j := copied(sets[a], sets[b], statements.get(a, ()), statements.get(b, ()))) is not None]
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
