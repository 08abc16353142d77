"""What changed on a proposition: the steps of its status timeline, the numbers disputed, and
the parties that changed their position or figure, each as a *change* with a stable key.

A change is derived, like everything `link` writes, from the proposition's claims alone:
- `new`: the first entry of the status timeline (`status.timeline`): the proposition is reported;
- `status`: a later entry whose status differs (reported -> contested -> confirmed ...);
- `number`: an entry where only the number range moved, or a date on which figures that cannot
  both hold first meet (`disputes_number` relations whose later claim is of that date);
- `reversal` / `revision`: an `updates` relation, a party that later took the other side (or no
  side), or gave a new figure; its old and new status are the proposition's just before and just
  after the later claim (earlier dates, and earlier in the same article, count as before).

The key is a hash of (kind, date, old status, new status, the claim ids): not of the proposition
id, which changes when grouping does, so a relink that gives the same claims gives the same key,
and the time the ledger first learned the change (`learned_at`) is kept across relinks, restarts
and re-ingests in any order.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field

from .status import Position, status_of, timeline

KINDS = ("new", "status", "number", "reversal", "revision")


@dataclass(slots=True)
class Step:
    """One claim as changes need it: its position, its place in its article, who said it."""

    position: Position
    place: tuple[str, int]
    who: str


@dataclass(slots=True)
class Change:
    kind: str
    date: str | None
    old: str | None
    new: str
    claims: list[str]
    note: str
    key: str = field(default="")

    def __post_init__(self) -> None:
        self.claims = list(dict.fromkeys(self.claims))  # in the order they were said (`changes_of`)
        self.key = change_key(self.kind, self.date, self.old, self.new, self.claims)


def change_key(kind: str, date: str | None, old: str | None, new: str, claims: Iterable[str]) -> str:
    """A change's identity: what happened and the claims that made it, never the proposition id."""
    text = json.dumps([kind, date, old, new, sorted(claims)], separators=(",", ":"))
    return "k" + hashlib.blake2b(text.encode(), digest_size=8).hexdigest()


def span(low: float | None, high: float | None) -> str:
    from .relations import span_text

    if low is None and high is None:
        return "none"
    return span_text(float("-inf") if low is None else low, float("inf") if high is None else high)


def before(a: Step, b: Step) -> bool:
    """`a` was said before `b`: an earlier date, or the same date further up the same article."""
    da, db = a.position.date or "", b.position.date or ""
    if da != db:
        return da < db
    return a.place[0] == b.place[0] and a.place[1] < b.place[1]


def changes_of(steps: list[Step], relations: Iterable[tuple[str, str, str, str | None]]) -> list[Change]:
    """Every change of one proposition, given its claims and its relations (kind, a, b, note)."""
    by_id = {s.position.claim: s for s in steps}
    who = lambda ids: ", ".join(sorted({by_id[c].who for c in ids if c in by_id}))  # noqa: E731
    out: list[Change] = []
    entries = timeline([s.position for s in steps])
    numbers: dict[str | None, Change] = {}
    for i, e in enumerate(entries):
        if i == 0:
            note = f"first reported by {who(e.claims)}"
            if e.low is not None or e.high is not None:
                note += f"; numbers {span(e.low, e.high)}"
            out.append(Change("new", e.date, None, e.status, e.claims, note))
            continue
        prev = entries[i - 1]
        moved = (e.low, e.high) != (prev.low, prev.high)
        if e.status != prev.status:
            note = f"{prev.status} to {e.status}: {who(e.claims)}"
            if moved:
                note += f"; numbers {span(prev.low, prev.high)} to {span(e.low, e.high)}"
            out.append(Change("status", e.date, prev.status, e.status, e.claims, note))
        else:
            numbers[e.date] = Change("number", e.date, e.status, e.status, e.claims,
                                     f"numbers {span(prev.low, prev.high)} to {span(e.low, e.high)}: {who(e.claims)}")
    status_on = {}
    for e in entries:
        status_on[e.date] = e.status
    dated = sorted(status_on, key=lambda d: d or "")

    def status_at(d: str | None) -> str:
        got = entries[0].status if entries else "reported"
        for x in dated:
            if (x or "") <= (d or ""):
                got = status_on[x]
        return got

    disputes: dict[str | None, list[tuple[str, str, str | None]]] = {}
    updates = []
    for kind, a, b, note in sorted(relations):
        if a not in by_id or b not in by_id:
            continue
        if kind == "disputes_number":
            later = max((by_id[a], by_id[b]), key=lambda s: (s.position.date or "", s.place))
            disputes.setdefault(later.position.date, []).append((a, b, note))
        elif kind == "updates":
            updates.append((by_id[a], by_id[b], note))
    out.extend(update_changes(steps, updates))
    for d, pairs in sorted(disputes.items(), key=lambda x: x[0] or ""):
        ids = [c for a, b, _ in pairs for c in (a, b)]
        notes = "; ".join(sorted({n for _, _, n in pairs if n}))
        existing = numbers.pop(d, None)
        status = status_at(d)
        if existing is not None:
            out.append(Change("number", d, status, status, existing.claims + ids, f"{existing.note}; disputed: {notes}"))
        else:
            out.append(Change("number", d, status, status, ids, f"disputed: {notes}"))
    out.extend(numbers.values())
    for c in out:  # the claims in the order they were said; the key does not depend on it
        c.claims.sort(key=lambda cid: (by_id[cid].position.date or "", by_id[cid].place, cid) if cid in by_id else ("", ("", 0), cid))
    return sorted(out, key=lambda c: (c.date or "", KINDS.index(c.kind), c.key))


class Tally:
    """The standing of a set of positions kept incrementally (`status.standing`, without a pass
    over every claim each time): the latest position of each source, counted by side."""

    def __init__(self) -> None:
        self.latest: dict[int, Position] = {}
        self.count = {1: 0, 0: 0, -1: 0}
        self.with_standing = 0

    def put(self, p: Position) -> Position | None:
        old = self.latest.get(p.source)
        if old is not None:
            self.count[old.net] -= 1
            self.with_standing -= old.has_standing
        self.latest[p.source] = p
        self.count[p.net] += 1
        self.with_standing += p.has_standing
        return old

    def undo(self, p: Position, old: Position | None) -> None:
        self.count[p.net] -= 1
        self.with_standing -= p.has_standing
        if old is None:
            del self.latest[p.source]
        else:
            self.latest[p.source] = old
            self.count[old.net] += 1
            self.with_standing += old.has_standing

    def status(self) -> str | None:
        return status_of(self.count[1], self.count[-1], self.with_standing > 0) if self.latest else None


def update_changes(steps: list[Step], updates: list[tuple[Step, Step, str | None]]) -> list[Change]:
    """A change per party that changed its position (or figure): the proposition's status just
    before and just after the later claim, as `status.standing` gives it for the claims said
    before it (earlier dates, and earlier in its own article) and with it. Linear in the claims:
    the standing is carried date by date, and each update adds only its own article's claims."""
    if not updates:
        return []
    live = [s for s in steps if not s.position.copy]
    by_date: dict[str, list[Step]] = {}
    for s in live:
        by_date.setdefault(s.position.date or "", []).append(s)
    pending: dict[str, list[tuple[Step, Step, str | None]]] = {}
    for u in updates:
        pending.setdefault(u[0].position.date or "", []).append(u)
    tally, out = Tally(), []
    for d in sorted(set(by_date) | set(pending)):
        for later, earlier, note in pending.get(d, []):
            extras = [s for s in by_date.get(d, []) if s.place[0] == later.place[0] and s.place[1] < later.place[1]]
            added: list[tuple[Position, Position | None]] = []
            for s in sorted(extras, key=lambda s: s.position.claim):
                added.append((s.position, tally.put(s.position)))
            old = tally.status()
            for p, o in reversed(added):
                tally.undo(p, o)
            added = []
            for s in sorted(extras + ([] if later.position.copy else [later]), key=lambda s: s.position.claim):
                added.append((s.position, tally.put(s.position)))
            new = tally.status() or "unconfirmed"
            for p, o in reversed(added):
                tally.undo(p, o)
            kind = "reversal" if later.position.net != earlier.position.net else "revision"
            out.append(Change(kind, later.position.date, old, new, [earlier.position.claim, later.position.claim],
                              note or f"{earlier.who} then {later.who}"))
        for s in sorted(by_date.get(d, []), key=lambda s: s.position.claim):
            tally.put(s.position)
    return out
