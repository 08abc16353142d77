"""Quote finding on raw text: no model needed."""
from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from storyledger.attribution.quotes import find_quotes


def inner(text):
    return [text[q.start:q.end] for q in find_quotes(text)]


def test_straight_and_curly_quotes():
    assert inner('He said "we will stay" and left. \u201cNo,\u201d she said.') == ["we will stay", "No,"]


def test_unbalanced_quote_closes_at_paragraph_end():
    text = 'The mayor said: "the road is closed\n\nA new paragraph.'
    assert inner(text) == ["the road is closed"]
    (q,) = find_quotes(text)
    assert q.close_mark is None


def test_quote_over_paragraphs_reopens():
    text = '"First part of it.\n\n"Second part," she said.'
    assert inner(text) == ["First part of it.", "Second part,"]


def test_apostrophes_and_inch_marks_do_not_open_quotes():
    assert inner("It's the 12\" record that Ann's friend bought.") == []


@given(st.text(alphabet=st.sampled_from(list('ab "\u201c\u201d\n.,')), max_size=200))
def test_never_raises_and_spans_are_inside_the_text(text):
    for q in find_quotes(text):
        assert 0 < q.start <= q.end <= len(text)
        assert q.open_mark == q.start - 1


@pytest.mark.model
def test_empty_quotes_give_no_claims(claims_of):
    # fuzz finding: "" next to a cue gave claims with empty content and span (s, s)
    for text in ['Blige said """"""""""', 'The singer Blige said "" today.', 'He said "" and "  " again.']:
        assert [c for c in claims_of(text) if c["span"][0] >= c["span"][1]] == []


def test_two_apostrophes_as_a_double_mark():
    text = "''We will not back down,'' the mayor said of the students' protest."
    assert [t.strip("'") for t in inner(text)] == ["We will not back down,"]


def test_closing_mark_opening_a_paragraph():
    assert inner("\u201dWe stay here.\u201d \u2015 Ana Ruiz") == ["We stay here."]


def test_an_opening_mark_typed_where_the_quote_closes_closes_it():
    text = "\u201cThe levee will hold this spring,\u201c said the engineer. \u201cWe checked it twice.\u201d"
    quotes = find_quotes(text)
    assert [text[q.start:q.end] for q in quotes] == ["The levee will hold this spring,", "We checked it twice."]
