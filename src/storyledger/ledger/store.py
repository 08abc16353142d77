"""The ledger's SQLite file: schema, migrations, connection settings.

One file, WAL journal, foreign keys on, full-text search over claim content. The schema is
versioned with `PRAGMA user_version`; `MIGRATIONS[i]` takes a ledger from version i to i + 1.

Documents, their claims and the read errors are what ingest stores. Everything else (sources
across articles, propositions, relations, copies) is derived from them by `link`, in one
transaction, so that a ledger is a function of the documents it holds.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import IO

try:
    import fcntl
except ImportError:  # Windows: writers queue on SQLite's lock alone
    fcntl = None  # type: ignore[assignment]

# Seconds a writer waits for another writer's transaction before giving up.
BUSY_TIMEOUT = 30.0

MIGRATIONS: list[str] = [
    """
    CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        hash TEXT NOT NULL,
        title TEXT,
        url TEXT,
        outlet TEXT,
        published TEXT,
        language TEXT,
        text TEXT NOT NULL,
        n_claims INTEGER NOT NULL,
        ingested_at TEXT NOT NULL
    );
    CREATE TABLE errors (
        name TEXT PRIMARY KEY,
        reason TEXT NOT NULL,
        seen_at TEXT NOT NULL
    );
    CREATE TABLE sources (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        kind TEXT NOT NULL
    );
    CREATE TABLE source_names (
        source INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (source, name)
    );
    CREATE TABLE source_roles (
        source INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
        role TEXT NOT NULL,
        first_seen TEXT,
        last_seen TEXT,
        n INTEGER NOT NULL,
        PRIMARY KEY (source, role)
    );
    CREATE TABLE propositions (
        id TEXT PRIMARY KEY,
        label TEXT NOT NULL,
        n_claims INTEGER NOT NULL,
        n_sources INTEGER NOT NULL,
        status TEXT NOT NULL,
        first_seen TEXT,
        last_seen TEXT,
        low REAL,
        high REAL,
        unit TEXT
    );
    CREATE TABLE claims (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        content TEXT NOT NULL,
        record TEXT NOT NULL,
        source INTEGER REFERENCES sources(id) DEFERRABLE INITIALLY DEFERRED,
        proposition TEXT REFERENCES propositions(id) DEFERRABLE INITIALLY DEFERRED,
        independent_of TEXT
    );
    CREATE INDEX claims_document ON claims(document, seq);
    CREATE INDEX claims_source ON claims(source);
    CREATE INDEX claims_proposition ON claims(proposition);
    CREATE VIRTUAL TABLE claims_fts USING fts5(content, content='claims', content_rowid='rowid');
    CREATE TRIGGER claims_ai AFTER INSERT ON claims BEGIN
        INSERT INTO claims_fts(rowid, content) VALUES (new.rowid, new.content);
    END;
    CREATE TRIGGER claims_ad AFTER DELETE ON claims BEGIN
        INSERT INTO claims_fts(claims_fts, rowid, content) VALUES ('delete', old.rowid, old.content);
    END;
    CREATE TABLE relations (
        kind TEXT NOT NULL,
        a TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
        b TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
        proposition TEXT,
        note TEXT,
        PRIMARY KEY (kind, a, b)
    );
    CREATE INDEX relations_b ON relations(b);
    CREATE TABLE copies (
        document TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
        original TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
        similarity REAL NOT NULL
    );
    CREATE TABLE embeddings (
        key TEXT PRIMARY KEY,
        vector BLOB NOT NULL
    );
    CREATE TABLE state (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    """,
    # 1: what people reviewed (`storyledger review`), kept apart from the derived tables so that
    # relinking never loses it; each proposition's independent sources for and against and the
    # date its status last changed, and its timeline as JSON of source and claim ids (filled by
    # link; NULL in a ledger not relinked since), and indexes: for the web app at 100k claims.
    """
    ALTER TABLE propositions ADD COLUMN n_for INTEGER;
    ALTER TABLE propositions ADD COLUMN n_against INTEGER;
    ALTER TABLE propositions ADD COLUMN changed_on TEXT;
    ALTER TABLE propositions ADD COLUMN timeline TEXT;
    CREATE INDEX claims_proposition_copy ON claims(proposition, independent_of);
    CREATE TABLE reviews (
        claim TEXT PRIMARY KEY,
        rating TEXT NOT NULL,
        reviewer TEXT,
        note TEXT,
        reviewed_at TEXT NOT NULL
    );
    CREATE INDEX propositions_activity ON propositions(n_claims DESC, n_sources DESC, last_seen DESC);
    CREATE INDEX propositions_recent ON propositions(last_seen DESC);
    CREATE INDEX relations_proposition ON relations(proposition, kind);
    """,
    # 2: incremental linking. Each claim's speaker as extraction named it and the day it counts
    # from; the documents stored since the last link (`dirty`) and the propositions that lost
    # claims to a replaced document (`stale`); what linking keeps to redo only what a new
    # document touches: name forms -> source, each document's MinHash bands and copy pairs, its
    # weighted words, blocks and story. Everything derived is dropped: the next link redoes it.
    """
    ALTER TABLE claims ADD COLUMN speaker_name TEXT;
    ALTER TABLE claims ADD COLUMN speaker_kind TEXT;
    ALTER TABLE claims ADD COLUMN speaker_role TEXT;
    ALTER TABLE claims ADD COLUMN day TEXT;
    CREATE INDEX claims_form ON claims(speaker_name, speaker_kind, speaker_role, day);
    ALTER TABLE sources ADD COLUMN parties TEXT;
    CREATE TABLE speaker_forms (
        name TEXT NOT NULL,
        kind TEXT NOT NULL,
        source INTEGER NOT NULL,
        PRIMARY KEY (name, kind)
    );
    CREATE TABLE dirty (document TEXT PRIMARY KEY);
    CREATE TABLE stale (proposition TEXT PRIMARY KEY);
    CREATE TABLE doc_bands (band INTEGER NOT NULL, document TEXT NOT NULL);
    CREATE INDEX doc_bands_band ON doc_bands(band);
    CREATE INDEX doc_bands_document ON doc_bands(document);
    CREATE TABLE copy_pairs (a TEXT NOT NULL, b TEXT NOT NULL, similarity REAL NOT NULL, PRIMARY KEY (a, b));
    CREATE INDEX copy_pairs_b ON copy_pairs(b);
    CREATE TABLE doc_terms (document TEXT PRIMARY KEY, story TEXT, terms TEXT NOT NULL);
    CREATE INDEX doc_terms_story ON doc_terms(story);
    CREATE TABLE doc_blocks (word TEXT NOT NULL, document TEXT NOT NULL);
    CREATE INDEX doc_blocks_word ON doc_blocks(word);
    CREATE INDEX doc_blocks_document ON doc_blocks(document);
    DELETE FROM relations;
    DELETE FROM copies;
    UPDATE claims SET source = NULL, proposition = NULL, independent_of = NULL;
    DELETE FROM propositions;
    DELETE FROM source_roles;
    DELETE FROM source_names;
    DELETE FROM sources;
    INSERT INTO dirty SELECT id FROM documents;
    INSERT OR REPLACE INTO state VALUES ('linked', '0');
    """,
    # 3: a proposition's `unit` (and the notes of `disputes_number`) is the word as written
    # ("countries"), no longer the matching key ("countri"): the next link redoes every proposition.
    """
    INSERT OR IGNORE INTO dirty SELECT id FROM documents;
    INSERT OR REPLACE INTO state VALUES ('linked', '0');
    """,
    # 4: following stories (`follow.py`): each proposition's story; the changes derived from the
    # status timelines and the dispute and update relations, under a key that survives relinking
    # (so the time the ledger learned each one is kept); what was sent to each alert target; each
    # source's track record on each proposition; one summary row per story. Filled by link: the
    # state row `follow` is "0" until a link has derived them for every proposition.
    """
    ALTER TABLE propositions ADD COLUMN story TEXT;
    CREATE INDEX propositions_story ON propositions(story, n_claims DESC);
    CREATE TABLE changes (
        key TEXT PRIMARY KEY,
        proposition TEXT,
        story TEXT,
        kind TEXT NOT NULL,
        date TEXT,
        old TEXT,
        new TEXT,
        claims TEXT NOT NULL,
        note TEXT,
        learned_at TEXT NOT NULL
    );
    CREATE INDEX changes_proposition ON changes(proposition);
    CREATE INDEX changes_date ON changes(date DESC, learned_at DESC, key);
    CREATE INDEX changes_story ON changes(story, date DESC, learned_at DESC, key);
    CREATE INDEX changes_learned ON changes(learned_at);
    CREATE TABLE alerts (
        change TEXT NOT NULL,
        target TEXT NOT NULL,
        sent_at TEXT NOT NULL,
        outcome TEXT NOT NULL,
        PRIMARY KEY (change, target)
    );
    CREATE TABLE track (
        source INTEGER NOT NULL,
        proposition TEXT NOT NULL,
        claim TEXT NOT NULL,
        date TEXT,
        position INTEGER NOT NULL,
        outcome TEXT NOT NULL,
        confirmed_by INTEGER NOT NULL,
        denied_by INTEGER NOT NULL,
        first INTEGER NOT NULL,
        reversals INTEGER NOT NULL,
        PRIMARY KEY (source, proposition)
    );
    CREATE INDEX track_proposition ON track(proposition);
    CREATE INDEX track_source ON track(source, outcome, first, reversals);
    CREATE TABLE stories (
        id TEXT PRIMARY KEY,
        label TEXT,
        title TEXT,
        lead TEXT,
        documents INTEGER NOT NULL,
        claims INTEGER NOT NULL,
        propositions INTEGER NOT NULL,
        contested INTEGER NOT NULL,
        first_seen TEXT,
        last_seen TEXT,
        last_change TEXT,
        changes INTEGER NOT NULL
    );
    CREATE INDEX stories_recent ON stories(last_seen DESC, claims DESC);
    CREATE TRIGGER propositions_gone AFTER DELETE ON propositions BEGIN
        UPDATE changes SET proposition = NULL WHERE proposition = old.id;
        DELETE FROM track WHERE proposition = old.id;
    END;
    INSERT OR REPLACE INTO state VALUES ('linked', '0');
    INSERT OR REPLACE INTO state VALUES ('follow', '0');
    """,
    # 5: copies also by the reported statements two documents share (`copies.py`): each
    # document's statement bands go into `doc_bands`, so the next link redoes every document.
    """
    INSERT OR IGNORE INTO dirty SELECT id FROM documents;
    INSERT OR REPLACE INTO state VALUES ('linked', '0');
    """,
]

VERSION = len(MIGRATIONS)


class LedgerError(Exception):
    """A ledger that cannot be opened or used, with one sentence of why."""


def connect(path: str | Path) -> sqlite3.Connection:
    """Open (creating if needed) a ledger file and bring its schema up to date."""
    try:
        db = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT, isolation_level=None)
        db.row_factory = sqlite3.Row
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA foreign_keys = ON")
        db.execute("PRAGMA synchronous = NORMAL")
        migrate(db)
    except sqlite3.DatabaseError as e:
        raise LedgerError(f"{path} is not a storyledger ledger ({e}).") from e
    return db


def connect_readonly(path: str | Path) -> sqlite3.Connection:
    """Open an existing ledger read-only (a `mode=ro` URI): no migration, no write can happen."""
    p = Path(path)
    if not p.is_file():
        raise LedgerError(f"there is no ledger at {path}.")
    try:
        db = sqlite3.connect(p.resolve().as_uri() + "?mode=ro", uri=True, timeout=BUSY_TIMEOUT,
                             isolation_level=None, check_same_thread=False)
        db.row_factory = sqlite3.Row
        db.execute("PRAGMA query_only = ON")
        version = db.execute("PRAGMA user_version").fetchone()[0]
        db.execute("SELECT count(*) FROM claims").fetchone()
    except sqlite3.DatabaseError as e:
        raise LedgerError(f"{path} is not a storyledger ledger ({e}).") from e
    if version > VERSION:
        raise LedgerError(f"the ledger has schema version {version}, newer than this storyledger ({VERSION}).")
    return db


def migrate(db: sqlite3.Connection) -> None:
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version > VERSION:
        raise LedgerError(f"the ledger has schema version {version}, newer than this storyledger ({VERSION}).")
    for v in range(version, VERSION):
        db.execute("BEGIN IMMEDIATE")
        try:
            if db.execute("PRAGMA user_version").fetchone()[0] == v:  # another process may have migrated
                for statement in split_script(MIGRATIONS[v]):
                    db.execute(statement)
                db.execute(f"PRAGMA user_version = {v + 1}")
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise


def split_script(script: str) -> list[str]:
    """Statements of a migration; `executescript` would commit outside our transaction."""
    out, buf = [], ""
    for line in script.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            out.append(buf.strip())
            buf = ""
    return [s for s in out if s]


class transaction:
    """`with transaction(db):` one write transaction, taken at once so writers queue."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def __enter__(self) -> sqlite3.Connection:
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as e:
            if "locked" not in str(e) and "busy" not in str(e):
                raise
            path = self.db.execute("PRAGMA database_list").fetchone()[2]
            raise LedgerError(f"the ledger {path} is busy: another process has held it for over "
                              f"{BUSY_TIMEOUT:g} s.") from e
        return self.db

    def __exit__(self, kind: object, *exc: object) -> None:
        self.db.execute("COMMIT" if kind is None else "ROLLBACK")


def get_state(db: sqlite3.Connection, key: str) -> str | None:
    row = db.execute("SELECT value FROM state WHERE key = ?", (key,)).fetchone()
    return row[0] if row else None


def set_state(db: sqlite3.Connection, key: str, value: str) -> None:
    db.execute("INSERT INTO state(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value", (key, value))


class snapshot:
    """`with snapshot(db):` reads that see one state of the ledger while a writer commits.

    Reentrant: inside a transaction already, it adds nothing."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self.began = False

    def __enter__(self) -> sqlite3.Connection:
        if not self.db.in_transaction:
            self.db.execute("BEGIN")
            self.began = True
        return self.db

    def __exit__(self, *exc: object) -> None:
        if self.began:
            self.db.execute("COMMIT")
            self.began = False


class writer_lock:
    """`with writer_lock(path):` one writer (ingest, link) at a time on a ledger; the next waits.

    An advisory `flock` on `<ledger>-lock` beside the file: the kernel drops it when its
    process ends, killed or not, so a crash leaves no stale lock. `on_wait` is called once
    if another writer holds it. Without `fcntl` (Windows) writers queue on SQLite's lock."""

    def __init__(self, path: str, on_wait: Callable[[], None] | None = None) -> None:
        self.path = path
        self.on_wait = on_wait
        self.file: IO[bytes] | None = None

    def __enter__(self) -> None:
        if fcntl is None or self.path == ":memory:" or self.path.startswith("file:"):
            return
        self.file = open(self.path + "-lock", "a+b")
        try:
            fcntl.flock(self.file, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if self.on_wait:
                self.on_wait()
            fcntl.flock(self.file, fcntl.LOCK_EX)

    def __exit__(self, *exc: object) -> None:
        if self.file is not None:
            self.file.close()  # releases the lock
            self.file = None
