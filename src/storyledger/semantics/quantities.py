"""Counts in news text as ranges: "almost 11,000 soldiers" -> 11000 in [10000, 11000], unit "soldiers".

Two layers:

- `read_number(words)` reads one number expression from the start of a list of lower-cased words
  (digits, number words, approximators, vague counts, ranges). Pure, no model.
- `find_quantities(span)` runs it over the tokens of a parsed Doc or Span in one pass, drops
  numbers that are not counts (dates, years, times, ordinals, identifiers, durations) and finds
  the counted unit from the dependency parse.

How approximators become ranges (N is the number as written; `value` is always N when the text
states a number, None for a vague count such as "several thousand"):

- exact "11,000": low = high = N.
- "almost", "nearly", "close to", "just under", ...: high = N, low = N - step, where step is one
  unit of N's last significant digit, divided by ten until it is at most a fifth of N:
  11,000 -> 10,000; 500 -> 400; 10,000 -> 9,000; 3 million -> 2.9 million; 250 -> 240.
  ("Almost N" means the writer rounded up to N at N's own precision; a one-digit number like
  10,000 is read one digit finer, because "almost 10,000" for 1,000 would be absurd.)
- "about", "around", "roughly", "approximately", "some", "an estimated", "N or so": low = high = N,
  `approx` the word (shared/spec/story-gold.md: the story gold codes "about 13,000 feet" as
  13000; a band of +-10% made every such figure disagree with the same figure given bare).
- "more than", "over", "at least", "upwards of", "N or more", ...: low = N, high = None
  (strict "more than" is not distinguished from "at least": counts in news are rounded anyway).
- "up to", "as many as", "less than", "fewer than", "under", "at most", ...: low = None,
  high = N (the text gives no lower bound; 0 would be a claim it does not make); of a vague
  count too ("up to several hundred" -> None..999, "more than dozens" -> 24..None).
- vague plurals: a plural scale S ("hundreds", "thousands", "dozens", "tens of thousands")
  gives [2S, 10S - 1]: "thousands" -> 2000..9999, "tens of thousands" -> 20000..99999.
- "several", "many", "multiple" + scale S: [2S, 10S - 1] ("several thousand" ->
  2000..9999); "a few" + S: [2S, 5S] ("a few dozen" -> 24..60). "a couple of" + S: value 2S, range [2S, 3S].
- ranges "between A and B", "A to B", "A-B", "A or B": low A, high B, value None.

Not counts, and skipped: dates and years, ordinals ("11th"), identifiers ("Article 5", "Route
66", "No. 3"), and durations ("three days": those are timexes). Percentages are kept with unit
"percent"; money is kept with the ISO 4217 code of its currency as unit.

Measures of time that a claim states as its figure are read as quantities (`_read_time`):

- a time of day, in minutes after midnight, so that "at 02:54", "at 2:30 a.m." and "shortly
  before 3 a.m." can be compared as one disputed number: 174, 150 and at most 180. "before" and
  "after" a time are bounds; "between 2:15 and 3 a.m." a range (the first time takes the
  second's a.m.). A bare "10:30" is a time only where the parser or a preposition says so.
- an elapsed time into an event, or a duration stated in two units, in its smaller unit: "about
  an hour and 45 minutes into the dive" is 105 minutes. Any other duration stays a timex.
- a multiple: "twice the size of Connecticut" is 2, "three times as many" is 3 (unit "times").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from ..nlp.cache import text_of
from spacy.tokens import Doc, Span, Token

Number = int | float

# --- word lists -------------------------------------------------------------------------------

SMALL = {
    w: i for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen".split())
}
TENS = {w: 10 * (i + 2) for i, w in enumerate(
    "twenty thirty forty fifty sixty seventy eighty ninety".split())}
SCALES = {"hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9, "trillion": 10**12}
DOZEN = 12
# Abbreviated scales, only right after digits ("1.5m", "3 bn", "10k").
SUFFIX_SCALES = {"k": 1000, "m": 10**6, "mn": 10**6, "mln": 10**6, "bn": 10**9, "bln": 10**9,
                 "b": 10**9, "tn": 10**12, "trn": 10**12}
PLURAL_SCALES = {"tens": 10, "dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1000,
                 "millions": 10**6, "billions": 10**9, "trillions": 10**12}
SINGULAR_SCALES = {**SCALES, "dozen": DOZEN}
SUFFIX_SCALES.update({w: v for w, v in SCALES.items() if w != "hundred"})  # "38million"
VAGUE = ("several", "few", "many", "multiple", "numerous")  # + singular scale

# Approximators before the number, longest first when matching. kind: below, about, over, under.
APPROXIMATORS: dict[tuple[str, ...], str] = {
    **{tuple(p.split()): "below" for p in (
        "almost", "nearly", "close to", "just under", "just shy of", "approaching",
        "not quite", "just below", "nearly all of")},
    **{tuple(p.split()): "about" for p in (
        "about", "around", "roughly", "approximately", "approx.", "some", "an estimated",
        "estimated", "circa", "c.", "an approximate", "approximate", "nigh on")},
    **{tuple(p.split()): "over" for p in (
        "more than", "over", "above", "at least", "upwards of", "in excess of", "no fewer than",
        "no less than", "just over", "well over", "well above", "just above", "a minimum of",
        "higher than", "greater than", "much higher than", "much more than",
        "a little over", "a little more than", "slightly more than", "far more than",
        "many more than", "even more than", "beyond")},
    **{tuple(p.split()): "under" for p in (
        "up to", "as many as", "less than", "fewer than", "under", "below", "at most",
        "no more than", "a maximum of", "not more than", "a little under", "slightly less than",
        "as much as", "a maximum", "maximum", "lower than", "much lower than", "much less than",
        "far lower than", "far fewer than")},
}
MAX_APPROX_LEN = max(len(k) for k in APPROXIMATORS)
# "falls below N", "rose above N": a line crossed, read as the point N.
THRESHOLD_WORDS = {"below", "above", "under", "over"}
CROSSING_VERBS = set("""fall falls fell falling drop drops dropped dropping dip dips dipped sink sinks sank
sinking slip slips slipped rise rises rose rising climb climbs climbed climbing go goes went get gets
got""".split())
POSTPOSED = {("or", "more"): "over", ("or", "so"): "about", ("or", "fewer"): "under",
             ("or", "less"): "under", ("plus",): "over", ("-", "plus"): "over"}

CURRENCY_SYMBOLS = {"$": "USD", "us$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₴": "UAH",
                    "₽": "RUB", "c$": "CAD", "a$": "AUD"}
CURRENCY_WORDS = {"dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR",
                  "ruble": "RUB", "rubles": "RUB",
                  "rouble": "RUB", "roubles": "RUB", "hryvnia": "UAH", "hryvnias": "UAH",
                  "hryvnias'": "UAH", "uah": "UAH", "yuan": "CNY", "yen": "JPY", "usd": "USD",
                  "eur": "EUR", "rub": "RUB"}
PERCENT_WORDS = {"%", "percent", "pct", "per cent", "percentage", "percent."}
# Counted nouns that make a number a duration (a timex, not a count) or a time of day.
TIME_UNITS = {"second", "minute", "hour", "day", "night", "week", "weekend", "month", "year",
              "decade", "century", "seconds", "minutes", "hours", "days", "nights", "weeks",
              "weekends", "months", "years", "decades", "centuries", "year-old", "years-old"}
TIME_WORDS = {"a.m.", "p.m.", "am", "pm", "a.m", "p.m", "gmt", "utc", "cet", "est", "edt",
              "o'clock", "hrs"}
MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december", "jan", "jan.", "feb", "feb.", "mar.", "apr",
          "apr.", "jun", "jun.", "jul", "jul.", "aug", "aug.", "sep", "sep.", "sept", "sept.",
          "oct", "oct.", "nov", "nov.", "dec", "dec."}
ADDRESS_WORDS = {"street", "st.", "avenue", "ave.", "road", "rd.", "boulevard", "blvd.", "lane",
                 "drive", "square", "place", "way"}
FRACTIONS = {"half", "halves", "third", "thirds", "quarter", "quarters", "fourth", "fourths",
             "fifth", "fifths", "tenth", "tenths"}
ID_MARKERS = {"no.", "no", "#", "number", "nr.", "num."}
# Intransitive verbs whose subject count is what is counted ("18 died" -> unit "died").
COUNT_VERBS = {"die", "flee", "surrender", "desert", "escape", "survive", "drown", "perish",
               "defect", "remain"}
# What a bare count is said to be ("41 missing", "31 are missing", "12 dead"): the unit.
STATE_WORDS = {"missing", "dead", "injured", "wounded", "hurt", "hospitalised", "hospitalized", "displaced",
               "evacuated", "detained", "arrested", "unaccounted", "killed", "homeless", "stranded", "trapped"}
# "eight are believed to have died", "12 are feared dead": the counted state is in the complement.
REPORTED_VERBS = {"believe", "think", "fear", "report", "estimate", "confirm", "say", "presume", "expect", "know"}
# "96 hours available", "40 hours left": time as a supply.
STOCK_WORDS = {"left", "remaining", "available", "worth", "supply"}
# "96 hours of oxygen", "four days of food" (not "five days of talks": an event's duration).
SUPPLIES = {"oxygen", "air", "food", "water", "fuel", "power", "battery", "electricity", "supply", "reserve",
            "ration", "ammunition", "gas", "oil", "diesel", "medicine", "capacity", "capability", "life", "support", "stock"}
# A scale letter standing apart that is as often a unit: million only after a currency.
LENGTH_LETTERS = {"m", "k"}
RANGE_CONNECTORS = {"to", "-", "–", "—", "or"}
RANGE_FILLERS = {"the", "a", "full", "complete", "whole", "maximum", "total", "of"}
NOT_A_COUNT_ENTS = {"DATE", "TIME", "ORDINAL"}
# A number inside a name is part of the name ("Ground Zero", "The 411", "Apollo 11").
NAME_ENTS = {"PERSON", "ORG", "FAC", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW",
             "NORP", "LANGUAGE"}

DIGITS = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
DIGITS_SUFFIX = re.compile(
    r"^((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(k|m|mn|mln|bn|bln|b|tn|trn|million|billion|trillion)$")
YEAR = re.compile(r"^(1[6-9]\d\d|20\d\d|2100)s?$")


# --- the result --------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Quantity:
    """A number in the text, as a value with its range, the unit counted and the approximator."""

    start: int
    end: int
    text: str
    value: Number | None
    low: Number | None
    high: Number | None
    unit: str | None
    approx: str | None

    def to_dict(self) -> dict:
        """The `quantities` item of formats.md."""
        return {"text": self.text, "span": [self.start, self.end], "value": self.value,
                "low": self.low, "high": self.high, "unit": self.unit, "approx": self.approx}


@dataclass(frozen=True, slots=True)
class Reading:
    """What `read_number` found: `end` words were read."""

    end: int
    value: Number | None
    low: Number | None
    high: Number | None
    approx: str | None
    currency: str | None = None
    percent: str | None = None    # "percent" or "percentage points" when the number is one
    precise: bool = True          # a stated number (not "hundreds", "several thousand")
    core: tuple[int, int] = (0, 0)  # the words holding the number itself
    is_range: bool = False
    score: bool = False           # a tally or ratio ("a 5-4 decision", "split 4 to 1")
    scaled: bool = False          # has a scale word or suffix ("thousand", "1.5m")


# --- numbers from words ------------------------------------------------------------------------

def _digits(word: str) -> Decimal | None:
    if DIGITS.match(word):
        return Decimal(word.replace(",", ""))
    m = DIGITS_SUFFIX.match(word)
    if m:
        return Decimal(m.group(1).replace(",", "")) * SUFFIX_SCALES[m.group(2)]
    return None


def _word_value(word: str) -> int | None:
    if word in SMALL:
        return SMALL[word]
    if word in TENS:
        return TENS[word]
    if "-" in word:  # "twenty-five" kept as one token
        a, _, b = word.partition("-")
        if a in TENS and b in SMALL and 0 < SMALL[b] < 10:
            return TENS[a] + SMALL[b]
    return None


def _plain(d: Decimal) -> Number:
    return int(d) if d == d.to_integral_value() else float(d)


def _read_precise(words: list[str], i: int) -> tuple[int, Decimal, bool] | None:
    """A stated number from words[i]: (end, value, has_scale) or None."""
    n = len(words)
    total = Decimal(0)
    current = Decimal(0)
    seen = False         # any number word or digits so far
    scaled = False
    last = ""            # kind of the last word read: digits, word, scale, half
    j = i
    while j < n:
        w = words[j]
        nxt = words[j + 1] if j + 1 < n else ""
        d = _digits(w)
        wv = _word_value(w)
        if d is not None:
            if seen:
                break
            current = d
            seen = True
            last = "digits"
            if DIGITS_SUFFIX.match(w):
                scaled = True
                j += 1
                break
            scale_word = nxt[:-1] if nxt.endswith(".") and nxt[:-1] in SUFFIX_SCALES else nxt  # "$1.5 m." ends a sentence
            if scale_word in SUFFIX_SCALES and (scale_word not in LENGTH_LETTERS or (j > 0 and words[j - 1] in CURRENCY_SYMBOLS)):
                # "$1.5 m", "3 bn"; a bare "16.4 m" is metres, "5 k" a kilometre run
                current *= SUFFIX_SCALES[scale_word]
                scaled = True
                j += 2
                break
        elif wv is not None:
            if last in ("digits", "half") or (last == "word" and not (
                    current % 10 == 0 and current >= 20 and wv < 10)):
                break  # "10 five", "five six": two numbers, not one
            current += wv
            seen = True
            last = "word"
        elif w in ("a", "an") and (nxt in SINGULAR_SCALES or nxt == "half"):
            if seen and last not in ("and", "half"):
                break
            last = "a"
        elif w == "half" and last in ("a", "", "and") and (nxt in SINGULAR_SCALES or (
                nxt in ("a", "an") and j + 2 < n and words[j + 2] in SINGULAR_SCALES)):
            current += Decimal("0.5")
            seen = True
            last = "half"
        elif w in SINGULAR_SCALES and (seen or last == "a"):
            scale = SINGULAR_SCALES[w]
            if w == "hundred" or w == "dozen":
                current = (current or 1) * scale
            else:
                total += (current or 1) * scale
                current = Decimal(0)
            seen = True
            scaled = True
            last = "scale"
        elif w == "-" and last == "digits" and nxt in SCALES:
            pass  # "$400-million-a-year"
        elif w == "-" and last == "word" and _word_value(nxt) is not None:
            last = "word"  # "twenty - five"
        elif w == "and" and seen and last in ("scale", "word") and (
                _word_value(nxt) is not None or nxt in ("a", "an")):
            last = "and"
        else:
            break
        j += 1
    if not seen:
        return None
    while j > i and words[j - 1] in ("and", "-", "a", "an"):
        j -= 1
    return j, total + current, scaled


def _read_vague(words: list[str], i: int) -> tuple[int, int, int, str] | None:
    """A vague count from words[i]: (end, low, high, approx) or None."""
    n = len(words)
    w = words[i]
    # "a couple of thousand", "a couple thousand", "couple of hundred"
    j = i + 1 if w in ("a", "an") else i
    if j < n and words[j] == "couple":
        k = j + 1
        if k < n and words[k] == "of":
            k += 1
        if k < n and words[k] in SINGULAR_SCALES:
            s = SINGULAR_SCALES[words[k]]
            return k + 1, 2 * s, 3 * s, " ".join(words[i:k])
        return None
    # "several thousand", "a few hundred", "many thousands"
    if j < n and words[j] in VAGUE and j + 1 < n:
        k = j + 1
        if words[k] in SINGULAR_SCALES:
            s = SINGULAR_SCALES[words[k]]
            # "a few dozen" is 24..60: "a few" is at most five; "several hundred" 200..999
            top = 5 * s if words[j] == "few" else 10 * s - 1
            return k + 1, 2 * s, top, " ".join(words[i:k])
        if words[k] in PLURAL_SCALES:
            j = k  # "many thousands (of)": read as the plural
        else:
            return None
    elif j != i:
        return None
    # "hundreds", "tens of thousands", "hundreds of millions"
    if words[j] not in PLURAL_SCALES:
        return None
    base = PLURAL_SCALES[words[j]]
    k = j + 1
    while k + 1 < n and words[k] == "of" and words[k + 1] in PLURAL_SCALES \
            and PLURAL_SCALES[words[k + 1]] >= 1000:
        base *= PLURAL_SCALES[words[k + 1]]
        k += 2
    return k, 2 * base, 10 * base - 1, " ".join(words[i:k])


def almost_step(n: Number) -> Number:
    """How far below N "almost N" reaches: one unit of N's last significant digit, at most N/5."""
    d = Decimal(str(n)).normalize()
    if d <= 0:
        return 0
    step = Decimal(1).scaleb(d.as_tuple().exponent)
    while step * 5 > d:
        step /= 10
    return _plain(step)


def _apply(kind: str | None, n: Decimal) -> tuple[Number | None, Number | None]:
    v = _plain(n)
    if kind is None:
        return v, v
    if kind == "below":
        return _plain(n - Decimal(str(almost_step(v)))), v
    if kind == "about":
        return v, v  # the writer's own round figure; the `approx` word says it is one
    if kind == "over":
        return v, None
    return None, v  # under


def read_number(words: list[str], i: int = 0) -> Reading | None:
    """Read one number expression starting at words[i] (lower-cased tokens), or None."""
    n = len(words)
    approx_kind: str | None = None
    approx_text: str | None = None
    j = i
    for size in range(min(MAX_APPROX_LEN, n - i), 0, -1):
        key = tuple(words[i:i + size])
        if key in APPROXIMATORS:
            approx_kind, approx_text, j = APPROXIMATORS[key], " ".join(key), i + size
            break
    if approx_text and approx_text.endswith(" than") and j + 1 < n and words[j] == "the" and _may_start(words[j + 1]):
        j += 1  # "much lower than the 471 announced"
    if approx_kind in ("over", "under") and j + 1 < n and words[j] == "another":
        j += 1  # "at least another eight": the bound holds of the added figure
    if approx_kind in ("over", "under") and _negated(words, i):
        approx_kind = "under" if approx_kind == "over" else "over"  # "is unlikely to be more than 24"
    if approx_text in THRESHOLD_WORDS and i > 0 and words[i - 1] in CROSSING_VERBS:
        approx_kind = None  # "falls below 12.7 metres": the level crossed, a point, not a bound
    between = False
    if approx_kind is None and j < n and words[j] == "between":
        between, approx_text, j = True, "between", j + 1
    currency = None
    if j < n and words[j] in CURRENCY_SYMBOLS:
        currency = CURRENCY_SYMBOLS[words[j]]
        j += 1
    core_start = j
    if j >= n:
        return None
    vague = _read_vague(words, j)
    if vague is not None:
        end, low, high, vague_text = vague
        value: Number | None = None
        if vague_text.split()[-1] in ("couple", "of"):
            value = low
        if approx_kind == "under":
            low = None  # "up to several hundred": at most the vague count's top, no floor
        elif approx_kind == "over":
            high = None  # "more than several hundred", "at least dozens"
        k, percent = _suffix(words, end)
        return Reading(k, value, low, high,
                       f"{approx_text} {vague_text}" if approx_text else vague_text,
                       currency=currency, percent=percent, precise=False,
                       core=(core_start, end), scaled=True)
    precise = _read_precise(words, j)
    if precise is None:
        return None
    end, num, scaled = precise
    # ranges: "between 11,000 and 12,000", "10 to 12 thousand", "two or three", "10-15"
    connectors = {"and", "to", "-", "–", "—"} if between else RANGE_CONNECTORS
    after_from = i > 0 and words[i - 1] == "from"  # "rose from 10 to 20" is a change
    if not after_from and end + 1 < n and words[end] in connectors and tuple(words[end:end + 2]) not in POSTPOSED:
        k = end + 1
        while k < end + 3 and k < n and words[k] in RANGE_FILLERS:
            k += 1  # "70 to the full 96", "70 to a complete 96"
        if k < n and words[k] in CURRENCY_SYMBOLS:
            k += 1
        second = _read_precise(words, k)
        if second is None and k < n and words[k].startswith("to-") and _digits(words[k][3:]) is not None:
            second = k + 1, _digits(words[k][3:]), False  # "100-to-300", tokenised "100 - to-300"
        if second is not None:
            end2, num2, scaled2 = second
            if scaled2 and not scaled:
                # "11 to 12 million": the first number shares the second's scale
                mult = _scale_of(words[k:end2])
                if mult and num * mult <= num2:
                    num *= mult
            if num < num2:
                k2, percent = _suffix(words, end2)
                conn = "between" if between else ("to" if words[end] in "-–—" else words[end])
                return Reading(k2, None, _plain(num), _plain(num2), conn, currency=currency,
                               percent=percent, core=(core_start, end2), is_range=True,
                               scaled=scaled or scaled2)
            if between:
                return None
            if words[end] in ("-", "–", "—", "to"):
                # "a 5-4 decision", "80-19 vote", "split 4 to 1": a tally, not a count
                return Reading(end2, None, None, None, None, score=True, core=(core_start, end2))
    if between:
        return None
    k, percent = _suffix(words, end)
    for post, kind in POSTPOSED.items():
        if approx_kind is None and tuple(words[k:k + len(post)]) == post:
            approx_kind, approx_text = kind, " ".join(post).replace("- ", "-")
            k += len(post)
            k, percent2 = _suffix(words, k)
            percent = percent or percent2  # noqa: PLW2901
            break
    low, high = _apply(approx_kind, num)
    return Reading(k, _plain(num), low, high, approx_text, currency=currency, percent=percent,
                   core=(core_start, end), scaled=scaled)


# "is not more than", "unlikely to be much more than", "hardly more than": the bound turns over.
# Only over a copula: in "did not confirm more than 100 deaths" the negation is the verb's.
NEGATORS = frozenset("not n't never unlikely hardly scarcely".split())
NEGATION_BRIDGE = frozenset("be been is was are were 's ’s to much any likely".split())


def _negated(words: list[str], i: int) -> bool:
    k = i - 1
    while k >= 0 and i - k <= 4 and words[k] in NEGATION_BRIDGE:
        k -= 1
    return k >= 0 and words[k] in NEGATORS


def _scale_of(words: list[str]) -> int | None:
    for w in reversed(words):
        if w in SCALES:
            return SCALES[w]
        m = DIGITS_SUFFIX.match(w)
        if m:
            return SUFFIX_SCALES[m.group(2)]
        if w in SUFFIX_SCALES:
            return SUFFIX_SCALES[w]
    return None


def _suffix(words: list[str], k: int) -> tuple[int, str | None]:
    """Skip a percent sign or word after the number: (end, "percent" or "percentage points")."""
    nxt = words[k + 1] if k + 1 < len(words) else ""
    if k < len(words) and words[k] == "percentage" and nxt in ("point", "points"):
        return k + 2, "percentage points"
    if k < len(words) and words[k] in PERCENT_WORDS:
        return k + 1, "percent"
    if words[k:k + 2] == ["per", "cent"]:
        return k + 2, "percent"
    return k, None


# --- numbers in a parsed Doc -------------------------------------------------------------------

def find_quantities(span: Doc | Span) -> list[Quantity]:
    """The counts in `span`, with character offsets into the Doc's text."""
    tokens = list(span)
    words = [t.text.lower() for t in tokens]
    out: list[Quantity] = []
    i = 0
    n = len(tokens)
    while i < n:
        if words[i] in _TIME_FIRST or words[i][:1].isdigit():
            timed = _read_time(tokens, words, i)
            if timed is not None:
                out.append(timed[1])
                i = timed[0]
                continue
        if not _may_start(words[i]):
            i += 1
            continue
        r = read_number(words, i)
        if r is None or r.end <= i:
            i += 1
            continue
        q = _quantity(tokens, words, i, r)
        if q is not None:
            out.append(q)
        i = r.end
    return out


# --- times of day, elapsed times and multiples -------------------------------------------------

CLOCK = re.compile(r"^(\d{1,2})(?:[:.](\d{2}))?\s*([ap])?\.?(?:m\.?)?$")
MERIDIEM = {"a.m.": "a", "a.m": "a", "am": "a", "p.m.": "p", "p.m": "p", "pm": "p"}
# Bounds and points of a time of day: "shortly before 3 a.m." is at most 180 minutes.
TIME_BOUNDS: dict[tuple[str, ...], str] = {
    **{tuple(p.split()): "under" for p in ("before", "shortly before", "just before", "no later than", "until")},
    **{tuple(p.split()): "over" for p in ("after", "shortly after", "just after", "soon after", "no earlier than")},
    **{tuple(p.split()): "about" for p in ("about", "around", "approximately", "roughly", "some", "circa")},
}
# Prepositions that make a bare "10:30" a time of day when the parser did not tag it one.
TIME_PREPOSITIONS = frozenset("at by before after until till from around about between since to and".split())
MINUTES = {"second": 1 / 60, "seconds": 1 / 60, "minute": 1, "minutes": 1, "hour": 60, "hours": 60,
           "day": 1440, "days": 1440, "week": 10080, "weeks": 10080}
UNIT_NAMES = {1 / 60: "seconds", 1: "minutes", 60: "hours", 1440: "days", 10080: "weeks"}
MULTIPLES = {"twice": 2, "double": 2, "thrice": 3, "triple": 3, "treble": 3, "quadruple": 4}
# What a multiple compares: "twice the size", "three times as many", "five times larger".
COMPARED = frozenset("the as that more larger bigger greater higher smaller less fewer longer".split())
_TIME_FIRST = ({k[0] for k in TIME_BOUNDS} | {k[0] for k in APPROXIMATORS} | set(MULTIPLES)
               | {"a", "an", "between"} | set(SMALL) | set(TENS))


def _clock(tokens: list[Token], words: list[str], i: int, meridiem: str | None = None) -> tuple[int, int] | None:
    """A time of day at words[i]: (end, minutes after midnight), or None. `meridiem` is the
    a.m./p.m. a range's second time lends its first ("between 2:15 and 3 a.m.")."""
    m = CLOCK.match(words[i])
    if m is None:
        return None
    hour, minute, half = int(m.group(1)), int(m.group(2) or 0), m.group(3)
    end = i + 1
    if half is None and end < len(words) and words[end] in MERIDIEM:
        half, end = MERIDIEM[words[end]], end + 1
    if half is None and m.group(2) is None:
        return None  # a bare "3" is a count
    if m.group(2) is not None and "." in words[i] and half is None:
        return None  # "16.40" is a decimal unless a.m./p.m. follows
    if half is None and meridiem is None and m.group(2) is not None:
        before = words[i - 1] if i > 0 else ""
        if tokens[i].ent_type_ != "TIME" and before not in TIME_PREPOSITIONS:
            return None  # "a 3:1 ratio", "John 3:16"
    half = half or meridiem
    if minute > 59 or hour > (12 if half else 23) or (half and hour == 0):
        return None
    if half == "a" and hour == 12:
        hour = 0
    elif half == "p" and hour < 12:
        hour += 12
    return end, hour * 60 + minute


def _meridiem_after(words: list[str], k: int) -> str | None:
    """The a.m./p.m. of the time at words[k] (over an approximator), for a range's first time."""
    while k < len(words) and words[k] in ("about", "around", "approximately", "roughly"):
        k += 1
    if k < len(words):
        m = CLOCK.match(words[k])
        if m is not None and m.group(3):
            return m.group(3)
        if m is not None and k + 1 < len(words) and words[k + 1] in MERIDIEM:
            return MERIDIEM[words[k + 1]]
    return None


def _elapsed(words: list[str], i: int) -> tuple[int, Number, str] | None:
    """"an hour and 45 minutes", "1 hour 45 minutes", "90 minutes into the dive": (end, value,
    unit) in the smaller unit, for a duration stated in two units or followed by "into"."""
    parts: list[tuple[Decimal, float]] = []
    j = i
    n = len(words)
    while j < n:
        if words[j] in ("a", "an", "one") and j + 1 < n and words[j + 1] in MINUTES:
            num, k = Decimal(1), j + 1
        else:
            precise = _read_precise(words, j)
            if precise is None or precise[0] >= n or words[precise[0]] not in MINUTES:
                break
            num, k = precise[1], precise[0]
        parts.append((num, MINUTES[words[k]]))
        j = k + 1
        if j + 1 < n and words[j] in ("and", ",") and words[j + 1] != "a" or (j < n and words[j][:1].isdigit()):
            j += 1 if words[j] in ("and", ",") else 0
            continue
        break
    if not parts:
        return None
    while j > i and words[j - 1] in ("and", ","):
        j -= 1
    into = j < n and words[j] == "into"
    if len(parts) < 2 and not into:
        return None
    if len({size for _, size in parts}) != len(parts):
        return None
    smallest = min(size for _, size in parts)
    total = sum(num * Decimal(str(size / smallest)) for num, size in parts)
    return j, _plain(total.quantize(Decimal("0.01")).normalize()), UNIT_NAMES[smallest]


def _multiple(tokens: list[Token], words: list[str], i: int) -> tuple[int, Number, str] | None:
    """"twice the size of X", "three times as many": (end, factor, unit)."""
    n = len(words)
    if words[i] in MULTIPLES:
        end, factor = i + 1, Decimal(MULTIPLES[words[i]])
    else:
        precise = _read_precise(words, i)
        if precise is None or precise[0] >= n or words[precise[0]] != "times":
            return None
        end, factor = precise[0] + 1, precise[1]
    if end >= n or words[end] not in COMPARED:
        return None
    unit = "times"
    if words[end] == "the" and end + 1 < n and tokens[end + 1].pos_ == "NOUN":
        unit = f"times the {words[end + 1]}"
    return end, _plain(factor), unit


def _read_time(tokens: list[Token], words: list[str], i: int) -> tuple[int, Quantity] | None:
    """A time of day, an elapsed time or a multiple from words[i], with its approximator."""
    n = len(words)
    kind, approx, j = None, None, i
    for table in (TIME_BOUNDS, APPROXIMATORS):
        for size in range(min(3, n - i), 0, -1):
            key = tuple(words[i:i + size])
            if key in table:
                kind, approx, j = table[key], " ".join(key), i + size
                break
        if approx:
            break
    if j >= n:
        return None
    low: Number | None
    high: Number | None
    value: Number | None
    if words[j] == "between" and approx is None:
        k = j + 1 + (words[j + 1] in ("about", "around") if j + 1 < n else 0)
        if k >= n:
            return None
        and_at = next((x for x in range(k + 1, min(k + 4, n)) if words[x] in ("and", "to", "-", "–")), None)
        first = _clock(tokens, words, k, _meridiem_after(words, and_at + 1) if and_at else None)
        if first is None or and_at is None or first[0] != and_at:
            return None
        k2 = and_at + 1 + (words[and_at + 1] in ("about", "around") if and_at + 1 < n else 0)
        second = _clock(tokens, words, k2) if k2 < n else None
        if second is None or second[1] <= first[1]:
            return None
        end, value, low, high, unit, approx = second[0], None, first[1], second[1], "minutes after midnight", "between"
    elif (clock := _clock(tokens, words, j)) is not None:
        end, value, unit = clock[0], clock[1], "minutes after midnight"
        low, high = _apply(kind, Decimal(value)) if kind != "below" else (None, value)
    elif (measured := _elapsed(words, j) or _multiple(tokens, words, j)) is not None:
        if approx is not None and TIME_BOUNDS.get(tuple(approx.split())) in ("under", "over"):
            return None  # "after two hours and ten minutes": a timex of the event, not a figure
        end, value, unit = measured
        low, high = _apply(kind, Decimal(str(value)))
    else:
        return None
    first_tok, last_tok = tokens[i], tokens[end - 1]
    start, stop = first_tok.idx, last_tok.idx + len(last_tok.text)
    return end, Quantity(start, stop, text_of(first_tok.doc)[start:stop], value, low, high, unit, approx)


def _may_start(w: str) -> bool:
    return (w[:1].isdigit() or w in SMALL or w in TENS or w in ("a", "an", "half", "couple",
            "between") or w in PLURAL_SCALES or w in VAGUE or w in CURRENCY_SYMBOLS
            or w in _APPROX_FIRST or _word_value(w) is not None)


_APPROX_FIRST = {k[0] for k in APPROXIMATORS}


def _quantity(tokens: list[Token], words: list[str], i: int, r: Reading) -> Quantity | None:
    if r.score:
        return None
    c0, c1 = r.core
    core = tokens[c0:c1]
    head = _phrase_head(core)
    if not _is_count(tokens, words, c0, c1, r, head):
        return None
    unit = _unit(tokens, words, r, head, c1)
    if unit is not None and unit.lower() in TIME_UNITS and not _stock(tokens, head, c1):
        return None  # a duration or an age: a timex, not a count
    if unit is not None and unit.lower() in ADDRESS_WORDS and unit[:1].isupper():
        return None  # "131 West 23rd Street"
    if unit is not None and unit.lower() in FRACTIONS:
        return None  # "one-third": a proportion, not a count
    if r.precise and not r.scaled and not r.is_range and r.currency is None and not r.percent \
            and words[c0] in ("one", "a", "an") and r.approx is None:
        return None  # "one reason", "one of the most": as often a determiner as a count
    first, last = tokens[i], tokens[r.end - 1]
    doc = first.doc
    start, end = first.idx, last.idx + len(last.text)
    return Quantity(start, end, text_of(doc)[start:end], r.value, r.low, r.high, unit, r.approx)


def _stock(tokens: list[Token], head: Token, c1: int) -> bool:
    """"96 hours of oxygen", "two days of food": a supply measured in time is a count of hours,
    not a duration of the sentence's event."""
    noun = _counted_noun(tokens, head, c1)
    if noun is None:
        return False
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            return any(o.lemma_.lower() in SUPPLIES for o in prep.subtree if o.i != prep.i)
    # "96 hours available", "40 hours left", "24 hours' worth of", "96 hours at its disposal"
    after = [t.lower_ for t in noun.doc[noun.i + 1:noun.i + 4] if t.lower_ not in ("'", "’", "'s", "’s", '"', "”")]
    return bool(after) and (after[0] in STOCK_WORDS or after[:3] == ["at", "its", "disposal"] or after[:3] == ["at", "their", "disposal"])


def _phrase_head(core: list[Token]) -> Token:
    ids = {t.i for t in core}
    for t in core:
        if t.head.i not in ids or t.head.i == t.i:
            return t
    return core[-1]


def _is_count(tokens: list[Token], words: list[str], c0: int, c1: int, r: Reading,
              head: Token) -> bool:
    core = tokens[c0:c1]
    marked = r.currency is not None or r.percent or r.scaled or not r.precise
    if not marked and any(t.ent_type_ in NOT_A_COUNT_ENTS for t in core) and not _stock(tokens, head, c1):
        return False
    if any(t.ent_type_ in NAME_ENTS for t in core):
        return False
    if any(":" in t.text or "/" in t.text for t in core):
        return False  # 10:30, 9/11
    before = words[c0 - 1] if c0 > 0 else ""
    after = words[c1] if c1 < len(words) else ""
    if not marked and (before in MONTHS or after in MONTHS or after in TIME_WORDS):
        return False
    if before in ID_MARKERS and not r.percent:
        return False
    if not marked and len(core) == 1 and YEAR.match(words[c0]):
        noun = head.head
        between = tokens[0].doc[head.i + 1:noun.i] if noun.i > head.i else []
        if not (head.dep_ == "nummod" and noun.tag_ in ("NNS", "NNPS") and noun.i > head.i
                and all(t.pos_ in ("ADJ", "PROPN") for t in between)):
            return False  # "in 2016", "the 2016 election"; "2000 soldiers" is a count
    if before in ("-", "–") and c0 > 1 and _digits(words[c0 - 2]) is not None \
            and not tokens[c0 - 2].whitespace_ and not tokens[c0 - 1].whitespace_:
        return False  # the tail of "800-273-8255"
    if after in ("'s", "’s", "s") and r.value is not None and r.value % 10 == 0 \
            and not marked:
        return False  # "the 80's": a decade
    if before in ("'", "’"):
        return False  # '16
    # identifiers: the number follows the noun it names ("Article 5", "Route 66", "page 3")
    h = head.head
    if not marked and h.i < head.i and h.pos_ in ("NOUN", "PROPN") and (
                head.dep_ in ("nummod", "compound", "nmod", "npadvmod")
                or (h.pos_ == "PROPN" and head.dep_ == "appos")):
        return False
    return True


AREA_LENGTHS = frozenset("miles mile kilometres kilometers kilometre kilometer km metres meters metre meter "
                         "feet foot yards yard".split())


def _unit(tokens: list[Token], words: list[str], r: Reading, head: Token, c1: int) -> str | None:
    if r.percent:
        return r.percent
    if r.currency:
        return r.currency
    if c1 + 1 < len(tokens) and words[c1] == "-" and not tokens[c1 - 1].whitespace_ \
            and not tokens[c1].whitespace_ and tokens[c1 + 1].text.isalpha() \
            and words[c1 + 1] not in ("and", "a", "an", "half") \
            and _word_value(words[c1 + 1]) is None:
        return words[c1 + 1]  # "a ten-point lead", "a 52-count complaint"
    noun = _counted_noun(tokens, head, c1)
    if noun is not None:
        low = noun.text.lower()
        if low in CURRENCY_WORDS:
            return CURRENCY_WORDS[low]
        if low in PERCENT_WORDS:
            return "percent"
        if low in AREA_LENGTHS and noun.i > 0 and noun.doc[noun.i - 1].lower_ in ("square", "sq", "sq."):
            return "square " + low  # "7,600 square miles" is an area, not a distance
        return noun.text if noun.pos_ == "PROPN" else low
    if c1 < len(tokens) and words[c1] in STATE_WORDS:
        return words[c1]  # "another 41 missing"
    counted = _number_of(head)
    if counted is not None:
        return counted
    verb = head.head
    if head.dep_ in ("nsubj", "nsubjpass") and verb.pos_ in ("VERB", "AUX"):
        state = _stated(verb.head if verb.dep_ in ("aux", "auxpass") else verb)
        if state is not None:
            return state
    if verb.pos_ in ("VERB", "AUX") and (head.dep_ == "nsubjpass" or (
            head.dep_ == "nsubj" and verb.lemma_ in COUNT_VERBS)):
        return verb.text.lower()
    return None


# "The number of X could reach 12,000", "the count of X stands at 150": the figure counts X.
NUMBER_NOUNS = frozenset("number amount count total tally".split())
# "The death toll rose to 20": a toll counts the dead (`ledger.measures`).
TOLL_NOUNS = frozenset("toll".split())
# "The coast guard put the toll at 31": the figure an estimate sets its object at.
PUTTING = frozenset("put place set estimate".split())


def _number_of(head: Token) -> str | None:
    """The noun of "the number of X" that is the subject of the verb whose object or complement
    the figure is ("the number of soldiers could reach 12,000": soldiers)."""
    verb = head.head
    if head.dep_ == "pobj" and verb.dep_ == "prep" and verb.lower_ in ("to", "at", "of"):
        verb = verb.head  # "rose to 12,000", "stands at 150"
    elif head.dep_ not in ("dobj", "attr", "acomp", "oprd"):
        return None
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if verb.lemma_.lower() in PUTTING and head.dep_ == "pobj" and head.head.lower_ == "at":
        subj = next((c for c in verb.children if c.dep_ == "dobj"), None)  # "put the death toll at 31"
    if subj is not None and subj.lemma_.lower() in TOLL_NOUNS:
        return "toll"  # "the death toll rose to 20", "put the final toll at 31"
    if subj is None or subj.lemma_.lower() not in NUMBER_NOUNS:
        return None
    noun = next((g for c in subj.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"), None)
    return noun.lower_ if noun is not None and noun.pos_ == "NOUN" and noun.tag_ == "NNS" else None  # "the number of the bus": no count


def _stated(verb: Token) -> str | None:
    """What the subject count is said to be: "31 are missing" (missing), "eight are believed to
    have died" (died), "12 were feared dead" (dead)."""
    if verb.lower_ in STATE_WORDS:
        return verb.lower_  # "31 are missing", parsed as a verb
    for c in verb.children:
        if c.dep_ in ("acomp", "oprd", "attr") and c.lower_ in STATE_WORDS:
            return c.lower_
    if verb.lemma_ in REPORTED_VERBS:
        for c in verb.children:
            if c.dep_ in ("xcomp", "ccomp", "oprd", "acomp"):
                if c.lower_ in STATE_WORDS:
                    return c.lower_
                if c.lemma_ in COUNT_VERBS or c.lemma_ == "kill":
                    return c.lower_
                inner = _stated(c)
                if inner is not None:
                    return inner
    return None


def _counted_noun(tokens: list[Token], head: Token, c1: int) -> Token | None:
    """The noun a number counts: its head noun, or the object of "of" ("thousands of people")."""
    for child in head.children:
        if child.dep_ == "prep" and child.text.lower() == "of" and child.i >= head.i:
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj if obj.pos_ in ("NOUN", "PROPN") else None
    n = head.head
    if head.dep_ in ("nummod", "quantmod", "compound", "nmod", "amod", "npadvmod") \
            and n.i > head.i and n.pos_ in ("NOUN", "PROPN", "NUM", "ADJ", "SYM"):
        # climb over nationality words and compounds: "10,000 North Korean soldiers"
        while n.dep_ in ("compound", "amod", "nmod", "nummod") and n.head.i > n.i \
                and n.head.pos_ in ("NOUN", "PROPN"):
            n = n.head
        if n.pos_ in ("NOUN", "PROPN") or n.text.lower() in PERCENT_WORDS:
            return n
    # the parse hung the number elsewhere: take a plural noun right after it, over adjectives
    k = c1
    while k < len(tokens) and k < c1 + 4 and (
            tokens[k].pos_ in ("ADJ", "PROPN") and tokens[k].ent_type_ in ("NORP", "GPE", "")
            and tokens[k].tag_ not in ("NNS", "NNPS")):
        k += 1
    if k < len(tokens) and tokens[k].tag_ in ("NNS", "NNPS") and tokens[k].pos_ == "NOUN":
        return tokens[k]
    return None
