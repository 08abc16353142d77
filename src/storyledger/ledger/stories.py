"""Stories: the documents whose claims share rare words are one story.

A document is the bag of its claims' content words, each weighted by its count and by how rare
the word is in language at large: its self-information under the unigram model of the USE
tokenizer (which ships with the sentence encoder), less `INFO_FLOOR`, so that "said" or "war"
weigh nothing and "Pyongyang" or "Budanov" weigh most. Two documents are joined when the cosine
of their weighted bags is at least `SIMILARITY`; a story is a connected group of documents.

The weights are the language's, not the ledger's, so whether two documents are joined depends on
those two alone: a story grows as documents arrive, and a ledger linked one document at a time
has the same stories as one linked in one go. Candidate pairs are the documents that share one
of their `BLOCKS` heaviest words.
"""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from functools import lru_cache

from .blocking import DisjointSets, bucket_pairs

# Calibrated on the demo ledger (seed + 120 MEANTIME articles on four topics) and PolNeAR
# train+dev (0.25: see bench/RESULTS.md, "Ledger"), then lowered for the real story sets: their
# pages on a side thread (a nuclear plant's cooling ponds, a debris briefing) sat at 0.20-0.24
# from the rest and were stories of one page (bench/RESULTS.md, "Propositions on real stories").
SIMILARITY = 0.2
# Self-information (nats) below which a word says nothing about the story: "said" 8.1,
# "government" 9.8, "front" 10.3, "soldiers" 12.2, "Pentagon" 14.6, "Budanov" 26.7.
INFO_FLOOR = 9.5
# A name weighs at most this: one shared name alone does not make two documents one story.
INFO_CAP = 6.0
BLOCKS = 8
BLOCK_INFO = 12.0
MIN_RARE = 3
# What `propositions.key` may have cut off a word.
ENDINGS = ("", "e", "s", "es", "ed", "ing")


def _unigram():
    """The sentence encoder's own tokenizer (loaded once, without the encoder's weights)."""
    from .propositions import encoder

    return encoder()._tokenizer  # noqa: SLF001


@lru_cache(maxsize=16_384)
def info(key: str) -> float:
    """-log P(word) under the tokenizer's unigram model, for the likeliest word this key
    (`propositions.key`, a crude stem: "announc", "train") can stand for."""
    return min(_info(w) for end in ENDINGS for w in (key + end, (key + end).capitalize()))


def _info(word: str) -> float:
    t = _unigram()
    ids = t.encode(word, add_bos=False, add_eos=False)
    return -sum(t._scores[i] if i else t._unk_score for i in ids)  # noqa: SLF001 (the model's piece scores)


class Rarity(dict):
    """`info` of each word, worked out once per pass over many documents: the cache of `info`
    holds 16,384 words, and a pass over a large ledger meets many more, so a word met again in
    a later document had been dropped from it and was worked out anew (on 100,000 synthetic
    claims, eight lookups in ten: the cost per claim grew with the ledger)."""

    def __missing__(self, word: str) -> float:
        value = self[word] = info(word)
        return value


def weigh(words: Mapping[str, int], rarity: Mapping[str, float] | None = None) -> dict[str, float]:
    """A document's words -> unit-length weights (words too common to tell stories apart dropped)."""
    rarity = Rarity() if rarity is None else rarity
    v = {w: c * min(rarity[w] - INFO_FLOOR, INFO_CAP) for w, c in words.items()}
    v = {w: x for w, x in v.items() if x > 0}
    norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
    return {w: round(x / norm, 6) for w, x in sorted(v.items())}


def blocks(terms: Mapping[str, float], rarity: Mapping[str, float] | None = None) -> list[str]:
    """The words two documents are compared on when they share one: the document's heaviest
    words at least as rare in language as `BLOCK_INFO` ("soldier", "Budanov"; not "rise" or
    "Monday", which thousands of documents of a large ledger would share, each then a candidate
    for every new document). A document with fewer than `MIN_RARE` such words ("the central
    bank raised interest rates") has its heaviest words as blocks instead."""
    rarity = Rarity() if rarity is None else rarity
    heaviest = sorted(terms, key=lambda w: (-terms[w], w))
    rare = [w for w in heaviest if rarity[w] >= BLOCK_INFO]
    return rare[:BLOCKS] if len(rare) >= MIN_RARE else heaviest[:BLOCKS]


def similar(a: Mapping[str, float], b: Mapping[str, float]) -> bool:
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(w, 0.0) for w, x in a.items()) >= SIMILARITY


def stories(words: Mapping[str, Counter]) -> list[list[str]]:
    """Every story of these documents (each as sorted document ids), in a stable order."""
    rarity = Rarity()
    terms = {d: weigh(words[d], rarity) for d in sorted(words)}
    by_word: dict[str, list[str]] = {}
    for d, t in terms.items():
        for w in blocks(t, rarity):
            by_word.setdefault(w, []).append(d)
    groups = DisjointSets(terms)
    for a, b in bucket_pairs(by_word.values()):
        if groups.find(a) != groups.find(b) and similar(terms[a], terms[b]):
            groups.join(a, b)
    return components(groups, terms)


def components(groups: DisjointSets, members: Iterable[str]) -> list[list[str]]:
    out: dict[str, list[str]] = {}
    for d in members:
        out.setdefault(groups.find(d), []).append(d)
    return sorted(sorted(g) for g in out.values())
