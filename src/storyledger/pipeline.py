"""End to end: documents in, claims (and annotations) out, one document or a batch.

`extract_batch` is the pure function the engines run: plain dicts in, plain dicts out, the
spaCy pipeline loaded once per process and never pickled.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from .attribution import Claim, attribute
from .documents import Document
from .nlp import MODEL, load
from .nlp.cache import sent_of
from .semantics.entities import document_names, find_entities
from .semantics.places import find_places
from .semantics.quantities import find_quantities
from .semantics.stance import assess
from .semantics.time import Timex, find_timexes, timex_interval


@dataclass(frozen=True, slots=True)
class Options:
    """Everything a run can be told; built once and passed down."""

    model: str = MODEL
    batch_size: int = 32
    normalise: bool = True  # fill time, quantities, places and entities


def extract(document: Document, options: Options | None = None) -> list[Claim]:
    """The attributed claims of one document."""
    options = options or Options()
    nlp = load(options.model)
    return claims_of(nlp(document.text), document, options)


def extract_many(documents: Iterable[Document], options: Options | None = None) -> Iterator[tuple[Document, list[Claim]]]:
    """Claims of many documents, parsed in batches with `nlp.pipe`."""
    options = options or Options()
    for doc, document in parsed(documents, options):
        yield document, claims_of(doc, document, options)


def parsed(documents: Iterable[Document], options: Options) -> Iterator[tuple[Doc, Document]]:
    """Each document with its parse, streamed through `nlp.pipe` in batches."""
    nlp = load(options.model)
    return nlp.pipe(((d.text, d) for d in documents), batch_size=options.batch_size, as_tuples=True)


def extract_batch(records: list[dict], options: Options | None = None) -> list[dict]:
    """Plain document dicts in, plain claim dicts out (for process pools and Dask)."""
    documents = [Document.from_dict(r) for r in records]
    return [c.to_dict() for _, claims in extract_many(documents, options) for c in claims]


def claims_of(doc: Doc, document: Document, options: Options) -> list[Claim]:
    claims = attribute(doc, document)
    for claim in claims:
        fill_stance(doc, claim)
    if options.normalise:
        normalise(doc, document, claims)
    return claims


def fill_stance(doc: Doc, claim: Claim) -> None:
    content = doc.char_span(claim.span[0], claim.span[1], alignment_mode="expand")
    if content is None:
        return
    cue_negated = False
    if claim.cue_span:
        cue = doc.char_span(claim.cue_span[0], claim.cue_span[1], alignment_mode="expand")
        if cue is not None:
            cue_negated = any(t.dep_ == "neg" or t.lower_ in ("not", "n't", "never") for t in cue) or any(
                c.dep_ == "neg" for c in cue.root.children
            )
    s = assess(content, claim.cue, cue_negated)
    claim.stance, claim.polarity, claim.hedge, claim.evaluation = s.stance, s.polarity, s.hedge, s.evaluation


def normalise(doc: Doc, document: Document, claims: list[Claim]) -> None:
    """Fill each claim's said_on, event_time, quantities, places and entities."""
    if not claims:
        return
    timexes = find_timexes(doc, document.published)
    places = find_places(doc, document.outlet)
    names = document_names(doc)
    for claim in claims:
        s, e = claim.span
        content = doc.char_span(s, e, alignment_mode="expand")
        if content is None:
            continue
        claim.said_on = said_on(doc, claim, timexes)
        inside = [t for t in timexes if s <= t.start and t.end <= e]
        claim.event_time = next((v for v in map(timex_interval, inside) if v is not None), None)
        claim.quantities = [q.to_dict() for q in find_quantities(content)]
        claim.places = [p.to_dict() for p in places if s <= p.start and p.end <= e]
        claim.entities = [x.to_dict() for x in find_entities(content, names)]


def said_on(doc: Doc, claim: Claim, timexes: list[Timex]) -> str | list[str] | None:
    """The date the claim's own sentence gives for the act of saying ("On October 25, X said"),
    outside the content; null where the text does not say (an "earlier" is no day)."""
    anchor = claim.cue_span or claim.span
    sent = doc.char_span(anchor[0], anchor[1], alignment_mode="expand")
    if sent is None:
        return None
    sent = sent_of(sent)
    s, e = claim.span
    if claim.mode == "continuation":
        prev = sent_of(doc[sent.start - 1]) if sent.start > 0 else None
        sent = prev if prev is not None else sent
    for t in timexes:
        if sent.start_char <= t.start and t.end <= sent.end_char and not (s <= t.start < e):
            value = timex_interval(t)
            if value is not None and t.type in ("DATE", "TIME"):
                return value
    return None
def load_pipeline(options: Options | None = None) -> Language:
    return load((options or Options()).model)


def annotate(document: Document, options: Options | None = None) -> dict:
    """Time expressions, places, quantities and entities of one document (formats.md)."""
    options = options or Options()
    return annotation_of(load(options.model)(document.text), document)


def annotate_many(documents: Iterable[Document], options: Options | None = None) -> Iterator[dict]:
    options = options or Options()
    for doc, document in parsed(documents, options):
        yield annotation_of(doc, document)


def annotation_of(doc: Doc, document: Document) -> dict:
    return {
        "document": document.id,
        "timexes": [t.to_dict() for t in find_timexes(doc, document.published)],
        "places": [p.to_dict() for p in find_places(doc, document.outlet)],
        "quantities": [q.to_dict() for q in find_quantities(doc)],
        "entities": [x.to_dict() for x in find_entities(doc, document_names(doc))],
    }
