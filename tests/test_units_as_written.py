"""A quantity's unit is shown as written ("countries", "forces"), never as the stem that matches it (issue 17)."""
from __future__ import annotations

import csv
import json

import pytest

from storyledger.ledger.link import measure_key, unit_words, units
from storyledger.ledger.relations import Said, relate, unit_word
from storyledger.ledger.status import Position


def test_the_stem_is_the_key_and_the_word_as_written_is_kept_beside_it():
    claim = {"quantities": [{"text": "2 countries", "low": 2, "high": 2, "unit": "countries"},
                            {"text": "1,500 forces", "low": 1500, "high": 1500, "unit": "forces"}]}
    assert units(claim) == {"countri": (2.0, 2.0), "troops": (1500.0, 1500.0)}
    assert unit_words(claim) == {"countri": "countries", "troops": "forces"}
    assert measure_key("soldiers", "") == measure_key("soldier", "") == "troops" and measure_key("casualties", "") == "casualties"


def said(claim: str, source: int, low: float, word: str) -> Said:
    p = Position(claim, source, "person", "asserted", "positive", "2024-10-01", False, low, low)
    return Said(p, f"S{source}", {measure_key(word, ""): (low, low)}, words={measure_key(word, ""): word})


def test_a_disputed_number_and_a_propositions_unit_read_as_written():
    a, b = said("a", 1, 200, "casualties"), said("b", 2, 900, "casualties")
    (rel,) = [r for r in relate("p", [a, b]) if r.kind == "disputes_number"]
    assert rel.note == "S1: 200 casualties; S2: 900 casualties"
    assert unit_word([a, b], "casualties") == "casualties"
    x, y, z = said("x", 1, 10, "soldiers"), said("y", 2, 10, "soldiers"), said("z", 3, 1, "soldier")
    assert unit_word([z, x, y], "troops") == "soldiers" and unit_word([z, x], "troops") == "soldier"


@pytest.mark.model
def test_the_numbers_column_report_and_exports_show_words_not_stems(tmp_path, capsys):
    from storyledger.cli import main

    docs = tmp_path / "docs.jsonl"
    docs.write_text("\n".join(json.dumps(r) for r in [
        {"id": "a", "text": "NATO said that 12 countries sent about 1,500 forces to the border on Monday.", "published": "2024-10-01"},
        {"id": "b", "text": "Russia said that 30 countries sent 12,000 forces to the border on Monday.", "published": "2024-10-02"},
    ]), encoding="utf-8")
    db = str(tmp_path / "l.db")
    assert main(["ingest", str(docs), "--db", db, "--quiet"]) == 0
    capsys.readouterr()
    assert main(["propositions", "--db", db]) == 0
    table = capsys.readouterr().out
    assert "12-30 countries" in table and "countri " not in table
    assert main(["contradictions", "--db", db, "--format", "jsonl"]) == 0
    assert "NATO: 12 countries; Russia: 30 countries" in capsys.readouterr().out
    report = tmp_path / "r.html"
    assert main(["report", "--html", str(report), "--db", db]) == 0
    html = report.read_text(encoding="utf-8")
    assert "countries" in html and "countri<" not in html and "countri " not in html
    out = tmp_path / "x"
    assert main(["export", "--format", "csv", "--db", db, "-o", str(out)]) == 0
    (row,) = [r for r in csv.DictReader((out / "propositions.csv").open(encoding="utf-8")) if r["unit"]]
    assert row["unit"] == "countries"


def test_an_area_is_no_distance():
    # "searched 7,600 square miles" and "900 miles offshore" share a key, not a measure
    rel = relate("p", [said("a", 1, 900, "miles"), said("b", 2, 7600, "square miles"), said("c", 3, 10500, "square miles")])
    assert [(r.kind, set((r.a, r.b))) for r in rel if r.kind == "disputes_number"] == [("disputes_number", {"b", "c"})]


@pytest.mark.model
def test_square_units_are_read_whole():
    from storyledger.nlp import load
    from storyledger.semantics.quantities import find_quantities
    doc = load()("They searched an area 7,600 square miles in size, around 900 miles east of the cape, "
                 "and about 600 square kilometers were underwater.")
    assert [q.unit for q in find_quantities(doc)] == ["square miles", "miles", "square kilometers"]
