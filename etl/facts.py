"""The dataclasses that extraction returns and loading consumes.

They are the contract between the pure-Python extraction (`etl.entities`, `etl.events`, ...)
and the warehouse loader: extraction never touches the database, loading never re-reads text.
Offsets are always character offsets into the article's stored ``body`` (the text after the
header line), so that every fact can be traced back to its exact surface form.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

EntityKind = Literal["person", "state", "organization", "place"]
DatePrecision = Literal["year", "month", "day"]
EventType = Literal[
    "summit",
    "meeting",
    "visit",
    "accession",
    "agreement",
    "attack",
    "inauguration",
    "legal",
    "founding",
    "statement",
    "other",
]
EVENT_TYPES: tuple[str, ...] = EventType.__args__  # type: ignore[attr-defined]
Role = Literal["host", "participant", "absent", "target", "perpetrator"]
ROLES: tuple[str, ...] = Role.__args__  # type: ignore[attr-defined]
Status = Literal["occurred", "planned"]
MembershipKind = Literal["member", "observer", "dialogue_partner", "candidate", "former_member"]
MEMBERSHIP_KINDS: tuple[str, ...] = MembershipKind.__args__  # type: ignore[attr-defined]


@dataclass(frozen=True)
class FuzzyDate:
    """A date known to some precision: ``value`` is the first day of the year/month/day."""

    value: date
    precision: DatePrecision

    def iso(self) -> str:
        """`YYYY`, `YYYY-MM` or `YYYY-MM-DD`, as the facts format wants it."""
        if self.precision == "year":
            return f"{self.value.year:04d}"
        if self.precision == "month":
            return f"{self.value.year:04d}-{self.value.month:02d}"
        return self.value.isoformat()


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Mention:
    """One span of text that refers to a known (or discovered) entity."""

    sentence_index: int
    start: int
    end: int
    surface: str
    kind: EntityKind
    key: str  # person key, ISO alpha-2 for states, organization key, place key
    # how it was matched: name | alias | adjective | demonym | metonym | compound | role |
    # discovered | coref | capital ("die saudische Hauptstadt")
    via: str = "name"


@dataclass(frozen=True)
class PersonRef:
    """A person as an article knows them; ``discovered`` when not in the knowledge base."""

    key: str
    name: str
    state: str | None = None
    title: str | None = None
    aliases: tuple[str, ...] = ()
    discovered: bool = False


@dataclass(frozen=True)
class Evidence:
    """Where a fact was read: a sentence and the span that triggered it."""

    sentence_index: int
    start: int
    end: int
    surface: str


@dataclass(frozen=True)
class MembershipFact:
    state: str
    organization: str
    kind: MembershipKind
    since: FuzzyDate | None
    evidence: Evidence


@dataclass(frozen=True)
class Participant:
    kind: Literal["person", "state", "organization"]
    key: str
    role: Role


@dataclass
class EventFact:
    """One happening as one article reports it (deduplication merges these across articles)."""

    type: EventType
    status: Status
    start: FuzzyDate | None
    end: FuzzyDate | None
    place: str | None  # place key
    state: str | None  # ISO alpha-2 of where it happened
    organization: str | None  # organizing organization key
    title: str
    participants: list[Participant] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    # the publication day of the earliest article reporting it: dedup's stand-in for the date
    # of an undated report (see `etl.dedup.span`); not part of the exported facts
    reported: date | None = None


@dataclass
class ArticleFacts:
    """Everything extracted from one article."""

    sentences: list[Sentence]
    mentions: list[Mention]
    persons: dict[str, PersonRef]  # every person key that a mention or fact uses
    memberships: list[MembershipFact]
    events: list[EventFact]
