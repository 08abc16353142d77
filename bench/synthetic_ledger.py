"""A synthetic ledger of any size, written straight through the schema (no extraction, no linking),
for the web app's latency benchmark and tests: documents, claims with full JSON records, sources
with names and roles, propositions (a few large, most small, as in real stories), relations.

    python bench/synthetic_ledger.py /tmp/big.db 100000
"""
from __future__ import annotations

import json
import random
import sys
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from storyledger.ledger.status import Position, standing, timeline  # noqa: E402
from storyledger.ledger import follow  # noqa: E402
from storyledger.ledger.store import connect, set_state, transaction  # noqa: E402

CLAIMS_PER_DOCUMENT = 10
STORIES = 40  # documents d, d + 40, d + 80 ... are one story (doc_terms.story: its smallest document id)
WORDS = ("troops soldiers border region army minister talks ceasefire drones attack village city report officials "
         "deployment training missiles shelling convoy aid sanctions summit negotiations casualties front line").split()
PLACES = [("Kursk Oblast", 51.7, 36.2, "region"), ("Ukraine", 49.0, 32.0, "country"), ("Russia", 60.0, 100.0, "country"),
          ("North Korea", 40.0, 127.0, "country"), ("Kyiv", 50.45, 30.52, "city"), ("Seoul", 37.57, 126.98, "city")]
STANCES = ("asserted", "asserted", "asserted", "confirmed", "denied", "unconfirmed", "possible", "predicted")
KINDS = ("person", "person", "organization", "media", "unnamed")
OUTLETS = ("Censor.NET", "Ukrinform", "Reuters", "AP", "Kyiv Independent", "Yonhap")


def build(path: str | Path, n_claims: int = 100_000, seed: int = 5) -> dict:
    """Write a ledger with `n_claims` claims to `path` (replacing it); returns what it holds."""
    rnd = random.Random(seed)
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    db = connect(path)
    n_docs = max(1, n_claims // CLAIMS_PER_DOCUMENT)
    n_sources = max(2, n_claims // 50)
    n_props = max(1, n_claims // 5)
    start = date(2024, 9, 1)
    sources = [(i + 1, f"Speaker {i + 1}", KINDS[i % len(KINDS)]) for i in range(n_sources)]
    # Proposition sizes: a Zipf-like tail, so that a few are large (hundreds of claims).
    weights = [1.0 / (i + 1) ** 0.9 for i in range(n_props)]
    props = [f"p{i:012x}" for i in range(n_props)]
    assigned = rnd.choices(range(n_props), weights=weights, k=n_claims)
    stats: dict[int, dict] = {}
    claims, documents, relations = [], [], []
    cid = 0
    for d in range(n_docs):
        published = (start + timedelta(days=rnd.randrange(90))).isoformat()
        doc_id = f"doc-{d:07d}"
        parts, spans = [], []
        at = 0
        for k in range(CLAIMS_PER_DOCUMENT):
            if cid >= n_claims:
                break
            src = sources[rnd.randrange(n_sources)]
            content = " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(6, 14)))
            number = rnd.randint(1, 20) * 1000 if rnd.random() < 0.2 else None
            if number:
                content += f" {number:,} soldiers"
            sentence = f"{src[1]} said that {content}. "
            begin = at + len(src[1]) + len(" said that ")
            spans.append((cid, src, content, begin, begin + len(content), number))
            parts.append(sentence)
            at += len(sentence)
            cid += 1
        text = "".join(parts)
        documents.append((doc_id, f"h{d}", f"Report {d} on the {rnd.choice(WORDS)}", f"https://example.org/{d}",
                          OUTLETS[d % len(OUTLETS)], published, "en", text, len(spans), published + "T00:00:00+00:00"))
        for n, (c, src, content, begin, end, number) in enumerate(spans):
            pi = assigned[c]
            stance = rnd.choice(STANCES)
            said = (date.fromisoformat(published) - timedelta(days=rnd.randrange(3))).isoformat() if rnd.random() < 0.6 else None
            quantities = []
            if number:
                v = float(number)
                quantities = [{"text": f"{number:,} soldiers", "value": v, "low": v * 0.9, "high": v, "unit": "soldier", "approx": "about"}]
            place = PLACES[rnd.randrange(len(PLACES))]
            record = {"id": f"c{c:016x}", "document": doc_id,
                      "source": {"name": src[1], "mention": src[1], "span": [sum(map(len, parts[:n])), sum(map(len, parts[:n])) + len(src[1])],
                                 "kind": src[2], "role": "minister" if src[0] % 3 == 0 else None},
                      "cue": "say", "cue_span": [begin - 10, begin - 6], "mode": "indirect", "content": content, "span": [begin, end],
                      "stance": stance, "polarity": "negative" if rnd.random() < 0.05 else "positive", "hedge": None,
                      "evaluation": False, "said_on": said, "event_time": None, "quantities": quantities,
                      "places": [{"name": place[0], "span": None, "geonames_id": None, "lat": place[1], "lon": place[2],
                                  "country": place[0], "kind": place[3]}],
                      "entities": [], "via": [], "proposition": props[pi]}
            claims.append((record["id"], doc_id, n, content, json.dumps(record), src[0], props[pi], None))
            st = stats.setdefault(pi, {"n": 0, "sources": set(), "first": said or published, "last": said or published, "low": None, "high": None,
                                       "positions": []})
            st["positions"].append(Position(record["id"], src[0], src[2], stance, record["polarity"], said or published, False,
                                            quantities[0]["low"] if quantities else None, quantities[0]["high"] if quantities else None))
            st["n"] += 1
            st["sources"].add(src[0])
            st["first"], st["last"] = min(st["first"], said or published), max(st["last"], said or published)
            if quantities:
                q = quantities[0]
                st["low"] = q["low"] if st["low"] is None else min(st["low"], q["low"])
                st["high"] = q["high"] if st["high"] is None else max(st["high"], q["high"])
    by_prop: dict[int, list[str]] = {}
    for c in claims:
        by_prop.setdefault(int(c[6][1:], 16), []).append(c[0])
    for pi, ids in by_prop.items():
        for a, b in zip(ids, ids[1:]):
            relations.append((rnd.choice(("corroborates", "contradicts", "disputes_number", "updates")), a, b, props[pi], "synthetic"))
    with transaction(db):
        db.executemany("INSERT INTO documents VALUES (?,?,?,?,?,?,?,?,?,?)", documents)
        db.executemany("INSERT INTO sources(id, name, kind) VALUES (?,?,?)", sources)
        db.executemany("INSERT INTO source_names VALUES (?,?,?)", [(s[0], s[1], 1) for s in sources])
        db.executemany("INSERT INTO source_roles VALUES (?,?,?,?,?)", [(s[0], "minister", "2024-09-01", "2024-11-30", 3) for s in sources if s[0] % 3 == 0])
        rows = []
        for pi, st in stats.items():
            now, changes = standing(st["positions"]), timeline(st["positions"])
            rows.append((props[pi], f"Proposition {pi}: " + " ".join(rnd.choice(WORDS) for _ in range(8)), st["n"], len(st["sources"]),
                         now.status, st["first"], st["last"], st["low"], st["high"], "soldier" if st["low"] is not None else None,
                         len(now.sources_for), len(now.sources_against), changes[-1].date if changes else None,
                         json.dumps([ch.to_dict() for ch in changes])))
        db.executemany("INSERT INTO propositions(id, label, n_claims, n_sources, status, first_seen, last_seen, low, high, unit, "
                       "n_for, n_against, changed_on, timeline) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
        db.executemany("INSERT INTO claims(id, document, seq, content, record, source, proposition, independent_of) VALUES (?,?,?,?,?,?,?,?)", claims)
        db.executemany("INSERT OR IGNORE INTO relations VALUES (?,?,?,?,?)", relations)
        db.executemany("INSERT INTO doc_terms VALUES (?,?,'{}')", [(doc[0], f"doc-{i % STORIES:07d}") for i, doc in enumerate(documents)])
        # what link derives for following stories: each proposition's story, changes, track records
        set_state(db, "follow", "0")
        follow.refresh(db, [], "2024-12-01T00:00:00+00:00")
        set_state(db, "linked", "1")
    db.execute("ANALYZE")
    db.close()
    return {"documents": len(documents), "claims": len(claims), "sources": len(sources), "propositions": len(stats),
            "relations": len(relations), "largest": max(st["n"] for st in stats.values())}


if __name__ == "__main__":
    print(build(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 100_000))
