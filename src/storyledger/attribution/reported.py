"""Reported speech from the dependency parse: "X said that ...", "X confirmed Y",
"this was stated by X", "according to X, ...", "It was reported that ...".
"""
from __future__ import annotations

import re

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..nlp.cache import sents_of, text_of
from ..semantics.stance import REFERRED_NOUNS
from .cues import (
    ACT_PASSIVES,
    ANSWERING,
    CUE_NOUNS,
    DOCUMENT_NOUNS,
    DOCUMENT_VERBS,
    LIGHT_VERBS,
    NOUN_PREPS,
    ISSUE_VERBS,
    STATEMENT_NOUNS,
    OBJECT_VERBS,
    PARTICLE_CUES,
    ATTITUDE_ADJECTIVES,
    PREP_CUES,
    REPORT_NOUNS,
    SPEECH_VERBS,
    UNATTRIBUTED_VERBS,
    WEAK_VERBS,
    XCOMP_VERBS,
)

# Adverbs after a cue verb that open its content or a frame, not part of the cue ("said
# how ...", "said when ...").
CUE_NOT_ADVERBS = frozenset("how when where why whether so that there here too as".split())

# Forms the small model lemmatizes wrongly (PolNeAR train: 60 "hoped" cues read as "hop").
SURFACE_LEMMAS = {"hoped": "hope", "hopes": "hope", "hoping": "hope", "retweeted": "retweet", "retweeting": "retweet"}

# Raising verbs: "X seems to ...", "X is expected to ...": the writer's (or no one's) hedge on
# X, a PolNeAR cue with no source (train: seem 72/125, appear 69/122 with an infinitive).
RAISING_VERBS = frozenset("seem appear".split())

# "In a CNN poll released Monday, 50 percent chose ...": documents whose findings a sentence-
# opening "In ... ," attributes (PolNeAR train annotates these; "in the polls" mid-sentence
# mostly not).
POLL_NOUNS = frozenset("poll survey study".split())

# "tried to explain", "continued to insist": PolNeAR cues hold the governing verb of a reporting
# infinitive (train, where the infinitive was a cue: try 42 of 42, continue 34/34, have to 20/20),
# unless that verb is a cue of its own ("pledged to oppose": the cue is "pledged", the infinitive
# its content), "continue" apart, which is a cue only with a clause ("he continued, ...");
# the gap between the two verbs is at most this many tokens.
MAX_CONTROL_GAP = 6

# A "that" clause the parser hung on a frame modifier's noun is looked for this many tokens after the verb.
MAX_STRANDED_GAP = 12

# At most this many modifier words between a verb and the preposition that takes its content,
# for the preposition to join the cue ("talked openly on social media about").
MAX_CUE_GAP = 4

# Words that open a reported clause the parser took for an adverbial one.
CLAUSE_OPENERS = frozenset("that whether how why what who which".split())

QUOTE_MARKS = frozenset(['"', "''", "\u201c", "\u201d"])

EDGE_PUNCT = set(",;:-\u2013\u2014\"'\u201c\u201d\u2018\u2019()[] \n\t")


@dataclass(slots=True)
class Found:
    """An attribution before its source is resolved: token spans in one Doc."""

    cue: list[Token]
    cue_lemma: str
    source: Span | None
    content: tuple[int, int]  # characters
    mode: str
    inherit_from: Token | None = None  # "..., adding that": the source is the head verb's
    unnamed: str | None = None  # the name given to an unnamed source
    via: list[str] = field(default_factory=list)
    reported_by: str | None = None
    quote: object | None = None
    absorbs: Token | None = None  # a governing verb folded into this cue ("issued a statement saying")
    shares_cue: Found | None = None  # the quote's find whose cue this clause before the quote shares
    rebuts: bool = False  # "..., a claim X denied": X's rebuttal of the content before it
    rebuts_denial: bool = False  # and what it rebuts is a denial: the rebutter holds the content
    given_by: bool = False  # "the 471 announced by Hamas": stands even inside another's content

    @property
    def cue_span(self) -> tuple[int, int]:
        return (self.cue[0].idx, self.cue[-1].idx + len(self.cue[-1].text))

    @property
    def head(self) -> Token:
        return self.cue[-1]


# A page's header date (" date 2023-06-07 US intelligence is ..."): no part of a name or a content.
PAGE_DATE = re.compile(r"\s*(date\s+)?\d{4}-\d{2}-\d{2}\s+")


def trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Strip spaces, commas and quote marks from the edges of a character span, and a page's
    header date before the text (" date 2023-06-07 US intelligence is ...")."""
    text = text_of(doc)
    while start < end and text[start] in EDGE_PUNCT:
        start += 1
    header = PAGE_DATE.match(text, start, end)
    if header and header.group(1) and header.end() < end:
        start = header.end()
    while end > start and text[end - 1] in EDGE_PUNCT:
        end -= 1
    return start, end


def subtree_span(tok: Token) -> tuple[int, int]:
    return tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge.text)


def cue_tokens(verb: Token) -> list[Token]:
    """The verb with its auxiliaries, negation, adverbs like "also" and particle: "has also said"."""
    parts = [verb]
    for c in verb.children:
        if c.dep_ in ("aux", "auxpass", "neg") and c.i < verb.i:
            parts.append(c)
        elif c.dep_ == "advmod" and c.i < verb.i and c.right_edge.i == c.i and c.pos_ == "ADV":
            parts.append(c)  # "has long said", "generally praised" (PolNeAR cues hold these)
        elif c.dep_ == "advmod" and c.i == verb.i + 1 and c.pos_ == "ADV" and c.right_edge.i == c.i and c.lower_ not in CUE_NOT_ADVERBS:
            parts.append(c)  # "said sarcastically", "adding later"
        elif c.dep_ == "prt" and c.i > verb.i:
            parts.append(c)  # "pointed out", "lashed out", "spoke up"
    parts.sort(key=lambda t: t.i)
    # keep a contiguous run ending (or starting) at the verb
    run = [verb]
    for t in reversed([p for p in parts if p.i < verb.i]):
        if t.i == run[0].i - 1:
            run.insert(0, t)
        else:
            break
    for t in [p for p in parts if p.i > verb.i]:
        if t.i == run[-1].i + 1:
            run.append(t)
    return run


def lemma_of(tok: Token) -> str:
    """The token's lemma, mended where the small model's lemmatizer slips ("hoped" -> "hop")."""
    return SURFACE_LEMMAS.get(tok.lower_) or tok.lemma_.lower()


def cue_lemma(verb: Token) -> str:
    for c in verb.children:
        if c.dep_ == "prt" and (verb.lemma_, c.lower_) in PARTICLE_CUES:
            return PARTICLE_CUES[(verb.lemma_, c.lower_)]
    return lemma_of(verb)


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


# "An analysis of videos before and after the explosion indicates ...": the parser may take the
# noun of a time phrase for the verb's subject; a noun right after one of these is not the subject.
TIME_PREPS = frozenset("after before during following since amid".split())


def time_object(tok: Token) -> bool:
    """The noun is the object of a time phrase right before it ("after the explosion")."""
    i = tok.left_edge.i - 1
    return i >= 0 and tok.doc[i].lower_ in TIME_PREPS


def subject_of(verb: Token) -> Token | None:
    """The verb's subject. Where the parser gives two ("Full panic mode," said Leslie Wimes: it
    takes "mode" inside the quote for a subject too), the one after the verb, else the nearest.
    A noun of a time phrase the parser took for the subject ("An AP analysis of videos before,
    during and after the explosion indicates") gives way to the other subject, or to the noun
    the sentence opens on when the parser made that its root."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
    if subjects and time_object(subjects[-1]) and subjects[-1].i < verb.i:
        if len(subjects) > 1:
            subjects = subjects[:-1]
        else:
            root = verb.sent.root
            if root.pos_ in ("NOUN", "PROPN") and root.i < subjects[0].i and verb.i in {t.i for t in root.subtree}:
                return root
    if len(subjects) < 2:
        return subjects[0] if subjects else None
    after = [c for c in subjects if c.i > verb.i]
    return after[0] if after else subjects[-1]


def agent_of(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ == "agent":
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
    return None


REFLEXIVES = frozenset("himself herself itself themselves myself ourselves yourself".split())


def noun_span(tok: Token) -> Span:
    """The noun phrase headed by tok, without a trailing relative clause or punctuation."""
    doc = tok.doc
    start, end = tok.left_edge.i, tok.right_edge.i + 1
    # "Censor.NET": a name the tokenizer split without spaces stays whole
    while end < len(doc) and not doc[end - 1].whitespace_ and not doc[end].is_punct | (doc[end].text == "."):
        end += 1
    while end + 1 < len(doc) and not doc[end - 1].whitespace_ and doc[end].text == "." and not doc[end].whitespace_ and doc[end + 1].is_alpha:
        end += 2
    for c in tok.children:
        if c.dep_ in ("relcl", "acl") and c.i > tok.i:
            end = min(end, c.left_edge.i)
    while end > start + 1 and (doc[end - 1].is_punct or doc[end - 1].dep_ in ("cc", "case") or doc[end - 1].lower_ in REFLEXIVES):
        end -= 1  # "the ministry's conclusion that ...": the ministry, not "ministry's"; "the mayor herself": the mayor
    while start < end - 1 and doc[start].is_punct:
        start += 1
    return doc[start:end]


# Days that, right after the cue, date the saying: "said on Monday the troops had left", "said
# Tuesday the plant was shut" (the parser hangs the day on the clause when no "that" follows).
SAYING_DAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday yesterday today".split())


def saying_day(verb: Token, first: Token) -> Token | None:
    """The day phrase that opens a clause straight after its cue ("said [on Monday] the troops
    had left"), when the clause goes on after it, or None."""
    doc = verb.doc
    i = verb.i + 1
    if first.i <= verb.i or first.left_edge.i != i or i >= len(doc):
        return None
    t = doc[i]
    day = next((c for c in t.children if c.dep_ == "pobj"), None) if t.dep_ == "prep" and t.lower_ == "on" else t
    if day is None or day.lower_ not in SAYING_DAYS and day.ent_type_ != "DATE":
        return None
    if day is not t and (day.ent_type_ != "DATE" or not (day.lower_ in SAYING_DAYS or any(ch.isdigit() for ch in day.text))):
        return None  # "on the border": no day
    if day is t and (t.dep_ != "npadvmod" or t.lower_ not in SAYING_DAYS):
        return None
    phrase = t
    return phrase if phrase.right_edge.i + 1 < first.right_edge.i else None


def content_after(verb: Token, first: Token, sent: Span) -> tuple[int, int]:
    """From `first` to the end of its subtree, or to the sentence end when the clause runs on."""
    doc = verb.doc
    s, e = subtree_span(first)
    said_when = saying_day(verb, first)
    if said_when is not None:
        s = doc[said_when.right_edge.i + 1].idx  # "said on Monday the troops had left": the day of the saying
    governed = [first]  # the clause's verb and the verbs it governs ("hoped to be swapped")
    while XCOMP_CLAUSES and (x := next((c for c in governed[-1].children if c.dep_ == "xcomp"), None)) is not None:
        governed.append(x)
    second = next((c for g in governed for c in g.children if c.dep_ == "conj" and second_report(c)), None)
    if second is not None:
        # "said A and said B": A ends before the conjunction of the second report
        cc = next((c for c in second.head.children if c.dep_ == "cc" and c.i < second.i), None)
        e = (cc if cc is not None else second.left_edge).idx
        return trim(doc, s, e)
    if first.i > verb.i:
        # the parser often hangs the clause's last modifiers on the cue verb: take them too
        tails = [c for c in verb.children if c.i > first.i and c.dep_ in ("prep", "advcl", "npadvmod", "advmod", "ccomp", "xcomp", "dobj", "oprd", "acomp")
                 and (not is_frame_modifier(c) or party_to(first, c))]
        # "accused the Times last week of bad-faith reporting": the charge hung on the time
        tails += [g for c in verb.children if c.i > first.i and c.dep_ == "npadvmod" and is_frame_modifier(c)
                  for g in c.children if g.dep_ == "prep" and g.lower_ in ("of", "for") and g.i > c.i]
        last = max((c.right_edge for c in tails), default=None, key=lambda t: t.i)
        if last is not None and last.i > first.right_edge.i:
            e = last.idx + len(last.text)
    return trim(doc, s, speaking_tail(doc, s, e))


def party_to(obj: Token, prep: Token) -> bool:
    """"warned parties to the conflict against making remarks": a "to" phrase right after the
    object that the parser hung on the verb, and that runs on into what the warning is about, is
    part of the object (an addressee is no object's neighbour: "said to reporters")."""
    return (obj.dep_ == "dobj" and prep.lower_ == "to" and prep.i == obj.right_edge.i + 1
            and any(g.dep_ == "prep" and g.lower_ in ("against", "from", "over", "about") for t in prep.subtree for g in t.children))


# "..., speaking to reporters on Tuesday": how the saying was done, not what was said.
SPEAKING_PARTICIPLES = frozenset("speak talk address testify brief appear answer respond reply comment write".split())


# "..., in a speech to leaders on June 6": the occasion of the saying, not what was said.
SPEECH_EVENTS = frozenset("speech address interview statement briefing conference remarks post video message tweet "
                          "broadcast appearance testimony".split())
OCCASION_PREPS = frozenset("in during at".split())
# "... when they met Wednesday morning": the meeting the saying was made at.
ENCOUNTER_VERBS = frozenset("meet speak talk visit address brief call appear testify".split())


def encounter_clause(tok: Token) -> bool:
    """"when they met on Wednesday", "as he spoke to reporters on Monday": a past clause of the
    occasion of saying (a meeting, a talk) with its day, not of the events said ("when she appears
    alongside Trump" is what is said)."""
    return tok.dep_ == "advcl" and tok.tag_ == "VBD" and tok.lemma_.lower() in ENCOUNTER_VERBS and any(
        c.lower_ in ("when", "as", "while") and c.dep_ in ("advmod", "mark") and c.i < tok.i for c in tok.children) and any(
        t.ent_type_ in ("DATE", "TIME") for t in tok.subtree)


def speaking_tail(doc: Doc, start: int, end: int) -> int:
    """The end of a content without a closing participle clause of speaking ("the dam was
    destroyed, speaking at a briefing on Monday") or a closing occasion of speaking ("..., in a
    speech to leaders on June 6"), wherever the parser hung it."""
    span = doc.char_span(start, end, alignment_mode="contract")
    if span is None:
        return end
    for tok in span:
        if tok.dep_ not in ("advcl", "prep") or tok.i <= span.start + 2 or tok.right_edge.idx + len(tok.right_edge.text) < end - 1:
            continue
        if encounter_clause(tok) and tok.left_edge.i > span.start + 2:
            return doc[tok.left_edge.i].idx  # "... for the blast when they met Wednesday morning"
        if doc[tok.i - 1].text != "," and not (tok.dep_ == "prep" and tok.lower_ == "during"):
            continue  # "... swapped during a press conference on Monday": the occasion, with no comma too
        if tok.tag_ == "VBG" and tok.dep_ == "advcl" and tok.lemma_.lower() in SPEAKING_PARTICIPLES \
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
            return doc[tok.i - 1].idx
        if tok.dep_ == "prep" and tok.lower_ in OCCASION_PREPS and any(
                c.dep_ == "pobj" and c.lemma_.lower() in SPEECH_EVENTS
                and any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in c.children) for c in tok.children):
            return doc[tok.i - 1].idx if doc[tok.i - 1].text == "," else tok.idx
    return end


def is_frame_modifier(tok: Token) -> bool:
    """"in an interview", "on Tuesday", "in a statement": modifiers of the act of saying."""
    if tok.dep_ == "prep" and tok.lower_ in ("in", "on", "during", "at", "after", "before", "to", "with", "via", "through", "from", "according"):
        return True  # "according to X" is an attribution of its own
    if tok.dep_ == "advcl" and (any(c.dep_ == "mark" and c.lower_ in ("when", "after", "before", "while", "as", "during", "since", "because") for c in tok.children) or tok.tag_ == "VBG"):
        return True
    return tok.dep_ in ("npadvmod",) and tok.ent_type_ in ("DATE", "TIME")


def clause_content(verb: Token) -> Token | None:
    """The verb's clausal complement; not a clause set before it across a semicolon ("A claims
    X; B says Y": Y is what B says), when there is another."""
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    if len(clauses) > 1:
        own = [c for c in clauses if not (c.i < verb.i and any(t.text == ";" for t in verb.doc[c.right_edge.i + 1:verb.i]))]
        if any(c.i > verb.i and c.left_edge.i <= verb.i + 2 and not verb.doc[verb.i + 1].is_punct
               and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children) for c in own):
            # "Some blamed X, others said Y": a clause with a subject of its own, then the verb's own
            # subject, is a statement beside this one; what "others" said is Y
            subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            own = [c for c in own if not (c.i < verb.i and subj is not None and c.right_edge.i < subj.i
                                          and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children))] or own
        clauses = own or clauses
    return clauses[0] if clauses else None


def colon_after(verb: Token, sent: Span) -> tuple[int, int] | None:
    """The clause after a colon that closes the speech verb's own clause, when the parser made
    the verb a complement of that clause's verb."""
    doc = verb.doc
    if verb.dep_ != "ccomp" or verb.head.i <= verb.i:
        return None
    colon = next((t for t in doc[verb.right_edge.i + 1:verb.head.i] if t.text == ":"), None)
    if colon is None or any(not t.is_punct for t in doc[verb.right_edge.i + 1:colon.i]):
        return None
    last = next((t for t in reversed(sent) if not t.is_punct), None)
    if last is None or last.i <= colon.i:
        return None
    content = trim(doc, colon.idx + 1, last.idx + len(last))
    return content if content[1] - content[0] >= 2 else None


def subject_clause(verb: Token) -> Token | None:
    """"The ships left on Monday, Madrid said": the small model reads "left" as a participle on
    "ships" and gives "said" two subjects; the first, with its participle, before a comma, is
    what was said (the speaker is the one next to the verb)."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if len(subjects) != 2 or not subjects[0].i < subjects[1].i < verb.i:
        return None
    said, doc = subjects[0], verb.doc
    clause = [c for c in said.children if c.dep_ == "acl" and c.tag_ in ("VBD", "VBN") and c.i > said.i]
    if not clause or doc[subjects[1].left_edge.i - 1].text != "," or said.right_edge.i + 1 != subjects[1].left_edge.i - 1:
        return None
    return said


# Verbs whose "if" clause is the question put, not a condition ("asked if he would run").
QUESTION_VERBS = frozenset("ask wonder".split())


def misparsed_clause(verb: Token) -> Token | None:
    """The reported clause the small model hangs on the verb as advcl ("said after the convention
    he would not accept", "tweeted that Machado was"): after the verb, with its own subject, and
    opened by nothing or by "that" / a wh-word, not by a frame's "when", "after", "because"."""
    for c in verb.children:
        if c.dep_ != "advcl" or c.i < verb.i or not any(g.dep_ in ("nsubj", "nsubjpass", "expl") for g in c.children):
            continue
        opener = c.left_edge
        marks = [g for g in c.children if g.dep_ == "mark"]
        if opener.lower_ == "if" and lemma_of(verb) in QUESTION_VERBS:
            return c  # "asked if she would run": the question asked
        if opener.lower_ in CLAUSE_OPENERS or (not marks and opener.dep_ != "mark"):
            return c
    # "told reporters after a briefing by the agency that Belarus had sent troops": the clause the
    # parser hangs on the occasion as a relative one, though "that" only opens it and it has its
    # own subject (a relative "that" is the clause's subject or object: "a briefing that lasted")
    for c in verb.children:
        if c.dep_ != "prep" or c.i < verb.i:
            continue
        for g in c.subtree:
            # "admitted for the first time that it had sent drones": "that" as the relative adverb
            # of "time" (advmod) opens the admission as well
            if g.dep_ == "relcl" and g.i > c.i and any(m.lower_ == "that" and (m.dep_ == "mark" or m.dep_ == "advmod"
                                                                              and m.i == g.left_edge.i) for m in g.children) \
                    and any(x.dep_ in ("nsubj", "nsubjpass", "expl") and x.lower_ not in ("that", "which", "who") for x in g.children):
                return g
    # "While the ministry claims that 500 people died, the agency has put ...": the "that" clause
    # right after the verb, hung beside it on the verb the "while" clause leans on
    nxt = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if nxt is not None and nxt.lower_ == "that" and nxt.dep_ == "mark" and nxt.head.i > verb.i and nxt.head.head.i == verb.head.i \
            and verb.dep_ != "ROOT" and nxt.head.left_edge.i == nxt.i \
            and any(g.dep_ in ("nsubj", "nsubjpass", "expl") for g in nxt.head.children):
        return nxt.head
    return None


# Verbs whose object before a clause is the one told, not the clause's subject.
RECIPIENT_VERBS = frozenset("tell inform assure warn remind notify advise brief promise show ask convince persuade".split())


def stolen_subject(verb: Token, clause: Token) -> Token | None:
    """"admitting their coverage of the blast was sloppy": the parser takes the clause's subject
    for the verb's object and leaves the clause without one; the content starts at it."""
    if clause.dep_ != "ccomp" or clause.i < verb.i or lemma_of(verb) in RECIPIENT_VERBS:
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in clause.children):
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj" and verb.i < c.i < clause.i), None)
    if obj is None or obj.right_edge.i + 1 != clause.left_edge.i or obj.pos_ == "PRON" and obj.lower_ != "it":
        return None
    return obj


def stranded_clause(verb: Token) -> Token | None:
    """"said earlier on Friday during a news conference that he may wait": the small model hangs
    the "that" clause on the noun of a frame modifier (relcl, acl); it is what was said. A
    recipient verb's object is the one told ("told reporters at a briefing on Monday that ...")."""
    told = lemma_of(verb) in RECIPIENT_VERBS
    if subject_of(verb) is None or any(c.dep_ == "xcomp" or (c.dep_ == "dobj" and not told) for c in verb.children):
        return None
    for tok in verb.doc[verb.i + 1:min(verb.sent.end, verb.i + MAX_STRANDED_GAP)]:
        if tok.text in QUOTE_MARKS or tok.text == ":":
            return None
        clause = tok.head
        # "told lawmakers in a briefing that more troops were expected to follow": with a verb of
        # telling the parser may also read "that" as a relative pronoun of a clause deeper down
        if tok.lower_ == "that" and tok.dep_ != "mark" and told and tok.dep_ in ("dobj", "pobj"):
            while clause.dep_ not in ("relcl", "acl") and clause.head.i != clause.i and clause.head.i > tok.i:
                clause = clause.head
        # (but "at the briefing that lawmakers attended": "that" the object of the clause's own verb)
        marked = tok.dep_ == "mark" or (told and tok.dep_ in ("dobj", "pobj") and tok.i == clause.left_edge.i
                                        and tok.head.i != clause.i)
        if tok.lower_ == "that" and marked and clause.dep_ in ("relcl", "acl") and clause.head.i != verb.i \
                and any(c.dep_ in ("nsubj", "nsubjpass", "expl") and c.i != tok.i for c in clause.children) and clause.head.head.i != clause.i:
            top = clause
            while top.head.i != verb.i and top.head.i != top.i:
                top = top.head
            if top.head.i == verb.i and top.i > verb.i:
                return clause
    return None


# "denied as baseless accusations that X": the label set before a long object, which the parser
# then hangs on "as"; the object is what was denied.
AS_LABEL_VERBS = frozenset("deny reject dismiss refute dispute denounce condemn decry".split())
LABELLED_NOUNS = frozenset("accusation claim report allegation statement suggestion assertion rumour rumor "
                           "charge speculation".split())


def object_content(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ in ("dobj",) and c.i > verb.i:
            return c
    if lemma_of(verb) in AS_LABEL_VERBS:
        labelled = next((g for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" and c.i > verb.i
                         for g in c.children if g.dep_ == "pobj" and g.lemma_.lower() in LABELLED_NOUNS
                         and any(a.dep_ in ("amod", "compound") and a.i < g.i for a in g.children)), None)
        if labelled is not None:
            return labelled
    # "called Clinton an ISIS co-founder", "what he called X": the small model often makes the
    # object an oprd too (PolNeAR train: 54 of 70 such finds were cues, with "called for" below)
    return next((c for c in verb.children if c.dep_ == "oprd" and c.i > verb.i), None)


# Short answers "say" takes for a whole statement ("said yes", "said so", "say the same of X"):
# PolNeAR train annotates them as cues (16 of 17 outside quotes).
ANSWER_OBJECTS = frozenset("yes no so same".split())


# Objects of "say" that name no statement ("say it", "said something", "say a word").
NOT_SAID_OBJECTS = frozenset("""
it this that what anything something nothing everything thing things word words much little lot
goodbye hello thanks hi sorry
""".split())


def answer_content(verb: Token) -> Token | None:
    """"46 percent said yes", "64 percent say the same of Sanders": what the short answer stands
    for was said; and "said Ryan", "says the movement ... appeals to": a noun the small model
    made the object of "say" opens what was said (PolNeAR train: 21 of 31 outside quotes)."""
    if lemma_of(verb) != "say":
        return None
    answer = next((c for c in verb.children if c.i > verb.i and c.lower_ in ANSWER_OBJECTS and c.dep_ in ("dobj", "intj", "advmod", "attr")), None)
    if answer is not None:
        return answer
    return next((c for c in verb.children if c.i > verb.i and c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN") and c.lower_ not in NOT_SAID_OBJECTS), None)


def said_this(verb: Token) -> Token | None:
    """"Anna Berg said this on Facebook": a bare "this" for what was said, with only where and
    when after it (not "said this: ...", not "I write this because ..."; "said that" is too often
    a complementizer cut off); `resolve_demonstratives` finds the statement before it."""
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i and c.lower_ == "this" and not list(c.children)), None)
    if obj is None or any(c.dep_ in ("ccomp", "xcomp", "advcl", "dative") for c in verb.children):
        return None  # "I write this because ...": the text itself, not a statement before it
    subj = subject_of(verb)
    if subj is None or subj.lower_ in ("i", "we", "you") or verb.sent.start == 0:
        return None  # nothing before it to stand for
    if any(t.i > obj.i and not (t.is_punct or t.dep_ in ("prep", "pobj", "det", "amod", "compound", "npadvmod", "advmod", "poss", "nummod"))
           for t in verb.sent):
        return None  # only where and when after it ("on Facebook", "in an interview on Monday")
    return obj


# "The relevant statement was made by X", "The remarks were delivered by X": the statement
# before it is X's (`resolve_demonstratives`).
MADE_BY_VERBS = frozenset("make issue deliver publish release".split())
MADE_NOUNS = frozenset("statement statements remark remarks comment comments announcement".split())


def made_by(verb: Token, lemma: str) -> Found | None:
    if lemma not in MADE_BY_VERBS or not is_passive(verb):
        return None
    agent = agent_of(verb)
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if agent is None or subj is None or subj.lower_ not in MADE_NOUNS or subj.i > verb.i:
        return None
    if any(c.dep_ in ("acl", "relcl", "prep") for c in subj.children) or not any(c.lower_ in ("the", "this", "that") for c in subj.children):
        return None  # "a statement on the strike was made by X": a statement of its own, not the one before
    return Found(cue=cue_tokens(verb), cue_lemma=f"{lemma} {subj.lemma_.lower()}", source=noun_span(agent),
                 content=trim(verb.doc, *subtree_span(subj)), mode="indirect")


def stated_in(verb: Token, lemma: str) -> Found | None:
    """"This is stated in a report by the Institute for the Study of War": the document's
    author says it (the content "this" is the statement before it)."""
    if lemma not in SPEECH_VERBS or not is_passive(verb) or agent_of(verb) is not None:
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subj is None or subj.lower_ not in ("this", "that", "it"):
        return None
    prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "in"), None)
    doc_noun = next((g for g in prep.children if g.dep_ == "pobj"), None) if prep is not None else None
    if doc_noun is None or doc_noun.lemma_.lower() not in DOCUMENT_NOUNS:
        return None
    return Found(cue=cue_tokens(verb), cue_lemma=cue_lemma(verb), source=noun_span(doc_noun),
                 content=trim(verb.doc, *subtree_span(subj)), mode="indirect")


def modifiers_only(verb: Token, start: int, end: int) -> bool:
    """The words from `start` to `end` are modifiers of how or when the verb was done, no object:
    PolNeAR's cue then runs on to the preposition that takes the content ("spoke Tuesday about")."""
    if end <= start or end - start > MAX_CUE_GAP:
        return False
    for tok in verb.doc[start:end]:
        top = tok
        while top.head.i != verb.i and top.head.i != top.i:
            top = top.head
        if top.head.i != verb.i or top.dep_ not in ("advmod", "npadvmod", "prep") or tok.is_punct:
            return False
    return True


def for_clause(verb: Token) -> Token | None:
    """"called for the party to respond": the parser makes "for X to" a clause of the verb (advcl
    marked by "for"); PolNeAR's cue is "called for", the content the clause after "for"."""
    if "for" not in PREP_CUES.get(lemma_of(verb), ()):
        return None
    for c in verb.children:
        if c.dep_ == "advcl" and c.i > verb.i and c.left_edge.lower_ == "for" and c.left_edge.i == verb.i + 1 \
                and any(g.dep_ == "mark" and g.i == c.left_edge.i for g in c.children):
            return c
    return None


def prep_content(verb: Token, preps: set[str]) -> Token | None:
    """"talked about X": the object of the preposition is the content."""
    for c in verb.children:
        if c.dep_ in ("prep", "prt") and c.lower_ in preps and c.i > verb.i:
            obj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
            if obj is not None and obj.ent_type_ not in ("DATE", "TIME"):  # "testified on Monday": when, not what
                return obj
    # "asked the candidate about the tweet": the parser hangs the preposition on the object
    dobj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if dobj is not None and lemma_of(verb) in QUESTION_VERBS:
        c = next((g for g in dobj.children if g.dep_ == "prep" and g.lower_ in preps), None)
        obj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None) if c is not None else None
        if obj is not None:
            return obj
    return None


def xcomp_content(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ == "xcomp" and c.i > verb.i and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children):
            return c
    return None


RELATIVE_PRONOUNS = frozenset("that which who whom".split())


def relative_of(verb: Token) -> Token | None:
    """The relative pronoun of a reporting verb inside a relative clause ("the blast, which the
    ministry said killed hundreds", "an explosion that Israel says caused ..."): the parser hangs
    it on the verb or on the reported clause, before the verb."""
    if verb.dep_ != "relcl":
        return None
    return next((t for t in verb.doc[verb.head.i + 1:verb.i] if t.lower_ in RELATIVE_PRONOUNS and t.dep_ in ("nsubj", "nsubjpass", "dobj")), None)


def relative_report(verb: Token) -> Token | None:
    """"the blast, which the Gaza Health Ministry said killed hundreds of people": the small model
    takes the reported clause (finite, its subject the relative pronoun) for the verb's xcomp."""
    if relative_of(verb) is None:
        return None
    return next((c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i and c.tag_ in ("VBD", "VBZ", "VBP", "VBN", "MD")
                 and not any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)), None)


def after_relative(verb: Token, content: tuple[int, int]) -> tuple[int, int]:
    """What a reporting verb in a relative clause reports starts after the verb: the relative
    pronoun that opens the clause's subtree (its subject) and the speaker are not what was said
    ("an explosion that Israel says caused the rocket to fall": "caused the rocket to fall")."""
    rel = relative_of(verb)
    if rel is None or not content[0] <= rel.idx < verb.idx or verb.i + 1 >= len(verb.doc):
        return content
    return trim(verb.doc, verb.doc[verb.i + 1].idx, content[1])


# "denies as baseless accusations that ...", "rejects as unfounded the claims that ...": the
# label comes before what is rejected, and the small model parses it every way.
REJECTING_VERBS = frozenset("deny reject dismiss refute".split())
REJECT_LABELS = frozenset("baseless unfounded groundless false untrue fabricated absurd unsubstantiated "
                          "ridiculous nonsense lies fake".split())


def rejected_as(verb: Token) -> Found | None:
    """"Iran denies as baseless accusations it sends drones": what follows the label is what was
    denied (the label is the stance)."""
    doc = verb.doc
    subj = subject_of(verb)
    i = verb.i + 1
    if subj is None or i + 2 >= verb.sent.end or doc[i].lower_ != "as":
        return None
    j = i + 1
    while j < verb.sent.end and (doc[j].lower_ in REJECT_LABELS or doc[j].pos_ == "ADV" or doc[j].lower_ in ("and", ",")):
        j += 1
    if j == i + 1 or not any(t.lower_ in REJECT_LABELS for t in doc[i + 1:j]) or j >= verb.sent.end - 1:
        return None
    last = next((t for t in reversed(verb.sent) if not t.is_punct), None)
    if last is None or last.i <= j:
        return None
    return Found(cue=cue_tokens(verb), cue_lemma=cue_lemma(verb), source=noun_span(subj),
                 content=trim(doc, doc[j].idx, last.idx + len(last)), mode="indirect")


def gerund_content(verb: Token) -> Token | None:
    """"proposed barring ...", "reported holding ...", "said legalizing it could ...": a gerund
    the parser hangs on a speech or object verb as xcomp is what was said (PolNeAR train: 42 of
    the 61 such gerunds not yet found were in a gold cue)."""
    for c in verb.children:
        if c.dep_ == "xcomp" and c.i > verb.i and c.tag_ == "VBG" and not any(g.dep_ == "aux" for g in c.children):
            return c
        if c.dep_ == "xcomp" and c.i > verb.i and c.tag_ == "VBN" and any(g.dep_ == "aux" and g.lower_ == "having" for g in c.children):
            return c  # "denied having used the drones": a perfect gerund
    return None


def find_reported(doc: Doc) -> list[Found]:
    """Every reported-speech, according-to and unattributed attribution in the Doc."""
    found: list[Found] = []
    for sent in sents_of(doc):
        for tok in sent:
            if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
                f = according_to(tok, sent)
                if f:
                    found.append(f)
            elif tok.lower_ == "per" and tok.dep_ == "prep":
                f = per_source(tok, sent)
                if f:
                    found.append(f)
            elif tok.i == sent.start and tok.lower_ == "in":
                f = in_document(tok, sent)
                if f:
                    found.append(f)
            elif tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB"):
                f = verb_attribution(tok, sent)
                if f:
                    found.append(f)
            elif tok.pos_ == "NOUN" and tok.lemma_.lower() == "comment":
                # "no immediate comment from X"; else "comments by X that C", a report noun
                f = no_comment(tok) or [noun_attribution(tok)]
                found.extend(x for x in f if x)
            elif tok.pos_ == "NOUN" and tok.lemma_ in REPORT_NOUNS:
                f = noun_attribution(tok)
                if f:
                    found.append(f)
    absorbed = {f.absorbs.i for f in found if f.absorbs is not None}
    found = [f for f in found if f.head.i not in absorbed] if absorbed else found
    # "asked about claims by X that C": C is X's claim, not the asker's
    about = {(f.content, f.head.head.head.i) for f in found if f.head.pos_ == "NOUN" and asked_about(f.head)}
    if about:
        found = [f for f in found if (f.content, f.head.i) not in about]
    return cut_at_stranded(doc, found)


def cut_at_stranded(doc: Doc, found: list[Found]) -> list[Found]:
    """The first report of "A told X that ..., and B, an admiral, told Y ..." ends before "and B"."""
    cuts = []
    for f in found:
        if f.head.dep_ == "conj" and f.source is not None:
            subj = stranded_subject(f.head, f.cue)
            if subj is not None and subj.i == f.source.root.i:
                cuts.append((doc[subj.left_edge.i - 1].idx, f))
    for cut, g in cuts:
        for f in found:
            if f is not g and f.content[0] < cut < f.content[1] and f.cue_span[1] <= cut:
                f.content = trim(doc, f.content[0], cut)
    return found


def in_document(prep: Token, sent: Span) -> Found | None:
    """"In a CNN poll released Monday, 50 percent chose ...": a sentence opened by "in" and a
    poll or survey is the poll's finding; the cue is "In", the source the poll."""
    doc = prep.doc
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if pobj is None or pobj.lemma_.lower() not in POLL_NOUNS:
        return None
    end = prep.right_edge.i + 1
    if end >= sent.end or doc[end].text != ",":
        return None
    content = trim(doc, doc[end].idx, sent.end_char)
    if content[1] - content[0] < 8:
        return None
    return Found(cue=[prep], cue_lemma="in", source=noun_span(pobj), content=content, mode="according_to")


# Verbs whose object "no comment" is a non-answer of their subject: "X had no immediate comment".
NO_COMMENT_VERBS = frozenset("have give offer make issue provide".split())


def no_comment(noun: Token) -> list[Found]:
    """Non-answers named by "comment": "There was no immediate comment from X (or Y)", "X had /
    gave no immediate comment (on Y)", "X could not be reached for comment". One find per
    source, cue "comment" (negated by its "no" or "not"); the content is what went unanswered
    ("on Y"), else the words of the non-answer."""
    doc = noun.doc
    sources: list[Token] = []
    if any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children):
        head = noun.head
        if head.lemma_ == "be" and noun.dep_ in ("attr", "nsubj") and any(c.dep_ == "expl" for c in head.children):
            sources = [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "from" for g in c.children if g.dep_ == "pobj"]
        elif noun.dep_ == "dobj" and head.lemma_.lower() in NO_COMMENT_VERBS:
            subj = subject_of(head)
            sources = [subj] if subj is not None else []
        cue = [noun]
    elif noun.dep_ == "pobj" and noun.head.lower_ == "for" and noun.head.head.lemma_.lower() == "reach" \
            and any(c.dep_ == "neg" for c in noun.head.head.children):
        reach = noun.head.head
        sources = [c for c in reach.children if c.dep_ == "nsubjpass"]
        cue = [reach, noun.head, noun]
    else:
        return []
    sources += [c for s in sources for c in s.conjuncts if c.pos_ in ("PROPN", "NOUN")]
    sources = [s for s in sources if s.pos_ in ("PROPN", "NOUN")]
    if not sources:
        return []
    about = next((g for c in noun.children if c.dep_ == "prep" and c.lower_ in ("on", "about", "regarding")
                  for g in c.children if g.dep_ == "pobj"), None)
    if about is not None:
        content = trim(doc, *subtree_span(about))
    else:
        first = next((c for c in noun.children if c.dep_ in ("det", "amod")), noun)
        content = trim(doc, doc[min(first.i, cue[0].i)].idx, noun.idx + len(noun.text))
    # `given_by`: each stands though its cue lies in its own and its fellows' content
    return [Found(cue=cue, cue_lemma="comment", source=conjunct_span(s), content=content, mode="indirect", given_by=True)
            for s in sources]


def conjunct_span(tok: Token) -> Span:
    """A noun's span without the nouns coordinated with it ("Moscow" of "Moscow or Beijing")."""
    span = noun_span(tok)
    others = [c for c in tok.children if c.dep_ in ("cc", "conj") and c.i > tok.i]
    if not others:
        return span
    end = min(c.left_edge.i for c in others)
    return tok.doc[span.start:max(end, tok.i + 1)]


# "claims made by X that ...", "allegations voiced by X that ...".
MAKING_VERBS = frozenset("make voice put raise issue level".split())


def that_clause(noun: Token) -> Token | None:
    """The "that" clause a report noun introduces ("his claim that ..."), also when it hangs on
    the participle that makes the claim ("claims made by Kiev that ...")."""
    clause = next((c for c in noun.children if c.dep_ in ("acl", "ccomp") and c.i > noun.i
                   and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)), None)
    if clause is None:
        # 'have "high confidence" that the blast was ...': the parser's relative clause, though
        # "that" only opens it and it has a subject of its own (a relative "that" is one)
        clause = next((c for c in noun.children if c.dep_ == "relcl" and c.i > noun.i
                       and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
                       and any(g.dep_ in ("nsubj", "nsubjpass", "expl") and g.lower_ not in ("that", "which", "who")
                               for g in c.children)), None)
    if clause is None:
        clause = next((x for c in noun.children if c.dep_ == "acl" and c.lemma_.lower() in MAKING_VERBS and c.i > noun.i
                       for x in c.children if x.dep_ in ("ccomp", "acl") and x.i > c.i
                       and any(g.dep_ == "mark" and g.lower_ == "that" for g in x.children)), None)
    if clause is None and asked_about(noun):
        # "when asked about claims by the mayor that the bridge fell": the parser hangs the clause
        # on the asking verb; it opens right where the claim's phrase ends
        verb = noun.head.head
        clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > noun.i
                       and any(g.dep_ == "mark" and g.lower_ == "that" and g.i == noun.right_edge.i + 1
                               for g in c.children)), None)
    return clause


ABOUT_PREPS = frozenset("about on over regarding".split())
ASKING = frozenset("ask question press quiz".split())


def asked_about(noun: Token) -> bool:
    """The noun is what someone was asked about ("asked about claims by X that ...")."""
    return noun.dep_ == "pobj" and noun.head.lower_ in ABOUT_PREPS and noun.head.head.lemma_.lower() in ASKING


# Report nouns that name what a paper or a broadcaster carries ("a report in the Post that ...").
PUBLISHED_NOUNS = frozenset("report story article claim claims allegation".split())


def noun_attribution(noun: Token) -> Found | None:
    """"his claim that ...", "made the statement that ...": the clause is the content; the source
    is the possessor, else the subject of the verb the noun is the object of."""
    clause = that_clause(noun)
    if clause is None:
        return claim_about(noun)
    content = trim(noun.doc, *subtree_span(clause))
    if content[1] - content[0] < 8:
        return None
    poss = next((c for c in noun.children if c.dep_ == "poss"), None)
    if poss is None:
        # "Israeli claims that ...", "Portuguese allegations that ...": the nation's
        poss = next((c for c in noun.children if c.dep_ == "amod" and c.i == noun.i - 1 and c.ent_type_ == "NORP"), None)
    if poss is not None:
        span = noun_span(poss)
        case = next((c for c in poss.children if c.dep_ == "case" and c.i == span.end and c.ent_type_), None)
        if case is not None:
            span = noun.doc[span.start:case.i + 1]  # "Rui Costa's": the model's person takes in the "'s"
        return Found(cue=[noun], cue_lemma=noun.lemma_, source=span, content=content, mode="indirect")
    by = next((g for c in noun.children if c.dep_ == "prep" and c.lower_ in ("by", "from") and c.i < clause.i
               for g in c.children if g.dep_ == "pobj"), None)
    if by is None and noun.lemma_.lower() in PUBLISHED_NOUNS:
        # "a report in the Daily Post that ...": the paper that carried it
        by = next((g for c in noun.children if c.dep_ == "prep" and c.lower_ == "in" and c.i < clause.i
                   for g in c.children if g.dep_ == "pobj" and g.pos_ == "PROPN" and g.ent_type_ not in ("DATE", "TIME", "GPE", "LOC")), None)
    if by is None and clause.head.i != noun.i:
        # "claims made by Kiev that ...": the maker of the claim, by the participle's agent
        made = clause.head if clause.head.head.i == noun.i else next(
            (c for c in noun.children if c.dep_ == "acl" and c.lemma_.lower() in MAKING_VERBS), clause.head)
        by = next((g for c in made.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
    if by is not None and by.ent_type_ not in ("DATE", "TIME"):
        # "claims by the ministry that ...", "reported on claims from health officials that ..."
        return Found(cue=[noun], cue_lemma=noun.lemma_, source=noun_span(by), content=content, mode="indirect")
    if noun.dep_ in ("dobj", "attr") and subject_of(noun.head) is not None:
        return Found(cue=[noun], cue_lemma=noun.lemma_, source=None, content=content, mode="indirect", inherit_from=noun.head)
    return Found(cue=[noun], cue_lemma=noun.lemma_, source=None, content=content, mode="unattributed", unnamed="unnamed")


# Verbs of answering a claim: one they name "regarding" something stands with its maker.
ANSWERING_VERBS = ANSWERING | {"refuse"}
UNANSWERED_VERBS = frozenset("respond comment answer reply address confirm".split())  # with "not"


def claim_about(noun: Token) -> Found | None:
    """"[declined to respond to] a claim made by X regarding the capture of two men": X's claim,
    its content what it was about, when a denial or a non-answer names it."""
    if noun.lemma_.lower() not in ("claim", "allegation", "accusation", "assertion", "statement", "comment", "remark"):
        return None
    if not any(a.lemma_.lower() in ANSWERING_VERBS or (a.lemma_.lower() in UNANSWERED_VERBS and any(c.dep_ == "neg" for c in a.children))
               for a in noun.ancestors):
        return None  # "chosen not to respond to a claim made by X regarding ..."
    made = next((c for c in noun.children if c.dep_ == "acl" and c.lemma_.lower() in MAKING_VERBS), None)
    holder = made if made is not None else noun
    by = next((g for c in holder.children if c.dep_ in ("agent", "prep") and c.lower_ in ("by", "from")
               for g in c.children if g.dep_ == "pobj"), None)
    about = next((g for h in (noun, holder) for c in h.children if c.dep_ == "prep" and c.lower_ in ("regarding", "about", "on", "over")
                  for g in c.children if g.dep_ == "pobj"), None)
    if by is None or about is None or by.ent_type_ in ("DATE", "TIME"):
        return None
    content = trim(noun.doc, *subtree_span(about))
    if content[1] - content[0] < 12:
        return None
    return Found(cue=[noun], cue_lemma=noun.lemma_.lower(), source=noun_span(by), content=content, mode="indirect")


# A clause that opens with these after "..., according to X," carries on the sentence before it.
TACKED_ON = re.compile(r"(?:,\s*)?(?:though|although|but|while|whereas|which|and|because|as|since|with|after|before|when)\b", re.I)


def according_to(tok: Token, sent: Span) -> Found | None:
    doc = tok.doc
    to = doc[tok.i + 1]
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is not None:
        src = noun_span(pobj)
    elif to.i + 1 < len(doc) and to.right_edge.i > to.i and to.right_edge.i - to.i <= 8:
        src = doc[to.i + 1:to.right_edge.i + 1]  # "according to show insiders", parsed as a verb
    else:
        return None
    phrase_start, phrase_end = tok.idx, src.end_char
    if pobj is not None and pobj.right_edge.i < sent.end:
        # "according to a report published by the think tank": the source's own modifiers are
        # part of the phrase, not what it says
        phrase_end = max(phrase_end, pobj.right_edge.idx + len(pobj.right_edge))
    # content: the rest of the sentence on the larger side of the phrase
    before = trim(doc, sent.start_char, phrase_start)
    after = trim(doc, phrase_end, sent.end_char)
    content = after if (after[1] - after[0]) >= (before[1] - before[0]) else before
    if content == after and before[1] - before[0] >= 12 and TACKED_ON.match(text_of(doc), after[0], after[1]):
        content = before  # "A, according to X, though B": what follows carries on A, it is not X's
    if content[1] - content[0] < 3:
        return None
    if RECORDS_GIVE_WAY and src.root.lemma_.lower() in RECORD_NOUNS and speaker_within(doc, content):
        # "According to a transcript, the mayor said ...", "Lin said: '...', according to a video
        # of his news conference": a record of what was said is no source of it; who said it is
        return None
    return Found(cue=[tok, to], cue_lemma="according to", source=src, content=content, mode="according_to")


# Records of what someone said: "according to a transcript / a video of his news conference".
RECORD_NOUNS = frozenset("transcript transcripts record recording recordings video videos readout footage audio minutes".split())
RECORDS_GIVE_WAY = 1


def speaker_within(doc: Doc, content: tuple[int, int]) -> bool:
    """The content holds its own frame of saying: a speech verb with a subject ("the mayor said")."""
    span = doc.char_span(*content, alignment_mode="expand")
    return span is not None and any(
        t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in SPEECH_VERBS and t.lemma_.lower() not in WEAK_VERBS
        and subject_of(t) is not None for t in span)


# "..., per officials", "Per the Coast Guard, ...": who says it, not a rate ("per cent", "per day").
PER_SPEAKER_NOUNS = frozenset("""official officials source sources authority authorities police report reports
statement statements data record records spokesperson spokesman spokeswoman agency ministry department
government administration military army navy guard office court filing filings document documents
estimate estimates analysis survey poll""".split())


def per_source(tok: Token, sent: Span) -> Found | None:
    """"The vessel went missing an hour into its dive, per the Coast Guard": "per X" after a comma
    or opening the sentence is "according to X"."""
    doc = tok.doc
    pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
    if pobj is None or pobj.like_num:
        return None
    if not (tok.i == sent.start or (tok.i > 0 and doc[tok.i - 1].text == ",")):
        return None
    if pobj.ent_type_ not in ("ORG", "PERSON", "NORP", "GPE") and pobj.lemma_.lower() not in PER_SPEAKER_NOUNS \
            and pobj.lower_ not in PER_SPEAKER_NOUNS:
        return None
    src = noun_span(pobj)
    # "Per X, A." says A; "A, per X, prompting B" says the clause it closes, A
    content = trim(doc, src.end_char, sent.end_char) if tok.i == sent.start else trim(doc, sent.start_char, tok.idx)
    if content[1] - content[0] < 3:
        return None
    return Found(cue=[tok], cue_lemma="per", source=src, content=content, mode="according_to")


def verb_attribution(verb: Token, sent: Span) -> Found | None:
    lemma = lemma_of(verb)
    if lemma in RAISING_VERBS or (lemma == "expect" and is_passive(verb) and agent_of(verb) is None):
        return raised(verb, lemma)
    doc_frame = document_frame(verb, lemma, sent)
    if doc_frame is not None:
        return doc_frame
    if lemma in ("become", "be") and known_pattern(verb):
        ccomp = clause_content(verb)
        if ccomp is None:
            return None
        cue = [verb] + [c for c in verb.children if c.dep_ == "acomp"]
        cue.sort(key=lambda t: t.i)
        return Found(cue=cue, cue_lemma="become known", source=None, content=content_after(verb, ccomp, sent), mode="unattributed", unnamed="unnamed reports")
    if lemma == "be":
        return attitude(verb)
    f = made_by(verb, lemma) or stated_in(verb, lemma)
    if f is not None:
        return f
    if lemma in TO_VERBS:
        f = revised_to(verb, lemma)
        if f is not None:
            return f
    if lemma == "give":
        f = given_as(verb)
        if f is not None:
            return f
    if lemma in REJECTING_VERBS:
        f = rejected_as(verb)
        if f is not None:
            return f
    if lemma in LIGHT_VERBS:
        f = light_verb(verb, lemma)
        if f is not None or lemma not in SPEECH_VERBS | OBJECT_VERBS:
            return f
    if lemma == "see":
        return seen_as(verb)
    if lemma in AT_VERBS:
        f = put_at(verb, lemma)
        if f is not None:
            return f
    if lemma == "put" and verb.dep_ == "advcl":
        # "As one aide put it, ...": the idiom is a frame of saying; PolNeAR's cue is "put it"
        obj = next((c for c in verb.children if c.dep_ == "dobj" and c.lower_ == "it" and c.i == verb.i + 1), None)
        f = as_frame(verb, lemma, sent) if obj is not None else None
        if f is not None:
            f.cue, f.cue_lemma = f.cue + [obj], "put it"
        return f
    if lemma not in SPEECH_VERBS and lemma not in OBJECT_VERBS and lemma not in XCOMP_VERBS and lemma not in PREP_CUES:
        return None
    if verb.dep_ == "advcl" and lemma in SPEECH_VERBS and lemma not in WEAK_VERBS:
        f = as_frame(verb, lemma, sent)
        if f is not None:
            return f
    if is_passive(verb) and lemma in SPEECH_VERBS | OBJECT_VERBS:
        agent = agent_of(verb)
        if agent is not None:
            ccomp = clause_content(verb)
            pass_subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
            target = ccomp if ccomp is not None else pass_subj
            if target is None:
                return None
            content = content_after(verb, ccomp, sent) if ccomp is not None and ccomp.i > verb.i else trim(verb.doc, *subtree_span(target))
            return Found(cue=cue_tokens(verb), cue_lemma=cue_lemma(verb), source=noun_span(agent), content=content, mode="indirect")
    if is_passive(verb) and (lemma in OBJECT_VERBS or lemma in PREP_CUES) and clause_content(verb) is None:
        return judged(verb, lemma)
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.i < verb.i:
        f = figure_by(verb, lemma)
        if f is not None:
            return f
    split = split_subject(verb, lemma)
    if split is not None:
        subject, clause = split
        return Found(cue=cue_tokens(verb), cue_lemma=cue_lemma(verb), source=subject, content=content_after(verb, clause, sent), mode="indirect")
    first = clause_content(verb)
    if first is not None and verb.dep_ == "parataxis" and relative_after(verb):
        first = None  # "A, officials said, which B": the frame is set inside A's sentence
    if first is not None and first.i < verb.i and lemma in SPEECH_VERBS and any(
            t.text == ":" for t in verb.doc[first.i + 1:verb.i]):
        # "Russia denies it: X told reporters at a briefing after the meeting that C": the
        # clause before the colon is the writer's lead; C, which the parser hung on "meeting", was said
        first = stranded_clause(verb) or first
    if first is None and lemma in SPEECH_VERBS:
        first = misparsed_clause(verb) or relative_report(verb) or subject_clause(verb)
    if first is None and lemma in OBJECT_VERBS:
        first = object_content(verb)
    if first is None and lemma in XCOMP_VERBS:
        first = xcomp_content(verb)
    if first is None and lemma == "refer":
        # "referred questions (about the drones) to the ministry": a non-answer, on the questions
        first = next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in REFERRED_NOUNS), None)
    if first is None and lemma in PREP_CUES:
        first = prep_content(verb, PREP_CUES[lemma])
    if first is None:
        first = answer_content(verb)
    if first is None and lemma in SPEECH_VERBS:
        first = said_this(verb)
    marked_for = None
    if first is None:
        marked_for = first = for_clause(verb)
    if first is None and lemma in SPEECH_VERBS | OBJECT_VERBS:
        first = gerund_content(verb)
    if first is None and lemma in SPEECH_VERBS and lemma not in WEAK_VERBS:
        first = stranded_clause(verb)
    if first is None and lemma in SPEECH_VERBS and (after := colon_after(verb, sent)) is not None and subject_of(verb) is not None:
        # "The minister wrote on Telegram: the ships have left": the parser hangs the frame on the
        # clause after the colon
        return Found(cue=cue_tokens(verb), cue_lemma=cue_lemma(verb), source=noun_span(subject_of(verb)), content=after, mode="indirect")
    if first is None and is_parenthetical(verb, lemma):
        # "But to prevent problems, he said, local officials should be vigilant": the frame sits
        # inside what was said, so the content is the whole sentence around it
        return Found(cue=cue_tokens(verb), cue_lemma=cue_lemma(verb), source=noun_span(subject_of(verb)), content=parenthetical_content(verb, sent), mode="indirect")
    if first is None:
        return None
    if lemma in WEAK_VERBS and first.dep_ not in ("ccomp", "pobj") and not (first.dep_ == "dobj" and lemma in OBJECT_VERBS and verb.dep_ == "ROOT") and not (first.dep_ == "xcomp" and lemma in XCOMP_VERBS):
        return None  # but "Polls show a close race" (PolNeAR train: 54 of 70 main-verb "show"s with an object)
    if lemma not in SPEECH_VERBS and first.dep_ == "ccomp" and lemma not in OBJECT_VERBS:
        return None
    if first.dep_ == "dobj" and lemma in ISSUE_VERBS and first.lemma_.lower() in VEHICLE_NOUNS and not any(c.dep_ in ("acl", "relcl", "ccomp") for c in first.children):
        return None  # "released a statement", "published an editors' note": the act, not what it says
    if first.dep_ == "dobj" and physical_act(verb, first):
        return None  # "attacked Joseph's Tomb", "called off a summit", "declared war on Hamas": deeds
    if first.dep_ in ("pobj", "pcomp"):
        content = trim(verb.doc, *subtree_span(first))
        after = first.right_edge.i + 1
        if after < len(verb.doc) and verb.doc[after].lower_ == "as" and verb.doc[after].head.i == verb.i:
            content = (content[0], trim(verb.doc, *subtree_span(verb.doc[after]))[1])  # "pointed to X as the likely cause"
    elif marked_for is not None:
        content = trim(verb.doc, verb.doc[first.left_edge.i + 1].idx, subtree_span(first)[1])
    else:
        content = content_after(verb, first, sent) if first.i > verb.i else trim(verb.doc, *subtree_span(first))
        content = after_relative(verb, content)
        subject = stolen_subject(verb, first)
        if subject is not None:
            content = (subject.left_edge.idx, content[1])
    if content[1] - content[0] < 2:
        return None
    cue = cue_tokens(verb)
    if first.dep_ == "pobj" and first.head.i == verb.i + 1 + (len(cue) - 1 - cue.index(verb)):
        cue = cue + [first.head]
    elif first.dep_ == "pobj" and first.head.head.i == verb.i and modifiers_only(verb, cue[-1].i + 1, first.head.i):
        cue = cue + [first.head]  # "spoke at length about", "talked openly on social media about"
    if marked_for is not None:
        cue = cue + [first.left_edge]
    subj = subject_of(verb)
    if is_passive(verb):
        if lemma in UNATTRIBUTED_VERBS and first.dep_ == "ccomp":
            return Found(cue=cue, cue_lemma=cue_lemma(verb), source=None, content=content, mode="unattributed", unnamed="unnamed reports")
        return None
    if subj is None:
        framed = frame_verb(verb)
        if framed is not None:
            # "issued a statement saying ...": one cue from the verb to the participle, the verb's
            # subject as source (PolNeAR). "responded Friday, saying" alike helped train (cue F1
            # +0.002) but cost dev 0.004: the corpus annotates those both ways.
            gov, gov_subj = framed
            return Found(cue=cue_tokens(gov)[:1] + cue, cue_lemma=cue_lemma(verb), source=noun_span(gov_subj), content=content, mode="indirect", absorbs=gov)
        if lemma in QUESTION_VERBS and verb.tag_ == "VBN":
            # "Asked if she would run, the mayor ...": the one asking is not named; the mayor was asked
            return Found(cue=cue, cue_lemma=cue_lemma(verb), source=None, content=content, mode="indirect", unnamed="unnamed")
        ctrl = controller(verb)
        if ctrl is not None:
            # "tried to explain that ...", "continued to insist", "went on to say": PolNeAR's cue
            # runs from the governing verb to the reported one, the governing verb's subject the source
            gov, gov_subj = ctrl
            return Found(cue=cue_tokens(gov)[:1] + cue, cue_lemma=cue_lemma(verb), source=noun_span(gov_subj), content=content, mode="indirect", absorbs=gov)
        stranded = stranded_subject(verb, cue)
        if stranded is not None:
            # "A said X, and B, a former admiral, told TalkTV Y": B is the second verb's subject
            return Found(cue=cue, cue_lemma=cue_lemma(verb), source=noun_span(stranded), content=content, mode="indirect")
        shared = conjunct_subject(verb)
        if shared is not None:
            # "They rushed everyone inside and said ...", "He said A and said B": a second cue
            # that shares the subject of the first verb of its coordination
            return Found(cue=cue, cue_lemma=cue_lemma(verb), source=noun_span(shared), content=content, mode="indirect")
        # "..., adding that": the source is the one of the verb this hangs on
        if verb.dep_ in ("advcl", "conj", "xcomp") and verb.head.lemma_.lower() in SPEECH_VERBS | OBJECT_VERBS:
            return Found(cue=cue, cue_lemma=cue_lemma(verb), source=None, content=content, mode="indirect", inherit_from=verb.head)
        if verb.dep_ in ("advcl", "conj"):
            head_subj = subject_of(verb.head)
            if head_subj is not None:
                return Found(cue=cue, cue_lemma=cue_lemma(verb), source=None, content=content, mode="indirect", inherit_from=verb.head)
            shared_subj = conjunct_subject_of(verb.head) if verb.dep_ == "advcl" and lemma_of(verb.head) in ISSUE_VERBS else None
            if shared_subj is not None:
                # "The Board has sent a team and issued a statement to say ...": the subject the
                # issuing verb shares with the first of its coordination
                return Found(cue=cue, cue_lemma=cue_lemma(verb), source=noun_span(shared_subj), content=content, mode="indirect")
        framed_by = prep_frame(verb)
        # "began by saying he would ...", "criticised for saying that ...": the governing verb's subject
        if framed_by is None and verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and subject_of(verb.head.head) is not None:
            return Found(cue=cue, cue_lemma=cue_lemma(verb), source=None, content=content, mode="indirect", inherit_from=verb.head.head)
        if framed_by is not None:
            # "was quoted as saying that ...", "stopped short of confirming that ...": the cue runs
            # from the governing verb, whose subject (passive too) is the source
            gov, gov_subj = framed_by
            middle = [t.lower_ for t in verb.doc[gov.i + 1:verb.i] if t.lower_ in ("short", "far", "of", "as")]
            lemma_text = " ".join([lemma_of(gov)] + middle + [cue_lemma(verb)]) if {"short", "far"} & set(middle) else \
                f"{lemma_of(gov)} from {cue_lemma(verb)}" if lemma_of(gov) in REFRAINING else cue_lemma(verb)
            relay = quoted[1] if (quoted := quoted_as(gov)) is not None else None
            return Found(cue=cue_tokens(gov)[:1] + cue, cue_lemma=lemma_text, source=noun_span(gov_subj), content=content, mode="indirect",
                         absorbs=gov, via=[relay_name(relay)] if relay is not None else [])
        # "a letter saying that ...", "footage of Trump saying ...": the noun it describes
        if verb.dep_ == "acl" and verb.tag_ == "VBG" and first.dep_ == "ccomp" and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return Found(cue=cue, cue_lemma=cue_lemma(verb), source=noun_span(verb.head), content=content, mode="indirect")
        stray = stray_subject(verb, cue)
        if stray is not None and first.dep_ == "ccomp" and first.i > verb.i:
            return Found(cue=cue, cue_lemma=cue_lemma(verb), source=stray, content=content, mode="indirect")
        hung = hung_speaker(verb, cue, first)
        if hung is not None:
            # "Two ships left port and headed north, a source in the navy told Reuters": the
            # parser hung the speaker in the clause before it (an apposition of "north")
            return Found(cue=cue, cue_lemma=cue_lemma(verb), source=hung, content=trim(verb.doc, content[0], hung.start_char),
                         mode="indirect")
        return None
    if subj.lower_ in ("it",) and subj.dep_ == "nsubj" and lemma in ("seem", "appear"):
        return None
    quoted = quoted_as(verb)
    if quoted is not None and not content[0] <= quoted[0].idx < content[1]:
        # '"...," Tass quoted the spokesman as saying': the spokesman said it, Tass relays it
        return Found(cue=cue, cue_lemma=cue_lemma(verb), source=noun_span(quoted[0]), content=content, mode="indirect",
                     via=[relay_name(quoted[1])] if quoted[1] is not None else [])
    teller = closing_teller(verb, first)
    if teller is not None and content[0] < teller.left_edge.idx <= content[1]:
        # "The agency said in a briefing that C, lawmaker X told reporters": the agency said C,
        # the lawmaker relays it (story-gold.md: the source is the originator)
        who = next(c for c in teller.children if c.dep_ == "nsubj")
        return Found(cue=cue, cue_lemma=cue_lemma(verb), source=noun_span(subj),
                     content=trim(verb.doc, content[0], who.left_edge.idx), mode="indirect", via=[relay_name(who)])
    return Found(cue=cue, cue_lemma=cue_lemma(verb), source=noun_span(subj), content=content, mode="indirect")


def closing_teller(verb: Token, first: Token) -> Token | None:
    """"..., lawmaker X told reporters" closing a report the parser made a second clause of the
    cue: a speech verb after a comma, with its own subject and no clause of its own."""
    for c in verb.children:
        if c.dep_ != "ccomp" or c.i <= first.i or lemma_of(c) not in SPEECH_VERBS or c.left_edge.i < 1:
            continue
        if any(g.dep_ in ("ccomp", "xcomp") for g in c.children):
            continue
        subj = next((g for g in c.children if g.dep_ == "nsubj"), None)
        if subj is not None and subj.pos_ != "PRON" and subj.left_edge.i > 0 and verb.doc[subj.left_edge.i - 1].text == "," \
                and c.left_edge.i >= subj.left_edge.i - 1:
            return c
    return None


# Texts whose release is an act: "released a statement", "published an editors' note"; what
# they say is a claim, the release is not (an ad or a video released counts in PolNeAR: 2 of 4).
VEHICLE_NOUNS = STATEMENT_NOUNS | frozenset("report analysis findings".split())


def quoted_as(gov: Token) -> tuple[Token, Token | None] | None:
    """"Tass quoted the spokesman as saying", "the spokesman was quoted (by Tass) as saying":
    the speaker (the one quoted) and the relay that quotes them, if named."""
    if lemma_of(gov) != "quote" or not any(c.dep_ == "prep" and c.lower_ == "as" and any(
            g.dep_ == "pcomp" and lemma_of(g) in SPEECH_VERBS for g in c.children) for c in gov.children):
        return None
    quoted = next((c for c in gov.children if c.dep_ == "dobj"), None)
    if quoted is not None:
        return (quoted, subject_of(gov)) if quoted.lower_ not in ("it", "this", "that") else None
    passive = next((c for c in gov.children if c.dep_ == "nsubjpass"), None)
    if passive is None or passive.lower_ in ("it", "there"):
        return None
    return passive, agent_of(gov)


def relay_name(tok: Token) -> str:
    name = noun_span(tok).text.strip()
    return name[4:] if name.lower().startswith("the ") else name


# Object verbs that are deeds with some objects: "attacked the embassy" (not "attacked the
# plan"), "called off the summit", "declared war".
PHYSICAL_VERBS = frozenset("attack blast hit strike bash".split())
PLACE_NOUNS = frozenset("""embassy hospital tomb base city town village school church mosque building station
port airport checkpoint convoy camp border position positions facility plant dam bridge""".split())
DEED_OBJECTS = frozenset("war emergency martial independence victory ceasefire truce curfew".split())


REFLEXIVES = frozenset("myself yourself himself herself itself ourselves yourselves themselves oneself".split())


def physical_act(verb: Token, obj: Token) -> bool:
    lemma, noun = lemma_of(verb), obj.lemma_.lower()
    if obj.lower_ in REFLEXIVES and lemma in ("express", "explain") and not any(
            c.dep_ in ("ccomp", "xcomp", "oprd") or (c.dep_ == "prep" and c.lower_ == "as") for c in verb.children):
        return True  # "expressing themselves freely", "explained himself": no content said
    if lemma in PHYSICAL_VERBS and (obj.ent_type_ in ("FAC", "LOC") or noun in PLACE_NOUNS):
        return True
    if lemma == "call" and any(c.dep_ == "prt" and c.lower_ == "off" for c in verb.children):
        return True
    if lemma == "order" and obj.pos_ in ("NOUN", "PROPN") and any(
            t.lower_ in ("into", "back", "out") and t.head.i in (verb.i, obj.i) and t.i > obj.i for t in verb.subtree):
        return True  # "ordered tens of thousands of troops into Ukraine": a command carried out, no content
    return lemma == "declare" and noun in DEED_OBJECTS


# "The Kremlin refrains from commenting on X": a non-answer, its cue "refrain from comment".
REFRAINING = frozenset("refrain abstain".split())


def prep_frame(verb: Token) -> tuple[Token, Token] | None:
    """"X was quoted as saying", "X stopped short of confirming", "X went as far as saying": a
    speech verb in a preposition's clause (through "short" or "far" at most), the governing
    verb's subject or passive subject its speaker."""
    if verb.dep_ != "pcomp" or verb.head.dep_ != "prep":
        return None
    gov = verb.head.head
    if gov.lower_ in ("short", "far") and gov.head.pos_ in ("VERB", "AUX"):
        gov = gov.head  # "stopped short of confirming", "went so far as saying"
    elif not (lemma_of(gov) == "quote" and verb.head.lower_ == "as") and not (lemma_of(gov) in REFRAINING and verb.head.lower_ == "from"):
        return None  # "pilloried for acknowledging", "dedicated to promoting": not a frame of saying
    if gov.pos_ not in ("VERB", "AUX") or gov.i > verb.i or verb.i - gov.i > MAX_CONTROL_GAP:
        return None
    quoted = quoted_as(gov)
    if quoted is not None:
        return gov, quoted[0]
    subj = next((c for c in gov.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.lower_ in ("it", "there"):
        return None
    return gov, subj


def as_frame(verb: Token, lemma: str, sent: Span) -> Found | None:
    """"As the Times reported, ...", "..., as Smith noted.", "As reported by X, ...": the clause
    the "as" frame hangs on is the content, the frame's subject (or agent) the source."""
    if not any(c.dep_ == "mark" and c.lower_ == "as" and c.i < verb.i for c in verb.children):
        return None
    if any(c.dep_ in ("ccomp", "xcomp") or (c.dep_ == "dobj" and lemma in OBJECT_VERBS) for c in verb.children):
        return None
    source = subject_of(verb) or agent_of(verb)
    if source is None or source.lower_ in ("it", "this", "that", "which", "who"):
        return None
    doc, head = verb.doc, verb.head
    while AS_FRAME_CLAUSE and head.pos_ not in ("VERB", "AUX") and head.head.i != head.i and head.dep_ in SUBJECT_DEPS:
        head = head.head  # "Two of them, as X stated, were captured": the parser hangs the frame on the subject
    a, b = verb.left_edge.i, verb.right_edge.i + 1
    start, end = max(head.left_edge.i, sent.start), min(head.right_edge.i + 1, sent.end)
    before, after = (start, a), (b, end)
    lo, hi = after if after[1] - after[0] >= before[1] - before[0] else before
    if AS_FRAME_CLAUSE and inside_clause(doc, head, verb, start, a, b, end):
        lo, hi = start, end  # "The ships, as the navy said, had left": the clause around the frame, frame and all
    while hi > lo and doc[hi - 1].is_punct:
        hi -= 1
    if hi - lo < 3:
        return None
    content = trim(doc, doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text))
    return Found(cue=cue_tokens(verb), cue_lemma=cue_lemma(verb), source=noun_span(source), content=content, mode="indirect")


AS_FRAME_CLAUSE = 1
SUBJECT_DEPS = ("nsubj", "nsubjpass")


def inside_clause(doc: Doc, head: Token, verb: Token, start: int, a: int, b: int, end: int) -> bool:
    """The "as" frame sits between its clause's subject and its verb ("The ships, as the navy
    said, had left the port"), so neither side alone is what was said."""
    subj = next((c for c in head.children if c.dep_ in SUBJECT_DEPS), None)
    return (subj is not None and subj.i < a and b <= head.i and any(not t.is_punct for t in doc[start:a])
            and any(not t.is_punct for t in doc[b:end]))


def split_subject(verb: Token, lemma: str) -> tuple[Span, Token] | None:
    """"Mr. Reyes, whose company sells X, said the plan ...": the small model takes the subject's
    relative clause for a first clause of the verb and leaves the verb no subject; the words
    before the verb are the speaker and the clause after it what was said."""
    if verb.dep_ != "ROOT" or lemma not in SPEECH_VERBS or lemma in WEAK_VERBS or subject_of(verb) is not None:
        return None
    before = [c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i]
    after = [c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i]
    if len(before) != 1 or not after:
        return None
    doc = verb.doc
    start, end = before[0].left_edge.i, cue_tokens(verb)[0].i
    words = doc[start:end]
    if start != verb.sent.start or doc[start].pos_ not in ("PROPN", "NOUN", "DET", "ADJ", "NUM"):
        return None
    if any(t.text in QUOTE_MARKS for t in words) or not any(t.text == "," for t in words):
        return None
    while end > start + 1 and doc[end - 1].is_punct:
        end -= 1
    return doc[start:end], after[0]


def hung_speaker(verb: Token, cue: list[Token], first: Token) -> Span | None:
    """The speaker of a main speech verb after its clause, hung by the parser inside that clause
    as an apposition set off by a comma ("..., a source in the navy told Reuters")."""
    if verb.dep_ != "ROOT" or first.dep_ != "ccomp" or first.i > verb.i or lemma_of(verb) in WEAK_VERBS:
        return None
    tok = verb.doc[cue[0].i - 1]
    if tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.head.pos_ in ("NOUN", "PROPN"):
        tok = tok.head.head  # "a source in the navy"
    # an apposition, or a comma-joined conjunct with no "and" ("a Mohajer-6, a larger drone, the
    # southern command said": the command a conjunct of "drone")
    listed = tok.dep_ == "conj" and not any(c.dep_ == "cc" for c in tok.head.children)
    if not (tok.dep_ == "appos" or listed) or tok.pos_ not in ("NOUN", "PROPN") or tok.i <= first.i:
        return None
    span = noun_span(tok)
    if span.end != cue[0].i or span.start < 2 or verb.doc[span.start - 1].text != ",":
        return None
    return span


def stray_subject(verb: Token, cue: list[Token]) -> Span | None:
    """The subject the parser hung elsewhere when a long opening runs into the main verb ("In a
    statement to the paper, her adviser, Jake Lowe, said ...": "Lowe" an apposition, "said" with no
    subject): the noun phrase right before the cue, for a main speech verb only."""
    if verb.dep_ != "ROOT" or lemma_of(verb) not in SPEECH_VERBS or lemma_of(verb) in WEAK_VERBS:
        return None
    i = cue[0].i - 1
    while i >= 0 and verb.doc[i].text == ",":
        i -= 1
    if i < 0 or verb.doc[i].pos_ not in ("NOUN", "PROPN") or verb.doc[i].dep_ in ("compound", "nsubj"):
        return None
    tok = verb.doc[i]
    # "a military spokesman in Baghdad said": the noun the place or group modifies; "X, a
    # professor at California State University, Stanislaus, said": up through the place's
    # apposition and the description to the person it describes
    while True:
        if tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.head.pos_ in ("NOUN", "PROPN"):
            tok = tok.head.head
        elif tok.dep_ == "appos" and tok.head.i < tok.i and tok.head.pos_ in ("NOUN", "PROPN") \
                and (tok.ent_type_ != "PERSON" or tok.head.ent_type_ in ("ORG", "GPE", "FAC")):
            tok = tok.head  # a place set beside a body ("University, Stanislaus"), however the model tags it
        else:
            break
    if tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.head.pos_ in ("VERB", "AUX"):
        # "Trudeau, while not mentioning Israel by name, implied ...": the noun ends an adjunct;
        # the speaker is the name set off before it
        named = set_off_name(verb.doc, tok.head.head.left_edge.i)
        if named is not None:
            return named
    # "Col. Anna Reyes, a spokeswoman in Lisbon, said": the person the description is set beside
    if tok.dep_ == "appos" and tok.pos_ == "NOUN" and tok.head.ent_type_ == "PERSON" and tok.head.i < tok.i:
        tok = tok.head
    return noun_span(tok)


# "the 471 announced by Hamas", "figures initially cited by the ministry of more than 500 deaths",
# "the claims reported by X": a figure or claim given by X is X's claim, the noun phrase its content.
CITING_VERBS = frozenset("cite announce report claim give state put estimate".split())
CLAIM_HEADS = frozenset("claim claims figure figures toll number numbers count tally estimate estimates account "
                        "accounts allegation allegations version assertion assertions".split())


YEAR_LIKE = re.compile(r"^(?:1[89]|20)\d\d$")


def figure_by(verb: Token, lemma: str) -> Found | None:
    """A participle on a figure or a claim with its giver: "the 471 announced by Hamas"."""
    if lemma not in CITING_VERBS:
        return None
    agent = agent_of(verb)
    noun = verb.head
    if agent is None or agent.ent_type_ in ("DATE", "TIME") or noun.pos_ not in ("NOUN", "NUM", "PROPN"):
        return None
    # the noun is the figure ("the 471") or counts ("500 deaths"); not "a 46-page analysis"
    counted = noun.tag_ == "CD" or any(c.tag_ == "CD" and c.dep_ == "nummod" and not YEAR_LIKE.match(c.text) for c in noun.children)
    if not counted and noun.lemma_.lower() not in CLAIM_HEADS and noun.lower_ not in CLAIM_HEADS:
        return None  # "a law signed by the president", "a book published by X": acts, not claims
    return Found(cue=[verb], cue_lemma=lemma, source=noun_span(agent), content=trim(verb.doc, *subtree_span(noun)),
                 mode="indirect", given_by=True)


def set_off_name(doc: Doc, before: int) -> Span | None:
    """A person's or body's name set off by a comma right before token `before` ("Trudeau, while
    ..."), the parser having hung it on some other clause."""
    i = before - 1
    while i >= 0 and doc[i].is_punct:
        i -= 1
    if i < 0 or doc[i].ent_type_ not in ("PERSON", "ORG", "NORP") or doc[i].dep_ in ("pobj", "dobj", "compound"):
        return None
    return noun_span(doc[i])


def controller(verb: Token) -> tuple[Token, Token] | None:
    """The verb whose subject says what an infinitive reports: "tried to explain", "went on to
    say" (subject control: not "urged them to say", where the object speaks)."""
    gov = controlling_verb(verb)
    subj = subject_of(gov) if gov is not None else None
    return (gov, subj) if subj is not None else None


def controlling_verb(verb: Token) -> Token | None:
    """The governing verb of a reporting infinitive that belongs in its cue, subject or not."""
    gov = verb.head
    if verb.dep_ != "xcomp" or gov.i >= verb.i or gov.pos_ not in ("VERB", "AUX") or verb.i - gov.i > MAX_CONTROL_GAP:
        return None
    if not any(c.dep_ == "aux" and c.lower_ == "to" and c.i == verb.i - 1 for c in verb.children):
        return None
    if any(c.dep_ in ("dobj", "dative") and c.i < verb.i for c in gov.children) or is_passive(gov):
        return None
    if lemma_of(gov) != "continue" and lemma_of(gov) in SPEECH_VERBS | OBJECT_VERBS | XCOMP_VERBS | RAISING_VERBS | set(PREP_CUES) | {"be"}:
        return None  # "pledged to oppose", "seemed to suggest": the governing verb is the cue itself
    return gov


def conjunct_subject(verb: Token) -> Token | None:
    """The subject a subjectless conjoined speech verb shares: the first conjunct's ("reversed
    themselves, rushed everyone in and said ..."); or, where the parser hung "and said B" on
    the clause of an earlier "X said A" (a conjunct of a ccomp with its own subject, or of a
    verb that clause governs: "told reporters they hoped to be freed and warned others"), X."""
    if verb.dep_ != "conj" or lemma_of(verb) not in SPEECH_VERBS:
        return None
    head = first_conjunct(verb.head)
    if second_report(verb):
        return subject_of(reported_clause(verb).head)
    return subject_of(head) if head.pos_ in ("VERB", "AUX") else None


def stranded_subject(verb: Token, cue: list[Token]) -> Token | None:
    """"A Navy official told CBS that ..., and Chris Parry, a former admiral, told TalkTV ...": the
    small model joins the second speaker to the first clause (a conjunct of a noun there) and
    leaves the second speech verb a subjectless conjunct; the name right before it, opened by
    "and" or "but", is its subject."""
    if verb.dep_ != "conj" or lemma_of(verb) not in SPEECH_VERBS:
        return None
    doc = verb.doc
    i = cue[0].i - 1
    while i >= 0 and doc[i].is_punct:
        i -= 1
    if i < 0:
        return None
    tok = doc[i]
    while tok.dep_ != "conj" and tok.head.i != tok.i and tok.head.i < verb.i and tok.i - tok.head.i < 12:
        tok = tok.head
    if tok.dep_ != "conj" or tok.pos_ not in ("PROPN", "NOUN") or tok.head.i == verb.head.i:
        return None
    start = tok.left_edge.i
    if start == 0 or doc[start - 1].lower_ not in ("and", "but") or tok.right_edge.i >= verb.i:
        return None
    if any(not t.is_punct and not (start <= t.i <= tok.right_edge.i) for t in doc[start:cue[0].i]):
        return None
    return tok


def reported_clause(verb: Token) -> Token:
    """The clause a conjunct hangs in: its head, or up from there through the verbs it governs
    ("they hoped to be swapped and warned ...": "warned" hangs on "swapped", the clause is "hoped")."""
    clause = verb.head
    while XCOMP_CLAUSES and clause.dep_ == "xcomp" and clause.head.i != clause.i:
        clause = clause.head
    return clause


XCOMP_CLAUSES = 1


def second_report(verb: Token) -> bool:
    """"X said A ... and said B": `verb` (said B) is a subjectless conjunct of the reported
    clause A (or of a verb it governs), which has a subject of its own, under a speech verb with a subject."""
    clause = reported_clause(verb)
    if any(c.lower_ in ("neither", "nor") for c in [*clause.children, *verb.head.children]):
        return False  # "said it could neither confirm nor deny the reports": one non-answer
    return (verb.dep_ == "conj" and clause.dep_ == "ccomp" and lemma_of(verb) in SPEECH_VERBS and lemma_of(verb) not in WEAK_VERBS
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
            and any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in clause.children)
            and lemma_of(clause.head) in SPEECH_VERBS and subject_of(clause.head) is not None
            and any(c.dep_ in ("ccomp", "dobj") for c in verb.children))


def the_remarks(noun: Token, owned: bool = True) -> bool:
    """"the remarks", "these comments" (with `owned`, "his statement" too): words reported before,
    named again."""
    dets = ("the", "these", "those", "his", "her", "their") if owned else ("the", "these", "those")
    return noun.lemma_.lower() in ("remark", "comment", "statement", "remarks", "comments") \
        and any(c.dep_ == "det" and c.lower_ in dets for c in noun.children)


def light_verb(verb: Token, lemma: str) -> Found | None:
    """"made it clear that ...", "made the case that ...", "expressed confidence that ...",
    "made several statements about ...": a light verb and a noun of saying or holding are one
    cue (to the noun's preposition); the content is the noun's clause or the preposition's object."""
    subj = subject_of(verb)
    if subj is None or is_passive(verb):
        return None
    doc = verb.doc
    start = cue_tokens(verb)[0]
    if lemma == "make":
        clear = next((c for c in verb.children if c.lower_ == "clear" and c.dep_ in ("ccomp", "acomp", "oprd", "dobj")), None)
        if clear is not None:
            clause = next((c for c in list(clear.children) + list(verb.children) if c.i > clear.i and c.dep_ in ("advcl", "ccomp", "csubj")), None)
            if clause is None:
                return None
            return Found(cue=list(doc[start.i:clear.i + 1]), cue_lemma="make clear", source=noun_span(subj), content=trim(doc, *subtree_span(clause)), mode="indirect")
    noun = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i and c.lemma_.lower() in CUE_NOUNS), None)
    if noun is None or noun.i - verb.i > 4:
        return None
    if the_remarks(noun):
        return None  # "X made the remarks at a lecture": the remarks reported before, said again by no one
    clause = that_clause(noun)
    if clause is None:
        clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > noun.i), None)
    end = noun
    if clause is None:
        prep = next((c for c in noun.children if c.dep_ == "prep" and c.i == noun.i + 1 and c.lower_ in NOUN_PREPS), None)
        clause = next((g for g in prep.children if g.dep_ in ("pobj", "pcomp")), None) if prep is not None else None
        end = prep
    if clause is None:
        return None
    return Found(cue=list(doc[start.i:end.i + 1]), cue_lemma=f"{lemma} {noun.lemma_.lower()}", source=noun_span(subj), content=trim(doc, *subtree_span(clause)), mode="indirect")


def seen_as(verb: Token) -> Found | None:
    """"Voters see Clinton as the stronger candidate", "He is seen as a moderate": the holder's
    view; the content runs from what is seen to the end of the "as" phrase."""
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    # the parser hangs "as" on the verb or on its object ("see the new bridge as ...")
    prep = next((c for c in list(verb.children) + (list(obj.children) if obj is not None else [])
                 if c.dep_ == "prep" and c.lower_ == "as" and c.i > verb.i), None)
    if prep is None or not any(g.dep_ == "pobj" for g in prep.children):
        return None
    doc = verb.doc
    if is_passive(verb):
        subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if subj is None or subj.lower_ in ("which", "that", "who"):
            return None
        agent = agent_of(verb)
        return Found(cue=cue_tokens(verb) + [prep], cue_lemma="see", source=noun_span(agent) if agent is not None else None,
                     content=trim(doc, subj.left_edge.idx, prep.right_edge.idx + len(prep.right_edge.text)),
                     mode="indirect" if agent is not None else "unattributed", unnamed=None if agent is not None else "unnamed")
    subj = subject_of(verb)
    if obj is not None and obj.i > prep.i:
        obj = None
    if obj is None or subj is None or subj.lower_ in ("who", "that", "which"):
        return None
    return Found(cue=cue_tokens(verb), cue_lemma="see", source=noun_span(subj), content=trim(doc, obj.left_edge.idx, prep.right_edge.idx + len(prep.right_edge.text)), mode="indirect")


# What a document-describing verb says: its complements after it.
DOCUMENT_COMPLEMENTS = frozenset("ccomp dobj xcomp prep oprd attr".split())

# The longest cue from the putting-out verb to the describing one, in tokens.
MAX_DOCUMENT_GAP = 15


def document_frame(verb: Token, lemma: str, sent: Span) -> Found | None:
    """"released a new radio ad calling it dangerous", "has released a video that accuses X of
    ...": the verb describing a put-out document, with the verb that put it out, is the cue; what
    the describing verb takes is the content, the putter-out the source."""
    noun = verb.head
    if verb.dep_ == "acl" and verb.tag_ == "VBG":
        if any(c.dep_ in ("nsubj", "mark", "aux") for c in verb.children):
            return None  # "a message that a priority is increasing ...": a clause, not a participle
        if noun.lemma_.lower() in STATEMENT_NOUNS and lemma in SPEECH_VERBS | OBJECT_VERBS:
            return None  # "issued a statement saying": the speech verb's own find (frame_verb)
    elif verb.dep_ != "relcl" or lemma == "be" or not any(c.dep_ == "nsubj" and c.lower_ in ("that", "which") for c in verb.children):
        return None  # not "sent a clear message that a priority is ...": a "that" clause the parser took for relative
    if noun.lemma_.lower() not in DOCUMENT_NOUNS or noun.dep_ != "dobj" or noun.i > verb.i:
        return None
    gov = noun.head
    if lemma_of(gov) not in DOCUMENT_VERBS or gov.i > noun.i or verb.i - gov.i > MAX_DOCUMENT_GAP or is_passive(gov):
        return None
    subj = subject_of(gov) or conjunct_subject_of(gov)
    comp = next((c for c in verb.children if c.i > verb.i and c.dep_ in DOCUMENT_COMPLEMENTS), None)
    if subj is None or comp is None or subj.lower_ in ("which", "that", "who"):
        return None
    content = content_after(verb, comp, sent)
    if content[1] - content[0] < 3:
        return None
    cue = cue_tokens(gov)[:1] + cue_tokens(verb)
    return Found(cue=cue, cue_lemma=cue_lemma(verb), source=noun_span(subj), content=content, mode="indirect", absorbs=gov)


BARE_FIGURES = frozenset("figure number total estimate tally count it they this that".split())  # lemmas
# Verbs that give a figure as "VERB the thing at N": "put / estimated / pegged the death toll at
# 16"; "placed" only with a figure for its object ("placed the toll at 50", not "placed troops at
# the border").
AT_VERBS = frozenset("put estimate peg place".split())
FIGURE_NOUNS = BARE_FIGURES | frozenset("toll cost damage loss losses value casualty casualties death deaths".split())


# "The ministry raised the death toll to 16", "revised the toll down to 12": a new figure given.
TO_VERBS = frozenset("raise revise lower update increase cut reduce adjust".split())
# Who gives a figure: bodies and officials, not "the storm raised the toll".
FIGURE_GIVERS = frozenset("""official officials authority authorities ministry police agency government department
office service services spokesman spokeswoman spokesperson governor mayor minister administration""".split())


def clause_end(verb: Token) -> int:
    """Where the verb's clause ends: after the last of its dependents that follow it (a
    coordinated clause and the punctuation left out)."""
    last = max((c.right_edge for c in verb.children if c.i > verb.i and c.dep_ not in ("punct", "cc", "conj")),
               key=lambda t: t.i)
    return last.idx + len(last.text)


def given_as(verb: Token) -> Found | None:
    """"The health ministry gave the death toll as 471": the subject's figure, as "put ... at"."""
    subj = subject_of(verb)
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if subj is None or obj is None or is_passive(verb) or obj.lemma_.lower() not in FIGURE_NOUNS:
        return None
    as_ = next((c for c in [*verb.children, *obj.children] if c.dep_ == "prep" and c.lower_ == "as" and c.i > obj.i), None)
    if as_ is None or not any(t.like_num for t in as_.subtree):
        return None
    # to the clause's end, as for "put ... at": "..., revising its earlier figure of 500" is said too
    content = trim(verb.doc, obj.left_edge.idx, clause_end(verb))
    return Found(cue=[verb, as_], cue_lemma="give", source=noun_span(subj), content=content, mode="indirect")


def revised_to(verb: Token, lemma: str) -> Found | None:
    """"The ministry raised the death toll to 16": the subject's figure; the content is what is
    counted and the figure, as for "put the toll at 16"."""
    subj = subject_of(verb)
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if subj is None or obj is None or is_passive(verb) or obj.lemma_.lower() not in FIGURE_NOUNS:
        return None
    if subj.ent_type_ not in ("ORG", "PERSON", "GPE", "NORP") and subj.lemma_.lower() not in FIGURE_GIVERS:
        return None
    to = next((c for c in [*verb.children, *obj.children, *(g for c in verb.children if c.dep_ == "prt" for g in c.children)]
               if c.dep_ == "prep" and c.lower_ == "to" and c.i > obj.i), None)
    if to is None or not any(t.like_num for t in to.subtree):
        return None
    content = trim(verb.doc, obj.left_edge.idx, clause_end(verb))
    return Found(cue=[verb], cue_lemma=lemma, source=noun_span(subj), content=content, mode="indirect")


def put_at(verb: Token, lemma: str = "put") -> Found | None:
    """"The ministry put the death toll at 16", "an official put it even lower, at or below 50",
    "the agency estimated the damage at $2 billion": an estimate by the subject; the content is
    what is counted and the figure."""
    subj = subject_of(verb)
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    # "at" hangs on the verb or, as the parser often has it, on the object ("estimated [the damage at N]")
    at = next((c for c in [*verb.children, *(obj.children if obj is not None else ())]
               if c.dep_ == "prep" and c.lower_ == "at" and obj is not None and c.i > obj.i), None)
    if subj is None or at is None or is_passive(verb) or not any(t.like_num for t in at.subtree):
        return None
    if lemma == "place" and obj.lemma_.lower() not in FIGURE_NOUNS:
        return None
    # The cue is "put ... at" (PolNeAR's "puts the figure at"); the content runs to the end of the
    # clause. What is counted is kept ("the death toll even lower, at or below 50"); a bare "the
    # figure", "it" names nothing, and the content is the figure on ("$498 billion, assuming ...").
    bare = obj.lemma_.lower() in BARE_FIGURES and not any(c.dep_ == "prep" for c in obj.children)
    start = verb.doc[at.i + 1].idx if bare and at.i + 1 < len(verb.doc) else obj.left_edge.idx
    content = trim(verb.doc, start, clause_end(verb))
    return Found(cue=[verb, at], cue_lemma=lemma, source=noun_span(subj), content=content, mode="indirect")


def first_conjunct(verb: Token) -> Token:
    """The first verb of the coordination `verb` is in, up through conjuncts without a subject."""
    while verb.dep_ == "conj" and subject_of(verb) is None:
        verb = verb.head
    return verb


def conjunct_subject_of(verb: Token) -> Token | None:
    """The subject a subjectless conjoined verb shares with the first of its coordination."""
    head = first_conjunct(verb)
    return subject_of(head) if head is not verb else None


def frame_verb(verb: Token) -> tuple[Token, Token] | None:
    """"issued a statement saying ...": the verb that put out the statement the participle
    describes, with that verb's subject (the statement's author, not the statement)."""
    noun = verb.head
    if verb.dep_ != "acl" or noun.lemma_.lower() not in STATEMENT_NOUNS or noun.dep_ != "dobj":
        return None
    gov = noun.head
    if gov.lemma_.lower() not in ISSUE_VERBS or gov.i > verb.i or subject_of(gov) is None or is_passive(gov):
        return None
    return gov, subject_of(gov)


def raised(verb: Token, lemma: str) -> Found | None:
    """"Trump seems to be gaining": no source; the content is the subject and the infinitive."""
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    inf = next((c for c in verb.children if c.dep_ in ("xcomp", "ccomp") and c.i > verb.i), None)
    if inf is None or (subj is None and inf.dep_ == "xcomp"):
        return None
    if subj is not None and subj.lower_ in ("it", "there", "this", "that"):
        subj = None if inf.dep_ == "ccomp" else subj
        if subj is not None:
            return None
    start = subj.left_edge.idx if subj is not None else inf.left_edge.idx
    end = inf.right_edge.idx + len(inf.right_edge.text)
    content = trim(verb.doc, start, end)
    if content[1] - content[0] < 8:
        return None
    return Found(cue=cue_tokens(verb), cue_lemma=lemma, source=None, content=content, mode="unattributed", unnamed="unnamed")


def judged(verb: Token, lemma: str) -> Found | None:
    """"Peacekeepers have been blamed for ...", "it was labeled "Mostly True"": a passive
    judgement with no agent; no source, the content is the subject and what it is charged with."""
    if agent_of(verb) is not None or lemma in ACT_PASSIVES:
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    comp = next((c for c in verb.children if c.i > verb.i and c.dep_ in ("prep", "oprd", "xcomp", "attr") and not is_frame_modifier(c)), None)
    if subj is None or comp is None or subj.lower_ in ("there", "which", "that", "who"):
        return None
    content = trim(verb.doc, subj.left_edge.idx, comp.right_edge.idx + len(comp.right_edge.text))
    cue = cue_tokens(verb)
    if comp.dep_ == "prep" and comp.i == cue[-1].i + 1:
        cue = cue + [comp]
    return Found(cue=cue, cue_lemma=lemma, source=None, content=content, mode="unattributed", unnamed="unnamed")


def attitude(verb: Token) -> Found | None:
    """"Graham has been critical of Trump", "She is confident that ...": be + a stance adjective."""
    adj = next((c for c in verb.children if c.dep_ == "acomp" and c.lower_ in ATTITUDE_ADJECTIVES), None)
    subj = subject_of(verb)
    if adj is None or subj is None or subj.lower_ in ("it", "there"):
        return None
    takes = ATTITUDE_ADJECTIVES[adj.lower_]
    comp, last = None, adj
    for c in list(adj.children) + list(verb.children):
        if c.i < adj.i:
            continue
        if c.dep_ in ("ccomp", "xcomp") and c.dep_ in takes:
            comp = c
        elif c.dep_ == "prep" and c.lower_ in takes:
            comp = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
            last = c if c.i == adj.i + 1 else adj
        if comp is not None:
            break
    if comp is None:
        return None
    # the cue runs from the verb's auxiliaries to the adjective (and its preposition): "has been critical of"
    first = cue_tokens(verb)[0]
    cue = list(verb.doc[first.i:last.i + 1]) if 0 <= last.i - first.i <= 5 else [adj]
    return Found(cue=cue, cue_lemma=adj.lower_, source=noun_span(subj), content=trim(verb.doc, *subtree_span(comp)), mode="indirect")


# Marks of a clause set beside another, not under it: after a frame, the writer's, not the speaker's.
CONTRAST_MARKS = frozenset("while whereas".split())


def parenthetical_content(verb: Token, sent: Span) -> tuple[int, int]:
    """The sentence around a frame set inside it, but for a contrasting clause after the frame
    ("Flooding killed 10 people, the ministry said, while the UN has said that ..."): that is the
    writer setting another's report beside the ministry's, not what the ministry said."""
    doc = verb.doc
    for c in verb.head.children:
        if c.dep_ == "advcl" and c.i > verb.i and doc[c.left_edge.i].lower_ in CONTRAST_MARKS \
                and all(t.is_punct for t in doc[verb.right_edge.i + 1:c.left_edge.i]):
            frame = min(t.idx for t in [verb, *subject_of(verb).subtree])
            return trim(doc, sent.start_char, frame)
    subject = subject_of(verb)
    if relative_after(verb):
        # "A, officials said, which the Russians have used": what was said is A
        return trim(doc, sent.start_char, doc[verb.left_edge.i].idx)
    closing = all(c.is_punct or (subject is not None and c.i == subject.i) for c in verb.children if c.i > verb.i)
    if closing and (verb.right_edge.i + 1 >= sent.end or all(t.is_punct for t in doc[verb.right_edge.i + 1:sent.end])):
        # "The ships had left, said Rutte, NATO's secretary general.": a frame closing the sentence
        return trim(doc, sent.start_char, doc[verb.left_edge.i].idx)
    return trim(doc, sent.start_char, sent.end_char)


def is_parenthetical(verb: Token, lemma: str) -> bool:
    """A speech verb with its subject set into another clause ("..., Graham said, ...")."""
    return (verb.dep_ == "parataxis" and lemma in SPEECH_VERBS and lemma not in WEAK_VERBS
            and subject_of(verb) is not None and (clause_content(verb) is None or relative_after(verb)))


def relative_after(verb: Token) -> bool:
    """"A, officials said, which the Russians have used": the parser gives the frame the relative
    clause after it as its complement; it is the writer's, about A."""
    return any(c.dep_ == "ccomp" and c.i > verb.i and verb.doc[c.left_edge.i].lower_ in ("which", "who", "whom", "whose")
               for c in verb.children)


def known_pattern(verb: Token) -> bool:
    """"It became known that", "it is known that", "it became clear that"."""
    return any(c.dep_ == "acomp" and c.lower_ in ("known", "clear") for c in verb.children) and any(
        c.dep_ in ("nsubj", "expl") and c.lower_ == "it" for c in verb.children
    )
