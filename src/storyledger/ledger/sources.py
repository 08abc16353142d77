"""One source record per real speaker across articles.

Person names merge when `nlp.names.same_person` says they can be one person ("Zelensky",
"Volodymyr Zelenskiy", "Zelenskyy"), unless the surname is shared by people with different
first names, in which case a bare surname stays apart. A source named only by its role ("the
Ukrainian president") joins the one named person whose roles match it. Organisations, outlets
and unnamed groups merge on their folded name.
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from ..nlp.names import fold, same_person, surname

ROLE_WORD = re.compile(r"[a-z]+")
GENERIC = {"the", "of", "a", "an", "and", "s", "former", "then"}


@dataclass(slots=True)
class Mention:
    """A name form as extraction gave it (name, kind and role), seen `n` times between the
    dates `first` and `last`."""

    name: str
    kind: str
    role: str | None
    first: str | None
    last: str | None = None
    n: int = 1

    @property
    def form(self) -> tuple[str, str]:
        return (self.name, self.kind)


@dataclass(slots=True)
class Speaker:
    name: str
    kind: str
    founder: tuple[str, str]  # the form that made this speaker: what its id is made of
    names: Counter = field(default_factory=Counter)
    roles: dict[str, list] = field(default_factory=dict)  # role -> [first, last, n]
    forms: set[tuple[str, str]] = field(default_factory=set)  # (name, kind) of the claims it holds
    id: int = field(init=False)

    def __post_init__(self) -> None:
        # Stable: the same founding form gives the same id in any ledger (56 bits, a SQLite
        # integer). Computed once: linking asks for it for every speaker, again and again.
        key = "\t".join(self.founder).encode()
        self.id = int.from_bytes(hashlib.blake2b(key, digest_size=7).digest(), "big")

    def absorb(self, other: "Speaker") -> None:
        """Take in another speaker's names, forms and roles (one body under two names)."""
        self.names.update(other.names)
        self.forms |= other.forms
        for role, (first, last, n) in other.roles.items():
            r = self.roles.setdefault(role, [None, None, 0])
            seen = [d for d in (r[0], r[1], first, last) if d]
            if seen:
                r[0], r[1] = min(seen), max(seen)
            r[2] += n

    def add(self, m: Mention) -> None:
        self.names[m.name] += m.n
        self.forms.add(m.form)
        if m.role:
            r = self.roles.setdefault(m.role, [None, None, 0])
            seen = [d for d in (r[0], r[1], m.first, m.last or m.first) if d]
            if seen:
                r[0], r[1] = min(seen), max(seen)
            r[2] += m.n


def role_words(text: str) -> set[str]:
    """Content words of a role, cut to 5 letters so that "Ukrainian" meets "Ukraine"."""
    return {w[:5] for w in ROLE_WORD.findall(fold(text)) if w not in GENERIC}


def is_description(name: str) -> bool:
    """A person named only by a description: "the Ukrainian president"."""
    return name[:1].islower() or name.lower().startswith("the ")


def org_key(name: str) -> str:
    """A body's name as a key: folded, without "the", and a leading country in any of its forms
    as its code ("U.S. Coast Guard", "US Coast Guard", "United States Coast Guard" and "American
    Coast Guard" are one; "Ukraine's interior ministry" is "Ukrainian Interior Ministry"). A
    body with no country named ("Coast Guard") stays apart: which country's is not known."""
    bare = re.sub(r"^[Tt]he\s+", "", name.strip())
    whole = country_code(bare) if bare[:1].isupper() and len(bare.split()) <= 3 else None
    if whole:
        return whole.lower()  # "U.S.", "US", "the United States"
    country = leading_country(bare)
    s = fold(country[1] if country else name)
    s = re.sub(r"^the\s+", "", s)
    s = re.sub(r"[^a-z0-9]+", " ", s).strip()
    s = ministry_form(s)
    return f"{country[0].lower()} {s}" if country else s


# One ministry under its names: "ministry of internal affairs" is the "interior ministry", "the
# ministry of defence" the "defense ministry".
MINISTRY_OF = re.compile(r"^ministry (?:of|for) (?:the )?(.+)$")
MINISTRY_WORDS = (("internal affairs", "interior"), ("home affairs", "interior"), ("foreign affairs", "foreign"),
                  ("defence", "defense"))


def ministry_form(key: str) -> str:
    """A folded ministry's name in one form: "<field> ministry"."""
    m = MINISTRY_OF.match(key)
    if m:
        key = f"{m[1]} ministry"
    if key.endswith(" ministry"):
        for a, b in MINISTRY_WORDS:
            key = key.replace(a, b)
    return key


@lru_cache(maxsize=16_384)
def leading_country(name: str) -> tuple[str, str] | None:
    """(country code, the rest) when a name opens with a country's name, alias or demonym
    (up to three words, a possessive allowed) and goes on; else None."""
    words = name.split()
    for n in (3, 2, 1):
        if len(words) <= n:
            continue
        phrase = " ".join(words[:n])
        phrase = re.sub(r"['’]s$", "", phrase)
        if not phrase[:1].isupper():
            continue
        cc = country_code(phrase)
        if cc:
            return cc, " ".join(words[n:])
    return None


@lru_cache(maxsize=16_384)
def country_code(phrase: str) -> str | None:
    """The code of the country a phrase names, by name, alias or demonym."""
    from ..semantics.gazetteer import Gazetteer  # noqa: PLC0415 (loaded only when sources merge)

    gaz = Gazetteer.load()
    for row in gaz.lookup(phrase) or gaz.lookup(phrase.replace(".", "")):
        e = gaz.entry(row)
        if e.kind == "country":
            return e.cc
    return None


def merge_sources(mentions: list[Mention]) -> list[Speaker]:
    """Speakers in a stable order (by id), each with every name form and role seen.

    Which speaker a form joins depends on its name and kind alone, never on its role, count or
    dates: the ledger keeps one speaker per (name, kind) form."""
    speakers: list[Speaker] = []
    by_key: dict[str, Speaker] = {}
    persons: dict[str, list[Speaker]] = defaultdict(list)  # folded surname -> speakers
    role_only: list[Mention] = []
    for m in sorted(mentions, key=lambda m: (-len(m.name.split()), m.name, m.kind, m.role or "", m.first or "")):
        if m.kind == "person" and not is_description(m.name):
            key = surname(m.name)
            matches = [s for s in persons[key] if any(same_person(m.name, n) for n in s.names)]
            if len(matches) == 1 or (matches and len(m.name.split()) > 1):
                matches[0].add(m)
                continue
            if len(matches) > 1:  # a bare surname shared by several people: keep it apart
                key = f"person:{m.name}"
                if key not in by_key:
                    by_key[key] = Speaker(m.name, m.kind, m.form)
                    speakers.append(by_key[key])
                by_key[key].add(m)
                continue
            s = Speaker(m.name, m.kind, m.form)
            persons[key].append(s)
            speakers.append(s)
            s.add(m)
        elif m.kind == "person":
            role_only.append(m)
        elif m.kind in ("organization", "unnamed") and len(m.name.split()) == 1 and m.name[:1].isupper() \
                and len(persons.get(surname(m.name), ())) == 1:
            # "Mauger said" where the model took the surname for an organisation, or for no
            # one: the one person of that surname (full names come first in this order)
            persons[surname(m.name)][0].add(m)
        else:
            key = f"{m.kind}:{org_key(m.name)}"
            if key not in by_key:
                by_key[key] = Speaker(m.name, m.kind, m.form)
                speakers.append(by_key[key])
            by_key[key].add(m)
    for m in role_only:
        words = role_words(m.name)
        matches = [s for s in speakers if s.kind == "person" and words and any(words <= role_words(r) for r in s.roles)]
        if len(matches) == 1:
            matches[0].add(m)
            continue
        key = f"role:{org_key(m.name)}"
        if key not in by_key:
            by_key[key] = Speaker(m.name, "unnamed" if not m.name[:1].isupper() else m.kind, m.form)
            speakers.append(by_key[key])
        by_key[key].add(m)
    speakers = bare_bodies_joined(speakers, by_key)
    for s in speakers:
        s.name = display_name(s.names, s.kind)
    speakers.sort(key=lambda s: s.id)
    return speakers


def bare_bodies_joined(speakers: list[Speaker], by_key: dict[str, Speaker]) -> list[Speaker]:
    """A body named without its country ("the Interior Ministry", "Coast Guard") is the one body
    of that name the story names with a country ("Ukraine's interior ministry"), when it names
    exactly one; with two or none, which country's is not known and it stays apart."""
    qualified: dict[str, list[Speaker]] = defaultdict(list)
    bare: list[tuple[str, Speaker]] = []
    for key, s in by_key.items():
        kind, _, name = key.partition(":")
        if kind != "organization":
            continue
        if leading_country(re.sub(r"^[Tt]he\s+", "", s.founder[0].strip())) and " " in name:
            qualified[name.split(" ", 1)[1]].append(s)
        else:
            bare.append((name, s))
    gone: set[int] = set()
    for name, s in bare:
        if len(qualified.get(name, ())) == 1:
            qualified[name][0].absorb(s)
            gone.add(id(s))
    return [s for s in speakers if id(s) not in gone] if gone else speakers


def display_name(names: Counter, kind: str) -> str:
    """The fullest name seen, most often seen first: "Volodymyr Zelenskyy" over "Zelensky",
    and a person's name over a description of them ("the Ukrainian president")."""
    proper = [n for n in names if not (kind == "person" and is_description(n))]
    return max(proper or names, key=lambda n: (len(n.split()), names[n], n))
