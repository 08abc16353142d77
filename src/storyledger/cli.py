"""The command line: parses options, calls the library, formats the output. Nothing more."""
from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from . import __version__
from .documents import Document, ReadError, read
from .limits import MAX_CHARS, TIMEOUT, Limits
from .pipeline import Options, annotate_many, extract_many

FORMATS = ("jsonl", "table", "csv", "json")
TABLE_COLUMNS = ("source", "cue", "mode", "stance", "content")
CSV_COLUMNS = ("id", "document", "source", "source_kind", "role", "cue", "mode", "stance", "polarity", "hedge", "evaluation", "said_on", "event_time", "content", "start", "end", "via")


def output_options(p: argparse.ArgumentParser, default: str = "jsonl") -> None:
    """The same --format and -o on every command (sqlite-utils' output_options)."""
    p.add_argument("--format", choices=FORMATS, default=default, help=f"output format (default {default})")
    p.add_argument("-o", "--output", default="-", help="write to FILE instead of standard output")


def input_options(p: argparse.ArgumentParser) -> None:
    """The same inputs and per-document limits on every command that reads articles."""
    p.add_argument("paths", nargs="+", metavar="PATH", help=".txt, .jsonl, .html, a folder, or - for stdin")
    p.add_argument("--max-chars", type=positive(int), default=MAX_CHARS, metavar="N",
                   help=f"skip a document of more than N characters (default {MAX_CHARS:,})")
    p.add_argument("--timeout", type=positive(float), default=TIMEOUT, metavar="SECONDS",
                   help=f"skip a document that takes longer to read or process (default {TIMEOUT:g}; 0 for no limit)")


def positive(kind: type) -> Any:
    def parse(value: str) -> Any:
        try:
            v = kind(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{value!r} is not a number") from None
        if not v >= 0 or v == float("inf"):
            raise argparse.ArgumentTypeError(f"{value!r} is not a number of 0 or more")
        return v
    return parse


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="storyledger", description="Attributed claims from news articles.")
    ap.add_argument("--version", action="version", version=f"storyledger {__version__}")
    sub = ap.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("extract", help="extract the attributed claims of articles")
    input_options(ex)
    output_options(ex)
    an = sub.add_parser("annotate", help="time expressions, places, quantities and entities of articles")
    input_options(an)
    output_options(an)
    return ap


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    failures: list[ReadError] = []
    limits = Limits(max_chars=args.max_chars, timeout=args.timeout or None)
    documents = good_documents(read(args.paths, limits), failures)
    options = Options(limits=limits)
    rejected: list[ReadError] = []  # documents read but refused by the pipeline
    with open_output(args.output) as out:
        if args.command == "extract":
            rows = (c.to_dict() for _, claims in extract_many(documents, options, rejected) for c in claims)
            write_claims(rows, args.format, out)
        elif args.command == "annotate":
            write_records(annotate_many(documents, options, rejected), args.format, out)
    for f in failures + rejected:
        print(f"storyledger: skipped {f.name}: {f.reason}", file=sys.stderr)
    if failures:
        print(f"storyledger: {len(failures)} input(s) could not be read.", file=sys.stderr)
    if rejected:
        print(f"storyledger: {len(rejected)} document(s) could not be processed.", file=sys.stderr)
    return 1 if failures or rejected else 0


def good_documents(items: Iterable[Document | ReadError], failures: list[ReadError]) -> Iterator[Document]:
    for item in items:
        if isinstance(item, ReadError):
            failures.append(item)
        else:
            yield item


class open_output:
    def __init__(self, path: str) -> None:
        self.path = path
        self.f: TextIO | None = None

    def __enter__(self) -> TextIO:
        if self.path == "-":
            return sys.stdout
        self.f = open(self.path, "w", encoding="utf-8", newline="")
        return self.f

    def __exit__(self, *exc: object) -> None:
        if self.f:
            self.f.close()


def write_claims(rows: Iterable[dict], fmt: str, out: TextIO) -> None:
    if fmt == "jsonl":
        for r in rows:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
    elif fmt == "json":
        json.dump(list(rows), out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif fmt == "csv":
        w = csv.writer(out)
        w.writerow(CSV_COLUMNS)
        for r in rows:
            w.writerow(flat_claim(r))
    else:
        write_table(([short_source(r), r["cue"], r["mode"], r["stance"], r["content"]] for r in rows), TABLE_COLUMNS, out)


def write_records(rows: Iterable[dict], fmt: str, out: TextIO) -> None:
    if fmt == "jsonl":
        for r in rows:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
    elif fmt == "json":
        json.dump(list(rows), out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        items = ([r["document"], kind, x.get("text", ""), json.dumps(x.get("value", x.get("name")), ensure_ascii=False)]
                 for r in rows for kind in ("timexes", "places", "quantities", "entities") for x in r.get(kind, []))
        if fmt == "csv":
            w = csv.writer(out)
            w.writerow(("document", "kind", "text", "value"))
            w.writerows(items)
        else:
            write_table(items, ("document", "kind", "text", "value"), out)


def flat_claim(r: dict) -> list[Any]:
    s = r["source"]
    return [r["id"], r["document"], s["name"], s["kind"], s["role"], r["cue"], r["mode"], r["stance"], r["polarity"],
            r["hedge"], r["evaluation"], json.dumps(r["said_on"]), json.dumps(r["event_time"]), r["content"],
            r["span"][0], r["span"][1], " < ".join(r["via"])]


def short_source(r: dict) -> str:
    s = r["source"]
    return s["name"] + (f" ({s['role']})" if s.get("role") else "")


def write_table(rows: Iterable[list[Any]], header: tuple[str, ...], out: TextIO, width: int = 60) -> None:
    """A plain fixed-width table; long cells are cut with an ellipsis."""
    cells = [[clip(str(c), width) for c in row] for row in rows]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(header)]
    buf = io.StringIO()
    buf.write("  ".join(h.ljust(w) for h, w in zip(header, widths)).rstrip() + "\n")
    buf.write("  ".join("-" * w for w in widths) + "\n")
    for r in cells:
        buf.write("  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() + "\n")
    out.write(buf.getvalue())


def clip(s: str, width: int) -> str:
    s = " ".join(s.split())
    return s if len(s) <= width else s[: width - 1] + "\u2026"


if __name__ == "__main__":
    sys.exit(main())
