"""Quantities: the number reader on plain words, then the Doc layer on hand-parsed Docs."""
from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from storyledger.semantics.quantities import Quantity, almost_step, find_quantities, read_number


def read(text: str) -> tuple:
    r = read_number(text.lower().split())
    assert r is not None, text
    return r.value, r.low, r.high, r.approx


@pytest.mark.parametrize("text, expected", [
    ("ten thousand", (10000, 10000, 10000, None)),
    ("eighteen", (18, 18, 18, None)),
    ("11,000", (11000, 11000, 11000, None)),
    ("1.5 million", (1500000, 1500000, 1500000, None)),
    ("a dozen", (12, 12, 12, None)),
    ("two dozen", (24, 24, 24, None)),
    ("twenty - five", (25, 25, 25, None)),
    ("twenty-five", (25, 25, 25, None)),
    ("two hundred and fifty thousand", (250000, 250000, 250000, None)),
    ("half a million", (500000, 500000, 500000, None)),
    ("one and a half million", (1500000, 1500000, 1500000, None)),
    ("a thousand", (1000, 1000, 1000, None)),
    ("3bn", (3000000000, 3000000000, 3000000000, None)),
    ("10k", (10000, 10000, 10000, None)),
    ("almost 11,000", (11000, 10000, 11000, "almost")),
    ("nearly 500", (500, 400, 500, "nearly")),
    ("almost 10,000", (10000, 9000, 10000, "almost")),
    ("close to 3 million", (3000000, 2900000, 3000000, "close to")),
    ("about 11,000", (11000, 11000, 11000, "about")),
    ("some 500", (500, 500, 500, "some")),
    ("about 4", (4, 4, 4, "about")),
    ("500 or so", (500, 500, 500, "or so")),
    ("more than 11,000", (11000, 11000, None, "more than")),
    ("over 200", (200, 200, None, "over")),
    ("at least 18", (18, 18, None, "at least")),
    ("11,000 or more", (11000, 11000, None, "or more")),
    ("up to 2,000", (2000, None, 2000, "up to")),
    ("as many as 10,000", (10000, None, 10000, "as many as")),
    ("fewer than four", (4, None, 4, "fewer than")),
    ("several thousand", (None, 2000, 9999, "several")),
    ("a few hundred", (None, 200, 500, "a few")),
    ("a few dozen", (None, 24, 60, "a few")),
    ("several hundred", (None, 200, 999, "several")),
    # a bound on a vague count keeps only the bound's side
    ("up to several hundred", (None, None, 999, "up to several")),
    ("at least hundreds", (None, 200, None, "at least hundreds")),
    ("a couple of thousand", (2000, 2000, 3000, "a couple of")),
    ("thousands", (None, 2000, 9999, "thousands")),
    ("hundreds", (None, 200, 999, "hundreds")),
    ("tens of thousands", (None, 20000, 99999, "tens of thousands")),
    ("hundreds of thousands", (None, 200000, 999999, "hundreds of thousands")),
    ("between 11,000 and 12,000", (None, 11000, 12000, "between")),
    ("between 11 and 12 million", (None, 11000000, 12000000, "between")),
    ("between 70 to 96", (None, 70, 96, "between")),
    ("70 to the full 96", (None, 70, 96, "to")),
    ("80 plus", (80, 80, None, "plus")),
    ("up to 96", (96, None, 96, "up to")),
    ("much lower than the 471", (471, None, 471, "much lower than")),
    ("10 to 15", (None, 10, 15, "to")),
    ("10 - 15", (None, 10, 15, "to")),
    ("two or three", (None, 2, 3, "or")),
])
def test_read_number(text: str, expected: tuple) -> None:
    assert read(text) == expected


def test_reader_stops_at_the_number() -> None:
    r = read_number("almost 11,000 soldiers from north korea".split())
    assert r is not None and r.end == 2
    assert read_number("hundreds of troops".split()).end == 1
    assert read_number("tens of thousands of people".split()).end == 3


def test_percent_and_money_are_read() -> None:
    r = read_number("about 40 percent".split())
    assert (r.value, r.low, r.high, r.percent) == (40, 40, 40, "percent")
    r = read_number("$ 3 billion".split())
    assert (r.value, r.currency) == (3000000000, "USD")
    r = read_number("5 percentage points".split())
    assert r.percent == "percentage points" and r.end == 3


@pytest.mark.parametrize("text", ["soldiers", "a few soldiers", "between them", "about it",
                                  "more than ever", "several soldiers"])
def test_not_numbers(text: str) -> None:
    assert read_number(text.split()) is None


def test_tallies_are_flagged() -> None:
    assert read_number("5 - 4".split()).score
    assert not read_number("4 - 5".split()).score


@pytest.mark.parametrize("n, step", [(11000, 1000), (500, 100), (10000, 1000), (3000000, 100000),
                                     (250, 10), (12, 1), (8, 1), (2000, 100), (1.5, 0.1)])
def test_almost_step(n: float, step: float) -> None:
    assert almost_step(n) == pytest.approx(step)


# --- the Doc layer, on hand-parsed Docs --------------------------------------------------------

VOCAB = Vocab()


def parsed(spec: str, ents: list[str] | None = None) -> Doc:
    """A Doc from lines 'word head dep pos tag [lemma]' (head an absolute index)."""
    rows = [line.split() for line in spec.strip().splitlines()]
    words = [r[0] for r in rows]
    spaces = [True] * len(rows)
    for k, w in enumerate(words[1:], 1):
        if w in (",", ".", "%") or words[k - 1] == "$":
            spaces[k - 1] = False
    spaces[-1] = False
    return Doc(VOCAB, words=words, spaces=spaces, heads=[int(r[1]) for r in rows],
               deps=[r[2] for r in rows], pos=[r[3] for r in rows], tags=[r[4] for r in rows],
               lemmas=[r[5] if len(r) > 5 else r[0].lower() for r in rows],
               ents=ents)


def dicts(doc: Doc) -> list[dict]:
    return [q.to_dict() for q in find_quantities(doc)]


TEN_THOUSAND = parsed("""
Russia 2 nsubj PROPN NNP
was 2 aux AUX VBD
training 2 ROOT VERB VBG
ten 4 compound NUM CD
thousand 7 nummod NUM CD
North 6 amod ADJ JJ
Korean 7 amod ADJ JJ
soldiers 2 dobj NOUN NNS
. 2 punct PUNCT .
""")


def test_seed_ten_thousand() -> None:
    assert dicts(TEN_THOUSAND) == [{"text": "ten thousand", "span": [20, 32], "value": 10000,
                                    "low": 10000, "high": 10000, "unit": "soldiers",
                                    "approx": None}]


def test_seed_several_thousand_and_almost() -> None:
    doc = parsed("""
Almost 1 advmod ADV RB
11,000 2 nummod NUM CD
soldiers 3 nsubj NOUN NNS
trained 3 ROOT VERB VBD
and 3 cc CCONJ CC
several 6 amod ADJ JJ
thousand 7 nummod NUM CD
soldiers 3 conj NOUN NNS
waited 3 conj VERB VBD
. 3 punct PUNCT .
""")
    qs = find_quantities(doc)
    assert [(q.text, q.value, q.low, q.high, q.unit, q.approx) for q in qs] == [
        ("Almost 11,000", 11000, 10000, 11000, "soldiers", "almost"),
        ("several thousand", None, 2000, 9999, "soldiers", "several"),
    ]
    assert doc.text[qs[0].start:qs[0].end] == "Almost 11,000"


def test_seed_eighteen_over_a_compound_nationality() -> None:
    # the parser sometimes hangs the number on the nationality word: climb to the noun
    doc = parsed("""
eighteen 2 nummod NUM CD
North 2 compound PROPN NNP
Korean 3 compound PROPN NNP
soldiers 4 nsubj NOUN NNS
died 4 ROOT VERB VBD
""")
    assert [(q.value, q.unit) for q in find_quantities(doc)] == [(18, "soldiers")]


def test_passive_subject_gives_the_verb() -> None:
    doc = parsed("""
18 2 nsubjpass NUM CD
were 2 auxpass AUX VBD
killed 2 ROOT VERB VBN
""")
    assert [(q.value, q.unit) for q in find_quantities(doc)] == [(18, "killed")]


def test_count_verb_subject_and_other_verbs() -> None:
    doc = parsed("""
At 1 advmod ADV RB
least 2 advmod ADV RBS
18 3 nsubj NUM CD
died 3 ROOT VERB VBD die
""")
    assert [(q.text, q.low, q.high, q.unit) for q in find_quantities(doc)] == [
        ("At least 18", 18, None, "died")]
    doc = parsed("""
The 1 det DET DT
two 2 nsubj NUM CD
met 2 ROOT VERB VBD meet
""")
    assert [(q.value, q.unit) for q in find_quantities(doc)] == [(2, None)]


def test_plural_scale_takes_the_object_of_of() -> None:
    doc = parsed("""
Tens 2 quantmod NOUN NNS
of 2 quantmod ADP IN
thousands 5 nsubj NOUN NNS
of 2 prep ADP IN
people 3 pobj NOUN NNS
fled 5 ROOT VERB VBD flee
""")
    assert [(q.text, q.low, q.high, q.unit) for q in find_quantities(doc)] == [
        ("Tens of thousands", 20000, 99999, "people")]


def test_between_range_is_one_quantity() -> None:
    doc = parsed("""
between 4 prep ADP IN
11,000 4 nummod NUM CD
and 1 cc CCONJ CC
12,000 1 conj NUM CD
troops 5 pobj NOUN NNS
arrived 5 ROOT VERB VBD
""")
    assert dicts(doc) == [{"text": "between 11,000 and 12,000", "span": [0, 25], "value": None,
                           "low": 11000, "high": 12000, "unit": "troops", "approx": "between"}]


def test_percent_and_money_units() -> None:
    doc = parsed("""
about 1 advmod ADV RB
40 2 nummod NUM CD
% 3 nsubj NOUN NN
backed 3 ROOT VERB VBD
$ 5 nmod SYM $
3 6 compound NUM CD
billion 3 dobj NUM CD
""")
    assert [(q.text, q.value, q.low, q.high, q.unit) for q in find_quantities(doc)] == [
        ("about 40%", 40, 40, 40, "percent"), ("$3 billion", 3000000000, 3000000000,
                                             3000000000, "USD")]


def test_currency_word_is_the_unit() -> None:
    doc = parsed("""
5 1 nummod NUM CD
dollars 1 ROOT NOUN NNS
""")
    assert [q.unit for q in find_quantities(doc)] == ["USD"]


def test_dates_years_times_and_ordinals_are_skipped() -> None:
    # no entity labels at all: the rules alone must see "October 17, 2024" as a date
    doc = parsed("""
On 4 prep ADP IN
October 0 pobj PROPN NNP
17 1 nummod NUM CD
, 1 punct PUNCT ,
in 4 prep ADP IN
2024 4 pobj NUM CD
the 7 det DET DT
11th 8 amod ADJ JJ
brigade 8 ROOT NOUN NN
""")
    assert find_quantities(doc) == []


def test_ner_date_and_time_are_skipped() -> None:
    doc = parsed("""
for 2 prep ADP IN
three 2 nummod NUM CD
days 2 ROOT NOUN NNS
""", ents=["O", "B-DATE", "I-DATE"])
    assert find_quantities(doc) == []


def test_durations_are_left_to_timexes() -> None:
    doc = parsed("""
after 2 prep ADP IN
18 2 nummod NUM CD
months 2 ROOT NOUN NNS
""")
    assert find_quantities(doc) == []


def test_year_can_still_count_soldiers() -> None:
    doc = parsed("""
2000 1 nummod NUM CD
soldiers 2 nsubj NOUN NNS
left 2 ROOT VERB VBD
""")
    assert [(q.value, q.unit) for q in find_quantities(doc)] == [(2000, "soldiers")]
    doc = parsed("""
the 2 det DET DT
2016 2 nummod NUM CD
election 2 ROOT NOUN NN
""")
    assert find_quantities(doc) == []


def test_identifiers_are_skipped() -> None:
    doc = parsed("""
under 1 prep ADP IN
Article 1 pobj PROPN NNP
5 1 nummod NUM CD
""")
    assert find_quantities(doc) == []
    doc = parsed("""
Ground 1 compound PROPN NNP
Zero 1 ROOT PROPN NNP
""", ents=["B-FAC", "I-FAC"])
    assert find_quantities(doc) == []


def test_tallies_and_determiner_one_are_skipped() -> None:
    doc = parsed("""
a 4 det DET DT
5 4 nummod NUM CD
- 3 punct PUNCT HYPH
4 1 prep NUM CD
decision 4 ROOT NOUN NN
""")
    doc_spaces = Doc(VOCAB, words=[t.text for t in doc], spaces=[True, False, False, True, False])
    assert find_quantities(doc) == [] and find_quantities(doc_spaces) == []
    doc = parsed("""
one 1 nummod NUM CD
reason 1 ROOT NOUN NN
""")
    assert find_quantities(doc) == []


def test_offsets_into_the_doc_from_a_span() -> None:
    span = TEN_THOUSAND[2:8]
    (q,) = find_quantities(span)
    assert TEN_THOUSAND.text[q.start:q.end] == "ten thousand" == q.text


def test_to_dict_fields() -> None:
    q = Quantity(0, 2, "18", 18, 18, 18, "killed", None)
    assert list(q.to_dict()) == ["text", "span", "value", "low", "high", "unit", "approx"]


# --- the real model, on hand-written sentences -------------------------------------------------

@pytest.mark.model
def test_model_sentences() -> None:
    from storyledger.nlp import load

    nlp = load()
    doc = nlp("Officials said nearly 2,500 volunteers and hundreds of police officers joined "
              "the search on March 3, 2021, while up to 40 percent of the town was flooded and "
              "damage reached $1.2 billion. Twelve people were rescued.")
    got = [(q.text, q.value, q.low, q.high, q.unit) for q in find_quantities(doc)]
    assert got == [
        ("nearly 2,500", 2500, 2400, 2500, "volunteers"),
        ("hundreds", None, 200, 999, "officers"),
        ("up to 40 percent", 40, None, 40, "percent"),
        ("$1.2 billion", 1200000000, 1200000000, 1200000000, "USD"),
        ("Twelve", 12, 12, 12, "people"),
    ]


@pytest.mark.model
def test_model_skips_non_counts() -> None:
    from storyledger.nlp import load

    nlp = load()
    doc = nlp("The 34-year-old was born in 1990 and lives at 12 Baker Street; he met them on "
              "the 4th of July under Section 230, after a 5-4 ruling and a 3:1 vote in John 3:16.")
    assert find_quantities(doc) == []


@pytest.mark.model
@pytest.mark.parametrize("sentence, expected", [
    # a time of day, in minutes after midnight, so that two sources' times compare as figures
    ("The gate failed at 03:12 on Friday, the engineers said.", ("03:12", 192, 192, "minutes after midnight")),
    ("The blast came at 4:40 AM local time.", ("4:40 AM", 280, 280, "minutes after midnight")),
    ("The alarm sounded at 9 p.m. on Monday.", ("9 p.m.", 1260, 1260, "minutes after midnight")),
    ("Residents heard the crash shortly before 5 a.m.", ("shortly before 5 a.m.", None, 300, "minutes after midnight")),
    ("Shots rang out between about 1:10 and 2 a.m.", ("between about 1:10 and 2 a.m.", 70, 120, "minutes after midnight")),
    ("The ferry left at 12:15 a.m.", ("12:15 a.m.", 15, 15, "minutes after midnight")),
    # an elapsed time into an event, or a duration in two units, in the smaller unit
    ("The plane vanished about two hours and 10 minutes into the flight.", ("about two hours and 10 minutes", 130, 130, "minutes")),
    ("The climbers were lost 3 days into the ascent.", ("3 days", 3, 3, "days")),
    ("The drill lasted an hour and a half.", None),
    # a multiple
    ("The lake is now twice the size of Luxembourg.", ("twice", 2, 2, "times the size")),
    ("Nearly three times as many people fled this year.", ("Nearly three times", 2.9, 3, "times")),
    # a negated lower bound is an upper one
    ("There is unlikely to be much more than 30 hours of fuel aboard.", ("much more than 30", None, 30, "hours")),
    ("The stock is not more than 12 days of food.", ("not more than 12", None, 12, "days")),
    ("Officials did not confirm more than 100 deaths.", ("more than 100", 100, None, "deaths")),
    # "A-to-B" written as one word after the hyphen
    ("The toll was at the top of the 200-to-400 range.", ("200-to-400", 200, 400, "range")),
])
def test_model_reads_times_multiples_and_turned_bounds(sentence: str, expected: tuple | None) -> None:
    from storyledger.nlp import load

    qs = [(q.text, q.low, q.high, q.unit) for q in find_quantities(load()(sentence))]
    if expected is None:
        assert qs == [], qs
    else:
        assert expected in qs, qs


@pytest.mark.model
@pytest.mark.parametrize("sentence, expected", [
    # a bare count takes what it is said to be as its unit
    ("The floods killed at least 10 people, with another 41 missing.", ("41", 41, 41, "missing")),
    ("Five were confirmed dead and 31 are missing.", ("31", 31, 31, "missing")),
    ("At least another eight are believed to have died.", ("At least another eight", 8, None, "died")),
    # a level crossed is a point; a level stated as under a mark is a bound
    ("If the level falls below 12.7 meters, the pumps stop.", ("below 12.7", 12.7, 12.7, "meters")),
    ("The level was below 13 metres on Friday.", ("below 13", None, 13, "metres")),
    ("Twelve were feared dead.", ("Twelve", 12, 12, "dead")),
    # a supply measured in time is a count of hours or days
    ("The capsule had between 70 to 96 hours of oxygen left.", ("between 70 to 96", 70, 96, "hours")),
    ("There is approximately 40 hours of remaining oxygen.", ("approximately 40", 40, 40, "hours")),
    ("The ship carried 4 days of food.", ("4", 4, 4, "days")),
    ("We expect somewhere between 70 to the full 96 hours available at this point.", ("between 70 to the full 96", 70, 96, "hours")),
    ("The craft has less than 24 hours of oxygen onboard.", ("less than 24", None, 24, "hours")),
    # a letter apart after a figure is million only after a currency: "16.4 m" is metres
    ("The water stood at 16.4 m on Monday.", ("16.4", 16.4, 16.4, "m")),
    ("The town was promised $1.5 m.", ("$1.5 m.", 1500000, 1500000, "USD")),
])
def test_model_reads_what_a_bare_count_is(sentence: str, expected: tuple) -> None:
    from storyledger.nlp import load

    qs = [(q.text, q.low, q.high, q.unit) for q in find_quantities(load()(sentence))]
    assert expected in qs, qs


@pytest.mark.model
def test_model_a_duration_is_still_no_count() -> None:
    from storyledger.nlp import load

    assert find_quantities(load()("The talks lasted 3 hours and the strike went on for two days.")) == []
    assert find_quantities(load()("The deal came after 5 days of talks.")) == []


@pytest.mark.model
def test_a_figure_the_number_of_something_reaches_counts_that_thing() -> None:
    from storyledger.nlp import load

    nlp = load()
    got = lambda text: [(q.low, q.high, q.unit) for q in find_quantities(nlp(text))]  # noqa: E731
    assert got("The number of Brazilian soldiers in Spain could reach 12,000 by April.") == [(12000, 12000, "soldiers")]
    assert got("The total of evacuated residents rose to 3,000 on Friday.") == [(3000, 3000, "residents")]
    assert got("The count of stranded cars stands at 150.") == [(150, 150, "cars")]
    assert got("The number of the bus was 12.") == [(12, 12, None)]  # a number that names, not counts
    # a toll counts the dead, as it rises or as an estimate puts it
    assert got("The death toll from the sinking rose to 20 on Tuesday.") == [(20, 20, "toll")]
    assert got("The coast guard put the final death toll at 31.") == [(31, 31, "toll")]
