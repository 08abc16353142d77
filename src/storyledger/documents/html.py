"""HTML articles: the main text via trafilatura (offline), title, date and site from metadata."""
from __future__ import annotations

from . import Document, ReadError


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
        language="en",
    )
