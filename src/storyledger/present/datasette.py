"""Datasette-ready: the shipped `datasette-metadata.json` (readable labels for the foreign keys,
full-text search on claims, descriptions and facets) for a ledger file of any name."""
from __future__ import annotations

import json
from pathlib import Path

METADATA = Path(__file__).with_name("datasette-metadata.json")


def datasette_metadata(db: str | Path = "ledger.db") -> dict:
    """The metadata with its database key set to the name Datasette gives `db` (the file's stem)."""
    meta = json.loads(METADATA.read_text(encoding="utf-8"))
    tables = meta["databases"].pop("ledger")
    meta["databases"][Path(db).stem] = tables
    return meta
