"""Readers that stream: gzip-compressed JSONL (inflated line by line under a size limit)."""
from __future__ import annotations

import gzip
import json
import os

from storyledger.documents import Document, ReadError, read
from storyledger.limits import Limits

RECORD = {"id": "a1", "text": "Mayor Jan Kowal said that the market would reopen on Friday.", "published": "2024-10-28"}


def jsonl(*records: object) -> bytes:
    return b"".join((r if isinstance(r, bytes) else json.dumps(r).encode()) + b"\n" for r in records)


def test_a_jsonl_gz_file_is_read_line_by_line(tmp_path):
    path = tmp_path / "feed.jsonl.gz"
    path.write_bytes(gzip.compress(jsonl(RECORD, b"{not json", {**RECORD, "id": "a2"})))
    out = list(read([path]))
    assert [d.id if isinstance(d, Document) else str(d) for d in out] == [
        "a1", f"{path}:2: the line is not valid JSON (Expecting property name enclosed in double quotes).", "a2"]
    assert out[0].published == "2024-10-28"


def test_a_folder_reads_jsonl_gz_and_other_compressed_files_are_still_refused(tmp_path):
    (tmp_path / "a.jsonl.gz").write_bytes(gzip.compress(jsonl(RECORD)))
    (tmp_path / "b.txt.gz").write_bytes(gzip.compress(b"Some text."))
    assert [d.id for d in read([tmp_path])] == ["a1"]  # .txt.gz is not listed in a folder
    named = list(read([tmp_path / "b.txt.gz"]))
    assert named == [ReadError(str(tmp_path / "b.txt.gz"), "it is gzip-compressed; storyledger does not decompress input (decompress it first).")]


def test_a_gzip_bomb_stops_at_the_decompressed_limit(tmp_path):
    path = tmp_path / "bomb.jsonl.gz"
    path.write_bytes(gzip.compress(jsonl(RECORD) + b" " * (8 << 20), 9))  # 8 MB in about 8 kB
    out = list(read([path], Limits(max_chars=1000)))
    assert out[0].id == "a1"
    assert out[1] == ReadError(f"{path}:2", "the line is over 736,096 bytes, too long for the limit of 1,000 characters.")
    assert out[2] == ReadError(str(path), "it inflates to over 1,000,000 bytes, the limit for a compressed file "
                                          "(1000 bytes per allowed character); stopped at line 2.")
    assert len(out) == 3


def test_a_damaged_or_false_jsonl_gz_is_named_after_what_was_read(tmp_path):
    cut = tmp_path / "cut.jsonl.gz"
    data = gzip.compress(jsonl(RECORD, {**RECORD, "id": "a2"}, {"id": "a3", "text": os.urandom(50_000).hex()}))
    cut.write_bytes(data[: len(data) // 2])
    out = list(read([cut]))
    assert [d.id for d in out[:2]] == ["a1", "a2"]
    assert isinstance(out[-1], ReadError) and out[-1].reason.startswith("the gzip stream is damaged or cut short after line 2")
    plain = tmp_path / "plain.jsonl.gz"
    plain.write_bytes(jsonl(RECORD))
    assert list(read([plain])) == [ReadError(str(plain), "it is named .jsonl.gz but is not gzip-compressed.")]
    bad = tmp_path / "bad.jsonl.gz"
    bad.write_bytes(gzip.compress(b'{"id": "x", "text": "caf\xe9"}\n' + jsonl(RECORD)))
    assert [str(x) if isinstance(x, ReadError) else x.id for x in read([bad])] == [
        f"{bad}:1: the line is not valid UTF-8 (bad byte at offset 24).", "a1"]


# ---- RSS and Atom -------------------------------------------------------------------------------

RSS = b"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Kyiv Daily</title><link>https://kyiv.example/</link>
<item><title>Market to reopen</title><link>https://kyiv.example/a1</link><guid>kyiv-a1</guid>
<pubDate>Mon, 28 Oct 2024 09:30:00 +0000</pubDate>
<description>Short teaser.</description>
<content:encoded><![CDATA[<p>Mayor Jan Kowal said that the market would reopen on Friday.</p><p>&quot;We are ready,&quot; he added.</p>]]></content:encoded>
</item>
<item><title>Only a summary</title><link>https://kyiv.example/a2</link>
<description>The minister confirmed that talks would resume.</description></item>
<item><title>Empty</title><guid>kyiv-a3</guid><description></description></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title><id>urn:wire</id><updated>2024-10-29T00:00:00Z</updated>
<entry><title>Talks</title><id>urn:wire:1</id><updated>2024-10-29T23:10:00-02:00</updated>
<link href="https://wire.example/1"/>
<content type="html">&lt;p&gt;The spokesman said that the talks had ended.&lt;/p&gt;</content></entry>
</feed>"""


def test_an_rss_file_gives_one_document_per_entry(tmp_path):
    path = tmp_path / "kyiv.rss"
    path.write_bytes(RSS)
    out = list(read([path]))
    a1, a2, a3 = out
    assert a1 == Document(id="kyiv-a1", text='Mayor Jan Kowal said that the market would reopen on Friday.\n\n"We are ready," he added.',
                          published="2024-10-28", title="Market to reopen", url="https://kyiv.example/a1", outlet="Kyiv Daily")
    assert (a2.id, a2.text, a2.published) == ("https://kyiv.example/a2", "The minister confirmed that talks would resume.", None)
    assert a3 == ReadError(f"{path}#3 (kyiv-a3)", "the document has no text.")


def test_an_atom_file_in_a_folder_is_read_and_a_broken_feed_is_named(tmp_path):
    (tmp_path / "wire.atom").write_bytes(ATOM)
    (tmp_path / "broken.rss").write_bytes(b"<rss><channel><title>nothing here")
    out = list(read([tmp_path]))
    assert isinstance(out[0], ReadError) and out[0].name == str(tmp_path / "broken.rss")
    assert out[0].reason.startswith("it holds no feed entries")
    assert out[1] == Document(id="urn:wire:1", text="The spokesman said that the talks had ended.", published="2024-10-30",
                              title="Talks", url="https://wire.example/1", outlet="Wire")


# ---- WARC ---------------------------------------------------------------------------------------

def page(sentence: str) -> bytes:
    body = " ".join([sentence] * 8)
    return (f"<html><head><title>News</title></head><body><nav>Home | About</nav><article><h1>News</h1>"
            f"<p>{body}</p></article></body></html>").encode()


def write_warc(path, records, gzip_members=True):
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as f:
        w = WARCWriter(f, gzip=gzip_members)
        for kind, uri, ctype, body in records:
            http = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1") if kind == "response" else None
            w.write_record(w.create_warc_record(uri, kind, payload=BytesIO(body), http_headers=http,
                                                warc_content_type=None if kind == "response" else ctype))


def test_a_warc_gives_one_document_per_html_page(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    write_warc(path, [
        ("request", "https://news.example/a", "application/http; msgtype=request", b"GET /a HTTP/1.1\r\n\r\n"),
        ("response", "https://news.example/a", "text/html; charset=utf-8", page("The minister said that the bridge would reopen in spring.")),
        ("response", "https://news.example/logo.png", "image/png", b"\x89PNG\r\n"),
        ("response", "https://news.example/b", "text/html; charset=windows-1251",
         page("Мэр сказал, что рынок откроется в пятницу.").decode().encode("windows-1251")),
        ("resource", "file:///notes.html", "text/html", page("The spokesman confirmed that the talks had ended.")),
    ])
    out = list(read([path]))
    assert [(d.id, d.url) for d in out] == [("https://news.example/a", "https://news.example/a"),
                                            ("https://news.example/b", "https://news.example/b"),
                                            ("file:///notes.html", "file:///notes.html")]
    assert "the bridge would reopen" in out[0].text and "Home | About" not in out[0].text
    assert "рынок откроется" in out[1].text and "talks had ended" in out[2].text


def test_a_warc_over_the_limit_or_broken_is_named(tmp_path):
    path = tmp_path / "big.warc"
    write_warc(path, [("response", f"https://news.example/{n}", "text/html", page("The minister said that it was over.")) for n in range(5)],
               gzip_members=False)
    out = list(read([path], Limits(max_chars=1)))  # 1,000 bytes of records at most
    assert out[-1] == ReadError(str(path), "its records hold over 1,000 bytes, the limit for an archive "
                                           "(1000 bytes per allowed character); stopped at record 3.")
    junk = tmp_path / "junk.warc"
    junk.write_bytes(b"this is not an archive\n" * 10)
    (err,) = read([junk])
    assert err == ReadError(str(junk), "record 1 is not a WARC record: it is not a WARC archive (or it is damaged).")


def test_a_plain_jsonl_file_is_read_line_by_line_in_bounded_memory(tmp_path):
    """A 10 MB JSONL costs no more memory than a record or two (it was read whole, then split)."""
    import tracemalloc

    path = tmp_path / "big.jsonl"
    path.write_bytes(jsonl(*({**RECORD, "id": f"r{i}", "text": RECORD["text"] * 30} for i in range(5_000))))
    assert path.stat().st_size > 9_000_000
    tracemalloc.start()
    try:
        n = sum(1 for d in read([path]) if isinstance(d, Document))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert n == 5_000
    assert peak < 1_000_000


def test_a_jsonl_line_that_is_not_utf8_costs_that_line_only(tmp_path):
    path = tmp_path / "mixed.jsonl"
    bad = json.dumps({**RECORD, "id": "b"}).replace("Kowal", "Kowal\\u00e9").encode().replace(b"\\u00e9", b"\xe9")
    path.write_bytes(jsonl(RECORD, bad, {**RECORD, "id": "a3"}))
    out = list(read([path]))
    assert [d.id if isinstance(d, Document) else str(d) for d in out] == [
        "a1", f"{path}:2: the line is not valid UTF-8 (bad byte at offset 36).", "a3"]


def test_a_utf16_jsonl_file_with_a_bom_is_still_read(tmp_path):
    path = tmp_path / "u16.jsonl"
    path.write_bytes(jsonl(RECORD, {**RECORD, "id": "a2"}).decode().encode("utf-16"))
    assert [d.id for d in read([path])] == ["a1", "a2"]


def test_jsonl_on_standard_input_is_streamed(monkeypatch):
    import io
    import sys

    data = jsonl(*({**RECORD, "id": f"s{i}"} for i in range(2_000)), b"{broken")
    stream = io.BufferedReader(io.BytesIO(data), buffer_size=8192)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(stream))
    out = read(["-"])
    assert next(out).id == "s0"
    assert stream.tell() < len(data) // 10  # the first document came before the rest was read
    rest = list(out)
    assert len(rest) == 2_000 and str(rest[-1]).startswith("-:2001: the line is not valid JSON")
