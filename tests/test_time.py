"""Tests of the TIMEX3 recogniser and normaliser (`storyledger.semantics.time`).

Sentences are written for these tests. Publication date: Monday 28 October 2024.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import spacy
from conftest import MEANTIME, ROOT, SHARED

from storyledger.semantics.time import Timex, find_timexes, timex_interval

PUB = "2024-10-28"
FLOORS = ROOT / "tests" / "quality" / "floors.json"


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


@pytest.fixture(scope="module")
def nlp():
    from storyledger import nlp as sl_nlp

    return sl_nlp.load()


def one(nlp, sentence: str, published: str | None = PUB, text: str | None = None) -> Timex:
    """The timex of `sentence` (the one whose text is `text`, when given)."""
    found = find_timexes(nlp(sentence), published)
    if text is not None:
        found = [t for t in found if t.text == text]
    assert len(found) == 1, found
    return found[0]


# --- no model needed -------------------------------------------------------------------------

def test_to_dict(blank):
    t = one(blank, "The treaty was signed on 3 March 2021 in Vienna.")
    assert t.to_dict() == {"span": [25, 37], "text": "3 March 2021", "type": "DATE", "value": "2021-03-03"}


@pytest.mark.parametrize("sentence,text,value", [
    ("Filings closed on April 2, 2019, officials said.", "April 2, 2019", "2019-04-02"),
    ("The plant opened in 2022 after delays.", "2022", "2022"),
    ("Output peaked in the 1990s and fell after.", "the 1990s", "199"),
    ("Prices were set in March 2023 by the regulator.", "March 2023", "2023-03"),
    ("The notice is dated 2024-09-30.", "2024-09-30", "2024-09-30"),
])
def test_absolute_dates(blank, sentence, text, value):
    t = one(blank, sentence)
    assert (t.text, t.type, t.value) == (text, "DATE", value)


def test_no_publication_date_keeps_what_the_text_says(blank):
    assert one(blank, "On October 17 the ministry issued a statement.", None).value == "XXXX-10-17"
    assert one(blank, "The deal closed in 2022.", None).value == "2022"


@pytest.mark.model
def test_numbers_that_are_not_years(nlp):
    assert find_timexes(nlp("The firm cut 2000 jobs and paid $1999 each."), PUB) == []


@pytest.mark.parametrize("value,text,expected", [
    ("2024-10-17", "October 17", "2024-10-17"),
    ("2024-10", "early October", ["2024-10-01", "2024-10-10"]),
    ("2024-10", "mid-October", ["2024-10-11", "2024-10-20"]),
    ("2024-10", "late October", ["2024-10-21", "2024-10-31"]),
    ("2024-10", "October", ["2024-10-01", "2024-10-31"]),
    ("2024-10-27", "October 27-28", ["2024-10-27", "2024-10-28"]),
    ("2024", "2024", ["2024-01-01", "2024-12-31"]),
    ("2024-W43", "last week", ["2024-10-21", "2024-10-27"]),
    ("2024-Q3", "the third quarter", ["2024-07-01", "2024-09-30"]),
    ("2024-10-27T14:00", "2 p.m. Sunday", "2024-10-27"),
    ("P3Y", "three years", None),
    ("P1W", "every week", None),
    ("PAST_REF", "recently", None),
    ("XXXX-10-17", "October 17", None),
])
def test_interval(value, text, expected):
    typ = "DURATION" if value.startswith("P") and not value.endswith("_REF") else "DATE"
    if text == "every week":
        typ = "SET"
    assert timex_interval(Timex(0, len(text), text, typ, value)) == expected


def rule_matches_without_their_words(text: str) -> list[tuple[str, str]]:
    """(rule, match) pairs whose match lacks a word of one of the rule's `_RULE_WORDS` groups."""
    from storyledger.semantics.time import _COMPILED, _WORD_GROUPS, _folded

    misses = []
    for name, rx in _COMPILED:
        for m in rx.finditer(text):
            folded = _folded(m.group())
            if not all(any(w in folded for w in group) for group in _WORD_GROUPS[name]):
                misses.append((name, m.group()))
    return misses


def run_scan_differences(text: str) -> list[str]:
    """Rules of `_BY_RUN` whose matches, scanned run by run, differ from those of the whole text."""
    from storyledger.semantics.time import _BY_RUN, _COMPILED, _runs

    differ = []
    for name, rx in _COMPILED:
        if name in _BY_RUN:
            whole = [(m.span(), m.groupdict()) for m in rx.finditer(text)]
            runs = [(m.span(), m.groupdict()) for a, b in _runs(text) for m in rx.finditer(text, a, b)]
            differ += [name] if runs != whole else []
    return differ


def test_every_rule_has_its_words():
    from storyledger.semantics.time import _COMPILED, _RULE_WORDS

    assert set(_RULE_WORDS) == {name for name, _ in _COMPILED}


def test_rule_words_skip_no_match(blank):
    """A rule is skipped in a text without its words: that must never lose a match."""
    text = ("On Monday, Oct. 3, 2016 at 9:30 a.m. EDT, about three weeks ago, in the 1990s and the "
            "nineties, the 21st century, the first quarter of 2015, a year earlier, last spring, "
            "winter 2019, this morning, yesterday at noon, each Friday, every two weeks, twice a "
            "year, the past few years, a five-year plan, for decades, days, Christmas 2020, at "
            "year-end, the same period last year, 10/12/2016, 2016-10-03, two thousand and nine, "
            "the 2016 fiscal year, right now, earlier this month, the past year or so, "
            "\u0130N TWO DAYS, \u017fix \u017fECONDS ago, ST. NICK'S DAY")
    assert rule_matches_without_their_words(text) == []
    assert find_timexes(blank(text), PUB)  # and the document is scanned as before


def test_runs_cut_no_match():
    text = ("(two weeks) \u201cthree months\u201d five days, old; six years ago, than that: the past "
            "year\u2014the next four decades! 3.5 years? ten days-old two\nyears ago this week, or so")
    assert run_scan_differences(text) == []


@pytest.mark.slow
@pytest.mark.parametrize("corpus", ["examples"] + [pytest.param(c, marks=pytest.mark.shared(f"data/{c}.docs.jsonl"))
                                                 for c in ("timex/tbaq", "timex/meantime", "polnear/dev")])
def test_rule_words_and_runs_lose_no_match(corpus):
    path = MEANTIME if corpus == "examples" else SHARED / "data" / f"{corpus}.docs.jsonl"
    for line in path.read_text(encoding="utf-8").splitlines():
        text = json.loads(line)["text"]
        assert rule_matches_without_their_words(text) == []
        assert run_scan_differences(text) == []


# --- with the real model ---------------------------------------------------------------------

@pytest.mark.model
@pytest.mark.parametrize("sentence,text,typ,value", [
    ("On October 17 the ministry said the bridge had been hit.", "October 17", "DATE", "2024-10-17"),
    ("Deliveries could start as early as November 1, the company said.", "November 1", "DATE", "2024-11-01"),
    ("The minister resigned last week.", "last week", "DATE", "2024-W43"),
    ("The convoy was stopped two days ago near the border.", "two days ago", "DATE", "2024-10-26"),
    ("The company was founded in 2022.", "2022", "DATE", "2022"),
    ("Shelling intensified earlier this month.", "earlier this month", "DATE", "2024-10"),
    ("Sales fell in the third quarter.", "the third quarter", "DATE", "2024-Q3"),
    ("The ceasefire held for three years.", "three years", "DURATION", "P3Y"),
    ("Prices rose over the past two weeks.", "the past two weeks", "DURATION", "P2W"),
    ("The figures are published every week.", "every week", "SET", "P1W"),
    ("The fee is paid annually.", "annually", "SET", "P1Y"),
    ("The bridge is now closed to traffic.", "now", "DATE", "PRESENT_REF"),
    ("The army recently moved its units.", "recently", "DATE", "PAST_REF"),
    ("Nobody can say what the future holds.", "the future", "DATE", "FUTURE_REF"),
    ("Officials met yesterday in Geneva.", "yesterday", "DATE", "2024-10-27"),
    ("The vote is expected next year.", "next year", "DATE", "2025"),
    ("Turnout fell last month.", "last month", "DATE", "2024-09"),
    ("The strike ended at 10:30 a.m. on Saturday.", "10:30 a.m.", "TIME", "2024-10-26T10:30"),
    ("Exports collapsed in the 1990s.", "the 1990s", "DATE", "199"),
    ("The storm hit last summer.", "last summer", "DATE", "2023-SU"),
])
def test_news_expressions(nlp, sentence, text, typ, value):
    t = one(nlp, sentence, text=text)
    assert (t.type, t.value) == (typ, value)
    assert nlp(sentence).text[t.start:t.end] == text


@pytest.mark.model
def test_weekday_follows_tense(nlp):
    assert one(nlp, "The mayor spoke to reporters on Tuesday.").value == "2024-10-22"
    assert one(nlp, "The mayor will speak to reporters on Tuesday.").value == "2024-10-29"
    t = one(nlp, "The mayor spoke to reporters on Tuesday.")
    assert t.text == "Tuesday"  # TimeML leaves "on" out


@pytest.mark.model
def test_month_day_follows_tense(nlp):
    assert one(nlp, "The shipment arrived on December 3.").value == "2023-12-03"
    assert one(nlp, "The shipment will arrive on December 3.").value == "2024-12-03"


@pytest.mark.model
def test_ranges_and_parts_of_month(nlp):
    t = one(nlp, "Talks took place October 27-28 in Doha.")
    assert t.text == "October 27-28"
    assert timex_interval(t) == ["2024-10-27", "2024-10-28"]
    t = one(nlp, "The offensive began in early October.")
    assert t.text == "early October"
    assert timex_interval(t) == ["2024-10-01", "2024-10-10"]


@pytest.mark.model
def test_modal_may_is_not_a_month(nlp):
    assert find_timexes(nlp("Prices may rise, analysts said."), PUB) == []


@pytest.mark.model
def test_ages_are_not_durations(nlp):
    assert find_timexes(nlp("The 6-year-old boy was found."), PUB) == []


# --- the quality gate ------------------------------------------------------------------------

def _figures(corpus: str, tmp_path: Path) -> dict:
    data, scorer = SHARED / "data" / "timex", SHARED / "eval" / "score_timex.py"
    out = tmp_path / f"{corpus}.jsonl"
    subprocess.run([sys.executable, str(ROOT / "bench" / "timex_eval.py"), str(data / f"{corpus}.docs.jsonl"),
                    str(out)], check=True, capture_output=True)
    res = subprocess.run([sys.executable, str(scorer), str(data / f"{corpus}.gold.jsonl"), str(out), "--json"],
                         check=True, capture_output=True, text=True)
    return json.loads(res.stdout)


@pytest.mark.slow
@pytest.mark.model
@pytest.mark.shared("data/timex", "eval/score_timex.py")
@pytest.mark.parametrize("corpus", ["tbaq", "meantime"])
def test_timex_floors(corpus, tmp_path):
    floors = json.loads(FLOORS.read_text())
    r = _figures(corpus, tmp_path)
    assert r["strict"]["f1"] >= floors[f"timex_{corpus}_strict_f1"]
    assert r["relaxed"]["f1"] >= floors[f"timex_{corpus}_relaxed_f1"]
    assert r["value"]["f1"] >= floors[f"timex_{corpus}_value_f1"]
