"""Per-Doc caches: `Doc.text` and `Token.sent` are O(length) in spaCy, so rules that ask for them
often must not pay that each time. The values live in `doc.user_data`, so they die with the Doc."""
from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Span, Token


def text_of(doc: Doc) -> str:
    t = doc.user_data.get("storyledger_text")
    if t is None:
        t = doc.user_data["storyledger_text"] = doc.text
    return t


def sents_of(doc: Doc) -> list[Span]:
    s = doc.user_data.get("storyledger_sents")
    if s is None:
        s = doc.user_data["storyledger_sents"] = list(doc.sents)
        doc.user_data["storyledger_sent_starts"] = [x.start for x in s]
    return s


def sent_of(tok: Token | Span) -> Span:
    """The sentence holding a token (or a span's first token)."""
    doc = tok.doc
    sents = sents_of(doc)
    i = tok.i if isinstance(tok, Token) else tok.start
    return sents[bisect_right(doc.user_data["storyledger_sent_starts"], i) - 1]
