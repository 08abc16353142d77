from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "data" / "000_5a9cac7b8d2db75a.txt"


@pytest.fixture(scope="session")
def nlp():
    from storyledger.nlp import load

    return load()


@pytest.fixture(scope="session")
def claims_of(nlp):
    """Claims of a hand-written text, as dicts."""
    from storyledger.documents import text_document
    from storyledger.pipeline import Options, claims_of as run

    def go(text: str, published: str | None = "2024-10-28") -> list[dict]:
        doc = text_document("t.txt", text)
        if published:
            from dataclasses import replace

            doc = replace(doc, published=published)
        return [c.to_dict() for c in run(nlp(text), doc, Options())]

    return go
