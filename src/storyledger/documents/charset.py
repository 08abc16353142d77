"""The character encoding of an HTML page, as browsers (and trafilatura) find it.

In order: a byte-order mark; the charset of the HTTP `Content-Type` (a feed's or a WARC record's);
`<meta charset>` or `<meta http-equiv="Content-Type" content="...; charset=...">` near the top;
the XML declaration's `encoding`; and, where none is given or the one given does not fit the
bytes, a detector (charset-normalizer) as the last resort. Bytes that are valid UTF-8 and not
ASCII are read as UTF-8 whatever the page declares: a page in a legacy encoding is almost never
valid UTF-8 by chance, while "UTF-8 labelled Latin-1" is the commonest mislabel on the web.
A declared encoding whose text reads as mojibake (charset-normalizer's mess ratio over
`MAX_MESS`) is not believed either: the detector answers, or the page is refused with one
sentence of why. Never does a page go on as mojibake.
"""
from __future__ import annotations

import codecs
import re

from . import ReadError, compressed, decode

# Browsers look for <meta charset> in the first 1,024 bytes; real pages often carry kilobytes of
# scripts and styles before it (trafilatura's test pages: up to 3 kB), so this looks further.
PRESCAN = 8192
META = re.compile(rb"""<meta\s[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
XML_DECLARATION = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9_.:-]+)["']""")
HTTP_CHARSET = re.compile(r"""charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)
# charset-normalizer's own default threshold for "this is not text in that encoding": KOI8-R
# read as windows-1252 measures 2.8, German in windows-1252 read as such 0.0.
MAX_MESS = 0.2
# Labels that browsers read as a wider encoding (the WHATWG Encoding Standard): a page labelled
# ISO-8859-1 is decoded as windows-1252, Shift_JIS as windows-31j, GB2312 as GB18030 ...
WIDER = {
    "iso-8859-1": "cp1252", "iso8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252", "l1": "cp1252",
    "us-ascii": "cp1252", "ascii": "cp1252", "windows-1252": "cp1252", "iso-8859-9": "cp1254",
    "shift_jis": "cp932", "shift-jis": "cp932", "sjis": "cp932", "x-sjis": "cp932", "ms_kanji": "cp932",
    "gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "euc-kr": "cp949", "tis-620": "cp874",
}


def declared_charset(data: bytes, http_content_type: str | None = None) -> str | None:
    """The encoding the HTTP header, a `<meta>` or the XML declaration names (a Python codec name), or None."""
    labels = []
    if http_content_type:
        m = HTTP_CHARSET.search(http_content_type)
        labels.append(m.group(1) if m else None)
    head = data[:PRESCAN]
    m = META.search(head)
    labels.append(m.group(1).decode("ascii") if m else None)
    m = XML_DECLARATION.match(head)
    labels.append(m.group(1).decode("ascii") if m else None)
    for label in labels:
        codec = codec_of(label) if label else None
        if codec:
            return codec
    return None


def codec_of(label: str) -> str | None:
    """The Python codec for an encoding label, browsers' widenings applied; None if unknown."""
    label = label.strip().lower()
    if label.startswith("utf-16") or label.startswith("utf-32"):
        return "utf-8"  # a page that says UTF-16 in ASCII bytes is not UTF-16 (HTML spec: read UTF-8)
    try:
        return codecs.lookup(WIDER.get(label, label)).name
    except LookupError:
        return None


def decode_html(data: bytes, name: str, http_content_type: str | None = None) -> str | ReadError:
    """The text of an HTML page's bytes (see the module's docstring), or why it cannot be read."""
    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")) or b"\x00" in data[:4096]:
        return decode(data, name)  # a BOM decides; NUL bytes are binary or BOM-less UTF-16
    if compressed(data):
        return decode(data, name)
    if data.isascii():
        return data.decode("ascii")
    declared = declared_charset(data, http_content_type)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        bad = e.start
    if declared and declared != "utf-8":
        try:
            text = data.decode(declared)
        except UnicodeDecodeError:
            text = None
        if text is not None and not mojibake(text):
            return text
    return detected(data, name, declared, bad)


def mojibake(text: str) -> bool:
    from charset_normalizer.md import mess_ratio

    return mess_ratio(text, MAX_MESS) >= MAX_MESS


def detected(data: bytes, name: str, declared: str | None, bad: int) -> str | ReadError:
    """The detector's reading of bytes that fit no declared encoding, or why there is none."""
    import charset_normalizer

    best = charset_normalizer.from_bytes(data).best()
    if best is not None:
        text = str(best)
        if not mojibake(text):
            return text
    said = f"it declares {declared}, which does not fit its bytes" if declared else "it declares no encoding"
    return ReadError(name, f"its encoding cannot be told: {said}, it is not valid UTF-8 (bad byte at offset {bad}), "
                           "and no other encoding reads it as text.")
