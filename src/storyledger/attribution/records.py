"""The records attribution hands on: a claim's source, and the claim itself (formats.md)."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

DateField = str | list[str] | None


@dataclass(slots=True)
class Source:
    """Who a claim is attributed to: canonical name, the words used here, kind and role."""

    name: str
    mention: str | None = None
    span: tuple[int, int] | None = None
    kind: str = "person"  # person, organization, media, unnamed
    role: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "mention": self.mention,
            "span": list(self.span) if self.span else None,
            "kind": self.kind,
            "role": self.role,
        }


@dataclass(slots=True)
class Claim:
    """One sentence of attributed content with everything known about it (formats.md)."""

    document: str
    source: Source
    cue: str
    cue_span: tuple[int, int] | None
    mode: str  # direct, indirect, according_to, unattributed, continuation
    content: str
    span: tuple[int, int]
    stance: str = "asserted"
    polarity: str = "positive"
    hedge: str | None = None
    evaluation: bool = False
    said_on: DateField = None
    event_time: DateField = None
    quantities: list[dict] = field(default_factory=list)
    places: list[dict] = field(default_factory=list)
    entities: list[dict] = field(default_factory=list)
    via: list[str] = field(default_factory=list)
    proposition: str | None = None
    reported_by: str | None = None
    sentence: str | None = None  # the sentence(s) holding cue and content, for reading a bare content
    rebuts: bool = False  # a second source's rebuttal of the same content ("A, a claim Y denied"); not exported
    rebuts_denial: bool = False  # that rebuttal is of a denial ("X denies A, an assertion Y rejects"): Y holds A; not exported
    frame: tuple[str, str, str | None] | None = None  # (agent country, act, theme): for linking, kept in the ledger only
    fellow: int = 0  # the nth other source one cue gives the same content ("no comment from X or Y"); not exported

    @property
    def id(self) -> str:
        """Stable: the same document id and content span give the same id (a rebuttal of that
        content, its cue too; a second source of one cue and content, its rank)."""
        key = f"{self.document}\x00{self.span[0]}:{self.span[1]}"
        if self.rebuts and self.cue_span:
            key += f"\x00rebuts {self.cue_span[0]}:{self.cue_span[1]}"
        if self.fellow:
            key += f"\x00fellow {self.fellow}"
        return "c" + hashlib.blake2b(key.encode(), digest_size=8).hexdigest()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "document": self.document,
            "source": self.source.to_dict(),
            "cue": self.cue,
            "cue_span": list(self.cue_span) if self.cue_span else None,
            "mode": self.mode,
            "content": self.content,
            "sentence": self.sentence,
            "span": list(self.span),
            "stance": self.stance,
            "polarity": self.polarity,
            "hedge": self.hedge,
            "evaluation": self.evaluation,
            "said_on": self.said_on,
            "event_time": self.event_time,
            "quantities": self.quantities,
            "places": self.places,
            "entities": self.entities,
            "via": self.via,
            "proposition": self.proposition,
            "reported_by": self.reported_by,
        }

    def record(self) -> dict[str, Any]:
        """`to_dict` and what the ledger keeps besides (`INTERNAL`), for engines to hand it."""
        d = self.to_dict()
        if self.frame is not None:
            d["frame"] = list(self.frame)
        return d


# Fields of a stored claim that are the ledger's own, not the claim format's (formats.md).
INTERNAL = ("frame",)


def public(record: dict[str, Any]) -> dict[str, Any]:
    """A stored or handed-over claim record in the claim format: internal fields dropped."""
    for k in INTERNAL:
        record.pop(k, None)
    return record
