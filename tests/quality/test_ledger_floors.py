"""The quality gate for linking: the seed's propositions (B3) and contradictions through the
ledger must not fall below the floors in floors.json."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SHARED

FLOORS = json.loads((Path(__file__).parent / "floors.json").read_text())

pytestmark = [pytest.mark.model, pytest.mark.slow]


def cli(*args: str) -> str:
    return subprocess.run([sys.executable, "-m", "storyledger", *args], check=True, capture_output=True, text=True).stdout


@pytest.mark.shared("data/000_5a9cac7b8d2db75a.gold.json", "eval/score_seed.py")
def test_seed_proposition_floor(tmp_path):
    gold_path, scorer = SHARED / "data" / "000_5a9cac7b8d2db75a.gold.json", SHARED / "eval" / "score_seed.py"
    db = str(tmp_path / "l.db")
    cli("ingest", str(gold_path.with_name("000_5a9cac7b8d2db75a.txt")), "--db", db, "--quiet")
    out = tmp_path / "claims.jsonl"
    cli("claims", "--db", db, "-o", str(out))
    r = json.loads(subprocess.run([sys.executable, str(scorer), str(gold_path), str(out), "--json"],
                                  check=True, capture_output=True, text=True).stdout)
    assert r["f1"] >= FLOORS["seed_claim_f1"]  # the ledger keeps the claims exactly
    assert r["proposition_bcubed_f1"] >= FLOORS["seed_proposition_bcubed_f1"]
    gold = json.loads(gold_path.read_text())
    claims = [json.loads(line) for line in out.read_text().splitlines()]

    def gold_id(claim: dict) -> str | None:
        text = " ".join(claim["content"].lower().split())
        return next((g["id"] for g in gold["claims"] if " ".join(g["anchor"].lower().split()) in text), None)

    ids = {c["id"]: gold_id(c) for c in claims}
    rel = [json.loads(line) for line in cli("contradictions", "--db", db).splitlines()]
    found = {frozenset(ids[c] for c in r["claims"]) for r in rel}
    hits = sum(frozenset(c["between"]) in found for c in gold["contradictions"])
    assert hits >= FLOORS["seed_gold_contradictions_found"]
