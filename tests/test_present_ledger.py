"""What link stores for the web app (each proposition's timeline, sources for and against, last
change) equals what the ledger computes from the claims, on a real linked ledger with copies."""
from __future__ import annotations

from dataclasses import replace

import pytest

from storyledger.documents import read
from storyledger.ledger import Ledger
from storyledger.present import data

from conftest import SEED

pytestmark = pytest.mark.model


def test_stored_timelines_equal_computed_ones(tmp_path):
    seed = next(read([str(SEED)]))
    copy = replace(seed, id="copy-of-seed", published="2024-10-29", outlet="Relay")
    with Ledger(tmp_path / "l.db") as ledger:
        ledger.ingest([seed, copy])
        rows = ledger.propositions()
        assert rows and ledger.stats()["copies"] == 1
        for p in rows:
            stored, live = ledger.proposition(p["id"]), ledger.proposition(p["id"], stored=False)
            assert stored == live
        page = ledger.proposition(rows[0]["id"], limit=1, offset=1)
        assert len(page["claims"]) == 1 and page["n_claims"] == rows[0]["claims"]
        assert any(ledger.proposition(p["id"])["copies"] for p in rows)
        stored_overview = data.overview(ledger)["propositions"]
        ledger.db.execute("UPDATE propositions SET n_for = NULL, n_against = NULL, changed_on = NULL")
        assert data.overview(ledger)["propositions"] == stored_overview
