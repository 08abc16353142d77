"""`storyledger report --html FILE`: the story so far as one self-contained HTML file.

The overview table and, for each proposition, its status timeline (drawn as inline SVG on the
server, so the file needs no script to show it) and its claims grouped by source. CSS and the
one small script (a filter box) are inline; a Content-Security-Policy meta tag allows exactly
that script by its hash, so nothing in the file can load or run anything else.
"""
from __future__ import annotations

import base64
import hashlib
from datetime import date
from pathlib import Path

from ..ledger import Ledger
from . import data
from .app import HERE, environment

FILTER_SCRIPT = """
(function () {
  var box = document.getElementById("filter");
  if (!box) return;
  box.addEventListener("input", function () {
    var q = box.value.toLowerCase();
    document.querySelectorAll("#propositions tbody tr").forEach(function (tr) {
      tr.hidden = q && tr.textContent.toLowerCase().indexOf(q) < 0;
    });
  });
})();
"""


def report(ledger: Ledger, path: str | Path, limit: int | None = None, story: str | None = None) -> int:
    """Write the report (of one story: `story`, a story id); returns how many propositions it holds."""
    total = ledger.stats()["propositions"]
    overview = data.overview(ledger, "activity", limit or total or 1, 0, story)
    props = [data.proposition(ledger, p["id"]) for p in overview["propositions"]]
    for p in props:
        p["bands"] = bands(p["timeline"])
    digest = base64.b64encode(hashlib.sha256(FILTER_SCRIPT.encode()).digest()).decode()
    html = environment().get_template("report.html").render(
        data=overview, propositions=props, story=ledger.story(story) if story else None, css=(HERE / "static" / "style.css").read_text(encoding="utf-8"),
        script=FILTER_SCRIPT, script_hash=digest, db=Path(ledger.path).name, today=date.today().isoformat())
    Path(path).write_text(html, encoding="utf-8")
    return len(props)


def bands(changes: list[dict]) -> list[dict]:
    """A timeline as bands along one axis: each status from its date to the next change."""
    dated = [t for t in changes if t["date"]]
    if not dated:
        return []
    ordinal = [date.fromisoformat(t["date"][:10]).toordinal() for t in dated]
    first, last = ordinal[0], max(ordinal[-1], ordinal[0] + 1)
    span = (last - first) * 1.08 or 1
    out = []
    for i, t in enumerate(dated):
        x0 = 100 * (ordinal[i] - first) / span
        x1 = 100 * ((ordinal[i + 1] if i + 1 < len(dated) else last + (last - first) * 0.08) - first) / span
        out.append({"x": round(x0, 2), "w": round(max(x1 - x0, 0.8), 2), "status": t["status"], "date": t["date"]})
    return out
