"""Derive everything above the stored claims: sources across articles, copies, stories,
propositions, relations and each proposition's status. One transaction, and incremental: only
what the documents stored since the last link (`dirty`) touch is redone.

Every derived thing is a function of a part of the ledger that a new document can only add to,
never change behind it:
- a source is a function of the name forms (name, kind) seen, merged from their counts;
- copies are connected groups of document pairs whose shingles overlap much, or that share
  several reported statements (`copies`); a pair depends on the two documents alone;
- stories are connected groups of document pairs whose weighted words are similar, with weights
  from the language at large, not the ledger (`stories.py`): a pair depends on the two alone;
- a story's propositions are a function of its claims alone (`propositions.link_story`);
- a proposition's relations and status are a function of its claims, their speakers and copies.
So relinking only the stories a document joins, the copy groups it joins and the propositions
whose speakers or copies changed gives the ledger that linking everything at once would give:
the same documents give the same ledger however and in what order they came, and one link per
batch of documents costs what the batch touches, not what the ledger holds.
"""
from __future__ import annotations

import json
import math
import re
import sqlite3
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import lru_cache

import numpy as np

from ..semantics.frames import country_in, government_of
from ..semantics.quantities import APPROXIMATORS
from . import copies as copies_
from . import follow
from . import measures
from . import propositions as props
from . import stories as stories_
from .blocking import DisjointSets
from .relations import Said, relate, unit_word
from .sources import Mention, Speaker, merge_sources, org_key
from .status import Position, day, standing, timeline
from .store import set_state, transaction

Embedder = Callable[[Sequence[str]], np.ndarray]
# A claim in a copied document is the copy of a claim in the original when their content words
# overlap this much (wire copies re-edit a word or two).
CLAIM_COPY_JACCARD = 0.7
CHUNK = 500  # ids per SQL `IN (...)`
NO_UNITS: frozenset[str] = frozenset()


@dataclass(slots=True)
class LinkReport:
    claims: int
    sources: int
    propositions: int
    relations: int
    copies: int


@dataclass(slots=True)
class Touched:
    """What a link must redo beyond the new documents themselves."""

    documents: set[str] = field(default_factory=set)  # whose claims changed speaker: their stories regroup
    stories: set[str] = field(default_factory=set)  # to regroup into propositions
    propositions: set[str] = field(default_factory=set)  # to re-derive relations and status
    copy_docs: set[str] = field(default_factory=set)  # to re-match claims with their original's


@dataclass(slots=True)
class Speakers:
    name: dict[int, str]
    kind: dict[int, str]
    parties: dict[int, frozenset[int]]


def link(db: sqlite3.Connection, embedder: Embedder | None = None) -> LinkReport:
    from ..nlp import free_heap  # noqa: PLC0415 (spaCy is loaded by then: ingest extracts)

    # An ingest links every `LINK_EVERY` documents, in the middle of a batch: what the batch's
    # parse freed was still held (the pipeline gives it back after the batch), ~180 MB at 1,000
    # PolNeAR documents, under everything the link then loaded.
    free_heap()
    try:
        return _link(db, embedder or props.embed)
    finally:
        props.release_encoder()


def _link(db: sqlite3.Connection, embedder: Embedder) -> LinkReport:
    with transaction(db):
        dirty = [r[0] for r in db.execute("SELECT document FROM dirty ORDER BY document")]
        touched = Touched()
        fill_claims(db, dirty)
        speakers = update_sources(db, dirty, touched)
        update_copies(db, dirty, touched)
        update_stories(db, dirty, touched)
        rematch_copies(db, touched)  # before grouping: a copy's claims are not grouped, they follow their original's
        stale = {r[0] for r in db.execute("SELECT proposition FROM stale")}
        embed_stories(db, touched.stories, embedder)
        props.release_encoder()  # the stories are grouped without the encoder's weights beside them
        regrouped = regroup(db, touched.stories, stale, lambda texts: cached_vectors(db, texts, embedder, dtype=np.float16))
        for pid in sorted(touched.propositions | regrouped):
            derive(db, pid, speakers)
        follow.refresh(db, touched.propositions | regrouped, now(), touched.stories)
        db.execute("DELETE FROM dirty")
        db.execute("DELETE FROM stale")
        set_state(db, "linked", "1")
        one = lambda q: db.execute(q).fetchone()[0]  # noqa: E731
        return LinkReport(one("SELECT count(*) FROM claims"), one("SELECT count(*) FROM sources"),
                          one("SELECT count(*) FROM propositions"), one("SELECT count(*) FROM relations"),
                          one("SELECT count(*) FROM copies"))


def now() -> str:
    """The time the ledger learns what a link derives (UTC, to the second)."""
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def chunks(values: Iterable, size: int = CHUNK) -> Iterable[list]:
    values = list(values)
    for i in range(0, len(values), size):
        yield values[i : i + size]


def marks(values: Sequence) -> str:
    return ",".join("?" * len(values))


# ---- claims --------------------------------------------------------------------------------


def fill_claims(db: sqlite3.Connection, documents: list[str]) -> None:
    """The speaker form and the day of each claim of these documents, as columns."""
    for part in chunks(documents):
        rows = db.execute(f"SELECT c.id, c.record, d.published FROM claims c JOIN documents d ON d.id = c.document "
                          f"WHERE c.document IN ({marks(part)})", part).fetchall()
        updates = []
        for cid, record, published in rows:
            c = json.loads(record)
            s = c["source"]
            updates.append((s["name"], s.get("kind") or "person", s.get("role"), day(c.get("said_on"), published), cid))
        db.executemany("UPDATE claims SET speaker_name = ?, speaker_kind = ?, speaker_role = ?, day = ? WHERE id = ?", updates)


# ---- sources -------------------------------------------------------------------------------


def update_sources(db: sqlite3.Connection, dirty: list[str], touched: Touched) -> Speakers:
    """Merge every name form into speakers again (cheap: one row per distinct form), and move
    the claims of the forms whose speaker changed. Touches the propositions and stories of
    claims that changed speaker, and the propositions of speakers whose name, kind or parties
    changed (relation notes and status carry them)."""
    forms = [Mention(name, kind, role, first, last, n) for name, kind, role, first, last, n in db.execute(
        "SELECT speaker_name, speaker_kind, speaker_role, min(day), max(day), count(*) FROM claims "
        "WHERE speaker_name IS NOT NULL GROUP BY speaker_name, speaker_kind, speaker_role")]
    speakers = merge_sources(forms)
    parties = parties_of(speakers)
    new = {s.id: (s.name, s.kind, json.dumps(sorted(parties.get(s.id, ())))) for s in speakers}
    old = {r[0]: (r[1], r[2], r[3]) for r in db.execute("SELECT id, name, kind, parties FROM sources")}
    old_form = {(r[0], r[1]): r[2] for r in db.execute("SELECT name, kind, source FROM speaker_forms")}
    new_form = {f: s.id for s in speakers for f in sorted(s.forms)}
    for sid in sorted(old.keys() & new.keys()):
        if old[sid] != new[sid]:
            touched.propositions.update(r[0] for r in db.execute(
                "SELECT DISTINCT proposition FROM claims WHERE source = ? AND proposition IS NOT NULL", (sid,)))
    moved = sorted(f for f in old_form if new_form.get(f) != old_form[f])
    for name, kind in moved:
        for pid, doc in db.execute("SELECT DISTINCT proposition, document FROM claims WHERE speaker_name = ? AND speaker_kind = ?",
                                   (name, kind)):
            if pid:
                touched.propositions.add(pid)
            touched.documents.add(doc)
            touched.copy_docs.add(doc)
        db.execute("UPDATE claims SET source = ? WHERE speaker_name = ? AND speaker_kind = ?", (new_form.get((name, kind)), name, kind))
    db.execute("DELETE FROM speaker_forms")
    db.executemany("INSERT INTO speaker_forms VALUES (?,?,?)", [(n, k, sid) for (n, k), sid in sorted(new_form.items())])
    for part in chunks(dirty):
        db.execute(f"UPDATE claims SET source = (SELECT source FROM speaker_forms f WHERE f.name = claims.speaker_name "
                   f"AND f.kind = claims.speaker_kind) WHERE document IN ({marks(part)})", part)
    for table in ("source_roles", "source_names"):
        db.execute(f"DELETE FROM {table}")
    db.execute("DELETE FROM sources")
    for s in speakers:
        db.execute("INSERT INTO sources(id, name, kind, parties) VALUES (?,?,?,?)", (s.id, *new[s.id]))
        db.executemany("INSERT INTO source_names VALUES (?,?,?)", [(s.id, n, k) for n, k in sorted(s.names.items())])
        db.executemany("INSERT INTO source_roles VALUES (?,?,?,?,?)", [(s.id, r, v[0], v[1], v[2]) for r, v in sorted(s.roles.items())])
    return Speakers({s.id: s.name for s in speakers}, {s.id: s.kind for s in speakers}, parties)


def parties_of(speakers: list[Speaker]) -> dict[int, frozenset[int]]:
    """The bodies each source speaks for: organisations and outlets a person's roles name, and
    the government of a country that an official body, an official or "officials" speak for
    (`government_of`): a ministry, its minister and the country's officials are one party."""
    bodies = {org_key(s.name): s.id for s in speakers if s.kind in ("organization", "media")}
    parties: dict[int, frozenset[int]] = {}
    for s in speakers:
        found = set()
        for role in s.roles:
            if not plausible_role(role):
                continue  # "Hamas, responsible for a previous attack in": an apposition misread, no role
            for form in ministry_forms(role):
                words = org_key(form).split()
                found.update(bodies[g] for n in range(1, 5) for i in range(len(words) - n + 1)
                             if (g := " ".join(words[i : i + n])) in bodies)
        government = government_of(s.name, s.kind, list(s.roles))
        if government:
            found.add(government_party(government))
        if found:
            parties[s.id] = frozenset(found)
    return parties


ROLE_MAX_WORDS = 8
MINISTER_OF = re.compile(r"\bminister\s+(?:of|for)\s+(?:the\s+)?(.+)$", re.I)


def ministry_forms(role: str) -> list[str]:
    """A role as written and the ministry a minister heads: "Interior Minister" names the
    "Interior Ministry", "Minister of Internal Affairs" the "Ministry of Internal Affairs" and
    the "Internal Affairs Ministry"."""
    forms = [role]
    if re.search(r"\bminister\b", role, re.I):
        forms.append(re.sub(r"\bminister\b", "Ministry", role, flags=re.I))
        if m := MINISTER_OF.search(role):
            forms.append(f"{m[1]} Ministry")
    return forms


ROLE_EDGES_NOT = frozenset("and or & both with".split())


def plausible_role(role: str) -> bool:
    """A role as news gives one ("spokesperson of the Coast Guard", "response coordinator for the
    1st Coast Guard District"), not a clause the parser hung on a name (a comma in it, or long)
    nor a coordinated name ("General Motors (GM) and" before "Chrysler")."""
    words = role.lower().split()
    return "," not in role and 0 < len(words) <= ROLE_MAX_WORDS and words[0] not in ROLE_EDGES_NOT and words[-1] not in ROLE_EDGES_NOT


def government_party(cc: str) -> int:
    """A party id for a country's government, apart from every speaker id (those are positive)."""
    return -int.from_bytes(cc.encode(), "big")


# ---- copies --------------------------------------------------------------------------------


COMPARE_CACHE = 256  # documents whose shingles and statements a link keeps while comparing


def update_copies(db: sqlite3.Connection, dirty: list[str], touched: Touched) -> None:
    """Shingle the new documents, pair them with their near-duplicates and rewrites (`copies`),
    and redo the copy groups they are in or were in. Their members are touched (their claims are
    matched again)."""
    seeds = set(dirty)
    for part in chunks(dirty):
        q = marks(part)
        seeds.update(r[0] for r in db.execute(f"SELECT a FROM copy_pairs WHERE b IN ({q}) UNION SELECT b FROM copy_pairs WHERE a IN ({q})", part + part))
        db.execute(f"DELETE FROM copy_pairs WHERE a IN ({q}) OR b IN ({q})", part + part)
        db.execute(f"DELETE FROM doc_bands WHERE document IN ({q})", part)
    # A new document is compared with every stored one it shares a band with: all the earlier
    # prints of a wire story. Kept whole, these caches held every compared document's shingles
    # (~55 kB each): +85 MB a link when PolNeAR is ingested ten times over. Bounded, a miss
    # costs ~0.7 ms of shingling.
    @lru_cache(maxsize=COMPARE_CACHE)
    def shingles_of(doc: str) -> set[int]:
        return copies_.shingles(db.execute("SELECT text FROM documents WHERE id = ?", (doc,)).fetchone()[0])

    @lru_cache(maxsize=COMPARE_CACHE)
    def statements_of(doc: str) -> list[copies_.Statement]:
        return document_statements(db, doc)

    for doc in dirty:
        sh = shingles_of(doc)
        if len(sh) < 3:
            continue  # too short to call anything a copy of it
        bands = copies_.bands(sh) + copies_.statement_bands(statements_of(doc))
        near = sorted({r[0] for part in chunks(bands) for r in db.execute(
            f"SELECT document FROM doc_bands WHERE band IN ({marks(part)})", part)} - {doc})
        db.executemany("INSERT INTO doc_bands VALUES (?,?)", [(b, doc) for b in bands])
        for other in near:
            j = copies_.copied(sh, shingles_of(other), statements_of(doc), statements_of(other))
            if j is not None:
                db.execute("INSERT OR REPLACE INTO copy_pairs VALUES (?,?,?)", (*sorted((doc, other)), j))
    # the groups the seeds are in now: a group a dirty document was in is reached from its old
    # pair partners (seeds), since every group is connected by its pairs
    group: set[str] = set()
    frontier = sorted(seeds)
    while frontier:
        group.update(frontier)
        found: set[str] = set()
        for part in chunks(frontier):
            q = marks(part)
            found.update(r[0] for r in db.execute(f"SELECT b FROM copy_pairs WHERE a IN ({q}) UNION SELECT a FROM copy_pairs WHERE b IN ({q})", part + part))
        frontier = sorted(found - group)
    members = sorted(group)
    pairs, published = [], {}
    for part in chunks(members):
        q = marks(part)
        pairs += [tuple(r) for r in db.execute(f"SELECT a, b, similarity FROM copy_pairs WHERE a IN ({q})", part)]
        published.update(db.execute(f"SELECT id, published FROM documents WHERE id IN ({q})", part).fetchall())
    found = copies_.copy_groups([d for d in members if d in published], published, pairs)
    for part in chunks(members):
        db.execute(f"DELETE FROM copies WHERE document IN ({marks(part)})", part)
    db.executemany("INSERT INTO copies VALUES (?,?,?)", [(c, o, j) for c, (o, j) in sorted(found.items())])
    # every member: a replaced original took its copies' rows with it, so `copies` cannot say who changed
    touched.copy_docs.update(members)


def claim_statement(record: dict) -> copies_.Statement | None:
    """The claim's reported statement (`copies.statement`), from its stored record."""
    return copies_.statement((record.get("source") or {}).get("name"), record.get("mode"), record.get("content") or "",
                             record.get("sentence"))


def document_statements(db: sqlite3.Connection, doc: str) -> list[copies_.Statement]:
    """The reported statements of a document's claims, in claim order."""
    out = []
    for (record,) in db.execute("SELECT record FROM claims WHERE document = ? ORDER BY seq", (doc,)):
        st = claim_statement(json.loads(record))
        if st is not None:
            out.append(st)
    return out


def rematch_copies(db: sqlite3.Connection, touched: Touched) -> None:
    """Match the claims of touched copied documents to their original's (same speaker and the
    same words, or the same reported statement); claims whose `independent_of` changed touch
    their propositions."""
    docs = set(touched.copy_docs)
    for part in chunks(sorted(touched.copy_docs)):  # an original's claims changed: its copies too
        docs.update(r[0] for r in db.execute(f"SELECT document FROM copies WHERE original IN ({marks(part)})", part))
    for part in chunks(sorted(docs)):
        q = marks(part)
        originals = dict(db.execute(f"SELECT document, original FROM copies WHERE document IN ({q})", part).fetchall())
        for doc in part:
            claims = db.execute("SELECT id, source, content, independent_of, proposition, record FROM claims WHERE document = ?", (doc,)).fetchall()
            original = originals.get(doc)
            theirs = [] if original is None else [
                Theirs(r[0], r[1], props.keys(r[2]), claim_statement(json.loads(r[3]))) for r in db.execute(
                    "SELECT id, source, content, record FROM claims WHERE document = ? ORDER BY seq", (original,))]
            for cid, sid, content, was, pid, record in claims:
                now, note = claim_original(sid, props.keys(content), claim_statement(json.loads(record)) if theirs else None, theirs)
                if now != was:
                    db.execute("UPDATE claims SET independent_of = ? WHERE id = ?", (now, cid))
                    db.execute("DELETE FROM relations WHERE kind = 'copy_of' AND a = ?", (cid,))
                    if now:
                        db.execute("INSERT OR IGNORE INTO relations VALUES ('copy_of',?,?,NULL,?)", (cid, now, note))
                    if pid:
                        touched.propositions.add(pid)
                    # the claim leaves or joins its story's grouping (copies are not grouped)
                    touched.stories.update(r[0] for r in db.execute("SELECT story FROM doc_terms WHERE document = ? AND story IS NOT NULL", (doc,)))


@dataclass(slots=True)
class Theirs:
    """A claim of an original document, as its copies' claims are matched to it."""

    id: str
    source: int
    words: set[str]
    statement: copies_.Statement | None


def claim_original(source: int, words: set[str], statement: copies_.Statement | None,
                   theirs: list[Theirs]) -> tuple[str | None, str | None]:
    """The original's claim this claim of a copy copies, and why: the same source with the same
    words (`CLAIM_COPY_JACCARD`), else the same reported statement (`copies.same_statement`:
    a rewrite re-words it and may name the speaker "the official" for "the intelligence official")."""
    best, best_j = None, 0.0
    for t in theirs:
        if t.source != source or not (words | t.words):
            continue
        j = len(words & t.words) / len(words | t.words)
        if j > best_j:
            best, best_j = t.id, j
    if best is not None and best_j >= CLAIM_COPY_JACCARD:
        return best, "the same wording in a copied document"
    if statement is not None:
        best, best_j = None, 0.0
        for t in theirs:
            if t.statement is not None and (j := copies_.same_statement(statement, t.statement)) is not None and j > best_j:
                best, best_j = t.id, j
        if best is not None:
            return best, "the same reported statement in a copied document"
    return None, None


# ---- stories -------------------------------------------------------------------------------


def update_stories(db: sqlite3.Connection, dirty: list[str], touched: Touched) -> None:
    """Weigh the new documents' words and join them to the stories they are similar to. A story
    that held a replaced document is regrouped from its documents, since it may now fall apart.
    Adds to `touched.stories` the stories to regroup."""
    loose: set[str] = set(dirty)
    for part in chunks(dirty):
        q = marks(part)
        old = [r[0] for r in db.execute(f"SELECT DISTINCT story FROM doc_terms WHERE document IN ({q})", part)]
        for spart in chunks(old):
            loose.update(r[0] for r in db.execute(f"SELECT document FROM doc_terms WHERE story IN ({marks(spart)})", spart))
        db.execute(f"DELETE FROM doc_terms WHERE document IN ({q})", part)
        db.execute(f"DELETE FROM doc_blocks WHERE document IN ({q})", part)
    terms: dict[str, dict[str, float]] = {}
    rarity = stories_.Rarity()  # each word's rarity worked out once in this pass
    for part in chunks(dirty):
        words: dict[str, defaultdict] = {d: defaultdict(int) for d in part}
        for doc, content in db.execute(f"SELECT document, content FROM claims WHERE document IN ({marks(part)})", part):
            for k in props.keys(props.core(content)):
                words[doc][k] += 1
        for doc in part:
            t = stories_.weigh(words[doc], rarity)
            terms[doc] = t
            db.execute("INSERT INTO doc_terms VALUES (?,NULL,?)", (doc, json.dumps(t)))
            db.executemany("INSERT INTO doc_blocks VALUES (?,?)", [(w, doc) for w in stories_.blocks(t, rarity)])
    story_of: dict[str, str | None] = {}

    def node(doc: str) -> str:
        """A loose document stands for itself; any other for its (unchanged) story."""
        if doc in loose:
            return doc
        if doc not in story_of:
            story_of[doc] = db.execute("SELECT story FROM doc_terms WHERE document = ?", (doc,)).fetchone()[0]
        return "story:" + story_of[doc]

    def terms_of(doc: str) -> dict[str, float]:
        if doc not in terms:
            terms[doc] = json.loads(db.execute("SELECT terms FROM doc_terms WHERE document = ?", (doc,)).fetchone()[0])
        return terms[doc]

    groups = DisjointSets(sorted(loose))
    for doc in sorted(loose):
        blocks = stories_.blocks(terms_of(doc), rarity)
        near = sorted({r[0] for r in db.execute(f"SELECT document FROM doc_blocks WHERE word IN ({marks(blocks)})", blocks)} - {doc}) if blocks else []
        for other in near:  # both have the word among their blocks: a candidate pair
            n = node(other)
            if n not in groups.parent:
                groups.parent[n] = n
            if groups.find(doc) != groups.find(n) and stories_.similar(terms_of(doc), terms_of(other)):
                groups.join(doc, n)
    components: dict[str, list[str]] = defaultdict(list)
    for n in list(groups.parent):
        components[groups.find(n)].append(n)
    for members in components.values():
        docs = sorted(m for m in members if not m.startswith("story:"))
        merged = sorted(m[6:] for m in members if m.startswith("story:"))
        story = min(docs + merged)  # a story's id is its smallest document id
        for old_story in merged:
            if old_story != story:
                db.execute("UPDATE doc_terms SET story = ? WHERE story = ?", (story, old_story))
        for part in chunks(docs):
            db.execute(f"UPDATE doc_terms SET story = ? WHERE document IN ({marks(part)})", [story, *part])
        if docs:
            touched.stories.add(story)
    for part in chunks(sorted(touched.documents)):
        touched.stories.update(r[0] for r in db.execute(f"SELECT DISTINCT story FROM doc_terms WHERE document IN ({marks(part)})", part))


# ---- propositions --------------------------------------------------------------------------


def story_items(db: sqlite3.Connection, story: str) -> Iterator[tuple[props.Item, str | None]]:
    """A story's claims as grouping reads them (cores and keys filled), each with the proposition
    it was in. Row by row, and of each record only what grouping reads: a story's records (~2 kB a
    claim) held while it was grouped were ~40 MB of a story of 18,000 claims; an item is ~1 kB
    (~1.9 before: a story's strings and sets are shared where they can be).

    A copy's claims (`independent_of` set) are left out: they take their original's proposition
    (`follow_originals`). Wire copies count once in grouping as they do in corroboration, and a
    story's grouping grows with what was said, not with how often it was reprinted (PolNeAR
    repeated to 10,000 documents made one story of ~180,000 claims, ~170,000 of them copies)."""
    for r in db.execute("SELECT c.id, c.document, c.seq, c.source, c.content, json_extract(c.record, '$.mode'), "
                        "json_extract(c.record, '$.quantities'), c.proposition, json_extract(c.record, '$.cue'), "
                        "json_extract(c.record, '$.frame'), json_extract(c.record, '$.stance'), "
                        "json_extract(c.record, '$.polarity') FROM claims c "
                        "JOIN doc_terms t ON t.document = c.document WHERE t.story = ? AND c.independent_of IS NULL "
                        "ORDER BY c.document, c.seq", (story,)):
        cid, document, seq, source, content, mode, quantities, proposition, cue, frame, stance, polarity = r
        measured = units({"content": content, "quantities": json.loads(quantities) if quantities else None}, totals=False)
        it = props.Item(cid, sys.intern(document), seq, source, content, sys.intern(mode or ""),
                        frozenset(measured) if measured else NO_UNITS)
        it.core = props.core(content, cue or "")
        if it.core == content:
            it.core = content
        it.keys = frozenset(map(sys.intern, props.keys(it.core)))  # one string per word, not per claim
        if frame:
            it.frame = tuple(json.loads(frame))
        it.stance = sys.intern(stance or "")
        it.negative = polarity == "negative"
        yield it, proposition


def embed_stories(db: sqlite3.Connection, stories: set[str], embedder: Embedder) -> None:
    """Embed and store the texts of these stories' claims that the ledger has no vector for, in
    the order `regroup` asks for them (the same texts, the same batches, the same vectors), a
    story's claims read twice rather than held: `regroup` then finds every vector stored, and
    groups a story without the encoder loaded beside it (~115 MB)."""
    for story in sorted(stories):
        df: Counter = Counter()
        n = 0
        for it, _ in story_items(db, story):
            df.update(it.keys)
            n += 1
        common = props.common_words(df, n)
        del df
        store_vectors(db, [props.masked(it.core, common) for it, _ in story_items(db, story)], embedder)


def regroup(db: sqlite3.Connection, stories: set[str], stale: set[str], vectors_of: Callable[[list[str]], np.ndarray]) -> set[str]:
    """Group each touched story's claims into propositions again; returns the proposition ids
    to derive. Propositions the story's claims were in before, and stale ones, go."""
    out: set[str] = set()
    gone = set(stale)
    for story in sorted(stories):
        items = []
        for it, proposition in story_items(db, story):
            if proposition:
                gone.add(proposition)
            items.append(it)
        if not items:
            continue
        grouping = props.link_story(items, vectors_of)
        del items
        for pid, ids in sorted(grouping.members.items()):
            gone.discard(pid)
            db.execute("INSERT OR REPLACE INTO propositions(id, label, n_claims, n_sources, status) VALUES (?,?,0,0,'')",
                       (pid, grouping.labels[pid]))
            db.executemany("UPDATE claims SET proposition = ? WHERE id = ?", [(pid, cid) for cid in ids])
            out.add(pid)
    for story in sorted(stories):
        gone.update(r[0] for r in db.execute(COPY_CLAIMS.format("DISTINCT c.proposition"), (story,)) if r[0])
    for story in sorted(stories):
        out.update(follow_originals(db, story))
    for part in chunks(sorted(gone - out)):
        db.execute(f"DELETE FROM relations WHERE proposition IN ({marks(part)})", part)
        db.execute(f"DELETE FROM propositions WHERE id IN ({marks(part)})", part)
    return out


COPY_CLAIMS = ("SELECT {} FROM claims c JOIN doc_terms t ON t.document = c.document "
               "WHERE t.story = ? AND c.independent_of IS NOT NULL")


def follow_originals(db: sqlite3.Connection, story: str) -> set[str]:
    """Give each copied claim of the story its original claim's proposition; returns those."""
    # in SQL: a story ingested ten times over has ~170,000 copied claims
    db.execute("UPDATE claims SET proposition = (SELECT o.proposition FROM claims o WHERE o.id = claims.independent_of) "
               "WHERE independent_of IS NOT NULL AND document IN (SELECT document FROM doc_terms WHERE story = ?)", (story,))
    return {r[0] for r in db.execute(COPY_CLAIMS.format("DISTINCT c.proposition"), (story,)) if r[0]}


def derive(db: sqlite3.Connection, pid: str, speakers: Speakers) -> None:
    """A proposition's relations, standing and timeline from its claims."""
    rows = db.execute("SELECT id, document, seq, source, record, day, independent_of FROM claims WHERE proposition = ? "
                      "ORDER BY document, seq", (pid,)).fetchall()
    db.execute("DELETE FROM relations WHERE proposition = ?", (pid,))
    if not rows:
        db.execute("DELETE FROM propositions WHERE id = ?", (pid,))
        return
    said = []
    for r in rows:
        c = json.loads(r["record"])
        ranges = units(c)
        words = unit_words(c)
        if ranges and forecast(c, r["day"]):
            # "could reach 12,000 by April": a figure for a time to come is no dispute or update of
            # one for now; it meets other figures for a time to come
            ranges = {k + FORECAST: v for k, v in ranges.items()}
            words = {k + FORECAST: v for k, v in words.items()}
        first = finite(next(iter(ranges.values()), (None, None)))
        sid = r["source"]
        p = Position(r["id"], sid, speakers.kind[sid], c.get("stance", "asserted"), c.get("polarity", "positive"),
                     r["day"], r["independent_of"] is not None, first[0], first[1])
        core = props.core(c.get("content") or "")
        named = actors(c, core)
        claimant: frozenset[str] = frozenset()
        if named and CLAIM_OF.match(core):
            claimant, named = frozenset(named), []  # "rejected Israel's account": Israel's claims, not claims about Israel
        elif not named and denies_own_act(core, c.get("stance")):
            named = [actor_of_name(speakers.name[sid])]  # "X denied responsibility": X's own
        parties = speakers.parties.get(sid, frozenset())
        said.append(Said(p, speakers.name[sid], ranges, (r["document"], r["seq"]), parties,
                         keys=props.stated_keys(c.get("content") or ""), words=words,
                         actors=frozenset(named), claimant=claimant, speaker=speaker_actors(speakers.name[sid], parties),
                         negated=negated_key(core) if c.get("polarity") == "negative" else None,
                         frame=tuple(c["frame"]) if c.get("frame") else None))
    s = standing(x.position for x in said)
    days = sorted(r["day"] for r in rows if r["day"])
    unit = unit_word(said, next((u for x in said for u in x.units), None))  # shown as written, matched by key
    n_sources = len(set(s.sources_for) | set(s.sources_against) | set(s.sources_unsure))
    changes = timeline([x.position for x in said])
    db.execute("UPDATE propositions SET n_claims = ?, n_sources = ?, status = ?, first_seen = ?, last_seen = ?, low = ?, "
               "high = ?, unit = ?, n_for = ?, n_against = ?, changed_on = ?, timeline = ? WHERE id = ?",
               (len(rows), n_sources, s.status, days[0] if days else None, days[-1] if days else None, s.low, s.high, unit,
                len(s.sources_for), len(s.sources_against), changes[-1].date if changes else None,
                json.dumps([ch.to_dict() for ch in changes]), pid))
    db.executemany("INSERT OR IGNORE INTO relations VALUES (?,?,?,?,?)",
                   [(x.kind, x.a, x.b, x.proposition, x.note) for x in relate(pid, said)])


ACTOR_KINDS = frozenset("organization person".split())
# What a negative claim puts in the place of what it denies: its actors are not the denied ones.
NOT_BUT = re.compile(r",?\s+(?:but|rather than|instead of|instead)\b", re.I)
def denies_own_act(core: str, stance: str | None) -> bool:
    """A denial that names no one denies the speaker's own act ("denied responsibility"), not
    when it denies reports ("such claims have no basis", "the allegations as false"): those
    answer whoever made them."""
    return stance == "denied" and not props.DENIED_REPORT.match(core)


# A content that only names another's statement: "Israel's accusation", "the Israeli account of
# what happened", "the Russian version of events".
CLAIM_OF = re.compile(r"^(?:(?:the|an?|its|their)\s+)?(?:[\w.’'-]+\s+){1,3}?(?:accusations?|accounts?|assessments?|claims?|"
                      r"allegations?|version|narrative|findings|evidence|statements?|reports?)"
                      r"(?:\s+(?:of|about|on)\s+(?:the\s+)?(?:incident|what happened|events?|it|this))?$", re.I)


def actors(claim: dict, core: str | None = None) -> list[str]:
    """The countries (by name or people: "Israeli") and the named bodies and persons the core
    of a claim's content names (`propositions.core`, given or made here: not the frame of
    "Israeli claims that ..."), in the order it names them: who it says did or did not do something."""
    content, span = claim.get("content") or "", claim.get("span") or [0, 0]
    core = props.core(content) if core is None else core
    at = content.find(core)
    if at >= 0 and claim.get("polarity") == "negative" and (cut := NOT_BUT.search(core)):
        core = core[:cut.start()]  # "nothing says it was an Israeli strike, but most likely a Palestinian rocket"
    start, end = (span[0] + at, span[0] + at + len(core)) if at >= 0 else (span[0], span[0] + len(content))
    found = [(p["span"][0], actor_of_name(p.get("country") or p.get("name") or "")) for p in claim.get("places") or []
             if p.get("kind") == "country" and p.get("span")]
    found += [(e["span"][0], actor_of_name(e.get("name") or "")) for e in claim.get("entities") or []
              if e.get("kind") in ACTOR_KINDS and e.get("span")]
    return [a for at_, a in sorted(found) if a and start <= at_ < end]


NEGATION = re.compile(r"(?:\b(?:no|not|never|nothing|none)\b|n['’]t\b)((?:\s+[\w'’-]+){1,5})", re.I)
LIGHT_WORDS = frozenset("appear seem any yet really likely believe think know suggest indicate show get got much many "
                        "single real direct clear evidence sign signs indication".split())


def negated_key(core: str) -> str | None:
    """The key of the first content word a negation in the core governs ("there doesn't appear to
    be any connection": connection), or None."""
    m = NEGATION.search(core)
    if m is None:
        return None
    for w in m.group(1).split():
        k = props.key(w)
        if len(k) > 2 and k not in props.STOP and k not in LIGHT_WORDS:
            return k
    return None


def speaker_actors(name: str, parties: frozenset[int]) -> frozenset[str]:
    """A source as actors: its name's, and the governments it speaks for (`government_party`)."""
    govs = {f"country:{(-p).to_bytes(((-p).bit_length() + 7) // 8, 'big').decode(errors='replace')}" for p in parties if p < 0}
    return frozenset({actor_of_name(name)} | govs)


def actor_of_name(name: str) -> str:
    """A body or person as an actor: the country it belongs to where its name says one ("Israel
    Defense Forces", "Israeli military"), else its name."""
    cc = country_in(name) if name else None
    return f"country:{cc}" if cc else name.lower().removeprefix("the ")


def first_range(claim: dict) -> tuple[float | None, float | None]:
    """(low, high) of the claim's first quantity that has a unit, or (None, None); an open bound is None."""
    return finite(next(iter(units(claim).values()), (None, None)))


def finite(bounds: tuple[float | None, float | None]) -> tuple[float | None, float | None]:
    """A range as stored: an open bound (infinite in `units`) is None."""
    low, high = bounds
    return (None if low is None or math.isinf(low) else low), (None if high is None or math.isinf(high) else high)


def measure_key(unit: str, content: str, q: dict | None = None) -> str:
    """The key a quantity is matched by: its measure, and its window if it has one
    (`measures`: "soldiers" and "personnel" are `troops`; "casualties in a week" is
    `casualties/week`). Never shown: `unit_words` gives the unit as written."""
    m, w = measures.measure(unit, content, place_in(q, content)), measures.window(content)
    if not w and m in measures.SUPPLIES and measures.CAPACITY.search(content):
        w = "capacity"  # "designed to sustain 96 hours of air": what it holds when full, not what is left
    return f"{m}/{w}" if w else m


def place_in(q: dict | None, content: str) -> tuple[int, int] | None:
    """Where a quantity's words stand in the content, or None."""
    text = str((q or {}).get("text") or "")
    i = content.find(text) if text else -1
    return (i, i + len(text)) if i >= 0 else None


FORECAST = "/forecast"


def forecast(claim: dict, day: str | None) -> bool:
    """The claim's figures are for a time after it was said: its `event_time` starts after its day
    ("the number could reach 12,000 by April", said in March)."""
    when = claim.get("event_time")
    start = when[0] if isinstance(when, list) and when else when
    return bool(day and isinstance(start, str) and start[:10] > day[:10])


def unit_words(claim: dict) -> dict[str, str]:
    """measure key -> the unit as the claim writes it ("soldiers"), for display."""
    out: dict[str, str] = {}
    content = claim.get("content") or ""
    for q in claim.get("quantities") or []:
        unit = q.get("unit")
        if unit and str(unit).split():
            out.setdefault(measure_key(unit, content, q), str(unit))
    return out


def units(claim: dict, totals: bool = True) -> dict[str, tuple[float, float]]:
    """measure -> (low, high) of the claim's quantities that have a unit (`measures`: "soldiers"
    and "personnel" are both `troops`; a figure for a window, "a week", is `casualties/week`).
    An open bound ("more than 3,000") reaches to infinity. With `totals`, a figure added to
    another ("another eight died") or one of a condition ("if the level falls below 12.7 m") is
    left out: it counts the same thing (linking reads it) but is no total to dispute or update."""
    out: dict[str, tuple[float, float]] = {}
    content = claim.get("content") or ""
    seen: list[str] = []  # the measures of the figures before, in the content's order
    for q in claim.get("quantities") or []:
        unit = q.get("unit")
        low = q.get("low", q.get("value"))
        high = q.get("high", q.get("value"))
        key = measure_key(unit, content, q) if unit else None
        measure = key.split("/")[0] if key else None
        # "killed 10 people, with another 41 missing": "another" adds a count of something
        # else, a total of its own, not more of the same
        added = totals and increment(q, content) and not any(m != measure for m in seen)
        if measure:
            seen.append(measure)
        if not unit or (low is None and high is None) or (
                totals and (added or threshold(q, content) or change(q, content))):
            continue
        if low is not None and low == high and str(q.get("approx") or "").lower() in ROUNDED:
            # "some 1,500 were evacuated" does not dispute "1,457 have been evacuated"
            low, high = low * (1 - ROUNDED_SHARE), high * (1 + ROUNDED_SHARE)
        out.setdefault(key, (float("-inf") if low is None else float(low), float("inf") if high is None else float(high)))
    return out


# A figure given as about so many is that many give or take `ROUNDED_SHARE`: two figures that
# close are one count said twice ("some 1,500" / "1,457"), where "around 2,000" and "2,400" stay
# a dispute.
ROUNDED = frozenset(" ".join(words) for words, kind in APPROXIMATORS.items() if kind == "about")
ROUNDED_SHARE = 0.05


INCREMENT_BEFORE = re.compile(r"\b(?:another|an\s+additional|additional|a\s+further|further|extra)\s+(?:\w+\s+){0,2}$", re.I)
INCREMENT_AFTER = re.compile(r"^\s*(?:more|others|additional)\b", re.I)


CONDITION_BEFORE = re.compile(r"\b(?:if|unless|once|when)\b[^,;:.]*$", re.I)


def threshold(q: dict, content: str) -> bool:
    """"if the level falls below 12.7 metres, ...": a figure of a condition, not a measurement."""
    text = str(q.get("text") or "")
    i = content.find(text) if text else -1
    return i >= 0 and bool(CONDITION_BEFORE.search(content[max(0, i - 120):i]))


CHANGE_BY = re.compile(r"\b(?:drop|dropp|fall|fell|fallen|rise|rose|risen|increas|decreas|declin|grow|grew|grown|climb|sank|sink|sunk|"
                       r"shrank|shrink|reduc|cut|lower|rais|jump|surg|plung|went\s+(?:up|down))\w*\s+(?:\w+\s+){0,2}?by\s+"
                       r"(?:about|around|some|nearly|almost|roughly|approximately|more\s+than|over|up\s+to)?\s*$", re.I)


def change(q: dict, content: str) -> bool:
    """"the level has dropped by around 2.8 metres": how much a figure changed, not the figure."""
    at = place_in(q, content)
    return at is not None and bool(CHANGE_BY.search(content[max(0, at[0] - 60):at[0]]))


def increment(q: dict, content: str) -> bool:
    """"another eight died", "two more", "an additional 300 troops": a figure added to one
    given before, not a total that could dispute or update another."""
    text = str(q.get("text") or "")
    i = content.find(text) if text else -1
    if i < 0:
        return False
    return bool(INCREMENT_BEFORE.search(content[max(0, i - 40):i]) or INCREMENT_AFTER.match(content[i + len(text):]))


def cached_vectors(db: sqlite3.Connection, texts: list[str], embedder: Embedder, block: int = 4096,
                   dtype: type = np.float32) -> np.ndarray:
    """Embeddings by text, computed once and kept in the ledger (float16), as rows of `dtype`
    (float16: as stored, half the memory; `propositions.group` reads them as float32), read
    straight into the one matrix returned."""
    store_vectors(db, texts, embedder, block)
    out = np.zeros((len(texts), 512), dtype=dtype)
    rows: dict[str, list[int]] = defaultdict(list)
    for i, t in enumerate(texts):
        rows[props.text_key(t)].append(i)
    for part in chunks(sorted(rows)):
        for k, v in db.execute(f"SELECT key, vector FROM embeddings WHERE key IN ({marks(part)})", part):
            out[rows[k]] = np.frombuffer(v, dtype=np.float16)
    return out


def store_vectors(db: sqlite3.Connection, texts: list[str], embedder: Embedder, block: int = 4096) -> None:
    """Embed the texts the ledger has no vector for and store their vectors (float16), `block`
    at a time (a multiple of `propositions.embed`'s batch, so that the batches, and the vectors,
    are the ones embedding them all at once gives), in the order of their keys."""
    todo = {props.text_key(t): t for t in texts}
    for part in chunks(sorted(todo)):
        for (k,) in db.execute(f"SELECT key FROM embeddings WHERE key IN ({marks(part)})", part):
            del todo[k]
    missing = sorted(todo.items())
    for s in range(0, len(missing), block):
        part = missing[s : s + block]
        # rounded as stored, so that a vector computed now and one read back link alike
        new = np.asarray(embedder([t for _, t in part]), dtype=np.float32).astype(np.float16)
        db.executemany("INSERT OR REPLACE INTO embeddings VALUES (?, ?)", [(k, v.tobytes()) for (k, _), v in zip(part, new)])
