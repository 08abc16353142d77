"""The process engine: a `ProcessPoolExecutor` of `workers` processes, each loading the spaCy
pipeline once (its initializer) and running `extract_batch` on batches of document dicts.

Workers are started with `spawn`, so nothing relies on state inherited by `fork` (a script that
uses this engine needs the usual `if __name__ == "__main__":` guard). The time limit holds in
them: tasks run in each worker's main thread, where `SIGALRM` works.
"""
from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from ..documents import Document, ReadError
from ..pipeline import Options
from . import IN_FLIGHT_PER_WORKER, Batch, EngineError, Result, Workers, parallel, run_batch, warm


class ProcessEngine(Workers):
    """`extract_batch` in a pool of `workers` processes (default: one per CPU).

    Each `extract` starts and stops its pool; inside `with engine:` one pool serves every call.
    """

    def __init__(self, workers: int | None = None) -> None:
        self.workers = workers or os.cpu_count() or 1
        self.pool: ProcessPoolExecutor | None = None

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None

    def extract(self, documents: Iterable[Document], options: Options | None = None,
                failures: list[ReadError] | None = None) -> Iterator[Result]:
        options = options or Options()
        if self.pool is None:
            self.pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"),
                                            initializer=warm, initargs=(options.model,))
        pool = self.pool

        def submit(batch: Batch):  # type: ignore[no-untyped-def]
            return pool.submit(run_batch, batch.records(), options)

        try:
            yield from parallel(submit, documents, options, failures, IN_FLIGHT_PER_WORKER * self.workers)
        except BrokenProcessPool:
            self.close()
            raise EngineError("a worker process died (out of memory, or killed); the documents after the last "
                              "stored one were not processed.") from None
        finally:
            if not self.keep:
                self.close()
