"""Source resolution inside one article: canonical name, role and kind for each mention.

"Polish Foreign Minister Radoslaw Sikorski" gives name "Radoslaw Sikorski" and role "Polish
Foreign Minister"; later "Sikorski", "he" and "The Polish foreign minister" resolve to him.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..nlp.cache import ents_in, ents_of, sent_of, sents_of
from ..nlp.names import same_person
from .cues import SPEECH_VERBS, UNNAMED_HEADS
from .records import Source
from .reported import PAGE_DATE, noun_span, the_remarks

PRONOUNS_PERSON = {"he", "she", "him", "her"}
PRONOUNS_ANY = {"they", "them", "we", "i", "you"}
# Part of a group named just before: "Officials disagreed. Some said X, others said Y."
PARTITIVES = frozenset("some others many most several".split())
DEMONSTRATIVE = {"this", "that", "these", "those", "which", "who"}
RELATIVE = {"who", "which", "that", "whom"}

# Nouns for people who speak for a body ("a Jordanian official", "a Pentagon spokesman"): the
# description names no one, so its kind is `unnamed`.
PEOPLE_NOUNS = {"spokesman", "spokeswoman", "spokesperson", "representative", "diplomat", "officer", "aide", "adviser", "advisor", "lawmaker", "person"}
DESCRIPTION_OPENERS = {"a", "an", "the", "one"}

# What a body puts out rather than who speaks for it: "the AP's reporting", "the U.S. assessment",
# "a United Nations estimate" are the AP, the U.S., the United Nations.
OWNED_NOUNS = {"reporting", "report", "reports", "estimate", "estimates", "assessment", "analysis", "statement",
               "data", "datum", "figure", "figures", "investigation", "study", "survey", "count", "tally", "account", "findings",
               "memo", "memorandum", "email", "e-mail", "letter", "cable", "dossier"}  # "datum": the model's lemma of "data"

# What a speaker issues: "the statement said" is the statement of the last one named.
DOCUMENT_NOUNS = {"statement", "report", "assessment", "announcement", "analysis", "note", "release", "document",
                  "findings", "post", "letter", "communique", "communiqué", "readout", "filing", "memo"}

# A "he"/"she" speaker goes to a person named at most this many sentences before it (the
# sentence itself included); further back, to the last person who spoke, else it stays unnamed.
PRONOUN_WINDOW = 4

# The name of a speaker the text gives only as a pronoun no one can be found for ("I" in an
# op-ed, "she" before anyone is named): unnamed, so that it never merges across articles.
UNRESOLVED = "unnamed"

# Words that make an organisation name a news outlet.
MEDIA_WORDS = {
    "post", "times", "news", "guardian", "journal", "reuters", "ap", "afp", "bbc", "cnn", "fox",
    "nbc", "abc", "cbs", "msnbc", "npr", "tass", "ria", "interfax", "ukrinform", "bloomberg",
    "politico", "axios", "telegraph", "independent", "tribune", "herald", "gazette", "express",
    "mirror", "sun", "observer", "economist", "newsweek", "forbes", "tv", "radio",
    "magazine", "newspaper", "daily", "press", "breitbart", "huffington", "yonhap", "kyodo",
    "xinhua", "jazeera", "arabiya", "dw", "euronews", "pravda", "kommersant", "vedomosti", "izvestia",
    "courier", "chronicle", "dispatch", "bulletin", "insider", "monitor", "unian", "rbc", "meduza", "wire", "network", "broadcaster", "channel", "outlet",
}
# An agency is a news agency only when it says so ("news agency", "press agency"): "the
# intelligence agency", "the International Atomic Energy Agency" are bodies; "Kyiv" and "Al-"
# alone name a city and a word, not the Kyiv Post or Al Jazeera (their other words do).
NEWS_AGENCY = re.compile(r"\b(?:news|press|wire)\s+agenc(?:y|ies)\b|\bag(?:ence|encia|ência|enzia|encja)\b", re.I)
MEDIA_NOUNS = {"newspaper", "outlet", "broadcaster", "channel", "magazine", "website", "paper", "tabloid", "daily"}


@dataclass(slots=True)
class Known:
    name: str
    kind: str
    role: str | None
    gendered: bool = True


# What someone says something in: "X's statement, in which he claimed ...".
OCCASION_NOUNS = frozenset("""statement statements speech address interview remarks comments post message video letter
briefing conference appearance op-ed article column tweet""".split())


FAMILY_NAME_FIRST = 1


@dataclass(slots=True)
class SourceResolver:
    """Resolves mentions in text order, remembering who has been named so far."""

    known: list[Known] = field(default_factory=list)
    last_person: Known | None = None
    last_any: Known | None = None
    surnames: dict[str, str] = field(default_factory=dict)  # surname -> full name, of the article's people
    family_first: dict[str, str] = field(default_factory=dict)  # first word of a two-word name -> the name
    surnames_last: set[str] = field(default_factory=set)  # last words of the article's people's names

    def remember(self, k: Known, speaker: bool = True) -> None:
        """Remember one named; a `speaker` becomes the one "they" and "he" refer to (a relay that
        passes a report on, "..., the Times quoted officials as saying", does not)."""
        for n, old in enumerate(self.known):
            if old.name == k.name:
                if k.role and not old.role:
                    old.role = k.role
                k = old
                self.known.append(self.known.pop(n))  # named again: now the latest ("the outlet")
                break
        else:
            self.known.append(k)
        if not speaker:
            return
        self.last_any = k
        if k.kind == "person":
            self.last_person = k

    def learn(self, doc: Doc) -> None:
        """Register every titled person of the article ("Dutch Foreign Minister Karel Janssen"),
        so that a later description can find them even if they made no claim before."""
        first_words: dict[str, set[str]] = {}
        for ent in ents_of(doc):
            if ent.label_ != "PERSON":
                continue
            words = strip_possessive(ent.text).split()
            if len(words) > 1:
                self.surnames.setdefault(words[-1], " ".join(words))
            if FAMILY_NAME_FIRST and len(words) == 2 and words[0].istitle() and words[0].isalpha() \
                    and all(t.pos_ == "PROPN" and t.lemma_.lower() not in SPEECH_VERBS for t in ent):  # not "Obama Says"
                first_words.setdefault(words[0], set()).add(" ".join(words))
            start = ent.start
            while start > 0 and doc[start - 1].dep_ in ("compound", "amod", "nmod") and start <= doc[start - 1].head.i < ent.end and doc[start - 1].is_title:
                start -= 1
            if start < ent.start:
                name = strip_possessive(ent.text)
                role = doc[start:ent.start].text
                if not any(k.name == name for k in self.known):
                    self.known.insert(0, Known(name, "person", role))
        # a family name given first ("Wang Guangjun", then "Wang said"): the person too, where no
        # one's last name is that word
        self.surnames_last = set(self.surnames)
        for word, fulls in first_words.items():
            if len(fulls) == 1:  # "Anna Berg" and "Anna Holm": "Anna" is no one in particular
                self.surnames.setdefault(word, next(iter(fulls)))
                self.family_first.setdefault(word, next(iter(fulls)))

    def resolve(self, mention: Span | None, unnamed: str | None = None) -> Source:
        if mention is None:
            return Source(name=unnamed or "unnamed", mention=None, span=None, kind="unnamed", role=None)
        header = PAGE_DATE.match(mention.text)
        if header and header.end() < len(mention.text):
            # a page's header line (" date 2023-06-07 US intelligence is ...") is no part of a name
            cut = mention.start_char + header.end()
            mention = mention.doc[next(t.i for t in mention if t.idx >= cut):mention.end]
        raw = mention.text
        text = raw.strip()
        # the span is that of the stripped mention: a mention may end in a whitespace token
        # ("The Daily Caller,\xa0which"), and `text[span]` must give `mention` exactly
        start = mention.start_char + len(raw) - len(raw.lstrip())
        span = (start, start + len(text))
        low = text.lower()
        if low in RELATIVE and len(mention) == 1:
            # "the ministry, which said ...": the noun the relative clause hangs on
            noun = antecedent(mention[0])
            if noun is not None:
                src = self.resolve(noun, unnamed)
                return Source(name=src.name, mention=text, span=span, kind=src.kind, role=src.role)
            return Source(name=UNRESOLVED, mention=text, span=span, kind="unnamed", role=None)
        if low in PRONOUNS_PERSON:
            k = self.person_before(mention)
            if k:
                return Source(name=k.name, mention=text, span=span, kind=k.kind, role=k.role)
            k = self.last_any
            if k is not None and k.kind == "organization" and person_like(k.name):
                # "Nebenzia said ... He added": a surname the model took for a place or a body,
                # when no person has been named
                k.kind = "person"
                return Source(name=k.name, mention=text, span=span, kind="person", role=k.role)
            return Source(name=UNRESOLVED, mention=text, span=span, kind="unnamed", role=None)
        if low in PARTITIVES:
            # "Officials gave conflicting reports. Some blamed X, others said Y": some of them
            group = people_subject_before(mention)
            if group is not None:
                name = description(without_bare_phrases(group))
                return Source(name=name, mention=text, span=span, kind="unnamed", role=None)
        if low in PRONOUNS_ANY:
            group = people_subject_before(mention) if low == "they" else None
            if group is not None:
                # "Two Chinese men were escorted into the room. Speaking Chinese, they said ...":
                # the people the sentence before is about, though someone else spoke last
                name = description(without_bare_phrases(group))
                self.last_any = Known(name, "unnamed", None)
                return Source(name=name, mention=text, span=span, kind="unnamed", role=None)
            k = self.last_any
            if low in ("they", "them", "we") and k and (k.kind != "unnamed" or low != "we" and plural_group(k.name)):
                return Source(name=k.name, mention=text, span=span, kind=k.kind, role=k.role)
            return Source(name=UNRESOLVED, mention=text, span=span, kind="unnamed", role=None)
        nation = nation_of(mention)
        if nation is not None:
            # "Israeli claims that ...": the nation's, named as its country (not remembered: "the
            # report" after it is still the report's author)
            return Source(name=nation, mention=text, span=span, kind="organization", role=None)
        by = owned_by(mention)
        if by is not None:
            # "An assessment by French military intelligence indicates": the assessment's author
            src = self.resolve(by, unnamed)
            return Source(name=src.name, mention=text, span=span, kind=src.kind, role=src.role)
        person = described_person(mention) or last_ent(mention, ("PERSON",)) or person_after_body(mention)
        if person is not None:
            full = self.full_name(strip_possessive(person.text))
            return self.person(full, role_words(mention, person), text, span)
        desc = self.by_description(mention)
        if desc is not None:
            self.last_any = desc
            if desc.kind == "person":
                self.last_person = desc
            return Source(name=desc.name, mention=text, span=span, kind=desc.kind, role=desc.role)
        if epithet(mention):
            k = self.last_person
            if k is None:
                # "James Cameron has addressed ... . The Titanic (1997) director said": the person the
                # lead names, though not yet as a speaker
                named = person_named_before(mention)
                if named is not None:
                    return self.person(self.full_name(strip_possessive(named.text)), description(mention), text, span)
            if k is not None and not other_role(k.role, mention.root.lower_):
                # "The Titanic (1997) director ... said" after "James Cameron" said: the last
                # person who spoke, named again by what they are; what they are is now known, so
                # "the minister" after "the mayor" said is someone else
                if not k.role:
                    k.role = description(mention)
                return Source(name=k.name, mention=text, span=span, kind="person", role=k.role)
        named = named_next(mention)
        if named is not None:
            # "A British surgeon has denounced ... . Professor Jane Roe made the remarks during ...":
            # a lead that holds the name back gives it in the next sentence
            return self.person(self.full_name(strip_possessive(named.text)), description(mention), text, span)
        org = last_ent(mention, ("ORG", "GPE", "NORP", "FAC", "WORK_OF_ART"))
        if org is not None and len(org) == 1 and strip_possessive(org.text) in self.surnames and org.root.pos_ == "PROPN":
            # "Cameron told CNN" after "James Cameron": a surname the model took for an organisation
            return self.person(self.full_name(self.surnames[strip_possessive(org.text)]), None, text, span)
        if org is not None and described(mention, org):
            # "U.S. officials", "French military intelligence", "a Jordanian official": the place
            # or group only modifies the noun that says who spoke; the description is the source
            name = description(without_bare_phrases(mention))
            head = mention.root.lemma_.lower()
            kind = "unnamed" if head in UNNAMED_HEADS or head in PEOPLE_NOUNS else \
                "media" if head in MEDIA_NOUNS or NEWS_AGENCY.search(text) else "organization"
            k = Known(name, kind, None)
            self.remember(k)
            return Source(name=name, mention=text, span=span, kind=kind, role=None)
        if org is not None:
            name = strip_the(strip_possessive(org.text))
            owner = country_owner(mention, org)
            if owner is not None:
                name = f"{owner}'s {name}"  # "Russia's Defense Ministry": not every country's
            kind = "media" if is_media(name) else "organization"
            # "The Guardian": keep the article where it is part of an outlet's name
            if kind == "media" and mention.text.startswith("The ") and org.start == mention.start + 1:
                name = "The " + name
            k = Known(name, kind, role_words(mention, org) if kind != "media" else None)
            self.remember(k)
            return Source(name=name, mention=text, span=span, kind=kind, role=k.role)
        head = mention.root
        owner = self.owner_before(mention)
        if owner is not None:
            return Source(name=owner.name, mention=text, span=span, kind=owner.kind, role=owner.role)
        if head.lemma_.lower() in UNNAMED_HEADS or head.lower_ in UNNAMED_HEADS or low in DEMONSTRATIVE:
            before = self.described_before(mention)
            if before is not None:
                return Source(name=before.name, mention=text, span=span, kind=before.kind, role=before.role)
            name = strip_the(text) if head.lower_ not in ("it",) else "unnamed"
            if head.lemma_.lower() == "media":
                name = "the media"
            if plural_group(name):
                self.last_any = Known(name, "unnamed", None)  # "Port officials said A. B, they said."
            return Source(name=name, mention=text, span=span, kind="unnamed", role=None)
        if head.pos_ == "PROPN":
            name = strip_the(strip_possessive(text))
            if name in self.surnames:
                # "Sitta highlighted" after "Ghassan Abu Sitta": a surname the model tagged as nothing
                return self.person(self.full_name(self.surnames[name]), None, text, span)
            kind = "media" if is_media(name) else "organization"
            k = Known(name, kind, None)
            self.remember(k)
            return Source(name=name, mention=text, span=span, kind=kind, role=None)
        body = self.body_before(mention)
        if body is not None:
            self.last_any = body
            return Source(name=body.name, mention=text, span=span, kind=body.kind, role=body.role)
        # a common-noun description that matches no one named: keep it, as a group or office
        name = strip_the(text)
        kind = "media" if head.lemma_.lower() in MEDIA_NOUNS or NEWS_AGENCY.search(text) else \
            "organization" if head.lemma_.lower() in BODY_HEADS else "unnamed"
        return Source(name=name, mention=text, span=span, kind=kind, role=None)

    def described_before(self, mention: Span) -> Known | None:
        """"the official" after "a senior U.S. Navy official" spoke: the one described before by
        a longer description with the same head noun (the latest)."""
        head = mention.root
        if len(mention) != 2 or mention[0].lower_ != "the" or head.tag_ != "NN":
            return None
        return next((k for k in reversed(self.known) if k.kind == "unnamed" and len(k.name.split()) > 1
                     and k.name.lower().split()[-1] == head.lower_), None)

    def person(self, full: str, role: str | None, text: str, span: tuple[int, int]) -> Source:
        """A person speaker, remembered: the role given here, else the one known for them. A
        name the model took for a person that a description calls an outlet ("the news agency
        Agencia Sul", "the newspaper Folha") is that outlet."""
        if NEWS_AGENCY.search(full) or role and (NEWS_AGENCY.search(role) or {w.lower() for w in role.split()} & MEDIA_NOUNS):
            self.remember(Known(full, "media", None))
            return Source(name=full, mention=text, span=span, kind="media", role=None)
        self.remember(Known(full, "person", role))
        k = next(x for x in self.known if x.name == full)
        return Source(name=full, mention=text, span=span, kind="person", role=role or k.role)

    def person_before(self, mention: Span) -> Known | None:
        """The person a "he" or "she" speaker is: the last person who spoke; before anyone has,
        the person named nearest before it (in its own sentence or up to PRONOUN_WINDOW - 1
        before), there the subject, else the last named."""
        same = self.owner_of_occasion(mention) or self.main_subject_before(mention)
        if same is not None:
            return same
        if self.last_person is not None:
            return self.last_person
        doc = mention.doc
        sents = sents_of(doc)
        k = bisect_right(doc.user_data["storyledger_sent_starts"], mention.start) - 1
        for j in range(k, max(-1, k - PRONOUN_WINDOW), -1):
            names = [e for e in ents_in(sents[j]) if e.label_ == "PERSON" and e.end <= mention.start]
            if not names:
                continue
            subj = [e for e in names if any(t.dep_ in ("nsubj", "nsubjpass") for t in e)]
            full = self.full_name(strip_possessive((subj or names)[-1].text))
            k2 = next((x for x in self.known if x.name == full), None) or Known(full, "person", None)
            self.remember(k2)
            return k2
        return None

    def owner_of_occasion(self, mention: Span) -> Known | None:
        """"Zelenskyy's statement earlier in the week, in which he claimed ...": the person whose
        statement, speech or interview the pronoun's relative clause is about, over the last who
        spoke (the parser may hang the clause elsewhere: the noun is the nearest before it)."""
        doc = mention.doc
        sent = sent_of(mention)
        opener = next((t for t in reversed(doc[sent.start:mention.start]) if t.lower_ in ("which", "where")), None)
        if opener is None or mention.start - opener.i > 2:
            return None
        noun = next((t for t in reversed(doc[sent.start:opener.i]) if t.pos_ == "NOUN" and t.lemma_.lower() in OCCASION_NOUNS), None)
        if noun is None or any(t.pos_ in ("NOUN", "PROPN") and t.ent_type_ not in ("DATE", "TIME") for t in doc[noun.i + 1:opener.i]):
            return None  # the nearest noun before the relative word, but for a time ("earlier in the week")
        owner = next((c for c in noun.children if c.dep_ == "poss" and c.ent_type_ == "PERSON"), None)
        ent = owner and next((e for e in ents_in(sent) if e.start <= owner.i < e.end and e.label_ == "PERSON"), None)
        if ent is None:
            return None
        full = self.full_name(strip_possessive(ent.text))
        k = next((x for x in self.known if x.name == full), None) or Known(full, "person", None)
        self.remember(k)
        return k

    def main_subject_before(self, mention: Span) -> Known | None:
        """"Trudeau was asked what he thinks of Biden's remark and he replied ...": a person who
        is the subject of the main clause earlier in the pronoun's own sentence, over the last
        person who spoke."""
        sent = sent_of(mention)
        root = sent.root
        for e in reversed([e for e in ents_in(sent) if e.label_ == "PERSON" and e.end <= mention.start]):
            head = e.root
            if head.dep_ in ("nsubj", "nsubjpass") and (head.head.i == root.i or (head.head.dep_ == "conj" and head.head.head.i == root.i)):
                full = self.full_name(strip_possessive(e.text))
                k = next((x for x in self.known if x.name == full), None) or Known(full, "person", None)
                self.remember(k)
                return k
        return None

    def full_name(self, name: str) -> str:
        """"Sikorski" after "Radoslaw Sikorski" -> "Radoslaw Sikorski"; a bare name that is no
        one's surname but opens the two-word name of one person named before is that person's
        family name written first ("Lin" after "Lin Jian", "Zhang" after "Zhang Renbo")."""
        for k in reversed(self.known):
            if k.kind == "person" and len(name.split()) <= len(k.name.split()) and same_person(name, k.name):
                return k.name
        if len(name.split()) == 1 and name[:1].isupper():
            opened = {k.name for k in self.known if k.kind == "person" and len(k.name.split()) == 2
                      and k.name.split()[0] == name}
            if len(opened) == 1:
                return opened.pop()
            if FAMILY_NAME_FIRST and name in self.family_first and name not in self.surnames_last:
                return self.family_first[name]  # a family name written first, of a person named but not yet a speaker
        return name

    def owner_before(self, mention: Span) -> Known | None:
        """"It said" after a body spoke: that body; "the statement said", "the assessment found"
        with no owner named in the mention: the last speaker named, whose statement it is."""
        low = mention.text.strip().lower()
        k = self.last_any
        if k is None or k.kind == "unnamed":
            return None
        if low == "it":
            return k if k.kind in ("organization", "media") else None
        head = mention.root
        if mention[0].lower_ == "the" and head.lower_ in DOCUMENT_NOUNS and not any(t.ent_type_ or t.pos_ == "PROPN" for t in mention):
            return k
        return None

    def body_before(self, mention: Span) -> Known | None:
        """"the ministry" after "Ukraine's Interior Ministry": a definite description whose head
        is the last word of, or a word in, a body named before it in the article (the latest such)."""
        head = mention.root
        first = mention[0].lower_
        if first not in ("the", "this", "that") or head.pos_ != "NOUN" or head.tag_ in ("NNS", "NNPS"):
            return None
        if any(t.pos_ in ("PROPN", "NUM") or t.ent_type_ for t in mention):
            return None
        low = head.lower_
        for k in reversed(self.known):
            if k.kind in ("organization", "media") and low in k.name.lower().replace("'s", "").split():
                return k
        if len(mention) == 2 and low in GENERIC_BODIES:
            # "the organization said" after "The Norwegian Seismic Array (NORSAR) said": the last
            # body that spoke, of the kind the noun names
            kinds = {"media"} if low in BODY_MEDIA else {"organization"}
            return next((k for k in reversed(self.known) if k.kind in kinds), None)
        return None

    def by_description(self, mention: Span) -> Known | None:
        """"The Polish foreign minister" -> the person whose role holds those words."""
        words = [t.lower_ for t in mention if not t.is_punct and t.lower_ not in ("the", "a", "an", "'s")]
        if not words or mention.root.pos_ == "PROPN":
            return None
        head = mention.root.lower_
        for k in reversed(self.known):
            if not k.role:
                continue
            role = k.role.lower()
            if head in role.split() and all(w in role for w in words if w not in ("former", "current", "top", "chief") or w in role):
                return k
        if head in GENERIC_RANKS and mention[0].lower_ == "the":
            # "the Coast Guard officer" after "Coast Guard Captain Jamie Frederick": the person of
            # that body named last, whatever their rank
            body = [w for w in words if w != head]
            for k in reversed(self.known):
                if k.kind == "person" and k.role and body and all(w in k.role.lower().split() for w in body):
                    return k
        return None


# Heads of a description that name a rank in a body, not a post of its own.
GENERIC_RANKS = frozenset("officer official spokesman spokeswoman spokesperson commander".split())

# What a person is, as a writer names them again without their name ("the filmmaker", "the
# Ukrainian president", "the 69-year-old surgeon"); a rank in a body (`GENERIC_RANKS`) is left
# to `by_description`, as an unnamed official is often meant.
EPITHET_HEADS = frozenset(
    "director filmmaker explorer president premier chancellor minister surgeon doctor professor scientist "
    "ceo founder chairman chairwoman ambassador governor mayor senator congressman congresswoman lawmaker "
    "diplomat author writer actor actress singer billionaire businessman businesswoman entrepreneur pilot "
    "journalist lawyer".split())


def other_role(role: str | None, head: str) -> bool:
    """The last speaker's known role names something else than the epithet ("the mayor" after
    "Capt. Lena Brandt" spoke is another person); a speaker of no known role may be anyone."""
    if not role:
        return False
    low = " ".join(TITLE_ABBREVIATIONS.get(w, w) for w in role.lower().split())
    return head not in low and not (head in ("president", "premier", "chancellor") and "head of" in low)


TITLE_ABBREVIATIONS = {"sen.": "senator", "sen": "senator", "rep.": "congressman representative", "gov.": "governor",
                       "pres.": "president", "amb.": "ambassador", "dr.": "doctor", "prof.": "professor",
                       "lawmaker": "lawmaker senator congressman congresswoman"}


def epithet(mention: Span) -> bool:
    """A definite description of one person that names nobody: "the filmmaker", "the Titanic
    (1997) director"."""
    root = mention.root
    return (mention[0].lower_ == "the" and root.pos_ == "NOUN" and root.tag_ == "NN" and root.lower_ in EPITHET_HEADS
            and not any(t.ent_type_ == "PERSON" for t in mention))


# How far back a description may find the person a lead named (in sentences).
NAMED_BEFORE_SENTENCES = 2


def person_named_before(mention: Span) -> Span | None:
    """The one person (a full name) the sentences just before `mention` name, as the subject of
    one, when no one has spoken yet: "James Cameron has addressed ... . The filmmaker said"; None
    when they name none or several."""
    doc = mention.doc
    sents = [s for s in sents_of(doc) if s.end <= mention.start][-NAMED_BEFORE_SENTENCES:]
    if not sents:
        return None
    people = {e.text: e for e in ents_of(doc) if e.label_ == "PERSON" and len(e) >= 2
              and sents[0].start <= e.start and e.end <= mention.start}
    if len(people) != 1:
        return None
    person = next(iter(people.values()))
    # the one the lead is about: the subject of its sentence ("The mayor met Anna Berg": not her)
    return person if person.root.dep_ in ("nsubj", "nsubjpass") and person.root.head.dep_ == "ROOT" else None


def person_like(name: str) -> bool:
    """One capitalised word that is no acronym, outlet or place the gazetteer knows: a surname
    the model may have taken for a place or a body ("Nebenzia")."""
    from ..semantics.gazetteer import Gazetteer  # noqa: PLC0415

    return (len(name.split()) == 1 and name[:1].isupper() and not name.isupper() and name[1:].islower()
            and not is_media(name) and not Gazetteer.load().lookup(name))


def nation_of(mention: Span) -> str | None:
    """The country a mention of one nationality adjective stands for ("Israeli" of "Israeli
    claims that ..."), else None."""
    if len(mention) != 1 or mention[0].pos_ != "ADJ":
        return None
    from ..semantics.gazetteer import COUNTRY_NAMES, DEMONYMS, Gazetteer  # noqa: PLC0415

    cc = DEMONYMS.get(mention.text)
    if cc is None:
        return None
    gaz = Gazetteer.load()
    row = next((r for r in gaz.lookup(mention.text) if gaz.entry(r).kind == "country" and gaz.entry(r).cc == cc), None)
    return COUNTRY_NAMES.get(cc) or (gaz.entry(row).name if row is not None else None)


def country_owner(mention: Span, org: Span) -> str | None:
    """The country that owns a body named without it ("Russia's Defense Ministry", "Japan's
    defense ministry": the model's organisation is "Defense Ministry"), else None. A city's
    ("Seoul's National Intelligence Service") is left out: the body's own name is enough."""
    doc = mention.doc
    i = org.start
    if i - 2 < mention.start or doc[i - 1].lower_ not in ("'s", "’s"):
        return None
    # the model's place may end before the "'s" or take it in ("South Korea's" one GPE)
    gpe = next((e for e in ents_in(mention) if e.label_ == "GPE" and e.end in (i - 1, i)), None)
    if gpe is None:
        return None
    from ..semantics.gazetteer import Gazetteer  # noqa: PLC0415 (loaded once, as places are found)

    gaz = Gazetteer.load()
    name = strip_possessive(gpe.text)
    rows = gaz.lookup(name) or gaz.lookup(name.replace(".", ""))
    return name if any(gaz.entry(r).kind == "country" for r in rows or ()) else None


def antecedent(tok) -> Span | None:
    """The noun phrase a relative pronoun stands for: "the IDF, which said" -> "the IDF"."""
    verb = tok.head
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    if verb.dep_ not in ("relcl", "acl") or verb.head.i == verb.i or verb.head.pos_ not in ("NOUN", "PROPN"):
        return None
    noun = verb.head
    # "the assessment released on Wednesday, which concluded": a day is no speaker; the noun
    # its phrase hangs on is
    for _ in range(4):
        if noun.ent_type_ not in ("DATE", "TIME") or noun.dep_ != "pobj":
            break
        up = noun.head.head
        while up.pos_ == "VERB" and up.dep_ in ("acl", "relcl") and up.head.i != up.i:
            up = up.head
        if up.pos_ not in ("NOUN", "PROPN") or up.i == noun.i:
            return None
        noun = up
    if noun.ent_type_ in ("DATE", "TIME"):
        return None
    return noun_span(noun)


# Nouns that name a body by its kind only: "the organization", "the outlet".
# ("the company", "the agency", "the group" are left alone: in titan, "OceanGate Expeditions, a
# company that ..." was named but had not spoken, and "the company" became the Coast Guard.)
GENERIC_BODIES = frozenset("organization organisation institute institution outlet".split())
BODY_MEDIA = frozenset(["outlet"])  # not "the newspaper": a Reuters report does not make Reuters one


def owned_by(mention: Span) -> Span | None:
    """The author a put-out thing names with "by" or "from" ("an assessment by X", "a report from
    the UN"), when the mention is one."""
    root = mention.root
    if root.lemma_.lower() not in OWNED_NOUNS:
        return None
    for c in root.children:
        if c.dep_ == "prep" and c.lower_ in ("by", "from") and mention.start <= c.i < mention.end:
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None and obj.ent_type_ not in ("DATE", "TIME"):
                return noun_span(obj)
        if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in AUTHORING_VERBS:
            # "a report published by the think tank", "images analysed by the institute"
            agent = next((g for a in c.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"), None)
            if agent is not None and agent.ent_type_ not in ("DATE", "TIME"):
                return noun_span(agent)
    return None


# Verbs of putting a thing out whose agent is its author.
AUTHORING_VERBS = frozenset("publish release issue compile produce prepare analyse analyze conduct commission "
                            "write draft circulate obtain send hold gather collect provide".split())


def named_next(mention: Span) -> Span | None:
    """The person a lead's indefinite description ("A senior lawmaker said ...") turns out to be:
    the subject of the next sentence when that sentence is about the words just reported
    ("Senator Jane Roe made the remarks / comments at ..."), else None."""
    if mention[0].lower_ not in ("a", "an") or mention.root.pos_ != "NOUN":
        return None
    doc = mention.doc
    sent = sent_of(mention)
    if sent.end >= len(doc):
        return None
    nxt = sent_of(doc[sent.end])
    root = nxt.root
    obj = next((c for c in root.children if c.dep_ == "dobj"), None)
    if root.lemma_.lower() != "make" or obj is None or not the_remarks(obj, owned=False):
        return None
    subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return None
    return next((e for e in ents_in(nxt) if e.label_ == "PERSON" and e.start <= subj.i < e.end), None)


def described(mention: Span, ent: Span) -> bool:
    """The entity is a modifier of the mention's head, a common noun outside it ("U.S. officials",
    "the French foreign ministry", which the tagger may call a proper noun in lower case), or a
    place or people in a phrase after it ("officials in Kyiv", "residents of the village of
    Zabaryne", "a spokesman for the Russian embassy"); not a body there ("officials from the
    U.S. Navy" speak for the Navy)."""
    root = mention.root
    if root.lemma_.lower() in OWNED_NOUNS:
        return False  # "the AP's reporting", "a United Nations estimate": its owner is the source
    if not (root.pos_ == "NOUN" or (root.pos_ == "PROPN" and root.is_lower)) or ent.start <= root.i < ent.end:
        return False
    if ent.end <= root.i:
        return ent.root.head.i != ent.root.i and all(
            t.dep_ in ("compound", "amod", "nmod", "poss", "case", "det", "nummod", "quantmod", "advmod", "punct", "cc", "conj")
            or t.i == root.i or t.head.i != root.i or placed_by(t, root) or bare_phrase(t, root) for t in mention)
    # a place, or a name that only modifies a noun there ("the Zabaryne village", which the
    # tagger may take for a body)
    return (ent.label_ in ("GPE", "NORP", "LOC") or ent.root.dep_ in ("compound", "amod")) and after_head(ent.root, root)


def placed_by(prep: Token, head: Token) -> bool:
    """A phrase after the speaker's noun that only places it ("the pro-Russian authorities in the
    part of Kherson occupied by Moscow troops"): "in", "of" or "across", a place in it and no
    body or person ("officials from the U.S. Navy" speak for the Navy; "an official at the time"
    is no place)."""
    if prep.dep_ != "prep" or prep.i < head.i or prep.lower_ not in ("in", "of", "across"):
        return False
    kinds = {t.ent_type_ for t in prep.subtree}
    return not kinds & {"ORG", "PERSON"} and bool(kinds & {"GPE", "LOC", "FAC"})


def bare_phrase(prep: Token, head: Token) -> bool:
    """A phrase after the speaker's noun that names no one and no place ("Chinese prisoners of
    war under armed guard", "Polish miners under police escort"): it says what they are or how
    they came, not whom they speak for."""
    return prep.dep_ == "prep" and prep.i > head.i and not any(t.ent_type_ for t in prep.subtree)


def without_bare_phrases(mention: Span) -> Span:
    """The mention up to the first `bare_phrase` on its head that is not an "of" phrase
    ("Chinese prisoners of war [under armed guard]")."""
    root = mention.root
    cut = next((c.i for c in root.children if c.lower_ != "of" and bare_phrase(c, root)
                and mention.start <= c.i < mention.end), None)
    return mention if cut is None or cut <= root.i else mention.doc[mention.start:cut]


def after_head(tok: Token, head: Token) -> bool:
    """`tok` hangs on `head` through "in", "of", "for", "at", "from" or "across" phrases and the
    nouns they hold ("officials in [Kyiv]", "residents of the village of [X]", "health workers
    and others who were in [X]"), nothing else."""
    t = tok
    for _ in range(8):
        if t.head.i == t.i:
            return False
        if t.dep_ == "prep":
            if t.lower_ not in ("in", "of", "for", "at", "from", "across"):
                return False
        elif t.dep_ not in ("pobj", "compound", "amod", "poss", "appos", "relcl", "conj", "acl", "dobj"):
            return False
        t = t.head
        if t.i == head.i:
            return tok.dep_ != "prep"
    return False


def description(mention: Span) -> str:
    """A description as a name: without its leading article or "one" ("One European official")."""
    words = [t for t in mention if not t.is_space]
    dash = next((n for n, t in enumerate(words[:6]) if t.text in DATELINE_DASHES), None)
    if dash is not None and 0 < dash < len(words) - 1 and all(t.is_upper or t.is_punct for t in words[:dash]):
        words = words[dash + 1:]  # "KYIV — Chinese prisoners of war": a dateline before the description
    while len(words) > 1 and words[0].lower_ in DESCRIPTION_OPENERS:
        words = words[1:]
    doc = mention.doc
    return doc[words[0].i:words[-1].i + 1].text.strip(" ,;:")


DATELINE_DASHES = frozenset("— – - --".split())


# Heads of a description that makes the name beside it a person's ("X, Russia's deputy
# representative to the UN": X a person, whatever the model tagged the name).
PERSON_ROLES = frozenset("""representative ambassador envoy minister spokesman spokeswoman spokesperson secretary
president director chief head commander adviser advisor officer governor mayor senator deputy lawmaker general
analyst expert professor researcher chairman chairwoman chair premier""".split())


def described_person(span: Span) -> Span | None:
    """The person a mention's head names when a description is set beside it ("Omar Haddad, a
    professor at X University, Riverton": Haddad, whatever else the description names), else None.
    Also a two- or three-word name the model took for a body when the description says who the
    person is ("Dmitry Polyanskiy, Russia's first deputy representative to the UN")."""
    root, doc = span.root, span.doc
    head = next((e for e in ents_in(span) if e.label_ == "PERSON" and e.start <= root.i < e.end), None)
    if head is not None and head.end + 1 < span.end and doc[head.end].text == "," and doc[head.end + 1].lower_ in ("a", "an", "the"):
        return head
    named = next((e for e in ents_in(span) if e.label_ in ("ORG", "PERSON") and e.start <= root.i < e.end), None)
    if named is None or named.start != span.start or not 2 <= len(named) <= 3 or named.end + 1 >= span.end \
            or doc[named.end].text != "," or not all(t.pos_ == "PROPN" and t.is_title for t in named):
        return None
    role = next((c for c in root.children if c.dep_ == "appos" and c.i > named.end), None)
    return named if role is not None and role.lemma_.lower() in PERSON_ROLES else None


# Heads of a description that names one institution ("the coast guard", "the police", "the
# army"): an organisation, the same in every article of a story, not a group of people.
BODY_HEADS = frozenset("guard coastguard police army navy military".split())
# Words that end the name of a body: what follows them in one entity is another name.
BODY_END_WORDS = frozenset("nations council union ministry office agency commission committee assembly court "
                           "parliament department command service services forces".split())


def person_after_body(mention: Span) -> Span | None:
    """A person's name the model ran into the body before it: "Iran's Ambassador to the United
    Nations Saeed Iravani", "deputy ambassador to the UN Dmitry Polyanskiy" (one ORG entity):
    the two or three capitalised words after the body's last word, when the mention's head is the
    title outside that entity."""
    root = mention.root
    for ent in ents_in(mention):
        if ent.label_ != "ORG" or ent.start <= root.i < ent.end or root.pos_ not in ("NOUN", "PROPN"):
            continue
        words = list(ent)
        ends = [k for k, t in enumerate(words[:-2]) if t.lower_ in BODY_END_WORDS or (t.is_upper and len(t) >= 2 and t.is_alpha)]
        if not ends:
            continue
        tail = words[ends[-1] + 1:]
        if 2 <= len(tail) <= 3 and all(t.pos_ == "PROPN" and t.text[:1].isupper() and t.text.replace("-", "").isalpha()
                                      and not t.is_upper and t.lower_ not in BODY_END_WORDS for t in tail):
            return mention.doc[tail[0].i:tail[-1].i + 1]
    return None


# Unnamed groups "they" refers back to ("US officials said A. B, they said.").
GROUP_HEADS = frozenset("officials sources diplomats analysts experts authorities investigators officers lawmakers "
                        "witnesses residents researchers scientists".split())


# Plural nouns of people by their ending ("fishermen", "miners", "captives", "detainees",
# "Ukrainians", "journalists"), beside the heads that are always a group (`GROUP_HEADS`).
PEOPLE_ENDINGS = re.compile(r"(?:men|women|people|ers|ors|ists|ians|ees|ives|ants|ents|soldiers|troops|families|"
                            r"relatives|children|survivors|victims|prisoners)$")
NOT_PEOPLE = frozenset("numbers papers documents reports comments statements others orders members".split())


def people_subject_before(mention: Span) -> Span | None:
    """The plural people the sentence before a "they" is about, when that is who its own
    sentence opens on: the subject of the previous sentence's main verb, a plural common noun
    of people ("Two Chinese men dressed in uniforms were escorted in"), or None."""
    doc = mention.doc
    starts = doc.user_data.get("storyledger_sent_starts")
    if not starts:
        return None
    k = bisect_right(starts, mention.start) - 1
    if k < 1:
        return None
    sents = sents_of(doc)
    own, prev = sents[k], sents[k - 1]
    if any(t.dep_ in ("nsubj", "nsubjpass") and t.i < mention.start and t.lower_ not in PARTITIVES for t in own):
        return None  # a subject before it in its own sentence comes first ("Some ..., others said": a part of the same)
    head = next((t for t in prev.root.children if t.dep_ in ("nsubj", "nsubjpass")), None)
    if head is None or head.tag_ != "NNS" or head.lower_ in NOT_PEOPLE or head.ent_type_ \
            or not (head.lower_ in GROUP_HEADS or PEOPLE_ENDINGS.search(head.lower_)):
        return None
    left = min(t.i for t in head.subtree)
    right = max([head.i] + [t.i for c in head.children if c.dep_ == "prep" and c.i > head.i for t in c.subtree])
    # up to a comma or a clause of its own ("Experts with the firm X, which is ...")
    stop = next((t.i for t in doc[head.i + 1:right + 1] if t.is_punct or t.dep_ in ("acl", "relcl", "appos")), right + 1)
    return doc[left:stop]


def plural_group(name: str) -> bool:
    words = name.lower().split()
    return bool(words) and words[-1] in GROUP_HEADS


def last_ent(span: Span, labels: tuple[str, ...]) -> Span | None:
    best = None
    for ent in ents_in(span):
        if ent.label_ in labels:
            if best is None or (ent.label_ == labels[0] and best.label_ != labels[0]) or best.label_ == ent.label_:
                best = ent
    return best


def role_words(mention: Span, name: Span) -> str | None:
    """The mention with the name, articles and edge punctuation taken out: the title."""
    doc = mention.doc
    before = doc[mention.start:name.start]
    after = doc[name.end:mention.end]
    role = before.text if len(before) >= len(after) else after.text
    role = role.strip(" ,;:-\u2013\u2014()")
    words = role.split()
    while words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    role = " ".join(words)
    if role.endswith("'s") or role.endswith("\u2019s"):
        return None
    if not role or not any(c.isalpha() for c in role) or len(role) > 120:
        return None
    return role


def strip_possessive(s: str) -> str:
    for suf in ("'s", "\u2019s", "'", "\u2019"):
        if s.endswith(suf):
            return s[: -len(suf)]
    return s


def strip_the(s: str) -> str:
    return s[4:] if s.lower().startswith("the ") else s


# "Censor.NET", "Politico.com": an outlet named by its web domain.
DOMAIN_NAME = re.compile(r"^[A-Za-z][\w-]*\.(?:net|com|org|ua|ru|uk|info|news|media)$", re.I)


# A city that opens a paper's name of more words ("Kyiv Post", "Kyiv Independent", also cut off:
# "Kyiv Indepen"); alone it is the government there.
PAPER_CITIES = frozenset({"kyiv"})


def is_media(name: str) -> bool:
    split = [w.strip(".,").lower() for w in name.split()]
    words = set(split)
    if split and split[0] == "the":
        split = split[1:]
    return bool(words & MEDIA_WORDS) or name.lower() in MEDIA_WORDS or bool(DOMAIN_NAME.match(name.strip())) \
        or bool(NEWS_AGENCY.search(name)) or (len(split) > 1 and split[0] in PAPER_CITIES)
