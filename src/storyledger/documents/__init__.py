"""Readers: files, folders, JSONL and stdin in, `Document` records out.

Every reader returns the article text exactly as decoded, so that claim offsets are
offsets into `Document.text` (see `shared/spec/formats.md`). A file that cannot be read
gives a `ReadError` naming it with one sentence of why; reading goes on with the next.
"""
from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

# A document larger than this is refused rather than handed to the parser: spaCy's
# default nlp.max_length is 1,000,000 characters, and a news article is rarely over 50 kB.
MAX_CHARS = 1_000_000

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
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            return ReadError(name, "it starts like UTF-16 but is not valid UTF-16.")
    if b"\x00" in data[:4096]:
        return ReadError(name, "it looks like a binary file, not text.")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        return ReadError(name, f"it is not valid UTF-8 (bad byte at offset {e.start}).")


def check_text(doc: Document) -> Document | ReadError:
    if not doc.text.strip():
        return ReadError(doc.id, "the document has no text.")
    if len(doc.text) > MAX_CHARS:
        return ReadError(doc.id, f"the text has {len(doc.text):,} characters, over the limit of {MAX_CHARS:,}.")
    return doc


def text_document(name: str, text: str) -> Document:
    """A `.txt` file: the seed's form (first line ` date YYYY-MM-DD headline`) or plain text."""
    first = text.split("\n", 1)[0].rstrip("\r")
    m = SEED_FIRST_LINE.match(first)
    if m:
        return Document(id=name, text=text, published=m.group(1), title=m.group(2).strip() or None)
    return Document(id=name, text=text)


def read_txt(name: str, data: bytes) -> Iterator[Document | ReadError]:
    text = decode(data, name)
    if isinstance(text, ReadError):
        yield text
        return
    yield check_text(text_document(name, text))


def read_jsonl(name: str, data: bytes) -> Iterator[Document | ReadError]:
    text = decode(data, name)
    if isinstance(text, ReadError):
        yield text
        return
    # Only "\n" ends a JSONL record: str.splitlines() would also split at U+2028, U+0085 and
    # other separators that JSON allows unescaped inside strings.
    for n, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        where = f"{name}:{n}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as e:
            yield ReadError(where, f"the line is not valid JSON ({e.msg}).")
            continue
        yield from record_document(record, where)


def record_document(record: object, where: str) -> Iterator[Document | ReadError]:
    if not isinstance(record, dict):
        yield ReadError(where, "the line is not a JSON object.")
        return
    if not isinstance(record.get("id"), (str, int)) or record.get("id") == "":
        yield ReadError(where, "the record has no string 'id'.")
        return
    if not isinstance(record.get("text"), str):
        yield ReadError(f"{where} ({record['id']})", "the record has no string 'text'.")
        return
    for key in ("published", "title", "url", "outlet", "language"):
        if record.get(key) is not None and not isinstance(record[key], str):
            yield ReadError(f"{where} ({record['id']})", f"the field '{key}' is not a string.")
            return
    yield check_text(Document.from_dict(record))


def read_html(name: str, data: bytes) -> Iterator[Document | ReadError]:
    from .html import html_document

    text = decode(data, name)
    if isinstance(text, ReadError):
        yield text
        return
    doc = html_document(name, text)
    yield doc if isinstance(doc, ReadError) else check_text(doc)


Reader = Callable[[str, bytes], Iterator[Document | ReadError]]

# Readers by file suffix. Files with other suffixes inside a folder are skipped; named on
# the command line they are read as plain text.
READERS: dict[str, Reader] = {
    ".txt": read_txt,
    ".jsonl": read_jsonl,
    ".html": read_html,
    ".htm": read_html,
}


def read(paths: Iterable[str | Path]) -> Iterator[Document | ReadError]:
    """Read documents from files, folders (recursively) and `-` (stdin, JSONL or text)."""
    for path in paths:
        name = str(path)
        if name == "-":
            data = sys.stdin.buffer.read()
            reader = read_jsonl if data.lstrip()[:1] == b"{" else read_txt
            yield from reader("-", data)
            continue
        p = Path(path)
        if p.is_dir():
            files = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in READERS)
            if not files:
                yield ReadError(name, "the folder holds no .txt, .jsonl or .html files.")
            for f in files:
                yield from read_file(f)
        elif p.exists():
            yield from read_file(p)
        else:
            yield ReadError(name, "no such file or folder.")


def read_file(path: Path) -> Iterator[Document | ReadError]:
    name = str(path)
    try:
        data = path.read_bytes()
    except OSError as e:
        yield ReadError(name, f"the file cannot be opened ({e.strerror or e}).")
        return
    reader = READERS.get(path.suffix.lower(), read_txt)
    yield from reader(name, data)
