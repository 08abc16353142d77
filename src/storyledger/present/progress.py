"""A progress bar on stderr for long runs: documents done, documents per second, the estimate of
what is left. It draws only on a terminal; anywhere else (a log, a pipe, CI) it stays silent."""
from __future__ import annotations

import sys
import time
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from ..documents import is_url

# Redraw at most this often (seconds): a terminal is slow, ingest is fast on small documents.
REDRAW = 0.2
WIDTH = 28


def count_documents(paths: Iterable[str]) -> int | None:
    """How many documents `read(paths)` will give, cheaply (files and JSONL lines); None for stdin or a feed URL."""
    n = 0
    for name in paths:
        if name == "-" or is_url(name):
            return None
        p = Path(name)
        files = [p] if p.is_file() else sorted(f for f in p.rglob("*") if f.is_file()) if p.is_dir() else []
        for f in files:
            suffix = f.suffix.lower()
            if suffix == ".jsonl":
                with open(f, "rb") as fh:
                    n += sum(1 for line in fh if line.strip())
            elif suffix in (".txt", ".html", ".htm") or f == p:
                n += 1
    return n


class Progress:
    """Call it once per document (Ledger.ingest's on_document); `close()` ends the line."""

    def __init__(self, total: int | None = None, stream: TextIO | None = None, enabled: bool = True,
                 clock: type[time.monotonic] | None = None) -> None:  # type: ignore[valid-type]
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = enabled and bool(getattr(self.stream, "isatty", lambda: False)())
        self.total = total
        self.clock = clock or time.monotonic
        self.start = self.clock()
        self.last = 0.0
        self.at = self.start  # when the latest document was done
        self.done = 0

    def __call__(self, doc_id: str = "", what: str = "") -> None:
        self.done += 1
        now = self.at = self.clock()
        if self.enabled and (now - self.last >= REDRAW or self.done == self.total):
            self.last = now
            self.stream.write("\r" + self.line(now) + "\x1b[K")
            self.stream.flush()

    def line(self, now: float) -> str:
        elapsed = max(now - self.start, 1e-9)
        rate = self.done / elapsed
        if self.total:
            frac = min(self.done / self.total, 1.0)
            bar = "#" * int(frac * WIDTH) + "-" * (WIDTH - int(frac * WIDTH))
            left = (self.total - self.done) / rate if rate and self.done < self.total else 0
            return f"[{bar}] {self.done}/{self.total} documents, {rate:.1f}/s, {left:.0f}s left"
        return f"{self.done} documents, {rate:.1f}/s"

    def close(self) -> None:
        if self.enabled and self.done:
            self.stream.write("\r" + self.line(self.at) + "\x1b[K\n")
            self.stream.flush()
