"""The people, organisations and groups a text names, under one name each within a document.

`document_names(doc)` decides, once per document, the name of every surface form the NER found:

- aliases and spellings are folded by `storyledger.nlp.names.canonical` ("DPRK" -> "North Korea",
  "Zelenskiy" -> "Zelenskyy");
- a person named by surname alone ("Sikorski") gets the full name used elsewhere in the same
  document ("Radoslaw Sikorski"), before or after; when two full names share the surname
  ("Hillary Clinton", "Bill Clinton") the more often named wins, then the earlier;
- the same goes for a lone surname the NER mislabelled as an organisation or place, and for a
  first name alone ("Hillary") when exactly one full name in the document starts with it;
- an acronym ("CCD") gets the organisation in the document whose initials it is
  ("Center for Countering Disinformation").

`find_entities(span)` lists the entities inside a span with those names.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from storyledger.nlp.cache import ents_in, ents_of
from storyledger.nlp.names import canonical, fold, kind_of, same_person

# spaCy entity label -> our kind. DATE, CARDINAL, MONEY, ... are not entities here.
KINDS = {"PERSON": "person", "ORG": "organization", "NORP": "group",
         "GPE": "place", "LOC": "place", "FAC": "place"}
# Kinds `find_entities` returns unless asked for more: places have their own field in a claim.
DEFAULT_KINDS = frozenset({"person", "organization", "group"})
# Words skipped when taking an organisation's initials ("Center for Countering Disinformation").
INITIALS_SKIP = {"of", "the", "for", "and", "on", "in", "de", "to", "&"}


@dataclass(frozen=True, slots=True)
class Entity:
    """A named person, organisation, group or place in the text."""

    start: int
    end: int
    text: str
    name: str
    kind: str

    def to_dict(self) -> dict:
        """The `entities` item of formats.md."""
        return {"name": self.name, "kind": self.kind, "span": [self.start, self.end],
                "text": self.text}


def _ent_text(ent: Span) -> tuple[Span, str]:
    """The entity without a leading "the" (kept in `name` folding, dropped from the span)."""
    if len(ent) > 1 and ent[0].text.lower() == "the":
        ent = ent[1:]
    return ent, ent.text


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.replace("-", " ").split()
                   if w.lower() not in INITIALS_SKIP and w[:1].isalpha()).upper()


def document_names(doc: Doc) -> dict[str, str]:
    """Each entity surface form in `doc` -> its one canonical name in this document."""
    ents = [(e.label_, _ent_text(e)[1]) for e in ents_of(doc) if e.label_ in KINDS]
    # full personal names, with how often and how early they are used
    full: Counter[str] = Counter()
    first: dict[str, int] = {}
    orgs: dict[str, str] = {}
    for k, (label, text) in enumerate(ents):
        if label == "PERSON":
            name = canonical(text, "person")
            if len(name.split()) > 1:
                full[name] += 1
                first.setdefault(name, k)
        elif label == "ORG":
            name = canonical(text)
            if len(name.split()) > 1:
                orgs.setdefault(_initials(name), name)
    ranked = sorted(full, key=lambda n: (-full[n], first[n]))
    surnames = {fold(n.split()[-1]) for n in ranked}

    names: dict[str, str] = {}
    for label, text in ents:
        if text in names:
            continue
        kind = KINDS[label]
        name = canonical(text, kind)
        words = name.split()
        short = len(words) == 1 or (len(words) > 1 and len(words[0].rstrip(".")) == 1)
        if kind == "person" and short or (
                kind != "person" and len(words) == 1 and fold(words[0]) in surnames):
            match = next((n for n in ranked if same_person(name, n)), None)
            if match is None and kind == "person" and len(words) == 1:
                # a first name alone ("Hillary") that only one full name in the document has
                given = [n for n in ranked if fold(n.split()[0]) == fold(name)]
                match = given[0] if len(given) == 1 else None
            if match:
                name = match
        elif kind == "organization" and name.isupper() and 2 <= len(name) <= 6:
            name = orgs.get(name.replace(".", ""), name)
        names[text] = name
    return names


def find_entities(span: Doc | Span, doc_names: dict[str, str] | None = None, *,
                  kinds: frozenset[str] | set[str] = DEFAULT_KINDS) -> list[Entity]:
    """The named entities inside `span`, named as `document_names` decides (computed if None)."""
    doc = span if isinstance(span, Doc) else span.doc
    names = document_names(doc) if doc_names is None else doc_names
    out: list[Entity] = []
    for ent in ents_in(span):
        if ent.label_ not in KINDS:
            continue
        kind = KINDS[ent.label_]
        ent, text = _ent_text(ent)
        name = names.get(text) or canonical(text, kind)
        if not name:
            continue
        if kind != "person" and len(text.split()) == 1 and len(name.split()) > 1 \
                and same_person(text, name):
            kind = "person"  # a surname the NER took for an organisation or place
        kind = kind_of(name) or kind
        if kind not in kinds:
            continue
        start = ent.start_char
        end = ent.end_char
        out.append(Entity(start, end, text, name, kind))
    return out
