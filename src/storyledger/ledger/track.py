"""Each source's track record: how what it said on each proposition fared afterwards.

For every proposition a source took a position on (its first claim there that is not a copy):
- **later**: claims said after that one: a later date, or the same date further down the same
  article (`changes.before`);
- **independent**: claims of another source that is not the same party (a ministry and its
  minister, a government and its officials: `link.parties_of`), that is not a copy (`independent_of`:
  a wire copy repeats its original's claims, under the original's source), and that neither came
  via the source nor is what the source relayed (an outlet in the other's `via` chain, or the
  other in the source's): a source's own copies and relays never corroborate it;
- the proposition was later **confirmed** when independent sources later took its side (a
  possible or predicted claim, and "cannot confirm", are not confirmation), **denied** when they
  later took the other side only, **disputed** when both, **open** when none spoke after;
- **first**: no other source's claim on the proposition came before the source's first claim,
  and it was for the proposition; **reversals**: the times its own position changed there.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..nlp.names import fold
from .changes import Step, before
from .status import weak


@dataclass(slots=True)
class Speaker:
    """Who a source is, as independence needs it."""

    names: frozenset[str]  # folded canonical name
    parties: frozenset[int]


@dataclass(slots=True)
class Record:
    source: int
    claim: str
    date: str | None
    position: int
    outcome: str
    confirmed_by: int
    denied_by: int
    first: bool
    reversals: int


def independent(other: Step, other_via: tuple[str, ...], mine: Step, my_via: set[str], speakers: dict[int, Speaker]) -> bool:
    a, b = other.position.source, mine.position.source
    if a == b or other.position.copy:
        return False
    sa, sb = speakers.get(a), speakers.get(b)
    if sa and sb and ({a} | sa.parties) & ({b} | sb.parties):
        return False
    if sb and any(fold(v) in sb.names for v in other_via):
        return False  # it came to the other via this source: a relay, not a second witness
    if sa and sa.names & my_via:
        return False  # this source's claim came via the other
    return True


def records_of(steps: list[Step], via: dict[str, tuple[str, ...]], speakers: dict[int, Speaker]) -> list[Record]:
    """The track record rows of one proposition: one per source that spoke on it."""
    live = sorted((s for s in steps if not s.position.copy), key=lambda s: (s.position.date or "", s.place, s.position.claim))
    by_source: dict[int, list[Step]] = {}
    for s in live:
        by_source.setdefault(s.position.source, []).append(s)
    out = []
    for sid, mine in sorted(by_source.items()):
        first = mine[0]
        my_via = {fold(v) for s in mine for v in via.get(s.position.claim, ())}
        later: dict[int, Step] = {}  # each independent source's latest position after ours
        for s in live:
            if before(first, s) and independent(s, via.get(s.position.claim, ()), first, my_via, speakers):
                later[s.position.source] = s
        pro = sum(s.position.net > 0 and not weak(s.position.stance) for s in later.values())
        con = sum(s.position.net < 0 for s in later.values())
        outcome = "disputed" if pro and con else "confirmed" if pro else "denied" if con else "open"
        is_first = first.position.net > 0 and not any(before(s, first) for s in live if s.position.source != sid)
        reversals = sum(a.position.net != b.position.net for a, b in zip(mine, mine[1:]))
        out.append(Record(sid, first.position.claim, first.position.date, first.position.net, outcome, pro, con,
                          is_first, reversals))
    return out
