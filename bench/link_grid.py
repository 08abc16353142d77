#!/usr/bin/env python3
"""Proposition grouping, measured on the story sets without re-ingesting: a grid over settings.

    bench/link_grid.py KEEP_DIR [--set NAME=VALUE ...] [--grid NAME=V1,V2,... ...]

KEEP_DIR is what `bench/story_eval.py --keep KEEP_DIR` left: one folder per story set with its
`ledger.db` and `claims.jsonl`. Each set's claims are matched to the gold as `score_story.py`
matches them (lenient); linking is then run again on the ledger's own items and cached
embeddings with each setting of `storyledger.ledger.propositions` (module constants named by
`--set`/`--grid`), and the B3 of the matched claims is printed per set, with the mean.
Also prints, for the first setting, how the similarity separates gold same-proposition pairs
from different-proposition pairs (the share of each over the threshold).
"""
from __future__ import annotations

import argparse
import itertools
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT.parent / "shared" / "eval"))
sys.path.insert(0, str(ROOT / "bench"))

import score_story as sc  # noqa: E402
from story_eval import core_golds  # noqa: E402

import importlib  # noqa: E402

link_ = importlib.import_module("storyledger.ledger.link")
from storyledger.ledger import propositions as props  # noqa: E402


def gold_of(story: Path, claims: list[dict]) -> dict[str, str]:
    """system claim id -> gold proposition, for the matched claims."""
    golds = core_golds(story)
    m = sc.match(golds, claims, True)
    return {claims[pi]["id"]: golds[gi]["proposition"] for gi, pi in m.items()}


def load(work: Path, story: Path | None):
    """The kept ledger's items and the gold proposition of each matched claim (None: the seed)."""
    claims = [json.loads(x) for x in (work / "claims.jsonl").read_text().splitlines() if x.strip()]
    gold = gold_of(story, claims) if story is not None else None
    db = sqlite3.connect(work / "ledger.db")
    db.row_factory = sqlite3.Row
    rows = db.execute("SELECT c.id, c.document, c.seq, c.source, c.content, c.record, c.independent_of FROM claims c "
                      "ORDER BY c.document, c.seq").fetchall()
    items = []
    copies = {r["id"]: r["independent_of"] for r in rows if r["independent_of"]}
    for r in rows:
        if r["independent_of"]:
            continue  # a copy's claim takes its original's proposition, as the ledger has it (`follow_originals`)
        c = json.loads(r["record"])
        it = props.Item(r["id"], r["document"], r["seq"], r["source"], r["content"], c.get("mode", ""), frozenset(link_.units(c)))
        CUES[it.id] = c.get("cue") or ""
        it.frame = tuple(c["frame"]) if c.get("frame") else None
        it.stance = c.get("stance") or ""
        it.negative = c.get("polarity") == "negative"
        items.append(it)
    return db, (items, copies), gold


def bcubed(of_claim: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    pairs = [(g, of_claim.get(cid)) for cid, g in gold.items()]
    return sc.b_cubed(pairs)


SEED = ROOT.parent / "shared" / "data" / "000_5a9cac7b8d2db75a"
CUES: dict[str, str] = {}  # claim id -> cue lemma, for `props.core`


def seed_bcubed(of_claim: dict[str, str], work: Path) -> tuple[float, float, float]:
    """B3 of the seed's propositions as `score_seed.py` counts it, for this grouping."""
    claims = [json.loads(x) for x in (work / "claims.jsonl").read_text().splitlines() if x.strip()]
    out = work / "regrouped.jsonl"
    out.write_text("".join(json.dumps({**c, "proposition": of_claim.get(c["id"])}) + "\n" for c in claims))
    r = json.loads(subprocess.run([sys.executable, str(ROOT.parent / "shared" / "eval" / "score_seed.py"), str(SEED) + ".gold.json",
                                   str(out), "--json"], check=True, capture_output=True, text=True).stdout)
    return r.get("proposition_bcubed_p", 0.0), r.get("proposition_bcubed_r", 0.0), r["proposition_bcubed_f1"]


def run(db, items_copies, gold, work: Path):
    items, copies = items_copies
    for it in items:
        it.core = props.core(it.content, CUES.get(it.id, ""))
        it.keys = frozenset(props.keys(it.core))
    vectors = lambda texts: link_.cached_vectors(db, texts, props.embed)  # noqa: E731
    g = props.link_items(items, vectors)
    for copy, original in copies.items():
        g.of_claim[copy] = g.of_claim.get(original)
    scores = seed_bcubed(g.of_claim, work) if gold is None else bcubed(g.of_claim, gold)
    return scores, len(g.members), sum(len(m) == 1 for m in g.members.values())


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("keep", type=Path)
    ap.add_argument("--set", action="append", default=[])
    ap.add_argument("--grid", action="append", default=[])
    a = ap.parse_args()
    stories = {p.name: p for base in (ROOT.parent / "shared" / "data" / "stories", ROOT / "bench" / "stories") if base.is_dir()
               for p in base.iterdir() if (p / "pages.gold.jsonl").is_file()}
    sets = [(name, load(a.keep / name, stories[name])) for name in sorted(stories) if (a.keep / name / "ledger.db").is_file()]
    seed = a.keep / "seed"
    if not (seed / "ledger.db").is_file():
        seed.mkdir(parents=True, exist_ok=True)
        exe = str(Path(sys.executable).with_name("storyledger"))
        subprocess.run([exe, "ingest", str(SEED) + ".txt", "--db", str(seed / "ledger.db"), "--quiet"], check=True, capture_output=True)
        with (seed / "claims.jsonl").open("w") as f:
            subprocess.run([exe, "claims", "--db", str(seed / "ledger.db"), "--format", "jsonl"], check=True, stdout=f)
    sets.append(("seed", load(seed, None)))
    fixed = dict(kv.split("=", 1) for kv in a.set)
    axes = [(kv.split("=", 1)[0], kv.split("=", 1)[1].split(",")) for kv in a.grid]
    for name, value in fixed.items():
        setattr(props, name, type(getattr(props, name))(value))
    for combo in itertools.product(*[v for _, v in axes]) if axes else [()]:
        for (name, _), value in zip(axes, combo):
            setattr(props, name, type(getattr(props, name))(value))
        cells, f1s = [], []
        for sname, (db, items, gold) in sets:
            (p, r, f), n, single = run(db, items, gold, a.keep / sname)
            f1s.append(f)
            cells.append(f"{sname} {f:.3f} (P {p:.2f} R {r:.2f}; {n} props, {single} single)")
        setting = " ".join(f"{n}={v}" for (n, _), v in zip(axes, combo)) or "as is"
        print(f"{setting}: mean B3 {np.mean(f1s):.3f} | " + " | ".join(cells), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
