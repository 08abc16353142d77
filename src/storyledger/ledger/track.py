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

from bisect import bisect_left, bisect_right
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


def records_of(steps: list[Step], via: dict[str, tuple[str, ...]], speakers: dict[int, Speaker]) -> list[Record]:
    """The track record rows of one proposition: one per source that spoke on it.

    What a source said later is its last claim (when that came after ours); the sources that are
    not independent of a source are found through indexes (party -> sources, name -> sources named
    in `via` chains), so a proposition of thousands of claims and sources costs about its size."""
    live = sorted((s for s in steps if not s.position.copy), key=lambda s: (s.position.date or "", s.place, s.position.claim))
    by_source: dict[int, list[Step]] = {}
    for s in live:
        by_source.setdefault(s.position.source, []).append(s)
    last = {sid: mine[-1] for sid, mine in by_source.items()}
    pro_of = {sid: int(x.position.net > 0 and not weak(x.position.stance)) for sid, x in last.items()}
    con_of = {sid: int(x.position.net < 0) for sid, x in last.items()}
    # sources by the date of their last claim, with running counts: those after a date are a suffix
    order = sorted(last, key=lambda sid: (last[sid].position.date or "", sid))
    dates = [last[sid].position.date or "" for sid in order]
    pro_after, con_after = [0] * (len(order) + 1), [0] * (len(order) + 1)
    for i in range(len(order) - 1, -1, -1):
        pro_after[i] = pro_after[i + 1] + pro_of[order[i]]
        con_after[i] = con_after[i + 1] + con_of[order[i]]
    parties = {sid: ({sid} | set(speakers[sid].parties)) if sid in speakers else {sid} for sid in by_source}
    with_party: dict[int, set[int]] = {}
    for sid, ps in parties.items():
        for p in ps:
            with_party.setdefault(p, set()).add(sid)
    named: dict[str, set[int]] = {}  # a folded name -> the sources it is the name of
    for sid in by_source:
        for n in speakers[sid].names if sid in speakers else ():
            named.setdefault(n, set()).add(sid)
    chains = {sid: {fold(v) for s in mine for v in via.get(s.position.claim, ())} for sid, mine in by_source.items()}
    relayed_by: dict[int, set[int]] = {}  # source -> the sources whose claims came via it
    for sid, names in chains.items():
        for n in names:
            for other in named.get(n, ()):
                relayed_by.setdefault(other, set()).add(sid)
    firsts = sorted((mine[0].position.date or "", sid) for sid, mine in by_source.items())
    on_page: dict[tuple[str, str], list[Step]] = {}  # (date, document) -> its claims
    for s in live:
        on_page.setdefault((s.position.date or "", s.place[0]), []).append(s)
    out = []
    for sid, mine in sorted(by_source.items()):
        first = mine[0]
        d = first.position.date or ""
        dependent = {x for p in parties[sid] for x in with_party.get(p, ())} | relayed_by.get(sid, set())
        dependent |= {x for n in chains[sid] for x in named.get(n, ())}
        dependent.add(sid)
        i = bisect_right(dates, d)
        pro, con = pro_after[i], con_after[i]
        for other in dependent:
            if (last[other].position.date or "") > d:
                pro -= pro_of[other]
                con -= con_of[other]
        for j in range(bisect_left(dates, d), i):  # the same date counts only further down the same article
            other = order[j]
            after = [x for x in by_source[other] if before(first, x)] if other not in dependent else []
            if after:  # its last claim after ours, which may not be its last of the day
                pro += after[-1].position.net > 0 and not weak(after[-1].position.stance)
                con += after[-1].position.net < 0
        outcome = "disputed" if pro and con else "confirmed" if pro else "denied" if con else "open"
        earlier = next((fd for fd, other in firsts if other != sid), None)
        is_first = (first.position.net > 0 and (earlier is None or earlier >= d)
                    and not any(x.position.source != sid and before(x, first) for x in on_page.get((d, first.place[0]), ())))
        reversals = sum(a.position.net != b.position.net for a, b in zip(mine, mine[1:]))
        out.append(Record(sid, first.position.claim, first.position.date, first.position.net, outcome, pro, con,
                          is_first, reversals))
    return out
