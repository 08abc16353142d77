"""A generator of hostile input documents (issue 7), written into a folder at test time.

`write_corpus(root)` writes well over 1,000 bad documents (files, and lines of JSONL files)
with good ones mixed in, and returns a `Case` for each: where it is, what kind of bad it is,
and what must happen to it (`reject`: named on stderr; `process`: not named; `either`: one or
the other, but cleanly). Nothing here is committed as data: it is all generated, seeded.
"""
from __future__ import annotations

import codecs
import gzip
import json
import random
from dataclasses import dataclass
from pathlib import Path

GOOD_TEXTS = [
    "Mayor Jan Kowal said that the market would reopen on Friday.\n",
    " date 2024-10-28 Bridge to reopen\n\n\u201cThe bridge will reopen in spring,\u201d the minister, Anna Nowak, told reporters on Monday. "
    "She added that repairs had cost almost 11,000 euros.\n",
    "According to Ukrinform, the governor confirmed that three drones were shot down over Kharkiv on Tuesday.\n",
    "The company denied that it had cut 500 jobs. \"We are hiring,\" a spokesman said.\n",
]

# A sentence that gives one claim, used as the body that mutations disturb.
BODY = "Officials said that the bridge over the river would reopen next week. \u201cIt is safe now,\u201d Mayor Ewa Lis told reporters.\n"

RTL = ["\u0627\u0644\u0633\u0644\u0627\u0645 \u0639\u0644\u064a\u0643\u0645", "\u05e9\u05dc\u05d5\u05dd \u05e2\u05d5\u05dc\u05dd", "\u202eevil\u202c", "\u200f\u200e", "\u2067\u0627\u0628\u062c\u2069"]
MIXED = ["\u041a\u0438\u0457\u0432", "\u6771\u4eac", "\u0926\u093f\u0932\u094d\u0932\u0940", "Z\u0351\u0300\u0301\u0302\u0303\u0304algo", "\U0001f44d\U0001f3fd", "\u200b\u200c\u200d\ufeff", "\ufffd", "\U000e0041"]
CONTROLS = [chr(c) for c in list(range(0, 32)) + [127, 0x85, 0x2028, 0x2029]]
QUOTES = ['"', "\u201c", "\u201d", "\u00ab", "\u00bb", "\u201e", "'", "\u2018", "\u2019"]
MAGIC = [b"\x89PNG\r\n\x1a\n", b"%PDF-1.7\n", b"PK\x03\x04", b"\x7fELF\x02\x01\x01", b"GIF89a", b"\xff\xd8\xff\xe0", b"\x1f\x8b\x08\x00", b"BZh91AY&SY", b"\xfd7zXZ\x00", b"(\xb5/\xfd"]
BAD_DATES = ["2024-02-30", "2024-13-01", "9999-12-31", "0000-00-00", "99999-01-01", "+275760-09-13", "2024-10-28T25:61:61", "yesterday", "", "2024-1-1", "\u0662\u0660\u0662\u0664-01-01"]
TEXT_DATES = ["on February 30, 2024", "on 31/31/2031", "in the year 99999", "on December 31, 9999", "on January 1, 0001", "10,000 years from now",
              "in 9999 BC", "on 2024-02-30", "next year", "last Friday the 13th of Smarch", "in the 99th century", "by Q5 2024"]


@dataclass(frozen=True)
class Case:
    name: str  # the path, or "path:line" for a JSONL record (the CLI may add " (id)")
    kind: str
    expect: str  # "reject", "process" or "either"
    good: bool = False  # a good document whose claims must not change
    record: dict | None = None  # a good JSONL record, to run alone


class Corpus:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.cases: list[Case] = []
        self.paths: list[Path] = []
        self.n = 0

    def file(self, kind: str, data: bytes | str, expect: str, suffix: str = ".txt", good: bool = False) -> Path:
        self.n += 1
        p = self.root / f"{self.n:04d}_{kind}{suffix}"
        p.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        self.paths.append(p)
        self.cases.append(Case(str(p), kind, expect, good))
        return p

    def jsonl(self, kind: str, lines: list[tuple[str, str, str | None, bool]]) -> Path:
        """lines: (raw line, expect, record id or None, good)."""
        self.n += 1
        p = self.root / f"{self.n:04d}_{kind}.jsonl"
        p.write_text("\n".join(line for line, *_ in lines) + "\n", encoding="utf-8", errors="surrogatepass")
        self.paths.append(p)
        for i, (_, expect, rid, good) in enumerate(lines, 1):
            self.cases.append(Case(f"{p}:{i}", kind, expect, good, json.loads(lines[i - 1][0]) if good else None))
        return p


def record(**fields: object) -> str:
    return json.dumps(fields, ensure_ascii=False)


def write_corpus(root: Path, seed: int = 7, heavy: bool = False) -> Corpus:
    """Write the hostile corpus under `root`; `heavy` adds the 20 MB line and the 50,000-word sentence."""
    rnd = random.Random(seed)
    c = Corpus(root)
    good_i = 0

    def good() -> None:
        nonlocal good_i
        c.file("good", GOOD_TEXTS[good_i % len(GOOD_TEXTS)], "process", good=True)
        good_i += 1

    # -- encodings
    for i in range(120):
        data = bytearray(BODY.encode("utf-8"))
        for _ in range(rnd.randint(1, 4)):
            data.insert(rnd.randrange(len(data) + 1), rnd.choice([0x80, 0xBF, 0xC0, 0xC1, 0xF5, 0xFE, 0xFF, 0xED]))
        c.file("invalid_utf8", bytes(data), "reject")
        if i % 10 == 0:
            good()
    cut = BODY.encode("utf-8") + "\u201c".encode("utf-8")[:2]
    c.file("truncated_utf8", cut, "reject")
    c.file("surrogate_utf8", BODY.encode("utf-8") + b"\xed\xa0\x80", "reject")
    c.file("overlong_utf8", b"He said \xc0\xaf that.", "reject")
    for enc in ("utf-16", "utf-16-le", "utf-16-be"):
        for text in (BODY, GOOD_TEXTS[1], "\u041a\u0438\u0457\u0432 said so. " * 5):
            bom = {"utf-16": b"", "utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}[enc]
            c.file(f"{enc}_bom", bom + text.encode(enc), "process")
            c.file(f"{enc.replace('-', '')}_nobom", text.encode("utf-16-le" if enc != "utf-16-be" else "utf-16-be"), "either")
    c.file("utf16_bom_odd_length", codecs.BOM_UTF16_LE + BODY.encode("utf-16-le") + b"\x41", "reject")
    c.file("utf16_lone_surrogate", codecs.BOM_UTF16_LE + b"A\x00\x00\xd8B\x00", "reject")
    c.file("utf8_bom_only", b"\xef\xbb\xbf", "reject")
    c.file("utf16_bom_only", codecs.BOM_UTF16_LE, "reject")
    c.file("utf32", "Hello, he said.".encode("utf-32"), "reject")
    c.file("latin1", "Caf\u00e9 owner Jos\u00e9 said it.".encode("latin-1"), "reject")
    c.file("cp1252_quotes", "\u201cIt is closed,\u201d he said.".encode("cp1252"), "reject")
    # -- binary and compressed
    for i in range(100):
        body = bytes(rnd.randrange(256) for _ in range(rnd.randint(1, 3000)))
        c.file("binary", rnd.choice(MAGIC) + body if i % 2 else body, "either" if len(body) < 20 else "reject")
    bomb = gzip.compress(b"\x00" * (64 << 20), 9)  # 64 MB of NULs in about 64 kB
    for suffix in (".gz", ".txt", ".jsonl", ".html"):
        c.file("gzip_bomb", bomb, "reject", suffix=suffix)
    c.file("gzip_text", gzip.compress(BODY.encode()), "reject", suffix=".txt.gz")
    # -- empty and blank
    for data in (b"", b" ", b"\n\n\n", b"\t \r\n", "\u00a0\u2003\u3000".encode(), b"\xef\xbb\xbf  \n", b"\x0c\x0b"):
        c.file("empty", data, "reject")
    good()
    # -- size
    c.file("just_over_limit", "a" * 4_000_010, "reject")  # refused before it is read
    if heavy:  # 20 MB is refused unread; 50,000 words take 10-30 s, so the test bounds them by --timeout
        c.file("single_line_20mb", ("word " * 4_000_000).encode(), "reject")
        c.file("sentence_50000_words", " ".join(rnd.choice(["the", "minister", "said", "that", "troops", "and", "Kyiv", "would", "go"]) for _ in range(50_000)) + ".", "either")
    # -- control characters
    for i in range(80):
        text = list(BODY)
        for _ in range(rnd.randint(1, 5)):
            text.insert(rnd.randrange(len(text) + 1), rnd.choice(CONTROLS))
        c.file("control_chars", "".join(text), "either")
    c.file("mostly_controls", "".join(rnd.choice(CONTROLS[:9]) for _ in range(500)), "reject")
    for sep in ("\r", "\r\n", "\u2028", "\u2029", "\x85", "\x0b", "\x0c", "\x1c\x1d\x1e"):
        c.file("line_separators", BODY.replace("\n", sep) * 3, "process")
    good()
    # -- quote marks
    for n in (1000, 2000):
        for q in QUOTES[:6]:
            c.file("quote_flood", q * n, "either")
            c.file("quote_flood_spaced", (q + " ") * n, "either")
            c.file("quote_flood_words", ("He said " + q + "yes" + q + " ") * (n // 5), "either")
    for i in range(120):
        text = list(BODY * 3)
        for _ in range(rnd.randint(1, 30)):
            text.insert(rnd.randrange(len(text) + 1), rnd.choice(QUOTES))
        c.file("unbalanced_quotes", "".join(text), "process")
        if i % 20 == 0:
            good()
    c.file("quotes_alternating", "\u201c\u201d" * 1000 + " he said.", "either")
    c.file("quote_nested", "\u201c" * 500 + "It is so" + "\u201d" * 500 + ", he said.", "either")
    # -- scripts
    for i in range(100):
        words = BODY.split(" ")
        for _ in range(rnd.randint(1, 6)):
            words.insert(rnd.randrange(len(words) + 1), rnd.choice(RTL + MIXED))
        c.file("scripts", " ".join(words), "process")
    c.file("all_arabic", "\u0642\u0627\u0644 \u0627\u0644\u0648\u0632\u064a\u0631 \u0625\u0646 \u0627\u0644\u062c\u0633\u0631 \u0645\u063a\u0644\u0642. " * 30, "process")
    c.file("zalgo", "".join(ch + "\u0300\u0301\u0302\u0303\u0304\u0305" * 5 for ch in BODY), "process")
    c.file("emoji_only", "\U0001f600" * 5000, "process")
    c.file("private_use", "\ue000\uf8ff\U000f0000 said that. " * 20, "process")
    good()
    # -- dates in text
    for phrase in TEXT_DATES:
        for pub in ("2024-10-28", "1000-01-01", "9000-12-31"):
            c.file("text_dates", f" date {pub} Headline\n\nThe minister said {phrase} that the talks would resume {phrase}.\n", "process")
    for d in BAD_DATES:
        c.file("seed_line_bad_date", f" date {d} Headline\n\nThe minister said that talks would resume next year.\n", "either")
    # -- long sentences and tokens (bounded)
    c.file("sentence_5000_words", "The minister said that " + " ".join(["troops and tanks"] * 1700) + ".", "process")
    c.file("no_spaces_200k", "a" * 200_000, "process")
    c.file("long_url", "He said it at https://example.com/" + "x/" * 20_000 + " today.", "process")
    c.file("many_lines", "He said yes.\n" * 5_000, "either")
    c.file("many_paragraph_quotes", ("\u201cWe will win this war, and soon,\u201d he said.\n\n") * 2_000, "process")
    # -- HTML
    deep = "<div>" * 10_000 + "<p>" + BODY * 5 + "</p>" + "</div>" * 10_000
    c.file("html_deep_10000", "<html><body>" + deep + "</body></html>", "either", suffix=".html")
    c.file("html_deep_unclosed", "<html><body>" + "<span><b>" * 10_000 + BODY * 5, "either", suffix=".html")
    c.file("html_table_deep", "<table><tr><td>" * 3000 + BODY, "either", suffix=".html")
    for i in range(40):
        tag = rnd.choice(["div", "p", "span", "article", "section", "blockquote", "li", "a", "script", "style", "!--", "![CDATA["])
        depth = rnd.choice([10, 100, 500, 2000])
        c.file("html_variant", f"<html><body><article><{tag}>" * depth + f"<p>{BODY * 6}</p>" + "</article></body></html>", "either", suffix=".html")
    laughs = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">' for i in range(1, 10)) + "]><html><body><p>&lol9;</p><p>" + BODY * 6 + "</p></body></html>"
    c.file("html_billion_laughs", laughs, "either", suffix=".html")
    c.file("html_entities", "<html><body><article><p>" + "&amp;&#x202e;&#0;&#xd800;&#99999999;" * 2000 + BODY * 6 + "</p></article></body></html>", "either", suffix=".html")
    c.file("html_no_text", "<html><head><title>t</title></head><body><script>var a=1;</script></body></html>", "reject", suffix=".html")
    c.file("html_binary", bytes(range(256)) * 10, "reject", suffix=".html")
    c.file("html_meta_date", '<html><head><meta property="article:published_time" content="9999-99-99"></head><body><article><p>' + BODY * 6 + "</p></article></body></html>", "either", suffix=".html")
    good()
    # -- JSONL: one file per group, good records among the bad
    lines: list[tuple[str, str, str | None, bool]] = []
    wrong = [None, 1, 1.5, True, [], {}, ["x"], {"a": 1}, "", float("nan")]
    for key in ("id", "text", "published", "title", "url", "outlet", "language"):
        for v in wrong:
            r = {"id": "w", "text": BODY}
            r[key] = v
            if key == "id":
                expect = "process" if v == 1 and v is not True else "reject"
            elif key == "text":
                expect = "reject"
            else:
                expect = "process" if v is None or v == "" else "reject"
            lines.append((json.dumps(r), expect, None, False))
    for i, g in enumerate(GOOD_TEXTS):
        lines.insert(7 * i + 3, (record(id=f"good{i}", text=g, published="2024-10-28"), "process", f"good{i}", True))
    c.jsonl("jsonl_wrong_types", lines)
    lines = []
    lines.append((record(text=BODY), "reject", None, False))
    lines.append((record(id="only-id"), "reject", "only-id", False))
    lines.append((record(), "reject", None, False))
    lines.append((record(id="extra", text=BODY, extra={"deep": [1, 2, {"x": None}]}, more=[1] * 100), "process", "extra", False))
    lines.append((record(id="big-text", text="word " * 2_100_000), "reject", "big-text", False))
    lines.append((record(id="big-title", text=BODY, title="t" * 10_000_000), "reject", "big-title", False))
    lines.append((record(id="x" * 10_000_000, text=BODY), "reject", None, False))
    lines.append((record(id="good-a", text=GOOD_TEXTS[0]), "process", "good-a", True))
    lines.append(("[" * 100_000 + "]" * 100_000, "reject", None, False))
    lines.append(('{"id": "d", "text": ' + "[" * 5000 + "]" * 5000 + "}", "reject", None, False))
    lines.append(('{"id": ' + "9" * 10_000 + ', "text": "x"}', "reject", None, False))
    lines.append(('{"id": "nan", "text": NaN}', "reject", "nan", False))
    lines.append(('{"id": "surrogate", "text": "He said \\ud800 so."}', "reject", "surrogate", False))
    lines.append(('{"id": "\\udfff", "text": "He said so."}', "reject", None, False))
    lines.append(('{"id": "nul", "text": "He said\\u0000 that the bridge was open."}', "process", "nul", False))
    lines.append(('{"id": "dup", "id": "dup2", "text": "Duplicate keys."}', "process", "dup2", False))
    lines.append(("not json at all", "reject", None, False))
    lines.append(('{"id": "trunc", "text": "He sa', "reject", None, False))
    lines.append(("\ufeff" + record(id="bom-line", text=BODY), "reject", None, False))
    lines.append(('"just a string"', "reject", None, False))
    lines.append(("12345", "reject", None, False))
    lines.append(("null", "reject", None, False))
    lines.append((record(id="good-b", text=GOOD_TEXTS[2]), "process", "good-b", True))
    lines.append((record(id="sep", text=BODY + "\u2028\u2029\x85" + BODY), "process", "sep", False))
    lines.append((record(id="ctrl", text="\x1b[31m" + BODY + "\x1b[0m"), "process", "ctrl", False))
    lines.append((record(id="rtl", text="\u202e" + BODY[::-1]), "process", "rtl", False))
    lines.append((record(id="thousand-quotes", text='"' * 1000), "either", "thousand-quotes", False))
    for d in BAD_DATES:
        lines.append((record(id=f"date {d}", text=BODY, published=d), "process" if d == "" else "reject", f"date {d}", False))
    for d in ("1000-01-01", "9000-12-31", "2999-01-01", "2024-10-28T23:59:59+14:00", "2024", "2024-10"):
        lines.append((record(id=f"ok date {d}", text=f"The minister said on Monday that talks would resume next year. {TEXT_DATES[0]}", published=d), "process", f"ok date {d}", False))
    c.jsonl("jsonl_records", lines)
    # generated JSONL variants: random records of random shapes
    lines = []
    for i in range(300):
        r: dict[str, object] = {}
        if rnd.random() < 0.9:
            r["id"] = rnd.choice([f"r{i}", i, None, [i], True])
        if rnd.random() < 0.9:
            r["text"] = rnd.choice([BODY, BODY * rnd.randint(2, 20), "", " ", 7, None, ["x"], "".join(rnd.choice(QUOTES + RTL + MIXED + [" ", "said", "."]) for _ in range(200))])
        for key in ("published", "title", "url", "outlet", "language", "junk"):
            if rnd.random() < 0.3:
                r[key] = rnd.choice(["2024-10-28", rnd.choice(BAD_DATES), "x" * rnd.randint(0, 50), 3, None, {"a": 1}])
        lines.append((json.dumps(r), "either", None, False))
        if i % 30 == 0:
            lines.append((record(id=f"good-v{i}", text=GOOD_TEXTS[i % len(GOOD_TEXTS)]), "process", f"good-v{i}", True))
    c.jsonl("jsonl_random", lines)
    # -- stacked mutations of the good texts
    for i in range(150):
        text = list(rnd.choice(GOOD_TEXTS) * rnd.randint(1, 3))
        for _ in range(rnd.randint(1, 12)):
            text.insert(rnd.randrange(len(text) + 1), rnd.choice(QUOTES + CONTROLS[9:14] + RTL + MIXED + ["\n", "\n\n", " said ", "according to", ":", "\u2014"]))
        c.file("mutated_good", "".join(text), "either")
    return c
