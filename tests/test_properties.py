"""Property-based tests (hypothesis): whatever the bytes or text, readers give documents or a
`ReadError`, extraction gives claims or a named failure, and every span indexes the text exactly."""
from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from storyledger.documents import Document, ReadError, decode, read_html, read_jsonl, read_txt, record_document
from storyledger.limits import Limits

# News-like fragments that reach the attribution rules, glued with arbitrary characters
# from the alphabets hostile input uses (quotes, dashes, separators, controls, RTL, CJK).
FRAGMENTS = [
    "Mayor Jan Kowal said that ", "the market would reopen on Friday", ". ", "\n", "\n\n", "\u201c", "\u201d", '"',
    "\u00ab", "\u00bb", " \u2014 ", ": ", ", he said", ", according to Reuters", "It was reported that ",
    "President Zelensky confirmed ", "almost 11,000 soldiers", " in Kursk Oblast", " on October 25", " next year",
    " They will be ready.", "Watch more: ", "This was stated by ", "the minister", " denied ", "could ", "not ",
    "\u202e", "\u200b", "\u0627\u0644\u0633\u0644\u0627\u0645", "\u6771\u4eac", "\x00", "\x1b", "\r", "\u2028",
]
SPECIALS = st.sampled_from(list("\"'\u201c\u201d\u00ab\u00bb\u201e\u2018\u2019\u2014\u2013-:;.,!?()[]{}<>&#@\n\r\t \u00a0\u2028\u2029\x85\x0b\x0c\x00\x01\x1b\x7f\u200b\u200f\u202e\ufeff\ufffd"))
news_text = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12), SPECIALS), max_size=60).map("".join)

READ_OK = (Document, ReadError)


def check_read(items, name: str) -> None:
    for item in items:
        assert isinstance(item, READ_OK)
        if isinstance(item, ReadError):
            assert item.name.startswith(name) and item.reason.endswith(".") and "\n" not in item.reason
        else:
            assert item.text.strip() and len(item.text) <= Limits().max_chars


@settings(max_examples=400, deadline=None)
@given(st.binary(max_size=3000))
def test_decode_never_raises(data):
    out = decode(data, "x")
    assert isinstance(out, (str, ReadError))


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.binary(max_size=2000), news_text.map(lambda t: t.encode("utf-8", "surrogatepass"))))
def test_txt_reader_keeps_the_text_exactly(data):
    items = list(read_txt("f.txt", data))
    check_read(items, "f.txt")
    for doc in items:
        if isinstance(doc, Document):
            assert doc.text == decode(data, "f.txt")  # nothing stripped, nothing normalised


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=30) | news_text,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12,
)
records = st.fixed_dictionaries(
    {},
    optional={k: json_values for k in ("id", "text", "published", "title", "url", "outlet", "language", "extra")},
)


@settings(max_examples=400, deadline=None)
@given(st.one_of(records, json_values))
def test_any_json_value_is_a_document_or_an_error(record):
    items = list(record_document(record, "f.jsonl:1"))
    check_read(items, "f.jsonl:1")
    if isinstance(record, dict) and isinstance(items[0], Document):
        assert items[0].text == record["text"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.binary(max_size=200), records.map(lambda r: json.dumps(r).encode())), max_size=6))
def test_jsonl_reader_never_raises(lines):
    check_read(list(read_jsonl("f.jsonl", b"\n".join(lines))), "f.jsonl")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(["<div>", "</div>", "<p>", "</p>", "<article>", "<script>", "<!--", "-->", "<![CDATA[", "&amp;", "&#0;", "&#xd800;", "<meta charset='x'>", "<html>", "<body>"]), news_text), max_size=40).map("".join))
def test_html_reader_never_raises(html):
    check_read(list(read_html("f.html", html.encode("utf-8", "surrogatepass"))), "f.html")


# ---------------------------------------------------------------- extraction (needs the model)

def check_spans(text: str, claims: list[dict]) -> None:
    for c in claims:
        s, e = c["span"]
        assert 0 <= s < e <= len(text) and text[s:e] == c["content"]
        if c["cue_span"]:
            cs, ce = c["cue_span"]
            assert 0 <= cs <= ce <= len(text)
        src = c["source"]
        if src["span"]:
            ms, me = src["span"]
            assert 0 <= ms <= me <= len(text)
            assert src["mention"] is None or text[ms:me] == src["mention"]
        for key in ("places", "entities", "quantities"):
            for x in c[key]:
                xs, xe = x["span"]
                assert s <= xs <= xe <= e, (key, x, c["span"])


@pytest.mark.model
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(news_text, st.sampled_from([None, "2024-10-28", "1000-01-01", "9000-12-31", "2024"]))
@example('"""V(1“”It was reported that Mayor Jan Kowal said that ', None)  # a claim ending inside a token
def test_extraction_never_raises_and_spans_index_the_text(nlp, text, published):
    from storyledger.pipeline import Options, annotate_many, extract_many

    doc = Document(id="h", text=text, published=published)
    failures: list[ReadError] = []
    out = list(extract_many([doc], Options(), failures))
    assert len(out) + len(failures) == 1
    for f in failures:
        assert "internal error" not in f.reason
    for _, claims in out:
        check_spans(text, [c.to_dict() for c in claims])
    for record in annotate_many([doc], Options(), failures):
        for key in ("timexes", "places", "quantities", "entities"):
            for x in record[key]:
                xs, xe = x["span"]
                assert 0 <= xs <= xe <= len(text) and text[xs:xe] == x["text"], (key, x)
    assert not [f for f in failures if "internal error" in f.reason]
