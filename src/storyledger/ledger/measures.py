"""What a number counts (its *measure*) and over what window, so that counts of one thing meet
whatever words they are written in, and counts of different things never do.

"12,000 soldiers", "a force of 11,000", "some 10,000 personnel" and "troop numbers" are one
measure, `troops`; "500 people were killed" is `dead`, "200 people injured" `injured`, "3,000
casualties" `casualties`: the unit word is folded to a class, and a unit that names no class of
its own ("people", "civilians", "residents") takes the class of the predicate beside it. A
unit outside every class keeps its own stem (`propositions.key`), so "pieces" still meets
"pieces".

A figure given for a window ("1,000 casualties in a week", "40 a day") is a different measure
from a running total ("3,000 killed so far"): the window is part of the measure.
"""
from __future__ import annotations

import re

from . import propositions as props

# Unit stems (propositions.key of the unit's last word) -> measure.
CLASSES: dict[str, str] = {}
for _measure, _words in {
    "troops": "troop soldier serviceman servicemen personnel fighter force forces mercenary mercenari "
              "recruit conscript infantrymen infantryman contingent",
    "dead": "dead death killed fatality fatalit bodies body live lives corpse died drowned perished toll",
    "injured": "injured wounded injury injuri hurt hospitalised hospitalized",
    "casualties": "casualty casualti",
    "missing": "missing",
    "evacuated": "evacuee evacuated",
    "displaced": "displaced refugee",
    "hostages": "hostage",
    "detained": "detainee prisoner arrested detained",
    "hours": "hour",
    "metres": "m meter metre meters metres",
    "kilometres": "km kilometer kilometre kilometers kilometres",
    "feet": "ft foot feet",
    "miles": "mi mile miles",
    "days": "day",
}.items():
    for _w in _words.split():
        CLASSES[props.key(_w)] = _measure

# Units that count people without saying what happened to them: the predicate tells.
GENERIC_PEOPLE = frozenset(props.key(w) for w in "people person persons civilian resident individual inhabitant man men "
                                                  "woman women child children patient local citizen national "
                                                  "passenger tourist migrant worker villager pilgrim".split())
PREDICATES: tuple[tuple[re.Pattern, str], ...] = tuple((re.compile(p, re.I), m) for p, m in (
    (r"\b(?:kill(?:ed|ing|s)?|dead|died|deaths?|fatalit\w*|lost their lives|claimed the lives|perished|drown(?:ed|ing)|death toll)\b", "dead"),
    (r"\b(?:injured|wounded|hurt|injuries)\b", "injured"),
    (r"\bcasualt\w*\b", "casualties"),
    (r"\bmissing\b", "missing"),
    (r"\bevacuat\w*\b", "evacuated"),
    (r"\b(?:displaced|fled|refugees?)\b", "displaced"),
    (r"\b(?:troops?|soldiers?|deployed|deployment)\b", "troops"),
    # people who fight, serve or enlist in a force are counted as the force; those captured, as detained
    (r"\b(?:fight(?:s|ing)?|fought|serv(?:e|es|ed|ing)\s+in|enlist(?:ed|ing)?|recruited|mercenar\w*)\b", "troops"),
    (r"\b(?:captur(?:e|ed|ing)|captives?|taken prisoner|prisoners?|detained|arrested)\b", "detained"),
))
# Soldiers whom the sentence has captured are counted as captives, not as a force: "captured two
# soldiers", "the capture of two fighters", "two soldiers were taken prisoner".
CAPTURED_BEFORE = re.compile(r"\b(?:captur(?:ed|ing)|the\s+capture\s+of|detain(?:ed|ing)|arrest(?:ed|ing))\s+"
                             r"(?:(?:some|about|around|nearly|at\s+least|more\s+than|over)\s+)?$", re.I)
CAPTURED_AFTER = re.compile(r"^\s*(?:[\w-]+\s+){0,4}?(?:were|was|had\s+been|have\s+been|being|been)?\s*"
                            r"(?:captured|taken\s+(?:prisoner|captive)|detained|arrested)\b", re.I)
# A rate or a window rather than a running total.
WINDOW = re.compile(
    r"\b(?:a|per|each|every)\s+(day|week|month|year|hour)\b|\b(daily|weekly|monthly|hourly)\b"
    r"|\b(?:in|over|during|within)\s+(?:the\s+)?(?:past|last|first|previous)?\s*(?:\d+|one|two|three|a|24)?\s*"
    r"(hours?|days?|weeks?|months?|years?|quarter)\b|\b(?:this|last)\s+(week|month|year|quarter)\b",
    re.I)


def measure(unit: str, context: str = "", at: tuple[int, int] | None = None) -> str:
    """The measure a unit counts, in a claim whose content is `context`. People named by their
    nationality ("500 Palestinians", "12 Americans") are people: the predicate says what of them,
    the one nearest the figure when `at` gives its place in `context` ("killed 10 people with
    another 41 missing": 10 dead, 41 missing)."""
    words = str(unit).split() if unit else []
    word = words[-1].rstrip(".") if words else ""
    stem = props.key(word) if word else ""
    if stem in CLASSES:
        if CLASSES[stem] == "troops" and at is not None and captured(context, at):
            return "detained"
        return CLASSES[stem]
    if stem in GENERIC_PEOPLE or not stem or nationals(word):
        if at is None:
            for pattern, m in PREDICATES:
                if pattern.search(context):
                    return m
        else:
            near = [(distance(context, at, x.span()), i, m) for i, (pattern, m) in enumerate(PREDICATES)
                    for x in pattern.finditer(context)]
            if near and min(near)[0] < CLAUSE:
                return min(near)[2]  # none in its own clause: "thousands of civilians had been sheltering, killed ..."
    return stem


def captured(context: str, at: tuple[int, int]) -> bool:
    """The figure at `at` counts soldiers the sentence says were captured."""
    after = context[at[1]:at[1] + 80]
    return bool(CAPTURED_BEFORE.search(context[max(0, at[0] - 40):at[0]]) or CAPTURED_AFTER.match(after))


CLAUSE = 100  # what `distance` adds for a clause boundary

BOUNDARY = re.compile(r"[,;:]|\band\b|\bwhile\b|\bwith\b", re.I)


def distance(context: str, a: tuple[int, int], b: tuple[int, int]) -> int:
    """Characters between two spans of a text, and a hundred more for each clause boundary
    between them (a comma, "and", "with"): a figure's predicate is in its own clause."""
    lo, hi = (a[1], b[0]) if a[1] <= b[0] else (b[1], a[0])
    between = context[lo:hi] if lo < hi else ""
    return len(between) + CLAUSE * len(BOUNDARY.findall(between))


# A supply counted in time, and the words that give its capacity rather than what is left of it.
SUPPLIES = frozenset("hours days".split())
CAPACITY = re.compile(r"\b(?:designed|built|rated|capab\w*|capacity|(?:fully\s+)?equipped|when\s+full)\b", re.I)


def window(context: str) -> str:
    """The window a figure is given for ("week" in "1,000 casualties in a week"), or ''."""
    m = WINDOW.search(context)
    if not m:
        return ""
    word = next(g for g in m.groups() if g)
    return {"daily": "day", "weekly": "week", "monthly": "month", "hourly": "hour"}.get(word.lower(), word.lower().rstrip("s"))


def nationals(word: str) -> bool:
    """A plural of nationality: "Palestinians", "Ukrainians", "Americans"."""
    from ..semantics.gazetteer import DEMONYMS  # noqa: PLC0415

    return word[:1].isupper() and word.endswith("s") and (word in DEMONYMS or word[:-1] in DEMONYMS)
