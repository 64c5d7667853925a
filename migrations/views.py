"""Applying the reporting views in ``sql/`` from migrations (one file a view).

Autogenerate ignores views, so a revision that adds or changes a view calls `apply_views`; a
changed view is a new revision that re-applies it.
"""

from __future__ import annotations

from pathlib import Path

from alembic import op

SQL_DIR = Path(__file__).resolve().parent.parent / "sql"


def view_sql(name: str) -> str:
    return (SQL_DIR / f"{name}.sql").read_text(encoding="utf-8")


def apply_views(names: list[str]) -> None:
    for name in names:
        op.execute(f"create or replace view {name} as\n{view_sql(name)}")


def drop_views(names: list[str]) -> None:
    for name in reversed(names):
        op.execute(f"drop view if exists {name}")
