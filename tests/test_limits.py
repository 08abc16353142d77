"""Per-document limits: size and time; a document over one is named, the others go on."""
from __future__ import annotations

import time

import pytest

from storyledger.cli import main
from storyledger.documents import Document
from storyledger.limits import Limits, TimeLimit, time_limit
from storyledger.pipeline import DocumentError, Options, annotate_many, extract, extract_many

pytestmark = pytest.mark.model

GOOD = Document(id="good", text="Mayor Jan Kowal said that the market would reopen on Friday.\n")


def test_time_limit_interrupts_and_restores():
    with pytest.raises(TimeLimit):
        with time_limit(0.05):
            time.sleep(2)
    with time_limit(0.05):  # a block that ends in time is untouched, and the timer is off after
        pass
    time.sleep(0.1)


def test_a_slow_document_is_skipped_and_the_others_are_unchanged(monkeypatch):
    import storyledger.pipeline as pipeline

    real = pipeline.claims_of

    def slow(doc, document, options):
        if document.id == "slow":
            time.sleep(5)
        return real(doc, document, options)

    alone = [c.to_dict() for c in extract(GOOD)]
    monkeypatch.setattr(pipeline, "claims_of", slow)
    failures = []
    docs = [GOOD, Document(id="slow", text=GOOD.text), Document(id="good2", text=GOOD.text)]
    t = time.perf_counter()
    out = list(extract_many(docs, Options(limits=Limits(timeout=0.5)), failures))
    assert time.perf_counter() - t < 4
    assert [d.id for d, _ in out] == ["good", "good2"]
    assert [c.to_dict() for c in out[0][1]] == alone
    assert [(f.name, f.reason) for f in failures] == [("slow", "processing took over the time limit of 0.5 s.")]


def test_a_slow_parse_costs_only_its_document():
    # 20,000 quote marks in one line take seconds to parse; the batch is parsed again one by one
    docs = [GOOD, Document(id="quotes", text='"' * 20_000), Document(id="good2", text=GOOD.text)]
    failures = []
    out = list(annotate_many(docs, Options(limits=Limits(timeout=0.3)), failures))
    assert [r["document"] for r in out] == ["good", "good2"]
    assert [(f.name, f.reason) for f in failures] == [("quotes", "processing took over the time limit of 0.3 s.")]


def test_empty_and_oversized_documents_given_directly_are_failures():
    failures = []
    docs = [Document(id="empty", text=" \n"), Document(id="big", text="word " * 50), GOOD]
    out = list(extract_many(docs, Options(limits=Limits(max_chars=100)), failures))
    assert [d.id for d, _ in out] == ["good"]
    assert [str(f) for f in failures] == ["empty: the document has no text.", "big: the text has 250 characters, over the limit of 100."]
    with pytest.raises(DocumentError, match="^empty: the document has no text.$"):
        extract(docs[0])


def test_cli_limits_and_messages(tmp_path, capsys):
    good = tmp_path / "good.txt"
    good.write_text(GOOD.text, encoding="utf-8")
    big = tmp_path / "big.txt"
    big.write_text("He said so. " * 20, encoding="utf-8")
    code = main(["extract", str(big), str(good), "--max-chars", "100", "--timeout", "30"])
    out, err = capsys.readouterr()
    assert code == 1 and len(out.splitlines()) == 1
    assert err.splitlines() == [
        f"storyledger: skipped {big}: the text has 240 characters, over the limit of 100.",
        "storyledger: 1 input(s) could not be read.",
    ]
    with pytest.raises(SystemExit):
        main(["extract", str(good), "--timeout", "-1"])
    assert "'-1' is not a number of 0 or more" in capsys.readouterr().err


def test_many_short_lines_stay_linear(nlp):
    # storyledger_line_breaks set is_sent_start token by token, each set checking the whole Doc:
    # 20,000 lines took 26 s in that component alone (now one array write)
    from storyledger.nlp.fixes import line_breaks

    doc = nlp.make_doc("He said yes.\n" * 20_000)
    t = time.perf_counter()
    line_breaks(doc)
    assert time.perf_counter() - t < 3
    assert sum(1 for tok in doc if tok.is_sent_start) == 20_000


def test_long_runs_without_spaces_are_tokenized_in_pieces(nlp):
    # spaCy's tokenizer is quadratic on such runs: 8,700 characters of entity debris took 17 s
    text = "&\u202e\ufffd\ufffd\ufffd" * 1800 + " he said."
    t = time.perf_counter()
    doc = nlp(text)
    assert time.perf_counter() - t < 10
    assert doc.text == text and doc[-1].idx == len(text) - 1


@pytest.mark.parametrize("published", ["0000", "0001-01-01", "9999-12-31", "2024-02-30"])
def test_odd_publication_dates_do_not_break_time_normalisation(published, nlp):
    from storyledger.semantics.time import find_timexes

    doc = nlp("On December 31 next year, 10,000 years from now, the minister said on Monday.")
    find_timexes(doc, published)


def test_many_quote_marks_in_one_sentence_stay_fast():
    # each quote scanned its whole sentence for a cue (and the tokenizer was quadratic):
    # 3,000 quote marks took 17 s, now under 2 s
    t = time.perf_counter()
    assert extract(Document(id="q", text='"' * 3000)) == []
    assert time.perf_counter() - t < 10


def test_a_run_on_of_nested_reports_gives_few_claims_and_stays_fast():
    # 'He said "yes" He said "yes" ...' with no sentence end: each report lies in the contents of
    # all those before it; one claim each made 400 claims of 1.1 million characters from 5,600
    # (minutes with a publication date, and a minute of embedding in ingest)
    text = 'He said "yes" ' * 400
    t = time.perf_counter()
    claims = extract(Document(id="q", text=text, published="2024-03-01"))
    assert time.perf_counter() - t < 20
    assert 1 <= len(claims) <= 3 and sum(len(c.content) for c in claims) <= 3 * len(text)


def test_extract_batch_reports_bad_records_and_keeps_the_good():
    from storyledger.pipeline import extract_batch

    failures = []
    rows = extract_batch([{"id": "a", "text": GOOD.text}, {"id": "b"}, {"text": "x"}, {"id": "c", "text": "  "}], failures=failures)
    assert [r["document"] for r in rows] == ["a"]
    assert [str(f) for f in failures] == [
        "record 1 (b): the record has no string 'text'.",
        "record 2: the record has no string 'id'.",
        "record 3 (c): the document has no text.",
    ]
