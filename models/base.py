"""Declarative base and the column helpers every table shares.

DuckDB has no SERIAL: each surrogate key draws from its own named sequence. The key also gets a
server-side ``nextval`` default so that bulk ``INSERT ... SELECT`` loads (which bypass the ORM)
number their rows in the database; migrations create the sequences before the tables.
"""

from __future__ import annotations

from sqlalchemy import Integer, MetaData, Sequence, text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "%(table_name)s_%(column_0_N_name)s_key",  # the name DuckDB itself gives
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


def surrogate_key(table: str) -> Mapped[int]:
    """An integer primary key fed by the table's own sequence."""
    sequence = f"{table}_id_seq"
    return mapped_column(
        Integer,
        Sequence(sequence),
        primary_key=True,
        server_default=text(f"nextval('{sequence}')"),
    )


def in_values(column: str, values: tuple[str, ...]) -> str:
    """SQL text for a closed value set, used by CHECK constraints."""
    quoted = ", ".join(f"'{v}'" for v in values)
    return f"{column} in ({quoted})"
