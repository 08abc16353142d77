"""The extract command: formats, errors word for word, exit status."""
from __future__ import annotations

import csv
import io
import json

import pytest

from storyledger.cli import main

pytestmark = pytest.mark.model

TEXT = "Mayor Jan Kowal said that the market would reopen on Friday.\n"


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_extract_jsonl_and_bad_file_named_on_stderr(tmp_path, capsys):
    good = tmp_path / "good.txt"
    good.write_text(TEXT, encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00")
    bad.write_bytes(b"ab\xffcd")
    code, out, err = run(capsys, "extract", str(bad), str(good))
    assert code == 1
    rows = [json.loads(line) for line in out.splitlines()]
    assert len(rows) == 1 and rows[0]["source"]["name"] == "Jan Kowal"
    assert err.splitlines() == [
        f"storyledger: skipped {bad}: it is not valid UTF-8 (bad byte at offset 2).",
        "storyledger: 1 input(s) could not be read.",
    ]


def test_extract_formats(tmp_path, capsys):
    p = tmp_path / "a.txt"
    p.write_text(TEXT, encoding="utf-8")
    code, out, _ = run(capsys, "extract", str(p), "--format", "csv")
    assert code == 0
    (row,) = list(csv.DictReader(io.StringIO(out)))
    assert row["source"] == "Jan Kowal" and row["cue"] == "say" and row["stance"] == "predicted"
    code, out, _ = run(capsys, "extract", str(p), "--format", "table")
    assert out.splitlines()[0].split() == ["source", "cue", "mode", "stance", "content"]
    assert "Jan Kowal" in out
    code, out, _ = run(capsys, "extract", str(p), "--format", "json")
    assert json.loads(out)[0]["cue"] == "say"


def test_extract_writes_to_file(tmp_path, capsys):
    p = tmp_path / "a.txt"
    p.write_text(TEXT, encoding="utf-8")
    target = tmp_path / "out.jsonl"
    code, out, _ = run(capsys, "extract", str(p), "-o", str(target))
    assert code == 0 and out == ""
    assert json.loads(target.read_text().splitlines()[0])["document"] == str(p)


def test_annotate_gives_the_four_lists(tmp_path, capsys):
    p = tmp_path / "a.jsonl"
    p.write_text(json.dumps({"id": "d", "text": "On Tuesday about 300 people marched in Lviv, officials said.", "published": "2024-10-17"}) + "\n")
    code, out, _ = run(capsys, "annotate", str(p))
    (rec,) = [json.loads(line) for line in out.splitlines()]
    assert set(rec) == {"document", "timexes", "places", "quantities", "entities"}
    assert any(t["value"] == "2024-10-15" for t in rec["timexes"])
    assert any(q["low"] == q["high"] == 300 and q["approx"] == "about" for q in rec["quantities"])
    assert any(pl["name"].startswith("Lviv") and pl["country"] == "Ukraine" for pl in rec["places"])


def test_a_reader_that_stops_early_ends_the_run_quietly(tmp_path):
    """`storyledger extract ... | head -1`: no traceback, the exit status of SIGPIPE."""
    import subprocess
    import sys

    p = tmp_path / "many.txt"
    p.write_text("".join(f"Mayor Jan Kowal said that market {i} would reopen on Friday. " for i in range(600)), encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "storyledger", "extract", str(p)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    first = proc.stdout.readline()
    proc.stdout.close()  # the reader goes away with most of the output unread
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 141
    assert json.loads(first)["source"]["name"] == "Jan Kowal" and "Traceback" not in err and "Error" not in err
