"""Linking cost per claim at 10k and 100k claims, measured side by side in one run.

Synthetic claims: N/5 "propositions", each a random unit vector, and claims that are noisy
copies of them (the same shape real ledgers have: a few claims per proposition, most vectors far
apart), with words drawn from a Zipf-like vocabulary and a unit on one claim in ten. The timed
step is `ledger.propositions.link_items` (stories, masking, LSH and rare-word blocking,
similarity, complete linkage, labels): all of linking that grows with the ledger. Embedding is per claim and constant; its cost is printed
alongside from a sample of real sentences.

    .venv/bin/python bench/link_scale.py            # 10k and 100k
    .venv/bin/python bench/link_scale.py --sizes 2000 20000
"""
from __future__ import annotations

import argparse
import random
import time

import numpy as np

from storyledger.ledger import propositions as props


def synthetic(n: int, per_story: int = 40, seed: int = 1) -> tuple[list[props.Item], dict[str, np.ndarray]]:
    """Items, and the vector of each item's unique word (its masked text keeps that word).

    Stories of `per_story` propositions; each document belongs to one story and has 15 claims on that
    story's propositions; a claim has its proposition's words, its story's words and a unique
    word, and a vector that is a noisy copy of its proposition's."""
    rng = np.random.default_rng(seed)
    r = random.Random(seed)
    k = max(1, n // 5)
    centres = rng.standard_normal((k, 512)).astype(np.float32)
    vocab = [letters(i) for i in range(200_000)]
    items, vectors = [], {}
    for i in range(n):
        doc = i // 15
        story = (doc * 7919) % max(1, k // per_story)
        prop = story * per_story + r.randrange(per_story) if k >= per_story else r.randrange(k)
        prop = min(prop, k - 1)
        v = centres[prop] + 0.6 * rng.standard_normal(512).astype(np.float32)
        tag = "x" + letters(i)
        vectors[tag] = v / np.linalg.norm(v)
        own = [vocab[(prop * 5 + r.randrange(6)) % len(vocab)] for _ in range(4)]
        told = [vocab[100_000 + story * 5 + r.randrange(5)] for _ in range(2)]
        units = frozenset({"soldier"}) if i % 10 == 0 else frozenset()
        items.append(props.Item(f"c{i:07d}", f"d{doc}", i % 15, prop % 997, " ".join([tag] + sorted(set(own + told))), "indirect", units))
    return items, vectors


def letters(i: int) -> str:
    """A word of letters only for each number ("bab", "bac", ...), as content words are."""
    out = ""
    for _ in range(4):
        i, r = divmod(i, 26)
        out = chr(97 + r) + out
    return "w" + out


def timed(n: int, per_story: int) -> tuple[float, int, int]:
    items, vectors = synthetic(n, per_story)

    def vectors_of(texts: list[str]) -> np.ndarray:
        return np.vstack([vectors[t.split()[0]] for t in texts])

    t = time.perf_counter()
    g = props.link_items(items, vectors_of)
    return time.perf_counter() - t, len(g.members), len(props.stories(items))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", nargs=2, type=int, default=[10_000, 100_000])
    ap.add_argument("--per-story", type=int, default=40,
                    help="propositions per story (40: stories of ~200 claims, compared pair by pair; "
                         "400: ~2,000 claims, over the exact limit, so through the LSH and rare-word blocks)")
    a = ap.parse_args()
    small, large = a.sizes
    results = {}
    for n in (small, large):
        seconds, groups, stories = timed(n, a.per_story)
        results[n] = seconds / n
        print(f"{n:>7} claims: {seconds:7.2f} s, {1e6 * seconds / n:7.1f} µs per claim, {stories} stories, "
              f"{groups} propositions (the generator made {n // 5})")
    ratio = results[large] / results[small]
    print(f"ratio (per-claim time at {large:,} / at {small:,}): {ratio:.2f}  (target <= 1.5; quadratic would be {large / small:.0f})")
    sample = ["The minister said the port would reopen on Monday after talks with the union."] * 64
    props.embed(sample[:2])  # load the model
    t = time.perf_counter()
    props.embed(sample)
    per = (time.perf_counter() - t) / len(sample)
    print(f"embedding (constant per claim, not in the ratio): {1e6 * per:.0f} µs per claim; "
          f"linking at {large:,} is {results[large] / per:.2f} x the embedding cost")


if __name__ == "__main__":
    main()
