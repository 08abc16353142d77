"""What a claim says was done, and by which country: its frame.

A developing story's main proposition is one act said many ways: "Iran supplied drones to
Russia", "Tehran has not transferred any drones", "Russia bought the drones from Iran", "the
delivery of Iranian drones", "We did provide a few" (an Iranian minister). Their sentences share
few words once the story's common ones are set aside, but they share a frame: an agent (the
country that acts, or that the speaker speaks for when the agent is "we" or "it"), a class of
act, what it acts on, and where it went ("troops sent to Russia", "troops are in Russia").
`frame_of` reads it from the parse of a claim's content at extraction; linking gives claims of
one frame a bonus (`ledger.propositions.FRAME_BONUS`), and two of them can contradict each other
with no word in common (`ledger.relations.about_the_same`).

Only acts of countries are framed, in five classes that news of wars, sanctions and disputes
uses constantly (`EVENT_CLASSES`), each also as announced ("is preparing to send": `PLANNED`);
a claim without such an act has no frame, except a transfer whose giver is unsaid but whose
theme and destination are said ("drones were shipped to Russia"), and a force put in combat
("sent to the front", "not on the front line yet": `in_combat`), whose agent is the force's own
country; a force fighting for a side ("Chinese citizens are fighting for Russia":
`fighting_for`), whose agent is the fighters' country and whose fourth slot is the side; and a
capture ("Ukraine captured two Chinese citizens": `captured`), whose fourth slot is the
captives' country; and, with no agent, where heard sounds came from ("the noises indicate human
origin", "sea life can make noises": `sound_origin`). A projectile's attack is by the country it
came from ("a rocket fired from Lebanon", "the blast came from within Gaza") or whose it was ("a
misfired Syrian rocket").
The agent of "Russia bought X from Iran" is Iran, as in "Iran sold X to Russia", and Russia is
where it went; "Russia ordered X from Iran" is that transfer still to come. Pure functions over a parsed
span; the country of a name comes from the gazetteer (a country, its demonym, its capital) or a
seat of government ("the Kremlin").
"""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Span, Token

from ..nlp.cache import text_of

# Acts, by lemma (verbs and the nouns that name them). "transfer" is anything a country moves to
# another: goods, weapons, troops ("sent troops", "deployed soldiers", "the delivery of drones").
EVENT_CLASSES: dict[str, str] = {}
for _cls, _words in {
    "transfer": "supply provide transfer deliver send give ship sell export hand dispatch deploy "
                "supplier delivery shipment sale deployment provision arrive station presence",
    "acquire": "buy purchase acquire receive obtain order import acquisition",
    "attack": "strike hit bomb attack shell destroy blow detonate detonation sabotage fire target shoot airstrike "
              "bombing shelling destruction responsible responsibility behind culprit launch misfire rocket missile massacre "
              "plant mine",
    "use": "use employ operate pilot",
    "train": "train teach instruct training",
}.items():
    for _w in _words.split():
        EVENT_CLASSES[_w] = _cls

# What the act is done to or with, folded: "troops", "soldiers", "personnel" are one theme.
THEME_CLASSES: dict[str, str] = {}
for _cls, _words in {
    "troops": "troop soldier force personnel serviceman servicemen military army fighter trainer instructor "
              "unit contingent battalion brigade regiment",
    "drones": "drone uav unmanned",
    "weapons": "weapon arm weaponry munition equipment",
}.items():
    for _w in _words.split():
        THEME_CLASSES[_w] = _cls

THEMES = frozenset(THEME_CLASSES.values())
# Acts only as verbs: "Russia ordered drones", not "by order of the president", "evacuation orders".
VERB_ONLY = frozenset("order plant mine pilot".split())
# Acts that are attacks only when what they set is a charge: "explosives planted by Russians",
# "planted mines at the dam", not "planted trees".
CHARGE_ONLY = frozenset("plant".split())
# Acts that are attacks only when what they send off is a projectile: "launched a rocket", "a
# rocket launched from Y", not "launched an investigation".
PROJECTILE_ONLY = frozenset("launch misfire".split())
PROJECTILES = frozenset("rocket rockets missile missiles projectile projectiles salvo shell shells round rounds".split())
# Projectile nouns are attacks only with a country on them ("a Palestinian rocket", "a rocket from
# Gaza"): a bare "the rocket" says nothing of whose it was.
PROJECTILE_NOUNS = frozenset("rocket missile".split())
# "The blast came from within Gaza": where what struck came from is who struck.
CAME_FROM = frozenset("come originate".split())
BLASTS = frozenset("blast explosion strike attack rocket missile projectile fire shot shell".split())
# What an attack is made with, not on.
INSTRUMENTS = frozenset("bomb explosive explosives mine charge device missile rocket shell munition".split())
# Verbs that take an act as their object and lend it their subject: "Russian forces carried out a
# detonation", "Israel conducted a strike".
LIGHT_VERBS = frozenset("carry conduct launch stage commit perpetrate mount bear claim".split())
# "Responsibility lies with Kyiv": the one it lies with.
LIES_WITH = frozenset("lie rest".split())
# Heads that count what an act moved: "a limited number of drones", "a batch of shells".
AMOUNT_HEADS = frozenset("number batch handful lot couple dozen dozens shipment consignment series quantity barrage salvo volley".split())

# The agent is the speaker's own side: "We have not provided weaponry", "it had not sent drones",
# "his country had supplied them".
SELF_WORDS = frozenset("we i it us our they".split())
SELF_NOUNS = frozenset("country government state nation".split())
# "one of its rockets": a part's country is its whole's.
PART_WORDS = frozenset("one some any none two few several many most all".split())
# Possessives that are the speaker's own side ("its rockets", "our troops"; not "their": others').
OWN_POSSESSIVES = frozenset("its our".split())
# Seats of government that news names in place of the country.
SEATS = {"kremlin": "RU", "pentagon": "US", "white house": "US", "downing street": "GB", "state department": "US",
         "elysee": "FR", "élysée": "FR"}
# Words that make a body, a person's role or a group of "officials" speak for a government.
OFFICIAL = re.compile(
    r"\b(?:ministry|minister|ministers|government|govt|military|army|armed forces|defen[cs]e forces|navy|air force|"
    r"coast guard|intelligence|agency|department|embassy|ambassador|office|cabinet|president|presidential|"
    r"prime minister|premier|chancellor|secretary|spokes(?:person|man|woman)|official|officials|authorities|"
    r"general|admiral|commander|chief of staff|police|security service|national security|"
    r"kremlin|pentagon|white house|downing street|state department)\b", re.I)


def government_of(name: str, kind: str, roles: list[str]) -> str | None:
    """The country code of the government a source speaks for: "the Israeli military",
    "Ukraine's defence ministry", "U.S. officials", a person whose role is "Russian foreign
    minister" or "Pentagon spokesperson". Outlets and sources with no official word: None."""
    if kind == "media":
        return None
    for text in [name, *roles]:
        if not text or not OFFICIAL.search(text):
            continue
        low = text.lower()
        for seat, cc in SEATS.items():
            if seat in low:
                return cc
        cc = country_in(text)
        if cc:
            return cc
    return None


def speaker_country(name: str, kind: str, roles: list[str]) -> str | None:
    """The country a speaker speaks for: the government of an official, or a country named as
    the source itself ("Iran said", "Tehran denied")."""
    if kind == "media":
        return None
    return government_of(name, kind, roles) or country_of_name(name)


POSSESSIVE = re.compile(r"['’]s?$")


@lru_cache(maxsize=16_384)
def country_in(text: str) -> str | None:
    """The first country (name, alias or demonym) named in a short text."""
    from .gazetteer import Gazetteer  # noqa: PLC0415 (loaded once, when first asked)

    gaz = Gazetteer.load()
    words = re.findall(r"[A-Z][\w.'’-]*|[a-z]+", text)
    for n in (3, 2, 1):
        for i in range(len(words) - n + 1):
            phrase = POSSESSIVE.sub("", " ".join(words[i : i + n])).rstrip(".")  # "Russia's", "the U.S."; not "Belarus"
            if not phrase[:1].isupper():
                continue
            for row in gaz.lookup(phrase) or gaz.lookup(phrase.replace(".", "")):
                e = gaz.entry(row)
                if e.kind == "country":
                    return e.cc
    return None


@lru_cache(maxsize=16_384)
def country_of_name(text: str) -> str | None:
    """The country a name stands for: a country or its demonym ("Iranian"), its capital
    ("Tehran", "Moscow"), or a seat of government ("the Kremlin")."""
    from .gazetteer import Gazetteer  # noqa: PLC0415

    low = text.lower().removeprefix("the ").strip()
    if low in SEATS:
        return SEATS[low]
    cc = country_in(text)
    if cc:
        return cc
    gaz = Gazetteer.load()
    for row in gaz.lookup(text.strip()) or ():
        e = gaz.entry(row)
        if e.capital:
            return e.cc
    return None


MADE_IN = re.compile(r"\s*-\s*(?:made|built|produced|supplied|designed|manufactured)$", re.I)


def token_country(tok: Token, speaker_cc: str | None) -> str | None:
    """The country a noun phrase's head stands for, from itself or its modifiers ("Iranian
    drones", "Moscow's forces", "the Kremlin"), or the speaker's for "we" / "it" / "his country"."""
    doc = tok.doc
    heads = [c for c in tok.children if c.dep_ == "compound" and c.i < tok.i]
    phrases = [doc[min([c.i for c in heads] + [tok.i]):tok.i + 1].text]  # "North Korea", "White House"
    # a modifier with its own modifiers: "North Korean", "Moscow's"
    phrases += [doc[c.left_edge.i:c.i + 1].text for c in tok.children if c.dep_ in ("compound", "amod", "poss", "nmod")]
    for phrase in phrases:
        phrase = MADE_IN.sub("", phrase)  # "Iran-made drones", "Iranian-built"
        if phrase[:1].isupper():
            cc = country_of_name(phrase.removesuffix("'s").removesuffix("’s"))
            if cc:
                return cc
    low = tok.lower_
    if low in SELF_WORDS or (tok.lemma_.lower() in SELF_NOUNS and any(c.dep_ == "poss" for c in tok.children)):
        return speaker_cc
    if low in PART_WORDS:
        # "one of its rockets", "some of our drones": whose the whole is
        whole = next((g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"), None)
        if whole is not None:
            return token_country(whole, speaker_cc)
    if any(c.dep_ == "poss" and c.lower_ in OWN_POSSESSIVES for c in tok.children):
        return speaker_cc  # "its rockets", said by the country's ministry
    return None


def theme_token(tok: Token) -> Token:
    """The noun that names what moved: "a limited number of drones" -> drones."""
    if tok.lower_ in AMOUNT_HEADS or tok.lower_ in PART_WORDS:
        of = next((g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"), None)
        tok = of if of is not None else tok
    if tok.pos_ not in ("NOUN", "PROPN"):
        # "a shipment of Iranian-made Shahed drones", where the parser heads the phrase by "made"
        tok = next((g for g in reversed(list(tok.subtree)) if g.pos_ == "NOUN" and g.i > tok.i), tok)
    return tok


def theme_of(tok: Token | None) -> str | None:
    """What an act moves or strikes, folded ("soldiers" -> "troops"), or None."""
    if tok is None or (tok.pos_ == "PRON" and tok.lower_ not in PART_WORDS):
        return None  # "blew it up": what "it" is, the sentence before says ("some of the drones" is drones)
    lemma = theme_token(tok).lemma_.lower()
    return THEME_CLASSES.get(lemma, lemma)


# Themes whose count is a proposition of its own: a force ("sent 10,000 troops", "10,000 soldiers
# are being trained": the seed's and china-fighters' count propositions). Arms counted are still
# the supply ("supplied 400 drones": iran-drones B3 .602 -> .556 when drones were counted too).
COUNTED_THEMES = frozenset({"troops"})


def counted_theme(tok: Token | None) -> str | None:
    """`theme_of`, marked `COUNTED` when a force is counted ("sent 10,000 troops", "the number
    of soldiers")."""
    theme = theme_of(tok)
    if theme in COUNTED_THEMES and tok is not None and (counted(tok) or counted(theme_token(tok))):
        return theme + COUNTED
    return theme


def frame_of(content: Span, speaker_cc: str | None = None,
             places: dict[int, str] | None = None) -> tuple[str | None, str, str | None, str | None] | None:
    """(agent country code, act class, theme, destination country) of the act of a country
    nearest the content's root (the first of those as near); else a transfer whose agent is
    unsaid but whose theme and destination are said ("drones were shipped to Russia": agent None); else None. A force
    put in combat (`in_combat`) comes first among acts as near the root. `places` gives the country of
    the places the text names, by the character offset of each of their tokens (`find_places`,
    which reads a name in its context: "Pokrovsk in Donetsk region"), so that a transfer to a
    region or a city is one to its country ("troops were sent to Kursk": to Russia)."""
    places = places or {}
    agentless = None
    found = []  # (depth below the content's root, frame): the act the content states over one inside it
    for t in content:
        cls = EVENT_CLASSES.get(t.lemma_.lower())
        if cls is None and t.lemma_.lower() in CAME_FROM and t.pos_ == "VERB":
            # "the blast came from within Gaza", "the rocket originated in Syria"
            subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
            where = origin(t, places) if subj is not None and subj.lemma_.lower() in BLASTS else None
            if where is not None:
                found.append((depth(t, content), (where, "attack", None, None)))
            continue
        if cls is None or (t.lemma_.lower() in VERB_ONLY and t.pos_ != "VERB"):
            continue
        if t.lemma_.lower() in PROJECTILE_ONLY and not projectile_of(t):
            continue
        if t.lemma_.lower() in CHARGE_ONLY and not charge_of(t):
            continue
        agent, cls, theme, where = act(t, cls, content, speaker_cc, places)
        if agent is not None:
            found.append((depth(t, content), (agent, cls, theme, where)))
            if found[-1][0] == 0:
                break  # the content's own verb: nothing is shallower
        if agentless is None and cls == "transfer" and theme is not None and theme.removesuffix(COUNTED) in THEMES \
                and where is not None:
            agentless = None, cls, theme, where  # "a few drones had been delivered to Russia": by whom, unsaid
    for charged in (charged_with(content), blamed_inside(content)):
        if charged is not None:
            found.append(charged)
    being = present(content, places, speaker_cc) if not found or min(f[0] for f in found) > 0 else None
    if being is not None:
        found.append(being)
    for side in (fighting_for(content, places), captured(content, places), sound_origin(content)):
        if side is not None:
            found.append(side)
    fighting = in_combat(content)
    if fighting is not None:
        found.insert(0, fighting)  # "troops would be used in combat zones": the combat, not the use
    if found:
        return min(found, key=lambda f: f[0])[1]  # the first of the shallowest
    return agentless


# What a blamed party is blamed for: "[blamed] Israel for the blast", "[held] Kyiv responsible
# for the explosion" (the event need not be named an attack).
CHARGED_EVENTS = frozenset("blast explosion incident massacre attack strike bombing shelling destruction "
                           "collapse breach sinking fire crash killing killings deaths".split())


def charged_with(content: Span) -> tuple[int, tuple[str | None, str, None, None]] | None:
    """"Israel for the massive blast" (the content of "blamed ... for"): an attack by the country
    at the content's root."""
    root = content.root
    if root.pos_ not in ("PROPN", "NOUN"):
        return None
    cc = token_country(root, None)
    if cc is None:
        return None
    # the parser hangs "for" on the verb of "blamed" or on the country: either way, in the content
    for c in content:
        if c.dep_ == "prep" and c.lower_ == "for" and c.i > root.i and c.head.i in (root.i, root.head.i):
            event = next((g for g in c.children if g.dep_ == "pobj"), None)
            if event is not None and event.lemma_.lower() in CHARGED_EVENTS:
                return 0, (cc, "attack", None, None)
    return None


BLAMING = frozenset("blame".split())
BLAME_INSIDE = 1


def blamed_inside(content: Span) -> tuple[int, tuple[str, str, None, None]] | None:
    """"an initial Hamas statement blaming Israel for Tuesday's explosion": a blame the content
    tells of is an attack by the one blamed."""
    if not BLAME_INSIDE:
        return None
    for t in content:
        if t.pos_ != "VERB" or t.lemma_.lower() not in BLAMING:
            continue
        obj = next((c for c in t.children if c.dep_ == "dobj"), None)
        cc = token_country(obj, None) if obj is not None else None
        event = next((g for c in t.children if c.dep_ == "prep" and c.lower_ == "for" for g in c.children if g.dep_ == "pobj"), None)
        if cc is not None and event is not None and event.lemma_.lower() in CHARGED_EVENTS:
            return depth(t, content), (cc, "attack", None, None)
    return None


def projectile_of(t: Token) -> bool:
    """A launch or misfire of a projectile: its object, its passive subject, or the noun it
    describes ("a rocket launched from Y", "a misfired rocket")."""
    near = [c for c in t.children if c.dep_ in ("dobj", "nsubjpass", "nsubj")]
    if t.dep_ in ("acl", "amod", "relcl"):
        near.append(t.head)
    return any(n.lemma_.lower() in PROJECTILES or n.lower_ in PROJECTILES for n in near)


def charge_of(t: Token) -> bool:
    """What was planted is a charge: its object, its passive subject, or the noun it describes."""
    near = [c for c in t.children if c.dep_ in ("dobj", "nsubjpass")]
    if t.dep_ in ("acl", "amod", "relcl"):
        near.append(t.head)
    return any(n.lemma_.lower() in INSTRUMENTS or n.lower_ in INSTRUMENTS or n.lemma_.lower() == "mine" for n in near)


def origin(t: Token, places: dict[int, str]) -> str | None:
    """The country an attack came from: "fired from Lebanon", "came from within Gaza"."""
    for c in t.children:
        if c.dep_ == "prep" and (c.lower_ == "from" or (c.lower_ == "in" and t.lemma_.lower() == "originate")):
            for g in c.children:
                if g.dep_ == "pobj":
                    return place_country(g, places)
                if g.dep_ == "prep" and g.lower_ in ("within", "inside"):
                    obj = next((x for x in g.children if x.dep_ == "pobj"), None)
                    if obj is not None:
                        return place_country(obj, places)
    return None


def depth(t: Token, content: Span) -> int:
    """How many heads up from t the content's top is."""
    n = 0
    while content.start <= t.head.i < content.end and t.head.i != t.i and n < 50:
        t, n = t.head, n + 1
    return n


def place_country(tok: Token, places: dict[int, str]) -> str | None:
    """The country a capitalised word names, or the country of the place it is part of."""
    return country_of_name(tok.text) or places.get(tok.idx)


# "on its territory", "on our soil": the speaker's own country.
OWN_LAND = frozenset("territory soil land".split())
OWN_WORDS = frozenset("its our their".split())


def own_land(prep: Token, speaker_cc: str | None) -> str | None:
    """The speaker's country, for "on its territory", "in our country" after `prep`."""
    if speaker_cc is None:
        return None
    for g in prep.children:
        if g.dep_ == "pobj" and g.lemma_.lower() in OWN_LAND | SELF_NOUNS \
                and any(c.dep_ == "poss" and c.lower_ in OWN_WORDS for c in g.children):
            return speaker_cc
    return None


def present(content: Span, places: dict[int, str], speaker_cc: str | None = None) -> tuple[int, tuple[str, str, str, str]] | None:
    """"North Korean troops are in Russia", "there are 10,000 North Korean soldiers in Russia",
    "North Korean troops have been spotted in Russia", "reports of North Korean troops in Russia":
    a country's troops, drones or weapons said to be, or seen, in another country are where a
    transfer ended (the frame of "sent troops to Russia"; counted, of "sent 10,000 troops to
    Russia")."""
    for t in content:
        if t.pos_ in ("AUX", "VERB") and (t.lemma_ == "be" or t.lemma_.lower() in SEEN_VERBS):
            subj = next((c for c in t.children if c.dep_ == ("nsubj" if t.lemma_ == "be" else "nsubjpass")), None)
            if subj is None and t.lemma_ == "be" and any(c.dep_ == "expl" for c in t.children):
                subj = next((c for c in t.children if c.dep_ == "attr"), None)  # "there are 10,000 troops in Russia"
            # "were present on its territory": the place hangs on "present"
            here = [g for c in t.children if c.dep_ == "acomp" and c.lemma_.lower() == "present" for g in c.children]
            where = [*t.children, *here, *subj.children] if subj is not None else []
        elif t.pos_ == "NOUN" and t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.lemma_.lower() in REPORTED | COUNTS:
            # "reports of North Korean troops in Russia", "the number of X troops in Y" (the place
            # hung on the troops, or on the report or number)
            subj, where = t, [*t.children, *t.head.head.children]
        elif t.lemma_.lower() == "presence" and any(c.dep_ == "poss" and c.lower_ == "their" for c in t.children):
            # "Their presence was confirmed in the far east (of Russia)": a force named the
            # sentence before, there; its country unsaid (a "they" in combat is the same)
            place = next((g for g in [*t.subtree, *t.head.subtree] if g.text[:1].isupper() and g.i != t.i
                          and g.lower_ != "their" and place_country(g, places)), None)
            if place is not None:
                return depth(t, content), (None, "transfer", "troops", place_country(place, places))
            continue
        else:
            continue
        theme = theme_of(subj) if subj is not None else None
        if theme not in THEMES or (t.lemma_ != "be" and theme != "troops"):
            continue  # "Iranian drones were seen in Ukraine": used there, not given to it
        agent = token_country(subj, None)
        place = next((g for c in where if c.dep_ == "prep" and c.lower_ in ("in", "inside")
                      for g in c.subtree if g.text[:1].isupper() and place_country(g, places)), None)
        there = place_country(place, places) if place is not None else next(
            (cc for c in where if c.dep_ == "prep" and c.lower_ in ("in", "inside", "on") for cc in [own_land(c, speaker_cc)] if cc), None)
        if agent is not None and there is not None and there != agent:
            return depth(t, content), (agent, "transfer", counted_theme(subj), there)
    return None


# Seen there is being there, for a force: "troops have been spotted in Russia" (passive only:
# "we see drones in the sky" says nothing of whose drones are where; and arms seen in a country
# were used there, not given to it).
SEEN_VERBS = frozenset("spot see sight observe film photograph record identify".split())
# Nouns of what is reported or seen: "reports of North Korean troops in Russia", "sightings of".
REPORTED = frozenset("report reports claim claims allegation allegations sighting sightings footage video "
                     "image images evidence presence rumour rumours rumor rumors news".split())


# A force in combat: "sent to the front", "are not on the front line yet", "ready for combat",
# "would be used in combat zones", "fighting on the battlefield". One state of affairs of a war
# story whoever sends the force and whenever ("will be", "are"), so neither the sender nor
# `PLANNED` parts it: its agent is the force's own country ("North Korean soldiers": KP), unsaid
# when the force is "they".
COMBAT = frozenset("front frontline frontlines combat battle battlefield battleground".split())
COMBAT_PREPS = frozenset("to into at on in for near along".split())
# "the economic front", "on that front", "a united front": not a front line.
NOT_A_FRONT = frozenset("economic diplomatic political domestic home united popular national same other "
                        "this that every all legal financial".split())
FORCE_PRONOUNS = frozenset("they them who".split())


# A force sent or used to take or hold ground is sent into combat: "could send North Korean
# troops to capture Pokrovsk" ("to fight" is `fighting_for`'s).
ASSAULT_VERBS = frozenset("capture storm assault retake recapture seize attack defend".split())
DISPATCH_VERBS = frozenset("send deploy dispatch use transfer move throw commit".split())


def sent_to_assault(content: Span) -> tuple[int, tuple[str | None, str, str | None, None]] | None:
    """(depth, (the force's country, "combat", "troops", None)) for a force sent to assault."""
    for t in content:
        if t.lemma_.lower() not in ASSAULT_VERBS or t.dep_ not in ("advcl", "xcomp") \
                or not any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children):
            continue
        verb = t.head
        if verb.lemma_.lower() not in DISPATCH_VERBS or not content.start <= verb.i < content.end:
            continue
        force = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")
                      and THEME_CLASSES.get(theme_token(c).lemma_.lower()) == "troops"), None)
        if force is not None:
            return depth(verb, content), (force_country(force, verb), "combat", "troops", None)
    return None


def in_combat(content: Span) -> tuple[int, tuple[str | None, str, str | None, None]] | None:
    """(depth, (the force's country, "combat", "troops" or None for "they", None)) when the
    content puts a force in combat, or None."""
    assault = sent_to_assault(content)
    if assault is not None:
        return assault
    for t in content:
        if t.lemma_.lower() not in COMBAT:
            continue
        noun = t.head if t.dep_ in ("compound", "amod") else t  # "combat zones", "the front line"
        if noun.dep_ != "pobj" or noun.head.lower_ not in COMBAT_PREPS:
            continue
        if any(c.lower_ in NOT_A_FRONT or (c.dep_ == "prep" and c.lower_ == "of") for c in noun.children):
            continue  # "in front of the hospital", "on the economic front"
        word = noun.head.head  # what the phrase hangs on: "sent", "are", "ready"
        if word.pos_ == "ADJ" and word.dep_ == "acomp":
            word = word.head  # "will be ready for combat"
        if not content.start <= word.i < content.end:
            continue
        force = force_of(word, content)
        if force is None:
            continue
        theme = None if force.pos_ == "PRON" else "troops"
        return depth(word, content), (None if theme is None else force_country(force, word), "combat", theme, None)
    return None


def force_of(word: Token, content: Span) -> Token | None:
    """Who is in combat: the subject ("they are on the front line"), the object ("sent troops
    to the front"), the noun an infinitive qualifies ("soldiers to be sent to the front"), or
    else the last troops the content names before the act ("the preparation of DPRK soldiers
    to be sent")."""
    kids = list(word.children)
    if word.dep_ == "conj" and not any(c.dep_ in ("nsubjpass", "nsubj") for c in kids):
        kids += [c for c in word.head.children if c.dep_ in ("nsubjpass", "nsubj")]  # "are trained and may be sent"
    for c in [*(c for c in kids if c.dep_ in ("nsubjpass", "nsubj")), *(c for c in kids if c.dep_ == "dobj")]:
        if c.lower_ in FORCE_PRONOUNS or THEME_CLASSES.get(theme_token(c).lemma_.lower()) == "troops":
            return c
    if word.dep_ in ("acl", "relcl") and THEME_CLASSES.get(word.head.lemma_.lower()) == "troops":
        return word.head
    return next((t for t in reversed(content[: word.i - content.start])
                 if t.pos_ == "NOUN" and THEME_CLASSES.get(t.lemma_.lower()) == "troops"), None)


ORIGIN_NOUNS = frozenset("origin descent nationality citizenship".split())


def force_country(tok: Token, act: Token) -> str | None:
    """The country a force belongs to: "North Korean soldiers", "DPRK troops", "soldiers from
    North Korea", "send soldiers from North Korea" (the parser hangs "from" on the act)."""
    tok = theme_token(tok)
    origin = next((g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                   if g.dep_ == "pobj" and g.lemma_.lower() in ORIGIN_NOUNS), None)  # "two men of Chinese origin"
    return token_country(tok, None) or (token_country(origin, None) if origin is not None else None) or next(
        (country_of_name(g.text) for h in (tok, act) for c in h.children if c.dep_ == "prep" and c.lower_ == "from"
         for g in c.children if g.dep_ == "pobj" and country_of_name(g.text)), None)


# Fighting for a side: "Chinese citizens are fighting for Russia", "mercenaries who fought in the
# Russian army", "soldiers fighting alongside Russian troops". Whoever fights is a combatant, so the
# theme is always "troops"; the agent is the fighters' own country (unsaid for "they"), and the
# fourth slot is the side they fight for. Where they fight ("in Ukraine") is not the side.
FIGHTING = frozenset("fight serve".split())
NATIONALS_FIGHTING = 1
PARTICIPATION = 1
PARTICIPATING = frozenset("participation involvement".split())
SIDE_PREPS = frozenset("for alongside".split())
# "in the Russian army", "in the ranks of the Russian forces", "on the side of Russia"
SIDE_NOUNS = frozenset("army armies force forces military ranks troops side unit units".split())


WARS = frozenset("war conflict hostilities fighting combat invasion".split())


def taking_part(t: Token) -> bool:
    """"were taking part in the war", "taking up arms alongside the Russians", "were involved in
    Russia's war": a verb of taking part in fighting (whose subject's country is then the fight's)."""
    lemma = t.lemma_.lower()
    kids = list(t.children)
    if lemma == "take" and any(c.dep_ == "dobj" and c.lemma_.lower() == "part" for c in kids):
        return any(c.dep_ == "prep" and c.lower_ == "in" and any(g.lemma_.lower() in WARS for g in c.children) for c in kids) \
            or side_of(t, {}) is not None
    if lemma == "take" and any(c.dep_ == "prt" and c.lower_ == "up" for c in kids):
        return any(c.dep_ == "dobj" and c.lemma_.lower() in ("arm", "arms") for c in kids)
    if lemma == "involve" and t.tag_ == "VBN":
        return any(c.dep_ == "prep" and c.lower_ == "in" and any(g.lemma_.lower() in WARS for g in c.children) for c in kids)
    return False


def fighting_for(content: Span, places: dict[int, str]) -> tuple[int, tuple[str | None, str, str, str | None]] | None:
    """(depth, (the fighters' country, "fight", "troops", the side's country)) when the content
    says someone fights for a side, or None. "Served" counts only with a side named ("served
    in the Russian army"); a fight against someone ("fought six Chinese soldiers") names no side."""
    for t in content:
        if PARTICIPATION and t.pos_ == "NOUN" and t.lemma_.lower() in PARTICIPATING:
            # "the participation of Chinese citizens in Russian forces", "the involvement of
            # mercenaries from China in the war": people of a country taking part, not the country
            who = next((g for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                        if g.dep_ == "pobj" and theme_token(g).lemma_.lower() in CAPTIVE_WORDS), None)
            agent = force_country(who, t) if who is not None else None
            side = side_of(t, places) if agent is not None else None
            if agent is not None and agent != side:
                return depth(t, content), (agent, "fight", "troops" + (COUNTED if counted(who) else ""), side)
            continue
        gerund = NATIONALS_FIGHTING and t.pos_ == "NOUN" and t.lower_ == "fighting"  # "reports of Portuguese fighting"
        part = PARTICIPATION and t.pos_ == "VERB" and taking_part(t)
        if not gerund and not part and (t.pos_ != "VERB" or t.lemma_.lower() not in FIGHTING):
            continue
        side = side_of(t, places)
        if side is None and t.lemma_.lower() != "fight" and not gerund and not part:
            continue
        if not part and any(c.dep_ == "dobj" and c.lower_ not in ("that", "which", "who", "whom") for c in t.children):
            continue  # "Ukraine's forces fought six Chinese soldiers": a battle, not a side
        who = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if who is not None and who.lower_ in ("who", "that", "which") and t.dep_ == "relcl":
            who = t.head  # "citizens who fought in the Russian army"
        if who is None and t.dep_ in ("acl", "relcl") and t.head.pos_ in ("NOUN", "PROPN"):
            who = t.head  # "Chinese citizens fighting for Russia"
        if who is None and NATIONALS_FIGHTING:
            # "reports of Chinese fighting for Russia": the parser makes the nationality an
            # adjective of the gerund
            who = next((c for c in t.children if c.dep_ == "amod" and c.i < t.i and token_country(c, None)), None)
            if who is not None:
                agent = token_country(who, None)
                if agent != side:
                    return depth(t, content), (agent, "fight", "troops", side)
                continue
        if who is None:
            continue
        if who.pos_ == "PRON":
            agent = None
            if who.lower_ not in FORCE_PRONOUNS:
                continue
        else:
            agent = force_country(who, t)
            if agent is None:
                continue
        if agent is not None and agent == side:
            continue  # "Russian soldiers fighting for Russia": no foreign force
        return depth(t, content), (agent, "fight", "troops" + (COUNTED if who.pos_ != "PRON" and counted(who) else ""), side)
    return None


# A force counted is another proposition than the force being there: "155 Chinese citizens are
# fighting for Russia", "the number of Chinese nationals fighting", "many more of them": its theme
# is marked, so that counts meet counts (which `ledger.measures` compares) and not the bare claim.
COUNTED = " (count)"
COUNTS = frozenset("number count".split())  # "the number of X soldiers in Y": a count of them there
COUNT_HEADS = frozenset("number amount count hundred hundreds thousand thousands dozen dozens score scores".split())
COUNT_MODS = frozenset("many more several numerous countless few hundreds thousands dozens".split())


def counted(tok: Token) -> bool:
    """The noun is counted: a number on it, "many more" / "several hundred", or the noun of "the
    number of", "hundreds of"."""
    for c in tok.children:
        if c.dep_ == "nummod" or (c.dep_ in ("amod", "quantmod", "advmod") and c.lower_ in COUNT_MODS
                                  and not any(g.lower_ == "how" for g in c.children)):  # "how many": no count said
            return True
    return tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in COUNT_HEADS


def side_of(t: Token, places: dict[int, str]) -> str | None:
    """The country a fight is for: "for Russia", "alongside Russian troops", "in the Russian
    army", "on the side of Russia"."""
    for c in t.children:
        if c.dep_ != "prep":
            continue
        for g in c.children:
            if g.dep_ != "pobj":
                continue
            if c.lower_ in SIDE_PREPS or (c.lower_ in ("in", "on", "with") and g.lemma_.lower() in SIDE_NOUNS):
                if g.lemma_.lower() in ("rank", "ranks", "side"):
                    g = next((x for p in g.children if p.dep_ == "prep" and p.lower_ == "of"
                              for x in p.children if x.dep_ == "pobj"), g)
                cc = token_country(g, None) or (place_country(g, places) if g.text[:1].isupper() else None)
                if cc is not None:
                    return cc
    return None


# Taken captive: "Ukraine's military captured two Chinese citizens", "two Chinese were taken
# prisoner", "the capture of two Chinese fighters". The agent is the captor's country (unsaid in
# the passive); the theme is "people"; the fourth slot is the captives' country, which tells one
# capture from another.
CAPTURING = frozenset("capture detain arrest".split())
RECRUITING = frozenset("recruit recruitment enlist".split())
CAPTIVE_WORDS = frozenset("citizen national man men person people mercenary volunteer fighter soldier "
                          "serviceman servicemen troop prisoner".split())


def captured(content: Span, places: dict[int, str]) -> tuple[int, tuple[str | None, str, str, str]] | None:
    """(depth, (the captor's country or None, "capture", "people", the captives' country)) or None."""
    for t in content:
        lemma = t.lemma_.lower()
        captive = captor = None
        act_ = "recruit" if lemma in RECRUITING else "capture"
        if lemma in RECRUITING and t.pos_ in ("VERB", "NOUN"):
            # "Russia is recruiting Chinese nationals via social media", "the recruitment of
            # Chinese men": whose people a country takes into its ranks
            captive = next((c for c in t.children if c.dep_ in ("dobj", "nsubjpass")), None) if t.pos_ == "VERB" else \
                next((g for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"), None)
            captor = next((c for c in t.children if c.dep_ in ("nsubj", "poss")), None)
            captor = captor or next((g for c in t.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
        elif lemma in CAPTURING and t.pos_ == "VERB":
            captive = next((c for c in t.children if c.dep_ in ("dobj", "nsubjpass")), None)
            captor = next((c for c in t.children if c.dep_ == "nsubj"), None)
            captor = captor or next((g for c in t.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
        elif lemma == "prisoner" and t.dep_ in ("oprd", "dobj", "attr") and t.head.lemma_.lower() == "take":
            captive = next((c for c in t.head.children if c.dep_ in ("nsubjpass", "dobj") and c.i != t.i), None)
            captor = next((c for c in t.head.children if c.dep_ == "nsubj"), None)
            t = t.head
        elif lemma in CAPTURING and t.pos_ == "NOUN":
            captive = next((g for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"), None)
            captor = next((c for c in t.children if c.dep_ == "poss"), None)
        if captive is None:
            continue
        head = theme_token(captive)
        if head.lemma_.lower() not in CAPTIVE_WORDS and not (head.pos_ == "PROPN" and token_country(head, None)):
            continue
        whose = force_country(captive, t)
        if whose is None:
            continue
        by = token_country(captor, None) if captor is not None else None
        return depth(t, content), (by if by != whose else None, act_, "people", whose)
    return None


ACQUIRED_FROM = 1
USED_TO = 1
RELATIVE_AGENT = 1
# An order placed is a transfer still to come: "Russia ordered 2,400 drones from Iran".
ORDERING = frozenset("order".split())

# Being there is where the transfer ended: "troops arrived in Russia", "their presence in Russia".
ARRIVING = frozenset("arrive station presence".split())


# An act still to come is another state of affairs than one done: "Iran is preparing to send
# drones" is not "Iran sent drones", and confirming the one does not answer the other. Its class
# is marked (`PLANNED`), so the two never share a frame.
PLANNED = " (planned)"
PLANNING = frozenset("prepare plan intend aim seek set ready poise mull consider go agree expect".split())
FUTURE_AUX = frozenset("will 'll shall".split())


def planned(t: Token) -> bool:
    """The act is announced, not done: "will send", "plans to send", "is preparing to send",
    "is set to send", "is going to send"."""
    if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in t.children):
        return True
    head = t
    while head.dep_ in ("xcomp", "acl", "conj") and head.head.i != head.i:
        head = head.head
        if head.lemma_.lower() in PLANNING:
            return True
        if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in head.children):
            return True
    return False


def destination(t: Token, kids: list[Token], places: dict[int, str]) -> str | None:
    """Where a transfer goes: the country of its "to" / "into" object ("sent troops to Russia",
    "to the occupied territories of Ukraine"), or of its dative ("provided Russia with drones")."""
    into = ("to", "into", "in") if t.lemma_.lower() in ARRIVING else ("to", "into")
    for c in kids:
        if c.dep_ in ("prep", "dative") and c.lower_ in into:
            for g in c.subtree:
                if g.i != c.i and g.text[:1].isupper():
                    cc = place_country(g, places)
                    if cc:
                        return cc
        if c.dep_ in ("dative", "dobj") and c.pos_ == "PROPN" and any(x.dep_ == "prep" and x.lower_ == "with" for x in kids):
            return country_of_name(c.text)
        if c.dep_ == "dative" and c.pos_ == "PROPN" and country_of_name(c.text):
            return country_of_name(c.text)  # "gave Spain a few tanks"
    return None


def act(t: Token, cls: str, content: Span, speaker_cc: str | None,
        places: dict[int, str]) -> tuple[str | None, str, str | None, str | None]:
    """The agent, class, theme and destination of one act word."""
    kids = list(t.children)
    if t.pos_ in ("VERB", "AUX"):
        subj = next((c for c in kids if c.dep_ == "nsubj"), None)
        by = next((g for c in kids if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
        source = next((g for c in kids if c.dep_ == "prep" and c.lower_ == "from" for g in c.children if g.dep_ == "pobj"), None)
        obj = next((c for c in kids if c.dep_ == "dobj"), None)
        with_ = next((g for c in kids if c.dep_ == "prep" and c.lower_ == "with" for g in c.children if g.dep_ == "pobj"), None)
        where = destination(t, kids, places)
        passive = next((c for c in kids if c.dep_ == "nsubjpass"), None)
        theme = with_ if with_ is not None and cls == "transfer" else obj or passive
        if theme is None and cls == "use" and USED_TO:
            # "used Iranian drones to attack ...": the parser makes the drones the subject of "attack"
            theme = next((g for c in kids if c.dep_ == "xcomp" for g in c.children if g.dep_ == "nsubj"), None)
        if theme is None and t.lemma_.lower() in ARRIVING:
            theme = subj  # "8,000 soldiers arrived in Spain": what arrived is what went
        if cls == "transfer" and obj is not None and theme is obj and obj.pos_ == "PROPN" and country_of_name(obj.text):
            # "Iran gave Moscow only a few drones" (the parser makes the receiver the object): the
            # receiver is where it went, the other noun what went
            where = where or country_of_name(obj.text)
            theme = next((c for c in kids if c.dep_ in ("dobj", "npadvmod", "attr", "oprd") and c.i > obj.i), None)
        if cls == "acquire" and source is None and theme is not None and ACQUIRED_FROM:
            # "ordered 2,400 drones from Iran": the parser hangs the seller on what was bought
            source = next((g for c in theme.children if c.dep_ == "prep" and c.lower_ == "from"
                           for g in c.children if g.dep_ == "pobj"), None)
        seller = token_country(source, None) if cls == "acquire" and source is not None else None
        if seller is not None or (cls == "acquire" and source is not None and not ACQUIRED_FROM):
            # "Russia bought the drones from Iran": Iran gave them, to the buyer (also the one who
            # "plans to buy")
            buyer = subj if subj is not None or t.dep_ != "xcomp" else next(
                (c for c in t.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            buyer_cc = token_country(buyer, speaker_cc) if buyer is not None and ACQUIRED_FROM else None
            ordered = ACQUIRED_FROM and (planned(t) or t.lemma_.lower() in ORDERING)
            return seller, "transfer" + (PLANNED if ordered else ""), counted_theme(theme), \
                where or (buyer_cc if buyer_cc != seller else None)
        who = by or subj
        if who is None and t.dep_ == "xcomp":
            # "Iran is preparing to provide drones", "Iran plans to send more": the controller
            who = next((c for c in t.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)  # "is set to deliver"
        if who is None:
            # "Iran of supplying drones" (accused ...), "Iran providing Russia with drones": the
            # country named just before the act
            before = t.doc[t.i - 1] if t.i > content.start else None
            if before is not None and before.lower_ == "of" and before.i > content.start:
                before = t.doc[before.i - 1]
            who = before if before is not None and before.pos_ == "PROPN" and token_country(before, speaker_cc) else None
            if who is None and t.dep_ == "pcomp" and t.head.lower_ == "of" and t.head.head.dep_ != "prep":
                # "[accused] Russian troops on Tuesday of detonating": the accused, the object of
                # what "of" hangs on, when the content holds it
                who = next((c for c in t.head.head.children if c.dep_ == "dobj" and content.start <= c.i < t.i), None)
        if who is None and passive is not None:
            who = passive  # "Iranian drones were delivered": whose they are
        if RELATIVE_AGENT and who is not None and who.lower_ in ("that", "who", "which") and by is None:
            # "troops who attacked the hospital", "soldiers who were sent" (also what was sent), "it
            # was Russia that blew up the dam": the noun the relative clause is about (in a cleft,
            # the one "it was")
            if t.dep_ == "relcl":
                if theme is not None and theme.i == who.i:
                    theme = t.head
                who = t.head
            elif t.dep_ == "ccomp" and t.head.lemma_ == "be":
                who = next((c for c in t.head.children if c.dep_ == "attr" and c.i < t.i), who)
        agent = token_country(who, speaker_cc) if who is not None else None
        if agent is None and cls == "attack" and by is None:
            agent = origin(t, places)  # "a rocket fired from Lebanon": whoever fired it, from there
        if cls == "acquire" and theme is not None and theme_of(theme) in THEMES:
            maker = token_country(theme_token(theme), None)
            if maker is not None and maker != agent:
                # "Russia received Iranian-made drones": Iran's transfer, to the buyer
                ordered = planned(t) or (ACQUIRED_FROM and t.lemma_.lower() in ORDERING)
                return maker, "transfer" + (PLANNED if ordered else ""), counted_theme(theme), agent
        return agent, cls + PLANNED if planned(t) else cls, target(cls, counted_theme(theme)), where
    if t.pos_ == "ADP" or (t.pos_ == "ADJ" and t.dep_ == "acomp"):
        # "Moscow's forces were behind the blast", "Israel was not responsible for it"
        subj = next((c for c in t.head.children if c.dep_ in ("nsubj", "nsubjpass")), None) if t.head.lemma_ == "be" else None
        return (token_country(subj, speaker_cc) if subj is not None else None), cls, None, None
    if t.pos_ in ("NOUN", "ADJ", "PROPN"):
        of = next((g for c in kids if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"), None)
        by = next((g for c in kids if c.dep_ == "prep" and c.lower_ in ("by", "from") for g in c.children if g.dep_ == "pobj"), None)
        subj = next((c for c in t.head.children if c.dep_ == "nsubj"), None) \
            if t.dep_ in ("acomp", "attr") or (t.dep_ == "dobj" and t.head.lemma_.lower() in LIGHT_VERBS) else None
        if subj is None and t.dep_ == "nsubj" and t.head.lemma_.lower() in LIES_WITH:
            subj = next((g for c in t.head.children if c.dep_ == "prep" and c.lower_ in ("with", "on")
                         for g in c.children if g.dep_ == "pobj"), None)
        mods = [c for c in kids if c.dep_ in ("poss", "amod", "compound")]
        if t.lemma_.lower() in PROJECTILE_NOUNS:
            # "a Palestinian rocket", "a rocket from Gaza" (not "the rocket struck": the verb is the act)
            if t.dep_ in ("nsubj", "nsubjpass", "dobj") and t.head.lemma_.lower() in EVENT_CLASSES:
                return None, cls, None, None
            agent = next((a for a in (token_country(m, None) for m in mods) if a), None) or origin(t, places)
            return agent, cls, None, None
        for m in [x for x in (by, *mods, subj, of) if x is not None]:
            agent = token_country(m, speaker_cc if subj is not None and m.i == subj.i else None)
            if agent is not None:
                if cls == "acquire" and m is of and theme_of(of) in THEMES:
                    cls = "transfer"  # "purchases of Iranian drones": what Iran gave
                where = destination(t, kids, places)
                if where is None and of is not None and t.lemma_.lower() in ARRIVING:
                    where = destination(t, list(of.children), places)  # "the presence of X soldiers in Y"
                return agent, cls, target(cls, counted_theme(of)), where
    return None, cls, None, None


def target(cls: str, theme: str | None) -> str | None:
    """An attack's theme is what it struck; the charge it used says nothing of that ("detonated
    explosives in the plant", "detonated a bomb"): unsaid."""
    return None if cls == "attack" and theme in INSTRUMENTS else theme


# Where heard sounds came from is a state of affairs of its own, whoever says it and in whatever
# words: "the noises indicate human origin", "sea life can also make noises", "the sounds could
# have originated from the wreck", "no connection between the noises and the site", "what may
# have caused them". Its frame has no agent: (None, "origin", "sounds", None).
SOUND_NOUNS = frozenset("noise sound banging knocking tapping".split())
ORIGIN_WORDS = frozenset("origin originate source cause connection come emanate stem indicate suggest".split())
SEARCHING = frozenset("find explore determine locate identify establish search investigate".split())
# "what (the noises) are", "what some noises heard near the wreck actually are" (read on the text:
# the parser often takes the sounds for the subject of "heard" or an apposition of "what")
WHAT_SOUNDS_ARE = re.compile(r"what\s+\(?(?:the\s+|these\s+|those\s+|some\s+)?(?:[\w-]+\s+)?(?:noises|sounds|banging|knocking|tapping)"
                             r"\b[^.;:]{0,60}?\b(?:are|is|was|were)\b", re.I)


def sound_origin(content: Span) -> tuple[int, tuple[None, str, str, None]] | None:
    """(depth, (None, "origin", "sounds", None)) when the content says what heard sounds came from
    or were: a sound noun and a word of origin ("originated", "came from", "caused", "indicate",
    "connection"), what the sounds are ("we don't know what the noises are"), or sounds made by
    something ("sea life can make noises"); not the search for it ("relocated to find the origin
    of the noises": what was done, not said of the sounds)."""
    what = next((t for t in content if t.lower_ == "what" and WHAT_SOUNDS_ARE.match(text_of(content.doc), t.idx)), None)
    if what is not None:
        return depth(what, content), (None, "origin", "sounds", None)  # "we don't know what the noises are"
    if not any((t.lemma_.lower() in SOUND_NOUNS and t.pos_ == "NOUN") or t.lower_ == "banging" for t in content):
        return None  # "that sounds like a plan" is no sound
    for t in content:
        lemma = t.lemma_.lower()
        made = lemma == "make" and any(c.dep_ == "dobj" and c.lemma_.lower() in SOUND_NOUNS for c in t.children)
        if lemma not in ORIGIN_WORDS and not made:
            continue
        if lemma == "come" and not any(c.dep_ == "prep" and c.lower_ == "from" for c in t.children):
            continue
        if any(a.lemma_.lower() in SEARCHING and a.i >= content.start for a in t.ancestors):
            continue  # "in an attempt to find the origin of the noises"
        return depth(t, content), (None, "origin", "sounds", None)
    return None
