"""What changed as an Atom feed (RFC 4287), so a user can follow a story in any feed reader:
`/changes.atom`, `/story/ID/changes.atom` and `storyledger changes --format atom`.

One entry per change: its id a URN of the change's stable key (the same change keeps its entry
however often the ledger is relinked), `updated` when the ledger learned it, `published` the
story's date, a link to the proposition's page, and a text summary of the claims that made it.
The XML is written by ElementTree, so article text is escaped; characters XML cannot hold at all
(C0 controls, lone surrogates) are dropped.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import datetime, timezone
from urllib.parse import quote

from .. import __version__

ATOM = "http://www.w3.org/2005/Atom"
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
DEFAULT_BASE = "http://127.0.0.1:8000/"


def clean(text: object) -> str:
    return NOT_XML.sub("", "" if text is None else str(text))


def title_of(change: dict) -> str:
    label = change.get("label") or change.get("proposition") or "a proposition"
    if change["kind"] == "new":
        return f"New, {change['new']}: {label}"
    if change["kind"] in ("status", "reversal") and change.get("old") != change.get("new"):
        what = "Status" if change["kind"] == "status" else "Reversal"
        return f"{what}, {change.get('old') or 'none'} to {change['new']}: {label}"
    return f"{change['kind'].capitalize()}: {label}"


def summary_of(change: dict) -> str:
    lines = [change.get("note") or ""]
    for c in change.get("claims", []):
        lines.append(f"{c.get('source') or '?'} ({c.get('stance')}): {c.get('content')}")
    more = change.get("n_claims", 0) - len(change.get("claims", []))
    if more > 0:
        lines.append(f"... and {more} more claim(s)")
    return "\n".join(lines)


def atom(changes: list[dict], title: str, self_url: str, page_url: str, base_url: str = DEFAULT_BASE) -> str:
    """The changes (newest first) as one Atom document."""
    ET.register_namespace("", ATOM)
    q = lambda name: f"{{{ATOM}}}{name}"  # noqa: E731
    feed = ET.Element(q("feed"))
    ET.SubElement(feed, q("id")).text = clean(self_url)
    ET.SubElement(feed, q("title")).text = clean(title)
    stamps = [c["learned_at"] for c in changes if c.get("learned_at")]
    ET.SubElement(feed, q("updated")).text = max(stamps) if stamps else now()
    ET.SubElement(feed, q("link"), rel="self", type="application/atom+xml", href=clean(self_url))
    ET.SubElement(feed, q("link"), rel="alternate", type="text/html", href=clean(page_url))
    ET.SubElement(ET.SubElement(feed, q("author")), q("name")).text = "storyledger"
    ET.SubElement(feed, q("generator"), version=__version__).text = "storyledger"
    base = base_url if base_url.endswith("/") else base_url + "/"
    for c in changes:
        entry = ET.SubElement(feed, q("entry"))
        ET.SubElement(entry, q("id")).text = f"urn:storyledger:change:{c['id']}"
        ET.SubElement(entry, q("title")).text = clean(title_of(c))
        ET.SubElement(entry, q("updated")).text = c["learned_at"]
        if c.get("date"):
            ET.SubElement(entry, q("published")).text = f"{c['date'][:10]}T00:00:00Z"
        href = base + ("proposition/" + quote(c["proposition"], safe="") if c.get("proposition") else "changes")
        ET.SubElement(entry, q("link"), rel="alternate", type="text/html", href=clean(href))
        ET.SubElement(entry, q("category"), term=c["kind"])
        ET.SubElement(entry, q("summary"), type="text").text = clean(summary_of(c))
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"


def now() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()
