"""Stance, polarity, hedge and evaluation of a claim, from its cue and its content's parse.

stance (shared/spec/story-gold.md; the rules are general English news usage, each with a test of
invented sentences in tests/test_stance.py):
- confirmed: confirm cues, "can confirm", "was confirmed".
- denied: deny cues ("dismissed the claims"); the content calls something false ("is not true",
  "is fake", "called it a provocation", "dismissed as lies"). A negated deny cue ("did not deny")
  is possible, not denied.
- unconfirmed: cannot or will not confirm, or deflects: "has not yet confirmed", "could not
  verify", "declined to say", "would not say whether", "stopped short of confirming / blaming",
  "it is unclear / not yet known", "we don't know what", "no confirmation", "too early to say",
  "impossible to predict", "still investigating", "before reaching any conclusion"; polarity
  that of the report (positive).
- denied also: "it is impossible for X to have happened", and a relayed denial ("[the agency
  said] the government rejected accusations that ..."). "We can reject this" is a denial and "We
  can state that ..." an assertion: a speaker's "can" on a verb of saying is the act itself.
- possible: hedged. Modals could/may/might; "likely", "probably", "appears to", "suggests",
  "believes", "suspects" on the content's main clause (or the clause a "says"/"suggests" in it
  governs); a believing cue ("believe", "suspect", "imply", "suggest"); a forecasting cue whose content is
  a present state ("anticipates that there are 70 hours left"); "what officials suspect
  was ...". Evidence "consistent with" an account is a finding stated: asserted. "unlikely" and
  "improbable" are a hedged no (possible, negative), except over a figure's bound ("unlikely to
  be much more than 24 hours": the quantity's bound turns instead).
- predicted: will/would/shall/"going to", "is set / due / expected to", a forecasting cue with a
  future content ("expects the storm to reach"); not the consequence of an "if" clause ("if the
  level drops, the plant will stop pumping" says how things work: asserted).
- else asserted.
polarity: negative when the content's main verb is negated and the negation is not already the
stance (a denial or a non-confirmation), or when its subject is "no ..." / "none" / "nothing"
("no evidence of", "none of the intelligence pointed to": asserted + negative).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import numpy
from spacy.tokens import Span, Token

from ..nlp.cache import heads_of, text_of

# Confirming, or acknowledging a reported or disputed point (story-gold: "confirms or acknowledges"):
# "the ministry acknowledged that the bridge had collapsed", "the paper admitted its coverage was sloppy".
CONFIRM_CUES = {"confirm", "verify", "corroborate", "affirm", "acknowledge", "admit", "concede"}
DENY_CUES = {"deny", "refute", "dismiss", "reject", "debunk", "rebut", "disavow", "dispute"}
CONFIRM_VERBS = {"confirm", "verify", "corroborate"}
FALSE_WORDS = {"true", "false", "fake", "untrue", "wrong", "incorrect", "inaccurate", "lie", "lies", "groundless", "baseless", "fabrication", "fabricated", "disinformation", "nonsense", "misleading", "unfounded", "hoax", "propaganda", "bogus", "spurious"}
# Words that call a claim false wherever they are what is said of it ("called the video fake",
# "dismissed it as a provocation", "Lies."), not only after "be".
DENIAL_WORDS = (FALSE_WORDS - {"true", "misleading", "wrong", "incorrect", "inaccurate"}) | {
    "provocation", "provocations", "fabrications", "falsehood", "falsehoods", "slander", "libel",
    "fiction", "fakes", "hoaxes", "fantasy", "invention", "absurd"}
# What is said of these is said of a claim: "the reports were a provocation" denies them.
CLAIM_NOUNS = frozenset("report claim allegation accusation statement information news story rumour rumor "
                        "assertion speculation".split())
# Cues that hold a belief rather than state a fact (story-gold: "possible (hedged: ... believe)").
BELIEF_CUES = {"believe", "suspect", "assume", "presume", "imply", "speculate", "guess", "surmise",
               "theorize", "theorise", "reckon", "suppose", "hint", "think", "wonder", "lean", "suggest"}
# Forecasting cues: predicted when the content is a future event ("expects the storm to reach
# the coast"), possible when it is an estimate of the present ("anticipates there are 70 hours
# left").
FORECAST_CUES = {"expect", "predict", "forecast", "anticipate", "project"}
# Saying cues that, negated or refused, are a non-confirmation ("would not say whether",
# "declined to comment").
SAY_LIKE = {"say", "comment", "confirm", "verify", "answer", "specify", "disclose", "elaborate",
            "discuss", "reveal", "speculate", "identify", "tell", "give", "provide", "detail", "name",
            "respond", "reply"}
REFUSE_VERBS = {"decline", "refuse", "refrain", "abstain"}
# Hedges on the content's main clause.
HEDGE_VERBS = {"appear", "seem", "suggest", "believe", "suspect", "assume", "presume", "speculate",
               "guess", "wonder", "think", "surmise", "anticipate"}
HEDGE_ADVERBS = {"likely", "probably", "possibly", "perhaps", "apparently", "presumably",
                 "seemingly", "maybe", "conceivably", "plausibly", "reportedly", "allegedly", "supposedly"}
HEDGE_ADJECTIVES = {"likely", "unlikely", "possible", "probable", "plausible", "improbable"}
# "with a high degree of probability", "in all likelihood": odds, not certainty.
ODDS_NOUNS = {"probability", "likelihood"}
# Also "feasible" ("evacuation is possible only by boat"): a hedge only as "it is possible that".
FEASIBLE_ADJECTIVES = {"possible", "plausible"}
# Verbs whose clausal complement is what the content really asserts ("the evidence suggests
# that X", "Our Defense Department says it is unlikely that ..."): their complement's hedges count.
FRAME_VERBS = {"say", "suggest", "indicate", "show", "find", "judge", "conclude", "determine",
               "assess", "believe", "think", "appear", "seem", "mean", "know", "understand",
               # "I emphasize once again that Iran has not supplied X": the speaker's own act of saying
               "emphasize", "emphasise", "stress", "repeat", "reiterate", "insist", "underline", "state", "declare"}
# "it is unclear / not known / not conclusive": the source does not know.
UNKNOWN_ADJECTIVES = {"unclear", "unknown", "uncertain", "undetermined", "unconfirmed", "unverified", "unsure"}
KNOWN_ADJECTIVES = {"clear", "known", "certain", "conclusive", "definitive", "confirmed", "verified", "sure", "aware"}
KNOW_VERBS = {"know", "confirm", "verify", "determine", "establish", "say", "tell", "ascertain"}
WH_WORDS = {"what", "whether", "if", "who", "whom", "which", "how", "when", "where", "why"}
# "no confirmation of", "no word on": nothing is confirmed (unconfirmed); "no evidence of" is a
# negative assertion.
NO_CONFIRMATION = {"confirmation", "verification", "word"}
# "does not comment on X", "would not speculate": no word on it.
NOT_COMMENTING = frozenset("comment speculate elaborate".split())
# "had no information about X", "has no knowledge of X": nothing to say on it.
NO_KNOWLEDGE = {"information", "knowledge", "details"}
NEGATIVE_DETERMINERS = {"no"}
NEGATIVE_PRONOUNS = {"none", "nothing", "nobody", "noone"}
# "too early to say", "hard to tell": the source cannot say yet.
CANNOT_TELL_ADJECTIVES = {"early", "soon", "hard", "difficult", "impossible", "premature"}
# "still investigating what happened", "working to determine what happened".
INQUIRY_VERBS = {"investigate", "review", "examine", "assess", "analyse", "analyze", "determine",
                 "establish", "ascertain", "probe", "study", "evaluate"}
# "is set to close", "is due to open": a scheduled future.
SCHEDULE_WORDS = {"set", "due", "poised", "slated", "scheduled", "expected", "bound"}
READY_ADJECTIVES = {"prepared", "ready", "able", "willing", "position"}
POSSIBLE_MODALS = {"could", "may", "might", "can"}
# "We can confirm", "I can state unequivocally", "we can reject this": a speaker's "can" on a
# verb of saying is the act itself, not a possibility.
PERFORMATIVE_VERBS = {"say", "state", "declare", "tell", "assure", "confirm", "report", "announce",
                      "affirm", "reaffirm", "deny", "reject", "refute", "rule", "insist", "stress"}
FIRST_PERSON = {"i", "we"}
# "X cannot have been done", "it is impossible for the plant to have been blown up": a denial;
# "impossible to predict / say whether" is a source that cannot tell (CANNOT_TELL_ADJECTIVES).
IMPOSSIBLE_ADJECTIVES = {"impossible", "inconceivable", "unthinkable"}
TELL_VERBS = {"know", "say", "tell", "predict", "estimate", "determine", "confirm", "verify", "establish",
              "assess", "discern", "judge", "gauge", "quantify", "calculate", "ascertain", "count"}
# "before reaching any firm conclusion", "before saying what happened": judgement deferred; "The
# question about X should be addressed to the ministry": a referral, no answer.
DEFER = re.compile(r"^(?:the\s+|this\s+|that\s+|such\s+|any\s+|all\s+)?(?:questions?|quer(?:y|ies)|inquir(?:y|ies))\b[^.;:]{0,80}?\b(?:should|must|ought\s+to|need\s+to|can)\s+be\s+"
                   r"(?:addressed|directed|referred|put|sent|forwarded)\s+to\b"
                   r"|\bbefore\s+(?:(?:reaching|drawing|making|coming\s+to|jumping\s+to|arriving\s+at)\s+(?:a|any|the|its|their|our|firm|final|definitive|and|\s)*conclusions?"
                   r"|(?:saying|deciding|determining|concluding|judging)\s+(?:what|whether|who|how|which))\b", re.I)
# "what officials suspect was the implosion": the content names the thing as someone's suspicion.
SUSPECTED_WHAT = re.compile(r"\bwhat\s+(?:[\w.'’-]+\s+){0,5}?(?:suspect(?:s|ed)?|believe[sd]?|think|thinks|thought|assume[sd]?)\s+(?:was|is|were|are|to\s+be|might|may|could)\b", re.I)
FUTURE_MODALS = {"will", "would", "shall", "'ll", "wo"}
# "I would like to stress", "we want to say": a wish to say that is the saying.
WISH_VERBS = frozenset("like love want wish".split())
RESTATE_VERBS = frozenset("reiterate stress emphasize emphasise underline underscore note point repeat remind state "
                          "clarify make".split())

HEDGES = (
    "as far as i know", "as far as we know", "reportedly", "allegedly", "apparently",
    "presumably", "probably", "possibly", "perhaps", "likely", "it seems", "it appears",
    "i think", "i believe", "we believe", "i suppose", "i guess", "in my opinion",
    "according to preliminary data", "preliminarily", "supposedly", "purportedly",
)

# Words that make a statement a judgement rather than a checkable fact. Calibrated on the
# seed's five evaluative claims; kept to words whose use is almost always evaluative.
EVALUATIVE = {
    "good", "bad", "great", "terrible", "horrible", "awful", "wonderful", "excellent", "alarming",
    "shameful", "disgraceful", "outrageous", "ridiculous", "absurd", "important", "significant",
    "dangerous", "irresponsible", "unacceptable", "acceptable", "sign", "progress", "achievement",
    "failure", "success", "mistake", "disaster", "tragedy", "crazy", "stupid", "smart", "wrong",
    "right", "fair", "unfair", "best", "worst", "better", "worse", "deplorable", "disgusting",
    "incompetent", "weak", "strong", "nothing", "hardly", "sure", "threat", "escalation",
    "crime", "criminal", "lie", "shame", "disgrace", "nonsense", "fantastic", "tremendous",
    "amazing", "pathetic", "sad", "unprecedented", "corrupt", "rigged", "evil", "brave",
    "heroic", "cynical", "insane", "serious", "concerning", "worrying", "troubling",
}
OPINION_OPENERS = ("i'm sure", "i am sure", "i think", "i believe", "i feel", "in my opinion", "we believe", "i'm convinced", "i am convinced")


@dataclass(frozen=True, slots=True)
class Stance:
    stance: str
    polarity: str
    hedge: str | None
    evaluation: bool


def tops(content: Span) -> list[Token]:
    """Tokens of the span whose head lies outside it: its main verb, or the pieces of a broken parse."""
    a, b = content.start, content.end
    h = heads_of(content.doc)[a:b]
    top = (h == numpy.arange(a, b)) | (h < a) | (h >= b)
    doc = content.doc
    return [doc[int(i)] for i in numpy.flatnonzero(top) + a]


def main_verb(content: Span) -> Token:
    """The content's own main verb: the first top-level verb, else the span's root."""
    for t in tops(content):
        if t.pos_ in ("VERB", "AUX"):
            return t
    return content.root


# A noun cue says what its verb says: "previous denials by Tehran that it had supplied weapons"
# is Tehran denying, "the ministry's confirmation that" confirming.
NOUN_CUES = {"denial": "deny", "rejection": "reject", "refutation": "refute", "dismissal": "dismiss",
             "confirmation": "confirm", "acknowledgement": "acknowledge", "acknowledgment": "acknowledge",
             "admission": "admit", "verification": "verify"}


def assess(content: Span, cue_lemma: str, cue_negated: bool = False) -> Stance:
    """Stance, polarity, hedge and evaluation of one claim."""
    cue_lemma = NOUN_CUES.get(cue_lemma, cue_lemma)
    root = main_verb(content)
    low = content.text.lower()
    negated = is_negated(root)
    chain = stated_chain(root, content)
    if not negated and len(chain) > 1:
        # "she believes [the owner was not at home]", "our assessment is [that X is not]",
        # "showed him intelligence that suggests [X was not]": the polarity is the complement's
        negated = is_negated(chain[-1])
    if not negated and inconsistent(chain[-1]):
        negated = True  # "the damage is inconsistent with an airstrike": not an airstrike
    modals = modals_of(root)
    if root.lemma_.lower() in SAY_LIKE and any(c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in root.children) \
            and any(c.dep_ in ("ccomp", "parataxis") for c in root.children):
        modals -= FUTURE_MODALS  # "I will say again: X", "I would say X": the saying is now
    if root.lemma_.lower() in WISH_VERBS and any(c.dep_ == "xcomp" and c.lemma_.lower() in SAY_LIKE | RESTATE_VERBS
                                                  for c in root.children):
        modals -= FUTURE_MODALS  # "I would like to reiterate that X": the saying is now
    if len(chain) > 1:
        modals |= modals_of(chain[-1])  # "intelligence indicates [Iran will begin training]": the forecast is the clause's
    stance = "asserted"
    polarity_taken = False
    negative = False
    head_lemma = cue_lemma.split()[0] if cue_lemma else ""
    if cue_lemma in CONFIRM_CUES and not cue_negated:
        stance = "confirmed"
    elif cue_lemma in CONFIRM_CUES and cue_negated:
        stance, polarity_taken = "unconfirmed", True
    elif negated and (root.lemma_.lower() == "exclude" or root.lemma_.lower() == "rule" and any(
            c.dep_ == "prt" and c.lower_ == "out" for c in root.children)):
        stance, polarity_taken = "possible", True  # "could not rule out / exclude that X": X may be so
    elif FAR_FROM_TRUTH.search(low):
        stance, polarity_taken = "denied", True  # "I can say that nothing could be farther from the truth"
    elif performative(root, modals):
        lemma = root.lemma_.lower()
        if lemma in DENY_CUES or lemma == "rule":
            stance, polarity_taken = "denied", True
        else:
            stance = "confirmed" if lemma in CONFIRM_CUES else "asserted"
    elif cue_lemma in DENY_CUES and cue_negated:
        stance, polarity_taken = "possible", True  # "did not deny": leaves it open
    elif cue_lemma in DENY_CUES:
        stance = "denied"
    elif (cue_negated and head_lemma in SAY_LIKE) or (head_lemma in REFUSE_VERBS and refused_saying(content)) \
            or (head_lemma in REFUSE_VERBS and cue_lemma.split()[-1] in SAY_LIKE) \
            or " short of " in cue_lemma:  # "stopped short of confirming / blaming": not said
        stance, polarity_taken = "unconfirmed", True
    elif any(denial(t) for t in tops(content)) or calls_false(content, root) or discredits(root) \
            or no_basis(root) or rejects_false_claims(root) or warns_off_claims(content, head_lemma) \
            or labelled_false(content, head_lemma):
        stance, polarity_taken = "denied", True
    elif declines_comment(root) or (head_lemma == "refer" and root.lemma_.lower() in REFERRED_NOUNS):
        stance, polarity_taken = "unconfirmed", True  # "referred questions to the ministry": no answer
    elif (root.lemma_.lower() in CONFIRM_VERBS and negated) or neither_nor(root):
        stance, polarity_taken = "unconfirmed", True  # "could neither confirm nor deny"
    elif root.lemma_.lower() in CONFIRM_VERBS and not modals & {"could", "might", "may"}:
        stance = "confirmed"
    elif affirms(root) or emphatic(chain[-1]) \
            or any(affirms(c) for c in root.children if c.dep_ == "ccomp" and c.i < root.i):  # "X is correct, we gave"
        stance = "confirmed"
    elif not_known(content, root) or DEFER.search(low):
        stance, polarity_taken = "unconfirmed", True
    elif impossible(root, modals):
        stance, polarity_taken = "denied", True
    elif relayed_denial(root):
        stance, polarity_taken = "denied", True
    elif (modals & (POSSIBLE_MODALS | FUTURE_MODALS)) and (conditional(root) or conditional(chain[-1])):
        stance = "asserted"  # "if the level drops below 12.7 m, the plant will no longer be able to pump"
    elif modals & POSSIBLE_MODALS:
        stance = "possible"
    elif modals & FUTURE_MODALS or going_to(root) or scheduled(root) or planned(chain[-1]):
        stance = "predicted"
    elif cue_lemma in FORECAST_CUES:
        stance = "predicted" if future_content(root) else "possible"
    elif cue_lemma in BELIEF_CUES:
        stance = "possible"
    else:
        hedged = next((h for h in (hedge_of(content, v) for v in chain) if h is not None), None)
        if hedged is not None:
            stance, negative = "possible", hedged
        elif SUSPECTED_WHAT.search(low):
            stance = "possible"
    if not polarity_taken and stance in ("asserted", "possible", "predicted", "confirmed") and none_subject(root):
        negated = not negated
    polarity = "negative" if (negated and not polarity_taken) != negative else "positive"
    hedge = find_hedge(content)
    return Stance(stance, polarity, hedge, evaluative(content, low))


# "our assessment is that X", "the conclusion was that X": X is what is stated.
FINDING_NOUNS = frozenset("assessment conclusion finding findings view belief judgement judgment understanding "
                          "verdict determination position impression".split())
# "showed intelligence that suggests X", "evidence which indicates X".
EVIDENCE_NOUNS = frozenset("intelligence evidence information data analysis footage images imagery video videos "
                           "photos pictures assessment report reports findings signs indications material".split())


def stated_chain(root: Token, content: Span) -> list[Token]:
    """The clauses from the content's main verb down to the one that says what is stated: a
    framing verb's complement ("the evidence suggests [X]"), a finding's ("our assessment is
    [that X]"), or an evidence noun's framing relative clause ("showed him intelligence that
    suggests [X]"). Three steps at most; [root] when nothing frames it."""
    chain = [root]
    v = root
    for _ in range(3):
        nxt = None
        lemma = v.lemma_.lower()
        kids = [c for c in v.children if content.start <= c.i < content.end]
        if lemma in FRAME_VERBS and verbal(v):
            nxt = next((c for c in kids if c.dep_ == "ccomp" and c.i > v.i), None) if v.pos_ in ("VERB", "AUX") else that_clause(v)
            if nxt is None:
                for obj in kids:
                    if obj.dep_ in ("dobj", "nsubj") and obj.lemma_.lower() in EVIDENCE_NOUNS:
                        nxt = next((r for r in obj.children if r.dep_ == "relcl" and r.lemma_.lower() in FRAME_VERBS
                                    and content.start <= r.i < content.end), None)
                        if nxt is not None:
                            break
        elif v.pos_ == "NOUN" and lemma in FINDING_NOUNS and v.i == root.i:
            # "[reiterated] his government's position that Iran was not exporting weapons"
            nxt = next((c for c in kids if c.dep_ in ("acl", "ccomp") and c.pos_ in ("VERB", "AUX")
                        and any(m.lower_ == "that" and m.dep_ == "mark" for m in c.children)), None)
        elif lemma == "be" and any(c.dep_ == "nsubj" and c.lemma_.lower() in FINDING_NOUNS for c in kids):
            nxt = next((c for c in kids if c.dep_ in ("ccomp", "attr") and c.i > v.i and c.pos_ in ("VERB", "AUX")), None)
        elif lemma in ("be", "have", "express", "voice"):
            nxt = confidence_clause(v, content) or evidence_clause(v, content)
        if nxt is None or nxt in chain:
            break
        chain.append(nxt)
        v = nxt
    return chain


# "Canada has a high degree of confidence that X", "is confident that X", "there is high
# confidence that X": X is what is stated, with the confidence.
CONFIDENCE_WORDS = frozenset("confidence confident certain sure convinced certainty".split())


def confidence_clause(verb: Token, content: Span) -> Token | None:
    """The "that" clause of a confidence the verb has or is ("has a high degree of confidence
    that X", "is confident that X"), or None."""
    for c in verb.children:
        if c.dep_ not in ("dobj", "attr", "acomp") or not (content.start <= c.i < content.end):
            continue
        for t in c.subtree:
            if t.lemma_.lower() in CONFIDENCE_WORDS or t.lower_ in CONFIDENCE_WORDS:
                holder = t if t.i == c.i else c  # "degree of confidence that": the clause hangs on "degree"
                clause = next((x for x in list(t.children) + list(holder.children) if x.dep_ in ("ccomp", "acl", "relcl")
                               and x.pos_ in ("VERB", "AUX") and any(m.lower_ == "that" for m in x.children)), None)
                if clause is not None:
                    return clause
    return None


def evidence_clause(verb: Token, content: Span) -> Token | None:
    """The framing clause of evidence the verb has or is ("has information that shows [X]",
    "there is evidence which suggests [X]"), or None."""
    for obj in verb.children:
        if obj.dep_ in ("dobj", "attr") and obj.lemma_.lower() in EVIDENCE_NOUNS:
            return next((r for r in obj.children if r.dep_ == "relcl" and r.lemma_.lower() in FRAME_VERBS
                         and content.start <= r.i < content.end), None)
    return None


def verbal(v: Token) -> bool:
    """A verb, or a verb the tagger took for a plural noun ("the government judges that X":
    "judges" NNS with a subject and a clause of its own)."""
    return v.pos_ in ("VERB", "AUX") or (v.tag_ == "NNS" and any(c.dep_ == "nsubj" for c in v.children)
                                          and that_clause(v) is not None)


def that_clause(v: Token) -> Token | None:
    """The "that" clause of a verb the tagger took for a noun (a ccomp, or a relcl or acl opened by "that")."""
    return next((c for c in v.children if c.i > v.i and (c.dep_ == "ccomp" or (c.dep_ in ("relcl", "acl") and any(
        m.lower_ == "that" and m.dep_ in ("mark", "nsubj", "nsubjpass") and m.i < c.i for m in c.children)))
        and c.pos_ in ("VERB", "AUX")), None)


def inconsistent(verb: Token) -> bool:
    """"was inconsistent with X", "is incompatible with X" said of the evidence: not X."""
    return any(c.dep_ in ("acomp", "amod", "attr") and c.lower_ in ("inconsistent", "incompatible") for c in verb.children)


# "has yet to confirm", "is yet to say", "failed to confirm": not (yet) done.
NOT_YET_HEADS = frozenset("have be".split())
FAILED_HEADS = frozenset("fail".split())


def negated_cue(cue: Span) -> bool:
    """The cue says the saying did not happen: "did not confirm", "never said", "has yet to
    confirm", "failed to verify"."""
    if any(t.dep_ == "neg" or t.lower_ in ("not", "n't", "never") for t in cue) or any(c.dep_ == "neg" for c in cue.root.children):
        return True
    if any(c.dep_ == "det" and c.lower_ == "no" for c in cue.root.children):
        return True  # "had no immediate comment"
    # the cue runs from the governing verb: "has yet to confirm", "has yet to comment on"
    v = next((t for t in reversed(cue) if t.pos_ in ("VERB", "AUX")), cue.root)
    if v.dep_ != "xcomp" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children):
        return False
    head = v.head.lemma_.lower()
    return head in FAILED_HEADS or (head in NOT_YET_HEADS and any(c.lower_ == "yet" for c in v.head.children))


def neither_nor(v: Token) -> bool:
    """"has neither confirmed nor denied", "did not confirm or deny": a confirmation and a
    denial coordinated under a negation, which leaves it open."""
    first = v.head if v.dep_ == "conj" else v
    pair = [first] + [c for c in first.children if c.dep_ == "conj"]
    lemmas = {t.lemma_.lower() for t in pair}
    if not (lemmas & CONFIRM_CUES and lemmas & DENY_CUES):
        return False
    return any(c.lower_ in ("neither", "nor") for c in first.children) or is_negated(first)


def is_negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" or (c.lower_ == "never" and c.dep_ == "advmod") for c in verb.children)


def modals_of(verb: Token) -> set[str]:
    modals = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass") and c.tag_ == "MD"}
    if verb.tag_ == "MD":
        modals.add(verb.lower_)
    return modals


def clauses(root: Token, content: Span, depth: int = 2) -> list[Token]:
    """The content's main clause with its conjuncts (and the other top verbs of a broken parse),
    and the complements of a framing verb in it ("the analysis suggests [it was a rocket]"), to
    `depth` levels."""
    top = [root] + [t for t in tops(content) if t.pos_ in ("VERB", "AUX") and t is not root]
    out: list[Token] = []
    todo = [(t, 0) for t in top]
    while todo:
        v, d = todo.pop(0)
        if v in out:
            continue
        out.append(v)
        for c in v.children:
            if not (content.start <= c.i < content.end):
                continue
            if c.dep_ in ("conj", "dep") and c.pos_ in ("VERB", "AUX"):
                todo.append((c, d))
            elif d < depth and c.dep_ in ("ccomp", "xcomp", "relcl") and v.lemma_.lower() in FRAME_VERBS and verbal(v):
                todo.append((c, d + 1))  # a relcl on a verb is a misparsed complement
    return out


def hedge_of(content: Span, root: Token) -> bool | None:
    """None when the main clause is not hedged; else whether the hedge is a no ("unlikely",
    "improbable"), which it is not when what is unlikely is a figure's bound."""
    for v in clauses(root, content):
        kids = list(v.children)
        if v.lemma_.lower() in HEDGE_VERBS and v.pos_ in ("VERB", "AUX"):
            return False
        for c in v.children:
            w = c.lower_
            if c.dep_ == "advmod" and w in HEDGE_ADVERBS:
                return False
            if c.dep_ == "prep" and w in ("with", "in") and any(x.lemma_.lower() in ODDS_NOUNS for x in c.subtree):
                return False  # "has with a high degree of probability shot down", "in all likelihood"
            if c.dep_ in ("acomp", "oprd") and w in HEDGE_ADJECTIVES and (
                    w not in FEASIBLE_ADJECTIVES or any(x.dep_ == "nsubj" and x.lower_ == "it" for x in kids)):
                # "is likely to", "it is possible that"; not "is possible only with"
                return w in UNLIKELY_ADJECTIVES and not turned_bound(c, v)
            if c.dep_ in ("nsubj", "nsubjpass", "attr", "dobj") and any(
                    a.dep_ == "amod" and a.lower_ in ("likely", "probable") for a in c.children):
                return False
    words = [t for t in content if not t.is_punct]
    first = words[0] if len(words) > 1 else None
    if first is not None and first.lower_ in HEDGE_ADVERBS and first.i + 1 < len(content.doc) and content.doc[first.i + 1].text == ",":
        return False  # "Apparently, this sabotage is connected with ...": wherever the parser hung it
    for t in content:
        # "pointed to the group as the likely cause": the cue's "as" complement holds the hedge
        if t.lower_ == "as" and t.dep_ == "prep" and not (content.start <= t.head.i < content.end) and any(
                o.dep_ == "pobj" and any(a.dep_ == "amod" and a.lower_ in ("likely", "probable", "possible") for a in o.children)
                for o in t.children):
            return False
    return None


# "it is highly unlikely that it was Israelis", "the strike is unlikely to have come from the air":
# a hedged no. But where what is unlikely is a figure's bound ("unlikely to be much more than 24
# hours"), the quantity turns its bound (semantics.quantities) and the claim stays positive.
UNLIKELY_ADJECTIVES = frozenset({"unlikely", "improbable"})
BOUND_WORDS = frozenset("more less fewer over under".split())


def turned_bound(adjective: Token, verb: Token) -> bool:
    """The unlikely thing is a figure's bound: "more than 24 hours", "over 100"."""
    for c in list(adjective.children) + list(verb.children):
        if c.dep_ in ("ccomp", "xcomp") and c.i > adjective.i:
            if any(t.lower_ in BOUND_WORDS and t.nbor(1).lower_ == "than" for t in c.subtree if t.i + 1 < len(t.doc)):
                return True
    return False


def none_subject(root: Token) -> bool:
    """"No evidence was found", "there is no indication", "none of them pointed to": the clause
    holds of nothing."""
    for c in root.children:
        if c.dep_ in ("nsubj", "nsubjpass") or (c.dep_ == "attr" and root.lemma_ == "be" and
                                                 any(x.dep_ == "expl" for x in root.children)):
            if c.lower_ in NEGATIVE_PRONOUNS:
                return True
            if any(d.dep_ == "det" and d.lower_ in NEGATIVE_DETERMINERS for d in c.children) and c.lower_ not in NO_CONFIRMATION:
                return True
    return False


def not_known(content: Span, root: Token) -> bool:
    """The source says it does not (yet) know or cannot say: "it is unclear what", "it is not yet
    known", "we don't know what", "the finding was not definitive", "there was no confirmation",
    "too early to say", "still investigating", "working to determine what happened", "not
    prepared to say"."""
    for v in clauses(root, content, 1):
        neg = is_negated(v)
        lemma = v.lemma_.lower()
        kids = list(v.children)
        for c in kids:
            w = c.lower_
            if c.dep_ in ("acomp", "attr") and w in UNKNOWN_ADJECTIVES and not neg:
                return True
            if c.dep_ in ("acomp", "attr") and w in KNOWN_ADJECTIVES and (neg or any(g.dep_ == "neg" for g in c.children)):
                return True  # "was not definitive", also "was “not definitive”" (the "not" hung on the adjective)
            if c.dep_ == "acomp" and w in CANNOT_TELL_ADJECTIVES and any(x.dep_ == "xcomp" and x.lemma_.lower() in KNOW_VERBS | SAY_LIKE | TELL_VERBS for x in list(c.children) + kids):
                return True
            if c.dep_ == "acomp" and w in READY_ADJECTIVES and neg and any(x.dep_ == "xcomp" and x.lemma_.lower() in SAY_LIKE for x in c.children):
                return True
            if c.dep_ in ("nsubj", "attr", "dobj") and w in NO_CONFIRMATION and any(
                    d.dep_ == "det" and d.lower_ == "no" for d in c.children):
                return True
            if c.dep_ == "dobj" and lemma == "have" and w in NO_KNOWLEDGE and any(
                    d.dep_ == "det" and d.lower_ == "no" for d in c.children):
                return True  # "he had no information about the ships"
            if c.dep_ == "dobj" and w == "nothing" and any(
                    d.dep_ in ("acl", "relcl") and d.lemma_.lower() in SAY_LIKE | {"add"} for d in c.children):
                return True  # "we have nothing to say on this", "nothing to add"
        if lemma in NOT_COMMENTING and neg:
            return True  # "it does not comment on intelligence matters"
        if lemma in KNOW_VERBS and neg and (wh_complement(v) or any(c.dep_ == "auxpass" for c in kids)):
            return True  # "we don't know what it is", "it has not been established"
        if lemma in REFUSE_VERBS and refused_saying_verb(v):
            return True
        if lemma in INQUIRY_VERBS and any(c.lower_ == "still" for c in kids):
            return True  # "are still investigating"
        if lemma == "remain" and any(c.dep_ == "xcomp" and c.lemma_.lower() == "see" for c in kids):
            return True  # "it remains to be seen whether"
        purposes = [c for c in kids if c.dep_ in ("xcomp", "advcl")] + [
            r for o in kids if o.dep_ == "dobj" for r in o.children if r.dep_ in ("relcl", "acl") and r.i > o.i]
        if any(inquiry(c) for c in purposes):
            return True  # "working with allies to determine what happened", "taking steps to determine what"
    return False


# "to form its own understanding of what happened", "to get a clear picture of who fired".
UNDERSTANDING_NOUNS = frozenset("understanding picture view assessment idea".split())


def inquiry(verb: Token) -> bool:
    """An infinitive that sets out to learn what happened: "to determine what happened", "to form
    its own understanding of what happened"."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    if verb.lemma_.lower() in INQUIRY_VERBS and wh_complement(verb):
        return True
    for o in verb.children:
        if o.dep_ == "dobj" and o.lemma_.lower() in UNDERSTANDING_NOUNS:
            for p in o.children:
                if p.dep_ == "prep" and p.lower_ == "of" and any(
                        t.lower_ in WH_WORDS for t in sorted(p.subtree, key=lambda t: t.i)[1:3]):
                    return True
    return False


def wh_complement(verb: Token) -> bool:
    """The verb's complement is an indirect question: "know what it is", "determine whether"."""
    for c in verb.children:
        if c.dep_ == "mark" and c.lower_ in ("whether", "if"):
            return True
        if c.dep_ in ("ccomp", "dobj", "xcomp", "advcl"):
            first = sorted(c.subtree, key=lambda t: t.i)[:3]
            if any(t.lower_ in WH_WORDS for t in first):
                return True
    return False


def refused_saying(content: Span) -> bool:
    """The content of a "declined"/"refused" cue is a saying: "to comment", "to say whether", or
    the question put ("whether the dam was mined": declined, when asked it)."""
    first = [t for t in content if not t.is_punct][:2]
    return any(t.lemma_.lower() in SAY_LIKE for t in first) or bool(first) and first[0].lower_ in QUESTION_OPENERS


QUESTION_OPENERS = frozenset("whether if what how why when who where which".split())


def refused_saying_verb(verb: Token) -> bool:
    return any(c.dep_ == "xcomp" and c.lemma_.lower() in SAY_LIKE for c in verb.children)


# Verbs that give what they name a label: "called the claims lies" (parsed as a clause "the claims lies").
NAMING_VERBS = frozenset("call label brand term".split())


def calls_false(content: Span, root: Token) -> bool:
    """The content calls something false outside "be + adjective": "the video fake" (called ...),
    "the reports as a provocation" (dismissed ...), "Lies.", "a provocation"."""
    for t in content:
        if t.lower_ not in DENIAL_WORDS:
            continue
        if t.lower_ in ("lie", "lies") and ((t.pos_ == "VERB" and t.dep_ != "oprd" and not (
                t.dep_ == "ccomp" and t.head.lemma_.lower() in NAMING_VERBS)) or any(c.dep_ == "prep" for c in t.children)):
            continue  # "responsibility lies with Kyiv" (not "called the claims lies", a label the parser tags a verb)
        if any(c.dep_ == "neg" for c in t.children) or any(c.dep_ == "neg" for c in t.head.children if t.dep_ in ("acomp", "attr")):
            continue
        if t.dep_ in ("oprd", "ccomp") and t.head.lemma_ != "be":
            return True
        if t.dep_ in ("pobj", "amod", "acomp") and t.head.lower_ == "as":
            return True  # "dismissed the report as a provocation", "described the allegations as fake"
        if t.dep_ in ("acl", "appos") and t.head.i < t.i and t.head.lemma_.lower() in CLAIM_NOUNS:
            return True  # labelled "the reports 'another hoax'" (the parser hangs the label on the noun)
        if t.dep_ in ("amod", "pobj", "compound", "appos") and t.head.i < t.i and t.head.pos_ != "VERB" \
                and (t.i + 1 >= content.end or t.nbor().is_punct) and all(c.is_punct or c.dep_ in ("compound", "advmod") for c in t.children) \
                and labels_a_report(t, content):
            return True  # called "the reports about sales of tanks to Chad fake", finds them "pretty spurious"
        if t.dep_ == "ROOT" or not (content.start <= t.head.i < content.end):
            return t.pos_ in ("NOUN", "ADJ", "PROPN") and not any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
    return False


def labels_a_report(t: Token, content: Span) -> bool:
    """t closes a phrase headed by a report ("the statements about the sales ... fake"), not one
    that names a place or a cause of falsehood ("a source of disinformation", "built on lies")."""
    head = t
    while content.start <= head.head.i < content.end and head.head.i != head.i:
        head = head.head
        if head.lemma_.lower() in CLAIM_NOUNS:
            return True
    return False


def scheduled(root: Token) -> bool:
    """"is set to close", "is due to open", "is expected to rise"."""
    if root.lemma_ == "be" or root.lower_ in SCHEDULE_WORDS:
        for c in list(root.children) + [root]:
            if c.lower_ in SCHEDULE_WORDS and any(x.dep_ == "xcomp" for x in c.children):
                return True
    return False


def future_content(root: Token) -> bool:
    """The content of a forecasting cue is an event to come: an infinitive ("the storm to reach")
    or the cue's object ("predicted a recession"), not a clause in the present or past ("predicted
    that there were 70 hours left", or a quoted piece of one: an estimate of now)."""
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in root.children):
        return True
    return root.dep_ == "dobj" and root.head.lemma_.lower() in FORECAST_CUES


# False of a claim ("the report is wrong"), or of a deed ("it is wrong to attack hospitals").
MORAL_WORDS = frozenset("wrong".split())


def denial(root: Token) -> bool:
    """"... was not true", "is fake", "is a lie": the content says something is false."""
    lemma = root.lemma_.lower()
    if lemma != "be":
        return False
    neg = any(c.dep_ == "neg" for c in root.children)
    said_of_a_claim = any(c.dep_ == "nsubj" and c.lemma_.lower() in CLAIM_NOUNS for c in root.children)
    for c in root.children:
        if c.dep_ == "attr" and said_of_a_claim and c.lower_ in DENIAL_WORDS:
            return not neg  # "the reports were an information provocation"
        if c.dep_ in ("acomp", "attr") and c.lower_ in FALSE_WORDS:
            if c.lower_ == "true":
                return neg
            if c.lower_ in MORAL_WORDS and any(x.dep_ in ("xcomp", "ccomp") for x in list(root.children) + list(c.children)):
                return False  # "it is wrong to attack hospitals": a judgement of a deed, not of a claim
            return not neg
    return False


# "Such claims have no basis", "the reports lack any foundation", "the allegations are without basis".
BASIS_NOUNS = frozenset("basis foundation grounds ground substance".split())
# "nothing could be further from the truth", "the reports are far from the truth".
FAR_FROM_TRUTH = re.compile(r"(?<!\bnot )\b(?:far|farther|further)\s+from\s+(?:the\s+)?truth\b", re.I)


def no_basis(root: Token) -> bool:
    """A claim said to have no basis: "such claims have no basis (in facts)", "the allegations
    lack any foundation", "the reports are without basis"."""
    if not any(c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in CLAIM_NOUNS for c in root.children):
        return False
    lemma = root.lemma_.lower()
    for c in root.children:
        if lemma in ("have", "lack") and c.dep_ == "dobj" and c.lemma_.lower() in BASIS_NOUNS:
            return lemma == "lack" or any(d.lower_ == "no" for d in c.children) or is_negated(root)
        if lemma == "be" and c.dep_ == "prep" and c.lower_ == "without" and \
                any(g.lemma_.lower() in BASIS_NOUNS for g in c.children):
            return True
    return False


def rejects_false_claims(root: Token) -> bool:
    """The speaker opposes or rejects claims it calls false: "China firmly opposes groundless
    accusations", "we reject these baseless allegations"."""
    if is_negated(root):
        return False
    return any(c.dep_ == "dobj" and c.lemma_.lower() in CLAIM_NOUNS
               and any(a.dep_ == "amod" and a.lower_ in DENIAL_WORDS for a in c.children) for c in root.children)


# Cues that set a label before what they label: "denounced as 'unfounded' a report by X".
LABELLING_CUES = frozenset("deny denounce reject dismiss describe brand label condemn decry dispute refute slam".split())


def labelled_false(content: Span, cue_lemma: str) -> bool:
    """A labelling cue's content that opens on a label of falsehood for the report it names:
    "[denounced as] 'unfounded' a report by X", "[denied as] baseless accusations that Y" (not
    "[said] false reports had spread")."""
    if cue_lemma not in LABELLING_CUES:
        return False
    first = next((t for t in content if t.is_alpha), None)
    return (first is not None and first.lower_ in FALSE_WORDS | DENIAL_WORDS and first.lower_ != "true"
            and first.dep_ == "amod" and first.head.lemma_.lower() in CLAIM_NOUNS | {"accusation", "report"})


# A warning against claims it calls false or reckless: "warned parties against making
# 'irresponsible remarks'", "cautioned against spreading baseless rumours".
WARNING_CUES = frozenset("warn caution urge".split())
SAID_NOUNS = CLAIM_NOUNS | frozenset("remark comment accusation".split())
RECKLESS_WORDS = frozenset("irresponsible reckless unfounded groundless baseless false fake".split())


def warns_off_claims(content: Span, cue_lemma: str) -> bool:
    """The content of a warning is "against" remarks or claims it calls false or reckless; so is
    a warning said in the content ("We urge the parties to not release irresponsible remarks")
    whose remarks are not to be made."""
    if cue_lemma not in WARNING_CUES and content.root.lemma_.lower() not in WARNING_CUES:
        return False
    for g in content:
        if g.lemma_.lower() not in SAID_NOUNS or not any(a.lower_ in RECKLESS_WORDS | DENIAL_WORDS for a in g.children if a.dep_ == "amod"):
            continue
        if any(a.lower_ == "against" and a.dep_ == "prep" for a in g.ancestors if a.i >= content.start):
            return True
        verb = g.head
        if g.dep_ == "dobj" and verb.pos_ == "VERB" and (is_negated(verb) or verb.head.lemma_.lower() in STOP_VERBS):
            return True  # "to not release irresponsible remarks", "to stop making false claims"
    return False


STOP_VERBS = frozenset("stop cease refrain avoid quit".split())


# What one refers on to others when one will not answer: "referred questions to the ministry".
REFERRED_NOUNS = frozenset("question query inquiry enquiry request".split())
# "was unable to provide any comments", "could not offer any details": nothing said.
COMMENT_NOUNS = frozenset("comment comments details detail information".split())


def declines_comment(root: Token) -> bool:
    """"He was unable to provide any comments on the situation", "unable to comment"."""
    if root.lemma_ != "be":
        return False
    for a in root.children:
        if a.dep_ == "acomp" and a.lower_ == "unable":
            for x in a.children:
                if x.dep_ == "xcomp" and (x.lemma_.lower() in SAY_LIKE or any(
                        d.dep_ == "dobj" and d.lemma_.lower() in COMMENT_NOUNS for d in x.children)):
                    return True
    return False


# "is preparing to send", "plans to open", "intends to sue": an announced intention, a forecast.
PLAN_VERBS = frozenset("plan prepare intend aim".split())


def planned(v: Token) -> bool:
    """The stated clause is an intention in the present ("Iran is preparing to train them", "the
    firm plans to close the plant"), not a past one ("the army prepared to defend the town")."""
    if v.lemma_.lower() not in PLAN_VERBS or v.tag_ not in ("VBZ", "VBP", "VBG") or is_negated(v):
        return False  # "the blast was intended to deprive Crimea of water": a purpose, past
    if any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("was", "were", "had", "been") for c in v.children):
        return False
    return any(c.dep_ == "xcomp" and any(m.dep_ == "aux" and m.lower_ == "to" for m in c.children) for c in v.children)


# "The part about X is correct", "the reports are true": a reported point affirmed.
RIGHT_WORDS = frozenset("true correct accurate right".split())
# Subjects that stand for a reported point: "the reports", "this", "the part about the drones".
POINT_SUBJECTS = CLAIM_NOUNS | {"this", "that", "part", "claims", "reports", "allegations"}


def affirms(root: Token) -> bool:
    """"The part about the drones is correct", "The reports are true", "That is right": the
    speaker confirms what was reported (story-gold: confirmed). Not "it is true that X" (a
    concession that frames X) and not under a negation ("is not true" is a denial)."""
    if root.lemma_ != "be" or is_negated(root):
        return False
    if not any(c.dep_ == "acomp" and c.lower_ in RIGHT_WORDS for c in root.children):
        return False
    return any(c.dep_ == "nsubj" and (c.lemma_.lower() in POINT_SUBJECTS or c.lower_ in POINT_SUBJECTS) for c in root.children)


def emphatic(v: Token) -> bool:
    """"We did provide a small number", "they do have them": the stressed "do" of an
    acknowledgement, not a question ("Did they ...?") or a negation."""
    if is_negated(v) or v.tag_ != "VB":
        return False
    aux = next((c for c in v.children if c.dep_ == "aux" and c.lemma_.lower() == "do" and c.i < v.i), None)
    subject = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if aux is None or subject is None or subject.i > aux.i:
        return False  # "Did they send them?": a question
    return not any(t.text == "?" for t in v.sent)


# Said of a claim, these verbs call it a falsehood spread for a purpose: "the allegations were
# spread by US media", "the news is circulated by western sources".
DISCREDIT_VERBS = frozenset("spread circulate fabricate invent concoct peddle manufacture disseminate orchestrate "
                            "politicize politicise".split())
# "the news has political ambitions", "the reports serve an agenda".
MOTIVE_NOUNS = frozenset("ambition ambitions motive motives agenda agendas purpose".split())


def discredits(root: Token) -> bool:
    """The content says of a report that it is a falsehood or made for a purpose: "the allegations
    were spread by US media", "the published news has political ambitions", "they are trying to
    spin another fake", "a disinformation campaign against Iran" (story-gold: denied)."""
    verbs = [root] + [c for c in root.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]
    for v in verbs:
        if is_negated(v):
            continue
        subjects = [c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")]
        about_claim = any(c.lemma_.lower() in CLAIM_NOUNS for c in subjects) or (
            v.i != root.i and any(c.lemma_.lower() in CLAIM_NOUNS for c in root.children if c.dep_ == "nsubj")
            and any(c.lower_ in ("it", "they") for c in subjects))
        if about_claim and v.lemma_.lower() in DISCREDIT_VERBS:
            return True
        if about_claim and any(c.dep_ == "dobj" and c.lemma_.lower() in MOTIVE_NOUNS for c in v.children):
            return True
    # a falsehood named as what the subject spreads, wages or is: "spin another fake",
    # "waging a disinformation campaign", "the agenda and disinformation against Iran"
    doc = root.doc
    said = text_of(doc)[root.left_edge.idx:root.right_edge.idx + len(root.right_edge)].lower()
    if not any(w in said for w in LABEL_WORDS):
        return False  # most contents name no falsehood: no walk over their tokens
    for t in root.subtree:
        if t.lower_ not in LABEL_WORDS or t.pos_ not in ("NOUN", "PROPN", "ADJ"):
            continue
        if any(c.dep_ == "neg" for c in t.children):
            continue
        head = t.head
        if t.dep_ == "compound" and head.dep_ in ("dobj", "nsubj", "attr"):
            t, head = head, head.head
        if t.dep_ == "dobj" and head.pos_ == "VERB" and root.i in (head.i, head.head.i) and not is_negated(head):
            return True
        if t.dep_ == "conj" and t.head.dep_ == "nsubj" and t.head.head.i == root.i:
            return True
    return False


# Names for a falsehood that, spread or waged by someone, reject what they say.
LABEL_WORDS = frozenset("fake fakes disinformation propaganda lies falsehoods fabrications misinformation".split())


def going_to(root: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "going" for c in root.children) or (
        root.lower_ == "going" and any(c.dep_ == "xcomp" for c in root.children)
    )


def find_hedge(content: Span) -> str | None:
    low = content.text.lower()
    for h in HEDGES:
        i = low.find(h)
        if i >= 0 and (i == 0 or not low[i - 1].isalpha()):
            return content.text[i:i + len(h)]
    return None


def evaluative(content: Span, low: str) -> bool:
    if low.lstrip("\"'\u201c ").startswith(OPINION_OPENERS):
        return True
    return any(t.lower_ in EVALUATIVE and predicative(t) for t in content)


PREDICATIVE = ("acomp", "attr", "oprd", "ROOT")


def predicative(t: Token) -> bool:
    """The word is what the clause says of its subject ("is alarming", "an alarming development",
    "called progress"), not a modifier buried in an argument ("other important areas")."""
    if t.dep_ in PREDICATIVE:
        return True
    if t.dep_ in ("amod", "advmod", "neg", "conj") and t.head.dep_ in PREDICATIVE:
        return True
    return t.dep_ == "conj" and t.head.dep_ == "conj" and t.head.head.dep_ in PREDICATIVE


def performative(root: Token, modals: set[str]) -> bool:
    """"We can confirm ...", "I can state unequivocally that ...", "We can strongly reject
    this": "can" with a first-person subject on a verb of saying is the saying itself."""
    if "can" not in modals or root.lemma_.lower() not in PERFORMATIVE_VERBS or is_negated(root):
        return False
    return any(c.dep_ == "nsubj" and c.lower_ in FIRST_PERSON for c in root.children)


def impossible(root: Token, modals: set[str]) -> bool:
    """"it was impossible for the plant to have been blown up from outside", "It is physically
    impossible to escape": the content says it cannot have happened. Not with a modal ("it will be
    impossible to keep pumping" is what follows if something happens) and not "impossible to say"."""
    if root.lemma_ != "be" or modals or is_negated(root):
        return False
    for c in root.children:
        if c.dep_ == "acomp" and c.lower_ in IMPOSSIBLE_ADJECTIVES:
            verbs = [x for x in list(c.children) + list(root.children) if x.dep_ in ("xcomp", "ccomp", "advcl") and x.pos_ in ("VERB", "AUX")]
            return bool(verbs) and not any(v.lemma_.lower() in TELL_VERBS for v in verbs)
    return False


# What a denial is of ("rejected the accusations", "denied reports that").
DENIED_THINGS = {"accusation", "allegation", "claim", "charge", "report", "suggestion", "assertion", "rumour", "rumor", "speculation"}


def relayed_denial(root: Token) -> bool:
    """"[the outlet said] the Kremlin rejected accusations that ...": the content is itself a
    denial, relayed: denied."""
    if root.lemma_.lower() not in DENY_CUES or is_negated(root):
        return False
    return any(c.dep_ == "dobj" and c.lemma_.lower() in DENIED_THINGS for c in root.children)


def conditional(root: Token) -> bool:
    """The main clause is the consequence of an "if" or "unless" clause: a statement of how things
    work ("if the level drops, the plant will stop pumping"), not a forecast or a possibility;
    also where the parser hangs a long "if" clause's mark elsewhere (the clause opens the
    statement and a comma closes it before the main verb), and a counterfactual ("would not exist
    had Russia not invaded")."""
    if any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
           for c in root.children):
        return True
    doc, first = root.doc, root.left_edge
    if first.lower_ in ("if", "unless") and first.i < root.i and any(t.text == "," for t in doc[first.i:root.i]):
        return True
    return any(c.i > root.i and c.lower_ in ("had", "were") and c.dep_ in ("ccomp", "advcl", "aux")
               and any(g.dep_ in ("nsubj", "nsubjpass") and g.i > c.i for g in c.subtree) and c.i == c.left_edge.i
               for c in root.children)
