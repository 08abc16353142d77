"""Limits on what one document may cost: its size, and the time spent reading and processing it.

A document over a limit is skipped with its name and one sentence of why; the others go on.
The defaults leave every real article alone (the longest PolNeAR, TimeBank, LGL and TR-News
documents are under 60,000 characters and take well under a second each).
"""
from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

# spaCy's own nlp.max_length is 1,000,000 characters; a news article is rarely over 50 kB.
MAX_CHARS = 1_000_000
# A 1,000,000-character document parses in about 30 s on the project's 2-core machine, so a
# document that takes twice that is pathological (the timeout is the backstop for costs that
# grow faster than the text, e.g. spaCy's tokenizer on a long run of quote marks).
TIMEOUT = 60.0


@dataclass(frozen=True, slots=True)
class Limits:
    """Per-document limits: `max_chars` of text, `timeout` seconds to read or process (None: none)."""

    max_chars: int = MAX_CHARS
    timeout: float | None = TIMEOUT


class TimeLimit(Exception):
    """Raised inside `time_limit` when its time is up."""


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise `TimeLimit` in the block after `seconds` of wall time.

    Uses SIGALRM, so it is enforced in the main thread of a process (the CLI, process-pool
    workers); in other threads, or where there is no SIGALRM, the block runs unlimited.
    """
    if not seconds or not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise TimeLimit()

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
