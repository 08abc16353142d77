"""Per-Doc caches: `Doc.text`, `Token.sent`, `Doc.ents` and `Span.ents` are O(length) in spaCy,
so rules that ask for them often must not pay that each time. The values live in `doc.user_data`,
so they die with the Doc. They are for a finished parse: a component that sets `doc.ents` must not
read them."""
from __future__ import annotations

from bisect import bisect_left, bisect_right

import numpy
from spacy.attrs import HEAD
from spacy.tokens import Doc, Span, Token


def text_of(doc: Doc) -> str:
    t = doc.user_data.get("storyledger_text")
    if t is None:
        t = doc.user_data["storyledger_text"] = doc.text
    return t


def heads_of(doc: Doc) -> numpy.ndarray:
    """Each token's head index (`Token.head.i`), as one array."""
    h = doc.user_data.get("storyledger_heads")
    if h is None:
        rel = doc.to_array([HEAD]).astype(numpy.int64)  # offsets to the head, stored as uint64
        h = doc.user_data["storyledger_heads"] = numpy.arange(len(doc)) + rel
    return h


def sents_of(doc: Doc) -> list[Span]:
    s = doc.user_data.get("storyledger_sents")
    if s is None:
        s = doc.user_data["storyledger_sents"] = list(doc.sents)
        doc.user_data["storyledger_sent_starts"] = [x.start for x in s]
    return s


def sent_char_starts(doc: Doc) -> list[int]:
    """The character offset of each sentence's start, in order (for bisection)."""
    c = doc.user_data.get("storyledger_sent_chars")
    if c is None:
        c = doc.user_data["storyledger_sent_chars"] = [x.start_char for x in sents_of(doc)]
    return c


def sent_of(tok: Token | Span) -> Span:
    """The sentence holding a token (or a span's first token)."""
    doc = tok.doc
    sents = sents_of(doc)
    i = tok.i if isinstance(tok, Token) else tok.start
    return sents[bisect_right(doc.user_data["storyledger_sent_starts"], i) - 1]


def ents_of(doc: Doc) -> tuple[Span, ...]:
    """`doc.ents`, computed once."""
    e = doc.user_data.get("storyledger_ents")
    if e is None:
        e = doc.user_data["storyledger_ents"] = tuple(doc.ents)
        doc.user_data["storyledger_ent_starts"] = [x.start for x in e]
    return e


def ents_in(span: Doc | Span) -> list[Span]:
    """`span.ents`: the entities wholly inside the span, found by bisection."""
    if isinstance(span, Doc):
        return list(ents_of(span))
    ents = ents_of(span.doc)
    out = []
    for k in range(bisect_left(span.doc.user_data["storyledger_ent_starts"], span.start), len(ents)):
        if ents[k].end > span.end:
            break
        out.append(ents[k])
    return out
