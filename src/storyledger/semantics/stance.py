"""Stance, polarity, hedge and evaluation of a claim, from its cue and its content's parse.

stance: confirmed (confirm cues, "was confirmed"), denied (deny cues, "is not true", "fake"),
unconfirmed ("has not yet confirmed", "could not verify"), possible (could/may/might on the
content's main verb), predicted (will/would/shall/"going to"), else asserted.
polarity: negative when the content's main verb is negated and the negation is not already
the stance (a denial or a non-confirmation).
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

CONFIRM_CUES = {"confirm", "verify", "corroborate", "reaffirm", "affirm"}
DENY_CUES = {"deny", "refute", "dismiss", "reject", "debunk", "rebut", "disavow", "dispute"}
CONFIRM_VERBS = {"confirm", "verify", "corroborate"}
FALSE_WORDS = {"true", "false", "fake", "untrue", "lie", "lies", "groundless", "baseless", "fabrication", "fabricated", "disinformation", "nonsense", "misleading", "unfounded", "hoax", "propaganda"}
POSSIBLE_MODALS = {"could", "may", "might", "can"}
FUTURE_MODALS = {"will", "would", "shall", "'ll", "wo"}

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
    return [t for t in content if t.head.i == t.i or not (content.start <= t.head.i < content.end)]


def main_verb(content: Span) -> Token:
    """The content's own main verb: the first top-level verb, else the span's root."""
    for t in tops(content):
        if t.pos_ in ("VERB", "AUX"):
            return t
    return content.root


def assess(content: Span, cue_lemma: str, cue_negated: bool = False) -> Stance:
    """Stance, polarity, hedge and evaluation of one claim."""
    root = main_verb(content)
    low = content.text.lower()
    children = list(root.children)
    negated = any(c.dep_ == "neg" for c in children) or any(c.lower_ in ("never",) and c.dep_ in ("neg", "advmod") for c in children)
    modals = {c.lower_ for c in children if c.dep_ in ("aux", "auxpass") and c.tag_ == "MD"}
    if root.tag_ == "MD":
        modals.add(root.lower_)
    stance = "asserted"
    polarity_taken = False
    if cue_lemma in CONFIRM_CUES and not cue_negated:
        stance = "confirmed"
    elif cue_lemma in CONFIRM_CUES and cue_negated:
        stance, polarity_taken = "unconfirmed", True
    elif cue_lemma in DENY_CUES:
        stance = "denied"
    elif any(denial(t) for t in tops(content)):
        stance, polarity_taken = "denied", True
    elif root.lemma_.lower() in CONFIRM_VERBS and (negated or modals & {"can", "could"}):
        if negated:
            stance, polarity_taken = "unconfirmed", True
    elif root.lemma_.lower() in CONFIRM_VERBS:
        stance = "confirmed"
    elif modals & POSSIBLE_MODALS:
        stance = "possible"
    elif modals & FUTURE_MODALS or going_to(root):
        stance = "predicted"
    polarity = "negative" if negated and not polarity_taken else "positive"
    hedge = find_hedge(content)
    return Stance(stance, polarity, hedge, evaluative(content, low))


def denial(root: Token) -> bool:
    """"... was not true", "is fake", "is a lie": the content says something is false."""
    lemma = root.lemma_.lower()
    if lemma != "be":
        return False
    neg = any(c.dep_ == "neg" for c in root.children)
    for c in root.children:
        if c.dep_ in ("acomp", "attr") and c.lower_ in FALSE_WORDS:
            if c.lower_ == "true":
                return neg
            return not neg
    return False


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
