"""Real web input: pages in legacy encodings are decoded as browsers decode them, and documents
in languages storyledger does not read are named and stored without claims (issue 17)."""
from __future__ import annotations

import json

import pytest

from storyledger.documents import Document, ReadError, read, read_feed_bytes
from storyledger.documents.charset import decode_html
from storyledger.documents.language import identify, language_refusal

EN = ("The minister said that the bridge over the river would reopen in the spring. "
      "“It is a question of weeks,” she told reporters — the café beside it stays shut.")
DE = ("Der Minister sagte, dass die Brücke über den Fluss im Frühjahr wieder geöffnet werde. "
      "„Es ist eine Frage von Wochen“, sagte sie den Journalisten. Das Café daneben bleibt geschlossen.")
FR = ("Le ministre a déclaré que le pont sur la rivière rouvrirait au printemps. « C'est une question "
      "de semaines », a-t-elle dit aux journalistes. Le café voisin reste fermé.")
RU = ("Министр заявил, что мост через реку откроют весной. \"Это вопрос нескольких недель\", - сказала она "
      "журналистам. Кафе рядом с мостом пока закрыто.")
JA = ("大臣は、川に架かる橋が春に再開されると述べた。「数週間の問題だ」と彼女は記者団に語った。"
      "橋のそばの喫茶店は閉まったままだ。")


def page(text: str, head: str = "", lang: str | None = None, before: str = "") -> str:
    body = " ".join([text] * 4)
    lang_attr = f' lang="{lang}"' if lang else ""
    return (f"{before}<html{lang_attr}><head>{head}<title>Bridge</title></head><body><nav>Home | About</nav>"
            f"<article><h1>Bridge</h1><p>{body}</p></article></body></html>")


def one(path) -> Document | ReadError:
    (item,) = list(read([path]))
    return item


# ---- encodings --------------------------------------------------------------------------------

@pytest.mark.parametrize("codec, head, text", [
    ("windows-1252", '<meta charset="windows-1252">', EN),
    ("iso-8859-1", '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">', FR),
    ("koi8-r", '<meta http-equiv="content-type" content="text/html;charset=koi8-r">', RU),
    ("shift_jis", '<meta charset=Shift_JIS>', JA),
])
def test_a_page_in_a_legacy_encoding_is_decoded_by_its_meta_charset(tmp_path, codec, head, text):
    p = tmp_path / "page.html"
    p.write_bytes(page(text, head).encode(codec))
    doc = one(p)
    assert isinstance(doc, Document), doc
    assert text.split(".")[0] in doc.text


def test_iso_8859_1_is_read_as_windows_1252_as_browsers_do():
    # curly quotes and the dash are bytes 0x93, 0x94, 0x97: windows-1252, not ISO-8859-1's controls
    data = page(EN, '<meta charset="iso-8859-1">').encode("windows-1252")
    assert "“It is a question of weeks,” she told reporters — the café" in decode_html(data, "p.html")


def test_the_xml_declaration_names_the_encoding_when_no_meta_does():
    data = page(JA, before='<?xml version="1.0" encoding="Shift_JIS"?>\n').encode("shift_jis")
    assert JA[:20] in decode_html(data, "p.xhtml")


def test_the_http_charset_comes_before_the_meta_and_a_bom_before_both():
    data = page(RU, '<meta charset="windows-1251">').encode("koi8-r")  # both readings are Cyrillic letters
    assert RU[:30] in decode_html(data, "p.html", "text/html; charset=KOI8-R")
    bom = b"\xef\xbb\xbf" + page(RU, '<meta charset="koi8-r">').encode("utf-8")
    assert RU[:30] in decode_html(bom, "p.html", "text/html; charset=windows-1251")


def test_a_warc_record_is_decoded_by_its_http_charset(tmp_path):
    from test_streamed_readers import write_warc

    path = tmp_path / "crawl.warc"
    write_warc(path, [("response", "https://news.example/ru", "text/html; charset=koi8-r", page(RU).encode("koi8-r"))])
    doc = one(path)
    assert isinstance(doc, Document) and RU[:30] in doc.text and doc.language == "ru"


def test_a_fetched_feed_is_decoded_by_its_http_charset():
    feed = (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Вести</title><item><guid>a</guid>'
            f"<description>{RU}</description></item></channel></rss>").encode("koi8-r")
    (doc,) = list(read_feed_bytes("https://news.example/feed", feed, None, "application/rss+xml; charset=koi8-r"))
    assert doc.text == RU and doc.outlet == "Вести"


@pytest.mark.parametrize("data, means", [
    # KOI8-R bytes labelled windows-1252: the label gives mojibake ("íÉÎÉÓÔÒ"), the detector Russian
    (page(RU, '<meta charset="windows-1252">').encode("koi8-r"), RU[:30]),
    # UTF-8 bytes labelled ISO-8859-1 (the commonest mislabel): UTF-8, not "cafÃ©"
    (page(FR, '<meta charset="iso-8859-1">').encode("utf-8"), FR[:40]),
    # windows-1252 bytes labelled UTF-8: not UTF-8, so the detector reads them
    (page(DE, '<meta charset="utf-8">').encode("windows-1252"), DE[:40]),
])
def test_a_wrong_declared_charset_gives_the_detectors_answer_not_mojibake(data, means):
    text = decode_html(data, "p.html")
    assert isinstance(text, str) and means in text
    assert "Ã" not in text and "íÉÎ" not in text


def test_bytes_that_no_encoding_reads_are_named_in_one_sentence():
    junk = b"<html><head><meta charset=utf-8></head><body><p>" + bytes(range(128, 256)) * 40 + b"</p></body></html>"
    error = decode_html(junk, "junk.html")
    assert error == ReadError("junk.html", "its encoding cannot be told: it declares utf-8, which does not fit its bytes, "
                                           "it is not valid UTF-8 (bad byte at offset 48), and no other encoding reads it as text.")


def test_plain_text_stays_strict_utf8_unless_an_encoding_is_named(tmp_path):
    p = tmp_path / "note.txt"
    p.write_bytes(RU.encode("koi8-r"))
    assert one(p) == ReadError(str(p), "it is not valid UTF-8 (bad byte at offset 0).")
    (doc,) = list(read([p], encoding="koi8-r"))
    assert doc.text == RU and doc.language == "ru"
    (error,) = list(read([p], encoding="shift_jis"))
    assert isinstance(error, ReadError) and error.reason.startswith("it is not valid shift_jis (bad byte at offset")


# ---- languages --------------------------------------------------------------------------------

def test_language_comes_from_the_field_then_the_identifier(tmp_path):
    p = tmp_path / "docs.jsonl"
    rows = [{"id": "de", "text": DE}, {"id": "en", "text": EN}, {"id": "stated", "text": EN, "language": "fr-CA"},
            {"id": "short", "text": "Rutte confirmed it."}, {"id": "zh", "text": "大臣说，这座桥将在春天重新开放。记者们说这是几周的问题。"},
            {"id": "quote", "text": EN + " " + DE.split(".")[0] + ". " + EN}]
    p.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    assert {d.id: d.language for d in read([p])} == {"de": "de", "en": "en", "stated": "fr", "short": "en", "zh": "zh",
                                                    "quote": "en"}
    assert {d.language for d in read([p], language="en")} == {"en"}


def test_a_mostly_english_article_with_a_foreign_quote_is_english():
    quote = "„Wir werden die Verhandlungen nicht abbrechen, solange die andere Seite bereit ist zu reden“, sagte er."
    assert identify(" ".join([EN, quote, EN, EN])) == "en"
    assert identify(DE) == "de" and identify(RU) == "ru" and identify(JA) == "ja" and identify(FR) == "fr"


def test_an_html_page_takes_its_lang_attribute_unless_its_text_plainly_says_otherwise(tmp_path):
    p = tmp_path / "page.html"
    p.write_text(page(DE, lang="de-DE"), encoding="utf-8")
    assert one(p).language == "de"
    p.write_text(page(FR), encoding="utf-8")
    assert one(p).language == "fr"
    # a template's default: lang="en" on a German page, lang="de" on an English one
    p.write_text(page(DE, lang="en"), encoding="utf-8")
    assert one(p).language == "de"
    p.write_text(page(EN, lang="de-DE"), encoding="utf-8")
    assert one(p).language == "en"
    # too little text to tell: the attribute stands
    p.write_text(page("Rutte confirmed it.", lang="nl"), encoding="utf-8")
    assert one(p).language == "nl"


def test_a_document_in_a_language_not_read_is_refused_by_the_pipeline_and_the_engines():
    from storyledger.engines import batches
    from storyledger.pipeline import Options, extract_many

    de = Document(id="de", text=DE, language="de")
    assert language_refusal(de) == ReadError("de", "language de: not read yet.")
    failures: list[ReadError] = []
    assert list(extract_many([de], Options(), failures)) == []
    assert failures == [ReadError("de", "language de: not read yet.")]
    (batch,) = batches([de], Options())
    assert batch.documents == [] and batch.refused == [ReadError("de", "language de: not read yet.")]


@pytest.mark.model
def test_extract_names_a_foreign_document_and_language_en_forces_english(tmp_path, capsys):
    from storyledger.cli import main

    p = tmp_path / "docs.jsonl"
    p.write_text(json.dumps({"id": "de", "text": DE}, ensure_ascii=False) + "\n"
                 + json.dumps({"id": "en", "text": "Mayor Jan Kowal said that the market would reopen on Friday."}) + "\n",
                 encoding="utf-8")
    code = main(["extract", str(p)])
    out, err = capsys.readouterr()
    assert code == 1 and {json.loads(line)["document"] for line in out.splitlines()} == {"en"}
    assert err.splitlines() == ["storyledger: skipped de: language de: not read yet.",
                                "storyledger: 1 document(s) could not be processed."]
    code = main(["extract", str(p), "--language", "en"])
    out, err = capsys.readouterr()
    assert code == 0 and err == "" and "en" in {json.loads(line)["document"] for line in out.splitlines()}
    with pytest.raises(SystemExit):
        main(["extract", str(p), "--language", "english"])
    assert "'english' is not an ISO 639 language code (e.g. en)" in capsys.readouterr().err


@pytest.mark.model
def test_ingest_stores_a_foreign_document_without_claims_and_lists_it_in_errors(tmp_path):
    from storyledger.ledger import Ledger

    p = tmp_path / "docs.jsonl"
    p.write_text(json.dumps({"id": "de", "text": DE}, ensure_ascii=False) + "\n"
                 + json.dumps({"id": "en", "text": "Mayor Jan Kowal said that the market would reopen on Friday."}) + "\n",
                 encoding="utf-8")
    with Ledger(tmp_path / "l.db") as ledger:
        report = ledger.ingest(read([p]))
        assert (report.added, report.failed) == (2, [ReadError("de", "language de: not read yet.")])
        rows = {r[0]: (r[1], r[2]) for r in ledger.db.execute("SELECT id, language, n_claims FROM documents")}
        assert rows["de"] == ("de", 0) and rows["en"][0] == "en" and rows["en"][1] >= 1
        assert [(e["name"], e["reason"]) for e in ledger.errors()] == [("de", "language de: not read yet.")]
        assert ledger.db.execute("SELECT count(*) FROM claims WHERE document = 'de'").fetchone()[0] == 0
        again = ledger.ingest(read([p]))
        assert (again.added, again.replaced, again.unchanged) == (0, 0, 2)
        forced = ledger.ingest(read([p], language="en"))
        assert forced.replaced == 1 and ledger.errors() == []
