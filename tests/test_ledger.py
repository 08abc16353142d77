"""The ledger end to end: ingest is incremental and idempotent, bad files are recorded, copies
are found, and every reading command answers."""
from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from storyledger.documents import ReadError, read
from storyledger.ledger import Ledger
from storyledger.ledger.store import VERSION

from conftest import SEED

pytestmark = pytest.mark.model


@pytest.fixture()
def seed_doc():
    return next(read([str(SEED)]))


def test_ingest_is_idempotent_and_replaces_a_changed_document(tmp_path, seed_doc):
    with Ledger(tmp_path / "l.db") as ledger:
        first = ledger.ingest([seed_doc])
        assert (first.added, first.unchanged) == (1, 0) and first.claims > 15
        n = ledger.stats()
        again = ledger.ingest([seed_doc])
        assert (again.added, again.replaced, again.unchanged, again.linked) == (0, 0, 1, None)
        assert ledger.stats() == n
        shorter = replace(seed_doc, text=seed_doc.text.split("Participation of the DPRK")[0])
        changed = ledger.ingest([shorter])
        assert changed.replaced == 1
        stored = list(ledger.claims())
        assert len(stored) == changed.claims < first.claims
        assert all(c["span"][1] <= len(shorter.text) for c in stored)


def test_schema_settings(tmp_path, seed_doc):
    with Ledger(tmp_path / "l.db") as ledger:
        ledger.ingest([seed_doc])
    db = sqlite3.connect(tmp_path / "l.db")
    assert db.execute("PRAGMA user_version").fetchone()[0] == VERSION
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert db.execute("SELECT count(*) FROM claims_fts WHERE claims_fts MATCH 'Pokrovsk'").fetchone()[0] == 1


def test_unreadable_documents_are_recorded_and_the_rest_goes_on(tmp_path, seed_doc):
    with Ledger(tmp_path / "l.db") as ledger:
        r = ledger.ingest([ReadError("broken.txt", "it is not valid UTF-8 (bad byte at offset 3)."), seed_doc])
        assert r.added == 1 and [e["name"] for e in ledger.errors()] == ["broken.txt"]


def test_documents_refused_by_the_pipeline_are_recorded_too(tmp_path, seed_doc):
    from storyledger.limits import Limits
    from storyledger.pipeline import Options

    small = replace(seed_doc, id="small.txt", text="The minister said that the port would reopen on Monday.")
    with Ledger(tmp_path / "l.db") as ledger:
        r = ledger.ingest([seed_doc, small], Options(limits=Limits(max_chars=1000)))
        assert r.added == 1 and [e["name"] for e in ledger.errors()] == [seed_doc.id]
        assert "1,000" in ledger.errors()[0]["reason"]
        assert [c["document"] for c in ledger.claims()] == ["small.txt"]


def test_a_wire_copy_does_not_count_twice(tmp_path, seed_doc):
    copy = replace(seed_doc, id="copy.txt", published="2024-10-29", text="Reposted from Censor.NET.\n\n" + seed_doc.text)
    with Ledger(tmp_path / "l.db") as ledger:
        ledger.ingest([seed_doc, copy])
        assert ledger.stats()["copies"] == 1
        claims = list(ledger.claims())
        originals = {c["id"] for c in claims if c["document"] == seed_doc.id}
        copied = [c for c in claims if c["document"] == "copy.txt"]
        assert copied and all(c["independent_of"] in originals for c in copied)
        for p in ledger.propositions():
            # the copy adds claims, never independent sources
            assert p["sources"] <= len({c["speaker"] for c in claims if c["proposition"] == p["id"] and not c["independent_of"]})
        assert any(r["kind"] == "copy_of" for r in ledger.relations())



def test_a_copys_claims_take_their_originals_propositions_and_leave_the_grouping_as_it_was(tmp_path, seed_doc):
    """Copies are not grouped: the propositions of a story are those of its originals, however
    many times it was reprinted, and whichever document turns out to be the original."""
    def groups(ledger):
        by = {}
        for c in ledger.claims():
            by.setdefault(c["proposition"], set()).add(c["content"])
        return sorted(sorted(v) for v in by.values())

    with Ledger(tmp_path / "alone.db") as ledger:
        ledger.ingest([seed_doc])
        alone = groups(ledger)
    later = replace(seed_doc, id="later.txt", published="2024-10-29", text="Reposted from Censor.NET.\n\n" + seed_doc.text)
    earlier = replace(seed_doc, id="earlier.txt", published="2024-10-27", text="Reposted.\n\n" + seed_doc.text)
    with Ledger(tmp_path / "l.db") as ledger:
        ledger.ingest([seed_doc])
        ledger.ingest([later])  # a copy arrives after its original
        claims = list(ledger.claims())
        by_id = {c["id"]: c for c in claims}
        copied = [c for c in claims if c["independent_of"]]
        assert copied and all(c["proposition"] == by_id[c["independent_of"]]["proposition"] for c in copied)
        assert groups(ledger) == alone
        ledger.ingest([earlier])  # an earlier print: the seed itself becomes a copy
        claims = list(ledger.claims())
        by_id = {c["id"]: c for c in claims}
        assert {c["document"] for c in claims if not c["independent_of"]} == {"earlier.txt"}
        assert all(c["proposition"] == by_id[c["independent_of"]]["proposition"] for c in claims if c["independent_of"])
        props = {p["id"]: p for p in ledger.propositions()}
        assert all(c["proposition"] in props for c in claims)
        assert sum(p["claims"] for p in props.values()) == len(claims)
        assert groups(ledger) == alone

def test_propositions_hold_every_claim_and_sources_merge(tmp_path, seed_doc):
    with Ledger(tmp_path / "l.db") as ledger:
        ledger.ingest([seed_doc])
        claims = list(ledger.claims())
        props = ledger.propositions()
        assert sum(p["claims"] for p in props) == len(claims)
        assert all(c["proposition"] for c in claims)
        ten_thousand = next(c for c in claims if "ten thousand" in c["content"])
        detail = ledger.proposition(ten_thousand["proposition"])
        assert detail["timeline"] and detail["timeline"][0]["date"] == "2024-10-17"
        assert {"disputes_number"} <= {r["kind"] for r in detail["relations"]}
        z = ledger.source("zelensky")
        assert z["name"] == "Volodymyr Zelenskyy" and len(z["claims"]) == 2
        assert "President of Ukraine" in {r["role"] for r in z["roles"]}


def test_an_invented_story_of_a_force_abroad_keeps_its_presence_and_its_count_apart(tmp_path):
    # four made-up articles (not any real story): a force said to be, denied, confirmed and
    # admitted in a country, in many phrasings, and counted four times
    from storyledger.documents import Document

    texts = {
        "a1": ("2025-03-01", "Portuguese Defence Minister Rui Costa said on Monday that some 8,000 Brazilian soldiers had "
                             "arrived in Spain and were training near Seville. Spain's foreign ministry denied the report, "
                             "calling it fabricated. The Pentagon said it could not confirm the presence of Brazilian "
                             "troops in Spain."),
        "a2": ("2025-03-02", "Brazil's foreign minister Ana Lima said on Tuesday that no Brazilian soldiers were in Spain. "
                             "\"These are lies,\" she told reporters. Portuguese intelligence said the Brazilian contingent "
                             "had grown to 9,500 troops. Lisbon's military intelligence chief Joao Reis said Brazilian "
                             "units had been deployed to the border region of Huelva."),
        "a3": ("2025-03-04", "The Pentagon on Thursday confirmed that Brazilian troops were in Spain, spokesman Mark Hale "
                             "told reporters. He said about 10,000 soldiers had been sent to Spain for training. Spanish "
                             "officials continued to deny the deployment. A NATO official said the Brazilian forces could "
                             "be sent to fight in France within weeks."),
        "a4": ("2025-03-05", "Spain's government admitted on Friday that Brazilian military personnel were present on its "
                             "territory, but said they were there only for exercises. Rui Costa said the number of "
                             "Brazilian soldiers in Spain could reach 12,000 by April. Ana Lima declined to comment on the "
                             "Pentagon's statement."),
    }
    docs = [Document(id=k, text=t, published=d) for k, (d, t) in texts.items()]
    with Ledger(tmp_path / "l.db") as ledger:
        ledger.ingest(docs)
        claims = list(ledger.claims())
        of = lambda words: next(c["proposition"] for c in claims if words in c["content"])  # noqa: E731
        presence = {of("could not confirm the presence"), of("no Brazilian soldiers were in Spain"),
                    of("units had been deployed"), of("confirmed that Brazilian troops were in Spain")}
        counts = {of("8,000"), of("10,000"), of("12,000")}
        assert len(presence) == 1 and len(counts) == 1 and presence != counts
        kinds = {r["kind"] for r in ledger.relations(proposition=presence.pop())}
        assert "contradicts" in kinds  # Brazil's "no soldiers" against the others
        # "could reach 12,000 by April" is a figure for a time to come: it disputes and updates
        # no figure for now (8,000 arrived, about 10,000 sent)
        forecast = next(c["id"] for c in claims if "12,000" in c["content"])
        figures = [r for r in ledger.relations(proposition=counts.pop()) if r["kind"] in ("disputes_number", "updates")]
        assert not [r for r in figures if forecast in r["claims"]], figures


def test_an_invented_story_of_a_blast_groups_who_struck_and_chains_one_bodys_tolls(tmp_path):
    # four made-up articles (not any real story): a market blast blamed on a rocket from one
    # country, denied by it, its denials naming what they deny; a toll that one health ministry,
    # under three names, raises twice
    from storyledger.documents import Document

    texts = {
        "b1": ("2025-05-06", "A blast at a crowded market in Tripoli killed at least 40 people on Tuesday. Lebanon's army said the explosion was caused by an errant rocket fired from Syria. Lebanese Prime Minister Karim Haddad blamed Syria for the massive blast. Syria's foreign ministry rejected Lebanese claims that a Syrian rocket struck the market."),
        "b2": ("2025-05-07", "Syria on Wednesday denied that one of its rockets hit the market in Tripoli, where a blast killed dozens. Syria's foreign ministry said such claims have no basis. Officials in Damascus said the blast at the market came from within Lebanon. The Lebanese health ministry said 52 people had died in the market blast, with another 80 injured."),
        "b3": ("2025-05-08", "French military intelligence said on Thursday that the most likely cause of the explosion was a misfired Syrian rocket. The Health Ministry said the toll had risen to 61 dead. Syria's foreign ministry dismissed comments by Karim Haddad that Syria was behind the attack."),
        "b4": ("2025-05-09", "The UN said it could not confirm who fired the rocket. Lebanon's health ministry said on Friday that 64 people had died."),
    }
    docs = [Document(id=k, text=t, published=d) for k, (d, t) in texts.items()]
    with Ledger(tmp_path / "l.db") as ledger:
        ledger.ingest(docs)
        claims = list(ledger.claims())
        of = lambda words: next(c for c in claims if words in c["content"])  # noqa: E731
        struck = {of(w)["proposition"] for w in ("errant rocket fired from Syria", "Syria for the massive blast",
                                                   "misfired Syrian rocket", "such claims have no basis",
                                                   "comments by Karim Haddad", "one of its rockets")}
        assert len(struck) == 1, struck
        inner = next(c for c in claims if c["content"] == "that Syria was behind the attack")  # the claim denied, with its maker
        assert inner["source"]["name"] == "Karim Haddad" and inner["proposition"] in struck
        # one ministry under three names: all its figures are the claims of any one of them
        ministry = {c["id"] for c in ledger.claims(speaker="Health Ministry")}
        assert {of(w)["id"] for w in ("52 people", "61 dead", "64 people")} <= ministry, ministry
        updates = {tuple(r["claims"]) for r in ledger.relations() if r["kind"] == "updates"}
        assert (of("61 dead")["id"], of("52 people")["id"]) in updates
        assert (of("64 people")["id"], of("61 dead")["id"]) in updates  # the latest figure before it


def run(*args):
    return subprocess.run([sys.executable, "-m", "storyledger", *args], capture_output=True, text=True)


def test_cli_reading_commands(tmp_path):
    db = str(tmp_path / "l.db")
    r = run("ingest", str(SEED), "--db", db)
    assert r.returncode == 0 and "1 added" in r.stdout
    props = json.loads(run("propositions", "--db", db, "--format", "json").stdout)
    assert props and {"id", "label", "status", "sources", "claims"} <= set(props[0])
    table = run("proposition", props[0]["id"], "--db", db).stdout
    assert "Timeline" in table and props[0]["label"][:30] in table
    rel = [json.loads(line) for line in run("contradictions", "--db", db).stdout.splitlines()]
    assert rel and all(set(x) == {"kind", "claims", "proposition", "note"} for x in rel)
    found = [json.loads(line) for line in run("claims", "--db", db, "--search", "Pokrovsk").stdout.splitlines()]
    assert len(found) == 1 and "Pokrovsk" in found[0]["content"] and found[0]["proposition"]
    assert "Polish Foreign Minister" in run("source", "Sikorski", "--db", db).stdout
    assert "Kyrylo Budanov" in run("sources", "--db", db, "--format", "csv").stdout
    missing = run("proposition", "pnothing", "--db", db)
    assert missing.returncode == 1 and missing.stderr.strip() == f"storyledger: there is no proposition 'pnothing' in {db}."
    none = run("propositions", "--db", str(tmp_path / "none.db"))
    assert none.returncode == 1 and "there is no ledger at" in none.stderr


def test_linking_in_batches_gives_the_ledger_linking_once_gives(tmp_path, monkeypatch):
    """Synthetic stories (bench/ledger_scale.py) arriving in shuffled batches, with a batch size
    that makes ingest link mid-way: stories grow and merge across links, sources gain names."""
    import random

    from storyledger import ledger as ledger_module

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    from ledger_scale import corpus, fake_embed

    from storyledger.documents import Document

    docs = [Document.from_dict(d) for d in corpus(120, seed=3)]

    def dump(path):
        with Ledger(path, embedder=fake_embed) as ledger:
            return (sorted(json.dumps(c, sort_keys=True) for c in ledger.claims()), ledger.propositions(),
                    ledger.sources(), list(ledger.relations()))

    with Ledger(tmp_path / "once.db", embedder=fake_embed) as ledger:
        ledger.ingest(docs)
    monkeypatch.setattr(ledger_module, "LINK_EVERY", 7)
    shuffled = docs[:]
    random.Random(5).shuffle(shuffled)
    with Ledger(tmp_path / "batches.db", embedder=fake_embed) as ledger:
        for i in range(0, len(shuffled), 40):
            ledger.ingest(shuffled[i : i + 40])
    once, batches = dump(tmp_path / "once.db"), dump(tmp_path / "batches.db")
    assert len(once[1]) > 20 and any(p["claims"] > 1 for p in once[1])
    assert once == batches


# Invented articles: a wire story; a site's rewrite of it (its own headline, lead and order, the
# agency's reported statements kept nearly word for word); another outlet's report that quotes the
# minister directly and shares one reported statement with the wire.
WIRE = (
    "LISBON (Wire) — Engineers found cracks in the main span of the Tagus river bridge during a routine inspection, "
    "the national roads agency said Monday. The agency said the cracks were discovered in two steel girders beneath "
    "the northbound lanes. Transport Minister Ana Ferreira said the bridge would stay open to cars but trucks heavier "
    "than 12 tonnes would be diverted to the ring road until the repairs are finished. Ferreira said the repairs were "
    "expected to cost about 40 million euros and to take six months. Opposition lawmakers called for an independent "
    "review of how the country's bridges are maintained, and the union of civil engineers warned that inspections "
    "had been cut back for a decade.\n"
)
REWRITE = (
    "Months of repairs for Lisbon's busiest crossing\n\n"
    "Commuters who cross the Tagus every morning face a long spring. Cracks were discovered in two steel girders "
    "beneath the northbound lanes, the national roads agency said, after engineers looked at the main span in a "
    "routine check. Transport Minister Ana Ferreira said trucks heavier than 12 tonnes would be diverted to the ring "
    "road until the repairs are finished, while cars could still use the bridge. The minister said the repairs were "
    "expected to cost about 40 million euros and to take six months. Local businesses on the south bank fear that "
    "lorry drivers will avoid the area altogether.\n"
)
QUOTING = (
    "Bridge closure to trucks angers hauliers\n\n"
    "Hauliers reacted with anger on Monday to news that heavy vehicles will be kept off the Tagus bridge. "
    "\"Trucks heavier than 12 tonnes will be diverted to the ring road until the repairs are finished,\" Transport "
    "Minister Ana Ferreira told reporters in Lisbon. \"We will not take any risk with the girders,\" she said. "
    "Ferreira said the repairs were expected to cost about 40 million euros and to take six months. The hauliers' "
    "association said its members would lose thousands of euros a week on longer routes, and asked for compensation.\n"
)


def test_a_rewrite_of_a_wire_story_is_a_copy_by_the_reported_statements_it_keeps(tmp_path):
    from storyledger.documents import Document
    from storyledger.ledger import copies

    docs = [Document("wire", WIRE, "2025-03-10"), Document("rewrite", REWRITE, "2025-03-11"),
            Document("quoting", QUOTING, "2025-03-10")]
    shingles = {d.id: copies.shingles(d.text) for d in docs}
    assert copies.copied(shingles["wire"], shingles["rewrite"]) is None  # too few shared word runs

    def state(path, batches):
        with Ledger(path) as ledger:
            for batch in batches:
                ledger.ingest(batch)
            copied = dict(ledger.db.execute("SELECT document, original FROM copies").fetchall())
            claims = {c["id"]: c for c in ledger.claims()}
            kept = sorted((claims[r["claims"][0]]["document"], claims[r["claims"][1]]["document"], r["note"])
                          for r in ledger.relations(["copy_of"]))
            independent_of = sorted((c["id"], c["independent_of"]) for c in claims.values())
        return copied, kept, independent_of

    once = state(tmp_path / "once.db", [docs])
    copied, kept, _ = once
    # the rewrite keeps three of the wire's reported statements; the report that quotes the
    # minister (direct quotes are every outlet's) and shares one reported statement is no copy
    assert copied == {"rewrite": "wire"}
    assert len(kept) >= 2 and {(a, b) for a, b, _ in kept} == {("rewrite", "wire")}
    assert any(note == "the same reported statement in a copied document" for *_, note in kept)
    # one document at a time, the rewrite before its original: the same ledger
    assert state(tmp_path / "reverse.db", [[d] for d in reversed(docs)]) == once
    # the rewrite replaced by a version that keeps one statement: no longer a copy
    with Ledger(tmp_path / "once.db") as ledger:
        ledger.ingest([Document("rewrite", REWRITE.split(" Transport Minister")[0] + "\n", "2025-03-11")])
        assert ledger.stats()["copies"] == 0
        assert not list(ledger.relations(["copy_of"])) and not any(c["independent_of"] for c in ledger.claims())
