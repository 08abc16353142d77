"""Engines: where `extract_batch` runs. `local` (this process, `nlp.pipe`), `process` (a pool of
worker processes) and `dask` (a Dask cluster, local or remote).

Every engine takes `Document`s and yields `(document, claim dicts)` in input order, and appends
the documents it refuses to `failures` exactly as `extract_many` does (named by document id,
one sentence of why). The parallel engines send batches of plain document dicts to workers and
get plain claim dicts back (`extract_batch`); each worker loads the spaCy pipeline once, and no
`Doc` crosses a process. At most `2 x workers` batches are in flight, so memory does not grow
with the corpus.
"""
from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol

from ..documents import Document, ReadError, check_document
from ..pipeline import Options, extract_batch, fail

__all__ = ["ENGINES", "Engine", "EngineError", "Result", "engine"]

ENGINES = ("local", "process", "dask")

# A batch sent to a worker closes at this many documents or characters. A PolNeAR article
# (about 5,000 characters) takes about 0.15 s to extract, so 16 of them are 2-3 s of work
# against a few milliseconds of task overhead (process pool) or tens of milliseconds (Dask),
# while 84 documents still make 6 batches to share between 2 workers.
BATCH_DOCS = 16
BATCH_CHARS = 250_000
# Batches in flight per worker: one running and one waiting, so that no worker idles while
# the parent reads and regroups.
IN_FLIGHT_PER_WORKER = 2

Result = tuple[Document, list[dict]]


class EngineError(ValueError):
    """An engine that cannot be built as asked (unknown name, options that do not fit)."""


class Engine(Protocol):
    def extract(self, documents: Iterable[Document], options: Options | None = None,
                failures: list[ReadError] | None = None) -> Iterator[Result]:
        """The claims of each document, as dicts, in input order; refused documents go to `failures`."""
        ...

    def __enter__(self) -> "Engine":
        """Keep workers (pool, cluster) up across `extract` calls until the block ends."""
        ...

    def __exit__(self, *exc: object) -> None:
        ...


def engine(name: str = "local", workers: int | None = None, scheduler: str | None = None) -> Engine:
    """The engine `name` (`local`, `process` or `dask`) with `workers` processes or a Dask `scheduler` address."""
    if name not in ENGINES:
        raise EngineError(f"there is no engine {name!r} (choose local, process or dask).")
    if scheduler is not None and name != "dask":
        raise EngineError("--scheduler needs --engine dask.")
    if workers is not None and name == "local":
        raise EngineError("--workers needs --engine process or dask.")
    if workers is not None and workers < 1:
        raise EngineError("--workers must be 1 or more.")
    if scheduler is not None and workers is not None:
        raise EngineError("--workers does not apply to an existing Dask cluster (--scheduler): it has its own workers.")
    if name == "local":
        from .local import LocalEngine
        return LocalEngine()
    if name == "process":
        from .process import ProcessEngine
        return ProcessEngine(workers)
    from .dask import DaskEngine
    return DaskEngine(workers, scheduler)


# ---- what the parallel engines share ---------------------------------------------------------

class Workers:
    """Workers started on the first `extract` and, inside `with engine:`, kept for the next."""

    keep = False

    def __enter__(self) -> Any:
        self.keep = True
        return self

    def __exit__(self, *exc: object) -> None:
        self.keep = False
        self.close()

    def close(self) -> None:
        raise NotImplementedError


def warm(model: str) -> None:
    """Load the spaCy pipeline in a worker (once: `nlp.load` is cached per process)."""
    from ..nlp import load
    load(model)


def run_batch(records: list[dict], options: Options) -> tuple[list[dict], list[tuple[str, str]]]:
    """In a worker: plain document dicts in, plain claim dicts and (name, reason) failures out."""
    failures: list[ReadError] = []
    claims = extract_batch(records, options, failures)
    return claims, [(f.name, f.reason) for f in failures]


@dataclass(slots=True)
class Batch:
    """Documents for one task, and those refused before it in input order (by `check_document`)."""

    documents: list[Document] = field(default_factory=list)
    refused: list[ReadError] = field(default_factory=list)
    chars: int = 0

    def records(self) -> list[dict]:
        return [d.to_dict() for d in self.documents]


def batches(documents: Iterable[Document], options: Options) -> Iterator[Batch]:
    """Batches of checked documents; a batch never holds one id twice, so results regroup by id."""
    batch = Batch()
    ids: set[str] = set()
    for d in documents:
        checked = check_document(d, options.limits)
        if isinstance(checked, ReadError):
            batch.refused.append(checked)
            continue
        if batch.documents and (len(batch.documents) >= BATCH_DOCS or batch.chars + len(d.text) > BATCH_CHARS or d.id in ids):
            yield batch
            batch, ids = Batch(), set()
        batch.documents.append(d)
        batch.chars += len(d.text)
        ids.add(d.id)
    if batch.documents or batch.refused:
        yield batch


def regroup(batch: Batch, claims: list[dict], failed: list[tuple[str, str]],
            failures: list[ReadError] | None) -> Iterator[Result]:
    """A worker's answer as `(document, claims)` per document, failures named as `extract_many` names them."""
    for error in batch.refused:
        fail(failures, error.name, error.reason)
    names = {}
    for n, d in enumerate(batch.documents):  # extract_batch names a record it refuses "record N (id)"
        names[d.id] = names[f"record {n}"] = names[f"record {n} ({d.id})"] = d.id
    lost = set()
    for name, reason in failed:
        lost.add(names.get(name, name))
        fail(failures, names.get(name, name), reason)
    by_document: dict[str, list[dict]] = {}
    for c in claims:
        by_document.setdefault(c["document"], []).append(c)
    for d in batch.documents:
        if d.id not in lost:
            yield d, by_document.get(d.id, [])


def in_order(submit: Callable[[Batch], Any], work: Iterable[Batch], window: int) -> Iterator[tuple[Batch, Any]]:
    """Each batch with its future's result, in submission order, with at most `window` in flight."""
    pending: deque[tuple[Batch, Any]] = deque()
    try:
        for batch in work:
            pending.append((batch, submit(batch) if batch.documents else None))
            while len(pending) >= window:
                b, f = pending.popleft()
                yield b, f.result() if f is not None else ([], [])
        while pending:
            b, f = pending.popleft()
            yield b, f.result() if f is not None else ([], [])
    finally:
        for _, f in pending:  # the consumer stopped early: drop what is queued
            if f is not None:
                f.cancel()


def parallel(submit: Callable[[Batch], Any], documents: Iterable[Document], options: Options,
             failures: list[ReadError] | None, window: int) -> Iterator[Result]:
    for batch, (claims, failed) in in_order(submit, batches(documents, options), window):
        yield from regroup(batch, claims, failed, failures)
