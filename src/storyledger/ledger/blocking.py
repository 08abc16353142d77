"""What copies, stories and propositions share: candidate pairs from buckets (blocking), and
groups joined pair by pair (disjoint sets)."""
from __future__ import annotations

from collections.abc import Hashable, Iterable, Iterator
from typing import TypeVar

T = TypeVar("T", bound=Hashable)


def bucket_pairs(buckets: Iterable[list[T]]) -> Iterator[tuple[T, T]]:
    """Each pair of members that share a bucket, once, in the order the buckets give them."""
    seen: set[tuple[T, T]] = set()
    for members in buckets:
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                if (a, b) not in seen:
                    seen.add((a, b))
                    yield a, b


class DisjointSets:
    """Groups joined by `join(a, b)`; `find(x)` is the group's root (path halving)."""

    def __init__(self, members: Iterable[T]) -> None:
        self.parent = {m: m for m in members}

    def find(self, x: T) -> T:
        parent = self.parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def join(self, a: T, b: T) -> None:
        """Put b's group under a's root."""
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra
