"""Reference entities (from the knowledge base, plus persons discovered in text)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Integer,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from etl.positions import POSITION_ROLES  # shared with the knowledge base; no heavy imports
from models.base import Base, in_values, surrogate_key

PLACE_KINDS = ("city", "region", "country")


class State(Base):
    __tablename__ = "state"

    id: Mapped[int] = surrogate_key("state")
    code: Mapped[str] = mapped_column(String(2), nullable=False, unique=True)
    alpha3: Mapped[str | None] = mapped_column(String(3))
    name_de: Mapped[str] = mapped_column(String, nullable=False)
    name_en: Mapped[str] = mapped_column(String, nullable=False)


class StateAlias(Base):
    __tablename__ = "state_alias"
    __table_args__ = (UniqueConstraint("state_id", "alias"),)

    id: Mapped[int] = surrogate_key("state_alias")
    state_id: Mapped[int] = mapped_column(ForeignKey("state.id"), nullable=False)
    alias: Mapped[str] = mapped_column(String, nullable=False)
    kind: Mapped[str] = mapped_column(String, nullable=False)


class Organization(Base):
    __tablename__ = "organization"

    id: Mapped[int] = surrogate_key("organization")
    key: Mapped[str] = mapped_column(String, nullable=False, unique=True)
    name: Mapped[str] = mapped_column(String, nullable=False)
    name_en: Mapped[str | None] = mapped_column(String)
    abbreviation: Mapped[str | None] = mapped_column(String)
    kind: Mapped[str] = mapped_column(String, nullable=False)


class OrganizationAlias(Base):
    __tablename__ = "organization_alias"
    __table_args__ = (UniqueConstraint("organization_id", "alias"),)

    id: Mapped[int] = surrogate_key("organization_alias")
    organization_id: Mapped[int] = mapped_column(ForeignKey("organization.id"), nullable=False)
    alias: Mapped[str] = mapped_column(String, nullable=False)


class Person(Base):
    """A person; ``discovered`` marks one found in text rather than in the knowledge base."""

    __tablename__ = "person"

    id: Mapped[int] = surrogate_key("person")
    key: Mapped[str] = mapped_column(String, nullable=False, unique=True)
    name: Mapped[str] = mapped_column(String, nullable=False)
    # Not a declared foreign key: DuckDB cannot update a foreign-key column of a row that other
    # rows reference, and a person's state may change with the knowledge base. Checked instead
    # by etl.quality ("no_orphan_rows").
    state_id: Mapped[int | None] = mapped_column(Integer)
    title: Mapped[str | None] = mapped_column(String)
    discovered: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)


class PersonAlias(Base):
    __tablename__ = "person_alias"
    __table_args__ = (UniqueConstraint("person_id", "alias"),)

    id: Mapped[int] = surrogate_key("person_alias")
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), nullable=False)
    alias: Mapped[str] = mapped_column(String, nullable=False)


class Position(Base):
    """A dated role (PETRARCH-style): who was what, for which state or organization, when."""

    __tablename__ = "position"
    __table_args__ = (
        CheckConstraint(
            "state_id is not null or organization_id is not null", name="holder_of_what"
        ),
        CheckConstraint(in_values("role", POSITION_ROLES), name="role"),
        CheckConstraint(
            "valid_to is null or valid_from is null or valid_to >= valid_from", name="dates"
        ),
    )

    id: Mapped[int] = surrogate_key("position")
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), nullable=False)
    state_id: Mapped[int | None] = mapped_column(ForeignKey("state.id"))
    organization_id: Mapped[int | None] = mapped_column(ForeignKey("organization.id"))
    title: Mapped[str] = mapped_column(String, nullable=False)
    role: Mapped[str] = mapped_column(String, nullable=False)
    valid_from: Mapped[date | None] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date)


class Place(Base):
    __tablename__ = "place"
    __table_args__ = (CheckConstraint(in_values("kind", PLACE_KINDS), name="kind"),)

    id: Mapped[int] = surrogate_key("place")
    key: Mapped[str] = mapped_column(String, nullable=False, unique=True)
    name: Mapped[str] = mapped_column(String, nullable=False)
    kind: Mapped[str] = mapped_column(String, nullable=False)
    state_id: Mapped[int | None] = mapped_column(Integer)  # see Person.state_id


class PlaceAlias(Base):
    __tablename__ = "place_alias"
    __table_args__ = (UniqueConstraint("place_id", "alias"),)

    id: Mapped[int] = surrogate_key("place_alias")
    place_id: Mapped[int] = mapped_column(ForeignKey("place.id"), nullable=False)
    alias: Mapped[str] = mapped_column(String, nullable=False)
