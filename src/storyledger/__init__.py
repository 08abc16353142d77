"""storyledger: attributed claims from news articles, linked across a developing story.

The public API: `read()` documents, `extract()` the claims of one, `extract_many()` for many,
`extract_batch()` over plain dicts (the parallel path), `annotate()` for time expressions,
places, quantities and entities, and `Options` (with its `Limits`) for a run.
"""
from __future__ import annotations

from .attribution import Claim, Source
from .documents import Document, ReadError, read
from .limits import Limits
from .pipeline import DocumentError, Options, annotate, annotate_many, extract, extract_batch, extract_many

__all__ = ["Claim", "Document", "DocumentError", "Limits", "Options", "ReadError", "Source", "annotate", "annotate_many", "extract", "extract_batch", "extract_many", "read"]
__version__ = "0.1.0"
