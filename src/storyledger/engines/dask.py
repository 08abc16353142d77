"""The Dask engine: `extract_batch` as tasks on a Dask cluster.

With a scheduler address (`tcp://HOST:PORT`) it uses that cluster, whose workers must have
storyledger and the model installed; without one it starts a `LocalCluster` of `workers`
single-threaded processes on 127.0.0.1 (no dashboard). Each worker loads the spaCy pipeline
once (`Client.run` before the first task). Dask runs tasks in worker threads, where `SIGALRM`
cannot interrupt: under this engine only the size limits hold, not `--timeout`.
"""
from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from typing import Any

from ..documents import Document, ReadError
from ..pipeline import Options
from . import IN_FLIGHT_PER_WORKER, Batch, EngineError, Result, Workers, parallel, run_batch, warm

# Seconds to wait for an existing scheduler before giving up with one sentence of why.
CONNECT_TIMEOUT = 10


class DaskEngine(Workers):
    """`extract_batch` on a Dask cluster: the one at `scheduler`, or a local one of `workers` processes.

    Each `extract` connects (and starts a local cluster) and disconnects; inside `with engine:`
    one client serves every call.
    """

    def __init__(self, workers: int | None = None, scheduler: str | None = None) -> None:
        self.workers = workers or os.cpu_count() or 1
        self.scheduler = scheduler
        self.stack: ExitStack | None = None
        self.client: Any = None
        self.warmed: set[str] = set()

    def close(self) -> None:
        if self.stack is not None:
            self.stack.close()
        self.stack, self.client, self.warmed = None, None, set()

    def connect(self) -> Any:
        from distributed import Client, LocalCluster

        if self.client is None:
            self.stack = ExitStack()
            if self.scheduler:
                try:
                    self.client = self.stack.enter_context(Client(self.scheduler, timeout=CONNECT_TIMEOUT))
                except (OSError, TimeoutError, ValueError) as e:
                    self.stack = None
                    raise EngineError(f"cannot reach the Dask scheduler at {self.scheduler} ({str(e)[:200]}).") from None
            else:
                cluster = self.stack.enter_context(LocalCluster(
                    n_workers=self.workers, threads_per_worker=1, processes=True, dashboard_address=None,
                    host="127.0.0.1", silence_logs=logging.ERROR))
                self.client = self.stack.enter_context(Client(cluster))
        return self.client

    def extract(self, documents: Iterable[Document], options: Options | None = None,
                failures: list[ReadError] | None = None) -> Iterator[Result]:
        options = options or Options()
        try:
            client = self.connect()
            if options.model not in self.warmed:
                client.run(warm, options.model)
                self.warmed.add(options.model)
            threads = sum(w.get("nthreads", 1) for w in client.scheduler_info()["workers"].values()) or 1

            def submit(batch: Batch):  # type: ignore[no-untyped-def]
                return client.submit(run_batch, batch.records(), options, pure=False)

            yield from parallel(submit, documents, options, failures, IN_FLIGHT_PER_WORKER * threads)
        finally:
            if not self.keep:
                self.close()
