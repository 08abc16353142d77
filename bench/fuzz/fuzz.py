"""Mutation fuzzing of the readers and of extraction, for a fixed time.

    .venv/bin/python bench/fuzz/fuzz.py [--minutes 5] [--seed 1] [--out bench/fuzz/findings]

Takes real articles (PolNeAR dev and the seed article), mutates them (hostile characters and
fragments inserted, ranges deleted, repeated or swapped, bytes flipped, documents spliced)
and checks, for every case:

- the readers (.txt, .jsonl, .html on the mutated bytes) give only `Document` or `ReadError`;
- `extract_many` and `annotate_many` give claims or a named failure, never an internal error;
- every claim span indexes the text exactly (`text[s:e] == content`), and so do the spans of
  annotations.

Each finding (an exception, an internal error, a broken span, a time-out) is written to
`--out` as a JSON file with the case, so it can be replayed and turned into a test. Prints the
number of cases run and findings by kind. (atheris is not installed here; this is a plain
seeded random mutator, so a run is reproducible from its seed.)
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import time
import traceback
from collections import Counter
from pathlib import Path

from storyledger.documents import Document, ReadError, read_html, read_jsonl, read_txt
from storyledger.limits import Limits
from storyledger.nlp import load
from storyledger.pipeline import Options, annotate_many, extract_many

ROOT = Path(__file__).resolve().parents[2]
CORPUS = [ROOT.parent / "shared" / "data" / "polnear" / "dev.docs.jsonl"]
SEED = ROOT / "examples" / "000_5a9cac7b8d2db75a.txt"

HOSTILE = list("\"'\u201c\u201d\u00ab\u00bb\u201e\u2018\u2019\u2014\u2013-:;.,!?()[]{}<>&#\n\r\t \u00a0\u2028\u2029\x85\x0b\x0c\x00\x01\x1b\x7f\u200b\u200f\u202e\ufeff\ufffd\u0301")
FRAGMENTS = [
    " said ", " told reporters ", "according to ", ", citing ", "It was reported that ", "This was stated by ",
    " confirmed ", " denied ", " could ", " will ", " not ", " on October 25", " last Friday", " next year",
    " February 30, 2024", " in the year 99999", " 31/31/2031", " almost 11,000 soldiers", " several thousand",
    " 1e308 ", " 99999999999999999999 ", " -0 ", " Kursk Oblast", " Kyiv", "Watch more: ", "\n\n", ": \u201c",
    "\u201d \u2014 ", " They will ", " He ", "Mr. ", "U.S.", "\u0627\u0644\u0633\u0644\u0627\u0645", "\u6771\u4eac",
    "<p>", "</p>", "<div>", "&amp;", "&#0;", "{\"id\":", "\\u0000",
]


def texts() -> list[str]:
    out = [SEED.read_text(encoding="utf-8")]
    for path in CORPUS:
        for line in path.open(encoding="utf-8"):
            if line.strip():
                out.append(json.loads(line)["text"])
    return out


def mutate(rnd: random.Random, text: str, pool: list[str]) -> str:
    for _ in range(rnd.choice([1, 1, 2, 3, 5, 10, 30])):
        n = len(text)
        i, j = sorted(rnd.randrange(n + 1) for _ in range(2)) if n else (0, 0)
        op = rnd.randrange(8)
        if op == 0:
            text = text[:i] + rnd.choice(HOSTILE) * rnd.choice([1, 1, 2, 3, 50, 500]) + text[i:]
        elif op == 1:
            text = text[:i] + rnd.choice(FRAGMENTS) + text[i:]
        elif op == 2:
            text = text[:i] + text[j:]
        elif op == 3 and j - i < 2000:
            text = text[:i] + text[i:j] * rnd.choice([2, 2, 3, 10]) + text[j:]
        elif op == 4:
            k = rnd.randrange(len(text) + 1)
            text = text[:i] + text[k:k + (j - i)] + text[j:]
        elif op == 5:
            text = text[:i] + "".join(chr(rnd.choice([rnd.randrange(32, 127), rnd.randrange(0x80, 0x3000), rnd.randrange(0x10000, 0x1F700)])) for _ in range(rnd.randrange(1, 20))) + text[i:]
        elif op == 6:
            other = rnd.choice(pool)
            text = text[:i] + other[rnd.randrange(len(other) + 1):][:2000] + text[j:]
        else:
            text = text[:i]
    return text[:30_000]


def mutate_bytes(rnd: random.Random, data: bytes) -> bytes:
    b = bytearray(data)
    for _ in range(rnd.choice([1, 2, 5, 20])):
        if not b:
            break
        i = rnd.randrange(len(b))
        b[i] = rnd.randrange(256)
    return bytes(b)


def check_spans(text: str, claims: list[dict]) -> str | None:
    for c in claims:
        s, e = c["span"]
        if not (0 <= s < e <= len(text) and text[s:e] == c["content"]):
            return f"claim span {c['span']} does not give its content"
        if c["source"]["span"] and c["source"]["mention"] is not None:
            ms, me = c["source"]["span"]
            if text[ms:me] != c["source"]["mention"]:
                return f"source span {c['source']['span']} does not give its mention"
    return None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--minutes", type=float, default=5.0)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--timeout", type=float, default=10.0)
    ap.add_argument("--out", default=str(Path(__file__).parent / "findings"))
    a = ap.parse_args()
    rnd = random.Random(a.seed)
    pool = texts()
    load()
    options = Options(limits=Limits(timeout=a.timeout))
    out = Path(a.out)
    findings: Counter[str] = Counter()
    cases = 0
    reads = 0
    rejected = Counter()
    stop = time.monotonic() + 60 * a.minutes

    def finding(kind: str, case: object, detail: str) -> None:
        findings[kind] += 1
        out.mkdir(parents=True, exist_ok=True)
        n = sum(findings.values())
        (out / f"{n:04d}_{kind}.json").write_text(json.dumps({"kind": kind, "detail": detail, "case": case}, ensure_ascii=False, default=repr))
        print(f"finding {n}: {kind}: {detail[:200]}", file=sys.stderr)

    while time.monotonic() < stop:
        batch = [mutate(rnd, rnd.choice(pool), pool) for _ in range(a.batch)]
        # readers, on the bytes
        for text in batch[: a.batch // 2]:
            data = text.encode("utf-8", "surrogatepass")
            if rnd.random() < 0.3:
                data = mutate_bytes(rnd, data)
            for reader, wrap in ((read_txt, lambda d: d), (read_html, lambda d: b"<html><body><article><p>" + d + b"</p></article></body></html>"),
                                 (read_jsonl, lambda d: json.dumps({"id": "f", "text": d.decode("utf-8", "replace"), "published": rnd.choice(["2024-10-28", "9999-12-31", "x"])}).encode() + b"\n" + d)):
                reads += 1
                try:
                    for item in reader("f", wrap(data), options.limits):
                        if not isinstance(item, (Document, ReadError)):
                            finding("reader_type", data.decode("latin-1"), repr(type(item)))
                except Exception as e:
                    finding("reader_exception", data.decode("latin-1"), f"{reader.__name__}: {type(e).__name__}: {e}\n{traceback.format_exc()}")
        # extraction and annotation, in one batch as the CLI runs them
        docs = [Document(id=f"d{cases + k}", text=t, published=rnd.choice([None, "2024-10-28", "1000-01-01", "9000-12-31"])) for k, t in enumerate(batch)]
        by_id = {d.id: d for d in docs}
        cases += len(docs)
        for run in (extract_many, annotate_many):
            failures: list[ReadError] = []
            try:
                results = list(run(docs, options, failures))
            except Exception as e:
                finding("pipeline_exception", [d.to_dict() for d in docs], f"{run.__name__}: {type(e).__name__}: {e}\n{traceback.format_exc()}")
                continue
            for f in failures:
                rejected[f.reason.split(" (")[0][:60]] += 1
                if "internal error" in f.reason or "time limit" in f.reason:
                    finding("internal_error" if "internal" in f.reason else "timeout", by_id[f.name].to_dict(), f.reason)
            if run is extract_many:
                for document, claims in results:
                    bad = check_spans(document.text, [c.to_dict() for c in claims])
                    if bad:
                        finding("span", document.to_dict(), bad)
    print(f"{cases:,} documents extracted and annotated, {reads:,} reader calls, seed {a.seed}, {a.minutes:g} min")
    print("findings:", dict(findings) or "none")
    print("documents refused (reason: count):", dict(rejected.most_common(8)))
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
