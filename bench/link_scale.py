"""Linking cost per claim at 10k and 100k claims, measured side by side in one run.

Synthetic claims: N/5 "propositions", each a random unit vector, and claims that are noisy
copies of them (the same shape real ledgers have: a few claims per proposition, most vectors far
apart), with words drawn from a Zipf-like vocabulary and a unit on one claim in ten. The timed
step is `ledger.propositions.group` (LSH blocking, similarity, complete linkage, labels): all of
linking that grows with the ledger. Embedding is per claim and constant; its cost is printed
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


def synthetic(n: int, seed: int = 1) -> tuple[list[props.Item], np.ndarray, dict[str, float]]:
    rng = np.random.default_rng(seed)
    r = random.Random(seed)
    k = max(1, n // 5)
    centres = rng.standard_normal((k, 512)).astype(np.float32)
    of = rng.integers(0, k, n)
    X = centres[of] + 0.6 * rng.standard_normal((n, 512)).astype(np.float32)
    X /= np.linalg.norm(X, axis=1, keepdims=True)
    vocab = [letters(i) for i in range(20000)]
    items = []
    for i in range(n):
        own = [vocab[(int(of[i]) * 5 + r.randrange(6)) % len(vocab)] for _ in range(5)]  # the proposition's words
        common = [vocab[min(int(r.paretovariate(1.0)), len(vocab) - 1)] for _ in range(3)]  # Zipf: the story's words
        words = set(own + common)
        units = frozenset({"soldier"}) if i % 10 == 0 else frozenset()
        items.append(props.Item(f"c{i:07d}", f"d{i // 15}", i % 15, int(of[i]) % 997, " ".join(sorted(words)), "indirect", units))
    texts, idf = props.prepare(items)
    return items, X, idf


def letters(i: int) -> str:
    """A word of letters only for each number ("bab", "bac", ...), as content words are."""
    out = ""
    for _ in range(4):
        i, r = divmod(i, 26)
        out = chr(97 + r) + out
    return "w" + out


def timed(n: int) -> tuple[float, int]:
    items, X, idf = synthetic(n)
    t = time.perf_counter()
    g = props.group(items, X, idf)
    return time.perf_counter() - t, len(g.members)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", nargs=2, type=int, default=[10_000, 100_000])
    a = ap.parse_args()
    small, large = a.sizes
    results = {}
    for n in (small, large):
        seconds, groups = timed(n)
        results[n] = seconds / n
        print(f"{n:>7} claims: {seconds:7.2f} s, {1e6 * seconds / n:7.1f} µs per claim, {groups} propositions")
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
