"""Readers: files, folders, JSONL, feed URLs and stdin in, `Document` records out.

Every reader returns the article text exactly as decoded, so that claim offsets are
offsets into `Document.text` (see `shared/spec/formats.md`). A file that cannot be read
gives a `ReadError` naming it with one sentence of why; reading goes on with the next.
Readers never raise on bad input: whatever the bytes, the answer is documents and errors.

Compressed files (gzip, bzip2, xz, zstd, zip) are not decompressed: a decompression bomb
cannot inflate what is never inflated. They are refused by their magic number. The one
exception is a `.jsonl.gz` file, inflated as a stream line by line under a size limit.
"""
from __future__ import annotations

import codecs
import datetime as dt
import json
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import BinaryIO

from ..limits import MAX_CHARS, Limits, TimeLimit, time_limit

__all__ = ["MAX_CHARS", "Document", "Limits", "ReadError", "check_document", "check_text", "decode", "folder_files", "is_url", "read", "read_file", "read_url", "text_document"]

# Fields other than `text` (id, title, url, outlet, published, language) are short in any real
# record; one longer than this is a broken record, and it would be copied into every claim.
MAX_FIELD_CHARS = 10_000

# Text in which more than this share of the characters are control characters (other than
# tab, line feed, carriage return, form feed and vertical tab) is binary data, not prose.
MAX_CONTROL_SHARE = 0.1
CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
SURROGATE = re.compile("[\ud800-\udfff]")

# Magic numbers of the compressed and archive formats that are refused unread.
COMPRESSED = {
    b"\x1f\x8b": "gzip-compressed",
    b"BZh": "bzip2-compressed",
    b"\xfd7zXZ\x00": "xz-compressed",
    b"\x28\xb5\x2f\xfd": "zstd-compressed",
    b"PK\x03\x04": "a zip archive",
    b"7z\xbc\xaf\x27\x1c": "a 7-zip archive",
}

SEED_FIRST_LINE = re.compile(r"^ ?date (\d{4}-\d{2}-\d{2})[ \t]+(.*)$")


@dataclass(frozen=True, slots=True)
class Document:
    """One article: the input record of `formats.md`."""

    id: str
    text: str
    published: str | None = None
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    language: str = "en"

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, record: dict) -> "Document":
        return cls(
            id=str(record["id"]),
            text=record["text"],
            published=record.get("published"),
            title=record.get("title"),
            url=record.get("url"),
            outlet=record.get("outlet"),
            language=record.get("language") or "en",
        )


@dataclass(frozen=True, slots=True)
class ReadError:
    """A document (or file) that could not be read, and one sentence of why."""

    name: str
    reason: str

    def __str__(self) -> str:
        return f"{self.name}: {self.reason}"


def decode(data: bytes, name: str) -> str | ReadError:
    """UTF-8 (with or without BOM), or UTF-16 with a BOM; anything else is an error."""
    kind = compressed(data)
    if kind:
        return ReadError(name, f"it is {kind}; storyledger does not decompress input (decompress it first).")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            return ReadError(name, "it starts like UTF-16 but is not valid UTF-16.")
    head = data[:4096]
    if b"\x00" in head:
        if looks_like_utf16(head):
            return ReadError(name, "it looks like UTF-16 without a byte-order mark; save it as UTF-8 (or UTF-16 with a BOM).")
        return ReadError(name, "it looks like a binary file, not text.")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        return ReadError(name, f"it is not valid UTF-8 (bad byte at offset {e.start}).")


def compressed(data: bytes) -> str | None:
    """The name of the compressed or archive format `data` starts with, if any."""
    if data.startswith(b"BZh") and data[4:10] == b"1AY&SY":
        return "bzip2-compressed"
    return next((kind for magic, kind in COMPRESSED.items() if data.startswith(magic)), None)


def looks_like_utf16(head: bytes) -> bool:
    """Mostly-ASCII UTF-16 without a BOM: NUL bytes on every other position, text in between."""
    even, odd = head[0::2].count(0), head[1::2].count(0)
    if min(even, odd) > 0 or max(even, odd) < 0.4 * len(head) / 2:
        return False
    try:
        text = head[: len(head) // 2 * 2].decode("utf-16-be" if even else "utf-16-le")
    except UnicodeDecodeError:
        return False
    return len(CONTROL.findall(text)) <= MAX_CONTROL_SHARE * len(text)


def check_text(doc: Document, limits: Limits | None = None) -> Document | ReadError:
    """The checks every document passes before parsing: some text, not too long, not binary."""
    max_chars = (limits or Limits()).max_chars
    if len(doc.text) > max_chars:
        return ReadError(doc.id, f"the text has {len(doc.text):,} characters, over the limit of {max_chars:,}.")
    if not doc.text.strip():
        return ReadError(doc.id, "the document has no text.")
    bad = SURROGATE.search(doc.text)
    if bad:
        return ReadError(doc.id, f"the text holds an unpaired surrogate (U+{ord(bad.group()):04X} at offset {bad.start()}), which is not a character.")
    controls = len(doc.text) - len(CONTROL.sub("", doc.text))
    if controls > MAX_CONTROL_SHARE * len(doc.text):
        return ReadError(doc.id, "the text is mostly control characters: it looks like binary data, not text.")
    if doc.published and doc.published.strip():
        problem = date_problem(doc.published)
        if problem:
            return ReadError(doc.id, f"the publication date {doc.published[:40]!r} {problem}.")
    return doc


def check_document(doc: Document, limits: Limits | None = None) -> Document | ReadError:
    """`check_text`, then the language: what the pipeline parses is English (`language.READ`)."""
    from .language import language_refusal

    checked = check_text(doc, limits)
    if isinstance(checked, ReadError):
        return checked
    return language_refusal(doc) or doc


# Publication dates are anchors for date arithmetic; years outside this range are no news date.
MIN_YEAR, MAX_YEAR = 1000, 9000
PARTIAL_DATE = re.compile(r"(\d{4})(?:-(\d{2}))?")


def date_problem(value: str) -> str | None:
    """Why `value` is not a usable ISO 8601 date or date-time (YYYY, YYYY-MM too), or None."""
    v = value.strip()
    if not v.isascii():
        return "is not a valid ISO 8601 date"
    try:
        m = PARTIAL_DATE.fullmatch(v)
        year = dt.date(int(m.group(1)), int(m.group(2) or 1), 1).year if m else dt.datetime.fromisoformat(v).year
    except ValueError:
        return "is not a valid ISO 8601 date"
    if not MIN_YEAR <= year <= MAX_YEAR:
        return f"is outside the years {MIN_YEAR} to {MAX_YEAR}"
    return None


def text_document(name: str, text: str) -> Document:
    """A `.txt` file: the seed's form (first line ` date YYYY-MM-DD headline`) or plain text."""
    from .language import language_of

    first = text.split("\n", 1)[0].rstrip("\r")
    m = SEED_FIRST_LINE.match(first)
    if m:
        return Document(id=name, text=text, published=m.group(1), title=m.group(2).strip() or None, language=language_of(text))
    return Document(id=name, text=text, language=language_of(text))


def decode_as(data: bytes, name: str, encoding: str | None = None) -> str | ReadError:
    """Plain text: strict UTF-8 (or UTF-16 with a BOM) as `decode`, or strictly the `encoding` named."""
    if encoding is None or codecs.lookup(encoding).name == "utf-8":
        return decode(data, name)
    kind = compressed(data)
    if kind:
        return ReadError(name, f"it is {kind}; storyledger does not decompress input (decompress it first).")
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as e:
        return ReadError(name, f"it is not valid {encoding} (bad byte at offset {e.start}).")


def read_txt(name: str, data: bytes, limits: Limits | None = None, encoding: str | None = None) -> Iterator[Document | ReadError]:
    """A plain text file: UTF-8 (or UTF-16 with a BOM), or the `encoding` the user named (`--encoding`)."""
    text = decode_as(data, name, encoding)
    if isinstance(text, ReadError):
        yield text
        return
    if len(text) > (limits or Limits()).max_chars:
        yield check_text(Document(id=name, text=text), limits)
        return
    yield check_text(text_document(name, text), limits)


def read_jsonl(name: str, data: bytes, limits: Limits | None = None) -> Iterator[Document | ReadError]:
    text = decode(data, name)
    if isinstance(text, ReadError):
        yield text
        return
    # Only "\n" ends a JSONL record: str.splitlines() would also split at U+2028, U+0085 and
    # other separators that JSON allows unescaped inside strings.
    for n, line in enumerate(text.split("\n"), 1):
        yield from jsonl_line(line, f"{name}:{n}", limits)


def jsonl_line(line: str, where: str, limits: Limits | None = None) -> Iterator[Document | ReadError]:
    """One line of a JSONL file: nothing if blank, else a document or why not."""
    if not line.strip():
        return
    try:
        record = json.loads(line)
    except json.JSONDecodeError as e:
        yield ReadError(where, f"the line is not valid JSON ({e.msg}).")
        return
    except ValueError:  # an integer literal over Python's 4,300-digit limit
        yield ReadError(where, "the line holds a number too long to read.")
        return
    except RecursionError:
        yield ReadError(where, "the line is nested too deeply to read.")
        return
    yield from record_document(record, where, limits)


# A gzip-compressed JSONL file is inflated as a stream, line by line, and never past this many
# bytes per allowed character of text (1 GB at the default limit: a few seconds of inflating),
# so a decompression bomb costs a bounded time and no memory. A line may hold the text and the
# other fields, JSON-escaped (at most 12 bytes a character, for an escaped surrogate pair).
GZIP_FACTOR = 1000
GZIP_CHUNK = 1 << 16


def gzip_line_cap(limits: Limits) -> int:
    return 12 * (limits.max_chars + 6 * MAX_FIELD_CHARS) + 4096


def read_jsonl_file(path: Path, name: str, limits: Limits | None = None) -> Iterator[Document | ReadError]:
    """A `.jsonl` file, streamed line by line: memory does not grow with the file. A file that
    starts as UTF-16 (with a BOM) is decoded whole; a binary or compressed one is refused."""
    limits = limits or Limits()
    with open(path, "rb") as f:
        head = f.read(4096)
        if head.startswith((b"\xff\xfe", b"\xfe\xff")):
            yield from read_jsonl(name, head + f.read(), limits)
            return
        refused = decode(head, name) if compressed(head) or b"\x00" in head else None
        if isinstance(refused, ReadError):
            yield refused
            return
        f.seek(0)
        yield from jsonl_lines(f, name, limits)


def jsonl_lines(f: BinaryIO, name: str, limits: Limits, total_cap: int | None = None,
                count: list[int] | None = None) -> Iterator[Document | ReadError]:
    """The records of a binary JSONL stream, one line at a time; a line over `gzip_line_cap` is
    an error and skipped, and reading stops past `total_cap` bytes. `count[0]`, if given, is
    kept at the number of lines read (for a caller that reports where a stream broke)."""
    count = [0] if count is None else count
    line_cap = gzip_line_cap(limits)
    total = 0
    while True:
        raw = f.readline(line_cap + 1)
        if not raw:
            return
        count[0] += 1
        n = count[0]
        total += len(raw)
        where = f"{name}:{n}"
        over = len(raw) > line_cap
        if over:
            yield ReadError(where, f"the line is over {line_cap:,} bytes, too long for the limit of {limits.max_chars:,} characters.")
            while raw and not raw.endswith(b"\n") and (total_cap is None or total <= total_cap):  # skip to the next line
                raw = f.readline(GZIP_CHUNK)
                total += len(raw)
        if total_cap is not None and total > total_cap:
            yield ReadError(name, f"it inflates to over {total_cap:,} bytes, the limit for a compressed file "
                                  f"({GZIP_FACTOR} bytes per allowed character); stopped at line {n}.")
            return
        if over:
            continue
        if n == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            yield ReadError(where, f"the line is not valid UTF-8 (bad byte at offset {e.start}).")
            continue
        yield from jsonl_line(line.rstrip("\n"), where, limits)


def read_jsonl_gz(path: Path, name: str, limits: Limits | None = None) -> Iterator[Document | ReadError]:
    """A `.jsonl.gz` file (UTF-8 JSONL, gzip-compressed), streamed with a decompressed-size limit."""
    import gzip
    import zlib

    limits = limits or Limits()
    count = [0]
    try:
        with gzip.open(path, "rb") as f:
            yield from jsonl_lines(f, name, limits, GZIP_FACTOR * limits.max_chars, count)
    except gzip.BadGzipFile:
        yield ReadError(name, "it is named .jsonl.gz but is not gzip-compressed.")
    except (EOFError, zlib.error) as e:
        yield ReadError(name, f"the gzip stream is damaged or cut short after line {count[0]} ({str(e)[:100] or type(e).__name__}).")


def record_document(record: object, where: str, limits: Limits | None = None) -> Iterator[Document | ReadError]:
    """One JSONL record, checked field by field (formats.md, "Input documents")."""
    if not isinstance(record, dict):
        yield ReadError(where, "the line is not a JSON object.")
        return
    rid = record.get("id")
    if isinstance(rid, bool) or not isinstance(rid, (str, int)) or rid == "":
        yield ReadError(where, "the record has no string 'id'.")
        return
    rid = str(rid)
    if len(rid) > MAX_FIELD_CHARS or SURROGATE.search(rid):
        yield ReadError(where, f"the record's 'id' is over {MAX_FIELD_CHARS:,} characters or not valid text.")
        return
    named = f"{where} ({rid})"
    if not isinstance(record.get("text"), str):
        yield ReadError(named, "the record has no string 'text'.")
        return
    for key in ("published", "title", "url", "outlet", "language"):
        value = record.get(key)
        if value is None:
            continue
        if not isinstance(value, str):
            yield ReadError(named, f"the field '{key}' is not a string.")
            return
        if len(value) > MAX_FIELD_CHARS:
            yield ReadError(named, f"the field '{key}' has {len(value):,} characters, over the limit of {MAX_FIELD_CHARS:,}.")
            return
        if SURROGATE.search(value):
            yield ReadError(named, f"the field '{key}' holds an unpaired surrogate, which is not a character.")
            return
    doc = check_text(Document.from_dict(record), limits)
    if isinstance(doc, ReadError):
        yield ReadError(named, doc.reason)
        return
    from .language import language_of

    yield replace(doc, language=language_of(doc.text, record.get("language")))


def read_html(name: str, data: bytes, limits: Limits | None = None) -> Iterator[Document | ReadError]:
    """An HTML page, decoded as a browser would (`charset`: BOM, `<meta charset>`, XML
    declaration, a detector), its article text extracted by trafilatura."""
    from .charset import decode_html

    limits = limits or Limits()
    text = decode_html(data, name)
    if isinstance(text, ReadError):
        yield text
        return
    # The markup may be larger than the article, but not without bound: trafilatura's cost
    # grows with the page, and a page ten times the text limit is not an article.
    if len(text) > HTML_FACTOR * limits.max_chars:
        yield ReadError(name, f"the page has {len(text):,} characters, over the limit of {HTML_FACTOR * limits.max_chars:,} for HTML.")
        return
    yield html_article(name, text, limits)


def html_article(name: str, text: str, limits: Limits, url: str | None = None) -> Document | ReadError:
    """The article of an HTML page (trafilatura) under the time limit, checked like any text."""
    from .html import html_document

    try:
        with time_limit(limits.timeout):
            doc = html_document(name, text)
    except TimeLimit:
        return ReadError(name, f"extracting the article from the HTML took over the time limit of {limits.timeout:g} s.")
    if isinstance(doc, ReadError):
        return doc
    return check_text(replace(doc, url=url) if url else doc, limits)


# An HTML page may hold this many times the text limit in characters of markup.
HTML_FACTOR = 10


def read_feed(name: str, data: bytes, limits: Limits | None = None, content_type: str | None = None) -> Iterator[Document | ReadError]:
    from .feeds import read_feed as feed

    yield from feed(name, data, limits, content_type)

Reader = Callable[..., Iterator[Document | ReadError]]

# Readers by file suffix. Files with other suffixes inside a folder are skipped; named on
# the command line they are read as plain text.
READERS: dict[str, Reader] = {
    ".txt": read_txt,
    ".jsonl": read_jsonl,
    ".html": read_html,
    ".htm": read_html,
    ".rss": read_feed,
    ".atom": read_feed,
}


# Readers that stream a file from its path, by the end of its name (checked before READERS):
# `.jsonl` a line at a time, so that a corpus of millions of records costs no more memory than
# one; `.jsonl.gz`, the one compressed form storyledger reads, inflated as a stream, with a limit.
def read_warc(path: Path, name: str, limits: Limits | None = None) -> Iterator[Document | ReadError]:
    from .warc import read_warc as warc

    yield from warc(path, name, limits)


STREAMED: dict[str, Callable[..., Iterator[Document | ReadError]]] = {
    ".jsonl": read_jsonl_file,
    ".jsonl.gz": read_jsonl_gz,
    ".warc": read_warc,
    ".warc.gz": read_warc,
}


def streamed(path: Path) -> str | None:
    """The STREAMED ending `path` has, if any."""
    lower = path.name.lower()
    return next((end for end in STREAMED if lower.endswith(end)), None)


def read(paths: Iterable[str | Path], limits: Limits | None = None, encoding: str | None = None,
         language: str | None = None) -> Iterator[Document | ReadError]:
    """Read documents from files, folders (recursively), feed URLs (http, https) and `-` (stdin, JSONL or text).

    `encoding` is that of plain text files (default: UTF-8, or UTF-16 with a BOM); `language`
    overrides every document's own (its field, its page's `lang`, or what the identifier finds)."""
    limits = limits or Limits()
    for path in paths:
        name = str(path)
        if name == "-":
            yield from in_language(read_stdin(sys.stdin.buffer, limits, encoding), language)
            continue
        if isinstance(path, str) and is_url(name):
            yield from read_url(name, limits, language)
            continue
        p = Path(path)
        try:
            if p.is_dir():
                files = folder_files(p)
                if not files:
                    yield ReadError(shown(name), "the folder holds no .txt, .jsonl, .jsonl.gz, .html, .rss, .atom or .warc files.")
                for f in files:
                    yield from read_file(f, limits, encoding, language)
            elif p.exists():
                yield from read_file(p, limits, encoding, language)
            else:
                yield ReadError(shown(name), "no such file or folder.")
        except OSError as e:  # a folder that cannot be listed, a path too long to stat
            yield ReadError(shown(name), f"it cannot be read ({e.strerror or e}).")


def in_language(items: Iterable[Document | ReadError], language: str | None) -> Iterator[Document | ReadError]:
    """The items with every document's language set to `language` (`--language`), if given."""
    if not language:
        yield from items
        return
    for item in items:
        yield replace(item, language=language) if isinstance(item, Document) else item


def read_stdin(stream: BinaryIO, limits: Limits, encoding: str | None = None) -> Iterator[Document | ReadError]:
    """Standard input: JSONL if it starts with `{` (streamed a line at a time when the stream
    can be peeked at, as a pipe can), else one text document."""
    peek = getattr(stream, "peek", None)
    head = peek(4096) if peek else b""
    if head.lstrip()[:1] == b"{":
        yield from jsonl_lines(stream, "-", limits)
        return
    data = stream.read()
    if data.lstrip()[:1] == b"{":
        yield from read_jsonl("-", data, limits)
    else:
        yield from read_txt("-", data, limits, encoding)


def folder_files(folder: Path) -> list[Path]:
    """The files of a folder (recursively) that `read` reads, by name."""
    return sorted(f for f in folder.rglob("*") if f.is_file() and (f.suffix.lower() in READERS or streamed(f)))


def is_url(name: str) -> bool:
    """Whether an input names a feed on the web (http or https) rather than a path."""
    return name[:8].lower().startswith(("http://", "https://"))


def read_url(url: str, limits: Limits | None = None, language: str | None = None) -> Iterator[Document | ReadError]:
    """The entries of the RSS or Atom feed at `url`, fetched once (`documents.fetch`), or why not."""
    from .fetch import fetch

    got = fetch(url, limits)
    if isinstance(got, ReadError):
        yield got
        return
    yield from read_feed_bytes(url, got.data, limits, got.content_type, language)


def read_feed_bytes(name: str, data: bytes, limits: Limits | None = None, content_type: str | None = None,
                    language: str | None = None) -> Iterator[Document | ReadError]:
    """A feed's bytes (with the HTTP `Content-Type` it came with, if fetched) through the feed
    reader; a reader bug costs this feed, not the run."""
    try:
        yield from in_language(read_feed(name, data, limits, content_type), language)
    except RecursionError:
        yield ReadError(name, "the feed is nested too deeply to read.")
    except Exception as e:
        yield ReadError(name, f"reading failed with an internal error ({type(e).__name__}: {str(e)[:200]}).")


def read_file(path: Path, limits: Limits | None = None, encoding: str | None = None,
              language: str | None = None) -> Iterator[Document | ReadError]:
    """One file by its reader (`READERS`, `STREAMED`); `encoding` and `language` as in `read`."""
    yield from in_language(file_items(path, limits, encoding), language)


def file_items(path: Path, limits: Limits | None = None, encoding: str | None = None) -> Iterator[Document | ReadError]:
    limits = limits or Limits()
    name = shown(str(path))
    if streamed(path):
        try:
            yield from STREAMED[streamed(path)](path, name, limits)
        except OSError as e:
            yield ReadError(name, f"the file cannot be opened ({e.strerror or e}).")
        except RecursionError:
            yield ReadError(name, "the file is nested too deeply to read.")
        except Exception as e:  # a reader bug must cost one file, not the run
            yield ReadError(name, f"reading failed with an internal error ({type(e).__name__}: {str(e)[:200]}).")
        return
    reader = READERS.get(path.suffix.lower(), read_txt)
    try:
        # A text or HTML file too large to hold a document within the limit (UTF-8 and UTF-16
        # take at most 4 bytes a character) is refused before it is read into memory.
        size = path.stat().st_size
        cap = 4 * limits.max_chars * (HTML_FACTOR if reader in (read_html, read_feed) else 1) + 4
        if reader is not read_jsonl and size > cap:
            yield ReadError(name, f"the file has {size:,} bytes, too many for the limit of {limits.max_chars:,} characters.")
            return
        data = path.read_bytes()
    except OSError as e:
        yield ReadError(name, f"the file cannot be opened ({e.strerror or e}).")
        return
    try:
        yield from reader(name, data, limits, encoding) if reader is read_txt else reader(name, data, limits)
    except RecursionError:
        yield ReadError(name, "the file is nested too deeply to read.")
    except Exception as e:  # a reader bug must cost one file, not the run
        yield ReadError(name, f"reading failed with an internal error ({type(e).__name__}: {str(e)[:200]}).")


def shown(name: str) -> str:
    """A path as text: bytes that are not UTF-8 in a file name become backslash escapes."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace") if SURROGATE.search(name) else name
