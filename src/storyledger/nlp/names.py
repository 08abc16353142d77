"""Names of people, organisations and countries: one canonical spelling each. Pure functions.

`canonical(name)` cleans a surface form and folds aliases:

1. strips a leading "the", a possessive "'s" / "'", honorifics ("Mr.", "Mrs.", "Ms.", "Dr."),
   suffixes ("Jr.", "Sr.") and, for people, titles placed before the name ("President",
   "Minister", "Gen.", ...);
2. looks the result up in `ALIASES` (case-insensitive): "DPRK" -> "North Korea",
   "U.S." -> "United States", "US Department of Defense" -> "Pentagon";
3. folds transliteration variants of the last word through `SPELLINGS`: "Zelensky",
   "Zelenskiy" -> "Zelenskyy".

`same_person(a, b)` is a surname match after that folding, with first names (when both have
them) agreeing or one being the other's initial. The tables are small on purpose: aliases that
news about the war in Ukraine and about US politics use constantly, nothing more.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Lower-cased alias -> canonical name.
ALIASES: dict[str, str] = {
    # countries
    "dprk": "North Korea", "d.p.r.k.": "North Korea",
    "democratic people's republic of korea": "North Korea", "pyongyang": "North Korea",
    "republic of korea": "South Korea", "rok": "South Korea",
    "us": "United States", "u.s.": "United States", "usa": "United States",
    "u.s.a.": "United States", "united states of america": "United States",
    "america": "United States",
    "uk": "United Kingdom", "u.k.": "United Kingdom", "britain": "United Kingdom",
    "great britain": "United Kingdom",
    "russian federation": "Russia", "prc": "China", "people's republic of china": "China",
    "islamic republic of iran": "Iran",
    # organisations
    "us department of defense": "Pentagon", "u.s. department of defense": "Pentagon",
    "department of defense": "Pentagon", "defense department": "Pentagon",
    "us defense department": "Pentagon", "u.s. defense department": "Pentagon",
    "dod": "Pentagon",
    "nato": "NATO", "north atlantic treaty organization": "NATO",
    "north atlantic alliance": "NATO",
    "un": "United Nations", "u.n.": "United Nations",
    "eu": "European Union", "e.u.": "European Union",
    "fbi": "FBI", "federal bureau of investigation": "FBI",
    "cia": "CIA", "central intelligence agency": "CIA",
    "gop": "Republican Party", "republican party": "Republican Party",
    "democratic party": "Democratic Party",
    "sbu": "Security Service of Ukraine", "security service of ukraine": "Security Service of Ukraine",
    "hur": "Defense Intelligence of Ukraine", "gur": "Defense Intelligence of Ukraine",
    "defense intelligence of ukraine": "Defense Intelligence of Ukraine",
}

# Canonical names that are countries: `kind_of` says "place" for them whatever the NER said.
COUNTRIES = {"North Korea", "South Korea", "United States", "United Kingdom", "Russia", "China",
             "Iran", "Ukraine"}

# Folded last word -> preferred spelling (transliterations of one name).
SPELLINGS: dict[str, str] = {
    "zelensky": "Zelenskyy", "navalny": "Navalny", "lavrov": "Lavrov", "peskov": "Peskov",
    "shoigu": "Shoigu", "budanov": "Budanov", "syrsky": "Syrskyi", "zaluzhny": "Zaluzhnyi",
    "kuleba": "Kuleba", "sybiha": "Sybiha", "yermak": "Yermak",
}

HONORIFICS = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "dame", "mx", "mx."}
TITLES = {"president", "prime", "minister", "secretary", "senator", "sen.", "gov.", "governor",
          "rep.", "representative", "gen.", "general", "col.", "colonel", "lt.", "maj.",
          "chancellor", "ambassador", "spokesman", "spokeswoman", "judge", "justice", "pope",
          "king", "queen", "chairman", "chairwoman", "commander", "mayor", "foreign", "defense",
          "defence", "vice", "deputy", "former", "first", "lady", "adm.", "admiral", "sgt."}
SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}
# Lower-case particles inside names ("Ursula von der Leyen") that are not first names.
PARTICLES = {"von", "van", "der", "de", "da", "di", "del", "la", "le", "bin", "al", "el"}

POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
# Letters NFKD does not split into a base letter and an accent.
UNDECOMPOSED = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae", "ı": "i",
                              "œ": "oe", "ħ": "h"})
QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})


def _clean(name: str, person: bool) -> str:
    s = " ".join(name.translate(QUOTES).split()).strip(" \",;:()")
    s = POSSESSIVE.sub("", s).strip(" '")
    words = s.split()
    while words and words[0].lower() in ("the", *HONORIFICS):
        words.pop(0)
    # titles only when a name is left after them ("President Zelenskyy", not "President")
    k = 0
    while person and k < len(words) - 1 and words[k].lower() in TITLES:
        k += 1
    if k and words[k][:1].isupper():
        words = words[k:]
    while len(words) > 1 and words[-1].lower().rstrip(",") in SUFFIXES:
        words.pop()
    if len(words) > 1 and words[-2].endswith(","):
        words[-2] = words[-2].rstrip(",")
    return " ".join(words)


# fold, canonical and _person_parts are pure and asked again and again for the same few names
# (every entity against every full name of its document): they remember this many answers.
NAME_CACHE_SIZE = 16384


@lru_cache(maxsize=NAME_CACHE_SIZE)
def fold(word: str) -> str:
    """A spelling key: lower case, no accents, transliteration endings merged (-skyy/-skiy -> -sky)."""
    s = unicodedata.normalize("NFKD", word.lower())
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.translate(UNDECOMPOSED).replace("'", "").replace("\u2019", "").replace("\u2018", "")
    s = re.sub(r"(?:yy|iy|yi|ii)$", "y", s)
    return s


@lru_cache(maxsize=NAME_CACHE_SIZE)
def canonical(name: str, kind: str | None = None) -> str:
    """One spelling for a name: "DPRK" -> "North Korea", "Mr. Zelenskiy's" -> "Zelenskyy".

    Titles before a name ("President", "Gen.") are dropped only for `kind="person"`, so that
    "General Motors" stays whole.
    """
    s = _clean(name, kind == "person")
    if not s:
        return s
    alias = ALIASES.get(s.lower())
    if alias:
        return alias
    words = s.split()
    preferred = SPELLINGS.get(fold(words[-1]))
    if preferred:
        words[-1] = preferred
    return " ".join(words)


def kind_of(name: str) -> str | None:
    """"place" for a canonical name that is a country in the alias tables, else None."""
    return "place" if name in COUNTRIES else None


@lru_cache(maxsize=NAME_CACHE_SIZE)
def _person_parts(name: str) -> tuple[str, ...]:
    return tuple(fold(w) for w in canonical(name, "person").replace("-", " - ").split()
                 if w != "-" and w.lower() not in PARTICLES)


def surname(name: str) -> str:
    """The folded surname of a person's name: "Joseph R. Biden Jr." -> "biden"."""
    parts = _person_parts(name)
    return parts[-1] if parts else fold(name)


def same_person(a: str, b: str) -> bool:
    """True when two names can be one person: same folded surname, first names compatible."""
    pa, pb = _person_parts(a), _person_parts(b)
    if not pa or not pb or pa[-1] != pb[-1]:
        return False
    short, long_ = sorted((pa, pb), key=len)
    if len(short) == 1 or long_[-len(short):] == short:
        return True  # a surname alone, or a compound surname: "Holtz-Eakin", "Guajardo Villarreal"
    fa, fb = pa[0].rstrip("."), pb[0].rstrip(".")
    if fa == fb:
        return True
    # an initial: "H. Clinton" / "Hillary Clinton"
    return (len(fa) == 1 and fb.startswith(fa)) or (len(fb) == 1 and fa.startswith(fb))
