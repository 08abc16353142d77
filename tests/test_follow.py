"""Issue 15: following a story. Stories as the front door, what changed (stable, in any order),
the Atom feeds, alerts while watching, and each source's track record."""
from __future__ import annotations

import json
import shutil
import sqlite3
import sys
import warnings
import xml.etree.ElementTree as ET
from datetime import datetime
from pathlib import Path
from urllib.parse import quote

import feedparser
import pytest

from conftest import ROOT, SEED

from storyledger.cli import main
from storyledger.ledger import Ledger, follow
from storyledger.ledger.changes import Step, changes_of
from storyledger.ledger.status import Position

sys.path.insert(0, str(ROOT / "tests"))

ATOM = "{http://www.w3.org/2005/Atom}"
AUSTIN = "has not yet confirmed that North Korea is sending troops"
PENTAGON = "DPRK troops had arrived in Russia"


def changes_of_ledger(db: Path, *args: str) -> list[dict]:
    with Ledger(db) as ledger:
        return ledger.changes(*args)


def stable(changes: list[dict]) -> list[tuple]:
    """A list of changes without the wall-clock field (learned_at) and the proposition ids."""
    return sorted((c["id"], c["kind"], c["date"], c["old"], c["new"], tuple(x["id"] for x in c["claims"]), c["note"], c["story"])
                  for c in changes)


# ---- pure: changes of constructed claims ----------------------------------------------------


def step(cid: str, source: int, stance: str, date: str, doc: str = "d", seq: int = 0, low=None, high=None, kind="person") -> Step:
    return Step(Position(cid, source, kind, stance, "positive", date, False, low, high), (doc, seq), f"S{source}")


def test_a_status_timeline_gives_new_and_status_changes_and_an_update_gives_a_reversal():
    steps = [step("a", 1, "unconfirmed", "2024-10-20"), step("b", 2, "asserted", "2024-10-22", "e"),
             step("c", 3, "denied", "2024-10-25", "f"), step("d", 1, "confirmed", "2024-10-26", "g")]
    got = changes_of(steps, [("updates", "d", "a", "S1: unconfirmed; later S1: confirmed")])
    kinds = [(c.kind, c.date, c.old, c.new) for c in got]
    assert ("new", "2024-10-20", None, "unconfirmed") in kinds
    assert ("status", "2024-10-22", "unconfirmed", "reported") in kinds
    assert ("status", "2024-10-25", "reported", "contested") in kinds
    assert ("status", "2024-10-26", "contested", "confirmed") in kinds
    reversal = next(c for c in got if c.kind == "reversal")
    assert (reversal.old, reversal.new, reversal.claims) == ("contested", "confirmed", ["a", "d"])
    # the key: what happened and the claims, not the proposition id nor the claims' order in the input
    again = changes_of(list(reversed(steps)), [("updates", "d", "a", "S1: unconfirmed; later S1: confirmed")])
    assert [c.key for c in again] == [c.key for c in got]


def test_a_disputed_number_appears_and_widens():
    steps = [step("a", 1, "asserted", "2024-10-17", low=10000, high=10000),
             step("b", 2, "asserted", "2024-10-18", "e", low=2000, high=9999),
             step("c", 1, "asserted", "2024-10-30", "f", low=10000, high=12000)]
    got = changes_of(steps, [("disputes_number", "a", "b", "S1: 10,000 troops; S2: 2,000–9,999 troops")])
    numbers = [c for c in got if c.kind == "number"]
    # the dispute appears (both claims), then the range widens (the claim that widened it)
    assert [(c.date, c.claims) for c in numbers] == [("2024-10-18", ["a", "b"]), ("2024-10-30", ["c"])]
    assert "disputed: S1: 10,000" in numbers[0].note and numbers[1].note.startswith("numbers 2,000–10,000 to 2,000–12,000")
    status = next(c for c in got if c.kind == "status")
    assert (status.date, status.old, status.new) == ("2024-10-18", "reported", "corroborated")
    # two disputes on one day are one change
    two = changes_of(steps[:2] + [step("d", 3, "asserted", "2024-10-18", "g", low=3000, high=3000)],
                     [("disputes_number", "a", "b", "x"), ("disputes_number", "a", "d", "y")])
    assert [c.claims for c in two if c.kind == "number"] == [["a", "b", "d"]]


# ---- the seed ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("seed") / "seed.db"
    assert main(["ingest", str(SEED), "--db", str(db), "--quiet"]) == 0
    return db


@pytest.mark.model
def test_on_the_seed_one_story_and_the_pentagon_confirmation_is_a_change(seed_db, capsys):
    capsys.readouterr()
    assert main(["stories", "--db", str(seed_db), "--format", "jsonl"]) == 0
    stories = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(stories) == 1
    story = stories[0]
    assert story["documents"] == 1 and story["claims"] == 24 and "North Korean" in story["label"]
    assert main(["changes", "--db", str(seed_db), "--format", "jsonl"]) == 0
    changes = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    with Ledger(seed_db) as ledger:
        austin = next(c for c in ledger.claims() if AUSTIN in c["content"])
        pentagon = next(c for c in ledger.claims() if PENTAGON in c["content"])
    # the current grouping puts both in one proposition: the confirmation is a change of its status
    assert austin["proposition"] == pentagon["proposition"]
    found = [c for c in changes if c["proposition"] == austin["proposition"] and c["kind"] == "reversal"]
    assert len(found) == 1
    change = found[0]
    assert [x["id"] for x in change["claims"]] == [austin["id"], pentagon["id"]]
    # Sikorski's "Their presence was confirmed in the far east" is of the same proposition (the
    # seed gold's P_in_russia), so before the Pentagon it was reported, not only unconfirmed
    assert (change["old"], change["new"], change["date"]) == ("reported", "confirmed", "2024-10-28")
    assert change["story"] == story["id"] and change["learned_at"]
    # newest first
    assert [c["date"] for c in changes] == sorted((c["date"] for c in changes), reverse=True)
    # the table says it in words
    assert main(["changes", "--db", str(seed_db), "--story", story["id"]]) == 0
    table = capsys.readouterr().out
    assert "reversal  reported -> confirmed" in table and "Lloyd Austin unconfirmed; Pentagon confirmed" in table


def atom_check(xml: str) -> ET.Element:
    """RFC 4287's required elements, checked on the XML itself: a feed has exactly one id, title and
    updated, an author (or every entry one), a self link; every entry exactly one id, title, updated
    and an alternate link; every date RFC 3339."""
    root = ET.fromstring(xml)
    assert root.tag == ATOM + "feed"

    def one(el: ET.Element, name: str) -> str:
        found = el.findall(ATOM + name)
        assert len(found) == 1, (name, len(found))
        return found[0].text or ""

    def date(text: str) -> None:
        datetime.fromisoformat(text.replace("Z", "+00:00"))
        assert "T" in text and (text.endswith("Z") or text[-6] in "+-")

    assert one(root, "id") and one(root, "title")
    date(one(root, "updated"))
    assert root.findall(ATOM + "author/" + ATOM + "name")
    assert any(link.get("rel") == "self" for link in root.findall(ATOM + "link"))
    for entry in root.findall(ATOM + "entry"):
        assert one(entry, "id").startswith("urn:storyledger:change:") and one(entry, "title")
        date(one(entry, "updated"))
        links = [link for link in entry.findall(ATOM + "link") if link.get("rel", "alternate") == "alternate"]
        assert len(links) == 1 and links[0].get("href", "").startswith("http")
    return root


@pytest.mark.model
def test_the_atom_feed_parses_and_holds_the_confirmation(seed_db, tmp_path, capsys):
    out = tmp_path / "changes.atom"
    assert main(["changes", "--db", str(seed_db), "--format", "atom", "-o", str(out)]) == 0
    xml = out.read_text(encoding="utf-8")
    atom_check(xml)
    feed = feedparser.parse(xml)
    assert not feed.bozo, feed.get("bozo_exception")
    reversal = [e for e in feed.entries if e.title.startswith("Reversal, reported to confirmed")]
    assert len(reversal) == 1
    assert "Lloyd Austin" in reversal[0].summary and "Pentagon" in reversal[0].summary
    assert reversal[0].link.startswith("http://127.0.0.1:8000/proposition/p")
    with Ledger(seed_db) as ledger:
        assert len(feed.entries) == len(ledger.changes())


@pytest.mark.model
def test_story_filters_and_an_unknown_story_is_one_sentence(seed_db, tmp_path, capsys):
    with Ledger(seed_db) as ledger:
        sid = ledger.stories()[0]["id"]
        n_props = len(ledger.propositions())
    capsys.readouterr()
    for command in ("propositions", "contradictions", "claims", "changes", "stories"):
        args = [command, "--db", str(seed_db), "--format", "jsonl"]
        if command != "stories":
            assert main(args + ["--story", "no-such-story"]) == 1
            assert capsys.readouterr().err == (f"storyledger: there is no story 'no-such-story' in {seed_db} "
                                               "(`storyledger stories` lists them).\n")
    assert main(["propositions", "--db", str(seed_db), "--format", "jsonl", "--story", sid]) == 0
    assert len(capsys.readouterr().out.splitlines()) == n_props
    assert main(["report", "--html", str(tmp_path / "r.html"), "--db", str(seed_db), "--story", "nope"]) == 1
    assert "there is no story 'nope'" in capsys.readouterr().err
    assert main(["report", "--html", str(tmp_path / "r.html"), "--db", str(seed_db), "--story", sid]) == 0
    assert "Story examples/" in (tmp_path / "r.html").read_text(encoding="utf-8") or sid in (tmp_path / "r.html").read_text(encoding="utf-8")
    assert main(["export", "--format", "jsonl", "--db", str(seed_db), "--story", sid, "-o", str(tmp_path / "x")]) == 0
    assert len((tmp_path / "x" / "claims.jsonl").read_text().splitlines()) == 24
    assert main(["export", "--format", "jsonl", "--db", str(seed_db), "--story", "nope", "-o", str(tmp_path / "y")]) == 1


# ---- stable changes: any order, replays, restarts, regrouping ---------------------------------


@pytest.mark.model
def test_changes_are_the_same_in_any_order_and_after_a_replay(tmp_path):
    from test_reliability import write_corpus

    paths = write_corpus(tmp_path / "corpus")
    once, other = tmp_path / "once.db", tmp_path / "other.db"
    assert main(["ingest", *paths, "--db", str(once), "--quiet"]) == 0
    first = changes_of_ledger(once)
    learned = {c["id"]: c["learned_at"] for c in first}
    # replayed: nothing new, nothing duplicated, nothing relearned
    assert main(["ingest", *paths, "--db", str(once), "--quiet"]) == 0
    again = changes_of_ledger(once)
    assert stable(again) == stable(first) and {c["id"]: c["learned_at"] for c in again} == learned
    # another order, one document at a time (a link after each)
    shuffled = write_corpus(tmp_path / "shuffled", shuffle=3)
    lines = Path(shuffled[2]).read_text(encoding="utf-8").splitlines()
    for i, line in enumerate(lines):
        one = tmp_path / f"line{i}.jsonl"
        one.write_text(line + "\n", encoding="utf-8")
        assert main(["ingest", str(one), "--db", str(other), "--quiet"]) == 0
    assert main(["ingest", paths[1], "--db", str(other), "--quiet"]) == 0  # .txt ids are their paths: the same files
    assert main(["ingest", paths[0], "--db", str(other), "--quiet"]) == 0
    assert stable(changes_of_ledger(other)) == stable(first)
    assert len({c["id"] for c in first}) == len(first)
    with Ledger(once) as a, Ledger(other) as b:
        assert a.stories() == b.stories()
        ta = sorted(tuple(r) for r in a.db.execute("SELECT s.name, t.outcome, t.confirmed_by, t.denied_by, t.first, t.reversals, "
                                                  "t.claim FROM track t JOIN sources s ON s.id = t.source"))
        tb = sorted(tuple(r) for r in b.db.execute("SELECT s.name, t.outcome, t.confirmed_by, t.denied_by, t.first, t.reversals, "
                                                  "t.claim FROM track t JOIN sources s ON s.id = t.source"))
        assert ta == tb


@pytest.mark.model
def test_a_regroup_giving_the_same_claims_gives_the_same_change(seed_db, tmp_path):
    db = tmp_path / "copy.db"
    shutil.copy(seed_db, db)
    with Ledger(db) as ledger:
        before = {c["id"]: c for c in ledger.changes()}
        austin = next(c for c in ledger.claims() if AUSTIN in c["content"])
        old = austin["proposition"]
        con = ledger.db
        con.execute("BEGIN IMMEDIATE")
        # grouping gives the same claims another id: the old proposition goes, a new one comes
        con.execute("INSERT INTO propositions SELECT 'pfeedfacefeed', label, n_claims, n_sources, status, first_seen, last_seen, low, "
                    "high, unit, n_for, n_against, changed_on, timeline, story FROM propositions WHERE id = ?", (old,))
        con.execute("UPDATE claims SET proposition = 'pfeedfacefeed' WHERE proposition = ?", (old,))
        con.execute("UPDATE relations SET proposition = 'pfeedfacefeed' WHERE proposition = ?", (old,))
        con.execute("DELETE FROM propositions WHERE id = ?", (old,))
        follow.refresh(con, ["pfeedfacefeed"], "2099-01-01T00:00:00+00:00")
        con.execute("COMMIT")
        after = {c["id"]: c for c in ledger.changes()}
    assert after.keys() == before.keys()
    moved = [k for k, c in before.items() if c["proposition"] == old]
    assert moved and all(after[k]["proposition"] == "pfeedfacefeed" for k in moved)
    assert all(after[k]["learned_at"] == before[k]["learned_at"] for k in after)  # not relearned


# ---- alerts while watching ------------------------------------------------------------------


@pytest.mark.model
def test_on_change_gets_exactly_the_new_changes_once_across_rounds_and_restarts(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    got = tmp_path / "got.jsonl"
    jsonl = tmp_path / "changes.jsonl"
    db = tmp_path / "l.db"
    command = f"cat >> {got}; echo >> {got}"
    watch = ["watch", str(folder), "--db", str(db), "--once", "--on-change", command, "--changes-file", str(jsonl)]
    (folder / "a.txt").write_text(" date 2024-10-20 Troops\n\nGeneral Jan Nowak said that 3,000 soldiers were sent to the border "
                                  "near Przemysl.\n", encoding="utf-8")
    assert main(watch) == 0
    first = [json.loads(line) for line in got.read_text().splitlines() if line.strip()]
    keys1 = {c["id"] for c in changes_of_ledger(db)}
    assert first and {c["id"] for c in first} == keys1 and len(first) == len(keys1)
    assert f"{len(keys1)} new change(s) sent" in capsys.readouterr().out
    # round two: a later article on the same thing; only what it changed is sent
    (folder / "b.txt").write_text(" date 2024-10-24 Border\n\nDefence minister Ewa Kot denied that 3,000 soldiers were sent to the "
                                  "border near Przemysl.\n", encoding="utf-8")
    assert main(watch) == 0
    every = [json.loads(line) for line in got.read_text().splitlines() if line.strip()]
    second = every[len(first):]
    keys2 = {c["id"] for c in changes_of_ledger(db)}
    assert second and {c["id"] for c in second} == keys2 - keys1 and len(second) == len(keys2 - keys1)
    # a restart with nothing new: nothing again; the JSONL file holds each change once
    assert main(watch) == 0
    assert len([line for line in got.read_text().splitlines() if line.strip()]) == len(every)
    assert sorted(json.loads(line)["id"] for line in jsonl.read_text().splitlines()) == sorted(keys2)
    assert sqlite3.connect(db).execute("SELECT count(*) FROM alerts WHERE outcome = 'sent'").fetchone()[0] == 2 * len(keys2)


@pytest.mark.model
def test_a_failing_or_hanging_command_is_named_and_the_watch_goes_on(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    db = tmp_path / "l.db"
    (folder / "a.txt").write_text(" date 2024-10-20 Troops\n\nGeneral Jan Nowak said that 3,000 soldiers were sent to the border.\n",
                                  encoding="utf-8")
    assert main(["watch", str(folder), "--db", str(db), "--once", "--on-change", "exit 3"]) == 0
    err = capsys.readouterr().err
    assert "storyledger: --on-change exited with status 3 for change k" in err
    (folder / "b.txt").write_text(" date 2024-10-24 Border\n\nColonel Ewa Kot denied that 3,000 soldiers were sent to the border.\n",
                                  encoding="utf-8")
    assert main(["watch", str(folder), "--db", str(db), "--once", "--on-change", "sleep 30", "--on-change-timeout", "0.5"]) == 0
    captured = capsys.readouterr()
    assert "did not finish within the time limit of 0.5 s for change k" in captured.err
    assert "1 added" in captured.out  # the cycle itself went through
    with Ledger(db) as ledger:
        outcomes = {r[0] for r in ledger.db.execute("SELECT outcome FROM alerts")}
    assert all(o.startswith("--on-change") for o in outcomes)
    # nothing is retried: a failed alert is not sent twice either
    assert main(["watch", str(folder), "--db", str(db), "--once", "--on-change", "sleep 30", "--on-change-timeout", "0.5"]) == 0
    assert "--on-change" not in capsys.readouterr().err


# ---- track record ---------------------------------------------------------------------------

BRIDGE = "Mayor Anna Kowalczyk said that the Vistula bridge in Torun was closed for urgent repairs after cracks were found."
BUDGET = "Councillor Jan Wisniewski said that the municipal budget deficit had reached forty million zloty."
ZOO = "Professor Ewa Lis said that the zoo had bought two elephants from a park in Leipzig."
TRACK_DOCS = [
    {"id": "d1", "published": "2024-03-01", "outlet": "Torun Daily", "title": "Bridge closed", "text": f"{BRIDGE}\n\n{BUDGET}\n\n{ZOO}\n"},
    {"id": "d2", "published": "2024-03-02", "outlet": "Wire", "title": "Bridge closed",
     "text": f"Reposted from Torun Daily.\n\n{BRIDGE}\n\n{BUDGET}\n\n{ZOO}\n"},  # a wire copy of d1
    {"id": "d3", "published": "2024-03-05", "outlet": "Radio Torun", "title": "Minister on the bridge",
     "text": "Transport minister Piotr Zielinski confirmed that the Vistula bridge in Torun was closed for urgent repairs after cracks were found.\n"},
    {"id": "d4", "published": "2024-03-06", "outlet": "Gazeta", "title": "Engineers",
     "text": "Chief engineer Maria Nowak said that the Vistula bridge in Torun was closed for urgent repairs after cracks were found in its piers.\n"},
    {"id": "d5", "published": "2024-03-07", "outlet": "Gazeta", "title": "Budget",
     "text": "City treasurer Olga Marek denied that the municipal budget deficit had reached forty million zloty.\n"},
]


@pytest.mark.model
def test_track_record_confirmed_denied_open_and_a_copy_counts_nothing(tmp_path, capsys):
    docs = tmp_path / "docs.jsonl"
    docs.write_text("".join(json.dumps(d) + "\n" for d in TRACK_DOCS), encoding="utf-8")
    db = tmp_path / "t.db"
    assert main(["ingest", str(docs), "--db", str(db), "--quiet"]) == 0
    with Ledger(db) as ledger:
        claims = list(ledger.claims())
        by = lambda name, doc: next(c for c in claims if c["speaker"].endswith(name) and c["document"] == doc)  # noqa: E731
        # the grouping this test stands on: each of A's, B's and C's claims with its later ones, copies marked
        assert by("Kowalczyk", "d1")["proposition"] == by("Zielinski", "d3")["proposition"] == by("Nowak", "d4")["proposition"]
        assert by("Wisniewski", "d1")["proposition"] == by("Marek", "d5")["proposition"]
        assert by("Kowalczyk", "d2")["independent_of"] == by("Kowalczyk", "d1")["id"]
        record = {s["name"]: s["track"] for s in ledger.sources()}
        a = ledger.source("Kowalczyk")
    assert record["Anna Kowalczyk"] == {"confirmed": 1, "denied": 0, "disputed": 0, "open": 0, "first": 1, "reversals": 0}
    assert [(r["outcome"], r["confirmed_by"], r["denied_by"], r["first"]) for r in a["track_record"]] == [("confirmed", 2, 0, True)]
    assert record["Councillor Jan Wisniewski"]["denied"] == 1 and record["Councillor Jan Wisniewski"]["confirmed"] == 0
    assert record["Ewa Lis"] == {"confirmed": 0, "denied": 0, "disputed": 0, "open": 1, "first": 0, "reversals": 0}
    # later ones are not "later confirmed" by what came before them
    assert record["Maria Nowak"]["open"] == 1
    # the CLI: columns of `sources`, a section of `source NAME`
    capsys.readouterr()
    assert main(["sources", "--db", str(db)]) == 0
    header = capsys.readouterr().out.splitlines()[0].split()
    assert header[:10] == ["name", "kind", "claims", "propositions", "confirmed", "denied", "disputed", "open", "first", "reversals"]
    assert main(["source", "Kowalczyk", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "independent sources later confirmed 1" in out and "first with 1 later confirmed" in out


def test_a_relay_or_a_party_is_not_independent():
    from storyledger.ledger.track import Speaker, records_of

    steps = [step("a", 1, "asserted", "2024-03-01", "d1"), step("b", 2, "asserted", "2024-03-02", "d2"),
             step("c", 3, "asserted", "2024-03-03", "d3"), step("d", 4, "asserted", "2024-03-04", "d4")]
    speakers = {1: Speaker(frozenset({"ministry of defence"}), frozenset()), 2: Speaker(frozenset({"defence minister"}), frozenset({1})),
                3: Speaker(frozenset({"censor net"}), frozenset()), 4: Speaker(frozenset({"reuters"}), frozenset())}
    via = {"c": ("Ministry of Defence",)}  # source 3 relays source 1
    rows = {r.source: r for r in records_of(steps, via, speakers)}
    assert rows[1].confirmed_by == 1  # only Reuters: the minister is the same party, Censor.NET relays it
    assert rows[1].outcome == "confirmed" and rows[1].first


# ---- the web app ----------------------------------------------------------------------------


@pytest.mark.model
def test_story_pages_changes_and_feeds_on_the_web(seed_db):
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

    from storyledger.present import create_app

    client = TestClient(create_app(seed_db))
    with Ledger(seed_db) as ledger:
        sid = ledger.stories()[0]["id"]
        pid = ledger.changes()[0]["proposition"]
    href = "/story/" + quote(sid, safe="")
    front = client.get("/")
    assert front.status_code == 200 and "Stories" in front.text and f'href="{href}"' in front.text
    page = client.get(href)
    assert page.status_code == 200
    html = page.text
    assert html.index("<h2>Propositions") < html.index("<h2>Contradictions") < html.index('<h2 id="changes">What changed')
    assert client.get("/api/story/" + sid).json()["story"]["id"] == sid
    assert client.get("/story/" + sid + "/changes.atom").headers["content-type"].startswith("application/atom+xml")
    feed = feedparser.parse(client.get("/story/" + sid + "/changes.atom").text)
    assert not feed.bozo and feed.entries and feed.feed.links[0].href.endswith("/changes.atom")
    atom_check(client.get("/changes.atom").text)
    assert client.get("/changes").status_code == 200 and client.get("/api/changes").json()["changes"]
    for missing in ("/story/nope", "/story/nope/changes.atom", "/changes?story=nope"):
        r = client.get(missing)
        assert r.status_code == 404 and "there is no story" in r.text
    assert client.get("/api/story/nope").status_code == 404
    crumbs = client.get(f"/proposition/{pid}").text
    assert f"(story {sid})" in crumbs and f'href="{href}"' in crumbs


def test_article_text_is_escaped_in_the_feed():
    from storyledger.present.feed import atom

    payload = "<script>alert(1)</script> & \x0b</summary><entry>"
    change = {"id": "k1", "kind": "new", "date": "2024-10-28", "learned_at": "2024-10-29T10:00:00+00:00", "story": "s",
              "proposition": "p1", "label": payload, "old": None, "new": "reported", "note": payload, "n_claims": 1,
              "claims": [{"id": "c1", "source": payload, "stance": "asserted", "content": payload, "document": "d"}]}
    xml = atom([change], "t " + payload, "http://x/changes.atom", "http://x/changes", "http://x/")
    assert "<script>" not in xml and "&lt;script&gt;" in xml
    root = atom_check(xml)
    assert len(root.findall(ATOM + "entry")) == 1
    parsed = feedparser.parse(xml)
    assert not parsed.bozo and "<script>alert(1)</script>" in parsed.entries[0].summary.replace("&lt;", "<").replace("&gt;", ">")


def test_since_takes_a_date_or_a_duration():
    from datetime import timezone

    from storyledger.ledger import LedgerError

    now = datetime(2024, 10, 29, 12, 0, tzinfo=timezone.utc)
    assert follow.since_time("2024-10-28") == "2024-10-28"
    assert follow.since_time("24h", now) == "2024-10-28T12:00:00+00:00"
    assert follow.since_time("7d", now) == "2024-10-22T12:00:00+00:00"
    assert follow.since_time("90m", now) == "2024-10-29T10:30:00+00:00"
    with pytest.raises(LedgerError, match=r"--since takes a date \(2024-10-28\) or a duration \(24h, 7d\), not 'yesterday'"):
        follow.since_time("yesterday")


@pytest.mark.model
def test_changes_since_a_date_and_learned_since(seed_db, capsys):
    capsys.readouterr()
    assert main(["changes", "--db", str(seed_db), "--format", "jsonl", "--since", "2024-10-25"]) == 0
    dates = {json.loads(line)["date"] for line in capsys.readouterr().out.splitlines()}
    assert dates == {"2024-10-25", "2024-10-28"}
    assert main(["changes", "--db", str(seed_db), "--format", "jsonl", "--learned-since", "2999-01-01"]) == 0
    assert capsys.readouterr().out == ""
    assert main(["changes", "--db", str(seed_db), "--format", "csv", "--learned-since", "1h"]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert rows[0] == "id,kind,date,learned_at,story,proposition,old,new,claims,note,label" and len(rows) > 10
    assert main(["changes", "--db", str(seed_db), "--since", "soon"]) == 1
    assert capsys.readouterr().err.startswith("storyledger: --since takes a date")


@pytest.mark.model
def test_a_ledger_from_before_stories_gets_them_at_its_next_link(seed_db, tmp_path, capsys):
    db = tmp_path / "old.db"
    shutil.copy(seed_db, db)
    with Ledger(db) as ledger:
        want = stable(ledger.changes())
        stories = ledger.stories()
    con = sqlite3.connect(db)
    with con:  # what migration 4 leaves in a ledger linked before it: empty tables, `follow` and `linked` 0
        for table in ("changes", "track", "stories", "alerts"):
            con.execute(f"DELETE FROM {table}")
        con.execute("UPDATE propositions SET story = NULL")
        con.execute("UPDATE state SET value = '0' WHERE key IN ('follow', 'linked')")
    con.close()
    capsys.readouterr()
    assert main(["stories", "--db", str(db)]) == 0
    assert "it was made by an older storyledger" in capsys.readouterr().err
    assert main(["ingest", str(SEED), "--db", str(db), "--quiet"]) == 0  # nothing new: it links again
    with Ledger(db) as ledger:
        assert stable(ledger.changes()) == want and ledger.stories() == stories
