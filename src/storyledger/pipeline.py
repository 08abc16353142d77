"""End to end: documents in, claims (and annotations) out, one document or a batch.

`extract_batch` is the pure function the engines run: plain dicts in, plain dicts out, the
spaCy pipeline loaded once per process and never pickled.
"""
from __future__ import annotations

import logging
import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TypeVar

from spacy.language import Language
from spacy.tokens import Doc

from .attribution import Claim, attribute
from .attribution.reported import SPEAKING_PARTICIPLES, encounter_clause
from .documents import Document, ReadError, check_document, record_document
from .limits import Limits, TimeLimit, time_limit
from .nlp import MODEL, free_heap, load, trim_caches
from .nlp.cache import sent_of, sents_of, text_of
from .nlp.names import HONORIFICS, TITLES
from .semantics.entities import document_names, find_entities
from .semantics.frames import COUNTED, country_of_name, frame_of, speaker_country
from .semantics.places import Place, find_places
from .semantics.quantities import find_quantities
from .semantics.stance import assess, negated_cue, neither_nor
from .semantics.time import Timex, find_timexes, timex_interval


@dataclass(frozen=True, slots=True)
class Options:
    """Everything a run can be told; built once and passed down."""

    model: str = MODEL
    batch_size: int = 32
    normalise: bool = True  # fill time, quantities, places and entities
    limits: Limits = field(default_factory=Limits)  # per-document size and time


log = logging.getLogger("storyledger")
T = TypeVar("T")

# A batch handed to `nlp.pipe` closes at `batch_size` documents or this many characters. The
# model's tok2vec runs over a whole batch at once and holds its layers' activations, about 3 kB
# per character of the batch while it runs (PolNeAR train: a batch of 191,287 characters took
# the process from 260 MB to 812 MB, bench/memory_real.py): at 50,000 characters a batch costs
# ~150 MB more than the loaded model, whatever the corpus. (At the 500,000 it was, up to ~1.5 GB.)
BATCH_CHARS = 50_000


class DocumentError(Exception):
    """`extract` or `annotate` of one document that was refused; `.error` says which and why."""

    def __init__(self, error: ReadError) -> None:
        super().__init__(str(error))
        self.error = error


def extract(document: Document, options: Options | None = None) -> list[Claim]:
    """The attributed claims of one document; raises `DocumentError` for one over a limit."""
    failures: list[ReadError] = []
    for _, claims in extract_many([document], options, failures):
        return claims
    raise DocumentError(failures[0])


def extract_many(documents: Iterable[Document], options: Options | None = None,
                 failures: list[ReadError] | None = None) -> Iterator[tuple[Document, list[Claim]]]:
    """Claims of many documents, parsed in batches with `nlp.pipe`.

    A document that is empty, over `options.limits`, in a language not read (`documents.language`)
    or fails inside is not yielded: it is
    appended to `failures` with one sentence of why (or logged, without a list), and the
    others go on.
    """
    options = options or Options()
    for doc, document in parsed(documents, options, failures):
        claims = guarded(lambda: claims_of(doc, document, options), document, options, failures)
        if claims is not None:
            yield document, claims


def guarded(work: Callable[[], T], document: Document, options: Options, failures: list[ReadError] | None) -> T | None:
    """`work()` under the document's time limit; a time-out or an internal error is a failure."""
    timeout = options.limits.timeout
    try:
        with time_limit(timeout):
            return work()
    except TimeLimit:
        fail(failures, document.id, f"processing took over the time limit of {timeout:g} s.")
    except RecursionError:
        fail(failures, document.id, "processing failed: the document is nested too deeply.")
    except Exception as e:  # a bug must cost one document, not the run
        log.exception("internal error on %s", document.id)
        fail(failures, document.id, f"processing failed with an internal error ({type(e).__name__}: {str(e)[:200]}).")
    return None


def fail(failures: list[ReadError] | None, name: str, reason: str) -> None:
    if failures is None:
        log.warning("skipped %s: %s", name, reason)
    else:
        failures.append(ReadError(name, reason))


def parsed(documents: Iterable[Document], options: Options, failures: list[ReadError] | None = None) -> Iterator[tuple[Doc, Document]]:
    """Each document with its parse, streamed through `nlp.pipe` in batches.

    A batch's Docs are valid until the next batch is asked for (`nlp.memory_zone`). Documents
    that fail `check_document` are failures. A batch that runs over the time limit
    is parsed again one document at a time, each under the limit, so that only the slow
    document is lost.
    """
    nlp = None  # loaded with the first batch: a run with nothing new to parse (watch) loads nothing
    for batch in batches(documents, options, failures):
        if nlp is None:
            nlp = load(options.model)
            nlp.max_length = max(nlp.max_length, options.limits.max_chars + 1)  # our limit, not spaCy's
        trim_caches(nlp)
        # The words first seen in this batch are dropped from spaCy's vocabulary after it (its Docs
        # are used up by then): otherwise the vocabulary, and memory, grow with the corpus.
        with nlp.memory_zone():
            docs = guarded(lambda: list(nlp.pipe([d.text for d in batch], batch_size=len(batch))), batch[0], options, [])
            if docs is not None:
                yield from zip(docs, batch)
                release(docs)
            else:
                for document in batch:
                    doc = guarded(lambda: nlp(document.text), document, options, failures)
                    if doc is not None:
                        yield doc, document
                        release([doc])
        free_heap()


def release(docs: list[Doc]) -> None:
    """Empty the used-up Docs' `user_data`, so that they are freed as soon as they are dropped.

    The per-Doc caches (`nlp.cache`) keep Spans, and a Span refers to its Doc: each Doc is then
    in a reference cycle that only Python's full collection frees, and on a long run that comes
    rarely (none at all in 400 PolNeAR documents): the Docs, with their arrays, piled up.
    """
    for doc in docs:
        doc.user_data.clear()


def batches(documents: Iterable[Document], options: Options, failures: list[ReadError] | None) -> Iterator[list[Document]]:
    batch: list[Document] = []
    chars = 0
    for d in documents:
        checked = check_document(d, options.limits)
        if isinstance(checked, ReadError):
            fail(failures, checked.name, checked.reason)
            continue
        if batch and (len(batch) >= options.batch_size or chars + len(d.text) > BATCH_CHARS):
            yield batch
            batch, chars = [], 0
        batch.append(d)
        chars += len(d.text)
    if batch:
        yield batch


def extract_batch(records: list[dict], options: Options | None = None, failures: list[ReadError] | None = None) -> list[dict]:
    """Plain document dicts in, plain claim dicts out (for process pools and Dask)."""
    documents = []
    for n, r in enumerate(records):
        for item in record_document(r, f"record {n}", (options or Options()).limits):
            if isinstance(item, ReadError):
                fail(failures, item.name, item.reason)
            else:
                documents.append(item)
    return [c.record() for _, claims in extract_many(documents, options, failures) for c in claims]


def claims_of(doc: Doc, document: Document, options: Options) -> list[Claim]:
    claims = attribute(doc, document)
    for claim in claims:
        fill_stance(doc, claim)
        claim.sentence = sentence_text(doc, claim)
    if options.normalise:
        normalise(doc, document, claims)
    return claims


# A cue this many sentences or more away from its content ("This was stated by X" after a
# paragraph) is left out of the claim's `sentence`: it would drag in the sentences between.
SENTENCE_REACH = 2


def sentence_text(doc: Doc, claim: Claim) -> str:
    """The sentence or sentences holding the claim: its content's and, when near, its cue's."""
    s, e = claim.span
    first = doc.char_span(s, e, alignment_mode="expand")
    if first is None:
        return claim.content
    a, b = sent_of(first), sent_of(doc[first.end - 1])
    if claim.cue_span:
        cue = doc.char_span(claim.cue_span[0], claim.cue_span[1], alignment_mode="expand")
        if cue is not None:
            c = sent_of(cue)
            sents = sents_of(doc)
            starts = doc.user_data["storyledger_sent_starts"]
            ia, ib, ic = (bisect_right(starts, x.start) - 1 for x in (a, b, c))
            if ic < ia and ia - ic < SENTENCE_REACH:
                a = sents[ic]
            elif ic > ib and ic - ib < SENTENCE_REACH:
                b = sents[ic]
    return text_of(doc)[a.start_char:b.end_char].strip()


def fill_stance(doc: Doc, claim: Claim) -> None:
    content = doc.char_span(claim.span[0], claim.span[1], alignment_mode="expand")
    if content is None:
        return
    cue_negated, cue_lemma = False, claim.cue
    if claim.cue_span:
        cue = doc.char_span(claim.cue_span[0], claim.cue_span[1], alignment_mode="expand")
        if cue is not None:
            cue_negated = negated_cue(cue)
            if neither_nor(cue.root):
                cue_lemma, cue_negated = "confirm", True  # "has neither confirmed nor denied": not confirmed
    s = assess(content, cue_lemma, cue_negated)
    claim.stance, claim.polarity, claim.hedge, claim.evaluation = s.stance, s.polarity, s.hedge, s.evaluation
    if claim.rebuts_denial:
        claim.stance = "asserted"  # rejecting a denial holds what was denied


def normalise(doc: Doc, document: Document, claims: list[Claim]) -> None:
    """Fill each claim's said_on, event_time, quantities, places and entities."""
    if not claims:
        return
    timexes = find_timexes(doc, document.published)
    places = find_places(doc, document.outlet)
    names = document_names(doc)
    statements = statement_spans(claims)
    place_countries = countries_of_places(doc, places)
    for claim in claims:
        s, e = claim.span
        content = doc.char_span(s, e, alignment_mode="expand")
        if content is None:
            continue
        claim.said_on = said_on(doc, claim, timexes, statements.get(tuple(claim.cue_span or ())))
        inside = [t for t in timexes if s <= t.start and t.end <= e]
        claim.event_time = next((v for v in map(timex_interval, inside) if v is not None), None)
        # `content` may reach past the claim to a token's end (a span ending inside "V(1“”It")
        within = lambda found: [x for x in (f.to_dict() for f in found) if s <= x["span"][0] <= x["span"][1] <= e]  # noqa: E731
        claim.quantities = within(find_quantities(content))
        claim.places = [p.to_dict() for p in places if s <= p.start and p.end <= e]
        claim.entities = within(find_entities(content, names))
        source = claim.source
        claim.frame = frame_of(content, speaker_country(source.name, source.kind, [source.role] if source.role else []),
                               place_countries)
        if claim.frame and claim.stance == "denied" and (claim.frame[2] or "").endswith(COUNTED):
            # "rejected remarks that 155 Chinese citizens were fighting": a denial of the act, not
            # of its count (a count is disputed by another figure)
            claim.frame = (*claim.frame[:2], claim.frame[2].removesuffix(COUNTED), *claim.frame[3:])
    carry_said_on(doc, claims, timexes)
    published = (document.published or "")[:10]
    if published and saying_now(doc, claims, published):
        carry_said_on(doc, claims, timexes)  # what the speaker said next, that day too
    for claim in claims:
        claim.said_on = not_after(claim.said_on, published)


PRESENT_SAYING = 1


def saying_now(doc: Doc, claims: list[Claim], published: str) -> bool:
    """An undated claim whose cue is in the present tense ("Rishi Sunak says the UK has judged
    ...", "the ministry says 16 people are dead") is said as the article comes out: its day is the
    article's (`said_on` stays null for "said" with no day: it may be any day before). Not when
    its sentence puts the saying before ("has long said", "earlier"), nor when the article dates
    another claim of the same speaker (the present may sum up that statement: "Mayor X says the
    harbour is safe ... 'It is safe,' X said on Friday"). True when a claim got a day."""
    if not PRESENT_SAYING:
        return False
    dated = {k for c in claims if c.said_on is not None for k in speaker_keys(c)}
    text = text_of(doc)
    changed = False
    for claim in claims:
        if claim.said_on is not None or not claim.cue_span or dated & set(speaker_keys(claim)):
            continue
        cue = doc.char_span(claim.cue_span[0], claim.cue_span[1], alignment_mode="expand")
        if cue is None:
            continue
        verb = cue.root  # "has long said": the participle, with its auxiliary
        if verb.tag_ not in ("VBZ", "VBP") or any(c.dep_ in ("aux", "auxpass") for c in verb.children):
            continue
        sent = sent_of(cue)
        if EARLIER_WORDS.search(text[sent.start_char:sent.end_char]):
            continue
        claim.said_on = published
        changed = True
    return changed


def not_after(said: str | list[str] | None, published: str) -> str | list[str] | None:
    """A span of days for the saying ends by the day the article came out: what it reports was
    said by then ("earlier this week", in an article of Thursday, is Monday to Thursday)."""
    if not published or not isinstance(said, list) or len(said) != 2 or not said[1] or said[1][:10] <= published:
        return said
    return said if said[0] and said[0][:10] > published else [said[0], published]


def countries_of_places(doc: Doc, places: list[Place]) -> dict[int, str]:
    """The country code of each place below a country the text names, by the offset of each of
    its tokens ("Kursk region" -> RU), as `semantics.frames.frame_of` reads destinations."""
    out: dict[int, str] = {}
    for p in places:
        if p.kind == "country" or not p.country:
            continue
        cc = country_of_name(p.country)
        span = doc.char_span(p.start, p.end, alignment_mode="expand")
        if cc and span is not None:
            out.update((t.idx, cc) for t in span)
    return out


def statement_spans(claims: list[Claim]) -> dict[tuple, tuple[int, int]]:
    """The whole of what was said at each cue: the claims of one cue ("A" and "and that B") are
    one statement, and a time in one part is no day of saying for the other."""
    spans: dict[tuple, tuple[int, int]] = {}
    for c in claims:
        if c.cue_span:
            k = tuple(c.cue_span)
            s, e = spans.get(k, c.span)
            spans[k] = (min(s, c.span[0]), max(e, c.span[1]))
    return spans


def said_on(doc: Doc, claim: Claim, timexes: list[Timex], statement: tuple[int, int] | None = None) -> str | list[str] | None:
    """The date the claim's own sentence gives for the act of saying ("On October 25, X said",
    "X said Thursday", "Speaking at a Thursday briefing, X said"), outside the content; null where
    the text does not say (an "earlier" is no day). A time in a clause of its own ("Although the
    noise was heard on Tuesday, X said", "X, who visited on Monday, said") or in a dateline
    ("KYIV, Oct 28 (Reuters) -") is not the day of saying."""
    found = said_timex(doc, claim, timexes, statement)
    return None if found is None else timex_interval(found)


def said_timex(doc: Doc, claim: Claim, timexes: list[Timex], statement: tuple[int, int] | None = None) -> Timex | None:
    """The time expression of the claim's sentence that dates its saying, or None; `statement`
    the span of all its cue's claims, when the claim is one part of them."""
    anchor = claim.cue_span or claim.span
    sent = doc.char_span(anchor[0], anchor[1], alignment_mode="expand")
    if sent is None:
        return None
    cue = sent.root if claim.cue_span else None
    sent = sent_of(sent)
    s, e = statement or claim.span
    if claim.mode == "continuation":
        prev = sent_of(doc[sent.start - 1]) if sent.start > 0 else None
        sent = prev if prev is not None else sent
        cue = None
    other = as_of = None
    for t in timexes:
        if not (sent.start_char <= t.start and t.end <= sent.end_char) or t.type in ("DURATION", "SET"):
            continue  # "96 hours of oxygen", "every day": an amount of time dates nothing
        if s <= t.start < e:
            if cue is not None and on_cue(doc, t, cue):
                return t  # "accused the troops on Tuesday of ...": the content is the cue's object
            if claim.cue in LABEL_CUES and t.end >= e - 2 and DAY_VALUE.match(t.value) \
                    and AS_LABEL.search(text_of(doc)[max(s, t.start - 60):t.start]):
                return t  # "rejected the claims as baseless on Wednesday", however the parser hangs the day
            if as_of is None and AS_OF.search(text_of(doc)[max(s, t.start - 12):t.start]) and DAY_VALUE.match(t.value) \
                    and NAMED_DAY.search(t.text) and not past_statement(doc, s, e):
                as_of = t  # "41 are missing as of Monday": a figure given as it stood that day, that day
            continue
        if claim.source.span and claim.source.span[0] <= t.start < claim.source.span[1] and not DAY_VALUE.match(t.value):
            continue  # "the Titanic (1997) director", "a 2019 report": a name's year, not the saying's
        if dateline(doc, t, sent):
            continue
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        where = "other" if span is None else clause_of(span.root, cue, claim.span)
        if where == "blocked":
            continue
        if where == "cue":
            return t
        if other is None:
            other = t
    return other or as_of


DAY_VALUE = re.compile(r"^\d{4}-\d{2}-\d{2}")
# Cues that take an "as" label ("rejected the claims as baseless", "described them as fake"), and
# the label just before a day that closes the content: the day is the cue's.
LABEL_CUES = frozenset("reject dismiss deny refute dispute describe brand label characterise characterize "
                       "denounce condemn decry slam call".split())
AS_LABEL = re.compile(r"\bas\s+(?:[\w'’-]+\s+){1,4}(?:on\s+)?$", re.I)


def past_statement(doc: Doc, start: int, end: int) -> bool:
    """A content told in the simple past ("the toll stood at 20 as of June 3"): a figure of then,
    which may have been given any day after."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and span.root.tag_ == "VBD"


AS_OF = re.compile(r"\bas\s+of\s+$", re.I)
# A day named by its name or date ("Monday", "June 12"), not by "this morning", which a quote
# dates from a day of its own
NAMED_DAY = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d"
                       r"|\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\d{4}-\d{2}-\d{2}", re.I)

# Clauses of their own: a time in one of them dates that clause's event, not the saying ("a pact
# signed in June", "Although noises were heard on Tuesday, he said ...").
OWN_CLAUSES = {"relcl", "acl", "ccomp", "csubj", "advcl", "pcomp", "parataxis"}
PUBLISH_VERBS = frozenset("publish release issue post unveil present submit hold give broadcast air deliver make".split())
DATELINE = re.compile(r"^\W*[A-Z][\w.'’ -]{1,40},\s*$")
HEADER_DATE = re.compile(r"^\s?date\s+$")
AFTER_DATELINE = re.compile(r"^\s*(?:\([^)]{1,40}\)\s*)?[-–—:]")


def dateline(doc: Doc, t: Timex, sent) -> bool:
    """"KYIV, Oct 28 (Reuters) - ...", or the seed form's first line " date 2024-10-28 headline":
    the time is the dateline's."""
    text = text_of(doc)
    if HEADER_DATE.match(text[:t.start]):
        return True
    return bool(DATELINE.match(text[sent.start_char:t.start]) and AFTER_DATELINE.match(text[t.end:t.end + 60]))


def clause_of(tok, cue, content: tuple[int, int]) -> str:
    """"cue" when the time attaches to the cue's clause, "blocked" when it sits in a clause of its
    own (a finite subordinate clause, a relative or participle clause on a noun), else "other"
    (also when it hangs on the content's own verb from outside the content: "predicting X at a
    briefing on Monday" is read as the saying's time)."""
    t = tok
    for _ in range(64):
        if cue is not None and t.i == cue.i:
            return "cue"
        if cue is not None and t.i == cue.head.i != cue.i and cue.dep_ == "advcl" and cue.tag_ == "VBG" \
                and t.lemma_.lower() in PUBLISH_VERBS:
            return "cue"  # "published a note Monday responding to X": the note's day is the response's
        if content[0] <= t.idx < content[1]:
            return "other"
        if t.dep_ in ("acl", "relcl") and t.lemma_.lower() in PUBLISH_VERBS and cue is not None and t.head.head.i == cue.i \
                and t.head.dep_ in ("nsubj", "nsubjpass"):
            return "cue"  # "The report, published on Thursday, says ...": the report says it that day
        if t.dep_ == "acl" and t.lemma_.lower() in PUBLISH_VERBS and cue is not None and t.head.dep_ == "pobj" \
                and t.head.head.dep_ == "prep" and t.head.head.head.i == cue.i:
            return "cue"  # "said in a statement published on Tuesday", "In a post made on Monday, X said"
        if t.dep_ == "advcl" and t.tag_ == "VBG" and t.lemma_.lower() in SPEAKING_PARTICIPLES \
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
            return "cue"  # "X said Y, speaking to reporters on Tuesday"
        if encounter_clause(t) and cue is not None:
            return "cue"  # "told X that Y when they met Wednesday morning": the meeting's day is the saying's
        if t.dep_ in OWN_CLAUSES:
            own_subject = any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in t.children)
            # a participle adjunct of the cue ("Speaking at a Thursday briefing, X said") is the
            # saying's own circumstance; a finite clause or a clause on a noun is not
            if t.dep_ in ("relcl", "acl") or own_subject or cue is None or t.head.i != cue.i:
                return "blocked"
        if t.head.i == t.i:
            return "other"
        t = t.head
    return "other"


def on_cue(doc: Doc, t: Timex, cue) -> bool:
    """A time hung on the cue itself ("accused X on Tuesday of Y", "told X on Monday that"),
    though it stands inside the content the parser gave the cue's object."""
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    if span is None:
        return False
    text = text_of(doc)
    if 0 < t.start - cue.idx - len(cue.text) <= 2 and text[t.end:t.end + 1] == "," and DAY_VALUE.match(t.value):
        return True  # "said Monday, October 10, Russia had used ...": the day set off right after the cue
    root = span.root
    if root.head.i == cue.i and root.dep_ in ("npadvmod", "tmod"):
        return True
    return root.dep_ == "pobj" and root.head.dep_ == "prep" and root.head.head.i == cue.i


# A later claim of a speaker whose day of saying the article named before ("said on Tuesday",
# then "he added", "she also said") was said that day, unless its own sentence dates it, puts it
# before ("had said", "earlier", "previously"), or gives a time that is no day.
EARLIER_WORDS = re.compile(r"\b(?:earlier|previously|before|once|last|ago|former(?:ly)?|had\s+(?:said|told|stated|written))\b", re.I)


PRONOUNS = frozenset("he she they it we i you him her them who this that".split())


# Names of two or three capitalised words in a mention ("Wang Guangjun and Zhang Renbo").
PERSON_NAMES = re.compile(r"\b[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,2}\b")


def speaker_keys(claim: Claim) -> list[str]:
    """The words that name a claim's speaker in this article: the last word of its name and of
    its mention ("Joe Biden" and "Biden"; "a senior French military official" and "the official")."""
    keys = []
    for words in (claim.source.name, claim.source.mention or ""):
        words = words.lower()
        if claim.source.kind == "person":
            words = words.split(" of ")[0]  # "Captain Jamie Frederick of the Coast Guard": Frederick, not Guard
        w = [x.strip(KEY_PUNCT) for x in words.split()]
        if w and w[-1] and w[-1] not in PRONOUNS:
            keys.append(w[-1])
    if claim.source.kind != "person":
        # a body's initials wherever they stand: "the French Directorate of Military Intelligence
        # (DRM)", then "the DRM military agency"
        for x in f"{claim.source.name} {claim.source.mention or ''}".split():
            x = x.strip(KEY_PUNCT)
            if ACRONYM.fullmatch(x) and x.lower() not in keys and country_of_name(x) is None:  # "US officials": not a body
                keys.append(x.lower())
    mention = claim.source.mention or ""
    if claim.source.kind == "person" and " and " in mention:
        # each person of "Wang Guangjun and Zhang Renbo", by either end of the name: a name whose
        # family name comes first is later cut to its first word ("Wang said")
        for name in PERSON_NAMES.findall(mention):
            w = [x for x in name.lower().split() if x not in TITLES and x not in HONORIFICS]
            if len(w) == 2:
                keys += w
    if claim.source.kind != "person" and (initials := acronym(claim.source.name)):
        keys.append(initials)  # "the Transportation Safety Board", then "the TSB"
    return keys


KEY_PUNCT = "()[]{},.;:\"'“”‘’"
ACRONYM = re.compile(r"[A-Z]{2,6}")


def acronym(name: str) -> str | None:
    """The initials of a body's capitalised name ("Transportation Safety Board": "tsb"), or None."""
    words = [w for w in re.findall(r"[\w'’-]+", name) if w.lower() not in NAME_FILLERS]
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return None
    return "".join(w[0] for w in words).lower()


NAME_FILLERS = frozenset("the of and for on in at".split())


def name_words(name: str) -> frozenset[str]:
    """The words of a source's name, without its fillers ("of", "the")."""
    return frozenset(w for w in re.findall(r"[\w'’-]+", name.lower()) if w not in NAME_FILLERS)


# The occasion a claim was said at ("during a Wednesday press conference", "at the briefing"):
# said at "the" one named before, it was said on that one's day.
OCCASIONS = re.compile(r"\b(?P<noun>(?:news|press)\s+conference|conference|briefing|speech|interview|hearing|address)\b", re.I)
DEFINITE_BEFORE = re.compile(r"\b(?:the|that|this)\s+(?:[\w-]+\s+){0,2}$", re.I)
INDEFINITE_BEFORE = re.compile(r"\b(?:an?|his|her|their|its)\s+(?:[\w-]+\s+){0,2}$", re.I)


def occasions(outside: str) -> list[tuple[str, bool]]:
    """The occasions of speaking named outside a claim's content: (noun, named with "the")."""
    out = []
    for m in OCCASIONS.finditer(outside):
        before = outside[max(0, m.start() - 40):m.start()]
        d, i = DEFINITE_BEFORE.search(before), INDEFINITE_BEFORE.search(before)
        out.append((m["noun"].lower().split()[-1], d is not None and (i is None or d.start() > i.start())))
    return out


# "X made the remarks during a lecture on Tuesday": the day of what X said in the article.
REMARKS_MADE = re.compile(r"\b(?:made|gave|delivered|offered)\s+(?:the|this|that|these|those|his|her|their|its)\s+(?:[\w-]+\s+)?"
                          r"(?:remarks?|comments?|statements?|speech|announcement)\b", re.I)
SUBJECT_PRONOUNS = re.compile(r"^\W*(?:he|she|they)\s+(?:\w+\s+)?$", re.I)
# "This assessment was updated shortly after 6 pm on Tuesday": the claim just before, that day.
REMARKS_DATED = re.compile(r"\W*(?:this|that|the)\s+(?:latest\s+|new\s+|updated\s+)?(?:assessment|estimate|statement|"
                           r"remarks?|comments?|figure|announcement|update)\s+(?:was|were|came)\b", re.I)


REMARKS_REACH = 3  # sentences before and after a "made the remarks" sentence that it dates


def remark_days(doc: Doc, claims: list[Claim], timexes: list[Timex]) -> dict[tuple[str, int], str | list[str]]:
    """(speaker key, sentence number) -> the day a sentence of its own near it says the speaker
    made their remarks ("Abu Sitta made the remarks during a lecture in Doha on Tuesday"; "He
    gave the comments on Monday": the speaker of the claim before), for the claims' sentences
    up to `REMARKS_REACH` away."""
    text = text_of(doc)
    found: dict[tuple[str, int], str | list[str]] = {}
    ordered = sorted(claims, key=lambda c: c.span[0])
    for n, sent in enumerate(sents_of(doc)):
        m = REMARKS_MADE.search(text, sent.start_char, sent.end_char) or REMARKS_DATED.match(text, sent.start_char, sent.end_char)
        if m is None or any(c.mode != "continuation" and c.cue_span and sent.start_char <= c.cue_span[0] < sent.end_char
                            for c in claims):
            continue  # a sentence with a claim of its own dates that claim
        day = next((timex_interval(t) for t in timexes if m.end() <= t.start and t.end <= sent.end_char
                    and t.type in ("DATE", "TIME") and DAY_VALUE.match(t.value)), None)
        if day is None:
            continue
        before = text[sent.start_char:m.start()]
        words = set(re.findall(r"[\w'’-]+", before.lower()))
        if SUBJECT_PRONOUNS.match(before) or m.re is REMARKS_DATED:
            prior = [c for c in ordered if c.span[0] < sent.start_char]
            keys = speaker_keys(prior[-1]) if prior else []
        else:
            keys = [k for c in ordered for k in speaker_keys(c) if k in words]
        for k in keys:
            for near in range(n - REMARKS_REACH, n + REMARKS_REACH + 1):
                found.setdefault((k, near), day)
    return found


def carry_said_on(doc: Doc, claims: list[Claim], timexes: list[Timex]) -> None:
    """Give undated claims the day of the same speaker's last dated claim before them, or of the
    occasion they were said at when a dated claim named it before ("said during a Wednesday press
    conference", then "told reporters at the press conference"). A body named two ways ("the
    Department of National Defence", then "the Defence Department") is one speaker: the words of
    one name are all in the other's."""
    last: dict[str, str | list[str]] = {}
    bodies: list[tuple[frozenset[str], str | list[str]]] = []
    held: dict[str, str | list[str]] = {}  # occasion noun -> the day a dated claim was said at one
    group_day: str | list[str] | None = None  # the day of the last dated claim of a group or body
    remarks = remark_days(doc, claims, timexes)
    sent_starts = [x.start_char for x in sents_of(doc)]
    text = text_of(doc)
    contents = [tuple(c.span) for c in claims]
    for claim in sorted(claims, key=lambda c: c.span[0]):
        keys = speaker_keys(claim)
        words = name_words(claim.source.name)
        anchor = claim.cue_span or claim.span
        span = doc.char_span(anchor[0], anchor[1], alignment_mode="expand")
        sent = sent_of(span) if span is not None else None
        outside = "" if sent is None else text[sent.start_char:claim.span[0]] + " " + text[claim.span[1]:sent.end_char]
        if claim.said_on is not None:
            if claim.source.kind != "person":
                group_day = claim.said_on
            for k in keys:
                last[k] = claim.said_on
            if len(words) > 1:
                bodies.append((words, claim.said_on))
            for noun, _ in occasions(outside):
                held[noun] = claim.said_on
            continue
        day = next((last[k] for k in keys if k in last), None)
        if day is None and len(words) > 1:
            day = next((d for w, d in reversed(bodies) if words <= w or w <= words), None)
        if day is None:
            day = next((held[noun] for noun, definite in occasions(outside) if definite and noun in held), None)
        if day is None and remarks and sent is not None:
            n = bisect_right(sent_starts, sent.start_char) - 1
            day = next((remarks[k, n] for k in keys if (k, n) in remarks), None)
        if day is None and MEMBER.match(claim.source.mention or ""):
            day = group_day  # "said one of the men, Zhang Renbo": one of those who spoke that day
        if day is None or sent is None or claim.source.name.lower() in ("unnamed reports", "unnamed"):
            continue
        if EARLIER_WORDS.search(outside):
            continue
        # its sentence names a time that is no day ("recently"): not the same day; a time inside
        # what is said, this claim's or another's ("Today I am releasing"), is no time of the saying
        if any(sent.start_char <= t.start and t.end <= sent.end_char and not any(a <= t.start < b for a, b in contents)
               for t in timexes):
            continue
        claim.said_on = day
    carry_back_said_on(doc, claims)


# A speaker named as one of a group ("one of the men, Zhang Renbo", "the other, Wang Guangjun",
# "another of the survivors"): said when the group last spoke.
MEMBER = re.compile(r"\W*(?:(?:one|two|three|another|each|both)\s+of\s+(?:the|them|these|those)\b|the\s+other\b(?:\s*,|\s+of\b))", re.I)


LEAD_SENTENCES = 2  # a headline and its lead
NEXT_SENTENCES = 2  # how far on a named speaker's dated quote dates the report of it just before


def carry_back_said_on(doc: Doc, claims: list[Claim]) -> None:
    """A claim with no day takes the day of the same named speaker's next claim dated to one
    day when it sums up that statement: a claim of the lead with a present-tense cue ("Trudeau
    says Canada is working with allies"), or a report the next sentences quote with its day
    ("Watson said the assessment was based on ... . '...,' Watson said in a statement on
    Wednesday"), unless its own sentence puts it before ("had said", "earlier")."""
    sents = sents_of(doc)
    if not sents:
        return
    starts = [s.start_char for s in sents]
    lead_end = sents[min(LEAD_SENTENCES, len(sents)) - 1].end_char
    text = text_of(doc)
    ordered = sorted(claims, key=lambda c: c.span[0])
    for i, claim in enumerate(ordered):
        if claim.said_on is not None or not claim.cue_span \
                or claim.source.kind == "unnamed" or claim.source.name.lower() in ("unnamed reports", "unnamed"):
            continue
        cue = doc.char_span(claim.cue_span[0], claim.cue_span[1], alignment_mode="expand")
        if cue is None:
            continue
        in_lead = claim.cue_span[0] < lead_end and cue.root.tag_ in ("VBZ", "VBP")
        here = bisect_right(starts, claim.cue_span[0]) - 1
        sent = sents[here]
        if not in_lead and EARLIER_WORDS.search(text[sent.start_char:sent.end_char]):
            continue
        # a lead looks as far as the statement it sums up; any other claim only at the next sentences
        reach = len(sents) if in_lead else here + NEXT_SENTENCES
        keys = set(speaker_keys(claim))
        later = None
        for c in ordered[i + 1:]:
            if bisect_right(starts, (c.cue_span or c.span)[0]) - 1 > reach:
                break
            if c.said_on is not None and keys & set(speaker_keys(c)):
                later = c
                break
        if later is not None and isinstance(later.said_on, str):
            claim.said_on = later.said_on


def load_pipeline(options: Options | None = None) -> Language:
    return load((options or Options()).model)


def annotate(document: Document, options: Options | None = None) -> dict:
    """Time expressions, places, quantities and entities of one document (formats.md);
    raises `DocumentError` for one over a limit."""
    failures: list[ReadError] = []
    for record in annotate_many([document], options, failures):
        return record
    raise DocumentError(failures[0])


def annotate_many(documents: Iterable[Document], options: Options | None = None,
                  failures: list[ReadError] | None = None) -> Iterator[dict]:
    """Annotations of many documents; failures as in `extract_many`."""
    options = options or Options()
    for doc, document in parsed(documents, options, failures):
        record = guarded(lambda: annotation_of(doc, document), document, options, failures)
        if record is not None:
            yield record


def annotation_of(doc: Doc, document: Document) -> dict:
    return {
        "document": document.id,
        "timexes": [t.to_dict() for t in find_timexes(doc, document.published)],
        "places": [p.to_dict() for p in find_places(doc, document.outlet)],
        "quantities": [q.to_dict() for q in find_quantities(doc)],
        "entities": [x.to_dict() for x in find_entities(doc, document_names(doc))],
    }
