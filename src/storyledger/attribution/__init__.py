"""Attribution: every attributed claim of one parsed article, with its source resolved.

`attribute(doc, document)` runs the steps in order: direct quotes and their speakers,
reported speech and according-to from the parse, nesting and outlet chains, continuation
sentences, source resolution, and the split of content into one claim per sentence.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import replace
from itertools import accumulate

from spacy.tokens import Doc, Span, Token

from ..documents import Document
from ..nlp.cache import ents_in, ents_of, sent_char_starts, sent_of, sents_of, text_of
from .cues import ANSWERING, ISSUE_VERBS, SPEECH_VERBS, STATEMENT_NOUNS, TEASER_PREFIXES, WEAK_VERBS
from .quotes import MIN_QUOTE_WORDS, Quote, find_quotes
from .records import Claim, Source
from .reported import (
    MADE_BY_VERBS,
    MADE_NOUNS,
    Found,
    agent_of,
    conjunct_subject_of,
    controller,
    controlling_verb,
    cue_lemma,
    cue_tokens,
    lemma_of,
    find_reported,
    noun_span,
    quoted_as,
    relay_name,
    subject_of,
    trim,
)
from .sources import DEMONSTRATIVE, NEWS_AGENCY, Known, SourceResolver, is_media, strip_the

__all__ = ["Claim", "Source", "attribute"]

# Cues of plain speech that PolNeAR annotates again inside another attribution's content;
# cognition and plan verbs ("thinks", "plans") inside a report mostly are not: keeping every
# nested find cost PolNeAR dev 111 false cues for 26 right ones, this list gains cue F1 0.004.
# "tell" left it: of its nested finds PolNeAR train annotated 5 in 19 (dev 0 in 2).
NESTED_CUES = frozenset("say note report add acknowledge write state put lean".split())

# Verbs that open an inverted frame before a colon: Said Ellis: "...".
INVERTED_CUES = frozenset("said says added adds asked asks wrote writes".split())

# Words a framing report's clause keeps before the quote it runs into to stay a claim of its own.
CUT_CLAUSE_WORDS = 3

# Speech verbs whose object is the one spoken to ('"...," she tells reporters'), not what was said.
LISTENER_VERBS = frozenset("tell ask inform brief assure reassure remind warn".split())

# Sources of "according to" that are documents or counts, not people: a "say" they report is theirs.
DOCUMENT_SOURCES = frozenset("poll polls survey surveys polling study report reports analysis count data results tally".split())

# Cues of a finding ("a poll shows most voters say ...", "Poll: 60 percent say ..."): the
# respondents' "say" inside is the finding, not an attribution of its own (PolNeAR train: 0 of
# 14 such nested "say"s annotated).
FINDING_CUES = frozenset("show find :".split())

CONTINUATION_SUBJECTS = {"it", "they", "he", "she", "this"}

SENTENCE_END = re.compile(r"[.?!]")

# A text ends finished when its last mark closes a sentence (quotes and brackets may follow).
FINISHED = re.compile(r"[.?!\u2026]['\"\u201d\u2019)\]]*$")

# A claim in the cut-off last sentence of an excerpt needs this many words to stand: on the
# story sets the fragments were "to re", "the governm", "the U.S. Coast Guard", while the cut
# claims the gold holds had 5 words or more.
CUT_MIN_WORDS = 5


def attribute(doc: Doc, document: Document) -> list[Claim]:
    """All attributed claims of one article, in text order (semantic fields left empty)."""
    teasers = teaser_ranges(text_of(doc)) + heading_ranges(text_of(doc))
    quotes = [q for q in find_quotes(text_of(doc)) if not inside_any(q.start, teasers)]
    found = [f for f in find_reported(doc) if not inside_any(f.cue_span[0], teasers) and not asked_of_you(doc, f)
             and not asked_for_anonymity(doc, f) and not (f.source is not None and f.source[0].lower_ in WH_SOURCES)
             and not reciprocal(doc, f)]
    heads = [h for h in headline_speakers(doc, found) if not inside_any(h.cue_span[0], teasers)]
    # a transcript line opened by a quote mark ("WALLACE: ...) is the speaker's, not a quote's
    labels = [(h.source.start_char - 1, h.cue_span[1]) for h in heads if h.source is not None]
    quotes = [q for q in quotes if not any(a <= q.open_mark < b for a, b in labels)]
    found = attach_quotes(doc, quotes, found) + heads
    found += colon_paragraphs(doc, found, teasers)
    found += statement_paragraphs(doc, found, teasers)
    found = [f for f in found if f.source is None or f.cue_lemma != ":" or f.source.text.lower() not in SOURCE_LABELS]
    found += source_lines(doc, found, teasers)
    found = outlet_chains(doc, found)
    found = citing_relays(doc, found)
    found = briefed_relays(found)
    found = reports_on_claims(found)
    found = echoed_labels(found)
    found = according_to_the_saying(found)
    found = unnest(found)
    deep = too_deep(found)
    found = [f for k, f in enumerate(found) if k not in deep]
    found = trailing_outlets(doc, found)
    found = trailing_quoted(doc, found)
    found = contrasted_reports(doc, found)
    found = [f for f in found if not caption(f)]  # after unnest: what is nested in a caption goes with it
    found = while_clauses(doc, found)
    found = that_conjuncts(doc, found)
    found = split_figures(doc, found)
    found = counted_objects(doc, found)
    found = split_clauses(doc, found)
    found = split_asides(doc, found)
    found = rebuttals(doc, found)
    found = unanswered(doc, found)
    found = resolve_demonstratives(doc, document, found)
    found.sort(key=lambda f: f.content[0])
    found = add_continuations(doc, found, quotes, teasers)
    found = according_to_paragraph(doc, found, quotes, teasers)
    found = [f for f in found if f.shares_cue is None or shares_cue_still(f, found)]
    found = said_in_a_statement(doc, found)
    found = closing_quotes(doc, found)
    return to_claims(doc, document, found)


# "who asked not to be named / identified": a request for anonymity, no claim.
ANONYMITY = re.compile(r"(?:not\s+to\s+be\s+(?:named|identified|quoted)|(?:for\s+)?anonymity)\b", re.I)
# "who spoke on condition of anonymity to discuss classified matters": why they were not named.
ANONYMOUS_PURPOSE = re.compile(r"(?:anonymity|anonymously|without\s+being\s+(?:named|identified))\s+(?:in\s+order\s+)?"
                               r"(?:to|so\s+as\s+to)\s+[a-z]+\s+(?:about\s+|on\s+)?$", re.I)


def asked_for_anonymity(doc: Doc, f: Found) -> bool:
    """"An official, who asked not to be named because ..., said": the asking is no claim, nor is
    "who spoke on condition of anonymity to discuss classified matters"."""
    if f.cue_lemma in ("ask", "request") and ANONYMITY.match(text_of(doc), f.content[0]) is not None:
        return True
    start = f.content[0]
    return ANONYMOUS_PURPOSE.search(text_of(doc)[max(0, start - 80):start]) is not None


# "Moscow and Kyiv blamed each other for the flood": the reporter's summary of a dispute, whose
# two claims are each in their own words elsewhere: no claim of its own. ("Each said the other
# lacks the judgment" states what each holds of the other: PolNeAR annotates it.)
RECIPROCAL = re.compile(r"(?:each\s+other|one\s+another)\b", re.I)


def reciprocal(doc: Doc, f: Found) -> bool:
    return RECIPROCAL.match(text_of(doc), f.content[0]) is not None


# A clause no speaker heads: "the system detected what it suspected was X and reported its
# findings" (the parser gives "reported" the clause "what it suspected" as subject).
WH_SOURCES = frozenset("what whatever".split())


def asked_of_you(doc: Doc, f: Found) -> bool:
    """"Do you think he can win?", "What do you call a boy who ...?": a report whose speaker is
    the reader or the one interviewed, in a question, asks; nobody has said anything yet
    (PolNeAR train: 4 of 18 such annotated)."""
    if f.mode != "indirect" or f.source is None or f.source.text.lower() != "you":
        return False
    end = f.cue_span[1]
    stop = SENTENCE_END.search(text_of(doc), end, max(end, sent_of(f.head).end_char))
    return stop is not None and stop.group() == "?"


# ---------------------------------------------------------------- quotes

def attach_quotes(doc: Doc, quotes: list[Quote], found: list[Found]) -> list[Found]:
    """Give each quote its speaker and cue; reported-speech finds inside quotes give way."""
    direct: list[Found] = []
    used_cues: set[int] = set()
    last: Found | None = None
    by_content = ByContent(found)
    for q in quotes:
        if embedded(q, by_content):
            continue  # a quoted phrase inside reported speech: the reported claim holds it
        f = quote_frame(doc, q, found, [(x.open_mark, x.end) for x in quotes if x is not q])
        if f is None and q.close_mark is None and q.words >= MIN_QUOTE_WORDS:
            # a quote left open at its paragraph's end runs on into the next, whose frame names
            # its speaker ('"I stress that X.' then 'Y," the minister said.')
            nxt = continued_by(doc, q, quotes, found)
            if nxt is not None:
                f = Found(cue=nxt.cue, cue_lemma=nxt.cue_lemma, source=nxt.source, content=trim(doc, q.start, q.end),
                          mode="direct", inherit_from=nxt.inherit_from, quote=q)
                f.unnamed = nxt.unnamed
        if f is None and last is not None and interrupted(doc, last, q):
            f = Found(cue=last.cue, cue_lemma=last.cue_lemma, source=last.source, content=trim(doc, q.start, q.end), mode="direct", inherit_from=last.inherit_from, quote=q)
            f.unnamed = last.unnamed
        if f is None and q.words >= MIN_QUOTE_WORDS and standalone(doc, q):
            # a quote paragraph carrying on the report just before it, quoted or indirect ("Costa
            # said the ships had left." then '"They will not return before May."')
            before = [g for g in found if g.mode == "indirect" and g.source is not None and g.content[1] <= q.open_mark]
            report = max(before, key=lambda g: g.content[1], default=None)
            if report is not None and (last is None or report.content[1] > last.content[1]) \
                    and report.source.root.pos_ in ("PROPN", "NOUN") and right_before(doc, report, q):
                last = report
        if f is None:
            if q.words >= MIN_QUOTE_WORDS and last is not None and standalone(doc, q) and near(doc, last, q):
                f = Found(cue=last.cue, cue_lemma=last.cue_lemma, source=last.source, content=trim(doc, q.start, q.end), mode="direct", inherit_from=last.inherit_from if last.source is None else None, quote=q)
                f.unnamed = last.unnamed
            else:
                continue
        elif q.words < MIN_QUOTE_WORDS and not framed_tightly(doc, q, f):
            continue
        direct.append(f)
        used_cues.add(f.head.i)
        last = f
    kept = []
    spans = [(q.start, q.end) for q in quotes if q.words >= MIN_QUOTE_WORDS]
    # the reported contents of verbs that became a quote's frame: a cue inside one is nested there
    framed = [f.content for f in found if f.head.i in used_cues]
    for f in found:
        if f.head.i in used_cues:
            over = [(s, e) for s, e in spans if s < f.content[1] and f.content[0] < e]
            if not over:
                if any(d.head.i == f.head.i and d.quote is not None and d.quote.start <= f.content[0]
                       and f.content[1] <= d.quote.end for d in direct):
                    continue  # 'Peskov said: "I don't know."': the short quote is the claim, read once
                # 'said the blaze was "under control"': the clause a short quote closes is said too;
                # sharing the quote's cue, the two make one attribution
                kept.append(f)
            else:
                cut = clause_before_quote(doc, f, [q for q in quotes if (q.start, q.end) in over])
                if cut is not None:
                    # 'said she admired X's courage through what she calls "...": the clause up to
                    # the quote is said too, one attribution with the quote while they share a cue
                    f.content = cut
                    f.shares_cue = next((d for d in direct if d.head.i == f.head.i), None)
                    kept.append(f)
            continue
        if any(s <= f.cue_span[0] < e for s, e in spans):
            continue  # the speaker's own "I said that" inside the quote
        if any(s <= f.cue_span[0] < e for s, e in framed) and not nested_report(f):
            continue  # "He said he plans to ... to build "the strongest ..."": "plans" is inside what was said
        kept.append(f)
    return kept + direct


def said_in_a_statement(doc: Doc, found: list[Found]) -> list[Found]:
    """"The military said in a statement that 450 rockets fired at Israel had landed in Gaza": the
    parser may give the "that" clause's first words to "statement" (as a clause of the noun) and
    the rest to "said". The statement is the vehicle of the saying: its words and the verb's
    are one content, the speaker's."""
    text = text_of(doc)
    by_head = {f.head.i: f for f in found if f.mode == "indirect" and f.source is not None}
    gone: set[int] = set()
    for g in found:
        noun = g.head
        if g.source is not None or noun.pos_ != "NOUN" or noun.dep_ != "pobj" or noun.head.dep_ != "prep":
            continue
        f = by_head.get(noun.head.head.i)
        if f is None or f is g or g.content[1] > f.content[0]:
            continue
        if text[g.content[1]:f.content[0]].strip() or f.cue_span[1] > g.content[0]:
            continue  # not one run of words after the cue
        f.content = (g.content[0], f.content[1])
        gone.add(id(g))
    return [f for f in found if id(f) not in gone]


def closing_quotes(doc: Doc, found: list[Found]) -> list[Found]:
    """'said the harbour was "badly damaged."', 'adding that families are "deeply shaken by it"':
    a reported clause and the quote that closes it, framed by one cue, are one claim; the quote
    alone ("badly damaged") says nothing a reader could check. Another find of the clause alone
    ("said in a statement that ...": the statement's) goes with it, as finds of one span do."""
    text = text_of(doc)
    quotes = {f.head.i: f for f in found if f.mode == "direct" and isinstance(f.quote, Quote)}
    merged: set[int] = set()
    grown: dict[tuple[int, int], Found] = {}
    for f in found:
        d = quotes.get(f.head.i)
        if d is None or f.mode != "indirect" or d.cue_span != f.cue_span or id(d) in merged:
            continue
        q = d.quote
        s, e = f.content
        if not (s < q.open_mark and (q.open_mark < e or not text[e:q.open_mark].strip(" ,\u2013\u2014-"))):
            continue  # the quote neither sits in the clause's end nor follows it straight on
        clause = doc.char_span(s, e, alignment_mode="expand")
        if clause is None or (sent_of(clause) != sent_of(d.head) and not (s <= q.open_mark < e)):
            continue
        grown[(s, e)] = f
        f.content = (s, max(e, d.content[1]))
        f.shares_cue = None
        merged.add(id(d))
    merged |= {id(g) for g in found if g.content in grown and grown[g.content] is not g and not g.rebuts}
    return [f for f in found if id(f) not in merged]


def clause_before_quote(doc: Doc, f: Found, over: list[Quote]) -> tuple[int, int] | None:
    """The part of a framing report's clause before the long quote it runs into, if it says something."""
    first = min(over, key=lambda q: q.open_mark)
    if not (f.cue_span[1] <= f.content[0] < first.open_mark):
        return None
    start, end = trim(doc, f.content[0], first.open_mark)
    if len(text_of(doc)[start:end].split()) < CUT_CLAUSE_WORDS:
        return None
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not any(t.pos_ in ("VERB", "AUX") for t in span):
        return None  # 'said that under X, "..."': a phrase that opens the quote's sentence, not a clause
    return start, end


def shares_cue_still(f: Found, found: list[Found]) -> bool:
    """The quote's find that a clause before it shares a cue with is still there, with that cue
    (not re-cued by "according to X" or dropped as nested): alone, the clause is no claim."""
    d = f.shares_cue
    same_source = (d.source is None) == (f.source is None) and (d.source is None or d.source.start == f.source.start)
    return any(g is d for g in found) and d.cue_span == f.cue_span and same_source


class ByContent:
    """Finds sorted by where their content starts, with the furthest end reached so far, to list
    those whose content spans a range without a scan of all (`embedded`, for each quote)."""

    def __init__(self, found: list[Found]) -> None:
        self.found = sorted(found, key=lambda f: f.content[0])
        self.starts = [f.content[0] for f in self.found]
        self.reach = list(accumulate((f.content[1] for f in self.found), max))

    def spanning(self, start: int, end: int) -> Iterator[Found]:
        """The finds whose content starts at or before `start` and ends at or after `end`."""
        k = bisect_right(self.starts, start)
        while k > 0 and self.reach[k - 1] >= end:
            k -= 1
            if self.found[k].content[1] >= end:
                yield self.found[k]


def embedded(q: Quote, found: ByContent) -> bool:
    """The quote is a phrase inside a longer reported content ("said he had "areas of ..." with")."""
    # both tests below need a content from before the quote's text to its end (or one before it)
    for f in found.spanning(q.start, q.end - 1):
        s, e = f.content
        if s <= f.cue_span[0] < e:
            continue  # a parenthetical frame ("That," he added, "promises ...") frames, not embeds
        if s <= q.start and q.end <= e and (e - s) - (q.end - q.start) > 12 and f.cue_span[1] <= q.open_mark \
                and not (QUOTE_OPENS_CONTENT and s == q.start and next_statement(f.head.doc, q, e)):
            return True
        if s < q.open_mark and q.end <= e + 1 and e <= f.cue_span[0] and len(text_of(f.head.doc)[s:q.open_mark].split()) >= 2:
            return True  # 'The debris is "consistent with a loss", he said': the quote ends the clause said
    return False


QUOTE_OPENS_CONTENT = 1
QUOTED_FRAMES_SKIPPED = 1


def next_statement(doc: Doc, q: Quote, e: int) -> bool:
    """What follows a quote that opens a reported content is a statement of its own, "and that
    ..." ('said "all Russia fed us are lies" and that Moscow "is not as strong"'): the quote is
    the first thing said, not a phrase inside the second."""
    return bool(re.match(r"[\s,]*and\s+that\b", text_of(doc)[(q.close_mark or q.end) + 1:e]))


def interrupted(doc: Doc, last: Found, q: Quote) -> bool:
    """"X," he said. "Y.": the second part of a quote split by its own frame."""
    lq = last.quote
    if not isinstance(lq, Quote) or lq.close_mark is None:
        return False
    between = text_of(doc)[lq.close_mark + 1:q.open_mark]
    if "\n" in between or len(between) > 120:
        return False
    return lq.close_mark < last.cue_span[0] < q.open_mark


def quote_frame(doc: Doc, q: Quote, found: list[Found], others: list[tuple[int, int]] = ()) -> Found | None:
    """The cue and speaker framing a quote: after it ("...," X said) or before it (X said: "...");
    never a verb inside another quote (`others`: 'X said "A" and that Y "is not as quick as they
    claim."': "claim" frames nothing)."""
    content = trim(doc, q.start, q.end)
    end_mark = q.close_mark if q.close_mark is not None else q.end
    after = doc.char_span(end_mark, end_mark + 1, alignment_mode="expand")
    before = doc.char_span(q.open_mark, q.open_mark + 1, alignment_mode="expand")
    if after is not None:
        sent = sent_of(after)
        for tok in doc[after.start:sent.end]:  # not the whole sentence: quadratic in many quotes
            if tok.idx > end_mark and speech_verb(tok) and not (QUOTED_FRAMES_SKIPPED and inside_any(tok.idx, others)):
                f = frame_found(doc, tok, content, q, found)
                if f:
                    return f
        frame = next_frame(doc, sent, end_mark)
        if frame is not None:
            f = frame_found(doc, frame, content, q, found)
            if f:
                return f
        read = document_read(doc, end_mark, sent)
        if read is not None:
            return Found(cue=[read[0]], cue_lemma="read", source=read[1], content=content, mode="direct", quote=q)
    dash = dash_speaker(doc, end_mark)
    if dash:
        return Found(cue=[dash[0]], cue_lemma="say", source=dash[1], content=content, mode="direct", quote=q)
    verb = colon_frame(doc, q.open_mark)
    if verb is not None:
        f = frame_found(doc, verb, content, q, found)
        if f:
            return f
    if before is not None:
        sent = sent_of(before)
        for tok in reversed(doc[sent.start:before.end]):
            if tok.idx < q.open_mark and speech_verb(tok):
                f = frame_found(doc, tok, content, q, found)
                if f:
                    return f
                break
        colon = colon_speaker(doc, q.open_mark, sent)
        if colon:
            return Found(cue=[colon[0]], cue_lemma=":", source=colon[1], content=content, mode="direct", quote=q)
        inverted = inverted_speaker(doc, q.open_mark, sent)
        if inverted:
            return Found(cue=[inverted[0]], cue_lemma=lemma_of(inverted[0]), source=inverted[1], content=content, mode="direct", quote=q)
    return None


# What a quote may be read from: '"...," the DHS email read.'
READ_DOCUMENTS = frozenset("statement email e-mail memo memorandum letter note message post tweet notice release "
                           "announcement communique communiqué cable document".split())
DOCUMENT_READ = re.compile(r"[\s,]*(?:the|a|an|its|his|her|their)\s+(?:[\w.’'-]+\s+){0,4}?(?P<noun>[\w-]+)\s+(?P<verb>reads?)\s*[.,;]", re.I)


def document_read(doc: Doc, end_mark: int, sent: Span) -> tuple[Token, Span] | None:
    """'"...," the DHS email read.': the parser may take "read" for a noun (compounds before it);
    (the verb, the document) when the quote is closed by a document said to read it."""
    text = text_of(doc)
    m = DOCUMENT_READ.match(text, end_mark + 1, min(len(text), end_mark + 120))
    if m is None or m["noun"].lower() not in READ_DOCUMENTS:
        return None
    start = end_mark + 1 + (len(m[0]) - len(m[0].lstrip(" ,\n\t")))
    who = doc.char_span(start, m.end("noun"), alignment_mode="expand")
    verb = doc.char_span(m.start("verb"), m.end("verb"), alignment_mode="expand")
    if who is None or verb is None:
        return None
    return verb[0], who


def next_frame(doc: Doc, sent: Span, end_mark: int) -> Token | None:
    """"...?" Graham asked.": the parser ends the sentence with the quote, so its frame is the
    next sentence, on the same line: a speech verb as root with no content of its own."""
    if sent.end >= len(doc) or sent.end_char > end_mark + 2:
        return None
    nxt = sent_of(doc[sent.end])
    if "\n" in text_of(doc)[end_mark:nxt.start_char]:
        return None
    verb = nxt.root
    if not speech_verb(verb) or any(c.dep_ in ("ccomp", "xcomp") or (c.dep_ == "dobj" and lemma_of(verb) not in LISTENER_VERBS) for c in verb.children):
        return None
    return verb


def colon_frame(doc: Doc, start: int) -> Token | None:
    """The speech verb of a line "Limbaugh added:" that ends right before the paragraph at `start`."""
    text = text_of(doc)
    i = start - 1
    while i >= 0 and text[i].isspace():
        i -= 1
    if i < 0 or text[i] != ":" or "\n" not in text[i:start]:
        return None
    colon = doc.char_span(i, i + 1, alignment_mode="expand")
    if colon is None:
        return None
    verb = sent_of(colon).root
    if not speech_verb(verb) or subject_of(verb) is None or any(c.dep_ in ("ccomp", "dobj") for c in verb.children):
        return None
    return verb


def colon_paragraphs(doc: Doc, found: list[Found], teasers: list[tuple[int, int]]) -> list[Found]:
    """"The governor added:" and then an unquoted paragraph: that paragraph is what was said."""
    text = text_of(doc)
    out = []
    starts = sorted(f.content[0] for f in found)
    pos = 0
    for line in text.split("\n"):
        start, end = trim(doc, pos, pos + len(line))
        pos += len(line) + 1
        if end - start < 2 or inside_any(start, teasers) or bisect_left(starts, start) < bisect_left(starts, end):
            continue  # a line too short, in a teaser, or where a content starts
        verb = colon_frame(doc, start)
        if verb is None:
            continue
        subj = subject_of(verb)
        out.append(Found(cue=cue_tokens(verb), cue_lemma=cue_lemma(verb), source=noun_span(subj), content=(start, end), mode="indirect"))
    return out


# A line that names who said what is next to it: "Source: Admiral X in an interview with RTP".
SOURCE_LABELS = frozenset(("source", "sources"))
SOURCE_LINE = re.compile(r"(?P<label>Sources?)\s*:\s*(?P<name>[^\n]{2,150}?)[\s.]*$")
# Where a source line's name ends: "X in an interview with RTP", "X on Telegram", "X, citing Y".
NAME_END = re.compile(r"\s+(?:in|on|at|during|via|for|to|speaking|citing|quoted|cited|with|after)\b|[,;(:\u2013\u2014]")
QUOTE_LINE = re.compile(r"Quotes?\s*:\s*", re.I)


def source_lines(doc: Doc, found: list[Found], teasers: list[tuple[int, int]]) -> list[Found]:
    """"Source: X" on a line of its own: the "Quote:" line after it is X's; else the sentences of
    the paragraph before it that hold no claim of their own (up to `DEMONSTRATIVE_SENTENCES`)."""
    text = text_of(doc)
    out: list[Found] = []
    pos = 0
    lines = text.split("\n")
    offsets = []
    for line in lines:
        offsets.append(pos)
        pos += len(line) + 1
    for k, line in enumerate(lines):
        m = SOURCE_LINE.match(line.strip())
        if m is None or inside_any(offsets[k], teasers):
            continue
        start = offsets[k] + len(line) - len(line.lstrip()) + m.start("name")
        name = NAME_END.split(m["name"], maxsplit=1)[0].strip()
        source = doc.char_span(start, start + len(name), alignment_mode="expand")
        label = doc.char_span(offsets[k] + line.index(m["label"]), offsets[k] + line.index(m["label"]) + len(m["label"]),
                              alignment_mode="expand")
        if source is None or label is None or not any(t.pos_ in ("PROPN", "NOUN") for t in source):
            continue
        nxt = next((j for j in range(k + 1, len(lines)) if lines[j].strip()), None)
        if nxt is not None and (q := QUOTE_LINE.match(lines[nxt].strip())):
            a = offsets[nxt] + len(lines[nxt]) - len(lines[nxt].lstrip()) + q.end()
            content = trim(doc, a, offsets[nxt] + len(lines[nxt]))
            mode = "direct"
        else:
            end = trim(doc, 0, offsets[k])[1]
            if end < 2:
                continue
            last = sent_of(doc.char_span(end - 1, end, alignment_mode="expand"))
            if any(f.content[0] < last.end_char and last.start_char < f.content[1] for f in found):
                continue  # the sentence before is a claim with its own source
            content = (paragraph_start(doc, last, found), end)
            if under_a_title(doc, content[0]):
                continue  # a graphic's title, caption and "Source: NATO.": the data's source, no speaker
            mode = "indirect"
        if content[1] - content[0] >= 2:
            out.append(Found(cue=list(label), cue_lemma="source", source=source, content=content, mode=mode))
    return out


def under_a_title(doc: Doc, start: int) -> bool:
    """The paragraph at `start` follows a line with no verb of its own, short, as a chart's or a
    box's title ("Highest share of defense spending in NATO.")."""
    text = text_of(doc)
    end = trim(doc, 0, start)[1]
    if end < 2 or "\n" not in text[end:start]:
        return False
    line = doc.char_span(text.rfind("\n", 0, end) + 1, end, alignment_mode="expand")
    return line is not None and len(line) <= 15 and not any(t.pos_ in ("VERB", "AUX") for t in line)


FIRST_PERSON_WORDS = frozenset("we our us i my".split())


def statement_paragraphs(doc: Doc, found: list[Found], teasers: list[tuple[int, int]]) -> list[Found]:
    """"OceanGate released a statement about its missing submersible." ending a paragraph, then a
    paragraph in the first person ("For some time, we have been unable to ..."): that paragraph is
    the statement, its sentences (up to `DEMONSTRATIVE_SENTENCES`) the releaser's claims."""
    text = text_of(doc)
    out: list[Found] = []
    # the statement's own "we seek to" is no claim that takes the paragraph
    others = [f for f in found if f.source is None or f.source.text.lower() not in FIRST_PERSON_WORDS]
    taken = [f.content for f in others] + [f.cue_span for f in others]
    for sent in sents_of(doc):
        verb = sent.root
        if verb.lemma_.lower() not in ISSUE_VERBS:
            continue
        noun = next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in STATEMENT_NOUNS), None)
        subj = subject_of(verb)
        if noun is None or subj is None or inside_any(sent.start_char, teasers):
            continue
        end = trim(doc, sent.start_char, sent.end_char)[1]
        gap = text[end:end + 4]
        if "\n" not in gap or sent.end >= len(doc):
            continue
        start = sent.end_char
        while start < len(text) and text[start] in " \n\t\r":
            start += 1
        line_end = text.find("\n", start)
        line_end = len(text) if line_end < 0 else line_end
        para = doc.char_span(start, line_end, alignment_mode="contract")
        if para is None or not any(t.lower_ in FIRST_PERSON_WORDS for t in para) or text[start] in "\"\u201c'":
            continue
        if any(a < line_end and start < b for a, b in taken):
            continue
        sents = [x for x in sents_of(doc) if start <= x.start_char < line_end][:DEMONSTRATIVE_SENTENCES]
        if sents:
            out.append(Found(cue=cue_tokens(verb), cue_lemma=cue_lemma(verb), source=noun_span(subj),
                             content=trim(doc, sents[0].start_char, min(sents[-1].end_char, line_end)), mode="indirect"))
    return out


def speech_verb(tok: Token) -> bool:
    return lemma_of(tok) in SPEECH_VERBS and (tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB"))


def frame_found(doc: Doc, verb: Token, content: tuple[int, int], q: Quote, found: list[Found]) -> Found | None:
    for f in found:
        if f.head.i == verb.i:
            return Found(cue=f.cue, cue_lemma=f.cue_lemma, source=f.source, content=content, mode="direct", inherit_from=f.inherit_from, unnamed=f.unnamed, quote=q)
    gov = verb.head.head if verb.dep_ == "pcomp" and verb.head.lower_ == "as" else verb
    quoted = quoted_as(gov)
    if quoted is not None and not q.start <= quoted[0].idx < q.end:
        # '"...," the spokesman was quoted as saying', '"...," Tass quoted him as saying'
        return Found(cue=cue_tokens(gov)[:1] + cue_tokens(verb), cue_lemma=cue_lemma(verb), source=noun_span(quoted[0]),
                     content=content, mode="direct", quote=q, absorbs=gov,
                     via=[relay_name(quoted[1])] if quoted[1] is not None else [])
    subj = subject_of(verb)
    cue = cue_tokens(verb)
    if subj is None:
        subj = inverted_subject(doc, verb, q)
    if subj is None:
        ctrl = controller(verb) or conjunct_controller(verb)
        if ctrl is not None:
            # 'went on to say, "..."': as for a reported clause, the cue runs from the governing verb
            cue, subj = cue_tokens(ctrl[0])[:1] + cue, ctrl[1]
    if subj is None and verb.dep_ == "advcl" and verb.tag_ == "VBG" and lemma_of(verb) not in WEAK_VERBS and verb.head.i < verb.i and subject_of(verb.head) is not None:
        # 'lobbied to suspend X, saying, "..."': the participle's speaker is the subject of the verb it hangs on
        return Found(cue=cue, cue_lemma=cue_lemma(verb), source=None, content=content, mode="direct", inherit_from=verb.head, quote=q)
    if subj is None or (q.start <= subj.idx < q.end):
        return None
    return Found(cue=cue, cue_lemma=cue_lemma(verb), source=noun_span(subj), content=content, mode="direct", quote=q)


def conjunct_controller(verb: Token) -> tuple[Token, Token] | None:
    """'joked that ..., but went on to say, "..."': the governing verb is a conjunct that shares
    the first conjunct's subject."""
    gov = verb.head
    if verb.dep_ != "xcomp" or gov.dep_ != "conj" or subject_of(gov) is not None or controlling_verb(verb) is None:
        return None
    shared = conjunct_subject_of(gov)
    return (gov, shared) if shared is not None else None


def inverted_subject(doc: Doc, verb: Token, q: Quote) -> Token | None:
    """'"...," said David Brock, a confidant who heads X': the speaker right after a verb that
    follows the quote, which the small model hangs on a later word ("Brock" the subject of "X")."""
    end_mark = q.close_mark if q.close_mark is not None else q.end
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or not (end_mark < verb.idx) or text_of(doc)[end_mark + 1:verb.idx].strip(" ,") or verb.i + 1 >= len(doc):
        return None
    tok = doc[verb.i + 1]
    while tok.dep_ in ("compound", "det", "amod", "poss") and tok.head.i > tok.i and tok.head.i - tok.i <= 4:
        tok = tok.head
    if tok.pos_ not in ("PROPN", "NOUN", "PRON") or tok.dep_ not in ("nsubj", "nsubjpass", "dobj", "appos", "npadvmod", "ROOT", "conj", "attr"):
        return None
    return tok


DASH_AFTER = re.compile(r"\s*(?:-{1,2}|[\u2013\u2014\u2015])\s*")


def dash_speaker(doc: Doc, end_mark: int) -> tuple[Token, Span] | None:
    """"..." — Name (in the same sentence or the parser's next one)."""
    m = DASH_AFTER.match(text_of(doc), end_mark + 1)
    if not m:
        return None
    dash = doc.char_span(m.start(), m.end(), alignment_mode="expand")
    for ent in ents_of(doc):
        if ent.start_char == m.end() and ent.label_ in ("PERSON", "ORG", "NORP"):
            return (dash[0] if dash is not None else ent[0]), ent
        if ent.start_char > m.end():
            break
    # a signature the tagger missed: capitalised words ending the line ("” ― Karen Bobadilla.")
    sig = SIGNATURE.match(text_of(doc), m.end())
    if sig and dash is not None:
        name = doc.char_span(sig.start(1), sig.end(1))
        if name is not None:
            return dash[0], name
    return None


SIGNATURE = re.compile(r"([A-Z][\w'\u2019-]+(?:[ \u00a0](?:[A-Z]\.|[A-Z][\w'\u2019-]+)){1,3})[.\s\u00a0]*(?:\n|$)")


HEADLINE_SPEAKER = re.compile(r"^[\"\u201c]?([A-Z][\w.'\u2019-]*(?: [A-Z][\w.'\u2019-]*){0,3})(:)[ \t]+(\S.*)$", re.M)

# Line labels that look like "NAME:" but introduce no speaker ("UPDATE: ...").
NOT_SPEAKERS = frozenset("""update updated breaking watch note editor correction clarification photo photos video related
exclusive live opinion analysis editorial review explainer factbox timeline interview commentary podcast
transcript listen read story summary background context highlights recap""".split())


# Function words of section labels ("WHAT WE KNOW:", "SEE ALSO:", "MORE ON THIS:"), which no
# speaker's name holds (particles of names, "de", "van", "al", are not among them).
LABEL_WORDS = frozenset("""what we know see also more on this here how why where when is are was the you your our
need to about latest top read watch""".split())


def headline_speakers(doc: Doc, found: list[Found]) -> list[Found]:
    """"Pat Caddell: Democrat voters worried ...": a line that opens with a name and a colon;
    also a transcript's "WALLACE: ..." and a one-word headline source ("Poll: ...")."""
    out = []
    for m in HEADLINE_SPEAKER.finditer(text_of(doc)):
        name = doc.char_span(m.start(1), m.end(1))
        if name is None or not line_speaker(name, m.start() == 0):
            continue
        colon = doc.char_span(m.start(2), m.end(2))
        if colon is None or any(m.start() <= f.cue_span[0] < m.end(2) for f in found):
            continue
        out.append(Found(cue=[colon[0]], cue_lemma=":", source=name, content=trim(doc, m.start(3), m.end(3)), mode="direct"))
    return out


def line_speaker(name: Span, headline: bool) -> bool:
    """A named entity, a transcript's capitals ("PENCE"), or in the headline a lone name or
    source noun ("Sanders:", "Poll:")."""
    if name.text.lower() in NOT_SPEAKERS or any(e.label_ in ("GPE", "DATE", "TIME") for e in ents_in(name)):
        return False
    if len(name) > 1 and any(t.lower_ in LABEL_WORDS for t in name):
        return False  # "WHAT WE KNOW:", "SEE ALSO:": a section label; names hold no such words
    if any(e.label_ in ("PERSON", "ORG") and e.start == name.start and e.end == name.end for e in ents_in(name)):
        return True
    if all(t.is_upper and len(t.text) >= 2 and t.is_alpha for t in name):
        return True
    if headline and any(e.label_ == "PERSON" and e.end == name.end for e in name.ents):
        return True  # "Dr. Ben Carson:", "McCain Challenger Kelli Ward:": a title before the name
    # in the headline a lone capitalised word: a surname or outlet ("Sanders:", "Politifact:") or a source noun
    return headline and len(name) == 1 and name[0].is_title


def colon_speaker(doc: Doc, open_mark: int, sent: Span) -> tuple[Token, Span] | None:
    """Name: "..." at the start of a sentence."""
    mark = doc.char_span(open_mark, open_mark + 1, alignment_mode="expand")
    pre = [t for t in doc[sent.start:mark.end if mark is not None else sent.end] if t.idx < open_mark]
    if len(pre) >= 2 and pre[-1].text == ":":
        for ent in ents_in(sent):
            if ent.end == pre[-1].i and ent.start == pre[0].i and ent.label_ in ("PERSON", "ORG"):
                return pre[-1], ent
    return None


def inverted_speaker(doc: Doc, open_mark: int, sent: Span) -> tuple[Token, Span] | None:
    """Said Ellis: "..." (the verb first, then a capitalised name, then a colon)."""
    pre = [t for t in sent if t.idx < open_mark]
    if 3 <= len(pre) <= 6 and pre[-1].text == ":" and pre[0].lower_ in INVERTED_CUES:
        name = doc[pre[1].i:pre[-1].i]
        if all(t.text[:1].isupper() or t.is_punct for t in name):
            return pre[0], name
    return None


def framed_tightly(doc: Doc, q: Quote, f: Found) -> bool:
    """A short quote counts only when its cue sits right next to it ("Wrong," he said)."""
    cs, ce = f.cue_span
    gap_after = text_of(doc)[(q.close_mark or q.end) + 1:cs] if cs > q.end else None
    gap_before = text_of(doc)[ce:q.open_mark] if ce <= q.open_mark else None
    for gap in (gap_after, gap_before):
        if gap is not None and len(gap) <= 40:
            return True
    return False


def standalone(doc: Doc, q: Quote) -> bool:
    """The quote is a whole paragraph (or opens one): a speaker carrying on."""
    line_start = text_of(doc).rfind("\n", 0, q.open_mark) + 1
    return not text_of(doc)[line_start:q.open_mark].strip()


def continued_by(doc: Doc, q: Quote, quotes: list[Quote], found: list[Found]) -> Found | None:
    """The speaker's frame of the paragraph that carries on a quote left open (`q.close_mark` is
    None): the frame of a quote reopened there, or a report whose content starts the paragraph
    ('We have always respected X," Kanaani said.'); None when no named frame follows."""
    text = text_of(doc)
    gap = re.match(r"[ \t]*\n\s*", text[q.end:])
    if gap is None:
        return None
    start = q.end + gap.end()
    again = next((x for x in quotes if x.open_mark == start), None)
    frame = quote_frame(doc, again, found) if again is not None else None
    if frame is None:
        # the paragraph's frame after its closing mark ('..., and X should know that Y," Kanaani
        # said': the parser may start the content after the paragraph's first clause)
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        frame = next((g for g in found if start <= g.content[0] and g.content[1] <= g.cue_span[0] < end
                      and any(m in text[g.content[1]:g.cue_span[0]] for m in CLOSING_MARKS)), None)
    if frame is None or frame.source is None:
        return None
    return frame


CLOSING_MARKS = ('"', "\u201d", "''")


def right_before(doc: Doc, f: Found, q: Quote) -> bool:
    """The report ends the paragraph right before the quote's: nothing but its closing marks and a
    line break between them."""
    gap = text_of(doc)[max(f.content[1], f.cue_span[1]):q.open_mark]
    return "\n" in gap and gap.count("\n") <= 2 and not gap.strip(" \n.,;:\"'\u201d\u2019")


def near(doc: Doc, last: Found, q: Quote) -> bool:
    gap = text_of(doc)[last.content[1]:q.open_mark]
    return gap.count("\n") <= 2 and len(gap) < 400


# ---------------------------------------------------------------- outlets and nesting

def outlet_chains(doc: Doc, found: list[Found]) -> list[Found]:
    """"According to Censor.NET, citing Ukrinform, this was stated by X": outlets become `via`."""
    out = list(found)
    for f in found:
        if f.mode == "indirect" and f.source is not None and (is_media(f.source.text) or f.source.root.lemma_.lower() in DOCUMENT_SOURCES):
            # "Reuters, which cited two officials, said C": the officials said C, Reuters relays it
            cited = relay_citing(f, found)
            if cited is not None and cited in out:
                out.remove(cited)
            continue
        if f.cue_lemma != "according to" or f.source is None:
            continue
        name = f.source.text
        sent = sent_of(f.cue[0])
        cited = relay_citing(f, found)
        if cited is not None:
            # "According to Reuters, which cited two sources, C": the sources said C, Reuters relays it
            if cited in out:
                out.remove(cited)
            continue
        citing = any(t.lower_ == "citing" for t in sent)
        # the reports it covers: those before it or in what it says, not one after its phrase
        # ("C, according to the council, following Biden's comments that D": D is Biden's own)
        others = [g for g in found if g is not f and sent_of(g.head) == sent and g.source is not None and g.cue_lemma != "according to"
                  and (g.cue_span[0] < f.cue_span[0] or f.content[0] <= g.cue_span[0] < f.content[1])]
        evidence = [] if is_media(name) else \
            [g for g in others if g.source.root.lemma_.lower() in EVIDENCE_HEADS and f.cue_span[0] < g.cue_span[0]]
        if evidence:
            # "According to NORSAR, seismic signals indicate ...": what the signals show is NORSAR's reading
            for g in evidence:
                g.source = f.source
            if f in out:
                out.remove(f)
            continue
        if not is_media(name) and f.source.root.ent_type_ not in ("ORG",) and not citing:
            continue
        if not others:
            continue
        chain = [strip_the(name)]
        for tok in sent:
            if tok.lower_ == "citing":
                obj = next((c for c in tok.children if c.dep_ in ("dobj", "pobj")), None)
                if obj is not None:
                    chain.append(strip_the(noun_span(obj).text))
        for g in others:
            g.via = chain
        if not citing and all(g.cue_span[1] <= f.cue_span[0] for g in others):
            continue  # "X said ..., according to CNN": the outlet's report of it stands too (PolNeAR)
        out.remove(f)
        for g in found:
            if g.cue_lemma == "cite" and sent_of(g.head) == sent and g in out:
                out.remove(g)
    return out


# What shows rather than says: under "according to X", what it shows is X's reading of it.
EVIDENCE_HEADS = frozenset("""
signal data datum evidence image footage video analysis finding reading record measurement photo picture imagery
figure number statistic result test sensor recording satellite
""".split())


# Who a relay can cite as the one who said it ("citing officials", "citing the health ministry"):
# people and bodies, named or not; not a document ("citing a leaked memo" stays the relay's).
CITED_HEADS = frozenset("""
official officials source sources authority authorities ministry police spokesman spokeswoman spokesperson
people witness witnesses resident residents expert experts analyst analysts diplomat diplomats officer officers
agency government military army intelligence administration office department service services
lawmaker lawmakers legislator legislators senator senators mp mps deputy deputies congressman congresswoman
""".split())


def citing_relays(doc: Doc, found: list[Found]) -> list[Found]:
    """"Outlet X reported that C, citing Y" and "X reported, citing Y, that C": Y said it, X relays
    it (`via`, shared/spec/story-gold.md: the source is the originator). The cited phrase leaves
    the content."""
    text = text_of(doc)
    used: set[int] = set()
    relayed: set[int] = set()
    for f in found:
        if f.cue_lemma == "according to" or f.via or (f.cue_lemma == "cite" and cites_object(f)):
            continue  # an "according to X, citing Y" chain is `outlet_chains`' already
        relayer = f.source
        if relayer is None and f.inherit_from is not None:
            subj = subject_of(f.inherit_from)
            relayer = noun_span(subj) if subj is not None else None
        if relayer is None:
            continue
        cite = citing_of(doc, f)
        if cite is None:
            continue
        obj = next((c for c in cite.children if c.dep_ in ("dobj", "pobj")), None)
        if obj is None or not cited_speaker(obj):
            continue
        used.add(cite.i)
        relayed.add(id(f))
        relay = strip_the(relayer.text.strip())
        f.via = [relay] + [v for v in f.via if v != relay]
        f.source = noun_span(obj)
        f.inherit_from = None
        if f.cue_lemma == "cite" and f.head.head.i != f.head.i and f.head.head.lemma_.lower() in SPEECH_VERBS:
            verb = f.head.head  # "reported, citing two officials, that ...": the report's verb is the cue
            f.cue, f.cue_lemma = [verb], verb.lemma_.lower()
        s, e = f.content
        if s <= cite.idx < e:
            cut = text.rfind(",", s, cite.idx)
            end = cut if cut > s else cite.idx
            f.content = trim(doc, s, end)
    # the "citing Y" of a relay is no claim of its own ("an air strike | cite | the Health Ministry")
    return [f for f in found if id(f) in relayed or not (f.cue_lemma == "cite" and f.head.i in used)]


# Cues of a briefing that someone who heard it relays ("the agency told lawmakers", "a lawmaker
# who was briefed by the intelligence service"): not saying in general ("Smith noted that the
# commission announced C" is Smith's, PolNeAR annotates it so), nor judging or suggesting ("the
# minister said intelligence suggests C" is the minister's).
RELAYED_SAYING = frozenset("tell inform brief".split())


def briefed_relays(found: list[Found]) -> list[Found]:
    """A source described as briefed by another ("a lawmaker who was briefed by the intelligence
    service", "Ana Reis, briefed by the agency, said"): the briefer is the originator, the one
    briefed a relay in `via` (story-gold.md: a lawmaker relaying an intelligence briefing)."""
    for f in found:
        if f.source is None:
            continue
        head = f.source.root
        briefed = next((c for c in head.children if c.dep_ in ("relcl", "acl") and c.lemma_.lower() in RELAYED_SAYING
                        and c.tag_ == "VBN"), None)
        briefer = agent_of(briefed) if briefed is not None else None
        if briefer is None or not cited_speaker(briefer):
            continue
        relay = strip_the(f.source.text.strip())
        f.via = [relay] + [v for v in f.via if v != relay]
        f.source = noun_span(briefer)
    return found


def reports_on_claims(found: list[Found]) -> list[Found]:
    """"Outlets reported on claims from health officials that C": the verb and the noun's "that"
    clause give the same content, and the claim is the officials' (the noun's source); whoever
    reported on it relays it (`via`). The verb's find, whose source is the relay, goes."""
    by_content: dict[tuple[int, int], list[Found]] = defaultdict(list)
    for f in found:
        by_content[f.content].append(f)
    drop: set[int] = set()
    for same in by_content.values():
        if len(same) < 2:
            continue
        for verb in same:
            if verb.source is None or verb.head.pos_ not in ("VERB", "AUX"):
                continue
            noun = next((n for n in same if n is not verb and n.source is not None and n.head.pos_ == "NOUN"
                         and n.head.dep_ == "pobj" and n.head.head.dep_ == "prep" and n.head.head.head.i == verb.head.i
                         and n.head.head.lower_ in ("on", "about")), None)
            if noun is None:
                continue
            teller = verb.source
            if teller.root.lower_ in ("that", "which", "who") and verb.head.dep_ == "relcl":
                teller = noun_span(verb.head.head)  # "many outlets that reported on ...": the outlets
            relay = strip_the(teller.text.strip())
            noun.via = [relay, *[v for v in verb.via if v != relay], *[v for v in noun.via if v != relay]]
            drop.add(id(verb))
    return [f for f in found if id(f) not in drop] if drop else found


# A denial's own participle that labels what it denied: "denied that X, calling the claims
# baseless", "rejected the report, describing it as fabricated".
ECHO_CUES = frozenset("call describe label brand term".split())
DENIAL_CUES_ECHOED = frozenset("deny reject dismiss denounce refute dispute".split())
BACK_REFERENCES = frozenset("this that these those such the".split())
PRONOUN_BACK = frozenset("it them this that".split())


def echoed_labels(found: list[Found]) -> list[Found]:
    """"X denied that C, calling the claims baseless": the participle labels what the denial
    already denied, naming it only by a word for it; it is the same statement, not a second
    claim (whose content "the claims baseless" would be about nothing)."""
    denials = {f.head.i for f in found if f.cue_lemma in DENIAL_CUES_ECHOED}
    out = []
    for f in found:
        if f.cue_lemma in ECHO_CUES and f.head.tag_ == "VBG" and f.head.dep_ == "advcl" and f.head.head.i in denials:
            # what it labels, as the content opens: "it", "them", "the claims", "such reports"
            words = [t for t in f.head.doc.char_span(*f.content, alignment_mode="expand") or () if t.is_alpha][:2]
            if words and (words[0].lower_ in PRONOUN_BACK or words[0].lower_ in BACK_REFERENCES and len(words) > 1
                          and words[1].lemma_.lower() in CLAIM_NOUNS):
                continue
        out.append(f)
    return out


def cites_object(f: Found) -> bool:
    """The find is "citing Y" itself: its content is the cited object, not a clause."""
    obj = next((c for c in f.head.children if c.dep_ in ("dobj", "pobj")), None)
    return obj is not None and f.content[0] <= obj.idx < f.content[1]


def citing_of(doc: Doc, f: Found) -> Token | None:
    """The "citing" participle of a find: its own cue, one hung on its cue, or one closing its content."""
    if f.head.lower_ == "citing":
        return f.head
    for c in f.head.children:
        if c.lower_ == "citing" and c.dep_ in ("advcl", "xcomp", "conj", "dep"):
            return c
    s, e = f.content
    span = doc.char_span(s, e, alignment_mode="expand")
    if span is None:
        return None
    for t in span:
        if t.lower_ == "citing" and t.dep_ in ("advcl", "xcomp", "conj", "dep") and t.i > span.start + 2:
            return t
    return None


def relay_citing(f: Found, found: list[Found]) -> Found | None:
    """The "which cited X" find on f's source, if any; when X names who said it, X becomes f's
    source and the citer the first of its `via`."""
    cited = next((g for g in found if g.cue_lemma == "cite" and g.head.dep_ == "relcl" and g.head.head.i == f.source.root.i), None)
    if cited is None:
        return None
    obj = next((c for c in cited.head.children if c.dep_ == "dobj"), None)
    if obj is None or not cited_speaker(obj):
        return cited if f.cue_lemma == "according to" else None
    f.via = [strip_the(f.source.text), *f.via]
    f.source = noun_span(obj)
    return cited


def cited_speaker(obj: Token) -> bool:
    """The object of "citing" names who said it: a person or body, or a noun for one."""
    return obj.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or obj.lemma_.lower() in CITED_HEADS or obj.lower_ in CITED_HEADS


def according_to_the_saying(found: list[Found]) -> list[Found]:
    """"55 percent said they ..., according to a Quinnipiac poll", "Kasich said he would ...,
    according to press reports": a later "according to" a poll or report in the sentence makes
    one attribution of it, theirs (PolNeAR train: 8 such "say"s, none annotated); according to a
    person or an outlet, both stand."""
    trailing = [f for f in found if f.cue_lemma == "according to" and f.source is not None
                and f.source.root.lemma_.lower() in DOCUMENT_SOURCES]
    if not trailing:
        return found
    out = []
    relays: set[int] = set()
    for g in found:
        f = next((f for f in trailing if g.cue_lemma == "say" and g.mode == "indirect"
                  and sent_of(f.cue[0]) == sent_of(g.head) and f.cue_span[0] > g.cue_span[1]), None)
        if f is None:
            out.append(g)
            continue
        outlet = named_outlet(f.source)
        if outlet is not None and g.source is not None and g.source.root.pos_ == "PROPN":
            # "Minister X said C, according to a report by news agency IRNA": X's C, via IRNA
            g.via = [outlet, *[v for v in g.via if outlet not in v]]
            relays.add(id(f))
            out.append(g)
    return [g for g in out if id(g) not in relays]


def named_outlet(report: Span) -> str | None:
    """The outlet a report is by ("a report by news agency IRNA", "a Reuters report"), or None
    ("press reports", "a poll")."""
    # the last name in it ("the state news agency Lusa"); "IRNA" may be tagged GPE
    org = next((e for e in reversed(list(ents_in(report))) if e.label_ in ("ORG", "WORK_OF_ART", "PERSON", "GPE")), None)
    if org is None:
        return None
    name = strip_the(org.text)
    return name if is_media(report.text) or is_media(name) else None


# "..., an assertion disputed by the army", "..., a claim the army denied", "..., which the army
# denied": a rebuttal hung on what was just reported.
REBUT_VERBS = frozenset("deny dispute reject refute dismiss contest contradict".split())
# A rebuttal of a denial holds what was denied ("Russia denies using them, an assertion Kyiv rejects").
DENIAL_CUES = frozenset("deny dispute reject refute dismiss".split())
CLAIM_NOUNS = frozenset("""claim assertion allegation accusation charge account version report suggestion
contention""".split())


def rebuttals(doc: Doc, found: list[Found]) -> list[Found]:
    """A rebuttal closing a reported content after a comma is a claim of its own: the rebutting
    source denies what was reported (the content before the comma, which now ends there)."""
    out: list[Found] = []
    for f in found:
        out.append(f)
        span = doc.char_span(*f.content, alignment_mode="contract")
        if span is None or f.mode == "direct":
            continue
        sent = sent_of(span)
        if f.cue_span[1] <= f.content[0] and span.end < sent.end and doc[span.end].text == ",":
            # "X said A, a claim Y denied": the parser hangs the apposition on "said", past the content
            span = doc[span.start:sent.end]
        for v in span:
            if v.lemma_.lower() not in REBUT_VERBS or v.dep_ not in ("relcl", "acl", "ccomp"):
                continue
            which = next((c for c in v.children if c.lower_ == "which" and c.dep_ in ("dobj", "nsubjpass")), None)
            if v.dep_ == "ccomp" and which is None:
                continue  # "which the navy denied" parsed as a clause of what was said
            first = which if which is not None else v.head.left_edge if v.head.lemma_.lower() in CLAIM_NOUNS else None
            if first is None or first.i <= span.start + 2 or doc[first.i - 1].text != ",":
                continue
            who = agent_of(v) if any(c.dep_ == "agent" for c in v.children) else subject_of(v)
            if who is None or who.lower_ in ("that", "which", "who") or v.right_edge.i < span.end - 2:
                continue
            content = trim(doc, f.content[0], doc[first.i - 1].idx)
            f.content = content
            out.append(Found(cue=[v], cue_lemma=v.lemma_.lower(), source=noun_span(who), content=content, mode="indirect",
                             rebuts=True, rebuts_denial=f.cue_lemma in DENIAL_CUES))
            break
    return out


# A reply that gives no answer: "did not answer", "declined to say", "refused to comment".
NON_ANSWER_VERBS = frozenset("answer respond reply comment say elaborate specify confirm address discuss speculate".split())
REFUSING_VERBS = frozenset("decline refuse sidestep dodge evade".split())


# Verbs that report a non-answer in their clause: "said he could not comment".
SAID_NO_ANSWER = frozenset("say tell reply respond".split())


def non_answer(v: Token) -> bool:
    """"declined to comment", "did not answer", "could not comment"."""
    return v.lemma_.lower() in REFUSING_VERBS or (v.lemma_.lower() in NON_ANSWER_VERBS and any(c.dep_ == "neg" for c in v.children))


def unanswered(doc: Doc, found: list[Found]) -> list[Found]:
    """"X did not answer when asked if Y", "When asked whether Y, X declined to comment": the
    question put to X is what X would not confirm (source X, the non-answer's cue, content Y),
    not a claim of an unnamed asker."""
    out = list(found)
    for f in found:
        v = next((t for t in f.cue if t.lemma_.lower() == "ask"), f.head)  # "asked about"
        if f.cue_lemma != "ask" or f.source is not None or v.tag_ != "VBN" or v.dep_ != "advcl":
            continue
        h = v.head
        subject = subject_of(h)
        said = next((c for c in h.children if c.dep_ == "ccomp" and non_answer(c)), None) \
            if h.lemma_.lower() in SAID_NO_ANSWER else None
        if said is not None:
            # "Asked about X, the minister said he could not comment": the minister's non-answer on X
            h = said
        if not non_answer(h):
            continue
        if subject is None or subject.lower_ in ("it", "that", "which", "who"):
            continue
        own = next((g for g in out if g.head.i in (h.i, h.head.i) and g is not f), None)
        if own is not None:
            own.content = f.content  # "declined to comment" on what was asked
            own.cue, own.cue_lemma = cue_tokens(h), cue_lemma(h)
            refused = next((c for c in h.children if c.dep_ == "xcomp" and c.lemma_.lower() in NON_ANSWER_VERBS), None)
            if refused is not None and h.lemma_.lower() in REFUSING_VERBS:
                own.cue, own.cue_lemma = own.cue + [refused], f"{own.cue_lemma} to {refused.lemma_.lower()}"
        else:
            out.append(Found(cue=cue_tokens(h), cue_lemma=cue_lemma(h), source=noun_span(subject), content=f.content,
                             mode="indirect"))
        out.remove(f)
    return out


# The deepest a report nested in others' contents stands as a claim of its own: "The paper
# reported that the mayor said the engineer had written that ..." is three. A run-on text of
# hundreds of "he said" ("He said "yes" He said "yes" ...", no sentence end) nests each in all
# before it: every one a claim made the claims' contents grow with the square of the text (a
# 5,600-character file gave 398 claims of 1.1 million characters, and a minute of embedding).
MAX_NESTING = 3


def too_deep(found: list[Found]) -> set[int]:
    """The indices of the finds whose cue lies inside `MAX_NESTING` or more other finds' contents."""
    starts = sorted(f.content[0] for f in found)
    ends = sorted(f.content[1] for f in found)
    deep = set()
    for k, f in enumerate(found):
        at = f.cue_span[0]
        inside = bisect_right(starts, at) - bisect_right(ends, at) - (f.content[0] <= at < f.content[1])
        if inside >= MAX_NESTING:
            deep.add(k)
    return deep


def unnest(found: list[Found]) -> list[Found]:
    """One attribution inside another's content: an unnamed outer report gives way to the named
    inner source ("it was reported that Rutte confirmed ..."); otherwise the outer one stands."""
    drop: set[int] = set()
    # the finds whose cue starts inside a content, by bisection: all pairs was quadratic
    by_cue = sorted(range(len(found)), key=lambda j: found[j].cue_span[0])
    cue_starts = [found[j].cue_span[0] for j in by_cue]
    for i, outer in enumerate(found):
        lo, hi = bisect_left(cue_starts, outer.content[0]), bisect_left(cue_starts, outer.content[1])
        for j in sorted(by_cue[lo:hi]):
            if i == j or i in drop or j in drop:
                continue
            inner = found[j]
            if outer.mode == "unattributed" and inner.source is not None and inner.cue_lemma != "according to":
                inner.reported_by = outer.unnamed or "unnamed reports"
                drop.add(i)
            elif said_twice(outer, inner):
                # "NORSAR said C, the organization said on its website": one statement, its
                # speaker named and then described; the named report stands alone
                drop.add(i)
            elif relayed_by_outlet(outer, inner):
                # "PIJ denies Israel's accusation, the outlet noted": PIJ's denial, via the outlet
                outlet = outlet_name(outer.source)
                inner.via = [outlet, *[v for v in inner.via if outlet not in v]]
                if outer.mode == "according_to":
                    drop.add(i)  # "X denied Y, according to Reuters": X's denial; Reuters only passes it on
            elif closing_frame(outer, inner):
                # "The ministry said A, the paper reported": the parser hung the closing frame
                # inside what the ministry said; the ministry said A, the paper relays it
                outer.content = inner.content
                if inner.source is not None and is_media(inner.source.text) and outer.source is not None:
                    outer.via = [strip_the(inner.source.text), *outer.via]
                    drop.add(j)
            elif relayed_report(outer, inner):
                # "The agency told lawmakers that C, a lawmaker said": the agency said C, the
                # lawmaker relays it (story-gold.md: the source is the originator)
                inner.via = [strip_the(outer.source.text), *[v for v in outer.via if v not in inner.via], *inner.via]
                drop.add(i)
            elif (outer.mode == "according_to" and outer.cue_span[0] < inner.cue_span[0]) or not nested_report(inner, outer) \
                    or outer.cue_lemma in FINDING_CUES:
                # "According to the complaint, Smith said ...": one attribution (PolNeAR train: 3 of
                # 26 such inner cues annotated); an outlet there became `via` in outlet_chains
                drop.add(j)
    return [f for k, f in enumerate(found) if k not in drop]


WHILE_MARKS = ("while", "whereas")  # a clause beside another, not under it


def while_clauses(doc: Doc, found: list[Found]) -> list[Found]:
    """"A, while B, the ministry said": the parser hangs the "while" clause on "said", and the
    content stopped at A; what stands between the content and the frame is said too. It joins
    the content, or, when both clauses are counts ("3,600 were evacuated, while 31 are missing"),
    stands as a claim of its own, as coordinated counts do (`split_figures`)."""
    out = list(found)
    for f in found:
        if f.mode != "indirect" or f.source is None or f.content[1] > f.cue_span[0]:
            continue
        frame = min(f.cue_span[0], f.source.start_char)
        for c in f.head.children:
            mark = doc[c.left_edge.i]
            if c.dep_ != "advcl" or mark.lower_ not in WHILE_MARKS or mark.dep_ != "mark" \
                    or mark.idx < f.content[1] or c.right_edge.idx >= frame:
                continue
            end = c.right_edge.idx + len(c.right_edge.text)
            content = doc.char_span(f.content[0], f.content[1], alignment_mode="expand")
            if content is not None and counted_subject(content.root) and counted_subject(c):
                out.append(replace(f, cue=list(f.cue), via=list(f.via), content=trim(doc, doc[mark.i + 1].idx, end)))
            else:
                f.content = trim(doc, f.content[0], end)
    return out


def that_conjuncts(doc: Doc, found: list[Found]) -> list[Found]:
    """"The ministry said the bridge was damaged, and that repairs would take months": the parser
    hangs the second "that" clause on "said" as a conjunct, outside the content. It is a second
    claim of the same cue; its content keeps the "and" ("and that repairs would take months"), so
    that the two together are the whole of what was said. A clause whose subject is a pronoun
    ("... were arrogant, and that they were impatient") says more of the first one's subject:
    it joins that content."""
    out = list(found)
    for f in found:
        if f.mode != "indirect" or f.content[0] < f.cue_span[1]:
            continue  # the content follows its cue
        for c in f.head.children:
            if c.dep_ != "conj" or c.pos_ not in ("VERB", "AUX") or c.i <= f.head.i:
                continue
            cc = next((t for t in f.head.children if t.dep_ == "cc" and t.i < c.left_edge.i), None)
            if cc is None or cc.lower_ != "and" or cc.idx < f.content[1] or not complementizer(doc, cc.i + 1):
                continue
            if any(t.idx < f.content[1] for t in c.subtree):
                continue
            last = c.right_edge
            while last.i > c.i and last.is_punct:
                last = doc[last.i - 1]
            end = last.idx + len(last.text)
            if any(t.dep_ in ("nsubj", "nsubjpass") and t.tag_ == "PRP" for t in c.children):
                f.content = trim(doc, f.content[0], end)  # "A were arrogant and that they were impatient": one statement of them
            else:
                out.append(replace(f, cue=list(f.cue), via=list(f.via), content=trim(doc, cc.idx, end)))
    return out


def complementizer(doc: Doc, i: int) -> bool:
    """"that" at i opens a clause: the parser's mark, or a "determiner" of a noun it cannot
    determine ("that repairs", "that Kyiv"); not the pronoun ("but that was not the case")."""
    if i >= len(doc) or doc[i].lower_ != "that":
        return False
    t = doc[i]
    return t.dep_ == "mark" or (t.dep_ == "det" and t.head.tag_ in ("NNS", "NNPS", "NNP"))


def split_figures(doc: Doc, found: list[Found]) -> list[Found]:
    """"At least 16 people are dead and 31 are missing, according to the ministry": two clauses,
    each with a subject that is a count, are two claims (a toll and a count of the missing are
    different propositions), also around "while"; other clauses are `split_clauses`'s."""
    return split_by(doc, found, lambda f: figure_clauses(doc, f) if f.mode != "direct" else None)


def counted_objects(doc: Doc, found: list[Found]) -> list[Found]:
    """"Officials reported 12 dead and 40 injured", "report seven missing and almost 1,300 people
    evacuated": a cue whose object is a count and which the parser gives a second clause with a
    counted subject after "and" or a comma reports two figures, one claim each (the parser keeps
    only one of them as the content)."""
    if not COUNTED_OBJECTS:
        return found
    return split_by(doc, found, lambda f: counted_object_parts(doc, f) if f.mode == "indirect" else None)


COUNTED_OBJECTS = 1


def counted_object_parts(doc: Doc, f: Found) -> list[tuple[int, int]] | None:
    verb = f.head
    if verb.pos_ != "VERB":
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if obj is None or not counted_phrase(obj):
        return None
    clauses = [c for c in verb.children if c.i > obj.right_edge.i and c.dep_ in ("conj", "advcl", "ccomp")
               and c.pos_ in ("VERB", "AUX", "ADJ") and counted_subject(c)]
    if not clauses:
        return None
    starts = [obj.left_edge.i] + [c.left_edge.i for c in clauses]
    parts = []
    for k, start in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else max(clauses[-1].right_edge.i, obj.right_edge.i) + 1
        if k + 1 < len(starts) and not (doc[end - 1].lower_ in ("and", ",") or doc[end - 1].is_punct):
            return None  # no "and" or comma before it: not two figures side by side
        stop = end
        while stop > start and (doc[stop - 1].dep_ == "cc" or doc[stop - 1].is_punct):
            stop -= 1
        if stop <= start:
            return None
        parts.append((doc[start].idx, doc[stop - 1].idx + len(doc[stop - 1].text)))
    # only where the content now holds one of them (not a content the parser already read whole)
    if not any(a <= f.content[0] and f.content[1] <= b for a, b in parts):
        return None
    return parts


def counted_phrase(tok: Token) -> bool:
    """A noun phrase that is a count: "12 dead", "seven", "16 people" (not a share)."""
    words = list(tok.subtree)
    return any(t.tag_ == "CD" for t in words) and not any(t.lower_ in ("percent", "%", "per") for t in words)


def split_by(doc: Doc, found: list[Found], parts_of: Callable[[Found], list[tuple[int, int]] | None]) -> list[Found]:
    """Each find whose content `parts_of` cuts into parts as one find a part, with its cue."""
    out: list[Found] = []
    for f in found:
        parts = parts_of(f)
        if not parts:
            out.append(f)
            continue
        out.extend(replace(f, cue=list(f.cue), via=list(f.via), content=trim(doc, a, b)) for a, b in parts)
    return out


def figure_clauses(doc: Doc, f: Found) -> list[tuple[int, int]] | None:
    """The character spans of a content's clauses side by side ("A and B", "A, while B and C")
    when each one's subject is a count, else None."""
    span = doc.char_span(f.content[0], f.content[1], alignment_mode="expand")
    if span is None or len(span) > 80:
        return None
    root = span.root
    if root.pos_ not in ("VERB", "AUX"):
        return None
    heads, todo = [root], [root]
    while todo:
        h = todo.pop()
        for c in h.children:
            if span.start <= c.i < span.end and c.pos_ in ("VERB", "AUX") and (
                    c.dep_ == "conj" or (h is root and c.dep_ == "advcl" and doc[c.left_edge.i].lower_ in WHILE_MARKS)):
                heads.append(c)
                todo.append(c)
    if len(heads) < 2 or not all(counted_subject(h) for h in heads):
        return None
    heads.sort(key=lambda h: h.left_edge.i if h is not root else span.start)
    starts = [span.start] + [h.left_edge.i + (doc[h.left_edge.i].lower_ in WHILE_MARKS) for h in heads[1:]]
    parts = []
    for k, start in enumerate(starts):
        end = (heads[k + 1].left_edge.i if k + 1 < len(heads) else span.end)
        stop = end
        while stop > start and (doc[stop - 1].dep_ == "cc" or doc[stop - 1].is_punct):
            stop -= 1  # ", and", "and": the joint belongs to neither clause
        if k + 1 < len(heads) and stop == end and doc[end].lower_ not in WHILE_MARKS:
            return None  # no "and", comma or "while" between them: not clauses side by side
        parts.append((doc[start].idx, doc[stop - 1].idx + len(doc[stop - 1].text)))
    return parts


JOINTS = frozenset(["and"])
CONTRASTS = frozenset("but yet although though".split())


def split_clauses(doc: Doc, found: list[Found]) -> list[Found]:
    """"X said A, and B": clauses side by side, each with a subject of its own, are claims of
    their own (the story gold holds "35 communities are flooded" and "villages are being
    evacuated" apart): one cue, and the joint word goes with the clause it opens ("and B"), so
    that the contents together are all that was said (PolNeAR, which reads the claims of one
    cue as one attribution, sees the same content). A clause whose subject points back ("and
    they were impatient", "and its support vessel lost contact") goes on about the first one
    and stays with it, as does one set against it ("A, but B")."""
    return split_by(doc, found, lambda f: side_clauses(doc, f) if f.mode in ("indirect", "according_to") else None)


def split_asides(doc: Doc, found: list[Found]) -> list[Found]:
    """"X said debris was found in the area — which has been expanded to twice its size — but
    none of it matched": a relative clause set off by dashes that states something of its own
    is a claim of its own too (the story gold holds both), beside the whole content, so
    that one cue's claims together still say exactly what was said."""
    return split_by(doc, found, lambda f: asides(doc, f) if f.mode in ("indirect", "according_to") else None)


def asides(doc: Doc, f: Found) -> list[tuple[int, int]] | None:
    """The whole content and each relative clause in it set off by dashes, with the noun it
    speaks of ("the search area — which has been expanded to be twice the size of Connecticut"),
    when there is one; else None."""
    span = doc.char_span(f.content[0], f.content[1], alignment_mode="expand")
    if span is None or len(span) > 80:
        return None
    parts = []
    for t in span:
        if t.dep_ != "relcl" or t.pos_ not in ("VERB", "AUX") or t.left_edge.i <= span.start:
            continue
        opener = doc[t.left_edge.i]
        if opener.lower_ not in ("which", "who") or doc[t.left_edge.i - 1].text not in ("—", "–"):
            continue
        end = t.right_edge.i + 1
        end = next((k for k in range(t.left_edge.i + 1, end) if doc[k].text in ("—", "–")), end)  # the closing dash
        if end - t.left_edge.i < 5 or end > span.end:
            continue
        first = max(t.head.left_edge.i, span.start)  # with the noun it says something of: "the search area — which ..."
        parts.append((doc[first].idx, doc[end - 1].idx + len(doc[end - 1].text)))
    return [f.content] + parts if parts else None


def side_clauses(doc: Doc, f: Found) -> list[tuple[int, int]] | None:
    """The character spans of a content's clauses joined by "and" or a comma, when each has a
    subject of its own, else None."""
    span = doc.char_span(f.content[0], f.content[1], alignment_mode="expand")
    if span is None or len(span) > 80:
        return None
    root = span.root
    if root.pos_ not in ("VERB", "AUX") or own_subject(root) is None:
        return None
    heads, todo = [root], [root]
    while todo:
        h = todo.pop()
        for c in h.children:
            if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and span.start <= c.left_edge.i and c.right_edge.i < span.end:
                subject = own_subject(c)
                if subject is not None and not refers_back(subject):
                    heads.append(c)
                todo.append(c)
    if len(heads) < 2:
        return None
    heads.sort(key=lambda h: h.i)
    if any(heads[k].i > heads[k + 1].left_edge.i for k in range(len(heads) - 1)):
        return None
    starts = [span.start]
    for h in heads[1:]:
        start = h.left_edge.i
        if doc[start - 1].lower_ in CONTRASTS:
            return None  # "A but B": the speaker weighs one against the other, one statement
        while start > span.start and doc[start - 1].lower_ in JOINTS:
            start -= 1  # the joint word opens the clause
        if start == h.left_edge.i and doc[start - 1].text not in (",", ";"):
            return None  # nothing between them: no clauses side by side
        starts.append(start)
    parts = []
    for k, start in enumerate(starts):
        stop = starts[k + 1] if k + 1 < len(starts) else span.end
        while stop > start + 1 and doc[stop - 1].is_punct:
            stop -= 1
        if stop - start < 3:
            return None
        parts.append((doc[start].idx, doc[stop - 1].idx + len(doc[stop - 1].text)))
    return parts


def subjects(verb: Token, deps: tuple[str, ...] = ("nsubj", "nsubjpass", "expl", "csubj")) -> Iterator[Token]:
    """The clause's subjects, also those the parser hung on its auxiliary."""
    for h in [verb] + [a for a in verb.children if a.dep_ in ("aux", "auxpass")]:
        yield from (x for x in h.children if x.dep_ in deps)


def own_subject(verb: Token) -> Token | None:
    """The clause's subject (also one the parser hung on its auxiliary)."""
    return next(subjects(verb), None)


def refers_back(subject: Token) -> bool:
    """A subject that points back at what was just said: a pronoun ("they", "that") or a noun
    it owns ("its support vessel lost contact"): the clause goes on about the same thing."""
    return subject.tag_ in ("PRP", "DT", "WDT") or any(t.tag_ == "PRP$" for t in subject.subtree)


def counted_subject(verb: Token) -> bool:
    """The clause's subject is a count: "31 are missing", "at least 16 people died" (also a
    subject the parser hung on the clause's auxiliary); not a share ("45 percent backed X and 42
    percent Y" is one poll's finding)."""
    for x in subjects(verb, ("nsubj", "nsubjpass")):
        words = list(x.subtree)
        if any(t.tag_ == "CD" for t in words) and not any(t.lower_ in ("percent", "%", "per") for t in words):
            return True
    return False


# A picture that shows something is a caption ("An undated photo shows the vessel"), not a
# statement: story gold leaves captions out. Under "according to X" the reading is X's
# (`outlet_chains` gave it X as source before this is asked).
PICTURE_NOUNS = frozenset("photo photograph picture image snapshot screenshot screengrab".split())


def caption(f: Found) -> bool:
    return f.cue_lemma in ("show", "depict") and f.source is not None and f.source.root.lemma_.lower() in PICTURE_NOUNS


def outlet_name(mention: Span) -> str:
    """An outlet's name in its mention: "a Reuters report" -> "Reuters", "the paper" -> "paper"."""
    return named_outlet(mention) or strip_the(mention.text)


def relayed_by_outlet(outer: Found, inner: Found) -> bool:
    """A named speaker's report inside a news outlet's ("Hamas denied the claim, the paper
    reported"): the speaker is the originator and the outlet a relay, for a cue of saying,
    claiming, denying or blaming (not an act: "X proposed a ban, the paper reported" stays the
    paper's); also under a closing "according to" an outlet ("Russia denied using them,
    according to a Reuters report"). Not "the agency said": a government agency as often as a news agency; not a
    poll's finding."""
    closing = outer.mode == "according_to" and inner.content[1] <= outer.cue_span[0]  # "X denied Y, according to Reuters"
    return (outer.mode == "indirect" or closing) and outer.source is not None and is_media(outer.source.text) \
        and outer.source.root.lemma_.lower() != "agency" \
        and (outer.source.root.ent_type_ != "PERSON" or NEWS_AGENCY.search(outer.source.text)) \
        and outer.cue_lemma not in FINDING_CUES \
        and inner.mode == "indirect" and inner.source is not None and inner.source.root.pos_ in ("PROPN", "NOUN") \
        and inner.source.root.lemma_.lower() not in EVIDENCE_HEADS \
        and inner.cue_lemma in RELAYED_CUES \
        and not is_media(inner.source.text)


# "..., Sky News reports." closing a content, which the parser read as a noun phrase.
TRAILING_OUTLET = re.compile(r"[,;]['\"\u2018\u2019\u201c\u201d]?\s+(?:the\s+)?(?P<name>(?:[A-Z][\w.&'’-]*\s+){0,4}[A-Z][\w.&'’-]*)"
                             r"\s+(?:reports|reported|says|said|writes|wrote)$")


def contrasted_reports(doc: Doc, found: list[Found]) -> list[Found]:
    """"Costa said A, while Reis said B": a report set against the content in a "while" clause
    is the other's, and the content ends before it."""
    # the finds whose cue starts inside a content, by bisection (all pairs was quadratic: 5,000
    # one-line reports took 35 s), taken in their order in `found`
    by_cue = sorted(range(len(found)), key=lambda j: found[j].cue_span[0])
    cue_starts = [found[j].cue_span[0] for j in by_cue]
    for f in found:
        if f.mode != "indirect" or f.cue_span[1] > f.content[0]:
            continue
        inside = sorted(by_cue[bisect_right(cue_starts, f.content[0]):bisect_left(cue_starts, f.content[1])])
        for g in (found[j] for j in inside):
            if g is f or g.source is None or not f.content[0] < g.cue_span[0] < f.content[1]:
                continue
            mark = next((c for c in g.head.children if c.dep_ == "mark" and c.lower_ in WHILE_MARKS), None)
            if mark is not None and mark.idx > f.content[0]:
                f.content = trim(doc, f.content[0], mark.idx)
    return found


# "..., a figure that could not be independently verified": the writer's note on the claim.
WRITER_CAVEAT = re.compile(r",\s+(?:a|an)\s+(?:\w+\s+)?(?:figure|number|claim|toll|estimate|assertion|allegation|account)"
                           r"\s+(?:that|which)\s+[^,;]*?\b(?:verified|confirmed|corroborated|verify|confirm)\b[^,;]*$", re.I)


def trailing_outlets(doc: Doc, found: list[Found]) -> list[Found]:
    """An outlet's closing frame left inside a content ("she said she was 'the only pilot,' Sky
    News reports"): the content ends before it, and the outlet is the report's `via`. So does
    the writer's note on the claim ("..., a figure that could not be independently verified")."""
    text = text_of(doc)
    for f in found:
        caveat = WRITER_CAVEAT.search(text, f.content[0], f.content[1])
        if caveat is not None and f.mode != "direct" and caveat.start() > f.content[0]:
            f.content = trim(doc, f.content[0], caveat.start())  # "..., a figure that could not be verified"
        m = TRAILING_OUTLET.search(text, f.content[0], f.content[1])
        if m is None or f.mode == "direct" or f.source is None or not is_media(m["name"]):
            continue
        f.content = trim(doc, f.content[0], m.start())
        if m["name"] not in f.via:
            f.via = [m["name"], *f.via]
    return found


def trailing_quoted(doc: Doc, found: list[Found]) -> list[Found]:
    """"C, the New York Times quoted US officials as saying.": the parser makes "quoted" a
    conjunct of C's verb and the quoted ones its content; the quoted said C, the paper relays it."""
    for f in found:
        verb = f.head
        if f.cue_lemma != "quote" or f.mode != "indirect" or verb.dep_ != "conj" or verb.head.i > verb.i:
            continue
        quoted = quoted_as(verb)
        if quoted is None:
            continue
        speaker = quoted[0]
        # the relay: the conjunct's own subject, or a noun the parser set beside C's last word
        relay = subject_of(verb) or next((t for t in doc[verb.head.i:verb.i] if t.dep_ == "appos" and t.head.i < t.i), None)
        comma = next((t for t in reversed(doc[verb.head.i:verb.i]) if t.text == ","), None)
        if relay is None or comma is None or relay.i < comma.i:
            continue
        name = strip_the(doc[comma.i + 1:verb.i].text.strip())  # all the words of the relay's name
        if not is_media(name):
            continue
        start = sent_of(verb).start_char
        f.source = noun_span(speaker)
        f.content = trim(doc, start, comma.idx)
        f.via = [name, *f.via]
        f.inherit_from = None
    return found


# Heads of a definite description of a body: "the organization", "the agency".
BODY_DESCRIPTIONS = frozenset("""organization organisation agency ministry company group institute office department
body authority service firm watchdog observatory center centre council committee""".split())


def said_twice(outer: Found, inner: Found) -> bool:
    """A closing frame by "the organization" around a report of a named body that opens its
    content ("X said C, the organization said"): the same speaker framing its own statement."""
    if outer.source is None or inner.source is None or outer.mode != "indirect" or inner.mode != "indirect":
        return False
    words = [t for t in outer.source if not t.is_punct]
    if len(words) != 2 or words[0].lower_ != "the" or words[1].lemma_.lower() not in BODY_DESCRIPTIONS:
        return False
    named = inner.source.root.pos_ == "PROPN" or any(t.ent_type_ == "ORG" for t in inner.source)
    return named and outer.cue_span[0] >= outer.content[1] and inner.source.start_char <= outer.content[0] + 4


def closing_frame(outer: Found, inner: Found) -> bool:
    """Inside an indirect report's content, a frame closing it ("X said A, the paper reported"):
    the inner report says the part before its frame, and the outer content ends with that frame."""
    if outer.mode != "indirect" or inner.mode != "indirect" or outer.cue_span[1] > outer.content[0] \
            or inner.cue_lemma not in RELAYED_CUES:
        return False
    if inner.source is None or inner.source.start_char > inner.cue_span[0]:
        return False
    text = text_of(inner.head.doc)
    fronted = outer.content[0] <= inner.content[0] and inner.content[1] <= inner.source.start_char
    return fronted and not text[inner.content[1]:inner.source.start_char].strip(" ,'\"\u2018\u2019\u201c\u201d") \
        and not text[inner.cue_span[1]:outer.content[1]].strip(" ,.")


# Those a briefing is given to, when not named ("told lawmakers"; not "tells lies that ...").
RECIPIENTS = frozenset("""lawmaker legislator parliament parliamentarian committee congress senate senator mp deputy
member reporter journalist correspondent official diplomat ambassador minister leader audience crowd""".split())
# Words that may open a relayed report inside its relay's content ("that the agency told ...").
RELAY_LEAD = frozenset("that and but".split())


def relayed_report(outer: Found, inner: Found) -> bool:
    """A report that is the whole of another's content ("The agency told lawmakers that C, a
    lawmaker said", "according to a lawmaker", or "C, the agency told lawmakers, according to a
    lawmaker"): the one who relays it is not its originator.
    The outer cue is of saying; the inner one tells, informs or briefs someone (`RECIPIENTS`, a
    name, "him"), plainly (not "could not tell"); the inner source is named by a noun (not "he":
    "X said he told them" is X's own); the inner report runs from the outer content's start to
    its end."""
    if outer.source is None or inner.source is None or inner.mode != "indirect" or inner.unnamed:
        return False
    if outer.mode not in ("indirect", "according_to") or outer.cue_lemma not in RELAYED_CUES | {"according to"}:
        return False
    told = [c for c in inner.head.children if c.dep_ in ("dobj", "dative") and (
        c.lemma_.lower() in RECIPIENTS or c.ent_type_ in ("PERSON", "ORG", "NORP") or c.lower_ in ("him", "her", "them", "us"))]
    if inner.cue_lemma not in RELAYED_SAYING or not told or inner.source.root.pos_ not in ("PROPN", "NOUN") \
            or inner.source.root.lemma_.lower() in EVIDENCE_HEADS \
            or any(t.dep_ == "neg" or t.tag_ == "MD" for c in inner.cue for t in (c, *c.children)):
        return False
    doc = inner.head.doc
    if inner.content[1] <= inner.source.start_char:
        # "C, the agency told lawmakers, according to a lawmaker": the report closes with its frame
        end = inner.head.right_edge
        return inner.content[0] <= outer.content[0] + 1 and outer.content[1] <= end.idx + len(end.text) + 1
    lead = [t for t in doc.char_span(outer.content[0], inner.source.start_char, alignment_mode="expand") or ()
            if not t.is_punct] if inner.source.start_char > outer.content[0] else []
    if inner.source.start_char < outer.content[0] or any(t.lower_ not in RELAY_LEAD for t in lead):
        return False
    return inner.content[1] >= outer.content[1] - 1 and inner.cue_span[0] < inner.content[0]


# Cues of a statement an outlet relays: saying, claiming, denying, blaming; not acts ("proposed",
# "urged", "agreed") nor what one perceives or what shows ("the sensors heard X").
RELAYED_CUES = (SPEECH_VERBS - frozenset("""
propose recommend urge demand promise vow pledge ask continue agree wonder hope fear learn hear show read remind
notify inform share decide determine rule find know feel realize realise understand demonstrate prove sing type
""".split())) | frozenset("blame accuse dismiss reject deny condemn".split())


def nested_report(inner: Found, outer: Found | None = None) -> bool:
    """A report inside another's content that stands as an attribution of its own (PolNeAR
    annotates "Merrill says Machado promised ... and said ..." as three)."""
    if inner.source is None:
        return False
    if outer is not None and outer.cue_lemma.split()[0] in ANSWERING_CUES and inner.mode == "indirect" and inner.head.pos_ == "NOUN" \
            and inner.source.root.head.i == inner.head.i and inner.source.root.dep_ in ("poss", "amod"):
        return True  # "rejected the company's claim that ...", "dismissed Israeli claims that ...": what is denied stands
    if inner.mode == "according_to":
        # "..., according to a campaign aide." closing the sentence; not "according to him"
        return inner.content[1] <= inner.cue_span[0] and inner.source.root.pos_ != "PRON"
    if inner.mode == "indirect" and inner.head.pos_ == "NOUN" and inner.source.root.head.lower_ in ("by", "from") \
            and inner.head.i in (inner.source.root.head.head.i, inner.source.root.head.head.head.i):
        return True  # "dismissed claims by the rebels that ...", "claims made by Kiev that ...": theirs stands too
    if inner.given_by:
        return True  # "much lower than the 471 announced by Hamas": Hamas's figure stands too
    return inner.mode == "indirect" and inner.cue_lemma in NESTED_CUES


# Cues that answer another's claim: the claim they name, with its maker, stands (`nested_report`).
ANSWERING_CUES = ANSWERING | frozenset("rebut contest contradict question challenge ridicule slam abstain".split())


# Cues of "X said this": a demonstrative object that is the whole of what was said.
SAID_THIS_CUES = frozenset("say state write announce report tell claim note declare inform post".split())
# "The relevant statement was made by X": the statement before it, named by a noun.
THE_STATEMENT = re.compile(r"^(?:the|this|that)\s+(?:relevant\s+|corresponding\s+|above\s+|latest\s+)?"
                           r"(?:statement|statements|remarks?|comments?|announcement)$")
# The most sentences of a paragraph that a "This was stated by X" after it takes for X's.
DEMONSTRATIVE_SENTENCES = 4


def resolve_demonstratives(doc: Doc, document: Document, found: list[Found]) -> list[Found]:
    """"This was stated by X": the content is the statement before it (the headline at the top).
    Opening a paragraph of its own, "this" is the paragraph before: each of its sentences that
    holds no claim of its own, up to `DEMONSTRATIVE_SENTENCES` (a claim each)."""
    text = text_of(doc)
    for f in found:
        said = text[f.content[0]:f.content[1]].lower()
        named = THE_STATEMENT.match(said) and f.cue_lemma.split()[0] in MADE_BY_VERBS
        if said not in DEMONSTRATIVE and not named:
            continue
        sent = sent_of(doc.char_span(f.content[0], f.content[1], alignment_mode="expand"))
        prev = sent_of(doc[sent.start - 1]) if sent.start > 0 else None
        if prev is None:
            continue
        s, e = trim(doc, prev.start_char, prev.end_char)
        t = text.find(document.title, s, e) if document.title else -1
        if t >= 0:
            s = t
        elif "\n" in text[e:sent.start_char] and (named or stands_for_a_statement(doc, f)):
            s = paragraph_start(doc, prev, [g for g in found if g is not f])
        f.content = (s, e)
    return found


def stands_for_a_statement(doc: Doc, f: Found) -> bool:
    """"This was stated by X", "X said this on Facebook": the demonstrative is what was said,
    the whole of it, for a cue of saying; not for another cue ("can't blame this on X", "this
    was rejected by Congress": the sentence before)."""
    tok = doc.char_span(f.content[0], f.content[1], alignment_mode="expand")
    if tok is None or len(tok) != 1:
        return False
    t = tok[0]
    return f.cue_lemma in SAID_THIS_CUES and (t.dep_ == "nsubjpass" or (t.dep_ == "dobj" and t.head.lemma_.lower() in SPEECH_VERBS))


def paragraph_start(doc: Doc, last: Span, others: list[Found]) -> int:
    """Where the run of sentences of `last`'s paragraph that ends with it and holds no other
    claim starts (at most `DEMONSTRATIVE_SENTENCES` sentences)."""
    text = text_of(doc)
    taken = [(g.content[0], g.content[1]) for g in others] + [g.cue_span for g in others]
    start, sent = last.start_char, last
    for _ in range(DEMONSTRATIVE_SENTENCES - 1):
        if sent.start == 0:
            break
        before = sent_of(doc[sent.start - 1])
        if "\n" in text[trim(doc, before.start_char, before.end_char)[1]:sent.start_char] or any(a < before.end_char and before.start_char < b for a, b in taken):
            break
        start, sent = before.start_char, before
    return trim(doc, start, last.end_char)[0]


# ---------------------------------------------------------------- continuation

def of_the_saying(root: Token) -> bool:
    """"He made the comments a day later", "She delivered the statement in Geneva": a sentence
    about the act of saying, not more of what was said."""
    return root.lemma_.lower() in MADE_BY_VERBS | {"give", "offer"} and any(
        c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in MADE_NOUNS | {"speech", "remark", "comment"} for c in root.children)


FIGURE_CONTINUATION = 1
COUNTING_CUES = frozenset("estimate count calculate tally put".split())


def figure_sentence(sent: Span) -> bool:
    """A sentence of figures with a common-noun subject ("Around 16,000 people were affected in
    areas held by the government"): more of the count just reported, not a new speaker's."""
    subj = next((t for t in sent if t.dep_ in ("nsubj", "nsubjpass") and t.head == sent.root), None)
    if subj is None or subj.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or subj.pos_ == "PRON" and subj.lower_ not in ("that", "this"):
        return False
    return any(e.label_ in ("CARDINAL", "QUANTITY", "PERCENT") for e in sent.ents)


def add_continuations(doc: Doc, found: list[Found], quotes: list[Quote], teasers: list[tuple[int, int]]) -> list[Found]:
    """A sentence right after a reported statement, in the same paragraph, opening with a pronoun
    subject and holding no cue of its own, carries on that statement ("They will be ready ...")."""
    out = list(found)
    # the finds by where their content ends (the first for each end, in order of `found`), with
    # the ends sorted for bisection: a scan of all finds for each sentence was quadratic
    by_end: dict[int, tuple[int, Found]] = {}
    for f in found:
        by_end.setdefault(f.content[1], (len(by_end), f))
    ends = sorted(by_end)
    covered = sorted([(f.content[0], f.content[1]) for f in found] + [(q.open_mark, q.end) for q in quotes])
    covered_starts = [a for a, _ in covered]
    reach = list(accumulate((b for _, b in covered), max))  # the furthest end of the spans starting so far
    for sent in sents_of(doc):
        if sent.start == 0:
            continue
        prev = sent_of(doc[sent.start - 1])
        # the last (in order of `found`, then added) report or continuation ending in the sentence before
        prev_end = max((by_end[end] for end in ends[bisect_left(ends, prev.start_char):bisect_right(ends, prev.end_char)]
                        if by_end[end][1].mode in ("indirect", "continuation") and by_end[end][1].source is not None),
                       key=lambda x: x[0], default=(None, None))[1]
        if prev_end is None or "\n" in text_of(doc)[prev_end.content[1]:sent.start_char]:
            continue
        n = bisect_left(covered_starts, sent.end_char)  # the spans starting before the sentence ends
        if (n and reach[n - 1] > sent.start_char) or inside_any(sent.start_char, teasers):
            continue  # a content or a quote overlaps it
        first = sent[0]
        pronoun = first.lower_ in CONTINUATION_SUBJECTS and first.dep_ in ("nsubj", "nsubjpass", "expl")
        if not pronoun and not (FIGURE_CONTINUATION and prev_end.cue_lemma in COUNTING_CUES and figure_sentence(sent)):
            continue
        if sent.root.lemma_.lower() in SPEECH_VERBS or sent.text.rstrip().endswith("?") or of_the_saying(sent.root):
            continue
        c = Found(cue=prev_end.cue, cue_lemma=prev_end.cue_lemma, source=prev_end.source, content=trim(doc, sent.start_char, sent.end_char), mode="continuation", inherit_from=prev_end.inherit_from, unnamed=prev_end.unnamed, via=prev_end.via)
        out.append(c)
        if c.content[1] in by_end:
            by_end[c.content[1]] = (by_end[c.content[1]][0], c)
        else:
            by_end[c.content[1]] = (len(by_end), c)
            insort(ends, c.content[1])
    out.sort(key=lambda f: f.content[0])
    return out


# Sentences before a paragraph's closing "..., according to X." that it may cover.
ACCORDING_BACK = 2
CLOSING_SOURCE_CUES = frozenset(["according to"])
# What may follow the source of a closing "according to": an aside on it ("..., who spoke on
# condition of anonymity", "..., a spokesman for the agency").
SOURCE_ASIDE = re.compile(r"^[,(]\s*(?:who|whom|whose|which|an?|the)\b", re.I)


def according_to_paragraph(doc: Doc, found: list[Found], quotes: list[Quote], teasers: list[tuple[int, int]]) -> list[Found]:
    """A paragraph that closes with "..., according to X." is X's account throughout: "The
    military has downed more than 300 drones. Six were shot down overnight, according to the
    air force spokesman." Each sentence before it in its paragraph (up to `ACCORDING_BACK`,
    nearest first) that holds no claim, quote or cue of its own is X's too; the run stops at
    one that does, at a question, and at a sentence of saying. Not for "According to X, A."
    opening its sentence: what comes before that is the writer's."""
    if not ACCORDING_PARAGRAPH:
        return found
    text = text_of(doc)
    taken = [(f.content[0], f.content[1]) for f in found] + [f.cue_span for f in found] + [(q.open_mark, q.end) for q in quotes]
    out = list(found)
    for f in found:
        if f.cue_lemma not in CLOSING_SOURCE_CUES or f.source is None or f.cue_span[0] < f.content[1]:
            continue
        sent = sent_of(doc[f.cue[0].i])
        rest = text[f.source.end_char:sent.end_char].strip(" .\n\"'”’")
        if trim(doc, sent.start_char, sent.end_char)[0] != f.content[0] or rest and not SOURCE_ASIDE.match(rest):
            continue  # the phrase closes its sentence (but for an aside on the source), and the content opens it
        for _ in range(ACCORDING_BACK):
            if sent.start == 0:
                break
            before = sent_of(doc[sent.start - 1])
            s, e = trim(doc, before.start_char, before.end_char)
            if e <= s or "\n" in text[e:sent.start_char] or inside_any(s, teasers) \
                    or any(a < e and s < b for a, b in taken) or text[s:e].rstrip().endswith("?") \
                    or before.root.lemma_.lower() in SPEECH_VERBS or not coheres(before, sent) or names(before, f.source):
                break
            out.append(Found(cue=f.cue, cue_lemma=f.cue_lemma, source=f.source, content=(s, e), mode=f.mode,
                             unnamed=f.unnamed, via=f.via))
            taken.append((s, e))
            sent = before
    out.sort(key=lambda f: f.content[0])
    return out


ACCORDING_PARAGRAPH = 1
# Words by which a sentence carries on the one before it: "Six of them were shot down", "Mechanical
# issues also grounded the planes", "additional mining".
CARRY_ON_WORDS = frozenset("also too them they additional further more other".split())
LIGHT_LEMMAS = frozenset("be have do make take get say".split())


def coheres(before: Span, sent: Span) -> bool:
    """`sent` carries on `before`: it shares a common noun or verb with it ("primary mining" / "additional
    mining"), or refers back to it ("them", "also"). A sentence on something else ("America's
    prison population stood at ...", after "it was in the last 50 years that ...") is another
    statement, the writer's as likely as the source's."""
    if any(t.lower_ in CARRY_ON_WORDS for t in sent):
        return True
    content = lambda span: {t.lemma_.lower() for t in span if t.pos_ in ("NOUN", "VERB") and t.lemma_.lower() not in LIGHT_LEMMAS}  # noqa: E731
    return bool(content(before) & content(sent))


def names(sent: Span, source: Span) -> bool:
    """The sentence names the source itself ("Scott struggles to deliver a sound bite. ..., according
    to Scott"): the writer's words about the source, not the source's."""
    return any(t.lower_ == source.root.lower_ for t in sent if t.pos_ == "PROPN")


# ---------------------------------------------------------------- claims

# A wire dateline opening a content: "SEOUL, Nov 4 (Reuters) - ", "PARIS (AP) — ",
# "MOSCOW, October 18. /TASS/. ", "KYIV, Ukraine (AP) -- ".
DATELINE_LEAD = re.compile(
    r"[A-Z][A-Z .'’-]{1,30}(?:,\s+[A-Z][A-Za-z.]*(?:\s+[A-Z][A-Za-z.]*)?(?:\s+\d{1,2}(?:,\s+\d{4})?)?\.?)?"
    r"\s*(?:\([A-Za-z .&'’-]{1,30}\)\s*(?:[-–—]{1,2}|:)|/[A-Za-z .&'’-]{1,30}/\.?)\s*")


def to_claims(doc: Doc, document: Document, found: list[Found]) -> list[Claim]:
    resolver = SourceResolver()
    resolver.learn(doc)
    by_head: dict[int, Source] = {}
    claims: list[Claim] = []
    for f in sorted(found, key=lambda f: min(f.content[0], f.cue_span[0])):
        if f.inherit_from is not None and f.inherit_from.i in by_head:
            base = by_head[f.inherit_from.i]
            source = Source(name=base.name, mention=None, span=None, kind=base.kind, role=base.role)
        elif f.inherit_from is not None:
            subj = subject_of(f.inherit_from)
            source = resolver.resolve(noun_span(subj) if subj is not None else None, f.unnamed)
            source.span = None
        else:
            source = resolver.resolve(f.source, f.unnamed)
        for outlet in f.via:
            if is_media(outlet) and outlet[:1].isupper():
                resolver.remember(Known(outlet, "media", None), speaker=False)  # "..., Times of Israel noted": then "the outlet"
        by_head.setdefault(f.head.i, source)
        cue_span = None if f.mode == "continuation" else f.cue_span
        for s, e in sentence_pieces(doc, f.content):
            if (lead := DATELINE_LEAD.match(text_of(doc), s, e)) is not None and lead.end() < e:
                s = lead.end()  # "SEOUL, Nov 4 (Reuters) - About 1,500 ...": the place and agency are no content
            if e <= s:
                continue  # an empty quote ("" or " "): no content, no claim
            claims.append(Claim(
                document=document.id,
                source=Source(plain_quotes(source.name), source.mention, source.span, source.kind, source.role),
                cue=f.cue_lemma,
                cue_span=cue_span,
                mode=f.mode,
                content=text_of(doc)[s:e],
                span=(s, e),
                via=list(f.via),
                reported_by=f.reported_by,
                rebuts=f.rebuts,
                rebuts_denial=f.rebuts_denial,
            ))
    claims.sort(key=lambda c: c.span)
    return cut_fragments(doc, dedupe(claims))


TYPOGRAPHIC_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})


def plain_quotes(name: str) -> str:
    """A source's name with typographic apostrophes made plain ("Ukraine’s Intelligence" ->
    "Ukraine's Intelligence", "O’Brien" -> "O'Brien"): one name however the page typed it.
    The mention keeps the text as written."""
    return name.translate(TYPOGRAPHIC_APOSTROPHES)


def cut_fragments(doc: Doc, claims: list[Claim]) -> list[Claim]:
    """An excerpt that stops mid-sentence ("... the minister said the governm"): a claim of
    that last sentence with fewer than CUT_MIN_WORDS words says nothing yet; a longer one stays."""
    text = text_of(doc).rstrip()
    if not text or FINISHED.search(text) or not sents_of(doc):
        return claims
    last = sents_of(doc)[-1].start_char
    return [c for c in claims if c.span[0] < last or len(c.content.split()) >= CUT_MIN_WORDS]


def sentence_pieces(doc: Doc, content: tuple[int, int]) -> list[tuple[int, int]]:
    s, e = content
    span = doc.char_span(s, e, alignment_mode="expand")
    if span is None:
        return [(s, e)]
    pieces = []
    sents = sents_of(doc)
    first = max(0, bisect_right(sent_char_starts(doc), s) - 1)  # by bisection: a claim in each of 5,000 sentences was quadratic
    for sent in sents[first:]:
        if sent.start_char >= e:
            break
        if sent.end_char <= s:
            continue
        a, b = trim(doc, max(s, sent.start_char), min(e, sent.end_char))
        if b - a >= 2 and any(ch.isalnum() for ch in text_of(doc)[a:b]):
            pieces.extend(modal_conjuncts(doc, a, b))
    return pieces or [(s, e)]


def modal_conjuncts(doc: Doc, a: int, b: int) -> list[tuple[int, int]]:
    """"are being trained in Russia and may be sent to the front": a conjoined verb with a modal
    of its own says something else (possible, not asserted), so it is a claim of its own."""
    piece = doc.char_span(a, b, alignment_mode="expand")
    if piece is None:
        return [(a, b)]
    for t in piece:
        if t.dep_ != "conj" or t.pos_ not in ("VERB", "AUX") or not (piece.start <= t.head.i < piece.end):
            continue
        if not any(c.tag_ == "MD" for c in t.children) or any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
            continue
        cc = next((c for c in t.head.children if c.dep_ == "cc" and c.i < t.i), None)
        if cc is None or t.left_edge.i <= cc.i:
            continue
        first = trim(doc, a, cc.idx)
        second = trim(doc, t.left_edge.idx, b)
        if first[1] - first[0] > 10 and second[1] - second[0] > 10:
            return [first, second]
    return [(a, b)]


def dedupe(claims: list[Claim]) -> list[Claim]:
    """Two finds of the same content span keep the first (quotes before reported speech),
    unless a rebuttal gives it a second source ("X blamed A, a claim Y denied") or one cue
    gives it to each of several ("There was no comment from X or Y")."""
    seen: dict[tuple[int, int], tuple[tuple[int, int] | None, set[str]]] = {}
    out = []
    for c in claims:
        prev = seen.get(c.span)
        if prev is not None and not c.rebuts and not (c.cue_span is not None and prev[0] == c.cue_span
                                                        and c.source.name not in prev[1]):
            continue
        if prev is None:
            seen[c.span] = (c.cue_span, {c.source.name})
        elif not c.rebuts:
            c.fellow = len(prev[1])  # its own id
            prev[1].add(c.source.name)
        out.append(c)
    return out


def teaser_ranges(text: str) -> list[tuple[int, int]]:
    out = []
    pos = 0
    for line in text.split("\n"):
        if line.strip().lower().startswith(TEASER_PREFIXES):
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


# The top of a web page: a line this short that closes no sentence is a heading (the headline,
# a section label, a dateline), not body text; the body begins at the first line that does.
HEADING_WORDS = 25
# A line ending so runs on into the next ("Candidates vie for vets' support;"): not a heading.
RUNS_ON = (";", ",", ":")


# A short question above the body is a heading too (a site's search prompt, a question headline).
QUESTION_HEADING_WORDS = 10


def heading_ranges(text: str) -> list[tuple[int, int]]:
    """The lines above the body that close no sentence: "Minister says X caused the blast",
    "NATIONAL NEWS", "Jun 28, 2023, 4:42 PM". What a headline says the body says again, and its
    claim would be counted twice (story-gold.md: headlines are not annotated)."""
    out = []
    pos = 0
    for line in text.split("\n"):
        body = line.strip()
        if body:
            question = body.endswith("?") and len(body.split()) <= QUESTION_HEADING_WORDS  # "Hi, what are you looking for?"
            if (FINISHED.search(body) and not question) or body.endswith(RUNS_ON) or len(body.split()) > HEADING_WORDS \
                    or open_quote(body):
                break
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    if pos >= len(text):
        return []  # a text of headings only (a one-line document): read it all
    return out


def open_quote(line: str) -> bool:
    """A quote opened and not closed on the line: a statement running on, not a heading."""
    return any(q.close_mark is None for q in find_quotes(line))


def inside_any(i: int, ranges: list[tuple[int, int]]) -> bool:
    return any(s <= i < e for s, e in ranges)
