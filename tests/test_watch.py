"""`storyledger watch`: cycles that read only what is new, against a feed server on 127.0.0.1 in a thread."""
from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import threading

import pytest
from conftest import ROOT
from test_feed_urls import A1, A2, A3, closed_port, rss, server  # noqa: F401 (server: the fixture)

import storyledger.watch
from storyledger.cli import main
from storyledger.documents import ReadError, read_file
from storyledger.engines.local import LocalEngine
from storyledger.ledger import Ledger
from storyledger.watch import Watch, WatchError

A2_CHANGED = ("kyiv-a2", "The minister denied that the talks would resume.")


def test_watch_refuses_stdin(tmp_path):
    with Ledger(tmp_path / "l.db") as ledger, pytest.raises(WatchError, match="not standard input"):
        Watch(ledger, ["-"])


# ---- watching (the model) ------------------------------------------------------------------------

class Spy(LocalEngine):
    """The local engine, noting which documents reach extraction."""

    def __init__(self) -> None:
        self.extracted: list[str] = []

    def extract(self, documents, options=None, failures=None):  # type: ignore[no-untyped-def]
        def noted():
            for d in documents:
                self.extracted.append(d.id)
                yield d
        return super().extract(noted(), options, failures)

    def cycle(self, watch: Watch):  # type: ignore[no-untyped-def]
        self.extracted = []
        return watch.cycle()


@pytest.mark.model
def test_watch_extracts_only_new_and_changed_entries_and_files(tmp_path, server, monkeypatch):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text("The governor said that the road would open in May.\n", encoding="utf-8")
    refused = closed_port()
    spy = Spy()
    opened: list[str] = []  # files the watch reads (an unchanged one is not even opened)
    monkeypatch.setattr(storyledger.watch, "read_file", lambda f, *how: opened.append(f.name) or read_file(f, *how))
    with Ledger(tmp_path / "l.db") as ledger:
        w = Watch(ledger, [str(folder), server.url + "/feed", refused], engine=spy)

        first = spy.cycle(w)
        assert opened == ["a.txt"]
        assert sorted(spy.extracted) == sorted([str(folder / "a.txt"), A1[0], A2[0]])
        assert (first.added, first.replaced, first.unchanged) == (3, 0, 0)
        assert first.failed == [ReadError(refused, "it could not be fetched (Connection refused).")]
        assert first.line().endswith("3 added, 0 replaced, 0 unchanged, 1 failed in %.1f s." % first.seconds)

        second = spy.cycle(w)  # nothing new: the server answers 304, the file is not read
        assert spy.extracted == [] and opened == ["a.txt"]
        assert (second.added, second.replaced, second.unchanged, second.not_modified) == (0, 0, 3, 1)
        assert "If-None-Match" not in server.feed_requests()[0] and "If-None-Match" in server.feed_requests()[1]
        assert second.failed == [ReadError(refused, "it could not be fetched (Connection refused).")]

        server.feed = rss(A1, A2_CHANGED, A3)
        (folder / "b.txt").write_text("The spokesman confirmed that the port was closed.\n", encoding="utf-8")
        third = spy.cycle(w)
        assert opened == ["a.txt", "b.txt"]
        assert sorted(spy.extracted) == sorted([A2[0], A3[0], str(folder / "b.txt")])
        assert (third.added, third.replaced, third.unchanged, third.not_modified) == (2, 1, 2, 0)
        stored = {r["id"]: r["text"] for r in ledger.db.execute("SELECT id, text FROM documents")}
        assert stored[A2[0]] == A2_CHANGED[1] and A3[0] in stored and len(stored) == 5
        claims = {c["document"]: c for c in ledger.claims()}
        assert claims[A2[0]]["stance"] == "denied" and claims[A2[0]]["proposition"]
        errors = [e["name"] for e in ledger.errors()]
        assert errors == [refused]


@pytest.mark.model
def test_the_conditional_header_is_the_servers_etag(tmp_path, server):
    with Ledger(tmp_path / "l.db") as ledger:
        w = Watch(ledger, [server.url + "/feed"])
        w.cycle()
        w.cycle()
    first, second = server.feed_requests()
    assert "If-None-Match" not in first
    expected = '"' + hashlib.sha256(server.feed).hexdigest()[:16] + '"'
    assert second["If-None-Match"] == expected


@pytest.mark.model
def test_a_feed_that_recovers_is_read_and_its_error_cleared(tmp_path, server):
    with Ledger(tmp_path / "l.db") as ledger:
        w = Watch(ledger, [server.url + "/feed"])
        feed, server.feed = server.feed, b"<html><body>Down for maintenance</body></html>"
        bad = w.cycle()
        assert [str(f) for f in bad.failed] == [f"{server.url}/feed: it is not an RSS or Atom feed."]
        assert [str(f) for f in w.cycle().failed] == [f"{server.url}/feed: it is not an RSS or Atom feed."]  # reported again
        server.feed = feed
        good = w.cycle()
        assert (good.added, good.failed) == (2, [])
        assert ledger.errors() == []


@pytest.mark.model
def test_a_stop_mid_cycle_keeps_what_was_stored_and_the_next_cycle_reads_the_rest(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    for n, who in enumerate(["The governor", "The mayor", "The minister"]):
        (folder / f"{n}.txt").write_text(f"{who} said that the road would open in May.\n", encoding="utf-8")
    stop = threading.Event()

    class StopAfterFirst(Spy):
        def extract(self, documents, options=None, failures=None):  # type: ignore[no-untyped-def]
            def first_then_stop():
                for d in documents:
                    stop.set()  # as SIGTERM would, while the first document is on its way
                    yield d
            return super().extract(first_then_stop(), options, failures)

    spy = StopAfterFirst()
    with Ledger(tmp_path / "l.db") as ledger:
        w = Watch(ledger, [str(folder)], engine=spy)
        cut = w.cycle(stop)
        assert cut.stopped and cut.added == 1 and spy.extracted == [str(folder / "0.txt")]
        assert cut.line().endswith("(stopped).")
        rest = spy.cycle(w)
        assert (rest.added, rest.unchanged, rest.stopped) == (2, 1, False)
        assert spy.extracted == [str(folder / "1.txt"), str(folder / "2.txt")]
        assert ledger.stats()["documents"] == 3


@pytest.mark.model
def test_cli_watch_once_prints_one_line_and_names_the_failure(tmp_path, server, capsys):
    db = str(tmp_path / "l.db")
    refused = closed_port()
    code = main(["watch", server.url + "/feed", refused, "--db", db, "--once"])
    out, err = capsys.readouterr()
    assert code == 1
    (line,) = out.splitlines()
    assert "2 added, 0 replaced, 0 unchanged, 1 failed in" in line
    assert err.splitlines() == [f"storyledger: skipped {refused}: it could not be fetched (Connection refused)."]
    code = main(["watch", server.url + "/feed", "--db", db, "--once"])
    out, err = capsys.readouterr()
    assert code == 0 and "0 added, 0 replaced, 2 unchanged, 0 failed, 1 feed(s) not modified in" in out
    assert main(["ingest", server.url + "/feed", "--db", str(tmp_path / "other.db"), "--quiet"]) == 0
    assert "2 added" in capsys.readouterr().out
    assert main(["watch", "-", "--db", db, "--once"]) == 1
    assert capsys.readouterr().err == "storyledger: watch reads files, folders and feed URLs, not standard input (-).\n"


@pytest.mark.model
def test_a_watch_process_picks_up_a_new_file_and_stops_cleanly_on_sigterm(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text("The governor said that the road would open in May.\n", encoding="utf-8")
    db = tmp_path / "l.db"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.Popen([sys.executable, "-m", "storyledger", "watch", str(folder), "--db", str(db), "--interval", "0.2"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    guard = threading.Timer(120, proc.kill)  # a hung watch fails the test instead of hanging it
    guard.start()
    try:
        first = proc.stdout.readline()
        assert "1 added, 0 replaced, 0 unchanged, 0 failed" in first
        (folder / "b.txt").write_text("The spokesman confirmed that the port was closed.\n", encoding="utf-8")
        while "1 added" not in (line := proc.stdout.readline()):
            assert line and "0 added, 0 replaced, 1 unchanged, 0 failed" in line
        assert "1 added, 0 replaced, 1 unchanged, 0 failed" in line
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=30)
    finally:
        guard.cancel()
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 0
    assert err.splitlines()[-1] == "storyledger: stopped watching."
    with Ledger(db, readonly=True) as ledger:
        assert sorted(r[0] for r in ledger.db.execute("SELECT id FROM documents")) == [str(folder / "a.txt"), str(folder / "b.txt")]
        assert ledger.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
