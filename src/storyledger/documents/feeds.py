"""RSS and Atom feeds (feedparser) from files or fetched bytes (`fetch`): one document per entry.

An entry's text is its full content where the feed carries it (`content:encoded`, Atom
`content`), else its summary, as plain text with one paragraph per block element. Its id is the
entry's `id`/`guid` (else its link, else `FILE#N`); `published` the day of its publication
(or update) date in UTC; `outlet` the feed's title; `language` the content's own (`xml:lang`),
else the feed's (`<language>`), else the identifier's. feedparser decodes the feed by its
XML declaration and, for a fetched feed, the HTTP `Content-Type` charset, which takes precedence.
"""
from __future__ import annotations

import io
import re
from dataclasses import replace
from collections.abc import Iterator

from ..limits import Limits, TimeLimit, time_limit
from . import Document, ReadError, check_text, compressed
from .charset import HTTP_CHARSET
from .language import language_of

BLOCK = re.compile(r"(?i)<\s*(?:/?p|br|/?div|/?li|/?h[1-6]|/?blockquote|/?tr)\b[^>]*>")


def read_feed(name: str, data: bytes, limits: Limits | None = None, content_type: str | None = None) -> Iterator[Document | ReadError]:
    import feedparser

    limits = limits or Limits()
    kind = compressed(data)
    if kind:
        yield ReadError(name, f"it is {kind}; storyledger does not decompress input (decompress it first).")
        return
    try:
        with time_limit(limits.timeout):
            feed = feedparser.parse(io.BytesIO(data), resolve_relative_uris=False, sanitize_html=True,
                                    response_headers=charset_header(content_type))
    except TimeLimit:
        yield ReadError(name, f"parsing the feed took over the time limit of {limits.timeout:g} s.")
        return
    if not feed.entries:
        problem = feed.get("bozo_exception")
        what = "it holds no feed entries" if feed.get("version") else "it is not an RSS or Atom feed"
        yield ReadError(name, what + (f" ({type(problem).__name__}: {str(problem)[:100]})." if problem else "."))
        return
    outlet = feed.feed.get("title") or None
    feed_language = feed.feed.get("language") or None
    for n, entry in enumerate(feed.entries, 1):
        doc_id = entry.get("id") or entry.get("link") or f"{name}#{n}"
        content = next((c for c in entry.get("content") or [] if c.get("value")), None)
        detail = entry.get("summary_detail") or {}
        body = content.get("value") if content else entry.get("summary") or ""
        stated = (content or detail).get("language") or feed_language
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
        if isinstance(checked, ReadError):
            yield ReadError(f"{name}#{n} ({doc_id})", checked.reason)
            continue
        yield replace(checked, language=language_of(checked.text, stated, template=True))


def charset_header(content_type: str | None) -> dict[str, str] | None:
    """The HTTP charset for feedparser, as an XML media type: only the charset is taken from the
    server (feeds are often served as text/html or text/plain, which feedparser would refuse)."""
    m = HTTP_CHARSET.search(content_type or "")
    return {"content-type": f"application/xml; charset={m.group(1)}"} if m else None


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
