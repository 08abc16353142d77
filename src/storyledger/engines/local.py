"""The local engine: `extract_many` in this process (the default)."""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..documents import Document, ReadError
from ..pipeline import Options, extract_many
from . import Result


class LocalEngine:
    """`extract_many` here, one `nlp.pipe` stream; claims as dicts like the other engines."""

    def extract(self, documents: Iterable[Document], options: Options | None = None,
                failures: list[ReadError] | None = None) -> Iterator[Result]:
        for document, claims in extract_many(documents, options, failures):
            yield document, [c.record() for c in claims]

    def __enter__(self) -> "LocalEngine":
        return self

    def __exit__(self, *exc: object) -> None:
        pass
