"""Alembic environment for the DuckDB warehouse.

The database is NEWSFACTS_WAREHOUSE (or ``-x db=PATH``, or a connection handed in through
``config.attributes['connection']`` by `etl.migrate`). Views live in ``sql/`` and are applied by
revisions, so autogenerate ignores them.
"""

from __future__ import annotations

from alembic import context
from alembic.ddl.impl import DefaultImpl
from sqlalchemy import create_engine
from sqlalchemy.pool import NullPool

from etl.config import warehouse_path
from models import Base


class AlembicDuckDBImpl(DefaultImpl):
    """DuckDB DDL is transactional: a failing migration rolls back whole."""

    __dialect__ = "duckdb"
    transactional_ddl = True


def include_object(obj, name, type_, reflected, compare_to) -> bool:  # noqa: ANN001
    return type_ != "view" and not (reflected and compare_to is None and type_ == "table"
                                    and name.startswith("v_"))


def _configure(connection) -> None:  # noqa: ANN001
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        include_object=include_object,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _configure(connection)
        return
    db = context.get_x_argument(as_dictionary=True).get("db") or str(warehouse_path())
    engine = create_engine(f"duckdb:///{db}", poolclass=NullPool)
    with engine.connect() as conn:
        _configure(conn)
    engine.dispose()


if context.is_offline_mode():
    raise SystemExit("offline (--sql) migrations are not supported for DuckDB")
run_migrations_online()
