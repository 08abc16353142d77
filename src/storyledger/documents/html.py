"""HTML articles: the main text via trafilatura (offline), title, date and site from metadata,
the language from the page's `lang` attribute (else the identifier's, `documents.language`)."""
from __future__ import annotations

import re

from . import Document, ReadError
from .language import language_of

# The `lang` (or `xml:lang`) attribute of the <html> element.
HTML_LANG = re.compile(r"""<html\b[^>]*?\s(?:xml:)?lang\s*=\s*["']?\s*([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)*)""", re.I)


def html_document(name: str, html: str) -> Document | ReadError:
    import trafilatura

    try:
        text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True)
        meta = trafilatura.extract_metadata(html)
    except Exception as e:  # trafilatura raises many kinds on broken markup
        return ReadError(name, f"the HTML could not be parsed ({type(e).__name__}).")
    if not text:
        return ReadError(name, "no article text was found in the HTML.")
    return Document(
        id=name,
        text=text,
        published=(meta.date if meta and meta.date else None),
        title=(meta.title if meta and meta.title else None),
        url=(meta.url if meta and meta.url else None),
        outlet=(meta.sitename if meta and meta.sitename else None),
        language=language_of(text, page_language(html), template=True),
    )


def page_language(html: str) -> str | None:
    """The language tag the page's <html> element states, if any."""
    m = HTML_LANG.search(html[:100_000])
    return m.group(1) if m else None
