"""`storyledger export`: the ledger as files for other tools.

Table formats (`jsonl`, `csv`, `parquet`) write one file per table into a directory:
`documents`, `claims`, `sources`, `propositions`, `relations` and `reviews`, e.g. `claims.csv`.
JSONL claims are the full claim records (formats.md); CSV and Parquet claims are flat, with the
lists (quantities, places, entities, via) as JSON text. Relations are the records of formats.md,
`{kind, claims: [claim_id, claim_id], proposition, note}`, as `storyledger contradictions` writes
them: a JSON list in JSONL, JSON text in the `claims` column of CSV and Parquet; `read_relations`
reads any of them back. `schema-org` writes one JSON-LD document:
a schema.org `Claim` per claim (author = the source, appearance = the article, datePublished =
said_on) and a `ClaimReview` for each claim a person reviewed (`storyledger review`).

Exporters register themselves in `EXPORTERS`, so a new format is one decorated function.
"""
from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from ..ledger import Ledger, LedgerError

Tables = dict[str, list[dict]]
Exporter = Callable[[Ledger, Tables, str], list[str]]
EXPORTERS: dict[str, Exporter] = {}
DEFAULT_DIRECTORY = "storyledger-export"

CLAIM_COLUMNS = ("id", "document", "proposition", "source_id", "speaker", "source_name", "source_kind", "role", "cue",
                 "mode", "stance", "polarity", "hedge", "evaluation", "said_on", "event_time", "content", "start", "end",
                 "independent_of", "published", "via", "quantities", "places", "entities")
COLUMNS = {
    "documents": ("id", "title", "url", "outlet", "published", "language", "n_claims", "text"),
    "claims": CLAIM_COLUMNS,
    "sources": ("id", "name", "kind", "claims", "aliases", "roles"),
    "propositions": ("id", "label", "status", "claims", "sources", "first_seen", "last_seen", "low", "high", "unit", "conflicts"),
    "relations": ("kind", "claims", "proposition", "note"),
    "reviews": ("claim", "rating", "reviewer", "note", "reviewed_at"),
}


def exporter(name: str) -> Callable[[Exporter], Exporter]:
    def register(f: Exporter) -> Exporter:
        EXPORTERS[name] = f
        return f
    return register


def export(ledger: Ledger, fmt: str, output: str | None = None, proposition: str | None = None,
           story: str | None = None) -> list[str]:
    """Write the ledger (or one proposition's or one story's part of it) in `fmt`; returns the paths written."""
    if fmt not in EXPORTERS:
        raise LedgerError(f"there is no export format {fmt!r} (choose from {', '.join(EXPORTERS)}).")
    return EXPORTERS[fmt](ledger, tables(ledger, proposition, story), output or (DEFAULT_DIRECTORY if fmt != "schema-org" else "-"))


def tables(ledger: Ledger, proposition: str | None = None, story: str | None = None) -> Tables:
    """Every table as lists of dicts; the claims keep their full records under `_record`.
    `story` (a story id, `Ledger.story_id`) keeps that story's part, as `proposition` keeps one proposition's."""
    if proposition and ledger.db.execute("SELECT 1 FROM propositions WHERE id = ?", (proposition,)).fetchone() is None:
        raise LedgerError(f"there is no proposition {proposition!r} in {ledger.path}.")
    part = bool(proposition or story)
    source_ids = dict(ledger.db.execute("SELECT id, source FROM claims").fetchall())
    claims = [flat_claim(c, source_ids.get(c["id"])) for c in ledger.claims(proposition=proposition, story=story)]
    docs = {c["document"] for c in claims}
    documents = [dict(r) for r in ledger.db.execute(
        "SELECT id, title, url, outlet, published, language, n_claims, text FROM documents ORDER BY id") if not part or r["id"] in docs]
    used = {c["source_id"] for c in claims}
    sources = [{"id": s["id"], "name": s["name"], "kind": s["kind"], "claims": s["claims"],
                "aliases": list(s["aliases"]), "roles": list(s["roles"])}  # lists: JSON text only in CSV and Parquet (`rows`)
               for s in ledger.sources() if not part or s["id"] in used]
    props = [p for p in ledger.propositions(story=story) if not proposition or p["id"] == proposition]
    ids = {c["id"] for c in claims}
    relations = [r for r in ledger.relations(proposition=proposition, story=story) if not part or set(r["claims"]) <= ids]
    reviews = [r for r in ledger.reviews() if r["claim"] in ids]
    return {"documents": documents, "claims": claims, "sources": sources, "propositions": props,
            "relations": relations, "reviews": reviews}


def flat_claim(c: dict, source_id: int | None) -> dict:
    s = c["source"]
    return {"id": c["id"], "document": c["document"], "proposition": c["proposition"], "source_id": source_id,
            "speaker": c.get("speaker") or s["name"], "source_name": s["name"], "source_kind": s["kind"], "role": s.get("role"),
            "cue": c["cue"], "mode": c["mode"], "stance": c["stance"], "polarity": c["polarity"], "hedge": c.get("hedge"),
            "evaluation": bool(c.get("evaluation")), "said_on": when(c.get("said_on")), "event_time": when(c.get("event_time")),
            "content": c["content"], "start": c["span"][0], "end": c["span"][1], "independent_of": c.get("independent_of"),
            "published": c.get("published"), "via": json.dumps(c.get("via") or [], ensure_ascii=False),
            "quantities": json.dumps(c.get("quantities") or [], ensure_ascii=False),
            "places": json.dumps(c.get("places") or [], ensure_ascii=False),
            "entities": json.dumps(c.get("entities") or [], ensure_ascii=False), "_record": c}


def when(value: Any) -> str | None:
    """A date, or an interval as ISO 8601 `start/end`."""
    if isinstance(value, list):
        return "/".join(value) if value else None
    return value


def directory(output: str) -> Path:
    if output == "-":
        raise LedgerError("this format writes one file per table: give -o a directory.")
    d = Path(output)
    if d.exists() and not d.is_dir():
        raise LedgerError(f"{output} is a file; this format writes one file per table into a directory.")
    d.mkdir(parents=True, exist_ok=True)
    return d


def rows(t: Tables, name: str, flat: bool = False) -> Iterable[dict]:
    """The table's columns; `flat` (CSV, Parquet) writes a list as JSON text."""
    def cell(value: Any) -> Any:
        return json.dumps(value, ensure_ascii=False) if flat and isinstance(value, list) else value

    return ({k: cell(r.get(k)) for k in COLUMNS[name]} for r in t[name])


def read_relations(path: str | Path) -> Iterator[dict]:
    """Relations `{kind, claims, proposition, note}` from a file of `storyledger contradictions`
    (JSONL, JSON, CSV) or of the relations export (JSONL, CSV, Parquet), chosen by the suffix."""
    path = Path(path)
    if path.suffix == ".parquet":
        import pyarrow.parquet as pq

        records: Iterable[dict] = pq.read_table(path).to_pylist()
    elif path.suffix == ".csv":
        with open(path, encoding="utf-8", newline="") as f:
            records = list(csv.DictReader(f))
    elif path.suffix == ".json":
        records = json.loads(path.read_text(encoding="utf-8"))
    else:
        with open(path, encoding="utf-8") as f:
            records = [json.loads(line) for line in f if line.strip()]
    for r in records:
        claims = json.loads(r["claims"]) if isinstance(r["claims"], str) else r["claims"]
        if not (isinstance(claims, list) and len(claims) == 2 and all(isinstance(c, str) for c in claims)):
            raise LedgerError(f"{path}: a relation's claims are not a pair of claim ids: {r['claims']!r}.")
        yield {"kind": r["kind"], "claims": claims, "proposition": r.get("proposition") or None, "note": r.get("note") or None}


@exporter("jsonl")
def to_jsonl(ledger: Ledger, t: Tables, output: str) -> list[str]:
    d, out = directory(output), []
    for name in COLUMNS:
        path = d / f"{name}.jsonl"
        with open(path, "w", encoding="utf-8") as f:
            records = (r["_record"] for r in t[name]) if name == "claims" else rows(t, name)
            for r in records:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        out.append(str(path))
    return out


@exporter("csv")
def to_csv(ledger: Ledger, t: Tables, output: str) -> list[str]:
    d, out = directory(output), []
    for name, columns in COLUMNS.items():
        path = d / f"{name}.csv"
        with open(path, "w", encoding="utf-8", newline="") as f:
            w = csv.DictWriter(f, columns)
            w.writeheader()
            w.writerows(rows(t, name, flat=True))
        out.append(str(path))
    return out


PARQUET_TYPES = {"n_claims": "int64", "claims": "int64", "sources": "int64", "conflicts": "int64", "id@sources": "int64",
                 "source_id": "int64", "start": "int64", "end": "int64", "low": "float64", "high": "float64", "claims@relations": "string",
                 "evaluation": "bool_"}


@exporter("parquet")
def to_parquet(ledger: Ledger, t: Tables, output: str) -> list[str]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    d, out = directory(output), []
    for name, columns in COLUMNS.items():
        types = [PARQUET_TYPES.get(f"{c}@{name}", PARQUET_TYPES.get(c, "string")) if not (c == "id" and name != "sources") else "string"
                 for c in columns]
        schema = pa.schema([(c, getattr(pa, ty)()) for c, ty in zip(columns, types)])
        table = pa.Table.from_pylist(list(rows(t, name, flat=True)), schema=schema)
        path = d / f"{name}.parquet"
        pq.write_table(table, path)
        out.append(str(path))
    return out


KINDS = {"person": "Person", "organization": "Organization", "media": "Organization"}


@exporter("schema-org")
def to_schema_org(ledger: Ledger, t: Tables, output: str) -> list[str]:
    docs = {d["id"]: d for d in t["documents"]}
    labels = {p["id"]: p["label"] for p in t["propositions"]}
    graph: list[dict] = []
    for c in t["claims"]:
        graph.append(claim_ld(c, docs.get(c["document"]), labels.get(c["proposition"])))
    by_id = {c["id"]: c for c in t["claims"]}
    for r in t["reviews"]:
        c = by_id[r["claim"]]
        review: dict[str, Any] = {"@type": "ClaimReview", "@id": f"urn:storyledger:review:{r['claim']}",
                                  "itemReviewed": {"@id": claim_iri(c["id"])}, "claimReviewed": c["content"],
                                  "reviewRating": {"@type": "Rating", "alternateName": r["rating"]},
                                  "datePublished": r["reviewed_at"][:10]}
        if r.get("reviewer"):
            review["author"] = {"@type": "Person", "name": r["reviewer"]}
        if r.get("note"):
            review["reviewBody"] = r["note"]
        graph.append(review)
    text = json.dumps({"@context": "https://schema.org", "@graph": graph}, ensure_ascii=False, indent=2) + "\n"
    if output == "-":
        sys.stdout.write(text)
        return ["-"]
    Path(output).write_text(text, encoding="utf-8")
    return [output]


def claim_iri(cid: str) -> str:
    return f"urn:storyledger:claim:{cid}"


def claim_ld(c: dict, doc: dict | None, label: str | None) -> dict:
    record = c["_record"]
    author: dict[str, Any] = {"@type": KINDS.get(c["source_kind"], "Organization"), "name": c["speaker"]}
    if c["role"] and author["@type"] == "Person":
        author["jobTitle"] = c["role"]
    if c["source_kind"] == "unnamed":
        author["description"] = "unnamed source"
    out: dict[str, Any] = {"@type": "Claim", "@id": claim_iri(c["id"]), "identifier": c["id"], "text": c["content"], "author": author}
    said = record.get("said_on")
    if said:
        out["datePublished"] = said[-1] if isinstance(said, list) else said
    if doc:
        appearance: dict[str, Any] = {"@type": "NewsArticle", "headline": doc.get("title") or doc["id"], "identifier": doc["id"]}
        if doc.get("url"):
            appearance["url"] = doc["url"]
        if doc.get("published"):
            appearance["datePublished"] = doc["published"]
        if doc.get("outlet"):
            appearance["publisher"] = {"@type": "Organization", "name": doc["outlet"]}
        out["appearance"] = appearance
    if label:
        out["about"] = {"@type": "Thing", "identifier": c["proposition"], "name": label}
    places = [{"@type": "Place", "name": p["name"], **({"geo": {"@type": "GeoCoordinates", "latitude": p["lat"], "longitude": p["lon"]}}
                                                    if p.get("lat") is not None else {})} for p in record.get("places") or []]
    if places:
        out["spatialCoverage"] = places
    out["additionalProperty"] = [{"@type": "PropertyValue", "name": "stance", "value": c["stance"]},
                                 {"@type": "PropertyValue", "name": "cue", "value": c["cue"]}]
    return out
