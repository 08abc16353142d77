"""The incremental timeline gives exactly what re-running `standing` over all seen claims at each
date gives (the definition; the last entry with the sides after every claim), on random positions."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from storyledger.ledger.status import Change, Position, standing, timeline


def reference(positions: list[Position]) -> list[Change]:
    by_date: dict[str | None, list[Position]] = {}
    for p in positions:
        by_date.setdefault(p.date, []).append(p)
    changes: list[Change] = []
    seen: list[Position] = []
    for d in sorted(by_date, key=lambda d: d or ""):
        seen.extend(by_date[d])
        s = standing(seen)
        last = changes[-1] if changes else None
        if last is None or (s.status, s.low, s.high) != (last.status, last.low, last.high):
            changes.append(Change(d, s.status, sorted(p.claim for p in by_date[d]), s.sources_for, s.sources_against, s.low, s.high))
    if changes:  # the last entry holds the sides as they stand after every claim
        final = standing(seen)
        changes[-1].sources_for, changes[-1].sources_against = final.sources_for, final.sources_against
    return changes


position = st.builds(
    lambda i, src, kind, stance, pol, day, copy, lo, span: Position(
        f"c{i}", src, kind, stance, pol, None if day is None else f"2024-10-{day:02d}", copy,
        None if lo is None else float(lo), None if lo is None else float(lo + span)),
    st.integers(0, 10**6), st.integers(1, 6), st.sampled_from(["person", "organization", "media", "unnamed"]),
    st.sampled_from(["asserted", "confirmed", "denied", "unconfirmed", "possible", "predicted"]),
    st.sampled_from(["positive", "negative"]), st.one_of(st.none(), st.integers(1, 9)), st.booleans(),
    st.one_of(st.none(), st.integers(0, 20000)), st.integers(0, 5000))


@settings(max_examples=300, deadline=None)
@given(st.lists(position, max_size=40, unique_by=lambda p: p.claim))
def test_incremental_timeline_equals_the_definition(positions):
    assert timeline(positions) == reference(positions)
