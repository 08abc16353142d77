"""Engines: the same claims, ids and every field, whichever engine ran (local, process pool, Dask)."""
from __future__ import annotations

import json
import threading
import time
from concurrent.futures import Future

import pytest
from conftest import MEANTIME, SEED

from storyledger.cli import main
from storyledger.documents import Document, ReadError, read
from storyledger.engines import Batch, EngineError, batches, engine, in_order, regroup
from storyledger.ledger import Ledger
from storyledger.limits import Limits
from storyledger.pipeline import Options


# ---- without the model ------------------------------------------------------------------------

@pytest.mark.parametrize("name, kw, message", [
    ("gpu", {}, "there is no engine 'gpu' (choose local, process or dask)."),
    ("process", {"scheduler": "tcp://127.0.0.1:8786"}, "--scheduler needs --engine dask."),
    ("local", {"workers": 2}, "--workers needs --engine process or dask."),
    ("process", {"workers": 0}, "--workers must be 1 or more."),
])
def test_an_engine_that_cannot_be_built_is_one_sentence(name, kw, message):
    with pytest.raises(EngineError) as e:
        engine(name, **kw)
    assert str(e.value) == message


def test_the_cli_names_a_bad_engine_option(capsys):
    assert main(["extract", str(SEED), "--workers", "2"]) == 1
    assert capsys.readouterr().err == "storyledger: --workers needs --engine process or dask.\n"


def test_batches_carry_refusals_in_order_and_never_repeat_an_id():
    docs = [Document("a", "Some text."), Document("empty", "  "), Document("b", "More text."),
            Document("a", "The same id again."), Document("c", "x" * 50)]
    out = list(batches(docs, Options(limits=Limits(max_chars=20))))
    assert [[d.id for d in b.documents] for b in out] == [["a", "b"], ["a"]]
    assert [(e.name, e.reason) for e in out[0].refused] == [("empty", "the document has no text.")]
    assert [e.name for e in out[1].refused] == ["c"]


def test_regroup_names_failures_as_the_local_path_does():
    batch = Batch([Document("a", "A."), Document("b", "B."), Document("c", "C.")])
    claims = [{"id": "1", "document": "a"}, {"id": "2", "document": "c"}, {"id": "3", "document": "a"}]
    failures: list[ReadError] = []
    out = list(regroup(batch, claims, [("record 1 (b)", "the field 'title' is not a string.")], failures))
    assert [(d.id, [c["id"] for c in cs]) for d, cs in out] == [("a", ["1", "3"]), ("c", ["2"])]
    assert failures == [ReadError("b", "the field 'title' is not a string.")]


def test_in_order_keeps_input_order_with_a_bounded_window():
    running = []
    most = [0]

    def submit(batch):  # futures that finish in reverse order
        f: Future = Future()
        running.append(f)
        most[0] = max(most[0], sum(not g.done() for g in running))
        threading.Timer(0.05 / (1 + len(running)), f.set_result, (([{"n": len(running)}], []),)).start()
        return f

    work = [Batch([Document(str(n), "t")]) for n in range(10)]
    got = [b.documents[0].id for b, _ in in_order(submit, work, window=3)]
    assert got == [str(n) for n in range(10)]
    assert most[0] <= 3


# ---- with the model ---------------------------------------------------------------------------

def corpus() -> list[Document]:
    docs = [d for d in read([SEED, MEANTIME]) if isinstance(d, Document)]
    assert len(docs) == 121
    # Refused ones mixed in: they must come back named, exactly as from the local path.
    return docs[:40] + [Document("empty", "   "), Document("huge", "word " * 30_000)] + docs[40:]


@pytest.mark.model
def test_every_engine_gives_the_same_claims_and_failures():
    docs = corpus()
    options = Options(limits=Limits(max_chars=100_000))
    runs = {}
    started = time.perf_counter()
    for name, kw in [("local", {}), ("process", {"workers": 2}), ("dask", {"workers": 2})]:
        failures: list[ReadError] = []
        out = list(engine(name, **kw).extract(docs, options, failures))
        runs[name] = ([(d.id, claims) for d, claims in out], failures)
    local_out, local_failures = runs["local"]
    assert len(local_out) == 121 and sum(len(c) for _, c in local_out) > 700
    assert local_failures == [ReadError("empty", "the document has no text."),
                              ReadError("huge", "the text has 150,000 characters, over the limit of 100,000.")]
    for name in ("process", "dask"):
        out, failures = runs[name]
        assert [d for d, _ in out] == [d for d, _ in local_out], name
        for (doc_id, claims), (_, expected) in zip(out, local_out):
            assert json.dumps(claims, sort_keys=True) == json.dumps(expected, sort_keys=True), (name, doc_id)
        assert failures == local_failures, name
    assert time.perf_counter() - started < 240


@pytest.mark.model
def test_the_time_limit_holds_in_process_workers():
    docs = [d for d in read([MEANTIME]) if isinstance(d, Document)][:3]
    options = Options(limits=Limits(timeout=0.001))
    local: list[ReadError] = []
    assert list(engine("local").extract(docs, options, local)) == []
    pooled: list[ReadError] = []
    assert list(engine("process", workers=2).extract(docs, options, pooled)) == []
    assert pooled == local == [ReadError(d.id, "processing took over the time limit of 0.001 s.") for d in docs]


@pytest.mark.model
def test_ingest_through_a_process_pool_stores_what_the_local_engine_stores(tmp_path):
    seed = next(read([SEED]))
    with Ledger(tmp_path / "local.db") as a:
        a.ingest([seed])
        expected = [json.dumps(c, sort_keys=True) for c in a.claims()]
    assert main(["ingest", str(SEED), "--engine", "process", "--workers", "2", "--db", str(tmp_path / "pool.db"), "--quiet"]) == 0
    with Ledger(tmp_path / "pool.db") as b:
        assert [json.dumps(c, sort_keys=True) for c in b.claims()] == expected


@pytest.mark.model
def test_the_dask_engine_uses_an_existing_cluster_given_its_scheduler(capsys):
    from distributed import LocalCluster

    seed = next(read([SEED]))
    expected = [(d.id, claims) for d, claims in engine("local").extract([seed])]
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None, host="127.0.0.1") as cluster:
        with engine("dask", scheduler=cluster.scheduler_address) as e:
            assert [(d.id, claims) for d, claims in e.extract([seed])] == expected
            assert [(d.id, claims) for d, claims in e.extract([seed])] == expected  # the same client, twice
        assert len(cluster.scheduler_info["workers"]) == 1  # the engine left the cluster running
