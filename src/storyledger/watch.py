"""Keeping a ledger current: each cycle reads only what is new or changed, and ingests that.

    with Ledger("story.db") as ledger:
        watch(ledger, ["articles/", "https://example.org/feed.xml"], interval=300)

Files (named, or found in a folder) are known by (path, size, mtime_ns): an unchanged file is not
read again. A feed URL is fetched with the `ETag` / `Last-Modified` of its previous answer, so a
server that answers 304 sends nothing; in a feed that did change, an entry whose content hash is
the one seen before is not passed on, so it is never extracted twice. What is left goes to
`Ledger.ingest` (one transaction per document, then the link). What a cycle has seen is kept in
the ledger's `state` table (keys `watch file PATH`, `watch feed URL`) and written only once the
source's documents are stored: a watch stopped or killed mid-cycle reads that source again next
time, and ingest skips what it already holds. A source that fails is reported and the cycle goes on.

Alerts (`Alerts`): after each cycle, every change (`ledger/changes.py`) the ledger learned since
the alert target was first watched, and not yet sent to it, goes to a command (its JSON on the
command's standard input, one run per change, under a time limit) and/or a JSONL file. Each
is recorded in the ledger's `alerts` table before it is sent, so a change is never sent twice to
one target, across restarts too (a watch killed while a command runs loses that one alert).
"""
from __future__ import annotations

import hashlib
import json
import os
import signal
import sqlite3
import subprocess
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .documents import Document, ReadError, folder_files, is_url, read_feed_bytes, read_file, shown
from .documents.fetch import fetch
from .engines import Engine, EngineError
from .ledger import Ledger, LedgerError, content_hash, now
from .ledger.store import get_state, set_state, transaction
from .pipeline import Options

__all__ = ["Alerts", "CycleReport", "DEFAULT_INTERVAL", "Watch", "WatchError", "watch"]

# Seconds between cycles: news feeds update every few minutes, and a politer interval than
# most feed readers' (they poll every 15 to 60 minutes) is not needed for a handful of feeds.
DEFAULT_INTERVAL = 300.0
FILE_KEY = "watch file "
FEED_KEY = "watch feed "
ALERTS_KEY = "alerts since "
# Seconds an --on-change command may run for one change before it is stopped: a notifier or a
# webhook answers in a second or two; one that hangs must not hold up the watch for long.
ALERT_TIMEOUT = 30.0


class WatchError(ValueError):
    """Sources that cannot be watched as given, with one sentence of why."""


@dataclass(slots=True)
class CycleReport:
    """What one cycle did: documents added, replaced, unchanged (not extracted) and failed."""

    started: str
    seconds: float = 0.0
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    failed: list[ReadError] = field(default_factory=list)
    not_modified: int = 0  # feeds whose server answered 304
    stopped: bool = False  # stopped before every source was read
    changes: int = 0  # new changes sent to the alert targets
    alert_failures: list[str] = field(default_factory=list)  # one sentence each

    def line(self) -> str:
        """The cycle in one line, as `storyledger watch` prints it."""
        feeds = f", {self.not_modified} feed(s) not modified" if self.not_modified else ""
        sent = f"; {self.changes} new change(s) sent" if self.changes else ""
        return (f"{self.started}: {self.added} added, {self.replaced} replaced, {self.unchanged} unchanged, "
                f"{len(self.failed)} failed{feeds} in {self.seconds:.1f} s" + (" (stopped)" if self.stopped else "") + sent + ".")


@dataclass(slots=True)
class Alerts:
    """Where new changes go: `command` run once per change with its JSON on standard input (a shell
    command line, stopped after `timeout` seconds), `file` appended one JSON line per change."""

    command: str | None = None
    file: str | None = None
    timeout: float = ALERT_TIMEOUT

    def targets(self) -> list[str]:
        """The names the `alerts` table remembers what was sent under."""
        out = []
        if self.command:
            out.append("command " + self.command)
        if self.file:
            out.append("file " + str(Path(self.file).resolve()))
        return out

    def start(self, db: sqlite3.Connection) -> None:
        """Mark, once per target, the time from which its changes are new (not the ledger's past)."""
        with transaction(db):
            for target in self.targets():
                if get_state(db, ALERTS_KEY + target) is None:
                    set_state(db, ALERTS_KEY + target, now())

    def send(self, db: sqlite3.Connection, report: CycleReport) -> None:
        """Send each change not yet sent to each target; failures become sentences in the report."""
        from .ledger import follow

        sent: set[str] = set()
        for target in self.targets():
            since = get_state(db, ALERTS_KEY + target)
            for change in follow.changes(db, learned_since=since, unsent_to=target):
                with transaction(db):  # recorded first: whatever happens next, never sent twice
                    db.execute("INSERT OR IGNORE INTO alerts VALUES (?,?,?,?)", (change["id"], target, now(), "sending"))
                problem = self.deliver(target, change)
                with transaction(db):
                    db.execute("UPDATE alerts SET outcome = ? WHERE change = ? AND target = ?",
                               (problem or "sent", change["id"], target))
                if problem:
                    report.alert_failures.append(problem)
                else:
                    sent.add(change["id"])
        report.changes += len(sent)

    def deliver(self, target: str, change: dict) -> str | None:
        """Send one change to one target; None, or one sentence of what went wrong."""
        line = json.dumps(change, ensure_ascii=False)
        if target.startswith("file "):
            try:
                with open(self.file, "a", encoding="utf-8") as f:  # type: ignore[arg-type]
                    f.write(line + "\n")
            except OSError as e:
                return f"--changes-file {self.file} could not be written ({e.strerror or e})."
            return None
        return run_command(self.command or "", line + "\n", self.timeout, change["id"])


def run_command(command: str, data: str, timeout: float, key: str) -> str | None:
    """Run `command` (a shell command line) with `data` on its standard input, in its own process
    group so that a hung one is stopped whole; None if it exited 0, else one sentence."""
    try:
        proc = subprocess.Popen(command, shell=True, stdin=subprocess.PIPE, start_new_session=True)
    except OSError as e:
        return f"--on-change could not start for change {key} ({e.strerror or e})."
    try:
        proc.communicate(data.encode("utf-8"), timeout=timeout)
    except subprocess.TimeoutExpired:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except OSError:
            pass
        proc.wait()
        return f"--on-change did not finish within the time limit of {timeout:g} s for change {key}; it was stopped."
    if proc.returncode:
        how = (f"was killed by signal {-proc.returncode}" if proc.returncode < 0 else f"exited with status {proc.returncode}")
        return f"--on-change {how} for change {key}."
    return None


class Watch:
    """Sources (files, folders, feed URLs) watched into one ledger; `cycle()` ingests what is new."""

    def __init__(self, ledger: Ledger, sources: Sequence[str], options: Options | None = None,
                 engine: Engine | None = None, encoding: str | None = None, language: str | None = None,
                 alerts: Alerts | None = None) -> None:
        """`encoding` and `language` are those of `documents.read` (plain text files' encoding, a forced language)."""
        if not sources:
            raise WatchError("watch needs at least one file, folder or feed URL.")
        if "-" in sources:
            raise WatchError("watch reads files, folders and feed URLs, not standard input (-).")
        self.ledger = ledger
        self.sources = [str(s) for s in sources]
        self.options = options or Options()
        self.engine = engine
        self.encoding = encoding
        self.language = language
        self.alerts = alerts if alerts and alerts.targets() else None
        if self.alerts:
            self.alerts.start(ledger.db)

    def cycle(self, stop: threading.Event | None = None, on_wait: Callable[[], None] | None = None) -> CycleReport:
        """Read what is new or changed in every source, ingest it, and remember what was seen."""
        stop = stop or threading.Event()
        clock = time.monotonic()
        report = CycleReport(started=now())
        seen: list[tuple[str, str]] = []  # state rows to write once their documents are stored
        recovered: list[str] = []  # feed URLs read again after an error
        with self.ledger.writing(on_wait):
            ingested = self.ledger.ingest(self.items(report, seen, recovered, stop), self.options, engine=self.engine)
            if seen or recovered:
                with transaction(self.ledger.db) as db:
                    for key, value in seen:
                        set_state(db, key, value)
                    db.executemany("DELETE FROM errors WHERE name = ?", [(url,) for url in recovered])
        report.added, report.replaced = ingested.added, ingested.replaced
        report.unchanged += ingested.unchanged
        report.failed = ingested.failed
        if self.alerts:
            self.alerts.send(self.ledger.db, report)
        report.seconds = time.monotonic() - clock
        return report

    def items(self, report: CycleReport, seen: list[tuple[str, str]], recovered: list[str],
              stop: threading.Event) -> Iterator[Document | ReadError]:
        """New and changed documents of every source, and read errors; stops early when `stop` is set."""
        for source in self.sources:
            if stop.is_set():
                report.stopped = True
                return
            reader = self.feed if is_url(source) else self.path
            yield from reader(source, report, seen, recovered, stop)

    def path(self, source: str, report: CycleReport, seen: list[tuple[str, str]], recovered: list[str],
             stop: threading.Event) -> Iterator[Document | ReadError]:
        p = Path(source)
        try:
            if p.is_dir():
                files = folder_files(p)  # an empty folder is not an error here: files may come
            elif p.exists():
                files = [p]
            else:
                yield ReadError(shown(source), "no such file or folder.")
                return
        except OSError as e:
            yield ReadError(shown(source), f"it cannot be read ({e.strerror or e}).")
            return
        limits = self.options.limits
        for f in files:
            if stop.is_set():
                report.stopped = True
                return
            key = FILE_KEY + shown(str(f))
            try:
                st = f.stat()
            except OSError as e:  # gone since the folder was listed
                yield ReadError(shown(str(f)), f"it cannot be read ({e.strerror or e}).")
                continue
            before = remembered(self.ledger.db, key)
            if isinstance(before, list) and before[:2] == [st.st_size, st.st_mtime_ns]:
                report.unchanged += before[2]
                continue
            documents = 0
            for item in read_file(f, limits, self.encoding, self.language):
                if stop.is_set():
                    report.stopped = True
                    return
                documents += isinstance(item, Document)
                yield item
            seen.append((key, json.dumps([st.st_size, st.st_mtime_ns, documents])))

    def feed(self, url: str, report: CycleReport, seen: list[tuple[str, str]], recovered: list[str],
             stop: threading.Event) -> Iterator[Document | ReadError]:
        key = FEED_KEY + url
        before = remembered(self.ledger.db, key)
        before = before if isinstance(before, dict) else {}
        entries: dict[str, str] = before.get("entries", {})
        got = fetch(url, self.options.limits, before.get("etag"), before.get("last_modified"))
        if isinstance(got, ReadError):
            yield got
            return
        if got.status == 304:
            report.not_modified += 1
            report.unchanged += before.get("documents", 0)
            recovered.append(url)
            return
        now_entries: dict[str, str] = {}
        documents, failed = 0, False
        for item in read_feed_bytes(url, got.data, self.options.limits, got.content_type, self.language):
            name, digest = (item.id, content_hash(item)) if isinstance(item, Document) else (item.name, error_hash(item))
            now_entries[name] = digest
            documents += isinstance(item, Document)
            failed = failed or (isinstance(item, ReadError) and item.name == url)
            if entries.get(name) == digest:
                report.unchanged += isinstance(item, Document)
                continue
            if stop.is_set():
                report.stopped = True
                return
            yield item
        if failed:  # not a feed, or none readable: no memory, so the next cycle reports it again
            return
        recovered.append(url)
        seen.append((key, json.dumps({"etag": got.etag, "last_modified": got.last_modified, "documents": documents,
                                      "entries": now_entries}, ensure_ascii=False)))

    def run(self, interval: float = DEFAULT_INTERVAL, stop: threading.Event | None = None,
            on_cycle: Callable[[CycleReport], None] | None = None, on_error: Callable[[Exception], None] | None = None,
            once: bool = False, on_wait: Callable[[], None] | None = None) -> None:
        """Cycle every `interval` seconds until `stop` is set (or once). A cycle that fails as a
        whole (the ledger busy, the engine gone) goes to `on_error`, and the next cycle runs."""
        stop = stop or threading.Event()
        while not stop.is_set():
            try:
                report = self.cycle(stop, on_wait)
            except (LedgerError, EngineError, sqlite3.Error, OSError) as e:
                if on_error is None:
                    raise
                on_error(e)
            else:
                if on_cycle:
                    on_cycle(report)
            if once:
                return
            stop.wait(interval)


def watch(ledger: Ledger, sources: Sequence[str], interval: float = DEFAULT_INTERVAL, options: Options | None = None,
          engine: Engine | None = None, stop: threading.Event | None = None,
          on_cycle: Callable[[CycleReport], None] | None = None, on_error: Callable[[Exception], None] | None = None,
          once: bool = False, on_wait: Callable[[], None] | None = None, alerts: Alerts | None = None) -> None:
    """Keep `ledger` current with `sources` (files, folders, feed URLs) until `stop` is set; new
    changes go to `alerts`."""
    Watch(ledger, sources, options, engine, alerts).run(interval, stop, on_cycle, on_error, once, on_wait)


def remembered(db: sqlite3.Connection, key: str) -> object:
    """What a previous cycle wrote under `key` (JSON), or None."""
    value = get_state(db, key)
    try:
        return json.loads(value) if value is not None else None
    except ValueError:
        return None


def error_hash(error: ReadError) -> str:
    return hashlib.sha256(str(error).encode("utf-8", "surrogatepass")).hexdigest()
