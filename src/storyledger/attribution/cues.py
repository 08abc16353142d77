"""The words that signal an attribution, by how their content attaches.

The lists were drawn from the commonest cues of PolNeAR train (2016 US election news, 19,834
attributions) and the seed article, then pruned on PolNeAR dev where a verb cost more precision
than it gave recall (e.g. "want", "see" are rarely attributions in news; "show" counts with an
object only as a main verb). Issue 2 added verbs that PolNeAR train annotates as cues in at least
about 2 of 5 uses, and general English reporting verbs of the same kinds. The second cue session added the object verbs
"recall", "prefer", "disclose", "explain", "declare" (unpredicted on train with an object: 22/29,
12/21, 8/14, 17/35, 15/32 were cues) and dropped "mean" (4 cues in 46 finds), "fight for" and
"react to" (1 in 19).
"""
from __future__ import annotations

# Verbs whose content is a clause (ccomp), a quote, or "that ..."; lemma -> the cue lemma written.
SPEECH_VERBS = frozenset("""
say tell add write report state note confirm announce claim argue explain insist warn suggest
believe think know deny acknowledge admit declare assert stress emphasize emphasise predict
promise vow pledge reveal conclude contend maintain tweet post reply respond recall observe
mention indicate find hope fear expect estimate allege testify complain concede continue
agree ask wonder joke boast quip remark feel assume doubt understand learn hear realize
realise worry forecast demand urge propose recommend signal imply caution reiterate repeat
clarify counter retort answer reason speculate guess acknowledge assure reassure inform
notify disclose divulge confess swear certify affirm reaffirm proclaim pronounce announce
point lament complain suspect presume conclude determine decide rule charge accuse
show demonstrate prove read
recognize recognise interject calculate shout chant muse hint share scoff snap gripe grumble
marvel theorize theorise surmise posit opine aver attest whine recount remind brag protest
object emphasise underline underscore gush rave vent fume reckon stipulate specify
comment sing yell scream type assess judge brief
""".split())

# Verbs whose content is the object of a preposition: "talked about X", "called for X".
PREP_CUES = {
    "talk": {"about", "of"}, "speak": {"about", "of"}, "comment": {"on"}, "write": {"about", "of"},
    "complain": {"about", "of"}, "warn": {"about", "of", "against"}, "argue": {"for", "against"},
    "call": {"for", "on"}, "ask": {"about", "for"}, "push": {"for"}, "advocate": {"for"},
    "campaign": {"for", "against"}, "rail": {"against"}, "joke": {"about"}, "boast": {"about"},
    "brag": {"about"}, "testify": {"about", "on"}, "lash": {"out"}, "express": set(), "vote": {"for", "against"},
    "insist": {"on"}, "focus": {"on"}, "weigh": {"in", "on", "about"}, "tweet": {"about"}, "press": {"for"},
    "lobby": {"for", "against"}, "speculate": {"about", "on"},
    "question": set(), "point": {"to"}, "refer": {"to"}, "respond": {"to"},
    "criticize": set(), "worry": {"about"}, "think": {"about", "of"}, "hear": {"about", "of"},
    "learn": {"about", "of"}, "know": {"about", "of"}, "care": {"about"}, "object": {"to"},
    "apologize": {"for"}, "apologise": {"for"}, "plead": {"for", "with"}, "side": {"with"},
    "hint": {"at"}, "allude": {"to"}, "dwell": {"on"}, "balk": {"at"}, "vouch": {"for"},
    "elaborate": {"on"}, "muse": {"about", "on"}, "gripe": {"about"}, "rant": {"about", "against"},
    "rave": {"about"}, "fret": {"about", "over"}, "opine": {"on", "about"}, "caution": {"against"},
    "touch": {"on"}, "hope": {"for"}, "agree": {"with", "on"}, "rage": {"against"}, "pivot": {"to"},
    "lean": {"towards", "toward"},
}

# Verbs whose content can be their direct object ("confirmed Russia's involvement ...",
# "called the charges unsubstantiated", "denied the report").
OBJECT_VERBS = frozenset("""
confirm deny announce call describe accuse criticize criticise praise reject dismiss endorse
blame question defend attack blast slam urge propose predict reveal acknowledge admit cite
promise pledge vow warn tweet post dispute refute condemn denounce welcome applaud hail
characterize characterise label brand mock ridicule decry lambaste chastise rebuke tout
mention discuss note highlight stress emphasize outline detail recount describe recommend
support oppose back echo repeat reiterate promote tout suggest offer release publish
list portray remind order voice quote reference credit chide deem recite email congratulate
invoke thank compare contrast distance liken rebut assail dub preach deride herald lambast bash
savage repudiate articulate attribute bemoan document broadcast circulate forward retweet pitch
justify berate castigate scold excoriate vilify demonize demonise taunt insult smear disparage
belittle extol laud commend salute admonish reprimand float
express report show verify
recall prefer disclose explain declare
""".split())

# Verbs whose content is an infinitive (xcomp): "vowed to punish", "urged them to leave".
# Not "invite": "invited her to visit" is an act, not something said (PolNeAR train: 1 of 7
# annotated).
XCOMP_VERBS = frozenset("vow promise pledge threaten urge refuse decline ask call plan hope want seek intend wish agree encourage aim prefer tell warn order advise instruct implore beg challenge press remind".split())

# Words a reported clause needs no "that" for, but that are too common to be cues on their own
# (they must have a clausal complement to count).
WEAK_VERBS = frozenset("know think feel hope find see show expect believe understand learn hear realize realise wonder agree continue decide determine rule point recognize recognise share calculate reckon assess judge".split())

# "point out that", "lay out", "spell out": particle verbs whose cue lemma includes the particle.
PARTICLE_CUES = {("point", "out"): "point out", ("make", "clear"): "make clear"}

# Nouns whose "that" clause is something said or held: "his claim that ...", "the statement
# that ...". From PolNeAR train nouns with a "that" clause, kept where at least about 2 in 5 were
# annotated cues ("idea", "notion", "evidence" were not).
REPORT_NOUNS = frozenset("""
claim statement suggestion complaint assertion remark speculation agreement admission assumption
doubt hope warning belief concern confidence allegation insistence contention prediction promise
pledge vow announcement report rumor rumour charge denial acknowledgment acknowledgement
conclusion finding recommendation reminder message fear expectation testimony theory view
position demand argument accusation
""".split())

# "issued a statement saying ...": verbs that put out a statement, and the statements, whose
# participle ("saying", "calling") PolNeAR annotates as one cue with the verb, the verb's
# subject the source.
ISSUE_VERBS = frozenset("issue release put send post publish circulate distribute".split())
STATEMENT_NOUNS = frozenset("statement release announcement communique remarks memo note".split())

# "released a new ad attacking ...", "sent a letter that urges ...": what a put-out document
# says; PolNeAR's cue runs from the putting-out verb to the verb that describes the document,
# whatever that verb is ("released a robocall spotlighting"), the putter-out the source.
DOCUMENT_VERBS = ISSUE_VERBS | frozenset("launch air run unveil email write".split())
DOCUMENT_NOUNS = STATEMENT_NOUNS | frozenset("""
ad advertisement video letter email report memo message story column op-ed robocall website data
study book editorial tweet mailer brochure commercial spot petition list analysis document paper
""".split())

# Light verbs that with a noun of saying or holding make one cue: "made the case that",
# "expressed concern about", "made several statements on" (PolNeAR train cues; the cue runs
# from the verb to the noun, or to the noun's preposition when the content is its object).
LIGHT_VERBS = frozenset("make express voice offer raise".split())
CUE_NOUNS = REPORT_NOUNS | frozenset("""
case point comment remark statement allegation mention reference confidence concern frustration
skepticism scepticism doubt opposition apology criticism argument assurance plea appeal
prediction pledge promise vow threat accusation complaint objection reservation optimism
""".split())
NOUN_PREPS = frozenset("about on of against over at for that regarding".split())

# Adjectives of a stance that, after "be", take what is held as a clause, an infinitive or a
# preposition's object: "is eager to", "was critical of", "is confident that" (PolNeAR train:
# these were cues in at least 2 of 5 uses; "likely", "able", "ready", "clear" were not).
ATTITUDE_ADJECTIVES = {
    "eager": {"xcomp"}, "critical": {"of"}, "skeptical": {"of", "about"}, "sceptical": {"of", "about"},
    "aware": {"ccomp", "of"}, "concerned": {"ccomp", "about"}, "confident": {"ccomp", "in"},
    "hopeful": {"ccomp"}, "adamant": {"ccomp"}, "worried": {"ccomp", "about"}, "proud": {"ccomp", "of"},
    "glad": {"ccomp"}, "reluctant": {"xcomp"}, "inclined": {"xcomp"}, "convinced": {"ccomp"},
    "supportive": {"of"}, "dismissive": {"of"}, "optimistic": {"ccomp", "about"},
    "pessimistic": {"about"}, "insistent": {"ccomp"}, "afraid": {"ccomp"}, "fearful": {"ccomp"},
}

# An agentless passive of these tells of an act, not of anyone's claim: "residents were ordered to
# evacuate", "were urged to seek shelter", "the company was warned", "what was described as a
# banging noise", "resources have been focused on the area", "the embassy was attacked", "after
# the story was published". (A judgement, "was blamed for", "was criticized", stays a claim.)
ACT_PASSIVES = frozenset("order urge warn advise instruct describe focus attack publish".split())

# Passive report verbs without an agent give an unattributed claim ("It was reported that").
UNATTRIBUTED_VERBS = frozenset("report say claim announce confirm rumor rumour believe understand know learn reveal expect allege suggest estimate".split())

# Sources that name no one: "the media reported", "reports say".
UNNAMED_HEADS = frozenset("""
media report reports source sources official officials people observer observers expert
experts analyst analysts critic critics witness witnesses resident residents insider insiders
poll polls survey surveys study studies it someone anyone
""".split())

# Lines that are navigation, not article text ("Watch more: ...", "Read also: ...").
TEASER_PREFIXES = ("watch more", "read more", "read also", "also read", "see also", "related:", "watch:", "photo:", "video:", "advertisement")

# Verbs that answer another's claim by rejecting or withholding (the core that the answering
# lists of `attribution` and `reported` share): the claim they name stands with its maker.
ANSWERING = frozenset("deny reject dismiss dispute refute decline refrain".split())
