"""Following stories: what `link` derives for a user who follows a story rather than reads a
ledger. For each proposition it (re)derives: its story (`doc_terms.story` of its documents), its
changes (`changes.py`, kept under stable keys with the time the ledger first learned each), its
sources' track records (`track.py`); then one summary row per story it touched (label, counts,
dates, last change). Like the rest of linking, each is a function of the proposition's claims
(and their speakers), so a ledger linked in any order, or in any batches, holds the same rows.
"""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable

from .changes import Change, Step, changes_of
from .status import Position
from .store import get_state, set_state
from .track import Speaker, records_of

CHUNK = 500


def refresh(db: sqlite3.Connection, pids: Iterable[str], learned_at: str, stories: Iterable[str] = ()) -> None:
    """Derive the story, changes and track records of these propositions, and the summaries of
    their stories (and of `stories`). On a ledger whose follow tables were never filled (one
    made before them), every proposition. Runs inside link's transaction."""
    if get_state(db, "follow") != "1":
        pids = [r[0] for r in db.execute("SELECT id FROM propositions ORDER BY id")]
        stories = [r[0] for r in db.execute("SELECT DISTINCT story FROM doc_terms WHERE story IS NOT NULL")]
    pids = sorted(set(pids))
    # changes of propositions that are gone (regrouped under another id): kept aside, so that a
    # change derived again under its new proposition keeps the time it was first learned
    known = {k: t for k, t in db.execute("SELECT key, learned_at FROM changes WHERE proposition IS NULL")}
    db.execute("DELETE FROM changes WHERE proposition IS NULL")
    for i in range(0, len(pids), CHUNK):
        part = pids[i : i + CHUNK]
        known.update(db.execute(f"SELECT key, learned_at FROM changes WHERE proposition IN ({','.join('?' * len(part))})", part))
    touched = set(stories)
    speakers = speakers_of(db)
    for pid in pids:
        touched.update(derive(db, pid, speakers, learned_at, known))
    touched.discard(None)
    for story in sorted(touched):
        summarise(db, story)
    db.execute("DELETE FROM stories WHERE id NOT IN (SELECT story FROM doc_terms WHERE story IS NOT NULL)")
    set_state(db, "follow", "1")


def speakers_of(db: sqlite3.Connection) -> dict[int, Speaker]:
    from ..nlp.names import fold

    out = {}
    for sid, name, parties in db.execute("SELECT id, name, parties FROM sources"):
        out[sid] = Speaker(frozenset({fold(name)}), frozenset(json.loads(parties) if parties else ()))
    return out


def steps_of(db: sqlite3.Connection, pid: str) -> tuple[list[Step], dict[str, tuple[str, ...]], str | None]:
    """The proposition's claims as steps, each claim's `via` chain, and the proposition's story."""
    q = ("SELECT c.id, c.document, c.seq, c.source, s.name, s.kind, t.story, d.published, "
         "json_extract(c.record, '$.stance', '$.polarity', '$.said_on', '$.quantities', '$.via') AS fields, "
         "c.independent_of FROM claims c JOIN documents d ON d.id = c.document LEFT JOIN sources s ON s.id = c.source "
         "LEFT JOIN doc_terms t ON t.document = c.document WHERE c.proposition = ? ORDER BY c.document, c.seq")
    from .link import first_range
    from .status import day

    steps, via, story = [], {}, None
    for r in db.execute(q, (pid,)):
        stance, polarity, said, quantities, chain = json.loads(r["fields"])
        low, high = first_range({"quantities": quantities, "content": ""})
        p = Position(r["id"], r["source"] or 0, r["kind"] or "person", stance or "asserted", polarity or "positive",
                     day(said, r["published"]), r["independent_of"] is not None, low, high)
        steps.append(Step(p, (r["document"], r["seq"]), r["name"] or "?"))
        if chain:
            via[r["id"]] = tuple(chain)
        story = story or r["story"]
    return steps, via, story


def derive(db: sqlite3.Connection, pid: str, speakers: dict[int, Speaker], learned_at: str,
           known: dict[str, str]) -> set[str | None]:
    """One proposition's story, changes and track rows; returns the stories to summarise again."""
    old_story = {r[0] for r in db.execute("SELECT story FROM propositions WHERE id = ?", (pid,))}
    steps, via, story = steps_of(db, pid)
    db.execute("DELETE FROM changes WHERE proposition = ?", (pid,))
    db.execute("DELETE FROM track WHERE proposition = ?", (pid,))
    if not steps:
        return old_story
    db.execute("UPDATE propositions SET story = ? WHERE id = ?", (story, pid))
    relations = db.execute("SELECT kind, a, b, note FROM relations WHERE proposition = ? AND kind IN ('disputes_number', 'updates')",
                           (pid,)).fetchall()
    rows = []
    for ch in changes_of(steps, [tuple(r) for r in relations]):
        learned = known.get(ch.key) or learned_at
        rows.append(change_row(ch, pid, story, learned))
    db.executemany("INSERT OR REPLACE INTO changes VALUES (?,?,?,?,?,?,?,?,?,?)", rows)
    db.executemany("INSERT OR REPLACE INTO track VALUES (?,?,?,?,?,?,?,?,?,?)",
                   [(r.source, pid, r.claim, r.date, r.position, r.outcome, r.confirmed_by, r.denied_by, int(r.first), r.reversals)
                    for r in records_of(steps, via, speakers)])
    return old_story | {story}


def change_row(ch: Change, pid: str, story: str | None, learned_at: str) -> tuple:
    return (ch.key, pid, story, ch.kind, ch.date, ch.old, ch.new, json.dumps(ch.claims), ch.note, learned_at)


def summarise(db: sqlite3.Connection, story: str) -> None:
    """One story's row: label (its lead proposition's), headline, counts, dates, last change."""
    one = lambda q, *a: db.execute(q, a).fetchone()  # noqa: E731
    lead = one("SELECT id, label FROM propositions WHERE story = ? ORDER BY n_sources DESC, n_claims DESC, first_seen, id LIMIT 1", story)
    if lead is None:  # no claims, or none linked: not a story anyone follows
        db.execute("DELETE FROM stories WHERE id = ?", (story,))
        return
    n_props, contested, first, last = one(
        "SELECT count(*), sum(status = 'contested'), min(first_seen), max(last_seen) FROM propositions WHERE story = ?", story)
    docs, claims = one("SELECT count(DISTINCT c.document), count(*) FROM doc_terms t JOIN claims c ON c.document = t.document "
                       "WHERE t.story = ?", story)
    title = one("SELECT d.title FROM doc_terms t JOIN documents d ON d.id = t.document WHERE t.story = ? "
                "ORDER BY d.published IS NULL, d.published, d.id LIMIT 1", story)
    last_change, n_changes = one("SELECT max(date), count(*) FROM changes WHERE story = ?", story)
    db.execute("INSERT OR REPLACE INTO stories VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
               (story, lead["label"] if isinstance(lead, sqlite3.Row) else lead[1], title[0] if title else None,
                lead[0], docs, claims, n_props, contested or 0, first, last, last_change, n_changes))


# ---- reading -------------------------------------------------------------------------------

STORY_COLUMNS = ("id", "label", "title", "lead", "documents", "claims", "propositions", "contested", "first_seen",
                 "last_seen", "last_change", "changes")


def has_tables(db: sqlite3.Connection) -> bool:
    return db.execute("SELECT 1 FROM sqlite_master WHERE name = 'stories'").fetchone() is not None


def stories(db: sqlite3.Connection, limit: int | None = None, offset: int = 0) -> list[dict]:
    """Every story, the most recently active first."""
    if not has_tables(db):
        return []
    q = "SELECT * FROM stories ORDER BY last_seen DESC, claims DESC, id"
    args: list = []
    if limit is not None:
        q += " LIMIT ? OFFSET ?"
        args = [limit, offset]
    return [{k: r[k] for k in STORY_COLUMNS} for r in db.execute(q, args)]


def resolve_story(db: sqlite3.Connection, story: str) -> str | None:
    """A story id as given: the story's own id, or the id of any of its documents."""
    if not has_tables(db):
        return None
    if db.execute("SELECT 1 FROM stories WHERE id = ?", (story,)).fetchone():
        return story
    row = db.execute("SELECT t.story FROM doc_terms t JOIN stories s ON s.id = t.story WHERE t.document = ?", (story,)).fetchone()
    return row[0] if row else None


def story_row(db: sqlite3.Connection, story: str) -> dict | None:
    r = db.execute("SELECT * FROM stories WHERE id = ?", (story,)).fetchone()
    return {k: r[k] for k in STORY_COLUMNS} if r else None


def changes(db: sqlite3.Connection, story: str | None = None, proposition: str | None = None, since: str | None = None,
            learned_since: str | None = None, limit: int | None = None, offset: int = 0,
            claims_per_change: int | None = None, unsent_to: str | None = None) -> list[dict]:
    """Changes, newest first (by the story's date, then by when the ledger learned them), each
    with its proposition's label and the claims that made it ({id, source, stance, content, document})."""
    if not has_tables(db):
        return []
    where, args = [], []
    for wanted, sql in ((story, "ch.story = ?"), (proposition, "ch.proposition = ?"), (since, "ch.date >= ?"),
                        (learned_since, "ch.learned_at >= ?")):
        if wanted:
            where.append(sql)
            args.append(wanted)
    if unsent_to:  # oldest first: the order alerts go out in
        where.append("NOT EXISTS (SELECT 1 FROM alerts a WHERE a.change = ch.key AND a.target = ?)")
        args.append(unsent_to)
    # newest first, undated last (SQLite sorts NULL lowest), in the order of the index changes_date
    order = "ch.learned_at, ch.date, ch.key" if unsent_to else "ch.date DESC, ch.learned_at DESC, ch.key"
    q = ("SELECT ch.*, p.label FROM changes ch LEFT JOIN propositions p ON p.id = ch.proposition"
         + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY " + order)
    if limit is not None:
        q += " LIMIT ? OFFSET ?"
        args += [limit, offset]
    rows = db.execute(q, args).fetchall()
    wanted_ids = []
    for r in rows:
        ids = json.loads(r["claims"])
        wanted_ids.extend(ids if claims_per_change is None else ids[:claims_per_change])
    said = claims_said(db, wanted_ids)
    out = []
    for r in rows:
        ids = json.loads(r["claims"])
        shown = ids if claims_per_change is None else ids[:claims_per_change]
        out.append({"id": r["key"], "kind": r["kind"], "date": r["date"], "learned_at": r["learned_at"], "story": r["story"],
                    "proposition": r["proposition"], "label": r["label"], "old": r["old"], "new": r["new"], "note": r["note"],
                    "n_claims": len(ids), "claims": [said[c] for c in shown if c in said]})
    return out


def count_changes(db: sqlite3.Connection, story: str | None = None) -> int:
    if not has_tables(db):
        return 0
    if story:
        return db.execute("SELECT count(*) FROM changes WHERE story = ?", (story,)).fetchone()[0]
    return db.execute("SELECT count(*) FROM changes").fetchone()[0]


def claims_said(db: sqlite3.Connection, ids: list[str]) -> dict[str, dict]:
    """Who said each claim, how, what and where: a change's view of a claim."""
    out: dict[str, dict] = {}
    ids = sorted(set(ids))
    for i in range(0, len(ids), CHUNK):
        part = ids[i : i + CHUNK]
        q = ("SELECT c.id, s.name, json_extract(c.record, '$.stance') AS stance, json_extract(c.record, '$.polarity') AS polarity, "
             f"c.content, c.document FROM claims c LEFT JOIN sources s ON s.id = c.source WHERE c.id IN ({','.join('?' * len(part))})")
        for r in db.execute(q, part):
            out[r["id"]] = {"id": r["id"], "source": r["name"], "stance": r["stance"], "polarity": r["polarity"],
                            "content": r["content"], "document": r["document"]}
    return out


TRACK_COLUMNS = ("confirmed", "denied", "disputed", "open", "first", "reversals")


def track_totals(db: sqlite3.Connection, source: int | None = None) -> dict[int, dict]:
    """Each source's track record in numbers: propositions it spoke on that independent sources
    later confirmed, denied, disputed or left open; times it was first with what was later
    confirmed; its reversals."""
    if not has_tables(db):
        return {}
    q = ("SELECT source, sum(outcome = 'confirmed'), sum(outcome = 'denied'), sum(outcome = 'disputed'), sum(outcome = 'open'), "
         "sum(first AND outcome = 'confirmed'), sum(reversals) FROM track" + (" WHERE source = ?" if source is not None else "")
         + " GROUP BY source")
    return {r[0]: dict(zip(TRACK_COLUMNS, r[1:])) for r in db.execute(q, () if source is None else (source,))}


def track(db: sqlite3.Connection, source: int) -> list[dict]:
    """A source's record proposition by proposition: its first position, what came later."""
    if not has_tables(db):
        return []
    q = ("SELECT t.*, p.label, p.status, json_extract(c.record, '$.stance') AS stance, c.content FROM track t "
         "LEFT JOIN propositions p ON p.id = t.proposition LEFT JOIN claims c ON c.id = t.claim WHERE t.source = ? "
         "ORDER BY t.date IS NULL, t.date, t.proposition")
    return [{"proposition": r["proposition"], "label": r["label"], "status": r["status"], "claim": r["claim"], "date": r["date"],
             "position": r["position"], "stance": r["stance"], "content": r["content"], "outcome": r["outcome"],
             "confirmed_by": r["confirmed_by"], "denied_by": r["denied_by"], "first": bool(r["first"]), "reversals": r["reversals"]}
            for r in db.execute(q, (source,))]


DURATION = {"m": 60, "h": 3600, "d": 86400, "w": 7 * 86400}


def since_time(value: str, now: "datetime | None" = None) -> str:
    """`--since` as given: an ISO date (or date-time) as it is, or a duration back from now ("24h",
    "7d", "90m", "2w") as the UTC date-time it reaches back to."""
    import re
    from datetime import date, datetime, timedelta, timezone

    from .store import LedgerError

    value = value.strip()
    m = re.fullmatch(r"(\d+)\s*([mhdw])", value)
    if m:
        now = now or datetime.now(timezone.utc)
        return (now - timedelta(seconds=int(m[1]) * DURATION[m[2]])).replace(microsecond=0).isoformat()
    try:
        date.fromisoformat(value[:10])
    except ValueError:
        raise LedgerError(f"--since takes a date (2024-10-28) or a duration (24h, 7d), not {value!r}.") from None
    return value
