"""Applying the reporting views in ``sql/`` from migrations (one file a view).

Autogenerate ignores views, so a revision that adds or changes a view calls `apply_views`; a
changed view is a new revision that re-applies it.

``sql/NAME.sql`` is always the newest definition of a view, the one the newest revision that
applies it installs. A revision whose definition has since been replaced must still install
exactly what it installed when it was written (an upgrade from empty replays every revision,
and a downgrade restores the previous definitions), so when a later revision changes a view,
the text it replaces is kept in ``migrations/sql/<revision>/NAME.sql`` for the revision that
applied it; `view_sql` prefers that snapshot. `tests/models/test_migrations.py` checks that no
revision but the newest one of each view reads ``sql/``.
"""

from __future__ import annotations

from pathlib import Path

from alembic import op

SQL_DIR = Path(__file__).resolve().parent.parent / "sql"
SNAPSHOT_DIR = Path(__file__).resolve().parent / "sql"


def snapshot_path(name: str, revision: str) -> Path:
    """Where the definition of view ``name`` as revision ``revision`` applied it is kept."""
    return SNAPSHOT_DIR / revision / f"{name}.sql"


def view_sql(name: str, revision: str | None = None) -> str:
    """The view's SQL as ``revision`` installs it: its snapshot if a later revision changed
    the view, else the current file in ``sql/``."""
    if revision is not None:
        snapshot = snapshot_path(name, revision)
        if snapshot.exists():
            return snapshot.read_text(encoding="utf-8")
    return (SQL_DIR / f"{name}.sql").read_text(encoding="utf-8")


def apply_views(names: list[str], revision: str | None = None) -> None:
    """Create or replace the views, in order (list a view after the views it reads)."""
    for name in names:
        op.execute(f"create or replace view {name} as\n{view_sql(name, revision)}")


def drop_views(names: list[str]) -> None:
    for name in reversed(names):
        op.execute(f"drop view if exists {name}")
