"""Fixes to the small English model's known slips, as registered spaCy components.

- `storyledger_line_breaks`: a line break (blank line or a line ending without a full stop,
  e.g. a subheading) always ends a sentence; the parser alone runs such lines together. And
  no sentence starts elsewhere than after a full stop, mark, colon or semicolon (or a closing
  quote or bracket after one).
- `BoundedTokenizer`: the tokenizer, fed very long runs without whitespace in pieces.
- `add_title_abbreviations`: "Capt.", "Lt.", "Col." ... before a name stay one token, so that
  the parser does not end a sentence at their full stop.
- `storyledger_entity_fixes`: the NER tags "Ukraine Volodymyr Zelenskyy" as one ORG; an
  entity that starts with a country or demonym followed by a personal name is split.
"""
from __future__ import annotations

import re
from collections.abc import Callable

import numpy
from spacy.attrs import IDX, IS_SPACE, LENGTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span

from .cache import text_of


# Titles before a name that the model's tokenizer splits from their full stop ("Capt." ->
# "Capt" "."), so that the parser ends a sentence there: "... said Chief Capt. | Jason
# Neubauer said in a statement." lost the speaker and every quote of his. spaCy keeps "Dr.",
# "Gen.", "Sen.", "Rep.", "Gov.", "Adm." whole already.
TITLE_ABBREVIATIONS = """Capt. Lt. Col. Sgt. Cmdr. Comdr. Cdr. Maj. Brig. Cpl. Pvt. Spc. Supt. Insp. Det.
Amb. Hon. Pres. Atty. Secy. Fr. Msgr. Lieut.""".split()
# Not the plurals ("Sens. Jon Tester and David Vitter"): on PolNeAR dev the one "Sens." kept
# whole gave a parse that lost Vitter's report (content overlap 0.7065 -> 0.7062).


def add_title_abbreviations(tokenizer) -> None:
    from spacy.symbols import ORTH

    for title in TITLE_ABBREVIATIONS:
        tokenizer.add_special_case(title, [{ORTH: title}])


@Language.component("storyledger_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    # One array write: `Token.is_sent_start = True` checks the whole Doc's annotation each
    # time, which made 20,000 short lines take 20 s. The tokens holding a line break (in their
    # text or the white space after it) are found from the breaks' offsets, not token by token.
    text = text_of(doc)
    n = len(doc)
    if n == 0:
        return doc
    breaks = [m.start() for m in LINE_BREAK.finditer(text)]
    attrs = doc.to_array([IDX, LENGTH, IS_SPACE, SENT_START]).astype(numpy.int64)
    holding = numpy.searchsorted(attrs[:, 0], breaks, side="right") - 1
    holding = holding[holding < n - 1]  # not the last token: no sentence follows it
    starts = attrs[:, 3].copy()
    # A sentence starts only after a full stop, mark, colon or semicolon (or a closing quote or
    # bracket after one; white space between does not count): the parser alone ended one inside
    # "..., the International Atomic Energy Agency (IAEA) | Director General Rafael Grossi said."
    # Per token before the last: the last characters of the last two tokens up to it that are not
    # white space (as arrays: a loop over Token objects cost ~7 µs a token).
    ends = attrs[:-1, 0] + attrs[:-1, 1] - 1
    last_char = numpy.array([text[e] if e >= 0 else "" for e in ends.tolist()], dtype="<U1")
    word = attrs[:-1, 2] == 0
    at = numpy.arange(n - 1)
    last = numpy.maximum.accumulate(numpy.where(word, at, -1))  # the last word up to each token
    words = numpy.flatnonzero(word)
    before = numpy.full(n - 1, -1)
    before[words[1:]] = words[:-1]  # the word before each word
    last2 = numpy.where(last >= 0, before[numpy.maximum(last, 0)], -1)
    prev = numpy.where(last >= 0, last_char[numpy.maximum(last, 0)], "")
    prev2 = numpy.where(last2 >= 0, last_char[numpy.maximum(last2, 0)], "")
    ending = numpy.isin(prev, END_CHARS)
    inside = ~(ending | (numpy.isin(prev, CLOSE_CHARS) & numpy.isin(prev2, END_CHARS)))
    starts[1:][inside] = -1
    if len(holding):
        starts[holding + 1] = 1
    doc.from_array([SENT_START], starts.astype(numpy.uint64))  # -1 as the uint64 spaCy stores
    return doc


# What a sentence can end with: its full stop or mark, or a closing quote or bracket after one.
SENTENCE_END_CHARS = frozenset(".!?…:;")
CLOSING_CHARS = frozenset('"”’\')]\'')
END_CHARS, CLOSE_CHARS = sorted(SENTENCE_END_CHARS), sorted(CLOSING_CHARS)


LINE_BREAK = re.compile("\n")


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


# spaCy's tokenizer is quadratic in the length of a run without whitespace that holds prefix
# or suffix characters: 20,000 quote marks took 50 s, 8,700 characters of HTML entity debris
# 17 s. Longer runs are tokenized in pieces of this many characters. No run of the PolNeAR,
# TimeBank, MEANTIME, LGL or TR-News texts is over 100 characters (one is over 50).
MAX_RUN = 100
LONG_RUN = re.compile(r"\S{%d,}" % (MAX_RUN + 1))


class BoundedTokenizer:
    """The model's tokenizer, fed long whitespace-free runs in pieces; the text is unchanged."""

    def __init__(self, tokenizer: Callable[[str], Doc]) -> None:
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        cuts = [i for m in LONG_RUN.finditer(text) for i in range(m.start() + MAX_RUN, m.end(), MAX_RUN)]
        if not cuts:
            return self.tokenizer(text)
        bounds = [0, *cuts, len(text)]
        docs = [self.tokenizer(text[a:b]) for a, b in zip(bounds, bounds[1:])]
        return Doc.from_docs(docs, ensure_whitespace=False)

    def __getattr__(self, name: str) -> object:  # vocab, rules, explain, ... of the wrapped one
        return getattr(self.tokenizer, name)
