"""How a proposition stands: the rules of `spec/ledger-model.md`, kept in this one module.

A claim's *position* on its proposition is its net (+1 for, -1 against, 0 "cannot confirm").
A proposition's *status* on a date comes from the positions of the independent sources that
spoke on or before that date; its *timeline* is the dates on which the status or the number
range changed, each with the claims that changed it.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

STATUSES = ("reported", "corroborated", "contested", "denied", "unconfirmed", "confirmed")

# Kinds of source whose explicit confirmation settles a proposition: the party itself or an
# official body. A newspaper confirming is a report, not a verification.
STANDING_KINDS = ("person", "organization")


def net(stance: str, polarity: str) -> int:
    """+1 for, -1 against, 0 for "cannot confirm" (a possible or predicted claim is a weak +1)."""
    if stance == "unconfirmed":
        return 0
    if stance == "denied" or polarity == "negative":
        return -1
    return 1


def weak(stance: str) -> bool:
    return stance in ("possible", "predicted")


def day(value: str | list | None, fallback: str | None) -> str | None:
    """The date a claim counts from: said_on (an interval counts from its end), else publication."""
    if isinstance(value, list) and value:
        value = value[-1]
    if isinstance(value, str) and value:
        return value[:10]
    return fallback[:10] if fallback else None


@dataclass(slots=True)
class Position:
    """What status needs to know of one claim."""

    claim: str
    source: int
    source_kind: str
    stance: str
    polarity: str
    date: str | None
    copy: bool = False  # a copy of another claim: never counted as a source
    low: float | None = None
    high: float | None = None

    @property
    def net(self) -> int:
        return net(self.stance, self.polarity)

    @property
    def has_standing(self) -> bool:
        return self.stance == "confirmed" and self.source_kind in STANDING_KINDS


@dataclass(slots=True)
class Standing:
    status: str
    sources_for: list[int] = field(default_factory=list)
    sources_against: list[int] = field(default_factory=list)
    sources_unsure: list[int] = field(default_factory=list)
    low: float | None = None
    high: float | None = None


def status_of(n_for: int, n_against: int, confirmed_by_standing: bool) -> str:
    """The table of ledger-model.md: the status given by the count of independent sources for and
    against, and whether a source with standing explicitly confirms."""
    if n_for and n_against:
        status = "contested"
    elif n_against:
        status = "denied"
    elif n_for >= 2:
        status = "corroborated"
    elif n_for:
        status = "reported"
    else:
        status = "unconfirmed"
    if confirmed_by_standing and status in ("corroborated", "contested"):
        status = "confirmed"
    return status


def standing(positions: Iterable[Position]) -> Standing:
    """The status given by these positions: the latest position of each independent source."""
    latest: dict[int, Position] = {}
    confirmed_by_standing = False
    lows, highs = [], []
    for p in sorted((p for p in positions if not p.copy), key=lambda p: (p.date or "", p.claim)):
        latest[p.source] = p
        if p.low is not None:
            lows.append(p.low)
        if p.high is not None:
            highs.append(p.high)
    for p in latest.values():
        confirmed_by_standing = confirmed_by_standing or p.has_standing
    s = Standing(status="reported", low=min(lows) if lows else None, high=max(highs) if highs else None)
    for src, p in sorted(latest.items()):
        (s.sources_for if p.net > 0 else s.sources_against if p.net < 0 else s.sources_unsure).append(src)
    s.status = status_of(len(s.sources_for), len(s.sources_against), confirmed_by_standing)
    return s


@dataclass(slots=True)
class Change:
    """One entry of a timeline: on `date`, these claims made the status (or range) this."""

    date: str | None
    status: str
    claims: list[str]
    sources_for: list[int]
    sources_against: list[int]
    low: float | None
    high: float | None

    def to_dict(self) -> dict:
        """The form link stores (source ids, claim ids), read back by `Ledger.proposition`."""
        return {"date": self.date, "status": self.status, "for": self.sources_for, "against": self.sources_against,
                "low": self.low, "high": self.high, "claims": self.claims}


def timeline(positions: list[Position]) -> list[Change]:
    """The dates on which the status or the number range changed, oldest first.

    Each entry's sides are the sources for and against on its date, but the last entry's are
    the sides as they stand now: a source that joined later without changing the status is on
    them too (the current standing is the last entry)."""
    by_date: dict[str | None, list[Position]] = {}
    for p in positions:
        by_date.setdefault(p.date, []).append(p)
    dates = sorted(by_date, key=lambda d: d or "")
    changes: list[Change] = []
    # The standing of everything seen so far, kept incrementally (linear in the claims, where
    # re-running `standing` over all seen claims at each date was quadratic): the latest
    # position of each source decides the status, the range runs over every claim seen.
    latest: dict[int, Position] = {}
    count = {1: 0, 0: 0, -1: 0}
    with_standing = 0
    low: float | None = None
    high: float | None = None
    for d in dates:
        for p in sorted((p for p in by_date[d] if not p.copy), key=lambda p: p.claim):
            old = latest.get(p.source)
            if old is not None:
                count[old.net] -= 1
                with_standing -= old.has_standing
            latest[p.source] = p
            count[p.net] += 1
            with_standing += p.has_standing
            if p.low is not None:
                low = p.low if low is None else min(low, p.low)
            if p.high is not None:
                high = p.high if high is None else max(high, p.high)
        status = status_of(count[1], count[-1], with_standing > 0)
        last = changes[-1] if changes else None
        if last is None or (status, low, high) != (last.status, last.low, last.high):
            ids = sorted(latest)
            changes.append(Change(d, status, sorted(p.claim for p in by_date[d]), [i for i in ids if latest[i].net > 0],
                                  [i for i in ids if latest[i].net < 0], low, high))
    if changes:
        ids = sorted(latest)
        changes[-1].sources_for = [i for i in ids if latest[i].net > 0]
        changes[-1].sources_against = [i for i in ids if latest[i].net < 0]
    return changes
