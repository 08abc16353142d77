"""Derive everything above the stored claims, in one transaction: sources across articles,
copies, propositions, relations and each proposition's status.

The derivation reads only the documents and claims, in a fixed order, so a ledger is a function
of what it holds: the same documents give the same ledger however and in what order they came.
"""
from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from . import copies as copies_
from . import propositions as props
from .relations import Said, relate
from .sources import Mention, merge_sources, org_key
from .status import Position, day, standing
from .store import set_state, transaction
from .status import timeline

Embedder = Callable[[Sequence[str]], np.ndarray]
# A claim in a copied document is the copy of a claim in the original when their content words
# overlap this much (wire copies re-edit a word or two).
CLAIM_COPY_JACCARD = 0.7


@dataclass(slots=True)
class LinkReport:
    claims: int
    sources: int
    propositions: int
    relations: int
    copies: int


def link(db: sqlite3.Connection, embedder: Embedder | None = None) -> LinkReport:
    embedder = embedder or props.embed
    with transaction(db):
        docs = {r["id"]: r for r in db.execute("SELECT id, published, text FROM documents ORDER BY id")}
        rows = db.execute("SELECT id, document, seq, record FROM claims ORDER BY document, seq").fetchall()
        claims = {r["id"]: json.loads(r["record"]) for r in rows}
        place = {r["id"]: (r["document"], r["seq"]) for r in rows}
        dates = {cid: day(c.get("said_on"), docs[c["document"]]["published"]) for cid, c in claims.items()}
        for table in ("relations", "copies", "source_roles", "source_names"):
            db.execute(f"DELETE FROM {table}")
        db.execute("UPDATE claims SET source = NULL, proposition = NULL, independent_of = NULL")
        db.execute("DELETE FROM sources")
        db.execute("DELETE FROM propositions")

        speaker_of, parties = store_sources(db, claims, dates)
        copy_of = store_copies(db, docs, rows, claims, speaker_of)
        ranges_of = {cid: units(c) for cid, c in claims.items()}
        items = [
            props.Item(r["id"], r["document"], r["seq"], speaker_of[r["id"]], claims[r["id"]]["content"],
                       claims[r["id"]].get("mode", ""), frozenset(ranges_of[r["id"]]))
            for r in rows
        ]
        grouping = props.link_items(items, lambda texts: cached_vectors(db, texts, embedder))
        names, kinds = {}, {}
        for sid, name, kind in db.execute("SELECT id, name, kind FROM sources"):
            names[sid], kinds[sid] = name, kind
        n_rel = 0
        for pid in sorted(grouping.members):
            ids = grouping.members[pid]
            said = []
            for cid in ids:
                c = claims[cid]
                ranges = ranges_of[cid]
                first = next(iter(ranges.values()), (None, None))
                p = Position(cid, speaker_of[cid], kinds[speaker_of[cid]], c.get("stance", "asserted"),
                             c.get("polarity", "positive"), dates[cid], cid in copy_of, first[0], first[1])
                said.append(Said(p, names[speaker_of[cid]], ranges, place[cid], parties.get(speaker_of[cid], frozenset())))
            s = standing(x.position for x in said)
            days = sorted(d for d in (dates[c] for c in ids) if d)
            unit = next((u for x in said for u in x.units), None)
            n_sources = len(set(s.sources_for) | set(s.sources_against) | set(s.sources_unsure))
            changes = timeline([x.position for x in said])
            db.execute("INSERT INTO propositions(id, label, n_claims, n_sources, status, first_seen, last_seen, low, high, unit, "
                       "n_for, n_against, changed_on, timeline) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                       (pid, grouping.labels[pid], len(ids), n_sources, s.status, days[0] if days else None,
                        days[-1] if days else None, s.low, s.high, unit, len(s.sources_for), len(s.sources_against),
                        changes[-1].date if changes else None, json.dumps([ch.to_dict() for ch in changes])))
            db.executemany("UPDATE claims SET proposition = ? WHERE id = ?", [(pid, cid) for cid in ids])
            relations = relate(pid, said)
            db.executemany("INSERT OR IGNORE INTO relations VALUES (?,?,?,?,?)",
                           [(r.kind, r.a, r.b, r.proposition, r.note) for r in relations])
            n_rel += len(relations)
        set_state(db, "linked", "1")
        return LinkReport(len(claims), len(names), len(grouping.members), n_rel + len(copy_of), len(copy_of))


def first_range(claim: dict) -> tuple[float | None, float | None]:
    """(low, high) of the claim's first quantity that has a unit, or (None, None)."""
    return next(iter(units(claim).values()), (None, None))


def units(claim: dict) -> dict[str, tuple[float, float]]:
    """unit key -> (low, high) of the claim's quantities that have a unit."""
    out: dict[str, tuple[float, float]] = {}
    for q in claim.get("quantities") or []:
        unit = q.get("unit")
        low = q.get("low", q.get("value"))
        high = q.get("high", q.get("value"))
        if not unit or low is None or high is None:
            continue
        out.setdefault(props.key(str(unit).split()[-1]), (float(low), float(high)))
    return out


def store_sources(db: sqlite3.Connection, claims: dict[str, dict], dates: dict[str, str | None]) -> tuple[dict[str, int], dict[int, frozenset[int]]]:
    """Store the merged sources; each claim's source id, and the bodies each source speaks for."""
    mentions = [Mention(cid, c["source"]["name"], c["source"].get("kind") or "person", c["source"].get("role"), dates[cid])
                for cid, c in claims.items()]
    speaker_of: dict[str, int] = {}
    speakers = merge_sources(mentions)
    for sid, s in enumerate(speakers, 1):
        db.execute("INSERT INTO sources(id, name, kind) VALUES (?,?,?)", (sid, s.name, s.kind))
        db.executemany("INSERT INTO source_names VALUES (?,?,?)", [(sid, n, k) for n, k in sorted(s.names.items())])
        db.executemany("INSERT INTO source_roles VALUES (?,?,?,?,?)", [(sid, r, v[0], v[1], v[2]) for r, v in sorted(s.roles.items())])
        for cid in s.claims:
            speaker_of[cid] = sid
    db.executemany("UPDATE claims SET source = ? WHERE id = ?", [(sid, cid) for cid, sid in speaker_of.items()])
    bodies = {org_key(s.name): sid for sid, s in enumerate(speakers, 1) if s.kind in ("organization", "media")}
    parties: dict[int, frozenset[int]] = {}
    for sid, s in enumerate(speakers, 1):
        found = set()
        for role in s.roles:
            words = org_key(role).split()
            found.update(bodies[g] for n in range(1, 5) for i in range(len(words) - n + 1)
                         if (g := " ".join(words[i : i + n])) in bodies)
        if found:
            parties[sid] = frozenset(found)
    return speaker_of, parties


def store_copies(db: sqlite3.Connection, docs: dict, rows: list, claims: dict[str, dict], speaker_of: dict[str, int]) -> dict[str, str]:
    """Copied documents, and for each claim of a copy the claim it copies: {copy: original}."""
    found = copies_.find_copies((d["id"], d["text"], d["published"]) for d in docs.values())
    db.executemany("INSERT INTO copies VALUES (?,?,?)", [(c, o, j) for c, (o, j) in sorted(found.items())])
    by_doc: dict[str, list[str]] = defaultdict(list)
    for r in rows:
        by_doc[r["document"]].append(r["id"])
    copy_of: dict[str, str] = {}
    for copy, (original, _) in sorted(found.items()):
        originals = [(oid, props.keys(claims[oid]["content"])) for oid in by_doc[original]]
        for cid in by_doc[copy]:
            words = props.keys(claims[cid]["content"])
            best, best_j = None, 0.0
            for oid, owords in originals:
                if speaker_of[oid] != speaker_of[cid] or not (words | owords):
                    continue
                j = len(words & owords) / len(words | owords)
                if j > best_j:
                    best, best_j = oid, j
            if best is not None and best_j >= CLAIM_COPY_JACCARD:
                copy_of[cid] = best
    db.executemany("UPDATE claims SET independent_of = ? WHERE id = ?", [(o, c) for c, o in copy_of.items()])
    db.executemany("INSERT OR IGNORE INTO relations VALUES ('copy_of',?,?,NULL,?)",
                   [(c, o, "the same wording in a copied document") for c, o in sorted(copy_of.items())])
    return copy_of


def cached_vectors(db: sqlite3.Connection, texts: list[str], embedder: Embedder) -> np.ndarray:
    """Embeddings by text, computed once and kept in the ledger (float16)."""
    keys = [props.text_key(t) for t in texts]
    have: dict[str, np.ndarray] = {}
    unique = sorted(set(keys))
    for i in range(0, len(unique), 500):
        chunk = unique[i : i + 500]
        q = f"SELECT key, vector FROM embeddings WHERE key IN ({','.join('?' * len(chunk))})"
        for k, v in db.execute(q, chunk):
            have[k] = np.frombuffer(v, dtype=np.float16).astype(np.float32)
    missing = sorted({k: t for k, t in zip(keys, texts) if k not in have}.items())
    if missing:
        new = embedder([t for _, t in missing])
        for (k, _), v in zip(missing, new):
            # rounded as stored, so that a vector computed now and one read back link alike
            have[k] = np.asarray(v, dtype=np.float32).astype(np.float16).astype(np.float32)
        db.executemany("INSERT OR REPLACE INTO embeddings VALUES (?, ?)",
                       [(k, have[k].astype(np.float16).tobytes()) for k, _ in missing])
    if not keys:
        return np.zeros((0, 512), dtype=np.float32)
    return np.vstack([have[k] for k in keys])
