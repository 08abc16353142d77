"""The command line: parses options, calls the library, formats the output. Nothing more."""
from __future__ import annotations

import argparse
import csv
import io
import json
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO

from . import __version__
from .attribution.records import public
from .documents import Document, ReadError, read
from .engines import ENGINES, EngineError, engine
from .ledger import DEFAULT_PATH, Ledger, LedgerError
from .ledger.relations import amount
from .limits import MAX_CHARS, TIMEOUT, Limits
from .pipeline import Options, annotate_many
from .present.feed import DEFAULT_BASE
from .watch import ALERT_TIMEOUT, DEFAULT_INTERVAL

FORMATS = ("jsonl", "table", "csv", "json")
TABLE_COLUMNS = ("source", "cue", "mode", "stance", "content")
CSV_COLUMNS = ("id", "document", "source", "source_kind", "role", "cue", "mode", "stance", "polarity", "hedge", "evaluation", "said_on", "event_time", "content", "start", "end", "via")


def output_options(p: argparse.ArgumentParser, default: str = "jsonl") -> None:
    """The same --format and -o on every command (sqlite-utils' output_options)."""
    p.add_argument("--format", choices=FORMATS, default=default, help=f"output format (default {default})")
    p.add_argument("-o", "--output", default="-", help="write to FILE instead of standard output")


def input_options(p: argparse.ArgumentParser) -> None:
    """The same inputs and per-document limits on every command that reads articles."""
    p.add_argument("paths", nargs="+", metavar="PATH", help=".txt, .jsonl, .html, .rss, .warc, a folder, an http(s) feed URL, or - for stdin")
    p.add_argument("--max-chars", type=positive(int), default=MAX_CHARS, metavar="N",
                   help=f"skip a document of more than N characters (default {MAX_CHARS:,})")
    p.add_argument("--timeout", type=positive(float), default=TIMEOUT, metavar="SECONDS",
                   help=f"skip a document that takes longer to read or process (default {TIMEOUT:g}; 0 for no limit)")
    p.add_argument("--encoding", type=encoding, default=None, metavar="NAME",
                   help="the encoding of plain text files, e.g. windows-1252 (default: UTF-8, or UTF-16 with a BOM)")
    p.add_argument("--language", type=language, default=None, metavar="CODE",
                   help="read every document as this language, e.g. en, whatever its field, page or identifier say")


def engine_options(p: argparse.ArgumentParser) -> None:
    """Where extraction runs: this process, a process pool, or a Dask cluster (storyledger.engines)."""
    p.add_argument("--engine", choices=ENGINES, default="local", help="where to extract (default local: this process)")
    p.add_argument("--workers", type=int, default=None, metavar="N",
                   help="worker processes for --engine process or dask (default: one per CPU)")
    p.add_argument("--scheduler", default=None, metavar="URL",
                   help="an existing Dask cluster, e.g. tcp://127.0.0.1:8786 (default: a local one)")


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


def encoding(value: str) -> str:
    import codecs

    try:
        codecs.lookup(value)
    except LookupError:
        raise argparse.ArgumentTypeError(f"{value!r} is not an encoding Python knows (e.g. utf-8, windows-1252, koi8-r)") from None
    return value


def language(value: str) -> str:
    from .documents.language import code_of

    code = code_of(value)
    if code is None or code != value.strip().lower():
        raise argparse.ArgumentTypeError(f"{value!r} is not an ISO 639 language code (e.g. en)")
    return code


def interval(value: str) -> float:
    v = positive(float)(value)
    if v <= 0:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of seconds over 0")
    return v


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="storyledger", description="Attributed claims from news articles.")
    ap.add_argument("--version", action="version", version=f"storyledger {__version__}")
    sub = ap.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("extract", help="extract the attributed claims of articles")
    input_options(ex)
    engine_options(ex)
    output_options(ex)
    an = sub.add_parser("annotate", help="time expressions, places, quantities and entities of articles")
    input_options(an)
    output_options(an)
    ing = sub.add_parser("ingest", help="store articles and their claims in a ledger, then link them")
    input_options(ing)
    engine_options(ing)
    db_option(ing)
    ing.add_argument("--quiet", action="store_true", help="no progress line per document")
    wa = sub.add_parser("watch", help="keep a ledger current: ingest what is new in files, folders and feeds, every few minutes")
    input_options(wa)
    engine_options(wa)
    db_option(wa)
    wa.add_argument("--interval", type=interval, default=DEFAULT_INTERVAL, metavar="SECONDS",
                    help=f"seconds between cycles (default {DEFAULT_INTERVAL:g})")
    wa.add_argument("--once", action="store_true", help="run one cycle and exit (for cron)")
    wa.add_argument("--on-change", metavar="COMMAND", default=None,
                    help="run COMMAND (a shell command line) once per new change, the change as JSON on its standard input")
    wa.add_argument("--on-change-timeout", type=interval, default=ALERT_TIMEOUT, metavar="SECONDS",
                    help=f"stop an --on-change command that runs longer (default {ALERT_TIMEOUT:g})")
    wa.add_argument("--changes-file", metavar="FILE", default=None, help="append each new change to FILE as a JSON line")
    st = reading_command(sub, "stories", "the ledger's stories, the most recently active first", "table")
    st.add_argument("--limit", type=int, default=None, help="show only the first N")
    ch = sub.add_parser("changes", help="what changed: status steps, disputed numbers, reversals, newest first")
    db_option(ch)
    ch.add_argument("--format", choices=FORMATS + ("atom",), default="table", help="output format (default table)")
    ch.add_argument("-o", "--output", default="-", help="write to FILE instead of standard output")
    story_option(ch)
    ch.add_argument("--since", metavar="DATE|DURATION", default=None,
                    help="only changes of the story's date on or after DATE, or within DURATION of now (24h, 7d)")
    ch.add_argument("--learned-since", metavar="DATE|DURATION", default=None,
                    help="only changes the ledger learned on or after DATE, or within DURATION of now")
    ch.add_argument("--limit", type=int, default=None, help="show only the N newest")
    ch.add_argument("--base-url", default=DEFAULT_BASE, help=f"where `serve` runs, for the feed's links (default {DEFAULT_BASE})")
    ps = reading_command(sub, "propositions", "the ledger's propositions, the most widely sourced first", "table")
    ps.add_argument("--limit", type=int, default=None, help="show only the first N")
    story_option(ps)
    p1 = reading_command(sub, "proposition", "one proposition: status, sides, timeline, numbers and claims", "table")
    p1.add_argument("id", help="the proposition id (from `storyledger propositions`)")
    reading_command(sub, "sources", "every source across articles, with aliases and roles", "table")
    s1 = reading_command(sub, "source", "one source's record: roles and positions, claim by claim", "table")
    s1.add_argument("name", help="any of the source's names, e.g. Zelensky")
    cl = reading_command(sub, "claims", "stored claims, with their propositions (claim format)", "jsonl")
    cl.add_argument("--proposition", help="only the claims of this proposition")
    cl.add_argument("--search", help="only claims whose content matches these words (full-text search)")
    story_option(cl)
    story_option(reading_command(sub, "contradictions", "claims that contradict, dispute a number or update each other", "jsonl"))
    reading_command(sub, "errors", "documents the ledger could not read, and why", "table")
    present_commands(sub)
    return ap


def story_option(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
    p.add_argument("--story", metavar="ID", default=None,
                   help="only this story (its id from `storyledger stories`, or any of its documents' ids)")
    return p


def reading_command(sub: Any, name: str, help: str, fmt: str) -> argparse.ArgumentParser:
    """A command that reads the ledger: --db and the shared output options."""
    p = sub.add_parser(name, help=help)
    db_option(p)
    output_options(p, fmt)
    return p


def present_commands(sub: Any) -> None:
    """serve, report, export, review: the ledger for people and for other tools (storyledger.present)."""
    sv = sub.add_parser("serve", help="a read-only web app over the ledger")
    db_option(sv)
    sv.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1, this machine only)")
    sv.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    sv.add_argument("--tiles", metavar="URL", default=None,
                    help="online map tiles, e.g. https://tile.example.org/{z}/{x}/{y}.png (default: none, outlines only)")
    rp = sub.add_parser("report", help="the story so far as one self-contained HTML file")
    rp.add_argument("--html", required=True, metavar="FILE", help="the HTML file to write")
    db_option(rp)
    rp.add_argument("--limit", type=int, default=None, help="only the N most active propositions")
    story_option(rp)
    xp = sub.add_parser("export", help="the ledger as JSONL, CSV or Parquet tables, or schema.org JSON-LD")
    xp.add_argument("--format", required=True, choices=("jsonl", "csv", "parquet", "schema-org"), help="what to write")
    db_option(xp)
    xp.add_argument("-o", "--output", default=None,
                    help="a directory for jsonl/csv/parquet (default storyledger-export), a file or - for schema-org (default -)")
    xp.add_argument("--proposition", default=None, help="only this proposition's claims, sources and relations")
    story_option(xp)
    rv = sub.add_parser("review", help="record a person's rating of one claim (a ClaimReview on export)")
    rv.add_argument("claim", metavar="CLAIM_ID", help="the claim id (from `storyledger claims`)")
    rv.add_argument("--rating", required=True, help="the verdict, e.g. False, Misleading, True")
    rv.add_argument("--reviewer", default=None, help="who reviewed it")
    rv.add_argument("--note", default=None, help="the review's text")
    db_option(rv)


def present_command(args: argparse.Namespace) -> int:
    from . import present

    if args.command == "serve":
        present.serve(args.db, args.host, args.port, args.tiles)
    elif args.command == "report":
        with Ledger(args.db, readonly=True) as ledger:
            n = present.report(ledger, args.html, args.limit, ledger.story_id(args.story) if args.story else None)
        print(f"storyledger: wrote {args.html} ({n} propositions).", file=sys.stderr)
    elif args.command == "export":
        with Ledger(args.db, readonly=True) as ledger:
            written = present.export(ledger, args.format, args.output, args.proposition,
                                     ledger.story_id(args.story) if args.story else None)
        if written != ["-"]:
            print(f"storyledger: wrote {', '.join(written)}.", file=sys.stderr)
    elif args.command == "review":
        with Ledger(args.db) as ledger:
            r = ledger.review(args.claim, args.rating, args.reviewer, args.note)
        print(f"storyledger: recorded {r['rating']!r} for claim {r['claim']}.", file=sys.stderr)
    return 0


def db_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", default=DEFAULT_PATH, help=f"the ledger file (default {DEFAULT_PATH})")


def main(argv: list[str] | None = None) -> int:
    """The command line; a reader that stops early (`storyledger claims | head`) ends the run
    quietly, with the exit status of a process ended by SIGPIPE."""
    try:
        return run(argv)
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # what is still buffered goes nowhere, not to a traceback
        return 128 + 13


def run(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command not in ("extract", "annotate"):
        try:
            return ledger_command(args)
        except (LedgerError, EngineError) as e:
            print(f"storyledger: {e}", file=sys.stderr)
            return 1
    failures: list[ReadError] = []
    limits = Limits(max_chars=args.max_chars, timeout=args.timeout or None)
    documents = good_documents(read(args.paths, limits, args.encoding, args.language), failures)
    options = Options(limits=limits)
    rejected: list[ReadError] = []  # documents read but refused by the pipeline
    try:
        with open_output(args.output) as out:
            if args.command == "extract":
                with engine(args.engine, args.workers, args.scheduler) as runner:
                    write_claims((public(c) for _, claims in runner.extract(documents, options, rejected) for c in claims), args.format, out)
            elif args.command == "annotate":
                write_records(annotate_many(documents, options, rejected), args.format, out)
    except EngineError as e:
        print(f"storyledger: {e}", file=sys.stderr)
        return 1
    for f in failures + rejected:
        print(f"storyledger: skipped {f.name}: {f.reason}", file=sys.stderr)
    if failures:
        print(f"storyledger: {len(failures)} input(s) could not be read.", file=sys.stderr)
    if rejected:
        print(f"storyledger: {len(rejected)} document(s) could not be processed.", file=sys.stderr)
    return 1 if failures or rejected else 0


def ledger_command(args: argparse.Namespace) -> int:
    if args.command not in ("ingest", "watch") and not Path(args.db).exists():
        raise LedgerError(f"there is no ledger at {args.db} (make one with `storyledger ingest PATH --db {args.db}`).")
    if args.command in PRESENT_COMMANDS:
        return present_command(args)
    with Ledger(args.db) as ledger:
        if args.command == "ingest":
            return ingest(ledger, args)
        if args.command == "watch":
            return watch(ledger, args)
        story = ledger.story_id(args.story) if getattr(args, "story", None) else None
        with open_output(args.output) as out, ledger.snapshot():
            if args.command == "stories":
                write_rows(ledger.stories(args.limit), args.format, out, STORY_COLUMNS, lambda s: [
                    s["id"], s["label"] or "", s["documents"], s["claims"], s["propositions"], s["contested"],
                    s["first_seen"] or "", s["last_seen"] or "", s["last_change"] or ""], width=70)
                if not ledger.stories(1) and ledger.stats()["claims"]:
                    print("storyledger: the ledger holds no stories yet: it was made by an older storyledger; "
                          "`storyledger ingest` (of anything, or of nothing new) links it again.", file=sys.stderr)
            elif args.command == "changes":
                write_changes(ledger, args, story, out)
            elif args.command == "propositions":
                rows = ledger.propositions(args.limit, story)
                write_rows(rows, args.format, out, PROPOSITION_COLUMNS, lambda p: [
                    p["id"], p["status"], p["sources"], p["claims"], p["conflicts"], number_range(p), p["label"]])
            elif args.command == "proposition":
                write_detail(ledger.proposition(args.id), args.format, out, proposition_text)
            elif args.command == "sources":
                write_rows(ledger.sources(), args.format, out, ("name", "kind", "claims", "propositions") + TRACK_COLUMNS + ("roles", "also"),
                           lambda s: [s["name"], s["kind"], s["claims"], s["propositions"], *(s["track"][k] for k in TRACK_COLUMNS),
                                      "; ".join(r["role"] for r in s["roles"]), "; ".join(a for a in s["aliases"] if a != s["name"])])
            elif args.command == "source":
                write_detail(ledger.source(args.name), args.format, out, source_text)
            elif args.command == "claims":
                write_claims(ledger.claims(proposition=args.proposition, search=args.search, story=story), args.format, out)
            elif args.command == "contradictions":
                relations = list(ledger.contradictions(story))
                # the claims' text only for the formats that show it, not for jsonl/json
                claims = {c["id"]: c for c in ledger.claims(story=story)} if args.format in ("table", "csv") else {}
                if args.format == "csv":  # the relation's own columns (formats.md, as the export), then the claims' text
                    write_rows(relations, "csv", out, ("kind", "claims", "proposition", "note", "claim", "against"), lambda r: [
                        r["kind"], json.dumps(r["claims"]), r["proposition"], r["note"], said(claims[r["claims"][0]]),
                        said(claims[r["claims"][1]])])
                else:
                    write_rows(relations, args.format, out, ("kind", "claim", "against", "note"), lambda r: [
                        r["kind"], said(claims[r["claims"][0]]), said(claims[r["claims"][1]]), r["note"]], width=50)
            elif args.command == "errors":
                write_rows(ledger.errors(), args.format, out, ("name", "reason", "seen_at"), lambda e: [e["name"], e["reason"], e["seen_at"]], width=90)
    return 0


def ingest(ledger: Ledger, args: argparse.Namespace) -> int:
    from .present.progress import Progress, count_documents

    bar = Progress(count_documents(args.paths) if sys.stderr.isatty() and not args.quiet else None, sys.stderr,
                   enabled=not args.quiet)

    def progress(doc_id: str, what: str) -> None:
        if bar.enabled:
            bar(doc_id, what)
        elif not args.quiet:
            print(f"storyledger: {what} {doc_id}", file=sys.stderr)

    def waiting() -> None:
        print(f"storyledger: waiting for another process writing to {args.db} to finish.", file=sys.stderr)

    limits = Limits(max_chars=args.max_chars, timeout=args.timeout or None)
    runner = engine(args.engine, args.workers, args.scheduler)
    try:
        with runner:
            report = ledger.ingest(read(args.paths, limits, args.encoding, args.language), Options(limits=limits), progress,
                                   waiting, runner)
    finally:
        bar.close()
    for f in report.failed:
        print(f"storyledger: skipped {f.name}: {f.reason}", file=sys.stderr)
    stats = ledger.stats()
    print(f"{report.added} added, {report.replaced} replaced, {report.unchanged} unchanged, {len(report.failed)} unreadable; "
          f"the ledger {args.db} holds {stats['documents']} documents, {stats['claims']} claims, {stats['sources']} sources, "
          f"{stats['propositions']} propositions, {stats['copies']} copies.")
    if report.failed:
        print(f"storyledger: {len(report.failed)} input(s) could not be read.", file=sys.stderr)
        return 1
    return 0


def watch(ledger: Ledger, args: argparse.Namespace) -> int:
    """Cycles until SIGINT or SIGTERM (the first stops after the current document; a second ends at once)."""
    import signal
    import threading

    from .watch import Alerts, Watch, WatchError

    stop = threading.Event()

    def on_signal(signum: int, frame: object) -> None:
        stop.set()
        signal.signal(signum, signal.default_int_handler if signum == signal.SIGINT else signal.SIG_DFL)

    def on_cycle(report: Any) -> None:
        for f in report.failed:
            print(f"storyledger: skipped {f.name}: {f.reason}", file=sys.stderr)
        for problem in report.alert_failures:
            print(f"storyledger: {problem}", file=sys.stderr, flush=True)
        failures.extend(report.failed)
        print(report.line(), flush=True)

    def on_error(e: Exception) -> None:
        failures.append(ReadError(args.db, str(e)))
        print(f"storyledger: the cycle failed: {e}", file=sys.stderr, flush=True)

    def waiting() -> None:
        print(f"storyledger: waiting for another process writing to {args.db} to finish.", file=sys.stderr, flush=True)

    failures: list[ReadError] = []
    limits = Limits(max_chars=args.max_chars, timeout=args.timeout or None)
    try:
        watcher = Watch(ledger, args.paths, Options(limits=limits), encoding=args.encoding, language=args.language,
                        alerts=Alerts(args.on_change, args.changes_file, args.on_change_timeout))
    except WatchError as e:
        print(f"storyledger: {e}", file=sys.stderr)
        return 1
    previous = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        with engine(args.engine, args.workers, args.scheduler) as runner:
            watcher.engine = runner
            watcher.run(args.interval, stop, on_cycle, on_error, args.once, waiting)
    except KeyboardInterrupt:  # a second Ctrl-C: what was committed stays, the rest is read again next time
        return 130
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    if not args.once:
        print("storyledger: stopped watching.", file=sys.stderr)
    return 1 if args.once and failures else 0


def said(c: dict) -> str:
    return f"{c.get('speaker') or c['source']['name']} ({c['stance']}): {c['content']}"


def number_range(p: dict) -> str:
    if p.get("low") is None:
        return ""
    r = amount(p["low"]) if p["low"] == p["high"] else f"{amount(p['low'])}-{amount(p['high'])}"
    return f"{r} {p.get('unit') or ''}".strip()



PRESENT_COMMANDS = ("serve", "report", "export", "review")
STORY_COLUMNS = ("id", "label", "documents", "claims", "propositions", "contested", "first", "last", "last change")
TRACK_COLUMNS = ("confirmed", "denied", "disputed", "open", "first", "reversals")
CHANGE_COLUMNS = ("id", "kind", "date", "learned_at", "story", "proposition", "old", "new", "claims", "note", "label")


def write_changes(ledger: Ledger, args: argparse.Namespace, story: str | None, out: TextIO) -> None:
    """`storyledger changes`: a table, records (jsonl, json), CSV (claims as JSON ids) or an Atom feed."""
    changes = ledger.changes(story, args.since, args.learned_since, limit=args.limit)
    if args.format == "atom":
        from .present.feed import atom

        base = args.base_url if args.base_url.endswith("/") else args.base_url + "/"
        if story:
            from urllib.parse import quote

            label = ledger.story(story)["label"]
            page = base + "story/" + quote(story, safe="")
            out.write(atom(changes, f"storyledger: what changed in {label}", page + "/changes.atom", page, base))
        else:
            out.write(atom(changes, "storyledger: what changed", base + "changes.atom", base + "changes", base))
    elif args.format == "csv":
        write_rows(changes, "csv", out, CHANGE_COLUMNS, lambda c: [
            c["id"], c["kind"], c["date"], c["learned_at"], c["story"], c["proposition"], c["old"], c["new"],
            json.dumps([x["id"] for x in c["claims"]]), c["note"], c["label"]])
    else:
        write_rows(changes, args.format, out, ("date", "kind", "status", "proposition", "who"), lambda c: [
            c["date"] or "undated", c["kind"], f"{c['old'] or '-'} -> {c['new']}", c["label"] or c["proposition"] or "",
            "; ".join(f"{x['source']} {x['stance']}" for x in c["claims"])], width=60)
PROPOSITION_COLUMNS = ("id", "status", "sources", "claims", "conflicts", "range", "label")


def write_rows(rows: list[dict], fmt: str, out: TextIO, header: tuple[str, ...], cells: Any, width: int = 60) -> None:
    """jsonl/json as the records are; csv and table as the given columns."""
    if fmt in ("jsonl", "json"):
        write_records(rows, fmt, out)
    elif fmt == "csv":
        w = csv.writer(out)
        w.writerow(header)
        w.writerows(cells(r) for r in rows)
    else:
        write_table((cells(r) for r in rows), header, out, width)


def write_detail(record: dict, fmt: str, out: TextIO, as_text: Any) -> None:
    """One proposition or source: the record as JSON, its claims as CSV, or a text page."""
    if fmt in ("jsonl", "json"):
        write_records([record], fmt, out)
    elif fmt == "csv":
        write_claims(record["claims"], "csv", out)
    else:
        as_text(record, out)


def proposition_text(p: dict, out: TextIO) -> None:
    out.write(f"{p['label']}\n{p['id']}: {p['status']}, {p['sources']} independent source(s), {len(p['claims'])} claim(s)")
    out.write(f", numbers {number_range(p)}\n" if p.get("low") is not None else "\n")
    out.write(f"for: {', '.join(p['for']) or '-'}\nagainst: {', '.join(p['against']) or '-'}\n\nTimeline\n")
    write_table(([t["date"] or "undated", t["status"], "; ".join(f"{c['source']} {c['stance']}" for c in t["claims"])]
                 for t in p["timeline"]), ("date", "status", "who"), out, 90)
    out.write("\nClaims\n")
    copies = set(p["copies"])
    write_table(([c.get("said_on") or c.get("published") or "", c.get("speaker") or c["source"]["name"], c["stance"],
                  ("[copy] " if c["id"] in copies else "") + c["content"]] for c in p["claims"]),
                ("date", "source", "stance", "content"), out, 70)
    if p["relations"]:
        out.write("\nRelations\n")
        write_table(([r["kind"], r["note"]] for r in p["relations"]), ("kind", "note"), out, 90)


def source_text(s: dict, out: TextIO) -> None:
    out.write(f"{s['name']} ({s['kind']}), {len(s['claims'])} claim(s)\n")
    if s["aliases"]:
        out.write(f"also: {', '.join(a for a in s['aliases'] if a != s['name']) or '-'}\n")
    for r in s["roles"]:
        out.write(f"role: {r['role']} ({r['first_seen'] or '?'} to {r['last_seen'] or '?'})\n")
    out.write("\n")
    write_table(([p["date"] or "", p["stance"] + (" (not)" if p["polarity"] == "negative" else ""), p["proposition"] or "",
                  p["label"] or ""] for p in s["positions"]), ("date", "stance", "proposition", "label"), out, 80)
    t = s["track"]
    out.write(f"\nTrack record: of {len(s['track_record'])} proposition(s) it took a position on, independent sources later "
              f"confirmed {t['confirmed']}, denied {t['denied']}, disputed {t['disputed']}, left {t['open']} open; "
              f"first with {t['first']} later confirmed; {t['reversals']} reversal(s).\n")
    write_table(([r["date"] or "", SIDES[r["position"]], r["outcome"], f"{r['confirmed_by']}/{r['denied_by']}",
                  "first" if r["first"] else "", r["label"] or r["proposition"]] for r in s["track_record"]),
                ("date", "its side", "later", "for/against", "first", "proposition"), out, 70)


SIDES = {1: "for", 0: "unsure", -1: "against"}


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


def write_json(rows: Iterable[dict], fmt: str, out: TextIO) -> None:
    """jsonl (one object a line) or json (one array)."""
    if fmt == "jsonl":
        for r in rows:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
    else:
        json.dump(list(rows), out, ensure_ascii=False, indent=2)
        out.write("\n")


def write_claims(rows: Iterable[dict], fmt: str, out: TextIO) -> None:
    if fmt in ("jsonl", "json"):
        write_json(rows, fmt, out)
    elif fmt == "csv":
        w = csv.writer(out)
        w.writerow(CSV_COLUMNS)
        for r in rows:
            w.writerow(flat_claim(r))
    else:
        write_table(([short_source(r), r["cue"], r["mode"], r["stance"], r["content"]] for r in rows), TABLE_COLUMNS, out)


def write_records(rows: Iterable[dict], fmt: str, out: TextIO) -> None:
    if fmt in ("jsonl", "json"):
        write_json(rows, fmt, out)
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
