"""A large story (over `EXACT_LIMIT` claims) is grouped in bounded memory, and into the same
propositions as the dicts, tuples and float32 matrix that took ~20 kB a claim did.

The references below are the code that grouped a large story before (issue 17: 877 MB at 1,000
PolNeAR documents, ~388 MB of it for one story of 18,251 claims), kept here to compare with.
"""
from __future__ import annotations

import hashlib
import heapq
import math
import random
from collections import Counter, defaultdict

import numpy as np
import pytest

from storyledger.ledger.link import cached_vectors
from storyledger.ledger import propositions as props
from storyledger.ledger.blocking import bucket_pairs
from storyledger.ledger.store import connect

T = props.THRESHOLD


def heap_linkage(n: int, pairs: dict[tuple[int, int], float], tolerance: float = 1e-12) -> dict[int, list[int]]:
    """The sparse average linkage as it was: a heap of group pairs over dicts of links. An entry
    counted as current within `tolerance` of the pair's average now (0: only when equal)."""
    size = [1] * n
    groups = {i: [i] for i in range(n)}
    links: dict[int, dict[int, float]] = defaultdict(dict)
    for (i, j), v in pairs.items():
        links[i][j] = links[j][i] = v
    heap = [(-v, i, j) for (i, j), v in pairs.items() if v >= T]
    heapq.heapify(heap)
    while heap:
        neg, i, j = heapq.heappop(heap)
        if i not in groups or j not in groups or j not in links[i]:
            continue
        if abs(-neg - links[i][j] / (size[i] * size[j])) > tolerance:
            continue
        for k, v in links.pop(j).items():
            del links[k][j]
            if k != i:
                links[i][k] = links[k][i] = links[i].get(k, 0.0) + v
        size[i] += size[j]
        groups[i].extend(groups.pop(j))
        for k, v in links[i].items():
            avg = v / (size[i] * size[k])
            if avg >= T:
                heapq.heappush(heap, (-avg, min(i, k), max(i, k)))
    return groups


def tuple_pairs(X: np.ndarray, items: list[props.Item]) -> list[tuple[int, int]]:
    """The candidate pairs as they were: a set of tuples from the buckets, sorted."""
    df = Counter(k for it in items for k in it.keys)
    blocks: dict[str, list[int]] = defaultdict(list)
    for i, it in enumerate(items):
        rare = sorted((k for k in it.keys if 1 < df[k] <= props.KEY_MAX_CLAIMS), key=lambda k: (df[k], k))
        for k in rare[: props.KEY_BLOCKS]:
            blocks[k].append(i)
    buckets = list(blocks.values())
    bits = max(1, round(math.log2(len(X) / props.BUCKET_SIZE)))
    rng = np.random.default_rng(7)
    weights = 1 << np.arange(bits, dtype=np.int64)
    for _ in range(props.TABLES):
        planes = rng.standard_normal((X.shape[1], bits)).astype(np.float32)
        codes = (props.project(X, planes) > 0).astype(np.int64) @ weights
        table: dict[int, list[int]] = defaultdict(list)
        for i, c in enumerate(codes.tolist()):
            table[c].append(i)
        buckets.extend(table.values())
    return sorted(set(bucket_pairs(buckets)))


def story(n: int, seed: int = 5) -> tuple[list[props.Item], np.ndarray]:
    """One story of n claims on n/4 propositions: each claim's vector a noisy copy of its
    proposition's (float16, as the ledger keeps them), its words its proposition's, the story's
    and its own, a unit on one claim in eight; a few claims of one word."""
    rng = np.random.default_rng(seed)
    r = random.Random(seed)
    centres = rng.standard_normal((n // 4, 512)).astype(np.float32)
    items, vectors = [], []
    for i in range(n):
        p = r.randrange(len(centres))
        v = centres[p] + 0.7 * rng.standard_normal(512).astype(np.float32)
        vectors.append(v / np.linalg.norm(v))
        words = [f"prop{p}x{r.randrange(5)}" for _ in range(3)] + [f"story{r.randrange(40)}", f"own{i}"]
        if i % 50 == 0:
            words = words[:1]
        units = frozenset({"soldier"}) if i % 8 == 0 else frozenset()
        it = props.Item(f"c{r.randrange(10**9):09d}-{i}", f"d{i // 12}", i % 12, p % 97, " ".join(words), "indirect", units)
        it.core = it.content
        it.keys = frozenset(props.keys(it.core))
        items.append(it)
    return items, np.array(vectors).astype(np.float16)


def reference_group(items: list[props.Item], vectors: np.ndarray, idf: dict[str, float]) -> props.Grouping:
    """`props.group` of a large story as it was: the whole float32 matrix, tuples, dicts, a heap."""
    n = len(items)
    order = sorted(range(n), key=lambda i: items[i].id)
    items = [items[i] for i in order]
    X = vectors[order].astype(np.float32)
    X = X - props.CENTRE * X.mean(axis=0)
    X = X / np.maximum(np.linalg.norm(X, axis=1, keepdims=True), 1e-9)

    def lexical(a: props.Item, b: props.Item) -> float:
        inter = a.keys & b.keys
        if not inter:
            return 0.0
        return sum(idf.get(k, 0.0) for k in inter) / sum(idf.get(k, 0.0) for k in a.keys | b.keys)

    def sim(i: int, j: int) -> float:
        a, b = items[i], items[j]
        s = float(X[i] @ X[j]) + props.LEXICAL_WEIGHT * lexical(a, b)
        return s + (props.UNIT_BONUS if (a.units & b.units) - props.GENERIC_UNITS and a.specific & b.specific else 0.0)

    ok = [len(it.keys) >= props.MIN_KEYS for it in items]
    groups = heap_linkage(n, {(i, j): sim(i, j) for i, j in tuple_pairs(X, items) if ok[i] and ok[j]})
    cluster = [0] * n
    for root, ms in groups.items():
        for m in ms:
            cluster[m] = root
    props.attach_vague(items, cluster, groups)
    out = props.Grouping()
    for ms in groups.values():
        ids = sorted(items[m].id for m in ms)
        pid = "p" + hashlib.blake2b(ids[0].encode(), digest_size=6).hexdigest()
        out.members[pid] = ids
        out.labels[pid] = props.label([items[m] for m in ms], X[ms])
    return out


def test_a_large_story_groups_as_it_did_with_the_whole_matrix_and_a_heap():
    items, vectors = story(props.EXACT_LIMIT + 300)
    texts, idf = props.prepare(items)
    want = reference_group(items, vectors, idf)
    got = props.group(items, vectors.copy(), idf, props.background())
    assert got.members == want.members
    assert got.labels == want.labels
    sizes = Counter(len(m) for m in got.members.values())
    assert sum(c for s, c in sizes.items() if s > 1) > 100  # many merges were compared, not a trivial partition


def test_candidate_codes_are_the_pairs_the_buckets_gave():
    items, vectors = story(props.EXACT_LIMIT + 700, seed=8)
    X = props.Centred(vectors)[np.arange(len(items))]
    codes = props.candidate_codes(X, items)
    first, second = props.pair_ends(codes, len(items), block=1000)
    assert list(zip(first.tolist(), second.tolist())) == tuple_pairs(X, items)


@pytest.mark.parametrize("grid", [False, True])
def test_sparse_linkage_merges_as_the_heap_did(grid):
    """Random sparse graphs, on a grid of values too (ties: the smallest pair merges first). On
    the grid, a heap entry 1e-12 off its pair's new average (a rounding of the same value) was
    taken as current; the arrays compare exactly, as the heap does with no tolerance."""
    rng = np.random.default_rng(11 if grid else 12)
    for _ in range(150):
        n = int(rng.integers(2, 50))
        every = [(i, j) for i in range(n) for j in range(i + 1, n)]
        chosen = sorted(every[k] for k in rng.choice(len(every), size=int(rng.integers(1, len(every) + 1)), replace=False))
        values = rng.integers(-2, 8, size=len(chosen)) / 10 if grid else rng.normal(0.3, 0.3, size=len(chosen))
        want = heap_linkage(n, {p: float(v) for p, v in zip(chosen, values)}, tolerance=0.0 if grid else 1e-12)
        first = np.array([p[0] for p in chosen], dtype=np.int32)
        second = np.array([p[1] for p in chosen], dtype=np.int32)
        got = props.sparse_average_linkage(n, first, second, np.array(values, dtype=np.float64))
        assert got == want and list(got) == list(want)  # the same groups, members in the same order


@pytest.mark.parametrize("n", [1600, 4097, 9001])
def test_centred_rows_are_the_whole_matrix_rows_to_the_bit(n):
    """The mean summed a block at a time and the norms row by row give exactly the rows numpy
    gives on the whole float32 matrix, and the products in blocks of 4096 to 8191 rows exactly
    those `project` makes of that matrix (a single product of all rows may differ in the last
    bits: BLAS splits it by machine and thread count)."""
    rng = np.random.default_rng(n)
    V = (rng.standard_normal((n, 512)) / 20).astype(np.float16)
    X = V.astype(np.float32)
    X = X - props.CENTRE * X.mean(axis=0)
    X = X / np.maximum(np.linalg.norm(X, axis=1, keepdims=True), 1e-9)
    C = props.Centred(V)
    assert np.array_equal(C[np.arange(n)], X)
    assert np.array_equal(C[7], X[7]) and np.array_equal(C[[n - 1, 3, 3]], X[[n - 1, 3, 3]])
    for bits in (7, 11):
        planes = rng.standard_normal((512, bits)).astype(np.float32)
        assert np.array_equal(C @ planes, props.project(X, planes))
        assert np.allclose(C @ planes, X @ planes, atol=1e-5)  # one product of all rows: BLAS's own split


def test_cached_vectors_in_blocks_are_those_of_one_pass(tmp_path):
    calls = []

    def embedder(texts):
        calls.append(len(texts))
        out = np.zeros((len(texts), 512), dtype=np.float32)
        for i, t in enumerate(texts):
            out[i, sum(map(ord, t)) % 512] = 1.0
            out[i, len(t) % 512] += 0.3
        return out

    texts = [f"claim number {i % 37}" for i in range(100)]  # repeated texts: embedded once
    one = connect(tmp_path / "one.db")
    whole = cached_vectors(one, texts, embedder)
    blocks = connect(tmp_path / "blocks.db")
    calls.clear()
    part = cached_vectors(blocks, texts, embedder, block=8)
    assert calls == [8, 8, 8, 8, 5]  # 37 new texts, 8 at a time
    assert np.array_equal(whole, part)
    stored = "SELECT key, vector FROM embeddings ORDER BY key"
    assert one.execute(stored).fetchall() == blocks.execute(stored).fetchall()
    calls.clear()
    again = cached_vectors(blocks, texts, embedder, dtype=np.float16)  # read back, as stored
    assert calls == [] and again.dtype == np.float16 and np.array_equal(again.astype(np.float32), whole)
