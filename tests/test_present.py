"""The presentation layer without a browser or the model: the web app's pages and JSON API over a
synthetic ledger, crafted requests, read-only opening, exports, reviews, the report, progress and
Datasette."""
from __future__ import annotations

import asyncio
import csv
import io
import json
import sqlite3
import sys
import warnings

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
from synthetic_ledger import build  # noqa: E402

from storyledger.cli import main  # noqa: E402
from storyledger.ledger import Ledger, LedgerError  # noqa: E402
from storyledger.present import Progress, create_app, export, report  # noqa: E402
from storyledger.present.export import read_relations  # noqa: E402

warnings.filterwarnings("ignore", category=DeprecationWarning)


@pytest.fixture(scope="module")
def ledger_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("present") / "ledger.db"
    build(path, 1200)
    Ledger(path).close()  # migrate, as any write command does
    return path


@pytest.fixture(scope="module")
def client(ledger_path):
    from starlette.testclient import TestClient

    return TestClient(create_app(ledger_path))


@pytest.fixture(scope="module")
def some(ledger_path):
    db = sqlite3.connect(ledger_path)
    out = {"proposition": db.execute("SELECT id FROM propositions ORDER BY n_claims DESC LIMIT 1").fetchone()[0],
           "document": db.execute("SELECT id FROM documents LIMIT 1").fetchone()[0],
           "source": db.execute("SELECT source FROM claims LIMIT 1").fetchone()[0],
           "claim": db.execute("SELECT id FROM claims LIMIT 1").fetchone()[0],
           "story": db.execute("SELECT id FROM stories ORDER BY claims DESC LIMIT 1").fetchone()[0]}
    db.close()
    return out


def pages(some):
    return ["/", "/propositions", "/propositions?sort=recent&offset=10", "/changes", f"/story/{some['story']}",
            f"/proposition/{some['proposition']}", f"/source/{some['source']}", "/sources",
            f"/article?id={some['document']}", "/search?q=troops&stance=asserted&since=2024-09-01&until=2024-12-31",
            "/search?source=Speaker+3&outlet=Reuters", "/map", f"/map?proposition={some['proposition']}"]


def test_every_page_and_its_json_twin_answer(client, some):
    for url in pages(some):
        r = client.get(url)
        assert r.status_code == 200, url
        assert "text/html" in r.headers["content-type"]
        api = ("/api/stories" if url == "/" else "/api/overview" + url[len("/propositions"):] if url.startswith("/propositions")
               else "/api" + url)
        j = client.get(api)
        assert j.status_code == 200, api
        assert j.headers["content-type"] == "application/json"
    assert client.get("/api/overview").json()["propositions"][0]["id"] == some["proposition"]
    p = client.get(f"/api/proposition/{some['proposition']}").json()
    assert p["timeline"] and p["groups"] and p["n_claims"] >= len(p["claims"])
    a = client.get(f"/api/article?id={some['document']}").json()
    assert any(s["claim"] is not None for s in a["segments"])
    assert "".join(s["text"] for s in a["segments"]) == a["text"]
    assert client.get("/api/search?q=troops").json()["claims"]


def test_security_headers_on_every_answer(client, some):
    for url in pages(some) + ["/static/style.css", "/nope", "/api/nope"]:
        h = client.get(url).headers
        assert "script-src 'self'" in h["content-security-policy"] and "'unsafe-inline'" not in h["content-security-policy"], url
        assert h["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize("url", [
    "/static/../app.py", "/static/%2e%2e/app.py", "/static/%2e%2e/%2e%2e/ledger/store.py", "/static/..%2f..%2fcli.py",
    "/static//etc/passwd", "/static/%2fetc%2fpasswd", "/static/vendor/../../app.py", "/article?id=../../../../etc/passwd",
    "/article?id=%2Fetc%2Fpasswd", "/proposition/..%2f..%2fetc%2fpasswd", "/source/..%2f1", "/..%2f..%2fetc/passwd",
])
def test_path_traversal_gets_nothing(client, url):
    r = client.get(url)
    assert r.status_code in (400, 404), url
    assert "root:" not in r.text and "import" not in r.text


SQL = ["'", "\"", "' OR '1'='1", "1; DROP TABLE claims; --", "\" OR 1=1 --", "%' --", "*", "NEAR(a b)", "a OR b AND",
       "\\", "`", "1) UNION SELECT name FROM sqlite_master --", "claims_fts MATCH", "ñ'é", "0x00", "-1", "99999999999999999999"]
PARAMS = ["q", "since", "until", "source", "stance", "outlet", "offset"]


def test_sql_metacharacters_in_every_parameter(client, ledger_path, some):
    before = sqlite3.connect(ledger_path).execute("SELECT count(*) FROM claims").fetchone()[0]
    for bad in SQL:
        for name in PARAMS:
            for path in ("/search", "/api/search"):
                r = client.get(path, params={name: bad})
                assert r.status_code in (200, 400), (name, bad, r.status_code)
        for url, params in (("/", {"sort": bad}), ("/", {"offset": bad}), ("/article", {"id": bad}), ("/map", {"proposition": bad}),
                            (f"/proposition/{some['proposition']}", {"offset": bad})):
            r = client.get(url, params=params)
            assert r.status_code in (200, 400, 404), (url, params, r.status_code)
        assert client.get("/proposition/" + bad.replace("/", "")).status_code in (400, 404)
        assert client.get("/api/source/" + bad).status_code in (400, 404)
    after = sqlite3.connect(ledger_path).execute("SELECT count(*) FROM claims").fetchone()[0]
    assert before == after
    assert client.get("/api/search", params={"stance": "' OR 1=1 --"}).json() == {"error": "stance must be one of asserted, confirmed, denied, unconfirmed, possible, predicted."}


def test_oversized_and_odd_requests(client):
    assert client.get("/search?q=" + "a" * 5000).status_code == 414
    assert client.get("/api/search?q=" + "a" * 5000).json() == {"error": "the request is too long."}
    assert client.get("/search", params={"q": "a " * 200}).status_code == 400
    assert client.get("/search", params={"q": "a\x00b"}).status_code == 400
    assert client.post("/search", data={"q": "x"}).status_code == 405
    assert client.get("/?offset=-5").status_code == 400
    assert client.get("/propositions?offset=-5").status_code == 400
    assert client.get("/propositions", params={"sort": "id; DROP TABLE claims"}).status_code == 400


def test_the_app_opens_the_ledger_read_only(ledger_path):
    ledger = Ledger(ledger_path, readonly=True)
    with pytest.raises(sqlite3.OperationalError):
        ledger.db.execute("DELETE FROM claims")
    assert ledger.db.execute("SELECT count(*) FROM claims").fetchone()[0] == 1200
    with pytest.raises(LedgerError, match="there is no ledger at"):
        Ledger(ledger_path.parent / "missing.db", readonly=True)


def test_review_is_recorded_and_exported_as_claim_review(ledger_path, some, tmp_path, capsys):
    db = tmp_path / "r.db"
    db.write_bytes(ledger_path.read_bytes())
    assert main(["review", some["claim"], "--rating", "False", "--reviewer", "Desk", "--db", str(db)]) == 0
    assert main(["review", "nope", "--rating", "False", "--db", str(db)]) == 1
    assert capsys.readouterr().err.splitlines()[-1] == f"storyledger: there is no claim 'nope' in {db}."
    out = tmp_path / "claims.jsonld"
    assert main(["export", "--format", "schema-org", "--db", str(db), "-o", str(out)]) == 0
    graph = json.loads(out.read_text())["@graph"]
    claims = [g for g in graph if g["@type"] == "Claim"]
    reviews = [g for g in graph if g["@type"] == "ClaimReview"]
    assert len(claims) == 1200 and len(reviews) == 1
    assert reviews[0]["itemReviewed"]["@id"] == f"urn:storyledger:claim:{some['claim']}"
    assert reviews[0]["reviewRating"]["alternateName"] == "False" and reviews[0]["author"]["name"] == "Desk"
    c = next(g for g in claims if g["identifier"] == some["claim"])
    assert c["author"]["name"].startswith("Speaker") and c["appearance"]["@type"] == "NewsArticle"
    dated = next(g for g in claims if "datePublished" in g)
    assert len(dated["datePublished"]) == 10


def test_table_exports_write_one_file_per_table(ledger_path, tmp_path):
    with Ledger(ledger_path, readonly=True) as ledger:
        for fmt in ("jsonl", "csv", "parquet"):
            written = export(ledger, fmt, str(tmp_path / fmt))
            assert [p.rsplit("/", 1)[1] for p in written] == [f"{t}.{fmt}" for t in
                                                             ("documents", "claims", "sources", "propositions", "relations", "reviews")]
    lines = (tmp_path / "jsonl" / "claims.jsonl").read_text().splitlines()
    assert len(lines) == 1200 and set(json.loads(lines[0])) >= {"id", "source", "stance", "said_on", "proposition", "independent_of"}
    rows = list(csv.DictReader(io.StringIO((tmp_path / "csv" / "claims.csv").read_text())))
    assert len(rows) == 1200 and rows[0]["speaker"].startswith("Speaker")
    import pyarrow.parquet as pq

    t = pq.read_table(tmp_path / "parquet" / "claims.parquet")
    assert t.num_rows == 1200 and str(t.schema.field("start").type) == "int64"
    # a source's names and roles are lists in JSONL, JSON text in CSV: never JSON text inside JSON
    source = json.loads((tmp_path / "jsonl" / "sources.jsonl").read_text().splitlines()[0])
    assert isinstance(source["aliases"], list) and isinstance(source["roles"], list) and source["aliases"]
    row = next(csv.DictReader(io.StringIO((tmp_path / "csv" / "sources.csv").read_text())))
    assert json.loads(row["aliases"]) == source["aliases"]
    assert pq.read_table(tmp_path / "parquet" / "propositions.parquet").num_rows > 100


def test_relations_are_one_format_whichever_output_wrote_them(ledger_path, tmp_path, some):
    """formats.md: {kind, claims: [claim_id, claim_id], proposition, note}, from `contradictions` and
    from the export alike, read back by the one reader."""
    with Ledger(ledger_path, readonly=True) as ledger:
        everything, conflicts = list(ledger.relations()), list(ledger.contradictions())
        one = list(ledger.relations(proposition=some["proposition"]))
        for fmt in ("jsonl", "csv", "parquet"):
            export(ledger, fmt, str(tmp_path / fmt))
            export(ledger, fmt, str(tmp_path / f"one-{fmt}"), proposition=some["proposition"])
    assert conflicts and len(everything) > len(conflicts) and one
    for fmt in ("jsonl", "csv", "parquet"):
        assert list(read_relations(tmp_path / fmt / f"relations.{fmt}")) == everything, fmt
        assert list(read_relations(tmp_path / f"one-{fmt}" / f"relations.{fmt}")) == one, fmt
    for fmt in ("jsonl", "json", "csv"):
        out = tmp_path / f"contradictions.{fmt}"
        assert main(["contradictions", "--db", str(ledger_path), "--format", fmt, "-o", str(out)]) == 0
        assert list(read_relations(out)) == conflicts, fmt
    exported = (tmp_path / "jsonl" / "relations.jsonl").read_text().splitlines()
    assert list(json.loads(exported[0])) == ["kind", "claims", "proposition", "note"]
    assert set((tmp_path / "contradictions.jsonl").read_text().splitlines()) <= set(exported)  # the same lines
    assert (tmp_path / "csv" / "relations.csv").read_text().splitlines()[0] == "kind,claims,proposition,note"
    assert (tmp_path / "contradictions.csv").read_text().splitlines()[0] == "kind,claims,proposition,note,claim,against"
    import pyarrow.parquet as pq

    assert pq.read_schema(tmp_path / "parquet" / "relations.parquet").names == ["kind", "claims", "proposition", "note"]


def test_export_errors_are_one_sentence(ledger_path, tmp_path, capsys):
    assert main(["export", "--format", "csv", "--db", str(ledger_path), "-o", "-"]) == 1
    assert capsys.readouterr().err == "storyledger: this format writes one file per table: give -o a directory.\n"
    assert main(["export", "--format", "jsonl", "--db", str(ledger_path), "--proposition", "pnope", "-o", str(tmp_path / "x")]) == 1
    assert capsys.readouterr().err == f"storyledger: there is no proposition 'pnope' in {ledger_path}.\n"


def test_report_is_one_self_contained_file(ledger_path, tmp_path):
    out = tmp_path / "report.html"
    with Ledger(ledger_path, readonly=True) as ledger:
        n = report(ledger, out, limit=20)
    html = out.read_text()
    assert n == 20 and html.count('<section class="prop"') == 20
    assert "Content-Security-Policy" in html and "script-src 'sha256-" in html
    for external in ('src="http', "src='http", 'href="http', "@import", "<link"):
        assert external not in html
    assert '<svg class="tl"' in html


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_draws_only_on_a_terminal():
    ticks = iter(range(100))
    tty = Terminal()
    bar = Progress(total=4, stream=tty, clock=lambda: float(next(ticks)))
    for i in range(4):
        bar(f"d{i}", "added")
    bar.close()
    assert "[" + "#" * 28 + "] 4/4 documents, 1.0/s" in tty.getvalue()
    plain = io.StringIO()
    silent = Progress(total=4, stream=plain)
    silent("d", "added")
    silent.close()
    assert plain.getvalue() == "" and not silent.enabled
    quiet = Progress(total=4, stream=Terminal(), enabled=False)
    quiet("d", "added")
    assert quiet.stream.getvalue() == ""


def test_datasette_labels_foreign_keys_and_searches_claims(ledger_path):
    from datasette.app import Datasette

    from storyledger.present.datasette import METADATA, datasette_metadata

    assert "claims_fts" in METADATA.read_text()

    async def go():
        ds = Datasette([str(ledger_path)], metadata=datasette_metadata(ledger_path))
        labelled = (await ds.client.get("/ledger/claims.json?_labels=on&_size=1&_shape=objects")).json()["rows"][0]
        found = (await ds.client.get("/ledger/claims.json?_search=ceasefire&_shape=objects&_size=5")).json()["rows"]
        return labelled, found

    labelled, found = asyncio.run(go())
    assert labelled["source"]["label"].startswith("Speaker")
    assert labelled["proposition"]["label"].startswith("Proposition ")
    assert labelled["document"]["label"].startswith("Report ")
    assert found and all("ceasefire" in r["content"] for r in found)


def test_serve_binds_this_machine_by_default_and_checks_tiles(ledger_path, capsys):
    from storyledger.cli import build_parser

    args = build_parser().parse_args(["serve"])
    assert (args.host, args.port, args.tiles, args.db) == ("127.0.0.1", 8000, None, "ledger.db")
    assert main(["serve", "--db", str(ledger_path), "--tiles", "file:///etc/passwd"]) == 1
    assert capsys.readouterr().err == ("storyledger: --tiles must be an http(s) URL template with {z}, {x} and {y}, "
                                       "not 'file:///etc/passwd'.\n")


def test_tiles_are_allowed_only_when_asked_for(ledger_path):
    from starlette.testclient import TestClient

    plain = TestClient(create_app(ledger_path)).get("/map")
    assert "img-src 'self' data:;" in plain.headers["content-security-policy"] and 'data-tiles=""' in plain.text
    tiled = TestClient(create_app(ledger_path, "https://tiles.example.org/{z}/{x}/{y}.png")).get("/map")
    assert "img-src 'self' data: https://tiles.example.org;" in tiled.headers["content-security-policy"]
    assert 'data-tiles="https://tiles.example.org/{z}/{x}/{y}.png"' in tiled.text
