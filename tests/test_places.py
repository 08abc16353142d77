from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

from conftest import ROOT, SEED, SHARED

from storyledger.semantics.gazetteer import Gazetteer
from storyledger.semantics.places import Place, find_places

FLOORS = ROOT / "tests" / "quality" / "floors.json"


VOCAB = spacy.blank("en").vocab


def hand_doc(words: list[str], ents: list[str], tags: list[str] | None = None) -> Doc:
    spaces = [not (i + 1 < len(words) and words[i + 1] in ".,") for i in range(len(words))]
    return Doc(VOCAB, words=words, spaces=spaces, ents=ents, pos=tags)


def names(places: list[Place]) -> list[tuple[str, str, str | None]]:
    return [(p.text, p.name, p.country) for p in places]


def test_gazetteer_aliases_and_region_forms():
    gaz = Gazetteer.load()
    for text, name in [("Kursk region", "Kursk Oblast"), ("Kursk Oblast", "Kursk Oblast"),
                       ("Donetsk region", "Donetsk Oblast"), ("eastern Russia", "Russian Far East"),
                       ("Turkish", "Turkey"), ("Kiev", "Kyiv"), ("Kharkov", "Kharkiv"), ("U.S.", "United States")]:
        assert name in {gaz.entry(r).name for r in gaz.lookup(text)}, text


def test_pokrovsk_in_donetsk_region_is_the_ukrainian_town():
    doc = hand_doc(["Troops", "advanced", "on", "Pokrovsk", "in", "Donetsk", "region", "."],
                   ["O", "O", "O", "B-GPE", "O", "B-GPE", "O", "O"],
                   ["NOUN", "VERB", "ADP", "PROPN", "ADP", "PROPN", "NOUN", "PUNCT"])
    places = find_places(doc)
    assert names(places) == [("Pokrovsk", "Pokrovsk", "Ukraine"), ("Donetsk region", "Donetsk Oblast", "Ukraine")]
    pokrovsk = places[0]
    assert (pokrovsk.start, pokrovsk.end) == (19, 27) and pokrovsk.kind == "city"
    assert abs(pokrovsk.lat - 48.28) < 0.1 and abs(pokrovsk.lon - 37.18) < 0.1
    assert places[1].to_dict()["span"] == [31, 45] and places[1].kind == "region"


def test_place_to_dict_has_the_format_fields():
    p = Place(0, 5, "Breda", "Breda", "2758401", 51.59, 4.78, "Netherlands", "city")
    assert p.to_dict() == {"name": "Breda", "span": [0, 5], "text": "Breda", "geonames_id": "2758401",
                           "lat": 51.59, "lon": 4.78, "country": "Netherlands", "kind": "city"}


def test_demonym_and_state_context_without_a_model():
    doc = hand_doc(["Turkish", "troops", "left", "Georgia", "for", "Atlanta", ",", "Ga.", "today", "."],
                   ["B-NORP", "O", "O", "B-GPE", "O", "B-GPE", "O", "B-GPE", "B-DATE", "O"])
    got = names(find_places(doc))
    assert ("Turkish", "Turkey", "Turkey") in got
    assert ("Atlanta", "Atlanta", "United States") in got
    assert ("Georgia", "Georgia", "United States") in got  # the state, next to Atlanta, Ga.


@pytest.mark.model
def test_seed_article_places(nlp):
    text = SEED.read_text(encoding="utf-8")
    places = find_places(nlp(text))
    by_text = {}
    for p in places:
        assert text[p.start:p.end] == p.text
        by_text.setdefault(p.text, p)
    expected = {"Breda": "Breda", "Tehran": "Tehran", "Seoul": "Seoul", "far east (of Russia": "Russian Far East",
                "eastern Russia": "Russian Far East", "Kursk region": "Kursk Oblast", "Bryansk": "Bryansk Oblast",
                "Kursk regions": "Kursk Oblast", "Pokrovsk": "Pokrovsk", "Donetsk region": "Donetsk Oblast"}
    for text_, name in expected.items():
        assert text_ in by_text, text_
        assert by_text[text_].name == name, text_
    assert by_text["Pokrovsk"].country == "Ukraine"
    assert by_text["Breda"].country == "Netherlands"
    assert by_text["far east (of Russia"].kind == "area"
    assert by_text["Kursk region"].kind == "region"


@pytest.mark.model
def test_us_local_context(nlp):
    doc = nlp("Alexandria police arrested a man on Monday. The Rapides Parish Sheriff's Office said the fire "
              "was set in Pineville.")
    got = {p.text: p for p in find_places(doc)}
    assert got["Alexandria"].country == "United States" and abs(got["Alexandria"].lat - 31.31) < 0.2
    assert got["Rapides Parish"].kind == "region"


@pytest.mark.model
def test_model_misses_are_repaired_in_doc_ents(nlp):
    doc = nlp("Eighteen soldiers escaped on the border with Bryansk and Kursk regions.")
    assert {e.text for e in doc.ents if e.label_ == "GPE"} >= {"Kursk"}


def _figures(corpus: str, tmp_path) -> dict:
    geo, scorer = SHARED / "data" / "geo", SHARED / "eval" / "score_geo.py"
    out = tmp_path / f"{corpus}.jsonl"
    subprocess.run([sys.executable, str(ROOT / "bench" / "geo_eval.py"), str(geo / f"{corpus}.docs.jsonl"), str(out)],
                   check=True)
    r = subprocess.run([sys.executable, str(scorer), str(geo / f"{corpus}.gold.jsonl"), str(out), "--json"],
                       check=True, capture_output=True, text=True)
    return json.loads(r.stdout)


@pytest.mark.slow
@pytest.mark.model
@pytest.mark.shared("data/geo", "eval/score_geo.py")
@pytest.mark.parametrize("corpus", ["lgl", "trnews"])
def test_geo_floors(corpus, tmp_path):
    floors = json.loads(FLOORS.read_text())
    r = _figures(corpus, tmp_path)
    assert r["recognition"]["f1"] >= floors[f"geo_{corpus}_recognition_f1"]
    assert r["resolution_on_matches"]["acc161"] >= floors[f"geo_{corpus}_acc161"]
