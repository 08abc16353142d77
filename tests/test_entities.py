"""Entity names: the pure name functions, then entities in hand-labelled Docs."""
from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from storyledger.nlp.names import canonical, fold, same_person
from storyledger.semantics.entities import Entity, document_names, find_entities


@pytest.mark.parametrize("name, expected", [
    ("DPRK", "North Korea"),
    ("North Korea's", "North Korea"),
    ("North Korea’s", "North Korea"),
    ("Zelensky", "Zelenskyy"),
    ("Zelenskiy", "Zelenskyy"),
    ("Zelenskyy", "Zelenskyy"),
    ("Volodymyr Zelensky", "Volodymyr Zelenskyy"),
    ("the Pentagon", "Pentagon"),
    ("US Department of Defense", "Pentagon"),
    ("U.S.", "United States"),
    ("US", "United States"),
    ("the United States", "United States"),
    ("Mr. Sikorski", "Sikorski"),
    ("Mrs. Clinton's", "Clinton"),
    ("Martin Luther King Jr.", "Martin Luther King"),
    ("N.Y.", "N.Y."),
    ("General Motors", "General Motors"),
    ("the Washington Post", "Washington Post"),
])
def test_canonical(name: str, expected: str) -> None:
    assert canonical(name) == expected


def test_titles_are_dropped_for_people_only() -> None:
    assert canonical("President Volodymyr Zelenskiy", "person") == "Volodymyr Zelenskyy"
    assert canonical("Foreign Minister Radoslaw Sikorski", "person") == "Radoslaw Sikorski"
    assert canonical("Defense Intelligence of Ukraine") == "Defense Intelligence of Ukraine"


def test_fold() -> None:
    assert fold("Zelenskiy") == fold("Zelenskyy") == fold("Zelensky") == "zelensky"
    assert fold("Radosław") == "radoslaw"


@pytest.mark.parametrize("a, b, expected", [
    ("Sikorski", "Radoslaw Sikorski", True),
    ("Zelensky", "Volodymyr Zelenskyy", True),
    ("Zelenskiy's", "Volodymyr Zelenskyy", True),
    ("Mr. Putin", "Vladimir Putin", True),
    ("H. Clinton", "Hillary Clinton", True),
    ("Hillary Clinton", "Bill Clinton", False),
    ("Lopez-Garcia", "Maria Lopez-Garcia", True),
    ("Ortega Villar", "Ana Ortega Villar", True),
    ("Ana Ortega Villar", "Luis Ortega Villar", False),
    ("Trump", "Clinton", False),
    ("Radosław Sikorski", "Radoslaw Sikorski", True),
    ("", "Sikorski", False),
])
def test_same_person(a: str, b: str, expected: bool) -> None:
    assert same_person(a, b) is expected
    assert same_person(b, a) is expected


# --- hand-labelled Docs ------------------------------------------------------------------------

VOCAB = Vocab()


def labelled(text: str) -> Doc:
    """A Doc from 'word/LABEL' tokens, B-/I- tags written as LABEL and +LABEL (continuation)."""
    words, ents = [], []
    for item in text.split():
        word, _, label = item.partition("/")
        words.append(word.replace("_", " ") if word != "_" else word)
        if not label:
            ents.append("O")
        elif label.startswith("+"):
            ents.append("I-" + label[1:])
        else:
            ents.append("B-" + label)
    return Doc(VOCAB, words=words, ents=ents)


SEED = labelled(
    "Polish/NORP Foreign Minister Radoslaw/PERSON Sikorski/+PERSON spoke . "
    "According to Sikorski/PERSON , the/ORG DPRK/+ORG sent troops . "
    "President Volodymyr/PERSON Zelensky/+PERSON and Zelenskiy/PERSON agreed ; "
    "the/ORG Pentagon/+ORG and the/ORG U.S./+ORG Department/+ORG of/+ORG Defense/+ORG "
    "said so on October/DATE 17/+DATE .")


def test_document_names_fold_within_the_document() -> None:
    names = document_names(SEED)
    assert names["Sikorski"] == "Radoslaw Sikorski"
    assert names["Radoslaw Sikorski"] == "Radoslaw Sikorski"
    assert names["DPRK"] == "North Korea"
    assert names["Zelenskiy"] == "Volodymyr Zelenskyy"
    assert names["Pentagon"] == names["U.S. Department of Defense"] == "Pentagon"
    assert "October 17" not in names


def test_find_entities_kinds_names_and_spans() -> None:
    got = find_entities(SEED)
    assert [(e.name, e.kind) for e in got] == [
        ("Polish", "group"), ("Radoslaw Sikorski", "person"), ("Radoslaw Sikorski", "person"),
        ("Volodymyr Zelenskyy", "person"), ("Volodymyr Zelenskyy", "person"),
        ("Pentagon", "organization"), ("Pentagon", "organization"),
    ]
    for e in got:
        assert SEED.text[e.start:e.end] == e.text
    assert got[5].text == "Pentagon"  # the leading "the" is not part of the span


def test_places_on_request() -> None:
    got = find_entities(SEED, kinds={"place"})
    assert [(e.text, e.name, e.kind) for e in got] == [("DPRK", "North Korea", "place")]


def test_earlier_surname_gets_later_full_name() -> None:
    doc = labelled("Rutte/PERSON spoke . NATO/ORG chief Mark/PERSON Rutte/+PERSON left .")
    assert [(e.text, e.name) for e in find_entities(doc)] == [
        ("Rutte", "Mark Rutte"), ("NATO", "NATO"), ("Mark Rutte", "Mark Rutte")]


def test_ambiguous_surname_goes_to_the_more_named() -> None:
    doc = labelled("Bill/PERSON Clinton/+PERSON met Hillary/PERSON Clinton/+PERSON . "
                   "Hillary/PERSON Clinton/+PERSON spoke . Clinton/PERSON won . "
                   "Hillary/PERSON smiled .")
    names = document_names(doc)
    assert names["Clinton"] == "Hillary Clinton"
    assert names["Hillary"] == "Hillary Clinton"


def test_mislabelled_surname_becomes_a_person() -> None:
    doc = labelled("Kyrylo/PERSON Budanov/+PERSON said it . Budanov/ORG added more .")
    assert [(e.name, e.kind) for e in find_entities(doc)] == [
        ("Kyrylo Budanov", "person"), ("Kyrylo Budanov", "person")]


def test_acronym_gets_the_organisation() -> None:
    doc = labelled("the/ORG Center/+ORG for/+ORG Countering/+ORG Disinformation/+ORG "
                   "( CCD/ORG ) said . CCD/ORG denied .")
    assert {e.name for e in find_entities(doc)} == {"Center for Countering Disinformation"}


def test_span_and_given_names() -> None:
    span = SEED[7:16]
    got = find_entities(span, {"Sikorski": "R. S.", "DPRK": "North Korea"})
    assert [(e.text, e.name) for e in got] == [("Sikorski", "R. S.")]


def test_to_dict() -> None:
    e = Entity(0, 8, "Sikorski", "Radoslaw Sikorski", "person")
    assert e.to_dict() == {"name": "Radoslaw Sikorski", "kind": "person", "span": [0, 8],
                           "text": "Sikorski"}


@pytest.mark.model
def test_model_document() -> None:
    from storyledger.nlp import load

    nlp = load()
    doc = nlp("Finnish Prime Minister Petteri Orpo met the head of NATO on Monday. "
              "Orpo told reporters that the U.S. would keep its promises. "
              "Mr. Orpo's office later said the talks were useful.")
    names = document_names(doc)
    people = {e.name for e in find_entities(doc) if e.kind == "person"}
    assert people == {"Petteri Orpo"}
    assert names.get("U.S.") == "United States"
