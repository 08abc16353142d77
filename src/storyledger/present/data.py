"""What each page shows, as plain dicts: the web app's JSON API returns exactly these, the HTML
templates and the one-file report render them. All reading goes through a `Ledger`; the few
queries the ledger has no call for (a page of propositions, one source by id, one document,
places) are here, parameterised like everything else.
"""
from __future__ import annotations

import json
import math
from urllib.parse import urlencode
from collections import defaultdict

from ..ledger import CONFLICT_KINDS, Ledger, LedgerError, first_range, follow
from ..ledger.status import Position, day, net, standing, timeline

# Rows on one page of the overview and of search results: enough to scan, few enough that a
# 100k-claim ledger answers in well under 150 ms (bench/serve_latency.py).
PAGE = 100
SORTS = {
    "activity": "n_claims DESC, n_sources DESC, last_seen DESC, id",
    "recent": "last_seen DESC, n_claims DESC, id",
    "sources": "n_sources DESC, n_claims DESC, id",
}
# Claims on one page of a proposition, and claims named per timeline entry (the rest counted):
# the largest synthetic proposition (5,644 claims) would otherwise be a 3.5 MB page.
CLAIMS_PAGE = 200
SHOWN_PER_CHANGE = 12
CHANGES_PAGE = 50  # changes shown on a story's page (the rest on /changes?story=ID)
RELATIONS_SHOWN = 100
LABEL = 330  # width of the number chart's label column, in SVG units of a 1000-wide chart
STANCES = ("asserted", "confirmed", "denied", "unconfirmed", "possible", "predicted")


class NotFound(LedgerError):
    """A page for something the ledger does not hold."""


def stats(ledger: Ledger) -> dict:
    return ledger.stats()


def overview(ledger: Ledger, sort: str = "activity", limit: int = PAGE, offset: int = 0, story: str | None = None) -> dict:
    """A page of propositions ranked by activity (of one story: `story`), each with its standing and conflicts."""
    order = SORTS.get(sort, SORTS["activity"])
    where, args = (" WHERE story = ?", [story]) if story else ("", [])
    rows = [dict(r) for r in ledger.db.execute(f"SELECT * FROM propositions{where} ORDER BY {order} LIMIT ? OFFSET ?",
                                               args + [limit, offset])]
    ids = [r["id"] for r in rows]
    marks = ",".join("?" * len(ids))
    conflicts: dict[str, dict[str, int]] = defaultdict(dict)
    if ids:
        for pid, kind, n in ledger.db.execute(
                f"SELECT proposition, kind, count(*) FROM relations WHERE proposition IN ({marks}) GROUP BY proposition, kind", ids):
            conflicts[pid][kind] = n
    fill_standing(ledger, [r for r in rows if r.get("n_for") is None])
    out = []
    for r in rows:
        out.append({
            "id": r["id"], "label": r["label"], "status": r["status"], "claims": r["n_claims"], "sources": r["n_sources"],
            "sources_for": r["n_for"], "sources_against": r["n_against"],
            "disputed_numbers": conflicts[r["id"]].get("disputes_number", 0),
            "conflicts": sum(conflicts[r["id"]].get(k, 0) for k in CONFLICT_KINDS),
            "low": r["low"], "high": r["high"], "unit": r["unit"], "first_seen": r["first_seen"], "last_seen": r["last_seen"],
            "last_changed": r["changed_on"] or r["last_seen"],
        })
    total = ledger.db.execute(f"SELECT count(*) FROM propositions{where}", args).fetchone()[0]
    return {"stats": ledger.stats(), "sort": sort if sort in SORTS else "activity", "offset": offset, "limit": limit,
            "total": total, "propositions": out}


def stories(ledger: Ledger, limit: int = PAGE, offset: int = 0) -> dict:
    """A page of stories, the most recently active first: the front door."""
    got = follow.stories(ledger.db, limit + 1, offset)
    total = ledger.db.execute("SELECT count(*) FROM stories").fetchone()[0] if follow.has_tables(ledger.db) else 0
    return {"stats": ledger.stats(), "stories": got[:limit], "offset": offset, "limit": limit, "total": total,
            "more": len(got) > limit}


def story_of(ledger: Ledger, story: str) -> str:
    try:
        return ledger.story_id(story)
    except LedgerError as e:
        raise NotFound(str(e)) from e


def story(ledger: Ledger, sid: str, limit: int = PAGE, offset: int = 0) -> dict:
    """One story: its summary, its propositions (a page, most active first), its conflicting
    relations with the claims' words, and what changed, newest first."""
    sid = story_of(ledger, sid)
    with ledger.snapshot():
        out = {"story": follow.story_row(ledger.db, sid)}
        out["overview"] = overview(ledger, "activity", limit, offset, sid)
        relations = [r for r in ledger.db.execute(
            f"SELECT kind, a, b, proposition, note FROM relations WHERE kind IN ({','.join('?' * len(CONFLICT_KINDS))}) "
            "AND proposition IN (SELECT id FROM propositions WHERE story = ?) ORDER BY proposition, kind, a, b LIMIT ?",
            (*CONFLICT_KINDS, sid, RELATIONS_SHOWN))]
        said = follow.claims_said(ledger.db, [c for r in relations for c in (r["a"], r["b"])])
        out["contradictions"] = [{"kind": r["kind"], "claims": [said.get(r["a"]), said.get(r["b"])], "proposition": r["proposition"],
                                  "note": r["note"]} for r in relations]
        out["changes"] = follow.changes(ledger.db, story=sid, limit=CHANGES_PAGE, claims_per_change=SHOWN_PER_CHANGE)
        out["changes_total"] = follow.count_changes(ledger.db, sid)
    return out


def changes(ledger: Ledger, story: str | None = None, limit: int = PAGE, offset: int = 0) -> dict:
    """A page of what changed, newest first (in one story: `story`)."""
    sid = story_of(ledger, story) if story else None
    with ledger.snapshot():
        got = follow.changes(ledger.db, story=sid, limit=limit + 1, offset=offset, claims_per_change=SHOWN_PER_CHANGE)
        row = follow.story_row(ledger.db, sid) if sid else None
    following = urlencode({**({"story": sid} if sid else {}), "offset": offset + limit})
    return {"story": row, "changes": got[:limit], "offset": offset, "limit": limit, "more": len(got) > limit, "next": following}


def fill_standing(ledger: Ledger, rows: list[dict]) -> None:
    """Sources for and against and the last change, from the claims, for propositions of a ledger
    linked before link stored them (its propositions table has them NULL or lacks the columns)."""
    ids = [r["id"] for r in rows]
    marks = ",".join("?" * len(ids))
    positions: dict[str, list[Position]] = defaultdict(list)
    if ids:
        q = ("SELECT c.id, c.proposition, c.source, s.kind, json_extract(c.record, '$.stance') AS stance, "
             "json_extract(c.record, '$.polarity') AS polarity, json_extract(c.record, '$.said_on') AS said_on, "
             "d.published, c.independent_of FROM claims c JOIN documents d ON d.id = c.document "
             f"LEFT JOIN sources s ON s.id = c.source WHERE c.proposition IN ({marks})")
        for r in ledger.db.execute(q, ids):
            said = json.loads(r["said_on"]) if r["said_on"] and r["said_on"].startswith("[") else r["said_on"]
            positions[r["proposition"]].append(Position(r["id"], r["source"] or 0, r["kind"] or "person", r["stance"] or "asserted",
                                                        r["polarity"] or "positive", day(said, r["published"]),
                                                        r["independent_of"] is not None))
    for r in rows:
        ps = positions[r["id"]]
        st = standing(ps)
        changes = timeline(ps)
        r["n_for"], r["n_against"] = len(st.sources_for), len(st.sources_against)
        r["changed_on"] = changes[-1].date if changes else None


def proposition(ledger: Ledger, pid: str, limit: int | None = CLAIMS_PAGE, offset: int = 0) -> dict:
    """One proposition: the ledger's record plus a page of its claims grouped by source with copies
    folded under their originals, the numbers as ranges, and reviews."""
    try:
        p = ledger.proposition(pid, limit, offset)
    except LedgerError as e:
        raise NotFound(str(e)) from e
    p["offset"], p["limit"] = offset, limit
    row = follow.story_row(ledger.db, p["story"]) if p.get("story") and follow.has_tables(ledger.db) else None
    p["story_label"] = row["label"] if row else None
    conflicting = [r for r in p["relations"] if r["kind"] in CONFLICT_KINDS]
    p["relations_total"] = len(p["relations"])
    p["relations"] = (conflicting + [r for r in p["relations"] if r["kind"] not in CONFLICT_KINDS])[:RELATIONS_SHOWN]
    for t in p["timeline"]:
        t["n"] = len(t["claims"])
        t["more"] = max(0, t["n"] - SHOWN_PER_CHANGE)
        t["claims"] = t["claims"][:SHOWN_PER_CHANGE]
    reviews = {r["claim"]: r for r in ledger.reviews()}
    claims = p["claims"]
    by_id = {c["id"]: c for c in claims}
    copies: dict[str, list[dict]] = defaultdict(list)
    originals = []
    for c in claims:
        c["date"] = day(c.get("said_on"), c.get("published"))
        c["net"] = net(c["stance"], c["polarity"])
        c["review"] = reviews.get(c["id"])
        if c["independent_of"] and c["independent_of"] in by_id:
            copies[c["independent_of"]].append(c)
        else:
            originals.append(c)
    groups: dict[str, dict] = {}
    for c in sorted(originals, key=lambda c: (c["date"] or "", c["id"])):
        name = c.get("speaker") or c["source"]["name"]
        g = groups.setdefault(name, {"source": name, "source_id": None, "kind": c["source"]["kind"], "claims": []})
        g["claims"].append({**c, "copies": copies.get(c["id"], [])})
    shown = [c["id"] for c in claims]
    ids = dict(ledger.db.execute(f"SELECT id, source FROM claims WHERE id IN ({','.join('?' * len(shown))})", shown).fetchall())
    for g in groups.values():
        g["source_id"] = ids.get(g["claims"][0]["id"])
    p["groups"] = sorted(groups.values(), key=lambda g: (-len(g["claims"]), g["source"]))
    p["numbers"] = numbers(claims)
    documents = {c["document"] for c in claims}
    titles = dict(ledger.db.execute(f"SELECT id, title FROM documents WHERE id IN ({','.join('?' * len(documents))})",
                                    sorted(documents)).fetchall()) if documents else {}
    p["documents"] = titles
    return p


def numbers(claims: list[dict]) -> dict | None:
    """The claims' quantities as ranges on one axis (a log axis when they span over 100 times)."""
    bars = []
    for c in claims:
        low, high = first_range(c)
        if low is None or high is None:
            continue
        q = next(q for q in c["quantities"] if q.get("unit"))
        bars.append({"claim": c["id"], "source": c.get("speaker") or c["source"]["name"], "text": q.get("text") or "",
                     "low": low, "high": high, "unit": q.get("unit"), "is_copy": bool(c.get("independent_of"))})
    if not bars:
        return None
    lo, hi = min(b["low"] for b in bars), max(b["high"] for b in bars)
    log = lo > 0 and hi / lo > 100
    f = (lambda x: math.log10(x)) if log else (lambda x: x)  # noqa: E731
    a, b = f(lo), f(hi)
    pad = (b - a) * 0.05 or (abs(a) * 0.1 or 1)
    a, b = a - pad, b + pad
    for i, bar in enumerate(bars):  # SVG units: labels in 0..LABEL, bars in LABEL..1000
        bar["x0"] = round(LABEL + (990 - LABEL) * (f(bar["low"]) - a) / (b - a), 1)
        bar["x1"] = round(max(LABEL + (990 - LABEL) * (f(bar["high"]) - a) / (b - a), bar["x0"] + 4), 1)
        bar["y"] = 8 + 26 * i
    return {"low": lo, "high": hi, "log": log, "bars": bars, "height": 26 * len(bars) + 30,
            "ticks": [{"x": LABEL, "text": lo}, {"x": 990, "text": hi}]}


def source(ledger: Ledger, sid: int) -> dict:
    """One source by id: its names, roles with dates, and stance record proposition by proposition."""
    row = ledger.db.execute("SELECT id, name, kind FROM sources WHERE id = ?", (sid,)).fetchone()
    if row is None:
        raise NotFound(f"there is no source {sid} in {ledger.path}.")
    s = dict(row)
    s["aliases"] = [r[0] for r in ledger.db.execute("SELECT name FROM source_names WHERE source = ? ORDER BY n DESC, name", (sid,))]
    s["roles"] = [{"role": r[0], "first_seen": r[1], "last_seen": r[2], "n": r[3]} for r in ledger.db.execute(
        "SELECT role, first_seen, last_seen, n FROM source_roles WHERE source = ? ORDER BY first_seen, role", (sid,))]
    claims = sorted(ledger.claims(source=sid), key=lambda c: (day(c.get("said_on"), c.get("published")) or "", c["id"]))
    pids = sorted({c["proposition"] for c in claims if c["proposition"]})
    labels = dict(ledger.db.execute(f"SELECT id, label FROM propositions WHERE id IN ({','.join('?' * len(pids))})", pids).fetchall()) if pids else {}
    record: dict[str, dict] = {}
    for c in claims:
        n = net(c["stance"], c["polarity"])
        r = record.setdefault(c["proposition"] or "", {"proposition": c["proposition"], "label": labels.get(c["proposition"]),
                                                       "positions": []})
        prev = r["positions"][-1]["net"] if r["positions"] else None
        r["positions"].append({"claim": c["id"], "date": day(c.get("said_on"), c.get("published")), "stance": c["stance"],
                               "polarity": c["polarity"], "net": n, "changed": prev is not None and prev != n,
                               "content": c["content"], "document": c["document"]})
    s["record"] = list(record.values())
    s["track_record"] = follow.track(ledger.db, sid)
    s["track"] = follow.track_totals(ledger.db, sid).get(sid, dict.fromkeys(follow.TRACK_COLUMNS, 0))
    s["claims"] = len(claims)
    s["tally"] = {k: sum(c["stance"] == k for c in claims) for k in STANCES}
    return s


def sources(ledger: Ledger, limit: int = 500) -> list[dict]:
    """The most cited sources, each with its track record in numbers (follow.track_totals)."""
    # claims counted on the index claims_source, then joined (a join first counted row by row: 0.5 s at 100k claims)
    q = ("SELECT s.id, s.name, s.kind, coalesce(n.claims, 0) AS claims FROM sources s LEFT JOIN "
         "(SELECT source, count(*) AS claims FROM claims GROUP BY source) n ON n.source = s.id ORDER BY claims DESC, s.name LIMIT ?")
    rows = [dict(r) for r in ledger.db.execute(q, (limit,))]
    empty = dict.fromkeys(follow.TRACK_COLUMNS, 0)
    if follow.has_tables(ledger.db) and rows:
        ids = [r["id"] for r in rows]
        totals = {r[0]: dict(zip(follow.TRACK_COLUMNS, r[1:])) for r in ledger.db.execute(
            "SELECT source, sum(outcome = 'confirmed'), sum(outcome = 'denied'), sum(outcome = 'disputed'), sum(outcome = 'open'), "
            f"sum(first AND outcome = 'confirmed'), sum(reversals) FROM track WHERE source IN ({','.join('?' * len(ids))}) GROUP BY source",
            ids)}
    else:
        totals = {}
    for r in rows:
        r["track"] = totals.get(r["id"], empty)
    return rows


def article(ledger: Ledger, doc_id: str) -> dict:
    """One document's text cut into plain and claim segments, with each claim's details."""
    row = ledger.db.execute("SELECT id, title, url, outlet, published, language, text FROM documents WHERE id = ?", (doc_id,)).fetchone()
    if row is None:
        raise NotFound(f"there is no document {doc_id!r} in {ledger.path}.")
    d = dict(row)
    claims = list(ledger.claims(document=doc_id))
    srcs = dict(ledger.db.execute("SELECT id, source FROM claims WHERE document = ?", (doc_id,)).fetchall())
    for i, c in enumerate(claims):
        c["n"] = i
        c["source_id"] = srcs.get(c["id"])
    d["claims"] = claims
    d["segments"] = segments(d["text"], claims)
    return d


def segments(text: str, claims: list[dict]) -> list[dict]:
    """The text as [{text, claim}] pieces; overlapping claim spans are cut where the earlier ends."""
    out, at = [], 0
    for c in sorted(claims, key=lambda c: (c["span"][0], c["span"][1])):
        start, end = max(c["span"][0], at), min(c["span"][1], len(text))
        if end <= start:
            continue
        if start > at:
            out.append({"text": text[at:start], "claim": None})
        out.append({"text": text[start:end], "claim": c["n"], "stance": c["stance"]})
        at = end
    if at < len(text):
        out.append({"text": text[at:], "claim": None})
    return out


def search(ledger: Ledger, q: str = "", since: str | None = None, until: str | None = None, source: str | None = None,
           stance: str | None = None, outlet: str | None = None, limit: int = PAGE, offset: int = 0) -> dict:
    """Claims matching words (full-text) and filters; with no words and no filter, nothing."""
    filters = {"q": q, "since": since, "until": until, "source": source, "stance": stance, "outlet": outlet}
    if not any(filters.values()):
        return {"filters": filters, "claims": [], "offset": offset, "limit": limit, "more": False, "next": ""}
    got = list(ledger.claims(search=q or None, speaker=source or None, stance=stance or None, outlet=outlet or None,
                             since=since or None, until=until or None, limit=limit + 1, offset=offset))
    for c in got:
        c["date"] = day(c.get("said_on"), c.get("published"))
    following = urlencode({**{k: v for k, v in filters.items() if v}, "offset": offset + limit})
    return {"filters": filters, "claims": got[:limit], "offset": offset, "limit": limit, "more": len(got) > limit,
            "next": following}


def outlets(ledger: Ledger) -> list[str]:
    return [r[0] for r in ledger.db.execute("SELECT DISTINCT outlet FROM documents WHERE outlet IS NOT NULL ORDER BY outlet")]


def places(ledger: Ledger, proposition: str | None = None) -> list[dict]:
    """Every place claims name, with its coordinates and how many claims name it."""
    q = ("SELECT json_extract(p.value, '$.name') AS name, json_extract(p.value, '$.lat') AS lat, "
         "json_extract(p.value, '$.lon') AS lon, json_extract(p.value, '$.kind') AS kind, count(*) AS claims, "
         "min(c.id) AS example FROM claims c, json_each(c.record, '$.places') p")
    args: list = []
    if proposition:
        q += " WHERE c.proposition = ?"
        args.append(proposition)
    q += " GROUP BY name, lat, lon HAVING lat IS NOT NULL AND lon IS NOT NULL ORDER BY claims DESC, name LIMIT 2000"
    return [dict(r) for r in ledger.db.execute(q, args)]
