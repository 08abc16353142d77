"""Relations between the claims of one proposition (formats.md): corroborates, contradicts,
disputes_number, updates. (copy_of comes from `copies`.)

Pairs are kept linear in the size of a proposition where they could be quadratic: a claim
corroborates only the earliest claim on its side from another source, and contradicts at most
`MAX_PER_CLAIM` claims of the other side, earliest first. An update is a change of position by
the same party: the same source, or a body and a person whose role names it ("the Pentagon" and
"Pentagon chief Lloyd Austin"), or a government and those who speak for it (`link.parties_of`);
a party that gives a new figure for the same measure later also `updates` its latest earlier one. The
change is from the party's last position said before (a line further down its own article is the
same statement, not a change of mind); a reversal from one side to the other also updates the first
claim of the side it leaves ("denied in October ... admitted in November").
Figures of different parties for the same measure (`measures`: troops, dead, casualties ...,
and the window they count) that cannot both hold `disputes_number`, when given within
`DISPUTE_DAYS` of each other; sums, shares and people of whom nothing is said (no measure of
their own) are never compared.
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from .measures import GENERIC_PEOPLE
from .propositions import GENERIC_UNITS, NO_CONTENT, frames_meet, key
from .status import Position

MAX_PER_CLAIM = 20
HOLLOW_DENIALS = 1
# Two figures for one measure are a dispute when given within this many days of each other: a
# running total weeks later (a death toll that grows) is the story moving on, not a dispute.
DISPUTE_DAYS = 3
# Units that are no measure to compare: sums and shares, and people of whom nothing is said.
NO_MEASURE = GENERIC_UNITS | GENERIC_PEOPLE


@dataclass(frozen=True, slots=True)
class Relation:
    kind: str
    a: str
    b: str
    proposition: str
    note: str

    def to_dict(self) -> dict:
        return {"kind": self.kind, "claims": [self.a, self.b], "proposition": self.proposition, "note": self.note}


@dataclass(slots=True)
class Said:
    """A position with what the notes need: who said it and the numbers it gives."""

    position: Position
    who: str
    units: dict[str, tuple[float, float]]  # measure (a key, for matching: `link.units`) -> (low, high)
    place: tuple[str, int] = ("", 0)  # (document, order in it): "later" within one article
    parties: frozenset[int] = frozenset()  # the source, and the bodies its role speaks for
    keys: frozenset[str] | None = None  # the content words of its core; None: not known
    words: dict[str, str] = field(default_factory=dict)  # measure -> the unit as this claim writes it
    actors: frozenset[str] = frozenset()  # the countries, bodies and persons its content names (`link.actors`)
    claimant: frozenset[str] = frozenset()  # whose statement a content names and no more ("Israel's account")
    speaker: frozenset[str] = frozenset()  # its source as actors: its name, the governments it speaks for
    negated: str | None = None  # the key of what a negative claim says is not ("no connection": connection)
    frame: tuple | None = None  # (agent country, act, theme, destination) of what it says was done (`semantics.frames`)


def unit_word(said: list[Said], key: str | None) -> str | None:
    """The unit `key` as the claims write it ("countries", not the key "countri"): the commonest form, the first on a tie."""
    if key is None:
        return None
    forms = Counter(s.words[key] for s in said if key in s.words)
    return forms.most_common(1)[0][0] if forms else key


def relate(proposition: str, said: list[Said]) -> list[Relation]:
    out: list[Relation] = []
    ordered = sorted(said, key=lambda s: (s.position.date or "", s.place, s.position.claim))
    live = [s for s in ordered if not s.position.copy]
    first_on_side: dict[int, Said] = {}
    for s in live:
        side = s.position.net
        first = first_on_side.get(side)
        if first is None:
            first_on_side[side] = s
        elif first.position.source != s.position.source and side != 0:
            out.append(Relation("corroborates", s.position.claim, first.position.claim, proposition, f"{s.who} agrees with {first.who}"))
    against = [s for s in live if s.position.net < 0]
    for_ = [s for s in live if s.position.net > 0]
    for a in against:
        n = 0
        # what its own article reported first: a denial answers that before all else (`MAX_PER_CLAIM`)
        for f in sorted(for_, key=lambda f: f.place[0] != a.place[0]):
            if f.position.source == a.position.source or not about_the_same(a, f):
                continue
            out.append(Relation("contradicts", a.position.claim, f.position.claim, proposition,
                                f"{a.who} ({stance_word(a)}) against {f.who} ({stance_word(f)})"))
            n += 1
            if n >= MAX_PER_CLAIM:
                break
    by_party: dict[int, list[Said]] = {}
    updated: set[str] = set()
    for s in live:
        for party in sorted(s.parties | {s.position.source}):
            # its position before: the last it took before this claim was said (not a line further
            # down the same article by the same speaker: one statement, not a change of mind)
            prev = next((p for p in reversed(by_party.get(party, ())) if later(s, p)), None)
            if prev is None or prev.position.net == s.position.net:
                continue
            # and the first time it took that position, where that was said earlier: "denied on
            # 20 October ... denied again on 4 November ... admitted on 5 November"
            # (a reversal only: from one side to the other, not to or from "cannot confirm")
            first = next(p for p in by_party[party] if p.position.net == prev.position.net and later(s, p))
            for old in (prev,) if first is prev or prev.position.net != -s.position.net else (prev, first):
                out.append(Relation("updates", s.position.claim, old.position.claim, proposition,
                                    f"{old.who}: {stance_word(old)} on {old.position.date or '?'}; "
                                    f"later {s.who}: {stance_word(s)} on {s.position.date or '?'}"))
            updated.add(s.position.claim)
            break
        for party in s.parties | {s.position.source}:
            by_party.setdefault(party, []).append(s)
    figure_updates: dict[str, Relation] = {}
    for i, a in enumerate(live):
        n = 0
        for b in live[i + 1 :]:
            for unit in sorted(a.units.keys() & b.units.keys()):  # a set's order changes with the hash seed
                if unit.split("/")[0] in NO_MEASURE:
                    # sums and shares: a quarter's loss and a year's, a market share and a forecast;
                    # people with nothing said of what happened to them: "16,000 people lost their
                    # homes" and "2,000 people left the area" count different things
                    continue
                if area(a.words.get(unit, "")) != area(b.words.get(unit, "")):
                    continue  # "7,600 square miles" searched, "900 miles" offshore: no one measure
                (la, ha), (lb, hb) = a.units[unit], b.units[unit]
                if not (ha < lb or hb < la) or (not same_party(a, b) and used_up(a, b, unit)):
                    continue
                what = unit.split("/")[0]
                if same_party(a, b):
                    if a.position.net == b.position.net and later(b, a) and b.position.claim not in updated:
                        # the party's latest figure before this one: a later `a` replaces an earlier
                        # (52 dead, then 61, then 64: 64 updates 61)
                        figure_updates[b.position.claim] = Relation(
                            "updates", b.position.claim, a.position.claim, proposition,
                            f"{a.who}: {span_text(la, ha)} {a.words.get(unit, what)} on {a.position.date or '?'}; "
                            f"later {b.who}: {span_text(lb, hb)} {b.words.get(unit, what)} on {b.position.date or '?'}")
                elif days_apart(a, b) <= DISPUTE_DAYS and not (a.actors and b.actors and not a.actors & b.actors) \
                        and "predicted" not in (a.position.stance, b.position.stance):
                    # a forecast ("the toll is expected to reach 500", "altogether there would be
                    # 2,800") is no count of what happened: it disputes none
                    out.append(Relation("disputes_number", a.position.claim, b.position.claim, proposition,
                                        f"{a.who}: {span_text(la, ha)} {a.words.get(unit, what)}; "
                                        f"{b.who}: {span_text(lb, hb)} {b.words.get(unit, what)}"))
                    n += 1
                break
            if n >= MAX_PER_CLAIM:
                break
    out.extend(figure_updates.values())
    return out


def area(unit: str) -> bool:
    """A unit as written that measures an area ("square miles", "km2")."""
    low = unit.lower()
    return low.startswith(("square ", "sq ", "sq. ")) or low in ("km2", "km²", "hectares", "acres")


def about_the_same(a: Said, b: Said) -> bool:
    """Two claims of one proposition that can contradict each other: an explicit denial of
    what its article said ("denied responsibility"), a government's denial whose words name
    nothing ("we strongly reject this": linking joined it to what it answers) against another
    government's claim, or a negated claim that shares a content word with
    the other (a proposition grows by average likeness, so two of its claims may have nothing in
    common, and a negated clause is not always a denial of the rest)."""
    if ORIGIN_FRAMES and one_origin(a, b):
        return origin_side(a) != origin_side(b)
    combat = one_force_in_combat(a, b)  # "they are not on the front line yet" / "would be used in combat zones"
    for no, yes in ((a, b), (b, a)):
        if no.position.net >= 0:
            continue
        if no.claimant:
            return bool(yes.speaker & no.claimant)  # "rejected Israel's account" answers what Israel says
        if HOLLOW_DENIALS and no.position.stance == "denied" and no.keys is not None and no.keys <= NO_CONTENT \
                and rival_governments(no, yes):
            return True  # "We strongly reject this" by one government: it answers what another's voices say here
        if no.actors and yes.actors and not no.actors & yes.actors:
            return False  # "Israel was not responsible" and "a rocket fired by Islamic Jihad": of others, they agree
        if not no.actors and no.negated and yes.keys is not None and no.negated not in yes.keys and not combat:
            return False  # "no connection between the noises and the site" says nothing against "the noises were sea life"
    if "denied" in (a.position.stance, b.position.stance) and a.place[0] == b.place[0]:
        return True  # "X denied responsibility" answers what its own article reported
    if a.frame is not None and b.frame is not None and a.frame[0] is not None and a.frame[:2] == b.frame[:2]:
        return True  # "Israel attacked the hospital" / "nothing allows us to say it is an Israeli strike"
    if combat:
        return True
    return a.keys is None or b.keys is None or bool(a.keys & b.keys)


def one_origin(a: Said, b: Said) -> bool:
    """Both say where one thing heard came from, with no agent ("the intervals of the noises
    indicate human origin" / "no connection between the noises and the wreck site"): one question
    answered two ways, in words that may share nothing but the sounds (`frames.sound_origin`)."""
    return bool(ORIGIN_FRAMES and a.frame and b.frame and a.frame[0] is None and a.frame[1] == "origin"
                and a.frame[:3] == b.frame[:3])


ORIGIN_FRAMES = 1
# What heard sounds may be other than the lost: "sea life can make noises", "likely ocean noise
# or sounds from other search ships", "could have originated from the Titanic wreck".
OTHER_ORIGINS = frozenset(key(w) for w in "sea ocean oceans marine whale whales wreck wreckage ship ships vessels "
                          "random natural nature animal animals biological life".split())


def origin_side(s: Said) -> int:
    """Which side of "the sounds came from the lost" a claim of where they came from takes: its net
    position, turned over where what it names as their source is another (`OTHER_ORIGINS`)."""
    return -s.position.net if s.keys and s.keys & OTHER_ORIGINS else s.position.net


def rival_governments(a: Said, b: Said) -> bool:
    """Each speaks for a government (`link.government_party`: negative party ids), and not the same one."""
    ga, gb = {p for p in a.parties if p < 0}, {p for p in b.parties if p < 0}
    return bool(ga and gb and not ga & gb)


def one_force_in_combat(a: Said, b: Said) -> bool:
    """Both put the story's force in combat, in words that may share nothing ("not on the front
    line yet" / "will be ready for combat")."""
    return bool(a.frame and a.frame[1] == "combat" and frames_meet(a.frame, b.frame))


def same_party(a: Said, b: Said) -> bool:
    """One source, or bodies one speaks for (a ministry and its minister, a government and its officials)."""
    return bool(({a.position.source} | a.parties) & ({b.position.source} | b.parties))


# A supply counted in time ("70 to 96 hours of oxygen left") runs down by itself: a day later it
# holds a day less. Quantities count hours and days only as supplies (semantics.quantities).
SUPPLY_PER_DAY = {"hours": 24, "days": 1}


def used_up(a: Said, b: Said, unit: str) -> bool:
    """Two figures for a supply in time that agree once the days between them are taken off the
    earlier one: 70-96 hours on Monday and "not much more than 24" on Wednesday."""
    per_day = SUPPLY_PER_DAY.get(unit.split("/")[0])
    days = days_apart(a, b)
    if per_day is None or days == 0:
        return False
    first, second = (a, b) if (a.position.date or "") <= (b.position.date or "") else (b, a)
    (l1, h1), (l2, h2) = first.units[unit], second.units[unit]
    spent = per_day * days
    l1, h1 = max(l1 - spent, 0), max(h1 - spent, 0)
    return not (h1 < l2 or h2 < l1)


def days_apart(a: Said, b: Said) -> int:
    """Days between two claims' dates; 0 when either is unknown."""
    if not a.position.date or not b.position.date:
        return 0
    try:
        return abs((date.fromisoformat(a.position.date[:10]) - date.fromisoformat(b.position.date[:10])).days)
    except ValueError:
        return 0


def later(s: Said, prev: Said) -> bool:
    """Said after: a later date, or on the same date further down the same article."""
    a, b = s.position.date or "", prev.position.date or ""
    if a != b:
        return a > b
    # one source twice in one article on one day is one statement, not a change of mind
    return s.place[0] == prev.place[0] and s.place[1] > prev.place[1] and s.position.source != prev.position.source


def stance_word(s: Said) -> str:
    p = s.position
    if p.stance == "asserted" and p.polarity == "negative":
        return "says not"
    return p.stance


def span_text(low: float, high: float) -> str:
    if math.isinf(low) and math.isinf(high):
        return "some"
    if math.isinf(low):
        return f"up to {amount(high)}"
    if math.isinf(high):
        return f"{amount(low)} or more"
    return amount(low) if low == high else f"{amount(low)}–{amount(high)}"


def amount(x: float) -> str:
    """10,000; 1.1 million; 14.6 billion: a reader counts the zeros of no large number."""
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(x) >= size:
            return f"{x / size:,.3g} {word}"
    return f"{x:,.0f}" if x == int(x) else f"{x:,}"
