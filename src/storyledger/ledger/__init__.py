"""The ledger: stored documents and claims, sources across articles, propositions, relations
and each proposition's status over time, in one SQLite file.

    ledger = Ledger("story.db")
    ledger.ingest(read(["articles/"]))
    for p in ledger.propositions():
        print(p["status"], p["label"])

Ingest stores each document with its claims in one transaction; a document already stored with
the same content is skipped, a changed one replaces its claims, and either is marked `dirty`.
`link` then redoes the sources, copies, stories, propositions, relations and status that the
dirty documents touch, in one transaction (after every `LINK_EVERY` documents and at the end);
until it commits, the `state` row `linked` is "0" and the next ingest links again.
So a process killed at any moment loses only the document it was storing, or the link.
One writer at a time (`writer_lock`); readers see one committed state per call (`snapshot`).
"""
from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from ..attribution.records import public
from ..documents import Document, ReadError
from ..documents.language import language_refusal
from ..nlp.names import fold
from ..engines import Engine
from ..engines.local import LocalEngine
from ..pipeline import Options
from . import follow
from .link import Embedder, LinkReport, first_range, link
from .status import Position, day, timeline
from .store import LedgerError, connect, connect_readonly, get_state, set_state, transaction, writer_lock
from .store import snapshot as read_snapshot

__all__ = ["IngestReport", "Ledger", "LedgerError", "LinkReport", "content_hash"]

DEFAULT_PATH = "ledger.db"
# Documents stored between two links in one ingest: linking is incremental and gives the same
# ledger however the documents are batched, so this only bounds memory.
LINK_EVERY = 1000
CONFLICT_KINDS = ("contradicts", "disputes_number", "updates")
# The day a claim counts from, in SQL (status.day): said_on, the end of an interval, else publication.
CLAIM_DAY = ("substr(coalesce(CASE json_type(c.record, '$.said_on') WHEN 'array' THEN json_extract(c.record, '$.said_on[#-1]') "
             "ELSE json_extract(c.record, '$.said_on') END, d.published), 1, 10)")


def content_hash(document: Document) -> str:
    """What decides that a document is already stored: its text and its metadata."""
    data = json.dumps(document.to_dict(), sort_keys=True, ensure_ascii=False).encode()
    return hashlib.sha256(data).hexdigest()


def now() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


@dataclass(slots=True)
class IngestReport:
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    failed: list[ReadError] = field(default_factory=list)
    claims: int = 0
    linked: LinkReport | None = None


class Ledger:
    """One ledger file. Safe to open from several processes: one writer at a time (the others
    wait for it), readers alongside."""

    def __init__(self, path: str | Path = DEFAULT_PATH, embedder: Embedder | None = None, readonly: bool = False) -> None:
        """`readonly=True` opens an existing ledger with a `mode=ro` URI: it is never migrated or written."""
        self.path = str(path)
        self.readonly = readonly
        self.db = connect_readonly(path) if readonly else connect(path)
        self.embedder = embedder
        self._writing = 0  # depth of writer_lock held by this Ledger (ingest calls link)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "Ledger":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---- writing ----------------------------------------------------------------------------

    @contextmanager
    def writing(self, on_wait: Callable[[], None] | None = None) -> Iterator[None]:
        """Hold the ledger's writer lock (waiting for another writer to finish; `on_wait` says so)."""
        with writer_lock(self.path, on_wait) if not self._writing else nullcontext():
            self._writing += 1
            try:
                yield
            finally:
                self._writing -= 1

    def snapshot(self) -> read_snapshot:
        """`with ledger.snapshot():` several reads that see one committed state of the ledger."""
        return read_snapshot(self.db)

    def ingest(self, items: Iterable[Document | ReadError], options: Options | None = None,
               on_document: Callable[[str, str], None] | None = None,
               on_wait: Callable[[], None] | None = None, engine: Engine | None = None) -> IngestReport:
        """Store new and changed documents with their claims, record the unreadable, then link.

        `engine` (default: local) extracts the claims; each document is stored as its claims arrive.
        Another writer on the same ledger is waited for (`on_wait` is called if so)."""
        with self.writing(on_wait):
            return self._ingest(items, options, on_document, engine)

    def _ingest(self, items: Iterable[Document | ReadError], options: Options | None,
                on_document: Callable[[str, str], None] | None, engine: Engine | None) -> IngestReport:
        report = IngestReport()

        def record(error: ReadError) -> None:
            report.failed.append(error)
            with transaction(self.db):
                self.db.execute("INSERT OR REPLACE INTO errors VALUES (?,?,?)", (error.name, error.reason, now()))

        rejected: list[ReadError] = []  # read, but refused by the pipeline (limits, internal errors)

        def pending() -> Iterator[Document]:
            for item in items:
                while rejected:
                    record(rejected.pop(0))
                if isinstance(item, ReadError):
                    record(item)
                    continue
                h = content_hash(item)
                row = self.db.execute("SELECT hash FROM documents WHERE id = ?", (item.id,)).fetchone()
                if row and row[0] == h:
                    report.unchanged += 1
                    continue
                unread = language_refusal(item)
                if unread is not None:  # stored, without claims, and listed with its language in errors
                    report.failed.append(unread)
                    store(item, [], unread)
                    continue
                yield item

        def store(document: Document, claims: list[dict], error: ReadError | None = None) -> None:
            with transaction(self.db) as db:
                db.execute("INSERT OR IGNORE INTO stale SELECT DISTINCT proposition FROM claims "
                           "WHERE document = ? AND proposition IS NOT NULL", (document.id,))
                replaced = db.execute("DELETE FROM documents WHERE id = ?", (document.id,)).rowcount
                db.execute("INSERT INTO documents VALUES (?,?,?,?,?,?,?,?,?,?)",
                           (document.id, content_hash(document), document.title, document.url, document.outlet,
                            document.published, document.language, document.text, len(claims), now()))
                db.executemany("INSERT INTO claims(id, document, seq, content, record) VALUES (?,?,?,?,?)",
                               [(c["id"], document.id, i, c["content"], json.dumps(c, ensure_ascii=False))
                                for i, c in enumerate(claims)])
                if error is None:
                    db.execute("DELETE FROM errors WHERE name = ?", (document.id,))
                else:
                    db.execute("INSERT OR REPLACE INTO errors VALUES (?,?,?)", (error.name, error.reason, now()))
                db.execute("INSERT OR IGNORE INTO dirty VALUES (?)", (document.id,))
                set_state(db, "linked", "0")
                waiting = db.execute("SELECT count(*) FROM dirty").fetchone()[0]
            if waiting >= LINK_EVERY:  # keep what linking holds in memory bounded, whatever the corpus
                report.linked = self.link()
            report.claims += len(claims)
            if replaced:
                report.replaced += 1
            else:
                report.added += 1
            if on_document:
                on_document(document.id, "replaced" if replaced else "added")

        for document, claims in (engine or LocalEngine()).extract(pending(), options, rejected):
            store(document, claims)
        while rejected:
            record(rejected.pop(0))
        if get_state(self.db, "linked") != "1":
            report.linked = self.link()
        return report

    def review(self, claim: str, rating: str, reviewer: str | None = None, note: str | None = None) -> dict:
        """Record a person's review of one claim (a schema.org ClaimReview on export); replaces an earlier one."""
        if not rating.strip():
            raise LedgerError("a review needs a rating, e.g. --rating False.")
        if self.db.execute("SELECT 1 FROM claims WHERE id = ?", (claim,)).fetchone() is None:
            raise LedgerError(f"there is no claim {claim!r} in {self.path}.")
        row = {"claim": claim, "rating": rating.strip(), "reviewer": reviewer, "note": note, "reviewed_at": now()}
        with transaction(self.db) as db:
            db.execute("INSERT OR REPLACE INTO reviews VALUES (:claim, :rating, :reviewer, :note, :reviewed_at)", row)
        return row

    def reviews(self) -> list[dict]:
        """Every recorded review, oldest first (none in a ledger older than the reviews table)."""
        if self.db.execute("SELECT 1 FROM sqlite_master WHERE name = 'reviews'").fetchone() is None:
            return []
        return [dict(r) for r in self.db.execute("SELECT * FROM reviews ORDER BY reviewed_at, claim")]

    def link(self, on_wait: Callable[[], None] | None = None) -> LinkReport:
        """Derive sources, copies, propositions, relations and status for the documents stored
        since the last link (incrementally: the ledger is the same as if everything were linked at once)."""
        with self.writing(on_wait):
            return link(self.db, self.embedder)

    # ---- reading ----------------------------------------------------------------------------

    def claims(self, proposition: str | None = None, source: int | None = None, search: str | None = None,
               document: str | None = None, *, speaker: str | None = None, stance: str | None = None,
               outlet: str | None = None, since: str | None = None, until: str | None = None,
               limit: int | None = None, offset: int = 0, story: str | None = None) -> Iterator[dict]:
        """Stored claims in the claim format, with `proposition` and `independent_of` filled in.

        `speaker` is any name of the source (case folded by SQLite's NOCASE); `since`/`until` bound
        the date the claim counts from (said_on, the end of an interval, else publication), inclusive.
        """
        filters = [
            (speaker, "c.source IN (SELECT source FROM source_names WHERE name = ? COLLATE NOCASE "
                      "UNION SELECT id FROM sources WHERE name = ? COLLATE NOCASE)", [speaker, speaker]),
            (stance, "json_extract(c.record, '$.stance') = ?", [stance]),
            (outlet, "d.outlet = ? COLLATE NOCASE", [outlet]),
            (since, f"{CLAIM_DAY} >= ?", [(since or "")[:10]]),
            (until, f"{CLAIM_DAY} <= ?", [(until or "")[:10]]),
            (proposition, "c.proposition = ?", [proposition]),
            (source is not None, "c.source = ?", [source]),
            (document, "c.document = ?", [document]),
            (story, "c.document IN (SELECT document FROM doc_terms WHERE story = ?)", [story]),
            (search, "c.rowid IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?)", [fts_query(search or "")]),
        ]
        where = [sql for wanted, sql, _ in filters if wanted]
        args = [a for wanted, _, params in filters if wanted for a in params]
        q = "SELECT c.record, c.proposition, c.independent_of, s.name AS speaker, d.published FROM claims c " \
            "LEFT JOIN sources s ON s.id = c.source JOIN documents d ON d.id = c.document"
        q += (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY c.document, c.seq"
        if limit is not None:
            q += " LIMIT ? OFFSET ?"
            args.extend([limit, offset])
        for r in self.db.execute(q, args):
            record = public(json.loads(r["record"]))
            record["proposition"] = r["proposition"]
            record["independent_of"] = r["independent_of"]
            record["speaker"] = r["speaker"]
            record["published"] = r["published"]
            yield record

    def relations(self, kinds: Iterable[str] | None = None, proposition: str | None = None,
                  story: str | None = None) -> Iterator[dict]:
        """Relations in the ledger format: {kind, claims, proposition, note}."""
        kinds = list(kinds or ())
        q = "SELECT kind, a, b, proposition, note FROM relations"
        where, args = [], []
        if kinds:
            where.append(f"kind IN ({','.join('?' * len(kinds))})")
            args.extend(kinds)
        if proposition:
            where.append("proposition = ?")
            args.append(proposition)
        if story:
            where.append("proposition IN (SELECT id FROM propositions WHERE story = ?)")
            args.append(story)
        q += (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY proposition, kind, a, b"
        for r in self.db.execute(q, args):
            yield {"kind": r["kind"], "claims": [r["a"], r["b"]], "proposition": r["proposition"], "note": r["note"]}

    def contradictions(self, story: str | None = None) -> Iterator[dict]:
        return self.relations(CONFLICT_KINDS, story=story)

    def propositions(self, limit: int | None = None, story: str | None = None) -> list[dict]:
        """Propositions, the most widely sourced first (of one story: `story`, from `story_id`)."""
        with self.snapshot():
            return self._propositions(limit, story)

    def _propositions(self, limit: int | None, story: str | None = None) -> list[dict]:
        q = "SELECT * FROM propositions" + (" WHERE story = ?" if story else "") + " ORDER BY n_sources DESC, n_claims DESC, first_seen, id"
        args = ([story] if story else []) + ([limit] if limit else [])
        rows = self.db.execute(q + (" LIMIT ?" if limit else ""), args).fetchall()
        counts = dict(self.db.execute(
            f"SELECT proposition, count(*) FROM relations WHERE kind IN ({','.join('?' * len(CONFLICT_KINDS))}) GROUP BY proposition",
            CONFLICT_KINDS).fetchall())
        return [proposition_row(r, counts.get(r["id"], 0)) for r in rows]

    def proposition(self, pid: str, limit: int | None = None, offset: int = 0, stored: bool = True) -> dict:
        """One proposition: its standing, sides, timeline, numbers and claims.

        The timeline, sides and copies always cover every claim; `limit`/`offset` page the full
        claim records in `claims` (`n_claims` says how many there are in all). The timeline is the
        one link stored, or (`stored=False`, or a ledger linked before it was stored) computed here.
        """
        with self.snapshot():
            return self._proposition(pid, limit, offset, stored)

    def _proposition(self, pid: str, limit: int | None, offset: int, stored: bool) -> dict:
        row = self.db.execute("SELECT * FROM propositions WHERE id = ?", (pid,)).fetchone()
        if row is None:
            raise LedgerError(f"there is no proposition {pid!r} in {self.path}.")
        if stored and "timeline" in row.keys() and row["timeline"] is not None:
            changes = json.loads(row["timeline"])
            copies = [r[0] for r in self.db.execute(
                "SELECT id FROM claims WHERE proposition = ? AND independent_of IS NOT NULL ORDER BY document, seq", (pid,))]
            n_claims = row["n_claims"]
        else:
            changes, copies, n_claims = self._changes(pid)
        said = self._said([c for ch in changes for c in ch["claims"]])
        names = dict(self._in("SELECT id, name FROM sources WHERE id IN ({})", [s for ch in changes for s in ch["for"] + ch["against"]]))
        out = proposition_row(row, 0)
        out["timeline"] = [{
            "date": ch["date"], "status": ch["status"], "for": [names.get(s) for s in ch["for"]],
            "against": [names.get(s) for s in ch["against"]], "low": ch["low"], "high": ch["high"],
            "claims": [said[c] for c in ch["claims"] if c in said],
        } for ch in changes]
        last = out["timeline"][-1] if out["timeline"] else {"for": [], "against": []}
        out["for"], out["against"] = last["for"], last["against"]
        out["relations"] = list(self.relations(proposition=pid))
        out["conflicts"] = sum(r["kind"] in CONFLICT_KINDS for r in out["relations"])
        out["copies"] = copies
        out["n_claims"] = n_claims
        out["claims"] = list(self.claims(proposition=pid, limit=limit, offset=offset))
        return out

    def _changes(self, pid: str) -> tuple[list[dict], list[str], int]:
        """The timeline computed from the claims, reading only the fields it needs of each."""
        q = ("SELECT c.id, c.source, c.independent_of, s.kind, d.published, "
             "json_extract(c.record, '$.stance', '$.polarity', '$.said_on', '$.quantities') AS fields "
             "FROM claims c JOIN documents d ON d.id = c.document LEFT JOIN sources s ON s.id = c.source "
             "WHERE c.proposition = ? ORDER BY c.document, c.seq")
        positions, copies = [], []
        for r in self.db.execute(q, (pid,)):
            stance, polarity, said, quantities = json.loads(r["fields"])
            positions.append(Position(r["id"], r["source"], r["kind"] or "person", stance, polarity, day(said, r["published"]),
                                      r["independent_of"] is not None, *first_range({"quantities": quantities})))
            if r["independent_of"] is not None:
                copies.append(r["id"])
        return [ch.to_dict() for ch in timeline(positions)], copies, len(positions)

    def _said(self, claim_ids: list[str]) -> dict[str, dict]:
        """Who said each claim, how, and what: the timeline's view of a claim."""
        q = ("SELECT c.id, s.name, json_extract(c.record, '$.stance'), c.content FROM claims c "
             "LEFT JOIN sources s ON s.id = c.source WHERE c.id IN ({})")
        return {cid: {"id": cid, "source": name, "stance": stance, "content": content}
                for cid, name, stance, content in self._in(q, claim_ids)}

    def _in(self, query: str, values: list) -> list[tuple]:
        """`query` with its `IN ({})` filled by `values`, a few hundred at a time."""
        values = sorted(set(values))
        out: list[tuple] = []
        for i in range(0, len(values), 500):
            chunk = values[i:i + 500]
            out.extend(tuple(r) for r in self.db.execute(query.format(",".join("?" * len(chunk))), chunk))
        return out

    def _source_ids(self, claim_ids: list[str]) -> list[int]:
        got = dict(self.db.execute(f"SELECT id, source FROM claims WHERE id IN ({','.join('?' * len(claim_ids))})", claim_ids).fetchall()) if claim_ids else {}
        return [got[c] for c in claim_ids]

    # ---- following stories (follow.py) --------------------------------------------------------

    def story_id(self, story: str) -> str:
        """The id of the story `story` names (its id, or any of its documents' ids); one sentence if none."""
        found = follow.resolve_story(self.db, story)
        if found is None:
            raise LedgerError(f"there is no story {story!r} in {self.path} (`storyledger stories` lists them).")
        return found

    def stories(self, limit: int | None = None, offset: int = 0) -> list[dict]:
        """Every story: label, headline, documents, claims, propositions, contested ones, first and
        last date, last change; the most recently active first."""
        with self.snapshot():
            return follow.stories(self.db, limit, offset)

    def story(self, story: str) -> dict:
        """One story's summary (`story` as `story_id` takes it)."""
        with self.snapshot():
            row = follow.story_row(self.db, self.story_id(story))
        assert row is not None
        return row

    def changes(self, story: str | None = None, since: str | None = None, learned_since: str | None = None,
                proposition: str | None = None, limit: int | None = None, offset: int = 0,
                claims_per_change: int | None = None) -> list[dict]:
        """What changed, newest first: status steps, disputed numbers, reversals (follow.py, changes.py).

        `since` keeps those of the story's date on or after it, `learned_since` those the ledger
        learned on or after it; either may be a date or a duration back from now ("24h", "7d")."""
        with self.snapshot():
            return follow.changes(self.db, self.story_id(story) if story else None, proposition,
                                  follow.since_time(since)[:10] if since else None,
                                  follow.since_time(learned_since) if learned_since else None, limit, offset, claims_per_change)

    def sources(self) -> list[dict]:
        """Every source with its names, roles (with dates) and counts, the most cited first."""
        with self.snapshot():
            return self._sources()

    def _sources(self) -> list[dict]:
        rows = self.db.execute(
            "SELECT s.id, s.name, s.kind, count(c.id) AS n, count(DISTINCT c.proposition) AS np, "
            "count(DISTINCT c.document) AS nd FROM sources s LEFT JOIN claims c ON c.source = s.id "
            "GROUP BY s.id ORDER BY n DESC, s.name").fetchall()
        names: dict[int, list[str]] = {}
        for sid, name in self.db.execute("SELECT source, name FROM source_names ORDER BY n DESC, name"):
            names.setdefault(sid, []).append(name)
        roles: dict[int, list[dict]] = {}
        for sid, role, first, last, n in self.db.execute("SELECT * FROM source_roles ORDER BY first_seen, role"):
            roles.setdefault(sid, []).append({"role": role, "first_seen": first, "last_seen": last, "n": n})
        totals = follow.track_totals(self.db)
        empty = dict.fromkeys(follow.TRACK_COLUMNS, 0)
        return [{"id": r["id"], "name": r["name"], "kind": r["kind"], "aliases": names.get(r["id"], []),
                 "roles": roles.get(r["id"], []), "claims": r["n"], "propositions": r["np"], "documents": r["nd"],
                 "track": totals.get(r["id"], empty)}
                for r in rows]

    def source(self, name: str) -> dict:
        """One source, found by any of its names (case and accents folded), with its claims."""
        with self.snapshot():
            return self._source(name)

    def _source(self, name: str) -> dict:
        wanted = fold(name.strip())
        every = [(s, [fold(a) for a in s["aliases"] + [s["name"]]]) for s in self.sources()]
        matches = [s for s, names in every if wanted in names]
        if not matches:
            matches = [s for s, names in every if any(wanted in n for n in names)]
        if not matches:
            raise LedgerError(f"no source called {name!r} in {self.path}.")
        if len(matches) > 1:
            raise LedgerError(f"{name!r} names {len(matches)} sources: " + "; ".join(m["name"] for m in matches[:5]) + ".")
        s = matches[0]
        s["claims"] = list(self.claims(source=s["id"]))
        labels = dict(self.db.execute("SELECT id, label FROM propositions").fetchall())
        s["positions"] = [{"proposition": c["proposition"], "label": labels.get(c["proposition"]), "stance": c["stance"],
                           "polarity": c["polarity"], "date": day(c.get("said_on"), c.get("published")), "claim": c["id"]}
                          for c in s["claims"]]
        s["track_record"] = follow.track(self.db, s["id"])
        return s

    def errors(self) -> list[dict]:
        return [dict(r) for r in self.db.execute("SELECT name, reason, seen_at FROM errors ORDER BY name")]

    def stats(self) -> dict:
        with self.snapshot():
            return self._stats()

    def _stats(self) -> dict:
        one = lambda q: self.db.execute(q).fetchone()[0]  # noqa: E731
        return {"documents": one("SELECT count(*) FROM documents"), "claims": one("SELECT count(*) FROM claims"),
                "sources": one("SELECT count(*) FROM sources"), "propositions": one("SELECT count(*) FROM propositions"),
                "copies": one("SELECT count(*) FROM copies"), "errors": one("SELECT count(*) FROM errors")}


def proposition_row(r: sqlite3.Row, conflicts: int) -> dict:
    return {"id": r["id"], "label": r["label"], "status": r["status"], "claims": r["n_claims"], "sources": r["n_sources"],
            "first_seen": r["first_seen"], "last_seen": r["last_seen"], "low": r["low"], "high": r["high"],
            "unit": r["unit"], "conflicts": conflicts, "story": r["story"] if "story" in r.keys() else None}


def fts_query(text: str) -> str:
    """A user's words as an FTS5 query of quoted terms (no FTS syntax reaches SQLite)."""
    return " ".join('"' + w.replace('"', '""') + '"' for w in text.split())
