"""What extraction remembers between batches stays bounded, however long the stream."""
from __future__ import annotations

import random

from storyledger import nlp as nlp_
from storyledger.documents import Document
from storyledger.pipeline import Options, parsed


def made_up_words(r: random.Random, n: int) -> list[str]:
    return ["".join(r.choice("bdgklmnprstvz") + r.choice("aeiou") for _ in range(4)) for _ in range(n)]


def test_the_lemmatizer_cache_is_cleared_past_its_limit(monkeypatch):
    """spaCy's lemmatizer remembers every word it has lemmatised; a stream of new words must not
    grow it without end (a `memory_zone` does not clear it)."""
    monkeypatch.setattr(nlp_, "LEMMA_CACHE_LIMIT", 100)
    r = random.Random(3)
    # plural nouns: a singular is its own lemma and never cached
    docs = [Document(id=f"d{i}", text="Officials said the " + ", ".join(w + "s" for w in made_up_words(r, 20)) + " rose.")
            for i in range(40)]
    lemmatizer = nlp_.load(Options().model).get_pipe("lemmatizer")
    sizes = []
    for n, _ in enumerate(parsed(docs, Options(batch_size=4))):
        if n % 4 == 3:
            sizes.append(len(lemmatizer.cache))
    assert max(sizes) <= 100 + 4 * 25  # the limit, plus one batch's new words
    assert sum(size > 0 for size in sizes) >= len(sizes) - 1  # it still caches between clears


def test_used_up_docs_are_freed_without_the_cycle_collector():
    """A batch's Docs must go when their batch is done: the per-Doc caches keep Spans, which
    refer to their Doc, and a Doc in such a cycle waits for a full collection, which on a long run
    almost never comes (they piled up to 1.2 GB over 400 PolNeAR articles)."""
    import gc

    from spacy.tokens import Doc

    from storyledger.nlp.cache import ents_of, sents_of

    docs = [Document(id=f"d{i}", text="The minister said on Monday that Kyiv was shelled. Officials in Paris denied it.")
            for i in range(24)]
    gc.collect()
    gc.disable()
    try:
        for doc, _ in parsed(docs, Options(batch_size=4)):
            sents_of(doc), ents_of(doc)  # what the rules cache, as they do
        alive = sum(isinstance(o, Doc) for o in gc.get_objects())
    finally:
        gc.enable()
    assert alive <= 4  # at most the last batch's
