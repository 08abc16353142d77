"""Feeds from URLs: one HTTP(S) GET with urllib, bounded in time and size, conditional on request.

The response body goes to the feed reader as a file's bytes would. A fetch that fails (no
connection, an HTTP error status, too large, too slow) is a `ReadError` naming the URL with one
sentence of why. `If-None-Match` / `If-Modified-Since` are sent when the caller has the feed's
`ETag` / `Last-Modified` from an earlier fetch (`storyledger watch`); a 304 answer has no body.
Entries are read from the feed's own content or summary: their web pages are not fetched.
"""
from __future__ import annotations

import http.client
import socket
import time
import urllib.error
import urllib.request
import zlib
from dataclasses import dataclass
from email.message import Message

from .. import __version__
from ..limits import Limits
from . import HTML_FACTOR, ReadError, is_url

# Seconds to wait for the whole response when the run has no time limit (`--timeout 0`). With a
# limit, a fetch gets the same time as reading one document.
FETCH_TIMEOUT = 60.0
CHUNK = 1 << 16
USER_AGENT = f"storyledger/{__version__} (feed reader; +https://pypi.org/project/storyledger/)"


def max_bytes(limits: Limits) -> int:
    """The largest response accepted: a feed may hold ten times the text limit, at 4 bytes a character."""
    return 4 * HTML_FACTOR * limits.max_chars + 4


@dataclass(frozen=True, slots=True)
class Fetched:
    """A feed as the server sent it: `status` 200 with its bytes, or 304 (not modified) without."""

    url: str
    status: int
    data: bytes = b""
    etag: str | None = None
    last_modified: str | None = None
    content_type: str | None = None  # the HTTP Content-Type, whose charset the feed reader honours


class NoOtherSchemes(urllib.request.HTTPRedirectHandler):
    """Redirects are followed to http(s) URLs only (urllib would also follow to ftp://)."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        if not is_url(newurl):
            raise urllib.error.HTTPError(newurl, code, f"a redirect to {newurl[:100]}, which is not http(s)", headers, fp)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetch(url: str, limits: Limits | None = None, etag: str | None = None,
          last_modified: str | None = None) -> Fetched | ReadError:
    """GET `url` (conditionally, given the validators of an earlier answer) under the limits."""
    limits = limits or Limits()
    seconds = limits.timeout or FETCH_TIMEOUT
    headers = {"User-Agent": USER_AGENT, "Accept": "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.8"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    opener = urllib.request.build_opener(NoOtherSchemes)
    deadline = time.monotonic() + seconds
    try:
        with opener.open(urllib.request.Request(url, headers=headers), timeout=seconds) as response:
            data = body(url, response, response.headers, limits, deadline)
            if isinstance(data, ReadError):
                return data
            return Fetched(url, response.status, data, response.headers.get("ETag"), response.headers.get("Last-Modified"),
                           response.headers.get("Content-Type"))
    except urllib.error.HTTPError as e:
        if e.code == 304:
            return Fetched(url, 304, b"", e.headers.get("ETag") or etag, e.headers.get("Last-Modified") or last_modified)
        return ReadError(url, f"the server answered {e.code} {e.reason or ''}".rstrip() + ".")
    except (TimeoutError, socket.timeout):
        return ReadError(url, f"the server did not answer within the time limit of {seconds:g} s.")
    except urllib.error.URLError as e:
        reason = e.reason
        if isinstance(reason, (TimeoutError, socket.timeout)):
            return ReadError(url, f"the server did not answer within the time limit of {seconds:g} s.")
        why = getattr(reason, "strerror", None) or str(reason)
        return ReadError(url, f"it could not be fetched ({str(why)[:200]}).")
    except (OSError, ValueError, http.client.HTTPException) as e:  # a reset connection, a malformed URL or answer
        return ReadError(url, f"it could not be fetched ({type(e).__name__}: {str(e)[:200]}).")


def body(url: str, response: object, headers: Message, limits: Limits, deadline: float) -> bytes | ReadError:
    """The response body, read in chunks until the size cap or the deadline (gzip inflated, bounded)."""
    cap = max_bytes(limits)
    too_large = ReadError(url, f"the feed is over {cap:,} bytes, too large for the limit of {limits.max_chars:,} characters.")
    declared = headers.get("Content-Length")
    if declared and declared.isdigit() and int(declared) > cap:
        return too_large
    encoding = (headers.get("Content-Encoding") or "identity").strip().lower()
    if encoding not in ("identity", "gzip", "x-gzip"):
        return ReadError(url, f"the server sent it with the content encoding {encoding[:40]!r}, which storyledger does not read.")
    inflate = zlib.decompressobj(16 + zlib.MAX_WBITS) if encoding != "identity" else None
    parts, size = [], 0
    while True:
        if time.monotonic() > deadline:
            return ReadError(url, "the server did not send the feed within the time limit.")
        chunk = response.read1(CHUNK)  # type: ignore[attr-defined]  # what has arrived, not a full chunk
        if not chunk:
            break
        if inflate is not None:
            try:
                chunk = inflate.decompress(chunk, cap + 1 - size)
            except zlib.error as e:
                return ReadError(url, f"the gzip-encoded answer is damaged ({str(e)[:100]}).")
        parts.append(chunk)
        size += len(chunk)
        if size > cap:
            return too_large
    return b"".join(parts)
