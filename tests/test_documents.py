"""Readers: every input form gives Document records with exact offsets; bad input is named."""
from __future__ import annotations

import io
import json
import sys

from storyledger.documents import Document, ReadError, read


def docs_and_errors(paths):
    items = list(read(paths))
    return [i for i in items if isinstance(i, Document)], [i for i in items if isinstance(i, ReadError)]


def test_seed_form_gives_date_and_title_and_keeps_the_whole_text(tmp_path):
    raw = " date 2024-10-28 A headline here\n\nBody text said something."
    p = tmp_path / "a.txt"
    p.write_text(raw, encoding="utf-8")
    (doc,), errors = docs_and_errors([p])
    assert not errors
    assert doc.published == "2024-10-28"
    assert doc.title == "A headline here"
    assert doc.text == raw  # first line included, nothing stripped
    assert doc.id == str(p)


def test_plain_text_has_no_date(tmp_path):
    p = tmp_path / "b.txt"
    p.write_text("Just a story.\n", encoding="utf-8")
    (doc,), _ = docs_and_errors([p])
    assert doc.published is None and doc.text == "Just a story.\n"


def test_utf8_bom_and_utf16_are_decoded(tmp_path):
    a = tmp_path / "bom.txt"
    a.write_bytes("\ufeffHello there.".encode("utf-8"))
    b = tmp_path / "u16.txt"
    b.write_bytes("Grüße aus Kyiv.".encode("utf-16"))
    docs, errors = docs_and_errors([a, b])
    assert not errors
    assert [d.text for d in docs] == ["Hello there.", "Grüße aus Kyiv."]


def test_bad_files_are_named_with_a_reason_and_the_rest_is_read(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Fine text.", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"caf\xe9 au lait")
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n", encoding="utf-8")
    binary = tmp_path / "bin.txt"
    binary.write_bytes(b"\x00\x01\x02\x03" * 10)
    docs, errors = docs_and_errors([bad, good, empty, binary, tmp_path / "missing.txt"])
    assert [d.text for d in docs] == ["Fine text."]
    reasons = {e.name: e.reason for e in errors}
    assert reasons[str(bad)] == "it is not valid UTF-8 (bad byte at offset 3)."
    assert reasons[str(empty)] == "the document has no text."
    assert reasons[str(binary)] == "it looks like a binary file, not text."
    assert reasons[str(tmp_path / "missing.txt")] == "no such file or folder."


def test_jsonl_lines_are_documents_and_bad_lines_are_errors(tmp_path):
    p = tmp_path / "d.jsonl"
    lines = [
        json.dumps({"id": "x1", "text": "One.", "published": "2024-01-02", "outlet": "Wire"}),
        "{not json",
        json.dumps({"id": "x2"}),
        json.dumps({"id": "x3", "text": "Three.", "title": 5}),
        json.dumps(["a list"]),
        json.dumps({"id": "x4", "text": "Four.", "extra": {"kept": False}}),
    ]
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs, errors = docs_and_errors([p])
    assert [d.id for d in docs] == ["x1", "x4"]
    assert docs[0].outlet == "Wire" and docs[0].published == "2024-01-02"
    assert [e.name for e in errors] == [f"{p}:2", f"{p}:3 (x2)", f"{p}:4 (x3)", f"{p}:5"]
    assert errors[0].reason.startswith("the line is not valid JSON")


def test_jsonl_strings_may_hold_unicode_line_separators(tmp_path):
    text = "First line\u2028second\x85third\u2029end."
    p = tmp_path / "sep.jsonl"
    p.write_text(json.dumps({"id": "s", "text": text}, ensure_ascii=False) + "\r\n", encoding="utf-8")
    docs, errors = docs_and_errors([p])
    assert not errors and [d.text for d in docs] == [text]


def test_folder_is_read_recursively_in_order(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("B.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("A.", encoding="utf-8")
    (tmp_path / "skip.bin").write_bytes(b"\x00")
    docs, errors = docs_and_errors([tmp_path])
    assert [d.text for d in docs] == ["A.", "B."] and not errors


def test_html_article_text_comes_from_trafilatura(tmp_path):
    body = " ".join(["The minister said that the bridge would reopen in spring."] * 8)
    html = f"<html><head><title>Bridge news</title></head><body><nav>Home | About</nav><article><h1>Bridge news</h1><p>{body}</p></article></body></html>"
    p = tmp_path / "page.html"
    p.write_text(html, encoding="utf-8")
    (doc,), errors = docs_and_errors([p])
    assert not errors
    assert "the bridge would reopen" in doc.text and "Home | About" not in doc.text
    assert doc.title == "Bridge news"


def test_stdin_jsonl(monkeypatch):
    data = json.dumps({"id": "s", "text": "From stdin."}).encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    docs, _ = docs_and_errors(["-"])
    assert [d.id for d in docs] == ["s"]


# ---------------------------------------------------------------- hostile input (issue 7)

def reasons_of(paths, limits=None):
    return {e.name: e.reason for e in read(paths, limits) if isinstance(e, ReadError)}


def test_compressed_files_are_refused_unread_whatever_their_suffix(tmp_path):
    import gzip

    bomb = gzip.compress(b"\x00" * (8 << 20), 9)
    paths = [tmp_path / f"bomb{s}" for s in (".gz", ".txt", ".jsonl", ".html")]
    for p in paths:
        p.write_bytes(bomb)
    reasons = reasons_of(paths)
    assert set(reasons.values()) == {"it is gzip-compressed; storyledger does not decompress input (decompress it first)."}


def test_utf16_without_bom_is_named_as_such(tmp_path):
    p = tmp_path / "u16.txt"
    p.write_bytes("He said the bridge was open.".encode("utf-16-le"))
    assert reasons_of([p])[str(p)] == "it looks like UTF-16 without a byte-order mark; save it as UTF-8 (or UTF-16 with a BOM)."


def test_a_file_too_big_for_the_limit_is_refused_before_reading(tmp_path, monkeypatch):
    from pathlib import Path

    from storyledger.limits import Limits

    p = tmp_path / "big.txt"
    p.write_bytes(b"word " * 1000)
    monkeypatch.setattr(Path, "read_bytes", lambda self: (_ for _ in ()).throw(AssertionError("read")))
    assert reasons_of([p], Limits(max_chars=100))[str(p)] == "the file has 5,000 bytes, too many for the limit of 100 characters."


def test_text_over_the_limit_and_mostly_controls(tmp_path):
    from storyledger.limits import Limits

    a = tmp_path / "a.txt"
    a.write_text("x" * 150, encoding="utf-8")
    b = tmp_path / "b.txt"
    b.write_text("\x01\x02\x1b" * 20 + "text", encoding="utf-8")
    reasons = reasons_of([a, b], Limits(max_chars=120))
    assert reasons[str(a)] == "the text has 150 characters, over the limit of 120."
    assert reasons[str(b)] == "the text is mostly control characters: it looks like binary data, not text."


def test_hostile_jsonl_lines_are_errors_not_exceptions(tmp_path):
    p = tmp_path / "h.jsonl"
    lines = [
        "[" * 100_000,  # RecursionError inside json
        '{"id": ' + "9" * 5000 + ', "text": "x"}',  # ValueError: over 4,300 digits
        '{"id": true, "text": "x"}',
        '{"id": "s", "text": "He said \\ud800 so."}',
        json.dumps({"id": "t", "text": "x", "title": "t" * 10_001}),
        json.dumps({"id": "d", "text": "x", "published": "2024-02-30"}),
        json.dumps({"id": "f", "text": "x", "published": "9999-12-31"}),
        json.dumps({"id": "ok", "text": "Fine.", "published": "2024-10-28T12:00:00Z"}),
    ]
    p.write_text("\n".join(lines), encoding="utf-8")
    docs, errors = docs_and_errors([p])
    assert [d.id for d in docs] == ["ok"]
    assert [(e.name, e.reason) for e in errors] == [
        (f"{p}:1", "the line is nested too deeply to read."),
        (f"{p}:2", "the line holds a number too long to read."),
        (f"{p}:3", "the record has no string 'id'."),
        (f"{p}:4 (s)", "the text holds an unpaired surrogate (U+D800 at offset 8), which is not a character."),
        (f"{p}:5 (t)", "the field 'title' has 10,001 characters, over the limit of 10,000."),
        (f"{p}:6 (d)", "the publication date '2024-02-30' is not a valid ISO 8601 date."),
        (f"{p}:7 (f)", "the publication date '9999-12-31' is outside the years 1000 to 9000."),
    ]


def test_file_names_that_are_not_utf8_are_shown_escaped(tmp_path):
    import os

    raw = os.path.join(os.fsencode(tmp_path), b"caf\xe9.txt")
    with open(raw, "wb") as f:
        f.write(b"He said so.")
    (doc,), errors = docs_and_errors([tmp_path])
    assert not errors and doc.id == str(tmp_path / "caf\\xe9.txt")
    doc.id.encode("utf-8")  # printable as it is
