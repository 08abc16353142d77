"""RSS and Atom feeds (feedparser) from files or fetched bytes (`fetch`): one document per entry.

An entry's text is its full content where the feed carries it (`content:encoded`, Atom
`content`), else its summary, as plain text with one paragraph per block element. Its id is the
entry's `id`/`guid` (else its link, else `FILE#N`); `published` the day of its publication
(or update) date in UTC; `outlet` the feed's title.
"""
from __future__ import annotations

import io
import re
from collections.abc import Iterator

from ..limits import Limits, TimeLimit, time_limit
from . import Document, ReadError, check_text, compressed

BLOCK = re.compile(r"(?i)<\s*(?:/?p|br|/?div|/?li|/?h[1-6]|/?blockquote|/?tr)\b[^>]*>")


def read_feed(name: str, data: bytes, limits: Limits | None = None) -> Iterator[Document | ReadError]:
    import feedparser

    limits = limits or Limits()
    kind = compressed(data)
    if kind:
        yield ReadError(name, f"it is {kind}; storyledger does not decompress input (decompress it first).")
        return
    try:
        with time_limit(limits.timeout):
            feed = feedparser.parse(io.BytesIO(data), resolve_relative_uris=False, sanitize_html=True)
    except TimeLimit:
        yield ReadError(name, f"parsing the feed took over the time limit of {limits.timeout:g} s.")
        return
    if not feed.entries:
        problem = feed.get("bozo_exception")
        what = "it holds no feed entries" if feed.get("version") else "it is not an RSS or Atom feed"
        yield ReadError(name, what + (f" ({type(problem).__name__}: {str(problem)[:100]})." if problem else "."))
        return
    outlet = feed.feed.get("title") or None
    for n, entry in enumerate(feed.entries, 1):
        doc_id = entry.get("id") or entry.get("link") or f"{name}#{n}"
        body = next((c.get("value") for c in entry.get("content") or [] if c.get("value")), None) or entry.get("summary") or ""
        parsed = entry.get("published_parsed") or entry.get("updated_parsed")
        doc = Document(
            id=doc_id,
            text=plain_text(body),
            published=f"{parsed.tm_year:04d}-{parsed.tm_mon:02d}-{parsed.tm_mday:02d}" if parsed else None,
            title=entry.get("title") or None,
            url=entry.get("link") or None,
            outlet=outlet,
        )
        checked = check_text(doc, limits)
        yield ReadError(f"{name}#{n} ({doc_id})", checked.reason) if isinstance(checked, ReadError) else checked


def plain_text(html: str) -> str:
    """An HTML fragment as text: block elements become paragraph breaks, entities are decoded."""
    if "<" not in html and "&" not in html:
        return html.strip()
    import lxml.html

    marked = BLOCK.sub("\n\n", html)
    try:
        text = lxml.html.fromstring(f"<div>{marked}</div>").text_content()
    except Exception:  # lxml refuses some fragments (e.g. only a comment): keep the text as given
        text = re.sub(r"<[^>]*>", "", marked)
    paragraphs = (" ".join(p.split()) for p in re.split(r"\n\s*\n", text))
    return "\n\n".join(p for p in paragraphs if p)
