"""WARC archives (`.warc`, `.warc.gz`) via warcio: one document per archived HTML page.

Each `response` or `resource` record whose content type is HTML goes through the HTML reader
(decoded by `charset.decode_html`: BOM, the record's HTTP charset, `<meta charset>`, a detector;
then trafilatura); its id and `url` are the record's `WARC-Target-URI`. Other records (requests,
metadata, images) are passed over. A record body is read up to the HTML limit; the file stops,
named, once the records' declared lengths add up to more than `GZIP_FACTOR` bytes per allowed
character, so a compressed archive cannot make storyledger inflate without bound (warcio never
reads a record past its declared length).
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..limits import Limits
from . import GZIP_FACTOR, HTML_FACTOR, Document, ReadError, html_article
from .charset import decode_html


def read_warc(path: Path, name: str, limits: Limits | None = None) -> Iterator[Document | ReadError]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    limits = limits or Limits()
    body_cap, total_cap = 4 * HTML_FACTOR * limits.max_chars, GZIP_FACTOR * limits.max_chars
    total = 0
    n = 0
    try:
        with open(path, "rb") as f:
            for n, record in enumerate(ArchiveIterator(f), 1):
                if not str(record.format).startswith("warc"):  # warcio also takes old ARC files, and junk as ARC
                    yield ReadError(name, f"record {n} is not a WARC record: it is not a WARC archive (or it is damaged).")
                    return
                total += int(record.rec_headers.get_header("Content-Length") or 0)
                if total > total_cap:
                    yield ReadError(name, f"its records hold over {total_cap:,} bytes, the limit for an archive "
                                          f"({GZIP_FACTOR} bytes per allowed character); stopped at record {n}.")
                    return
                if record.rec_type not in ("response", "resource"):
                    continue
                headers = record.http_headers if record.rec_type == "response" else record.rec_headers
                ctype = (headers.get_header("Content-Type") if headers else None) or ""
                if "html" not in ctype.lower():
                    continue
                uri = record.rec_headers.get_header("WARC-Target-URI") or f"{name}#{n}"
                body = record.content_stream().read(body_cap + 1)
                if len(body) > body_cap:
                    yield ReadError(uri, f"the page has over {body_cap:,} bytes, over the limit for HTML.")
                    continue
                text = decode_html(body, uri, ctype)
                if isinstance(text, ReadError):
                    yield text
                    continue
                yield html_article(uri, text, limits, url=uri)
        if n == 0:
            yield ReadError(name, "it holds no WARC records.")
    except ArchiveLoadFailed as e:
        yield ReadError(name, f"it is not a readable WARC archive after record {n} ({str(e)[:150]}).")
