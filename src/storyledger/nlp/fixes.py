"""Fixes to the small English model's known slips, as registered spaCy components.

- `storyledger_line_breaks`: a line break (blank line or a line ending without a full stop,
  e.g. a subheading) always ends a sentence; the parser alone runs such lines together.
- `storyledger_entity_fixes`: the NER tags "Ukraine Volodymyr Zelenskyy" as one ORG; an
  entity that starts with a country or demonym followed by a personal name is split.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span


@Language.component("storyledger_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n" in prev.text or "\n" in prev.whitespace_:
            tok.is_sent_start = True
    return doc


@Language.component("storyledger_entity_fixes")
def entity_fixes(doc: Doc) -> Doc:
    ents = []
    changed = False
    for ent in doc.ents:
        split = split_place_and_person(ent) or split_apposition(ent)
        if split:
            ents.extend(split)
            changed = True
        else:
            ents.append(ent)
    if changed:
        doc.ents = ents
    return doc


def split_apposition(ent: Span) -> list[Span] | None:
    """"the Defense Intelligence of the Ministry of Defense, Kyrylo Budanov" (ORG) -> ORG + PERSON."""
    if ent.label_ not in ("ORG", "GPE", "FAC") or len(ent) < 4:
        return None
    commas = [t.i for t in ent if t.text == ","]
    if not commas:
        return None
    tail = ent.doc[commas[-1] + 1:ent.end]
    if not 2 <= len(tail) <= 3 or not all(t.is_title and (t.is_alpha or "-" in t.text) for t in tail):
        return None
    doc = ent.doc
    return [
        Span(doc, ent.start, commas[-1], label=ent.label_),
        Span(doc, tail.start, tail.end, label="PERSON"),
    ]


def split_place_and_person(ent: Span) -> list[Span] | None:
    """"Ukraine Volodymyr Zelenskyy" (ORG) -> "Ukraine" (GPE) + "Volodymyr Zelenskyy" (PERSON)."""
    if ent.label_ not in ("ORG", "GPE", "NORP") or len(ent) < 3:
        return None
    head = ent[0]
    rest = ent[1:]
    if head.text not in PLACE_WORDS or not all(t.is_title and t.is_alpha for t in rest):
        return None
    doc = ent.doc
    return [
        Span(doc, ent.start, ent.start + 1, label="GPE"),
        Span(doc, ent.start + 1, ent.end, label="PERSON"),
    ]


# Countries and blocs that appear right before a personal name in "President of X Name".
PLACE_WORDS = {
    "Ukraine", "Russia", "Poland", "France", "Germany", "Britain", "Israel", "Iran", "China",
    "Japan", "Korea", "Turkey", "Hungary", "Belarus", "America", "Italy", "Spain", "Canada",
    "India", "Pakistan", "Brazil", "Mexico", "Georgia", "Moldova", "Lithuania", "Latvia",
    "Estonia", "Finland", "Sweden", "Norway", "Denmark", "Romania", "Bulgaria", "Serbia",
    "Czechia", "Slovakia", "Austria", "Switzerland", "Belgium", "Netherlands", "Syria", "Egypt",
}
