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
