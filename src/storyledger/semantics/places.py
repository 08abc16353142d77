"""Place mentions: recognised with spaCy's entities plus a gazetteer scan, resolved by context.

`find_places(doc)` returns every toponym of a parsed document, in the conventions of the
geoparsing gold (LGL, TR-News, GeoWebNews): names inside organisation names count ("Texas" in
"Texas Forest Service"), demonyms count as their country ("Turkish" -> Turkey), a leading "the"
is left out. Each mention is resolved to a gazetteer place: candidates that share a country or
US state with the rest of the document win, then population decides.
`add_place_patterns(nlp)` adds a component that repairs the model's place entities in
`doc.ents` ("Kursk" tagged PRODUCT, "Donetsk" missed) without touching other entities.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from spacy.attrs import IDX, LENGTH
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..nlp.cache import ents_of, text_of
from .gazetteer import DEMONYMS, Entry, Gazetteer, fold

# --- Tuning constants (calibrated on the LGL and TR-News dev sets; see bench/geo_eval.py) ---
# A town found by the gazetteer scan alone (no spaCy place entity) must be this big to count:
# lower lets in surnames and common words ("Ripley", "Hope"), higher loses local news towns.
SCAN_MIN_POPULATION = 1000
# Town size at which the model's non-place label (PERSON, ORG) is overruled by the gazetteer.
STRONG_CITY_POPULATION = 100_000
# Base scores by kind (a town scores log10(population)); a country beats a town of 10^9.5.
KIND_SCORE = {"country": 9.5, "region": 7.0, "county": 4.5, "area": 8.0}
# US states, Canadian provinces and Australian states are the regions news names most.
MAJOR_REGION_SCORE = 8.6
# Context bonuses: same country as the document's other places, same US state / region,
# the outlet's country (from its web domain), and an explicit "Town, State" qualifier.
SAME_COUNTRY = 2.0
SAME_ADMIN1 = 2.5
OUTLET_COUNTRY = 1.5
QUALIFIED = 8.0
ALIAS_PENALTY = 1.5  # a town matched through an alternate name ("Pokrovsk", Engels' old name)
QUALIFIER_KM = 300  # a town this close to its qualifying region's point is taken to be in it
CAPITAL_BONUS = 1.5  # national capitals are what a bare "Washington", "Paris" usually mean
PLACE_LABELS = {"GPE", "LOC", "FAC"}
CONNECTORS = {"of", "and", "upon", "on", "de", "la", "le", "du", "del", "-", "the", "al", "el", "'s"}
AREA_SUFFIXES = {"region", "regions", "oblast", "oblasts", "province", "provinces", "county",
                 "counties", "parish", "parishes", "governorate", "krai"}
TLD_COUNTRY = {"uk": "GB", "ca": "CA", "au": "AU", "nz": "NZ", "ie": "IE", "in": "IN", "za": "ZA",
               "ua": "UA", "ru": "RU", "de": "DE", "fr": "FR", "tr": "TR", "il": "IL", "pk": "PK"}
MAJOR_REGION_COUNTRIES = {"US", "CA", "AU"}


@dataclass(frozen=True, slots=True)
class Place:
    """A resolved place mention; `start`/`end` are character offsets into the document text."""

    start: int
    end: int
    text: str
    name: str
    geonames_id: str | None
    lat: float | None
    lon: float | None
    country: str | None
    kind: str  # city, region, country, or area

    def to_dict(self) -> dict:
        return {"name": self.name, "span": [self.start, self.end], "text": self.text,
                "geonames_id": self.geonames_id, "lat": self.lat, "lon": self.lon,
                "country": self.country, "kind": self.kind}


@dataclass(slots=True)
class _Mention:
    start: int  # token indices
    end: int
    cands: list[int]
    qualifier: list[int] | None = None  # candidates of a following ", State" / ", Country"
    key: str = ""  # the folded mention text
    demonym: bool = False


def find_places(doc: Doc, outlet: str | None = None) -> list[Place]:
    """Every place mention in `doc`, resolved against the whole document's context."""
    gaz = Gazetteer.load()
    mentions = _recognise(doc, gaz)
    picks = _resolve(mentions, gaz, outlet)
    places = []
    for m, row in zip(mentions, picks):
        span = doc[m.start:m.end]
        if row is None:
            places.append(Place(span.start_char, span.end_char, span.text, span.text, None, None, None, None, "area"))
            continue
        e = gaz.entry(row)
        lat, lon = e.lat, e.lon
        if e.kind == "county":
            lat, lon = _county_point(e, mentions, picks, gaz)
        country = gaz.countries[e.cc].name if e.cc in gaz.countries else None
        kind = "region" if e.kind == "county" else e.kind
        places.append(Place(span.start_char, span.end_char, span.text, e.name, e.gid, lat, lon, country, kind))
    return places


# --- Recognition ---------------------------------------------------------------------------

def _capitalised(t: str) -> bool:
    return bool(t) and (t[0].isupper() or (t[0].isdigit() is False and t[:1] in "'" and len(t) > 1))


@dataclass(slots=True)
class _Tokens:
    """The token attributes the scan reads, taken from the Doc once: the scan tries up to seven
    spans at every capitalised token, and spaCy builds a `Token` object at each access."""

    text: str  # the document text
    words: list[str]
    lower: list[str]
    idx: list[int]
    capitalised: list[bool]
    name_end: list[int]  # the first token at or after k that cannot be part of a place name

    @classmethod
    def of(cls, doc: Doc) -> _Tokens:
        """The Doc's, built once (by the place ruler, then read again by `find_places`)."""
        cached = doc.user_data.get("storyledger_place_tokens")
        if cached is None:
            cached = doc.user_data["storyledger_place_tokens"] = cls.build(doc)
        return cached

    @classmethod
    def build(cls, doc: Doc) -> _Tokens:
        text = text_of(doc)
        spans = doc.to_array([IDX, LENGTH]).tolist() if len(doc) else []  # no Token objects: ~3 µs each
        idx = [a for a, _ in spans]
        words = [text[a:a + n] for a, n in spans]
        lower = [w.lower() for w in words]  # spaCy's LOWER is str.lower of the text
        capitalised = [_capitalised(w) for w in words]
        name_end = [len(words)] * (len(words) + 1)
        for k in range(len(words) - 1, -1, -1):
            part = capitalised[k] or lower[k] in CONNECTORS or lower[k] in AREA_SUFFIXES or words[k] in ".-"
            name_end[k] = name_end[k + 1] if part else k
        return cls(text, words, lower, idx, capitalised, name_end)

    def span_text(self, i: int, j: int) -> str:
        """`doc[i:j].text`."""
        return self.text[self.idx[i]:self.idx[j - 1] + len(self.words[j - 1])]


def _recognise(doc: Doc, gaz: Gazetteer) -> list[_Mention]:
    ent_of = {}
    ctx = _DocContext(set(), set())
    for ent in ents_of(doc):
        for i in range(ent.start, ent.end):
            ent_of[i] = ent
        if ent.label_ in ("GPE", "LOC"):
            ctx.place_texts.add(ent.text[4:] if ent.text.startswith("the ") else ent.text)
        elif ent.label_ == "PERSON":
            ctx.person_words.update(t.text for t in ent if t.text[:1].isupper())
    out: list[_Mention] = []
    toks = _Tokens.of(doc)
    i, n = 0, len(doc)
    capitalised, lower = toks.capitalised, toks.lower
    while i < n:
        if not capitalised[i] and lower[i] not in AREA_STARTS:
            i += 1  # what `_match_at` would say at once, without the call (~80,000 a corpus of 84)
            continue
        m = _match_at(doc, toks, i, gaz, ent_of, ctx)
        if m is None:
            i += 1
            continue
        out.extend(m)
        i = max(x.end for x in m)
    _add_unmatched_entities(doc, out, gaz)
    _add_qualifiers(doc, out, gaz)
    out.sort(key=lambda m: m.start)
    for m in out:
        m.key = fold(doc[m.start:m.end].text)
    return out


# Lower-case words that open an area name from the alias table ("far east", "eastern Russia").
AREA_STARTS = frozenset(("far", "eastern", "western", "northern", "southern"))


def _match_at(doc: Doc, toks: _Tokens, i: int, gaz: Gazetteer, ent_of: dict, ctx: _DocContext) -> list[_Mention] | None:
    low = toks.lower[i]
    n = len(toks.words)
    # "far east (of Russia", "eastern Russia": lower-case area names from the alias table.
    if low in AREA_STARTS and i + 1 < n:
        j = i + 1
        words = [low]
        found = None
        while j < n and j < i + 6:
            if toks.words[j] not in ("(", ")"):
                words.append(toks.lower[j])
            key = " ".join(words)
            if key in gaz.index and any(gaz.entry(r).kind == "area" for r in gaz.index[key]):
                found = _Mention(i, j + 1, [r for r in gaz.index[key] if gaz.entry(r).kind == "area"])
            j += 1
        return [found] if found else None
    if not toks.capitalised[i]:
        return None
    tok = toks.words[i]
    # "Bryansk and Kursk regions"
    if i + 3 < n and toks.lower[i + 1] == "and" and toks.lower[i + 3] in AREA_SUFFIXES \
            and toks.words[i + 2][:1].isupper():
        suffix = toks.lower[i + 3].rstrip("s")
        suffix = {"countie": "county", "parishe": "parish", "province": "province"}.get(suffix, suffix)
        a = [r for r in gaz.lookup(f"{tok} {suffix}") if gaz.entry(r).kind != "city"]
        b = [r for r in gaz.lookup(f"{toks.words[i + 2]} {suffix}") if gaz.entry(r).kind != "city"]
        if a and b:
            return [_Mention(i, i + 1, a), _Mention(i + 2, i + 4, b)]
    best = None
    for j in range(min(n, i + 7), i, -1):
        if j - 1 > i and not (toks.capitalised[j - 1] or toks.lower[j - 1] in AREA_SUFFIXES or toks.words[j - 1] == "."):
            continue
        if toks.name_end[i] < j:  # a word in doc[i:j] that is no part of a name
            continue
        text = toks.span_text(i, j)
        if "\n" in text:
            continue
        rows = gaz.index.get(fold(text))
        if not rows and text.isupper() and len(text) > 3:
            rows = gaz.index.get(fold(text))
        if rows:
            best = (j, rows)
            break
    if best is None:
        return None
    j, rows = best
    if not _accept(doc, i, j, rows, gaz, ent_of, ctx):
        return None
    demonym = toks.span_text(i, j) in DEMONYMS
    return [_Mention(i, j, list(rows), demonym=demonym)]


# Nouns up to this length count as common words (see _is_common); longer ones need an ending.
COMMON_NOUN_MAX_LENGTH = 7
NOUN_ENDINGS = ("ity", "tion", "sion", "ment", "ence", "ance", "ness", "ship", "ery", "ory", "ism", "ist",
                "hood", "wealth", "ture", "age")
NUMERIC_LABELS = {"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY"}


@dataclass(slots=True)
class _DocContext:
    """What the whole document says about names: one sense per discourse."""

    place_texts: set[str]  # texts the model tagged GPE/LOC somewhere
    person_words: set[str]  # words inside PERSON entities


def _common_sets() -> tuple[set[str], set[str]]:
    """(verbs, adjectives and adverbs; nouns) of the model's WordNet lemma index, read once."""
    global _COMMON_SETS
    if _COMMON_SETS is None:
        from spacy.lookups import Lookups
        from spacy.util import get_package_path

        from ..nlp import MODEL

        verb_adj: set[str] = set()
        noun: set[str] = set()
        for path in Path(get_package_path(MODEL)).glob("**/lemmatizer/lookups/lookups.bin"):
            t = Lookups().from_disk(path.parent).get_table("lemma_index")
            verb_adj = set(t["verb"]) | set(t["adj"]) | set(t["adv"])
            noun = set(t["noun"])
            break
        _COMMON_SETS = (verb_adj, noun)
    return _COMMON_SETS


_COMMON_SETS: tuple[set[str], set[str]] | None = None


def _is_common(text: str, nouns_too: bool) -> bool:
    """All words are English words: verbs, adjectives, adverbs, or (with `nouns_too`) short or
    abstract nouns. WordNet's noun index also holds town names ("watertown", "gainesville"),
    so a long noun without a common-noun ending doesn't count."""
    verb_adj, noun = _common_sets()
    words = [w for w in text.lower().replace("-", " ").split() if w not in CONNECTORS]
    if not words:
        return False
    if nouns_too:
        return all(w in verb_adj or (w in noun and (len(w) <= COMMON_NOUN_MAX_LENGTH or w.endswith(NOUN_ENDINGS)))
                   for w in words)
    return all(w in verb_adj for w in words)


def _accept(doc: Doc, i: int, j: int, rows: list[int], gaz: Gazetteer, ent_of: dict, ctx: _DocContext) -> bool:
    span = doc[i:j]
    text = span.text
    ents = {ent_of[k] for k in range(i, j) if k in ent_of}
    labels = {e.label_ for e in ents}
    if labels & NUMERIC_LABELS:
        return False
    entries = [gaz.entry(r) for r in rows]
    kinds = {e.kind for e in entries}
    top_pop = max((e.population for e in entries if e.kind == "city"), default=0)
    major = any(e.kind == "country" or (e.kind == "region" and e.cc in MAJOR_REGION_COUNTRIES) for e in entries)
    strong = major or "area" in kinds or top_pop >= STRONG_CITY_POPULATION
    if text in DEMONYMS:
        # Demonyms count only as the model's nationality or as a modifier in a name.
        return bool(labels & {"NORP", "GPE", "ORG"}) or not labels
    if text.isupper() and len(text) <= 3 and not (kinds & {"country", "region"}):
        return False
    if text.endswith(".") and len(text) <= 5 and "region" in kinds and not (kinds - {"region"}):
        # "La.", "Pa.": a state abbreviation only after "Town," (handled as a qualifier) or as an entity.
        return bool(labels & PLACE_LABELS) and (i == 0 or doc[i - 1].text == ",")
    if len(text) <= 4 and not text.isupper() and all(e.name != text for e in entries) \
            and _is_common(text, nouns_too=True):
        return False  # "Act" is not "ACT"
    place_ents = [e for e in ents if e.label_ in PLACE_LABELS and e.start <= i and e.end >= j]
    in_place_ent = bool(place_ents)
    if in_place_ent and not any(e.start == i and e.end == j for e in place_ents) and not major \
            and _is_common(text, nouns_too=True):
        return False  # "Street" of "Main Street"
    known = in_place_ent or text in ctx.place_texts
    words = {t.text for t in span} if len(span) == 1 else set()
    if len(span) > 1 and span[-1].lower_ in AREA_SUFFIXES and kinds & {"region", "county"}:
        return True  # "Kursk region", "Walker County": the form itself says it's a place
    if "PERSON" in labels:
        # A place named inside a personal name ("Jackson", "Georgia Smith") is left out unless
        # the whole entity is a country, state or big town.
        whole = any(e.start == i and e.end == j for e in ents)
        return whole and strong and len(ents) == 1 and not _is_common(text, nouns_too=True)
    if known:
        return not (words & ctx.person_words and not major)
    if words & ctx.person_words and not major:
        return False
    if major:
        return True
    if _is_common(text, nouns_too=not strong):
        return False
    if strong:
        return True
    if top_pop < SCAN_MIN_POPULATION and "county" not in kinds:
        return False
    # A town found by the scan alone: a proper noun, not at a sentence start unless it's an entity.
    if any(t.pos_ not in ("PROPN",) for t in span if t.text[:1].isupper()):
        return False
    if doc[i].is_sent_start and not labels:
        return False
    return True


def _add_unmatched_entities(doc: Doc, out: list[_Mention], gaz: Gazetteer) -> None:
    """Place entities of the model that the scan turned down but the gazetteer knows."""
    taken = set()
    for m in out:
        taken.update(range(m.start, m.end))
    for ent in ents_of(doc):
        if ent.label_ not in ("GPE", "LOC"):
            continue
        if any(k in taken for k in range(ent.start, ent.end)):
            continue
        start = ent.start + (1 if ent[0].lower_ == "the" else 0)
        if start >= ent.end or not doc[start].text[:1].isupper():
            continue
        # Ones the gazetteer doesn't know are left out: on the dev sets two in three of them
        # are names of people or organisations the model mislabelled.
        rows = list(gaz.lookup(doc[start:ent.end].text))
        if rows:
            out.append(_Mention(start, ent.end, rows))


def _add_qualifiers(doc: Doc, out: list[_Mention], gaz: Gazetteer) -> None:
    """"Alexandria, La." / "Pokrovsk in Donetsk region": the second place qualifies the first."""
    by_start = {m.start: m for m in out}
    for m in out:
        k = m.end
        if k < len(doc) and doc[k].text in (",", "in") and k + 1 in by_start:
            q = by_start[k + 1]
            if any(gaz.entry(r).kind in ("region", "country", "county") for r in q.cands):
                m.qualifier = q.cands
        elif k < len(doc) and doc[k].text == "," and k + 1 < len(doc):
            # A state abbreviation that the scan turned down on its own ("Alexandria, La.").
            for j in range(min(len(doc), k + 4), k + 1, -1):
                rows = gaz.index.get(fold(doc[k + 1:j].text))
                if rows and any(gaz.entry(r).kind == "region" for r in rows) and doc[k + 1].text[:1].isupper():
                    q = _Mention(k + 1, j, [r for r in rows if gaz.entry(r).kind == "region"])
                    if not any(x.start < j and x.end > k + 1 for x in out):
                        out.append(q)
                    m.qualifier = q.cands
                    break


# --- Resolution ----------------------------------------------------------------------------

def _prior(e: Entry) -> float:
    if e.kind == "city":
        return math.log10(e.population + 10) + (CAPITAL_BONUS if e.capital else 0.0)
    if e.kind == "region" and e.cc in MAJOR_REGION_COUNTRIES and e.admin1 and len(e.admin1) <= 6:
        return MAJOR_REGION_SCORE
    return KIND_SCORE.get(e.kind, 5.0)


def _admin_key(e: Entry) -> tuple[str, str]:
    return (e.cc, e.admin1)


def _evidence(mentions: list[_Mention], gaz: Gazetteer, picks: list[int | None] | None):
    """Countries and admin areas the document is about: from unambiguous mentions (or, on the
    second pass, from the first pass's picks) and a vote of every name's possible readings."""
    countries: Counter = Counter()
    admins: Counter = Counter()
    vote_admin: Counter = Counter()
    vote_cc: Counter = Counter()
    seen_names = set()
    for n, m in enumerate(mentions):
        if not m.cands:
            continue
        entries = [gaz.entry(r) for r in m.cands]
        if picks is not None and picks[n] is not None:
            chosen = [gaz.entry(picks[n])]
        else:
            chosen = entries
        ccs = {e.cc for e in chosen if e.cc}
        if len(ccs) == 1:
            countries[next(iter(ccs))] += 1
        subs = {_admin_key(e) for e in chosen if e.kind != "country" and e.kind != "area"}
        if len(subs) == 1 and all(e.kind != "country" for e in chosen):
            admins[next(iter(subs))] += 1
        key = tuple(m.cands)
        if key in seen_names:
            continue
        seen_names.add(key)
        all_a = {_admin_key(e) for e in entries if e.kind in ("city", "county", "region")}
        all_c = {e.cc for e in entries if e.cc}
        for a in all_a:
            vote_admin[a] += 1 / len(all_a) ** 0.5
        for c in all_c:
            vote_cc[c] += 1 / len(all_c) ** 0.5
    return countries, admins, vote_cc, vote_admin


def _resolve(mentions: list[_Mention], gaz: Gazetteer, outlet: str | None) -> list[int | None]:
    outlet_cc = None
    if outlet:
        host = re.sub(r"^[a-z]+://", "", outlet.lower()).split("/", 1)[0]
        outlet_cc = TLD_COUNTRY.get(host.rsplit(".", 1)[-1])
    picks: list[int | None] | None = None
    for _ in range(2):
        evidence = _evidence(mentions, gaz, picks)
        picks = [_pick(m, gaz, evidence, outlet_cc) for m in mentions]
    return picks


def _pick(m: _Mention, gaz: Gazetteer, evidence, outlet_cc: str | None) -> int | None:
    countries, admins, vote_cc, vote_admin = evidence
    if not m.cands:
        return None
    qual_keys, qual_cc, qual_pts = set(), set(), []
    for r in m.qualifier or ():
        q = gaz.entry(r)
        qual_cc.add(q.cc)
        if q.kind != "country":
            qual_keys.add(_admin_key(q))
            qual_pts.append((q.lat, q.lon))
    entries = [(r, gaz.entry(r)) for r in m.cands]
    # A US state, Canadian province or Australian state beats a same-named town of its own
    # country ("New York", "Quebec") unless the town is a national capital ("Washington").
    major = {e.cc for _, e in entries if e.kind == "region" and e.cc in MAJOR_REGION_COUNTRIES}
    capital = {e.cc for _, e in entries if e.capital}
    best, best_s = None, -1e9
    for r, e in entries:
        if m.demonym and e.kind != "country":
            continue
        s = _prior(e)
        if e.kind == "city" and e.cc in major and not e.capital:
            s -= MAJOR_REGION_SCORE
        if e.kind == "region" and e.cc in capital:
            s -= MAJOR_REGION_SCORE
        own = countries[e.cc] - (1 if e.kind == "country" and len(entries) == 1 else 0)
        s += SAME_COUNTRY * min(1.0, own / 2) + 0.5 * min(2.0, vote_cc[e.cc] / 3)
        if e.kind in ("city", "county"):
            ak = _admin_key(e)
            s += SAME_ADMIN1 * min(1.0, admins[ak] / 1.5) + 1.0 * min(2.0, vote_admin[ak] / 2)
        if outlet_cc and e.cc == outlet_cc:
            s += OUTLET_COUNTRY
        if e.kind == "city" and m.key and fold(e.name) != m.key:
            s -= ALIAS_PENALTY
        if qual_cc and e.cc in qual_cc:
            if not qual_keys or _admin_key(e) in qual_keys \
                    or any(_km(e.lat, e.lon, la, lo) < QUALIFIER_KM for la, lo in qual_pts):
                s += QUALIFIED
            else:
                s += QUALIFIED / 2
        if s > best_s:
            best, best_s = r, s
    return best


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (lat1, lon1, lat2, lon2))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371 * math.asin(min(1.0, math.sqrt(h)))


def _county_point(e: Entry, mentions: list[_Mention], picks: list[int | None], gaz: Gazetteer) -> tuple[float, float]:
    """Counties have no coordinates in the sources: the document's towns in that state, else the state."""
    pts = []
    for r in picks:
        if r is None:
            continue
        c = gaz.entry(r)
        if c.kind == "city" and c.cc == "US" and c.admin1 == e.admin1:
            pts.append((c.lat, c.lon))
    if pts:
        pts.sort()
        lat = pts[len(pts) // 2][0]
        lon = sorted(p[1] for p in pts)[len(pts) // 2]
        return lat, lon
    base = e.name.rsplit(" ", 1)[0]
    for r in gaz.lookup(base):
        c = gaz.entry(r)
        if c.kind == "city" and c.cc == "US" and c.admin1 == e.admin1:
            return c.lat, c.lon
    return e.lat, e.lon


# --- The entity repair component -----------------------------------------------------------

@Language.component("storyledger_place_ruler")
def place_ruler(doc: Doc) -> Doc:
    """Relabel as GPE the entities that are wholly a known country, region or big town."""
    gaz = Gazetteer.load()
    ents = list(doc.ents)
    changed = False
    new = []
    for ent in ents:
        if ent.label_ in ("PRODUCT", "PERSON", "WORK_OF_ART", "ORG", "NORP", "EVENT", "LAW"):
            start = ent.start + (1 if ent[0].lower_ == "the" else 0)
            text = doc[start:ent.end].text
            rows = gaz.index.get(fold(text), [])
            if rows and text not in DEMONYMS and _is_strong(rows, gaz):
                new.append(Span(doc, ent.start, ent.end, label="GPE"))
                changed = True
                continue
        new.append(ent)
    covered = {k for e in new for k in range(e.start, e.end)}
    toks = _Tokens.of(doc)
    i, n = 0, len(doc)
    while i < n:
        if i in covered or not toks.words[i][:1].isupper():
            i += 1
            continue
        hit = None
        for j in range(min(n, i + 4), i, -1):
            if any(k in covered for k in range(i, j)):
                continue
            text = toks.span_text(i, j)
            rows = gaz.index.get(fold(text))
            if rows and text not in DEMONYMS and _is_strong(rows, gaz) and not (text.isupper() and len(text) <= 3) \
                    and all(toks.words[k][:1].isupper() or toks.lower[k] in AREA_SUFFIXES or toks.lower[k] in CONNECTORS
                            for k in range(i, j)):
                hit = j
                break
        if hit:
            new.append(Span(doc, i, hit, label="GPE"))
            covered.update(range(i, hit))
            changed = True
            i = hit
        else:
            i += 1
    if changed:
        doc.ents = sorted(new, key=lambda s: s.start)
    return doc


def _is_strong(rows: list[int], gaz: Gazetteer) -> bool:
    for r in rows:
        e = gaz.entry(r)
        if e.kind in ("country", "region", "area") or (e.kind == "city" and e.population >= STRONG_CITY_POPULATION):
            return True
    return False


def add_place_patterns(nlp: Language) -> None:
    """Add the place-entity repair component after the NER (and its fixes) of `nlp`."""
    if "storyledger_place_ruler" in nlp.pipe_names:
        return
    Gazetteer.load()
    nlp.add_pipe("storyledger_place_ruler", last=True)
