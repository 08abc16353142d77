"""Temporal expressions: a rule-based TIMEX3 recogniser and normaliser for news text.

`find_timexes(doc, published)` scans `doc.text` with precompiled regular expressions (one pass
per rule family, skipped where the text lacks the rule's words), keeps the longest non-overlapping matches, and normalises each one against the
publication date. The parse is used only where the text alone cannot decide: the tense of the
governing verb (is "Friday" the last one or the next one?) and the tag of "May" (month or modal).

Span conventions follow TimeML/TempEval-3 as annotated in TimeBank, AQUAINT and MEANTIME:
prepositions ("on", "in", "since") are left out, determiners and modifiers ("the", "nearly",
"more than", "early", "the end of") are kept.

`timex_interval(timex)` turns a value into the inclusive date interval a claim can carry.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Callable

from ..nlp.cache import text_of
from spacy.tokens import Doc

__all__ = ["Timex", "find_timexes", "timex_interval"]


@dataclass(frozen=True, slots=True)
class Timex:
    """One temporal expression: character span in `doc.text`, TimeML type and TIMEX3 value."""

    start: int
    end: int
    text: str
    type: str
    value: str

    def to_dict(self) -> dict:
        """The `timexes` item of `storyledger annotate`."""
        return {"span": [self.start, self.end], "text": self.text, "type": self.type, "value": self.value}


# ---------------------------------------------------------------------------------------------
# Vocabulary
# ---------------------------------------------------------------------------------------------

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS = {"monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI"}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "a hundred": 100, "one hundred": 100, "a thousand": 1000, "thousand": 1000,
    "a dozen": 12, "dozen": 12, "a couple of": 2, "a couple": 2, "couple of": 2, "a half": 0.5,
}
VAGUE_NUMBERS = {"a few", "few", "several", "some", "many", "the next few", "a number of", "recent"}

# unit word -> (TIMEX3 unit letter, is a time-of-day unit, multiplier)
UNITS = {
    "second": ("S", True, 1), "minute": ("M", True, 1), "hour": ("H", True, 1),
    "day": ("D", False, 1), "night": ("D", False, 1), "trading day": ("D", False, 1),
    "business day": ("D", False, 1), "week": ("W", False, 1), "fortnight": ("W", False, 2),
    "month": ("M", False, 1), "quarter": ("M", False, 3), "year": ("Y", False, 1),
    "decade": ("Y", False, 10), "century": ("Y", False, 100), "centurie": ("Y", False, 100),
    "millennium": ("Y", False, 1000), "weekend": ("D", False, 2),
}

_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
          r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|Nov\.?|Dec\.?)")
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[6-9]\d\d|20\d\d)"
_NUMWORD = (r"(?:\d+(?:\.\d+)?(?:\s+1/2)?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|"
            r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
            r"sixteen|seventeen|eighteen|nineteen|(?:a|one)\s+hundred|hundred|(?:a\s+)?dozen|(?:a\s+)?couple(?:\s+of)?|"
            r"a\s+few|few|several|many|a|an)")
_NUM = rf"(?:{_NUMWORD}(?:\s+and\s+a\s+half)?(?:\s+(?:to|or)\s+{_NUMWORD})?)"
_UNIT = (r"(?:seconds?|minutes?|hours?|(?:trading\s+|business\s+)?days?|nights?|weeks?|fortnights?|"
         r"months?|quarters?|years?|decades?|centur(?:y|ies)|millenni(?:um|a)|weekends?)")
_UNIT1 = r"(?:second|minute|hour|day|week|month|quarter|year|decade|century)"
_MOD = (r"(?:(?:about|around|approximately|roughly|nearly|almost|some|more\s+than|less\s+than|fewer\s+than|"
        r"at\s+least|at\s+most|up\s+to|no\s+more\s+than|barely|well\s+over)\s+)")
_PART = r"(?:morning|afternoon|evening|night|overnight)"
_SEASON = r"(?:spring|summer|fall|autumn|winter)"
_TZ = r"(?:\s*(?:UTC|GMT|EST|EDT|CST|CDT|PST|PDT|ET|BST|CET)(?:\s*[+-]\s*\d+)?|\s*\((?:GMT|UTC)\s*[+-]\s*\d+\))"
_CLOCK = (r"(?:\d{1,2}:\d\d(?::\d\d)?(?:\s*(?:a\.m\.|p\.m\.|am\b|pm\b|a\.m|p\.m))?" + _TZ + "?"
          r"|\d{1,2}\s*(?:a\.m\.|p\.m\.|am\b|pm\b|a\.m|p\.m|o'clock)" + _TZ + "?|noon|midnight|midday)")

I = re.IGNORECASE


# ---------------------------------------------------------------------------------------------
# Rules: (name, pattern, flags). Longer matches win; at equal length the earlier rule wins.
# ---------------------------------------------------------------------------------------------

_RULES: list[tuple[str, str, int]] = [
    # absolute dates
    ("iso", r"\b(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:T(?P<hh>\d\d):(?P<mi>\d\d))?\b", 0),
    ("slash", r"\b(?P<m>[01]?\d)/(?P<d>[0-3]?\d)/(?P<y>\d{4}|\d\d)\b", 0),
    ("mdy", rf"\b(?:(?P<wd>{_WEEKDAY}),?\s+)?(?:the\s+)?(?P<mon>{_MONTH})\s+(?:the\s+)?(?P<d>{_DAY})\b(?:\s*(?:-|–|to|and)\s*(?P<d2>{_DAY})\b)?(?:,?\s+(?P<y>{_YEAR})\b)?", 0),
    ("dmy", rf"\b(?:(?P<wd>{_WEEKDAY}),?\s+)?(?:the\s+)?(?P<d>{_DAY})(?:\s*(?:-|–|to|and)\s*(?P<d2>{_DAY}))?\s+(?:of\s+)?(?P<mon>{_MONTH})(?:,?\s+(?P<y>{_YEAR})\b)?", 0),
    ("my", rf"\b(?:(?P<mod>early|mid|late|the\s+(?:end|beginning|start|middle)\s+of)[\s-]+)?(?P<mon>{_MONTH})(?:\s+of)?,?\s+(?P<y>{_YEAR})\b", 0),
    ("month", r"\b(?:(?P<mod>early|mid|late|the\s+(?:end|beginning|start|middle)\s+of)[\s-]+)?(?:(?P<rel>last|next|this|this\s+past|this\s+coming|each|every)\s+)?(?P<mon>January|February|March|April|May|June|July|August|September|October|November|December|Sept\.|Aug\.|Oct\.|Nov\.|Dec\.|Jan\.|Feb\.)(?!\s*\d)(?:\s+(?P<ry>this|last|next)\s+year)?\b", 0),
    ("year", rf"\b(?:(?P<mod>early|mid|late|the\s+(?:end|beginning|start|middle|first\s+half|second\s+half|last\s+half)\s+of|fiscal|calendar|(?:the\s+)?(?:end|beginning|start|middle)\s+of|post|pre)[\s-]+)?(?P<y>{_YEAR})(?!\s*%|[\d,.]\d|-\d)\b(?P<suffix>\s+(?:and\s+beyond|or\s+later|or\s+earlier))?", 0),
    ("spelled_year", r"\b(?:the\s+year\s+)?(?P<c>nineteen|two\s+thousand(?:\s+and)?)(?:\s+(?P<t>ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|one|two|three|four|five|six|seven|eight|nine)(?:-(?P<u>one|two|three|four|five|six|seven|eight|nine))?)?\b", I),
    ("year_period", rf"\b(?:the\s+)?(?P<y>{_YEAR})\s+(?P<unit>quarter|period|fiscal\s+year|first\s+half|second\s+half)\b", I),
    ("decade", r"\b(?:the\s+)?(?:(?P<mod>early|mid|late)[\s-]+)?(?:(?P<c>1[6-9]|20)(?P<dec>\d)0s|'(?P<dec2>\d)0s)\b", 0),
    ("decade2", r"\b(?:the\s+)?(?:(?P<mod>early|mid|late)[\s-]+)?(?P<dec>[2-9])0s\b", 0),
    ("century", r"\b(?:the\s+)?(?P<n>\d{1,2})(?:st|nd|rd|th)[\s-]+century\b", I),
    ("weekday", rf"\b(?:(?P<mod>early|late|earlier|later)\s+)?(?:(?P<rel>last|next|this|this\s+past|this\s+coming|coming|past)\s+)?(?P<wd>{_WEEKDAY})(?:\s+(?P<part>{_PART}))?\b", 0),
    ("wd_set", rf"\b(?:each|every)\s+(?P<wd>{_WEEKDAY})\b", I),
    # times of day
    ("clock", rf"(?:\b(?P<mod>about|around|approximately|shortly\s+(?:before|after)|just\s+(?:before|after))\s+)?(?<![\w:])(?P<clock>{_CLOCK})(?:\s+(?P<anchor>today|yesterday|tomorrow|{_WEEKDAY})|(?=\s+(?:on\s+)?(?P<anchor2>{_WEEKDAY}|today|yesterday|tomorrow|{_MONTH}\s+\d{{1,2}}\b)))?", I),
    ("clock2", rf"\b(?P<anchor>today|yesterday|tomorrow|{_WEEKDAY})\s+(?:at\s+)?(?P<clock>noon|midnight)\b", I),
    ("partday", rf"\b(?:(?P<mod>early|late|mid|earlier|later)[\s-]+)?(?P<anchor>this|yesterday|tomorrow|last|today)\s+(?P<part>{_PART})\b", I),
    ("partday2", rf"\b(?:(?P<mod>early|late|mid)[\s-]+)?(?P<part>{_PART}|mid-?afternoon)\s+(?P<anchor>yesterday|today|tomorrow)\b", I),
    # deictic days
    ("deictic", r"\b(?:(?P<mod>earlier|later|late|early)\s+)?(?P<w>today|yesterday|tomorrow|tonight)\b", I),
    ("refs", r"\b(?:(?P<pre>right|more|most|until|very)\s+)?(?P<w>now|currently|current|presently|recently|recent|these\s+days|nowadays|at\s+present|the\s+(?:near\s+|distant\s+|foreseeable\s+)?future|the\s+past|lately)\b(?!\s+(?:\d|few|several|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|decade|year|month|week|day|quarter|century|weekend|hour))", I),
    # relative units
    ("relunit", rf"\b(?:(?P<mod>early|late|mid|earlier|later)[\s-]+(?:in\s+)?)?(?:(?P<end>the\s+(?:end|beginning|start|middle|rest|remainder|balance|first\s+half|second\s+half)\s+of)\s+)?(?P<rel>this|last|next|the\s+past|the\s+last|past|the\s+coming|coming|the\s+previous|previous|the\s+current|current|the\s+following|the\s+latest|latest|the\s+same|this\s+past|the|that|this\s+coming|the\s+fiscal|the\s+current\s+fiscal|fiscal|the\s+full|the\s+entire|the\s+whole)\s+(?P<unit>week|weekend|month|year|quarter|decade|century|{_SEASON}|period|day|fiscal\s+year)\b(?:\s+(?P<ry>a\s+year\s+(?:ago|earlier)|last\s+year|this\s+year|next\s+year))?(?:\s+or\s+so)?", I),
    ("yearend", r"\b(?:(?P<mod>around)\s+)?(?P<w>year[- ]end|year's\s+end|the\s+end\s+of\s+the\s+year|the\s+beginning\s+of\s+the\s+year|the\s+end\s+of\s+the\s+month|mid-?year|the\s+end\s+of\s+the\s+week)\b", I),
    ("season", rf"\b(?:(?P<mod>early|mid|late)[\s-]+)?(?P<s>{_SEASON})(?:\s+(?:of\s+)?(?P<y>{_YEAR}))\b", I),
    ("season2", rf"\bthe\s+(?P<mod>early|late|mid)[\s-]+(?P<s>{_SEASON})\b", I),
    ("decade_word", r"\b(?:the\s+)(?:(?P<mod>early|mid|late)[\s-]+)?(?P<w>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b", I),
    ("quarter", rf"\b(?:(?P<det>the|this|last|next|its|this\s+year's|last\s+year's|next\s+year's|the\s+year-(?:ago|earlier)|the\s+comparable\s+year-(?:ago|earlier)|the\s+(?P<y0>{_YEAR})|the\s+comparable|the\s+same|a)\s+)?(?:(?P<fiscal>fiscal|calendar)\s+)?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final|last|latest|current|previous|fiscal|most\s+recent|recent)(?:[\s-]+(?P<fiscal2>fiscal|calendar))?[\s-]+(?P<unit>quarter|half)(?:\s+(?:of\s+(?:fiscal\s+)?(?P<y>{_YEAR})|of\s+(?:this|the\s+current)\s+year|(?P<ly>of\s+last\s+year|last\s+year|a\s+year\s+(?:ago|earlier)|of\s+(?:the\s+)?previous\s+year)|(?P<ny>of\s+next\s+year)|(?P<y2>{_YEAR})))?\b", I),
    ("yearago", r"\b(?:the\s+(?:comparable\s+|corresponding\s+|same\s+)?)?(?:year[- ](?:ago|earlier)|year-before|prior-year)(?:\s+(?:quarter|period|third\s+quarter|second\s+quarter|first\s+quarter|fourth\s+quarter|months?))?\b", I),
    ("sameperiod", r"\bthe\s+(?:same|corresponding|comparable)\s+(?:period|quarter|month|time)\s+(?:a\s+year\s+(?:ago|earlier)|last\s+year|of\s+the\s+(?:last|previous)\s+year|the\s+previous\s+year|in\s+\d{4})\b", I),
    # X ago / X earlier / from now
    ("ago", rf"\b{_MOD}?(?P<n>{_NUM}|the)\s+(?P<unit>{_UNIT})(?:\s+or\s+so)?\s+(?P<dir>ago|earlier|before|later|after|from\s+now|hence|back)\b(?!\s+(?:than|that|the|a|an|his|her|its|their|it|he|she|they|we|I)\b)", I),
    ("earlier_this", rf"\b(?P<mod>earlier|later)\s+(?:(?P<rel>this|that|in\s+the|last|next)\s+)(?P<unit>week|month|year|quarter|day|season|{_SEASON})\b", I),
    # durations
    ("dur", rf"\b(?:{_MOD}|(?P<each>each\s+of\s+))?(?:(?P<the>the\s+)?(?:(?P<dir>past|last|next|first|coming|previous|following|latest|final|recent|other|remaining|initial|same)\s+)?)?(?P<n>{_NUM}|the\s+next\s+few)(?:\s+more|\s+additional|\s+full|\s+straight|\s+consecutive)?[\s-]+(?P<unit>{_UNIT})(?:\s+or\s+so)?(?:\s+(?:or|and)\s+(?:more|months|years|weeks|days))?\b(?![- ]old\b)", I),
    ("dur_adj", r"\b(?P<n>\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|ninety|hundred|(?:twenty|thirty|forty|fifty)-(?:one|two|three|four|five|six|seven|eight|nine))-(?P<unit>second|minute|hour|day|week|month|year|decade|century)(?:-old|\s+history)?\b", I),
    ("dur_bare", r"\b(?:(?P<the>the\s+)?(?P<dir>past|last|next|coming|recent|previous|first|following)\s+)(?P<unit>seconds|minutes|hours|days|weeks|months|years|decades|centuries|quarters)\b", I),
    ("dur_plain", r"\b(?P<unit>seconds|minutes|hours|days|weeks|months|years|decades|centuries)\b(?!\s+(?:of|ago|earlier|later|before|after))", I),
    ("dur_time", r"\bthe\s+(?P<dir>past|last|next|first)\s+(?P<unit>year|month|week|decade|century|quarter)\b(?=\s+(?:or\s+so|alone)\b)", I),
    # sets
    ("set", r"\b(?P<w>daily|weekly|hourly|nightly|annually|yearly|biweekly|semiannually|twice\s+(?:a|per)\s+(?:year|month|week|day)|once\s+(?:a|per)\s+(?:year|month|week|day)|(?:every|each)\s+(?:other\s+)?(?:single\s+)?(?:day|week|month|year|quarter|hour|minute|morning|night|evening|afternoon|summer|winter|spring|fall|weekend|decade)|(?:every|each)\s+(?P<n>\w+)\s+(?P<unit>days|weeks|months|years|hours|minutes))\b", I),
    # holidays
    ("holiday", rf"\b(?:(?:last|next|this)\s+)?(?P<h>Christmas(?:\s+Day|\s+Eve)?|New\s+Year's(?:\s+Day|\s+Eve)?|Thanksgiving(?:\s+Day)?|Independence\s+Day|Labor\s+Day|Memorial\s+Day|Halloween|Valentine's\s+Day|Easter(?:\s+Sunday)?)(?:\s+(?P<y>{_YEAR}))?\b", 0),
]

_COMPILED: list[tuple[str, re.Pattern[str]]] = [(n, re.compile(p, f)) for n, p, f in _RULES]

# Words that every match of a rule holds, one of each group (lower case; a group is a string of
# alternatives). A rule is scanned for only in a text that holds them: each scan walks the whole
# text, and most rules match in few articles (on PolNeAR dev, 14 of the 37 in none), so this
# skips most scans (find_timexes took 6.5% of extract time, the scans nearly all of it).
# A word must come from the literal text of a part of the pattern that every match passes
# through; `test_rule_words_and_runs_lose_no_match` checks each rule's matches in the corpora.
_RULE_WORDS: dict[str, tuple[str, ...]] = {
    "iso": ("-",),
    "slash": ("/",),
    "mdy": ("jan feb mar apr may jun jul aug sep oct nov dec",),
    "dmy": ("jan feb mar apr may jun jul aug sep oct nov dec",),
    "my": ("jan feb mar apr may jun jul aug sep oct nov dec",),
    "month": ("jan feb mar apr may jun jul aug sep oct nov dec",),
    "year": ("16 17 18 19 20",),
    "spelled_year": ("nineteen thousand",),
    "year_period": ("quarter period fiscal half",),
    "decade": ("0s",),
    "decade2": ("0s",),
    "century": ("century",),
    "weekday": ("monday tuesday wednesday thursday friday saturday sunday",),
    "wd_set": ("monday tuesday wednesday thursday friday saturday sunday",),
    "clock": (": a.m p.m am pm o'clock noon midnight midday",),
    "clock2": ("noon midnight",),
    "partday": ("morning afternoon evening night",),
    "partday2": ("yesterday today tomorrow",),
    "deictic": ("today yesterday tomorrow tonight",),
    "refs": ("now current present recent days future past lately",),
    "relunit": ("week month year quarter decade century spring summer fall autumn winter period day",),
    "yearend": ("year month week",),
    "season": ("spring summer fall autumn winter",),
    "season2": ("spring summer fall autumn winter",),
    "decade_word": ("twenties thirties forties fifties sixties seventies eighties nineties",),
    "quarter": ("quarter half",),
    "yearago": ("year",),
    "sameperiod": ("same corresponding comparable",),
    "ago": ("second minute hour day night week month quarter year decade centur millenni",
            "ago earlier before later after now hence back"),
    "earlier_this": ("earlier later",),
    "dur": ("second minute hour day night week month quarter year decade centur millenni",),
    "dur_adj": ("-second -minute -hour -day -week -month -year -decade -century",),
    "dur_bare": ("seconds minutes hours days weeks months years decades centuries quarters",),
    "dur_plain": ("seconds minutes hours days weeks months years decades centuries",),
    "dur_time": ("year month week decade century quarter",),
    "set": ("daily weekly hourly nightly annually yearly twice once every each",),
    "holiday": ("christmas new thanksgiving independence labor memorial halloween valentine easter",),
}
_WORD_GROUPS: dict[str, list[list[str]]] = {n: [g.split() for g in groups] for n, groups in _RULE_WORDS.items()}

# Characters that IGNORECASE matching takes for an ASCII letter but `str.lower` does not give as one.
_ASCII_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def _folded(text: str) -> str:
    """`text` lower-cased, with `_ASCII_FOLD` applied first (only where needed: it is slow)."""
    if any(chr(c) in text for c in _ASCII_FOLD):
        text = text.translate(_ASCII_FOLD)
    return text.lower()


def _may_match(name: str, folded: str) -> bool:
    """The text (as `_folded` gives it) holds a word of each of the rule's groups."""
    return all(any(w in folded for w in group) for group in _WORD_GROUPS[name])


# The costliest rules (on PolNeAR dev "dur", "ago" and "relunit" took 40% of the scans) are
# scanned for only in the runs of text between these characters that hold their words. Their
# patterns allow only word characters, white space and "-./", so no match holds one of these
# and each match lies inside one run; after a match they look ahead only for white space or
# "-", so ending the scan at the run's end changes no match.
_BREAKS = re.compile(r'[,;:!?"()\u201c\u201d\u2018\u2019\u2013\u2014]')
_BY_RUN = frozenset({"dur", "ago", "relunit"})


def _runs(text: str) -> list[tuple[int, int]]:
    """The (start, end) runs of `text` between `_BREAKS` characters."""
    cuts = [m.start() for m in _BREAKS.finditer(text)]
    return list(zip([0] + [c + 1 for c in cuts], cuts + [len(text)]))

_TIME_NOUNS = {"year", "years", "month", "months", "day", "days", "week", "weeks", "quarter", "quarters",
               "period", "season", "time", "decade", "century", "half", "budget", "election", "elections",
               "elections", "levels", "level", "figure", "figures", "olympics", "games", "census"}


# ---------------------------------------------------------------------------------------------
# Date arithmetic
# ---------------------------------------------------------------------------------------------

def _parse_published(published: str | None) -> dt.date | None:
    if not published:
        return None
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", published.strip(), re.ASCII)
    m2 = re.match(r"(\d{4})", published.strip(), re.ASCII)
    try:
        d = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else dt.date(int(m2.group(1)), 1, 1) if m2 else None
    except ValueError:  # "2024-02-30", year 0
        return None
    # an anchor near year 1 or 9999 would overflow date arithmetic ("next year", "a decade ago")
    return d if d is not None and 1000 <= d.year <= 9000 else None


def _iso_week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _add_months(y: int, m: int, k: int) -> tuple[int, int]:
    t = y * 12 + (m - 1) + k
    return t // 12, t % 12 + 1


def _month_num(s: str) -> int:
    return MONTHS[s.lower().rstrip(".")]


def _num(s: str) -> float | None:
    """A count written in words or digits; None for vague ones ("several")."""
    s = re.sub(r"\s+", " ", s.lower().strip())
    if " to " in s or " or " in s:
        return None
    half = 0.0
    if s.endswith(" and a half"):
        s, half = s[: -len(" and a half")], 0.5
    if s.endswith(" 1/2"):
        s, half = s[:-4], 0.5
    if s in NUMBERS:
        return NUMBERS[s] + half
    if re.fullmatch(r"\d+(\.\d+)?", s):
        return float(s) + half
    m = re.fullmatch(r"(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ](\w+)", s)
    if m and m.group(2) in NUMBERS:
        return NUMBERS[m.group(1)] + NUMBERS[m.group(2)] + half
    return None


def _fmt_num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x)


def _duration(n: float | None, unit: str) -> str:
    """TIMEX3 duration value for n units ("P3Y", "PT5H", "PXM" when n is vague)."""
    u = unit.lower().rstrip("s") if unit.lower() not in ("centuries",) else "century"
    u = re.sub(r"\s+", " ", u)
    if u.startswith("trading") or u.startswith("business"):
        u = "day"
    if u.endswith("millennia"):
        u = "millennium"
    letter, is_time, mult = UNITS.get(u, ("X", False, 1))
    if u == "decade" and n is None:
        return "PXE"
    if u in ("century", "centurie") and n is None:
        return "PXC"
    if u == "weekend":
        return "P2D" if n == 1 else ("PXWE" if n is None else f"P{_fmt_num(n)}WE")
    if u == "quarter" and n is None:
        return "PXQ"
    val = "X" if n is None else _fmt_num(n * mult)
    if is_time:
        if n is not None and not float(n).is_integer() and u in ("hour", "minute"):
            sub = "M" if u == "hour" else "S"
            return f"PT{int(n)}{letter}{int(round((n % 1) * 60))}{sub}"
        return f"PT{val}{letter}"
    return f"P{val}{letter}"


# ---------------------------------------------------------------------------------------------
# Tense: does the clause around a timex point backwards or forwards from publication?
# ---------------------------------------------------------------------------------------------

_SAY = {"say", "tell", "report", "announce", "state", "add", "confirm", "note", "claim"}


_PRE_PAST = re.compile(r"\b(?:since|ago|last|past)\s+$", I)
_PRE_FUTURE = re.compile(r"\b(?:effective|payable|as\s+early\s+as|as\s+soon\s+as|no\s+later\s+than|scheduled\s+for|set\s+for|planned\s+for|due)\s+(?:on\s+)?$", I)
_PRE_FUTURE_WEAK = re.compile(r"\b(?:until|till|by|starting|beginning|expected)\s+(?:on\s+)?$", I)


def _tense(doc: Doc, start: int, end: int, parsed: bool = True) -> str:
    """'past', 'future' or '' from the words before the span, else the verb governing it."""
    before = text_of(doc)[max(0, start - 24): start]
    if _PRE_PAST.search(before):
        return "past"
    if _PRE_FUTURE.search(before):
        return "future"
    if text_of(doc).startswith("'s", end) or text_of(doc).startswith("’s", end):
        return "past"
    if not parsed:
        return "future" if _PRE_FUTURE_WEAK.search(before) else ""
    t = _parse_tense(doc, start, end)
    if t in ("", "present") and _PRE_FUTURE_WEAK.search(before):
        return "future"
    return t


def _parse_tense(doc: Doc, start: int, end: int) -> str:
    """The tense of the verb governing a span, from the parse."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return ""
    tok = span.root
    for _ in range(6):
        if tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB"):
            break
        if tok.head is tok:
            break
        tok = tok.head
    else:
        return ""
    if not tok.tag_.startswith("VB") and tok.pos_ not in ("VERB", "AUX"):
        # verbless: look left in the sentence for a verb
        sent = tok.sent
        cands = [t for t in sent if t.tag_.startswith("VB") or t.tag_ == "MD"]
        if not cands:
            return ""
        tok = min(cands, key=lambda t: abs(t.i - span.start))
    return _verb_tense(tok)


def _verb_tense(tok) -> str:
    auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    words = {c.lower_ for c in auxes}
    if words & {"will", "'ll", "shall", "wo"}:
        return "future"
    if "would" in words:
        return "future"
    if any(c.lower_ in ("going",) for c in auxes):
        return "future"
    if tok.tag_ == "MD" and tok.lower_ in ("will", "'ll", "shall", "wo", "would"):
        return "future"
    if words & {"had", "has", "have", "did", "was", "were"}:
        return "past"
    if tok.tag_ == "VBD":
        return "past"
    if tok.tag_ == "VBN" and not words:
        return "past"
    if tok.tag_ == "VB" and "to" in words:
        head = tok.head
        if head is not tok and head.tag_.startswith("VB"):
            if head.lemma_ in ("plan", "expect", "schedule", "set", "hope", "want", "intend", "aim", "agree", "vow", "promise", "prepare", "threaten", "seek"):
                return "future"
            t = _verb_tense(head) if head.tag_ != "VB" else ""
            return t if t == "future" else ("future" if head.tag_ in ("VBZ", "VBP", "VBN") else "past")
        return "future"
    if tok.tag_ in ("VBZ", "VBP") and tok.lemma_ not in _SAY and tok.lemma_ != "be":
        return "future"
    if tok.tag_ == "VBN" and words & {"is", "are", "be"}:
        return "future" if tok.lemma_ in ("schedule", "expect", "set", "due", "plan") else ""
    if tok.tag_ == "VBG" and words & {"is", "are", "am"}:
        return "future"
    if tok.lemma_ == "be" and tok.tag_ in ("VBZ", "VBP"):
        return "present"
    return ""


# ---------------------------------------------------------------------------------------------
# Normalisation context
# ---------------------------------------------------------------------------------------------

class _Ctx:
    """Per-document state: the anchor date, the last quarter and day mentioned."""

    __slots__ = ("dct", "doc", "ref_quarter", "ref_day", "has_dct", "quarterly", "_tenses")

    def __init__(self, doc: Doc, dct: dt.date | None, tenses: dict | None = None) -> None:
        self._tenses: dict = {} if tenses is None else tenses
        self.has_dct = dct is not None
        self.dct = dct or dt.date(2000, 6, 15)
        self.doc = doc
        self.ref_quarter: tuple[int, int] | None = None
        self.ref_day: dt.date | None = None
        # earnings reports: "a year ago" compares with the quarter being reported
        self.quarterly = "quarter" in text_of(doc).lower()

    def tense(self, start: int, end: int) -> str:
        """Cached `_tense` of a character span."""
        key = (start, end)
        t = self._tenses.get(key)
        if t is None:
            parsed = self._tenses.get("parsed")
            if parsed is None:
                parsed = self._tenses["parsed"] = bool(len(self.doc)) and self.doc[0].dep_ != "" or self.doc.has_annotation("DEP")
            t = self._tenses[key] = _tense(self.doc, start, end, bool(parsed))
        return t

    def report_quarter(self) -> tuple[int, int] | None:
        """The quarter a financial report is about: the last one named, else the one before publication."""
        if self.ref_quarter:
            return self.ref_quarter
        return _prev_quarter(self.dct) if self.quarterly else None


def _resolve_weekday(ctx: _Ctx, wd: int, rel: str, tense: str) -> dt.date:
    d = ctx.dct
    diff = wd - d.isoweekday()
    if rel in ("last", "past", "this past"):
        back = (d.isoweekday() - wd) % 7 or 7
        return d - dt.timedelta(days=back)
    if rel in ("next", "coming", "this coming"):
        fwd = (wd - d.isoweekday()) % 7 or 7
        return d + dt.timedelta(days=fwd)
    if rel == "this":
        return d + dt.timedelta(days=diff)
    if tense == "future":
        return d + dt.timedelta(days=(wd - d.isoweekday()) % 7)
    return d - dt.timedelta(days=(d.isoweekday() - wd) % 7)


# A month-day with no year and no telling tense is read as the coming one only when it is this
# close ahead (record dates, deadlines); otherwise as the last one. Calibrated on TBAQ/MEANTIME.
AHEAD_DAYS = 60


def _resolve_month_day(ctx: _Ctx, m: int, day: int | None, tense: str) -> int:
    """The year of a month (and day) given without one."""
    d = ctx.dct
    y = d.year
    this = (m, day or 1)
    now = (d.month, d.day if day else 1)
    if tense == "future":
        # a deadline a few days gone ("by Jan. 14" written on Jan. 15) is still this one
        if day and (d - dt.date(y, m, min(day, 28))).days in range(0, 8):
            return y
        return y if this >= now else y + 1
    if tense == "past":
        return y if this <= now else y - 1
    # no tense: the last occurrence, unless the next one is close (news looks back more than ahead)
    fut_y = y if this > now else y + 1
    ahead = (dt.date(fut_y, m, min(day or 1, 28)) - d).days
    if ahead <= AHEAD_DAYS:
        return fut_y
    return y if this <= now else y - 1


def _mask(value: str) -> str:
    """Blank out the anchored digits of a value when there is no publication date."""
    if value.endswith("_REF") or value.startswith("P"):
        return value
    m = re.match(r"(\d{4})(-W\d\d)?(.*)", value)
    if not m:
        return value
    rest = m.group(3)
    return "XXXX" + ("-WXX" if m.group(2) else "") + rest


# ---------------------------------------------------------------------------------------------
# Handlers: match -> (type, value) or None to drop
# ---------------------------------------------------------------------------------------------

Result = tuple[str, str] | None


def _h_iso(m: re.Match, ctx: _Ctx) -> Result:
    y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    if m["hh"]:
        return "TIME", f"{y:04d}-{mo:02d}-{d:02d}T{m['hh']}:{m['mi']}"
    return "DATE", f"{y:04d}-{mo:02d}-{d:02d}"


def _h_slash(m: re.Match, ctx: _Ctx) -> Result:
    mo, d, y = int(m["m"]), int(m["d"]), int(m["y"])
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    if y < 100:
        y += 2000 if y < 50 else 1900
    return "DATE", f"{y:04d}-{mo:02d}-{d:02d}"


def _h_mdy(m: re.Match, ctx: _Ctx) -> Result:
    mon = _month_num(m["mon"])
    day = int(re.match(r"\d+", m["d"]).group())
    if day > calendar.monthrange(2000, mon)[1]:
        return None
    if m["y"]:
        return "DATE", f"{int(m['y']):04d}-{mon:02d}-{day:02d}"
    if m["mon"] == "May" and _is_modal(ctx, m.start("mon")):
        return None
    y = _resolve_month_day(ctx, mon, day, ctx.tense(m.start(), m.end()))
    if m["wd"]:
        wd = WEEKDAYS[m["wd"].lower()]
        for yy in (y, y - 1, y + 1):
            try:
                if dt.date(yy, mon, day).isoweekday() == wd:
                    y = yy
                    break
            except ValueError:
                pass
    v = f"{y:04d}-{mon:02d}-{day:02d}"
    return "DATE", v if ctx.has_dct else f"XXXX-{mon:02d}-{day:02d}"


_h_dmy = _h_mdy


def _is_modal(ctx: _Ctx, pos: int) -> bool:
    span = ctx.doc.char_span(pos, pos + 3)
    return span is not None and span[0].tag_ == "MD"


def _mod_of(s: str | None) -> str:
    if not s:
        return ""
    s = s.lower()
    if "early" in s or "beginning" in s or "start" in s or s.startswith("earl"):
        return "START"
    if "mid" in s or "middle" in s:
        return "MID"
    if "late" in s or "end" in s:
        return "END"
    return ""


def _h_my(m: re.Match, ctx: _Ctx) -> Result:
    return "DATE", f"{int(m['y']):04d}-{_month_num(m['mon']):02d}"


def _h_month(m: re.Match, ctx: _Ctx) -> Result:
    mon = _month_num(m["mon"])
    if m["mon"] == "May" and not m["rel"] and not m["mod"] and not m["ry"]:
        if _is_modal(ctx, m.start("mon")):
            return None
        before = text_of(ctx.doc)[max(0, m.start() - 12): m.start()].lower()
        if not re.search(r"\b(in|since|until|of|by|from|through|during|before|after|last|next|this|to)\s+$", before):
            return None
    if m["mon"] == "March" and not (m["rel"] or m["mod"] or m["ry"]):
        before = text_of(ctx.doc)[max(0, m.start() - 12): m.start()].lower()
        if not re.search(r"\b(in|since|until|of|by|from|through|during|before|after|to|and|or|early|late|mid)\s+$", before):
            return None
    rel = (m["rel"] or "").lower()
    if rel in ("each", "every"):
        return "SET", f"XXXX-{mon:02d}"
    d = ctx.dct
    if m["ry"]:
        y = d.year + {"this": 0, "last": -1, "next": 1}[m["ry"].lower()]
    elif rel in ("last", "this past"):
        y = d.year if mon < d.month else d.year - 1
    elif rel in ("next", "this coming"):
        y = d.year if mon > d.month else d.year + 1
    elif rel == "this":
        y = d.year
    else:
        y = _resolve_month_day(ctx, mon, None, ctx.tense(m.start(), m.end()))
    return "DATE", f"{y:04d}-{mon:02d}" if ctx.has_dct else f"XXXX-{mon:02d}"


def _h_year(m: re.Match, ctx: _Ctx) -> Result:
    y = int(m["y"])
    text = text_of(ctx.doc)
    if not m["mod"] and not m["suffix"]:
        # a bare four-digit number: keep it only where it reads as a year
        if m.start() > 0 and text[m.start() - 1] in "$#£€":
            return None
        after = text[m.end(): m.end() + 25]
        if re.match(r"\s*(?:%|percent|per\s*cent|\d)", after, I):
            return None
        span = ctx.doc.char_span(m.start("y"), m.end("y"))
        if span is not None:
            tok = span[0]
            nxt = tok.nbor(1) if tok.i + 1 < len(ctx.doc) else None
            if nxt is not None and nxt.tag_ in ("NNS",) and nxt.lower_ not in _TIME_NOUNS:
                return None
            before = text[max(0, m.start() - 20): m.start()].lower()
            if re.search(r"\b(?:no\.|number|flight|route|model|boeing|airbus|a|room)\s*$", before):
                return None
            if not (1900 <= y <= 2039) and tok.ent_type_ != "DATE":
                return None
    return "DATE", str(y)


def _h_spelled_year(m: re.Match, ctx: _Ctx) -> Result:
    c = m["c"].lower()
    t = (m["t"] or "").lower()
    if c == "nineteen":
        if not t or t in ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine"):
            return None
        n = NUMBERS[t] + (NUMBERS[m["u"].lower()] if m["u"] else 0)
        return "DATE", f"19{n:02d}"
    n = (NUMBERS[t] if t else 0) + (NUMBERS[m["u"].lower()] if m["u"] else 0)
    if n >= 100 or (not t and not m.group(0).lower().startswith("the year")):
        return None
    return "DATE", f"{2000 + n}"


def _h_year_period(m: re.Match, ctx: _Ctx) -> Result:
    y = int(m["y"])
    unit = m["unit"].lower()
    if "half" in unit:
        return "DATE", f"{y}-H{1 if 'first' in unit else 2}"
    q = ctx.report_quarter()
    if q and unit in ("quarter", "period"):
        return "DATE", f"{y}-Q{q[1]}"
    return "DATE", str(y)


def _h_decade(m: re.Match, ctx: _Ctx) -> Result:
    if m["c"]:
        return "DATE", f"{m['c']}{m['dec']}"
    return "DATE", f"19{m['dec2']}"


def _h_decade2(m: re.Match, ctx: _Ctx) -> Result:
    # "the 80s" — only with the article or a modifier, else it is an age ("in their 80s")
    if not m.group(0).lower().startswith(("the", "early", "mid", "late")):
        return None
    return "DATE", f"19{m['dec']}"


def _h_century(m: re.Match, ctx: _Ctx) -> Result:
    n = int(m["n"])
    return "DATE", f"{n - 1:02d}"


def _h_weekday(m: re.Match, ctx: _Ctx) -> Result:
    wd = WEEKDAYS[m["wd"].lower()]
    rel = (m["rel"] or "").lower()
    rel = re.sub(r"\s+", " ", rel)
    d = _resolve_weekday(ctx, wd, rel, "" if rel else ctx.tense(m.start(), m.end()))
    ctx.ref_day = d
    if not ctx.has_dct:
        v = f"XXXX-WXX-{wd}"
    else:
        v = d.isoformat()
    # "Friday night": TimeBank mostly gives the day alone as the value
    return "DATE", v


def _h_wd_set(m: re.Match, ctx: _Ctx) -> Result:
    return "SET", f"XXXX-WXX-{WEEKDAYS[m['wd'].lower()]}"


def _anchor_day(ctx: _Ctx, anchor: str | None, m: re.Match) -> dt.date:
    if not anchor:
        return ctx.ref_day or ctx.dct
    a = anchor.lower()
    if a == "today":
        return ctx.dct
    if a == "yesterday":
        return ctx.dct - dt.timedelta(days=1)
    if a == "tomorrow":
        return ctx.dct + dt.timedelta(days=1)
    if a in WEEKDAYS:
        return _resolve_weekday(ctx, WEEKDAYS[a], "", ctx.tense(m.start(), m.end()))
    md = re.match(r"(\w+)\.?\s+(\d{1,2})$", a)
    if md and md.group(1) in MONTHS:
        mon, day = MONTHS[md.group(1)], int(md.group(2))
        y = _resolve_month_day(ctx, mon, day, ctx.tense(m.start(), m.end()))
        return dt.date(y, mon, day)
    return ctx.dct


def _clock_value(clock: str) -> str | None:
    c = clock.lower().strip()
    if c == "noon":
        return "12:00"
    if c == "midnight":
        return "24:00"
    if c == "midday":
        return "12:00"
    mm = re.match(r"(\d{1,2})(?::(\d\d))?", c)
    if not mm:
        return None
    h, mi = int(mm.group(1)), int(mm.group(2) or 0)
    pm = re.search(r"p\.?m", c)
    am = re.search(r"a\.?m", c)
    if pm and h < 12:
        h += 12
    if am and h == 12:
        h = 0
    if h > 24 or mi > 59:
        return None
    return f"{h:02d}:{mi:02d}"


def _h_clock(m: re.Match, ctx: _Ctx) -> Result:
    c = m["clock"]
    if ":" not in c and not re.search(r"[ap]\.?m|o'clock|noon|midnight", c, I):
        return None
    hm = _clock_value(c)
    if hm is None:
        return None
    # "3:1" scores, "4:30 a.m." times: a bare h:mm without a.m./p.m./zone must look like a time
    if re.fullmatch(r"\d{1,2}:\d\d", c.strip()):
        before = text_of(ctx.doc)[max(0, m.start() - 8): m.start()].lower()
        if not re.search(r"\b(at|by|until|from|since|before|after|about|around)\s+$", before):
            return None
    anchor = m["anchor"] if "anchor2" not in m.re.groupindex else (m["anchor"] or m["anchor2"])
    day = _anchor_day(ctx, anchor, m)
    v = f"{day.isoformat()}T{hm}" if ctx.has_dct else f"XXXX-XX-XXT{hm}"
    return "TIME", v


_h_clock2 = _h_clock


def _h_partday(m: re.Match, ctx: _Ctx) -> Result:
    anchor = m["anchor"].lower()
    part = (m["part"] or "").lower()
    if anchor == "tonight":
        d, part = ctx.dct, part or "night"
    elif anchor == "today":
        if not part:
            return None
        d = ctx.dct
    elif anchor == "this":
        if not part:
            return None
        d = ctx.dct
    elif anchor == "last":
        if part not in ("night", "evening"):
            return None
        d = ctx.dct - dt.timedelta(days=1)
    elif anchor == "yesterday":
        d = ctx.dct - dt.timedelta(days=1)
    else:
        d = ctx.dct + dt.timedelta(days=1)
    if not part:
        return None
    v = d.isoformat() if ctx.has_dct else "XXXX-XX-XX"
    return "TIME", f"{v}T{PARTS_OF_DAY.get(part, 'AF')}"


def _h_partday2(m: re.Match, ctx: _Ctx) -> Result:
    a = m["anchor"].lower()
    d = ctx.dct + dt.timedelta(days={"yesterday": -1, "today": 0, "tomorrow": 1}[a])
    part = m["part"].lower().replace("-", "")
    code = "AF" if "afternoon" in part else PARTS_OF_DAY.get(part, "AF")
    v = d.isoformat() if ctx.has_dct else "XXXX-XX-XX"
    return "TIME", f"{v}T{code}"


def _h_deictic(m: re.Match, ctx: _Ctx) -> Result:
    w = m["w"].lower()
    d = ctx.dct + dt.timedelta(days={"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[w])
    ctx.ref_day = d
    if not ctx.has_dct:
        return "DATE", "XXXX-XX-XX"
    if w == "tonight":
        return "TIME", d.isoformat() + "TNI"
    return "DATE", d.isoformat()


_PAST_WORDS = {"recently", "recent", "the past", "lately"}


def _h_refs(m: re.Match, ctx: _Ctx) -> Result:
    w = re.sub(r"\s+", " ", m["w"].lower())
    pre = (m["pre"] or "").lower()
    if w in ("recent",) and re.match(r"\s+(?:years|months|weeks|days|decades)\b", text_of(ctx.doc)[m.end(): m.end() + 10], I):
        return None
    if w == "recent" and pre != "more":
        return None
    if w in _PAST_WORDS:
        return "DATE", "PAST_REF"
    if "future" in w:
        return "DATE", "FUTURE_REF"
    if w == "current":
        # "current" only as a time adjective: not "the current account", "electric current"
        span = ctx.doc.char_span(m.start("w"), m.end("w"))
        if span is None or span[0].pos_ != "ADJ":
            return None
        nxt = text_of(ctx.doc)[m.end(): m.end() + 25].lower()
        if re.match(r"\s+(?:account|affairs|events|price|prices)\b", nxt):
            return None
    if w == "now" and pre == "" and re.match(r"\s+that\b", text_of(ctx.doc)[m.end(): m.end() + 6]):
        return "DATE", "PRESENT_REF"
    return "DATE", "PRESENT_REF"


def _quarter_of(d: dt.date) -> int:
    return (d.month - 1) // 3 + 1


def _h_relunit(m: re.Match, ctx: _Ctx) -> Result:
    rel = re.sub(r"\s+", " ", m["rel"].lower())
    unit = re.sub(r"\s+", " ", m["unit"].lower())
    d = ctx.dct
    mod = (m["mod"] or "").lower()
    end = (m["end"] or "").lower()
    if rel in ("the full", "the entire", "the whole"):
        if unit != "year" or re.match(r"\s+(?:ended|ending)\b", text_of(ctx.doc)[m.end(): m.end() + 10]):
            return "DURATION", _duration(1, unit) if unit in UNITS else None
        return "DATE", str(d.year) if ctx.has_dct else "XXXX"
    if rel in ("the", "that", "fiscal", "the fiscal") and not end and not mod and not m["ry"]:
        if unit == "week":
            return "DATE", f"{d.year}-WXX" if ctx.has_dct else "XXXX-WXX"
        if unit in ("year", "fiscal year"):
            if re.match(r"\s+(?:ended|ending|ends|that\s+ended|which\s+ended)\b", text_of(ctx.doc)[m.end(): m.end() + 20]):
                return "DURATION", "P1Y"
            if rel == "the" or "fiscal" in rel or unit == "fiscal year":
                return "DATE", str(d.year) if ctx.has_dct else "XXXX"
            return None
        if unit == "quarter" and rel == "the":
            q = ctx.ref_quarter or _prev_quarter(d)
            return "DATE", f"{q[0]}-Q{q[1]}"
        if unit == "day" and rel == "the":
            return "DATE", (ctx.ref_day or d).isoformat()
        if unit in SEASONS and rel == "the":
            y = d.year
            return "DATE", f"{y}-{SEASONS[unit]}"
        if unit == "weekend" and rel == "the":
            return "DATE", _weekend(ctx, m)
        return None
    if unit == "period" and rel not in ("the latest", "latest", "the same", "the current", "current", "the previous", "previous"):
        return None
    if unit == "day" and rel not in ("the previous", "previous", "the following", "the next", "next", "the same", "the past", "the last"):
        return None
    if rel in ("the past", "past", "the last") and unit in ("day",):
        return "DURATION", "P1D"
    if rel in ("the past", "past", "the last") and unit in ("decade", "century"):
        return "DURATION", "P10Y" if unit == "decade" else "P100Y"
    shift = {"this": 0, "the current": 0, "current": 0, "the current fiscal": 0, "the latest": 0, "latest": 0,
             "the same": 0, "last": -1, "the past": -1, "past": -1, "the last": -1, "the previous": -1,
             "previous": -1, "this past": -1, "next": 1, "the coming": 1, "coming": 1, "the following": 1,
             "this coming": 1, "the fiscal": 0, "fiscal": 0, "the": 0, "that": 0}.get(rel, 0)
    if m["ry"]:
        ry = m["ry"].lower()
        shift = -1 if ("ago" in ry or "earlier" in ry or "last" in ry) else (1 if "next" in ry else 0)
    if unit in ("year", "fiscal year", "month", "week"):
        if unit in ("year", "fiscal year") and rel in ("the latest", "latest", "the same"):
            return None
        v = _calendar(d, "year" if unit == "fiscal year" else unit, shift)
    elif unit == "weekend":
        if shift == 0:
            return "DATE", _weekend(ctx, m)
        sat = d + dt.timedelta(days=(6 - d.isoweekday()) % 7)
        if shift < 0:
            sat = d - dt.timedelta(days=(d.isoweekday() - 6) % 7 or 7)
        else:
            sat = sat + dt.timedelta(days=7) if sat - d < dt.timedelta(days=1) else sat
        v = _iso_week(sat) + "-WE"
    elif unit in ("quarter", "period"):
        if rel in ("the latest", "latest", "the same", "the current", "current") and ctx.ref_quarter and unit == "period":
            q = ctx.ref_quarter
        elif rel in ("the latest", "latest") and ctx.ref_quarter:
            q = ctx.ref_quarter
        elif rel in ("the latest", "latest"):
            q = _prev_quarter(d)
        elif unit == "period":
            if ctx.ref_quarter is None:
                return None
            q = ctx.ref_quarter
            if shift:
                q = (q[0] + shift, q[1]) if rel in ("the same",) else _shift_quarter(q, shift)
        else:
            q = _shift_quarter((d.year, _quarter_of(d)), shift)
        if m["ry"]:
            base = ctx.ref_quarter or (d.year, _quarter_of(d))
            q = (base[0] + shift, base[1])
        v = f"{q[0]}-Q{q[1]}"
        if unit == "quarter":
            ctx.ref_quarter = q
    elif unit in SEASONS:
        code = SEASONS[unit]
        season_month = {"SP": 4, "SU": 7, "FA": 10, "WI": 1}[code]
        y = d.year
        if shift < 0:
            # TimeBank reads "last spring" in October as the spring of the year before
            y = d.year - 1
        elif shift > 0:
            y = d.year if season_month > d.month + 1 else d.year + 1
        v = f"{y}-{code}"
    elif unit == "decade":
        v = str(d.year + 10 * shift)[:3]
    elif unit == "century":
        return "DURATION", "P100Y"
    elif unit == "day":
        if rel in ("the same",):
            v = (ctx.ref_day or d).isoformat()
        else:
            v = (ctx.ref_day or d) + dt.timedelta(days=shift)
            v = v.isoformat()
    else:
        return None
    if not ctx.has_dct:
        v = _mask(v)
    return "DATE", v


def _weekend(ctx: _Ctx, m: re.Match) -> str:
    d = ctx.dct
    tense = ctx.tense(m.start(), m.end())
    if tense == "future" or d.isoweekday() == 6:
        sat = d + dt.timedelta(days=(6 - d.isoweekday()) % 7)
    else:
        sat = d - dt.timedelta(days=(d.isoweekday() - 6) % 7 or 7)
        if d.isoweekday() == 7:
            sat = d - dt.timedelta(days=1)
    v = _iso_week(sat) + "-WE"
    return v if ctx.has_dct else "XXXX-WXX-WE"


def _prev_quarter(d: dt.date) -> tuple[int, int]:
    return _shift_quarter((d.year, _quarter_of(d)), -1)


def _shift_quarter(q: tuple[int, int], k: int) -> tuple[int, int]:
    t = q[0] * 4 + q[1] - 1 + k
    return t // 4, t % 4 + 1


def _h_yearend(m: re.Match, ctx: _Ctx) -> Result:
    w = m["w"].lower()
    d = ctx.dct
    if "month" in w:
        return "DATE", f"{d.year}-{d.month:02d}" if ctx.has_dct else "XXXX-XX"
    if "week" in w:
        return "DATE", _iso_week(d) if ctx.has_dct else "XXXX-WXX"
    return "DATE", str(d.year) if ctx.has_dct else "XXXX"


def _h_season(m: re.Match, ctx: _Ctx) -> Result:
    return "DATE", f"{int(m['y'])}-{SEASONS[m['s'].lower()]}"


def _h_season2(m: re.Match, ctx: _Ctx) -> Result:
    code = SEASONS[m["s"].lower()]
    return "DATE", f"{ctx.dct.year}-{code}" if ctx.has_dct else f"XXXX-{code}"


_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                 "eighties": 8, "nineties": 9}


def _h_decade_word(m: re.Match, ctx: _Ctx) -> Result:
    return "DATE", f"19{_DECADE_WORDS[m['w'].lower()]}"


def _h_quarter(m: re.Match, ctx: _Ctx) -> Result:
    d = ctx.dct
    unit = m["unit"].lower()
    ordw = m["ord"].lower()
    det = (m["det"] or "").lower()
    tense = ""
    if ordw in ORDINALS:
        n = ORDINALS[ordw]
        if unit == "half" and n > 2:
            return None
    elif ordw in ("final",):
        n = 4 if unit == "quarter" else 2
    elif ordw in ("last",) and unit == "half":
        n = 2
    elif ordw in ("latest", "current", "most recent", "recent", "last", "previous", "fiscal"):
        if ordw == "fiscal":
            return None
        if unit == "half":
            return None
        if ordw == "current":
            q = (d.year, _quarter_of(d))
        elif ordw == "previous" or (ordw == "last" and det in ("", "the")) or ordw == "last":
            q = ctx.ref_quarter and _shift_quarter(ctx.ref_quarter, -1) if ordw == "previous" else _prev_quarter(d)
            if ordw == "last" and det == "the" and ctx.ref_quarter:
                q = ctx.ref_quarter
        else:
            q = ctx.ref_quarter or _prev_quarter(d)
        if q is None:
            q = _prev_quarter(d)
        ctx.ref_quarter = q
        return "DATE", f"{q[0]}-Q{q[1]}"
    else:
        return None
    if m["y"] or m["y2"] or m["y0"]:
        y = int(m["y"] or m["y2"] or m["y0"])
    elif m["ly"] or "last year" in det or "year-ago" in det or "year-earlier" in det:
        y = d.year - 1
        if ("year-ago" in det or "year-earlier" in det) and ctx.ref_quarter:
            y = ctx.ref_quarter[0] - 1
    elif m["ny"] or "next year" in det or det == "next":
        y = d.year + 1
    else:
        y = d.year
        cur = _quarter_of(d) if unit == "quarter" else (1 if d.month <= 6 else 2)
        if n > cur:
            tense = ctx.tense(m.start(), m.end())
            if tense == "past" or (unit == "quarter" and n - cur >= 2 and tense != "future"):
                y -= 1
        if det == "last" and unit == "quarter":
            y = d.year - 1 if n >= cur else d.year
    code = "Q" if unit == "quarter" else "H"
    if code == "Q":
        ctx.ref_quarter = (y, n)
    v = f"{y}-{code}{n}"
    if not ctx.has_dct and not (m["y"] or m["y2"] or m["y0"]):
        v = f"XXXX-{code}{n}"
    return "DATE", v


def _h_yearago(m: re.Match, ctx: _Ctx) -> Result:
    t = m.group(0).lower()
    d = ctx.dct
    if "month" in t:
        if re.search(r"\bmonths\b", t):
            return "DURATION", "P9M" if "nine" in t else "PXM"
        y, mo = _add_months(d.year, d.month, -12)
        return "DATE", f"{y}-{mo:02d}"
    q = ctx.report_quarter()
    if q:
        return "DATE", f"{q[0] - 1}-Q{q[1]}" if ctx.has_dct else f"XXXX-Q{q[1]}"
    return "DATE", str(d.year - 1) if ctx.has_dct else "XXXX"


_h_sameperiod = _h_yearago


def _h_ago(m: re.Match, ctx: _Ctx) -> Result:
    unit = re.sub(r"\s+", " ", m["unit"].lower()).rstrip("s")
    if unit == "centurie":
        unit = "century"
    unit = unit.replace("trading ", "").replace("business ", "")
    nword = m["n"].lower()
    n = _num(nword) if nword != "the" else None
    if nword == "the":
        return None
    dirw = m["dir"].lower()
    sign = -1 if dirw in ("ago", "earlier", "before", "back") else 1
    if dirw in ("earlier", "later", "before", "after", "ago") and unit in ("year",) and n == 1 and ctx.report_quarter() and m.group(0)[:1].lower() == "a":
        q = ctx.report_quarter()
        return "DATE", f"{q[0] + sign}-Q{q[1]}" if ctx.has_dct else f"XXXX-Q{q[1]}"
    if dirw in ("before", "after") and not re.match(r"\s*[,.;]", text_of(ctx.doc)[m.end(): m.end() + 2]):
        return None
    d = ctx.ref_day if (dirw in ("earlier", "later") and ctx.ref_day and unit in ("day", "hour", "minute")) else ctx.dct
    if n is None:
        if unit in ("year", "decade", "century"):
            return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF"
        return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF"
    k = int(n) if float(n).is_integer() else n
    if not ctx.has_dct:
        return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF"
    if unit in ("second", "minute", "hour"):
        return "TIME", "PRESENT_REF" if sign < 0 else "FUTURE_REF"
    if unit in ("day", "night"):
        return "DATE", (d + dt.timedelta(days=sign * int(k))).isoformat()
    if unit == "week":
        return "DATE", _iso_week(d + dt.timedelta(days=7 * sign * int(k)))
    if unit == "fortnight":
        return "DATE", _iso_week(d + dt.timedelta(days=14 * sign * int(k)))
    if unit == "month":
        y, mo = _add_months(d.year, d.month, sign * int(k))
        return "DATE", f"{y}-{mo:02d}"
    if unit == "quarter":
        q = _shift_quarter((d.year, _quarter_of(d)), sign * int(k))
        return "DATE", f"{q[0]}-Q{q[1]}"
    if unit == "year":
        return "DATE", str(d.year + sign * int(k))
    if unit == "decade":
        return "DATE", str(d.year + sign * 10 * int(k))
    if unit == "century":
        return "DATE", str(d.year + sign * 100 * int(k))[:2]
    return None


def _calendar(d: dt.date, unit: str, shift: int) -> str:
    """The year, month or ISO week `shift` units from the one holding `d`: "2024", "2024-10", "2024-W43"."""
    if unit == "year":
        return str(d.year + shift)
    if unit == "month":
        y, mo = _add_months(d.year, d.month, shift)
        return f"{y}-{mo:02d}"
    return _iso_week(d + dt.timedelta(days=7 * shift))


def _h_earlier_this(m: re.Match, ctx: _Ctx) -> Result:
    unit = m["unit"].lower()
    rel = m["rel"].lower()
    d = ctx.dct
    shift = {"last": -1, "next": 1}.get(rel, 0)
    if rel == "that":
        return None
    if unit in ("year", "month", "week"):
        v = _calendar(d, unit, shift)
    elif unit == "day":
        v = d.isoformat()
    elif unit == "quarter":
        q = _shift_quarter((d.year, _quarter_of(d)), shift)
        v = f"{q[0]}-Q{q[1]}"
    elif unit in SEASONS:
        v = f"{d.year + shift}-{SEASONS[unit]}"
    else:
        return None
    if not ctx.has_dct:
        v = _mask(v)
    return "DATE", v


def _h_dur(m: re.Match, ctx: _Ctx) -> Result:
    unit = m["unit"].lower()
    nword = m["n"].lower()
    n = None if "few" in nword else _num(nword)
    if nword in ("a", "an") and (unit.endswith("s") or unit == "second"):
        return None
    sep = text_of(ctx.doc)[m.end("n"): m.start("unit")]
    if "-" in sep and unit.endswith("s"):
        return None  # "three-quarters", a fraction
    if m["unit"][:1].isupper() and nword[:1].isdigit():
        return None  # "60 Minutes", a title
    if nword in ("a", "an") and re.search(r"(?:\d|%|times|illion|cents|dollars|seats|flights)\s*$", text_of(ctx.doc)[max(0, m.start() - 12): m.start()]):
        return None
    if nword.isdigit() and int(nword) > 1000:
        return None
    if re.match(r"\d", nword) and m.start("n") > 0 and text_of(ctx.doc)[m.start("n") - 1] in "$£€":
        return None
    if unit.startswith("weekend"):
        return "DURATION", _duration(n, "weekend")
    # "the first quarter" etc. is a quarter name, handled elsewhere
    if re.fullmatch(r"quarters?", unit) and n is not None and n == 1 and nword in ("a", "an", "one"):
        return "DURATION", "P3M"
    return "DURATION", _duration(n, unit)


def _h_dur_adj(m: re.Match, ctx: _Ctx) -> Result:
    n = _num(m["n"].replace("-", " "))
    if n is None:
        return None
    if m.group(0).lower().endswith("-old"):
        return None
    return "DURATION", _duration(n, m["unit"])


def _h_dur_bare(m: re.Match, ctx: _Ctx) -> Result:
    unit = m["unit"].lower()
    dirw = m["dir"].lower()
    if dirw == "recent" and unit in ("years", "decades"):
        return "DATE", "PAST_REF"
    return "DURATION", _duration(None, unit)


_DUR_PLAIN_BEFORE = re.compile(r"\b(?:for|over|in|within|take|takes|took|taking|last|lasted)\s$", I)


def _h_dur_plain(m: re.Match, ctx: _Ctx) -> Result:
    if not _DUR_PLAIN_BEFORE.search(text_of(ctx.doc), max(0, m.start() - 8), m.start()):
        return None
    return "DURATION", _duration(None, m["unit"])


def _h_dur_time(m: re.Match, ctx: _Ctx) -> Result:
    return "DURATION", _duration(1, m["unit"])


_SET_VALUES = {"daily": "P1D", "weekly": "P1W", "hourly": "PT1H", "nightly": "P1D", "annually": "P1Y",
               "yearly": "P1Y", "biweekly": "P2W", "semiannually": "P6M"}


def _h_set(m: re.Match, ctx: _Ctx) -> Result:
    w = re.sub(r"\s+", " ", m["w"].lower())
    if w in _SET_VALUES:
        if w == "daily":
            span = ctx.doc.char_span(m.start(), m.end())
            if span is not None and span[0].pos_ in ("NOUN", "PROPN"):
                return None
            if re.search(r"\baverage\s+$", text_of(ctx.doc)[max(0, m.start() - 10): m.start()], I):
                return None
        return "SET", _SET_VALUES[w]
    if m["unit"]:
        n = _num(m["n"])
        return ("SET", _duration(n, m["unit"])) if n else None
    last = w.split()[-1]
    if last in PARTS_OF_DAY:
        return "SET", f"XXXX-XX-XXT{PARTS_OF_DAY[last]}"
    if last in SEASONS:
        return "SET", f"XXXX-{SEASONS[last]}"
    if last == "weekend":
        return "SET", "XXXX-WXX-WE"
    k = 2 if " other " in w else 1
    return "SET", _duration(k, last)




# Holidays: (name prefix, month, day), the day a number or a function of the year for the
# movable ones. Longer prefixes first ("christmas eve" before "christmas"). Easter is left out.
_HOLIDAYS: list[tuple[str, int, int | Callable[[int], int]]] = [
    ("christmas eve", 12, 24), ("christmas", 12, 25), ("new year's eve", 12, 31), ("new year", 1, 1),
    ("independence", 7, 4), ("halloween", 10, 31), ("valentine", 2, 14),
    ("thanksgiving", 11, lambda y: 1 + (4 - dt.date(y, 11, 1).isoweekday()) % 7 + 21),
    ("labor", 9, lambda y: 1 + (1 - dt.date(y, 9, 1).isoweekday()) % 7),
    ("memorial", 5, lambda y: 31 - (dt.date(y, 5, 31).isoweekday() - 1) % 7),
]
# Holidays whose year, when not written, follows the tense ("last Christmas"), with the
# approximate day used to decide it.
_TENSED_HOLIDAYS = {"thanksgiving": (11, 25), "christmas": (12, 25), "new year": (1, 1),
                    "independence": (7, 4), "labor": (9, 5), "memorial": (5, 28)}


def _h_holiday(m: re.Match, ctx: _Ctx) -> Result:
    h = re.sub(r"\s+", " ", m["h"].lower())
    y = int(m["y"]) if m["y"] else ctx.dct.year
    if not m["y"]:
        before = text_of(ctx.doc)[max(0, m.start() - 6): m.start()].lower()
        approx = next((md for k, md in _TENSED_HOLIDAYS.items() if h.startswith(k)), None)
        if approx:
            tense = "past" if before.endswith("last ") else ("future" if before.endswith("next ") else ctx.tense(m.start(), m.end()))
            y = _resolve_month_day(ctx, approx[0], approx[1], tense or "past")
    holiday = next(((mo, d) for k, mo, d in _HOLIDAYS if h.startswith(k)), None)
    if holiday is None:
        return None  # Easter: movable, leave it
    month, day = holiday
    md = (month, day(y) if callable(day) else day)
    if not m["y"] and not ctx.has_dct:
        return "DATE", f"XXXX-{md[0]:02d}-{md[1]:02d}"
    return "DATE", f"{y:04d}-{md[0]:02d}-{md[1]:02d}"


_HANDLERS: dict[str, Callable[[re.Match, _Ctx], Result]] = {
    name: globals()["_h_" + name] for name, _, _ in _RULES
}

_DET = re.compile(r"(?:the|a|an|its|their|his|her|our)\s+", I)
_HYPHEN_UNIT = re.compile(r"\w-(?:quarter|half|year|month|week|day|hour|minute|decade)\b", I)


def _trim_start(name: str, text: str, s: int, e: int) -> int:
    """Leave out a determiner where TimeML does: "the [Oct. 23]", "a [third-quarter] loss"."""
    m = _DET.match(text, s, e)
    if not m:
        return s
    body = text[m.end(): e]
    if name in ("mdy", "dmy") or name == "month":
        return m.end()
    if name in ("quarter", "dur", "dur_adj") and _HYPHEN_UNIT.search(body) and not re.search(r"\s", body):
        return m.end()
    if name == "yearago" and re.fullmatch(r"year[- ](?:ago|earlier)", body, I):
        return m.end()
    if m.group(0).lower().strip() in ("its", "their", "his", "her", "our"):
        return m.end()
    return s


# ---------------------------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------------------------

_ABSOLUTE_RULES = frozenset({"iso", "slash", "mdy", "dmy", "my", "year", "decade", "century", "season", "holiday", "quarter", "spelled_year"})


def find_timexes(doc: Doc, published: str | None) -> list[Timex]:
    """The temporal expressions of `doc`, normalised against the publication date `published`."""
    text = text_of(doc)
    dct = _parse_published(published)
    cands: list[tuple[int, int, int, re.Match, str]] = []
    folded = _folded(text)
    whole = [(0, len(text))]
    runs = _runs(text) if len(folded) == len(text) else whole  # `folded[a:b]` is `text[a:b]` folded
    for prio, (name, rx) in enumerate(_COMPILED):
        if not _may_match(name, folded):
            continue
        parts = [(a, b) for a, b in runs if _may_match(name, folded[a:b])] if name in _BY_RUN else whole
        for a, b in parts:
            for m in rx.finditer(text, a, b):
                s, e = m.span()
                # strip trailing white space and a leading "the" before a lone weekday etc.
                while e > s and text[e - 1].isspace():
                    e -= 1
                if e > s:
                    cands.append((s, e, prio, m, name))
    # longest first, then earlier rule; greedy non-overlapping selection. A match its handler
    # rejects frees its text for shorter ones, and the selection is redone (at most a few rounds).
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    tenses: dict[tuple[int, int], str] = {}
    rejected: set[int] = set()
    for _round in range(4):
        taken: list[tuple[int, int, int, re.Match, str]] = []
        occupied = bytearray(len(text) + 1)
        for k, (s, e, _, m, name) in enumerate(cands):
            if k in rejected or any(occupied[s:e]):
                continue
            occupied[s:e] = b"\x01" * (e - s)
            taken.append((s, e, k, m, name))
        taken.sort(key=lambda c: c[0])
        ctx = _Ctx(doc, dct, tenses)
        out: list[Timex] = []
        new_rejects = False
        for s, e, k, m, name in taken:
            try:
                res = _HANDLERS[name](m, ctx)
            except (ValueError, KeyError, OverflowError):
                res = None
            if res is None:
                rejected.add(k)
                new_rejects = True
                continue
            typ, val = res
            s = _trim_start(name, text, s, e)
            # a relative value without an anchor keeps only what the text itself says
            if not ctx.has_dct and val[:4].isdigit() and name not in _ABSOLUTE_RULES:
                val = _mask(val)
            if typ == "DATE" and len(val) == 10 and val[4] == "-" and val[:4].isdigit():
                try:
                    ctx.ref_day = dt.date.fromisoformat(val)
                except ValueError:
                    pass
            out.append(Timex(s, e, text[s:e], typ, val))
        if not new_rejects:
            break
    return out


_EARLY = re.compile(r"\b(?:early|beginning|start)\b", I)
_MID = re.compile(r"\b(?:mid|middle)\b", I)
_LATE = re.compile(r"\b(?:late|end)\b", I)
_DAY_RANGE = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s*(?:-|–|to|and)\s*(\d{1,2})(?:st|nd|rd|th)?")


def timex_interval(timex: Timex) -> str | list[str] | None:
    """The value as a claim date: one day "2024-10-17", or an inclusive [first, last] interval."""
    v = timex.value
    if timex.type in ("DURATION", "SET") or v.endswith("_REF") or "X" in v.split("T")[0]:
        return None
    m = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)(?:T.*)?", v)
    if m:
        y, mo, d = map(int, m.groups())
        r = _DAY_RANGE.search(timex.text)
        if r and int(r.group(1)) == d and int(r.group(2)) > d:
            last = min(int(r.group(2)), calendar.monthrange(y, mo)[1])
            return [f"{y:04d}-{mo:02d}-{d:02d}", f"{y:04d}-{mo:02d}-{last:02d}"]
        return f"{y:04d}-{mo:02d}-{d:02d}"
    m = re.fullmatch(r"(\d{4})-(\d\d)", v)
    if m:
        y, mo = map(int, m.groups())
        last = calendar.monthrange(y, mo)[1]
        lo, hi = 1, last
        if _EARLY.search(timex.text):
            lo, hi = 1, 10
        elif _MID.search(timex.text):
            lo, hi = 11, 20
        elif _LATE.search(timex.text):
            lo, hi = 21, last
        return [f"{y:04d}-{mo:02d}-{lo:02d}", f"{y:04d}-{mo:02d}-{hi:02d}"]
    m = re.fullmatch(r"(\d{4})-W(\d\d)(-WE)?", v)
    if m:
        y, w = int(m.group(1)), int(m.group(2))
        try:
            mon = dt.date.fromisocalendar(y, w, 1)
        except ValueError:
            return None
        if m.group(3):
            return [(mon + dt.timedelta(days=5)).isoformat(), (mon + dt.timedelta(days=6)).isoformat()]
        return [mon.isoformat(), (mon + dt.timedelta(days=6)).isoformat()]
    m = re.fullmatch(r"(\d{4})-Q([1-4])", v)
    if m:
        y, q = int(m.group(1)), int(m.group(2))
        lo, hi = 3 * q - 2, 3 * q
        return [f"{y:04d}-{lo:02d}-01", f"{y:04d}-{hi:02d}-{calendar.monthrange(y, hi)[1]:02d}"]
    m = re.fullmatch(r"(\d{4})-H([12])", v)
    if m:
        y, h = int(m.group(1)), int(m.group(2))
        return [f"{y:04d}-01-01", f"{y:04d}-06-30"] if h == 1 else [f"{y:04d}-07-01", f"{y:04d}-12-31"]
    m = re.fullmatch(r"(\d{4})", v)
    if m:
        y = int(v)
        if _EARLY.search(timex.text):
            return [f"{y:04d}-01-01", f"{y:04d}-04-30"]
        if _MID.search(timex.text):
            return [f"{y:04d}-05-01", f"{y:04d}-08-31"]
        if _LATE.search(timex.text):
            return [f"{y:04d}-09-01", f"{y:04d}-12-31"]
        return [f"{y:04d}-01-01", f"{y:04d}-12-31"]
    m = re.fullmatch(r"(\d{3})", v)
    if m:
        return [f"{v}0-01-01", f"{v}9-12-31"]
    m = re.fullmatch(r"(\d{2})", v)
    if m:
        return [f"{v}00-01-01", f"{v}99-12-31"]
    return None
