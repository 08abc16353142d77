"""Feeds from URLs, against a feed server on 127.0.0.1 in a thread."""
from __future__ import annotations

import hashlib
import http.server
import threading
import time

import pytest

from storyledger.documents import ReadError, read
from storyledger.documents.fetch import USER_AGENT, fetch
from storyledger.limits import Limits


def rss(*items: tuple[str, str]) -> bytes:
    entries = "".join(f"<item><title>{guid}</title><guid>{guid}</guid><description>{text}</description></item>" for guid, text in items)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Kyiv Daily</title>{entries}</channel></rss>'.encode()


A1 = ("kyiv-a1", "Mayor Jan Kowal said that the market would reopen on Friday.")
A2 = ("kyiv-a2", "The minister confirmed that the talks would resume.")
A3 = ("kyiv-a3", "The spokesman said that the bridge was closed.")


class FeedServer:
    """`/feed` serves `self.feed` with an ETag and honours If-None-Match; other paths fail in set ways."""

    def __init__(self) -> None:
        self.feed = rss(A1, A2)
        self.requests: list[tuple[str, dict]] = []
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                server.requests.append((self.path, dict(self.headers)))
                if self.path == "/feed":
                    etag = '"' + hashlib.sha256(server.feed).hexdigest()[:16] + '"'
                    if self.headers.get("If-None-Match") == etag:
                        self.send_response(304)
                        self.end_headers()
                        return
                    self.reply(server.feed, "application/rss+xml", [("ETag", etag)])
                elif self.path == "/page":
                    self.reply(b"<html><body><p>Not a feed at all.</p></body></html>", "text/html")
                elif self.path == "/big":
                    self.reply(rss(A1) + b" " * 50_000, "application/rss+xml")
                elif self.path == "/slow":
                    time.sleep(1.5)
                    self.reply(server.feed, "application/rss+xml")
                else:
                    self.send_error(404)

            def reply(self, body: bytes, ctype: str, headers: list[tuple[str, str]] = ()) -> None:
                self.send_response(200)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                for k, v in headers:
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        class Server(http.server.ThreadingHTTPServer):
            def handle_error(self, request: object, client_address: object) -> None:
                pass  # /slow writes to a client that has given up: expected, not worth a traceback

        self.httpd = Server(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_port}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def feed_requests(self) -> list[dict]:
        return [h for p, h in self.requests if p == "/feed"]

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server():
    s = FeedServer()
    yield s
    s.close()


def closed_port() -> str:
    import socket

    with socket.socket() as s:  # a port that was free a moment ago: nothing listens there
        s.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{s.getsockname()[1]}/feed"


# ---- fetching (no model) --------------------------------------------------------------------------

def test_a_feed_url_is_read_like_a_feed_file(server):
    out = list(read([server.url + "/feed"]))
    assert [(d.id, d.text, d.outlet) for d in out] == [(A1[0], A1[1], "Kyiv Daily"), (A2[0], A2[1], "Kyiv Daily")]
    assert server.feed_requests()[0]["User-Agent"] == USER_AGENT and USER_AGENT.startswith("storyledger/")


def test_a_failing_feed_url_is_named_with_one_sentence_and_the_others_are_read(server):
    refused = closed_port()
    out = list(read([refused, server.url + "/missing", server.url + "/page", server.url + "/feed"]))
    assert out[:3] == [
        ReadError(refused, "it could not be fetched (Connection refused)."),
        ReadError(server.url + "/missing", "the server answered 404 Not Found."),
        ReadError(server.url + "/page", "it is not an RSS or Atom feed."),
    ]
    assert [d.id for d in out[3:]] == [A1[0], A2[0]]


def test_a_feed_over_the_size_limit_or_too_slow_is_refused(server):
    assert list(read([server.url + "/big"], Limits(max_chars=1000))) == [
        ReadError(server.url + "/big", "the feed is over 40,004 bytes, too large for the limit of 1,000 characters.")]
    started = time.monotonic()
    assert list(read([server.url + "/slow"], Limits(timeout=0.3))) == [
        ReadError(server.url + "/slow", "the server did not answer within the time limit of 0.3 s.")]
    assert time.monotonic() - started < 1.2


def test_a_conditional_get_gets_304_and_no_body(server):
    first = fetch(server.url + "/feed")
    assert first.status == 200 and first.etag and first.data == server.feed
    again = fetch(server.url + "/feed", etag=first.etag)
    assert (again.status, again.data, again.etag) == (304, b"", first.etag)
    assert server.feed_requests()[1]["If-None-Match"] == first.etag
    server.feed = rss(A1, A2, A3)
    assert fetch(server.url + "/feed", etag=first.etag).status == 200
