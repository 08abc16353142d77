"""The quality gate for extraction: the shared scorers on the seed and PolNeAR dev must not fall
below the floors in floors.json (floors only rise)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SHARED

FLOORS = json.loads((Path(__file__).parent / "floors.json").read_text())

pytestmark = [pytest.mark.model, pytest.mark.slow]


def extract(paths: list[Path], out: Path) -> None:
    subprocess.run([sys.executable, "-m", "storyledger", "extract", *map(str, paths), "-o", str(out)], check=True)


def score(script: str, *args: Path) -> dict:
    r = subprocess.run([sys.executable, str(SHARED / "eval" / script), *map(str, args), "--json"], check=True, capture_output=True, text=True)
    return json.loads(r.stdout)


@pytest.mark.shared("data/000_5a9cac7b8d2db75a.gold.json", "eval/score_seed.py")
def test_seed_floors(tmp_path):
    gold = SHARED / "data" / "000_5a9cac7b8d2db75a.gold.json"
    out = tmp_path / "claims.jsonl"
    extract([gold.with_name("000_5a9cac7b8d2db75a.txt")], out)
    r = score("score_seed.py", gold, out)
    assert r["f1"] >= FLOORS["seed_claim_f1"]
    for field in ("source", "cue", "mode", "stance", "polarity", "evaluation", "said_on", "quantities", "places"):
        assert r["fields"][field] >= FLOORS[f"seed_{field}"], field


@pytest.mark.shared("data/polnear", "eval/score_attribution.py")
def test_polnear_dev_floors(tmp_path):
    data = SHARED / "data" / "polnear"
    out = tmp_path / "claims.jsonl"
    extract([data / "dev.docs.jsonl"], out)
    r = score("score_attribution.py", data / "dev.docs.jsonl", data / "dev.gold.jsonl", out)
    for role in ("content", "source", "cue"):
        assert r[role]["overlap"]["f1"] >= FLOORS[f"polnear_dev_{role}_overlap_f1"], role
    assert r["content"]["exact"]["f1"] >= FLOORS["polnear_dev_content_exact_f1"]
