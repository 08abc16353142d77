"""Issue 6 at 10k and 100k documents: peak memory of `ingest`, and the cost of ingesting 1,000
new documents into a ledger of 100k against into an empty one. Side by side in one run.

    .venv/bin/python bench/ledger_scale.py                  # 10k and 100k (about an hour)
    .venv/bin/python bench/ledger_scale.py --sizes 2000 20000 --new 200
    .venv/bin/python bench/ledger_scale.py --keep /tmp/scale --only incremental   # reuse a kept ledger

The corpus is synthetic (no article text may be copied into the project): stories of about 25
short documents, each of four reported claims ("Dr Vorel Kasimo said that the tarvine quota ...")
drawn from its story's speakers and propositions, in made-up words. Every document goes through
the whole of `Ledger.ingest`: reading JSONL, spaCy and extraction, storing, and linking (sources,
copies, stories, propositions, relations, status) every `LINK_EVERY` documents. One thing is
stubbed: the sentence encoder, replaced by a hash of the text (a fixed cost per new text, and a
fixed 300 MB for the model, whatever the ledger's size); the number of texts each run embeds is
printed so that its cost can be added back (`bench/link_scale.py` prints the encoder's time per
text).

Each measurement is a child process (peak RSS is `ru_maxrss` of the child alone). The incremental
ingest runs `--repeat` pairs (empty, grown) one after the other, and the best time of each side
counts: on a shared machine the least disturbed run is the nearest to the cost itself.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

CONSONANTS = "bdfgklmnprstvz"
VOWELS = "aeiou"


def word(r: random.Random, syllables: int = 3) -> str:
    return "".join(r.choice(CONSONANTS) + r.choice(VOWELS) for _ in range(syllables)) + r.choice("nrsl")


def story(r: random.Random) -> dict:
    return {
        "words": [word(r) for _ in range(4)],
        "speakers": [f"{word(r, 2).capitalize()} {word(r, 3).capitalize()}" for _ in range(4)],
        "claims": [(word(r), word(r), r.choice(["rose", "fell", "was cut", "was doubled", "will end", "was delayed"]))
                   for _ in range(30)],
        "days": r.randrange(1, 28),
    }


def corpus(n: int, seed: int, start: int = 0) -> list[dict]:
    """n documents in stories of about 25; `start` numbers them (and their stories) on."""
    r = random.Random(seed)
    out = []
    stories = [story(random.Random(seed * 1_000_003 + s)) for s in range(start // 25, (start + n) // 25 + 1)]
    for i in range(start, start + n):
        s = stories[i // 25 - start // 25]
        lines = []
        for _ in range(4):
            a, b, verb = r.choice(s["claims"])
            who = r.choice(s["speakers"])
            place = r.choice(s["words"])
            lines.append(f"{who} said that the {a} {b} in {place.capitalize()} {verb} last week.")
        out.append({"id": f"doc{i:07d}", "text": " ".join(lines), "published": f"2024-10-{s['days']:02d}",
                    "title": f"{s['words'][0].capitalize()} report {i}"})
    return out


def fake_embed(texts) -> np.ndarray:
    """A unit vector per text from its hash: what the encoder costs is not what is measured here."""
    out = np.empty((len(texts), 512), dtype=np.float32)
    for i, t in enumerate(texts):
        seed = int.from_bytes(hashlib.blake2b(t.encode(), digest_size=8).digest(), "big")
        v = np.random.default_rng(seed).standard_normal(512).astype(np.float32)
        out[i] = v / np.linalg.norm(v)
    fake_embed.count += len(texts)
    return out


fake_embed.count = 0


def child(db: str, docs: str, encoder: str = "hash") -> None:
    from storyledger.documents import read
    from storyledger.ledger import Ledger
    from storyledger.ledger import propositions

    def real_embed(texts):
        real_embed.count += len(texts)
        return propositions.embed(texts)

    real_embed.count = 0
    embedder = fake_embed if encoder == "hash" else real_embed
    t = time.perf_counter()
    with Ledger(db, embedder=embedder) as ledger:
        report = ledger.ingest(read([docs]))
    seconds = time.perf_counter() - t
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "rss_mb": rss, "added": report.added, "claims": report.claims,
                      "embedded": embedder.count, "propositions": report.linked.propositions if report.linked else None}))


def run(db: Path, docs: Path, encoder: str = "hash") -> dict:
    r = subprocess.run([sys.executable, __file__, "--child", str(db), str(docs), encoder], capture_output=True, text=True)
    if r.returncode != 0:
        raise SystemExit(r.stderr[-2000:])
    return json.loads(r.stdout.strip().splitlines()[-1])


def write(path: Path, docs: list[dict]) -> Path:
    path.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    return path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", nargs=2, type=int, default=[10_000, 100_000])
    ap.add_argument("--new", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=3, help="incremental ingest: pairs of runs (the best time of each side counts)")
    ap.add_argument("--keep", metavar="DIR", help="build in DIR and keep the ledgers (and reuse a ledger already there)")
    ap.add_argument("--only", choices=["memory", "incremental"], help="run one of the two measurements")
    ap.add_argument("--encoder", choices=["hash", "use"], default="hash",
                    help="for the 1,000 new documents: 'use' embeds them with the real encoder (the ledger's "
                         "stored vectors stay the hash's), so that the texts a grown ledger re-embeds cost what they do")
    ap.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child:
        child(*a.child)
        return
    small, large = a.sizes
    root = Path(a.keep) if a.keep else Path(tempfile.mkdtemp(prefix="ledger-scale-"))
    root.mkdir(parents=True, exist_ok=True)
    try:
        results = {}
        for n in (small, large) if a.only != "incremental" else ():
            docs = write(root / f"corpus-{n}.jsonl", corpus(n, seed=1))
            results[n] = run(root / f"ledger-{n}.db", docs)
            print(f"ingest {n:>7,} documents: {results[n]['seconds']:8.1f} s, peak RSS {results[n]['rss_mb']:7.1f} MB, "
                  f"{results[n]['claims']:,} claims, {results[n]['propositions']:,} propositions, "
                  f"{results[n]['embedded']:,} texts embedded", flush=True)
        if results:
            print(f"peak RSS ratio {large:,} / {small:,} documents: {results[large]['rss_mb'] / results[small]['rss_mb']:.2f} "
                  f"(target <= 1.2, and under 1,500 MB)")
        if a.only == "memory":
            return
        if not (root / f"ledger-{large}.db").exists():
            run(root / f"ledger-{large}.db", write(root / f"corpus-{large}.jsonl", corpus(large, seed=1)))
        # new documents: half continue the big ledger's stories (same story seeds), half are new stories
        half = a.new // 2
        fresh = corpus(half, seed=1, start=large - half) + corpus(a.new - half, seed=2, start=large + 25)
        for d in fresh[:half]:
            d["id"] += "-follow-up"
            d["text"] = d["text"].replace("last week", "on Monday")
        new = write(root / "new.jsonl", fresh)
        pairs = []
        for _ in range(a.repeat):  # side by side, alternating: the best of each side is the least disturbed
            for stale in ("empty.db", "grown.db"):
                for f in root.glob(stale + "*"):
                    f.unlink()
            empty = run(root / "empty.db", new, a.encoder)
            shutil.copy(root / f"ledger-{large}.db", root / "grown.db")
            grown = run(root / "grown.db", new, a.encoder)
            pairs.append((empty, grown))
            print(f"ingest {a.new:,} new documents into an empty ledger: {empty['seconds']:.1f} s ({empty['embedded']:,} texts embedded); "
                  f"into the {large:,}-document ledger: {grown['seconds']:.1f} s ({grown['embedded']:,} texts embedded); "
                  f"ratio {grown['seconds'] / empty['seconds']:.2f}", flush=True)
        empty = min((e for e, _ in pairs), key=lambda r: r["seconds"])
        grown = min((g for _, g in pairs), key=lambda r: r["seconds"])
        print(f"incremental ingest ratio, best of {a.repeat} each: {grown['seconds'] / empty['seconds']:.2f} (target <= 1.3)")
    finally:
        if not a.keep:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
