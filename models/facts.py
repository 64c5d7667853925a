"""Facts read from text, each traceable to the sentence and span it came from.

Evidence rows point at a sentence (and so at its article); one event seen in four articles is one
``event`` row with evidence rows from all four.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import (
    CheckConstraint,
    Column,
    Date,
    ForeignKey,
    Integer,
    String,
    Table,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from etl.facts import EVENT_TYPES, MEMBERSHIP_KINDS, ROLES
from models.articles import DATE_PRECISIONS
from models.base import Base, in_values, surrogate_key

ENTITY_KINDS = ("person", "state", "organization", "place")

_EXACTLY_ONE_ACTOR = (
    "(person_id is not null)::int + (state_id is not null)::int"
    " + (organization_id is not null)::int = 1"
)


def _precision_check(column: str) -> CheckConstraint:
    return CheckConstraint(
        f"({column}_date is null) = ({column}_precision is null) and "
        f"({column}_precision is null or {in_values(column + '_precision', DATE_PRECISIONS)})",
        name=f"{column}_precision",
    )


class MentionRow(Base):
    """A span of a sentence that names an entity, and the entity it resolves to."""

    __tablename__ = "mention"
    __table_args__ = (
        CheckConstraint(in_values("entity_kind", ENTITY_KINDS), name="entity_kind"),
        CheckConstraint(
            "(entity_kind = 'person') = (person_id is not null) and "
            "(entity_kind = 'state') = (state_id is not null) and "
            "(entity_kind = 'organization') = (organization_id is not null) and "
            "(entity_kind = 'place') = (place_id is not null)",
            name="one_entity",
        ),
        CheckConstraint("char_start >= 0 and char_end > char_start", name="offsets"),
    )

    id: Mapped[int] = surrogate_key("mention")
    sentence_id: Mapped[int] = mapped_column(ForeignKey("sentence.id"), nullable=False)
    char_start: Mapped[int] = mapped_column(Integer, nullable=False)
    char_end: Mapped[int] = mapped_column(Integer, nullable=False)
    surface: Mapped[str] = mapped_column(String, nullable=False)
    entity_kind: Mapped[str] = mapped_column(String, nullable=False)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    state_id: Mapped[int | None] = mapped_column(ForeignKey("state.id"))
    organization_id: Mapped[int | None] = mapped_column(ForeignKey("organization.id"))
    place_id: Mapped[int | None] = mapped_column(ForeignKey("place.id"))
    via: Mapped[str] = mapped_column(String, nullable=False)
    run_id: Mapped[int] = mapped_column(ForeignKey("extraction_run.id"), nullable=False)


class Membership(Base):
    """A state's standing in an organization, as asserted by at least one sentence."""

    __tablename__ = "membership"
    __table_args__ = (
        UniqueConstraint("state_id", "organization_id", "kind"),
        CheckConstraint(in_values("kind", MEMBERSHIP_KINDS), name="kind"),
        _precision_check("since"),
        _precision_check("until"),
    )

    id: Mapped[int] = surrogate_key("membership")
    state_id: Mapped[int] = mapped_column(ForeignKey("state.id"), nullable=False)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organization.id"), nullable=False)
    kind: Mapped[str] = mapped_column(String, nullable=False)
    since_date: Mapped[date | None] = mapped_column(Date)
    since_precision: Mapped[str | None] = mapped_column(String)
    until_date: Mapped[date | None] = mapped_column(Date)
    until_precision: Mapped[str | None] = mapped_column(String)
    run_id: Mapped[int] = mapped_column(ForeignKey("extraction_run.id"), nullable=False)


class Event(Base):
    """One real-world happening, however many articles report it."""

    __tablename__ = "event"
    __table_args__ = (
        CheckConstraint(in_values("type", EVENT_TYPES), name="type"),
        CheckConstraint(in_values("status", ("occurred", "planned")), name="status"),
        _precision_check("start"),
        _precision_check("end"),
    )

    id: Mapped[int] = surrogate_key("event")
    type: Mapped[str] = mapped_column(String, nullable=False)
    title: Mapped[str] = mapped_column(String, nullable=False)
    start_date: Mapped[date | None] = mapped_column(Date)
    start_precision: Mapped[str | None] = mapped_column(String)
    end_date: Mapped[date | None] = mapped_column(Date)
    end_precision: Mapped[str | None] = mapped_column(String)
    # Not declared foreign keys: a later report may add the place, state or organizer of an
    # event, and DuckDB cannot update a foreign-key column of a row that participations
    # reference. etl.quality ("no_orphan_rows") checks them instead.
    place_id: Mapped[int | None] = mapped_column(Integer)
    state_id: Mapped[int | None] = mapped_column(Integer)
    organization_id: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String, nullable=False)
    run_id: Mapped[int] = mapped_column(ForeignKey("extraction_run.id"), nullable=False)


# Dedup's blocking index, kept in the warehouse so that a new batch reads only the events it
# could merge with (`etl.dedup.index_keys`: type group + an entity or a pair of entities).
# No primary key and no declared foreign key on purpose: an index over millions of short rows
# would cost more on every load than it saves; etl.quality ("no_orphan_rows") checks event_id.
event_match_key = Table(
    "event_match_key",
    Base.metadata,
    Column("event_id", Integer, nullable=False),
    Column("match_key", String, nullable=False),
)


class Participation(Base):
    """Who took part in an event, and how: exactly one of person, state or organization."""

    __tablename__ = "participation"
    __table_args__ = (
        CheckConstraint(_EXACTLY_ONE_ACTOR, name="exactly_one_actor"),
        CheckConstraint(in_values("role", ROLES), name="role"),
    )

    id: Mapped[int] = surrogate_key("participation")
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id"), nullable=False)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    state_id: Mapped[int | None] = mapped_column(ForeignKey("state.id"))
    organization_id: Mapped[int | None] = mapped_column(ForeignKey("organization.id"))
    role: Mapped[str] = mapped_column(String, nullable=False)
    run_id: Mapped[int] = mapped_column(ForeignKey("extraction_run.id"), nullable=False)


class _EvidenceColumns:
    """The span of a sentence that supports a fact."""

    sentence_id: Mapped[int] = mapped_column(ForeignKey("sentence.id"), nullable=False)
    char_start: Mapped[int] = mapped_column(Integer, nullable=False)
    char_end: Mapped[int] = mapped_column(Integer, nullable=False)
    surface: Mapped[str] = mapped_column(String, nullable=False)
    run_id: Mapped[int] = mapped_column(ForeignKey("extraction_run.id"), nullable=False)


class EventEvidence(_EvidenceColumns, Base):
    __tablename__ = "event_evidence"

    id: Mapped[int] = surrogate_key("event_evidence")
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id"), nullable=False)


class ParticipationEvidence(_EvidenceColumns, Base):
    __tablename__ = "participation_evidence"

    id: Mapped[int] = surrogate_key("participation_evidence")
    participation_id: Mapped[int] = mapped_column(ForeignKey("participation.id"), nullable=False)


class MembershipEvidence(_EvidenceColumns, Base):
    __tablename__ = "membership_evidence"

    id: Mapped[int] = surrogate_key("membership_evidence")
    membership_id: Mapped[int] = mapped_column(ForeignKey("membership.id"), nullable=False)
