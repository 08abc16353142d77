from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# The evaluation corpora and shared scorers live beside the checkout, not in it: only the quality
# floors use them, and they skip, naming the folder, when it is absent (.ci/run refuses to start).
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples"
SEED = EXAMPLES / "000_5a9cac7b8d2db75a.txt"
MEANTIME = EXAMPLES / "meantime-wikinews.jsonl"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test marked `shared(path, ...)` (paths under ../shared) is skipped, with one line naming the
    first missing folder or file, when they are absent; a skip mark keeps the test's own name and
    line in the summary."""
    for item in items:
        for mark in item.iter_markers("shared"):
            missing = next((m for path in map(SHARED.joinpath, mark.args)
                            for m in [*reversed(path.parents), path] if m.is_relative_to(SHARED) and not m.exists()), None)
            if missing:
                item.add_marker(pytest.mark.skip(reason=f"{missing} is missing (evaluation data kept beside the checkout, not in it)"))
                break


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
