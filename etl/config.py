"""Where the warehouse and the articles live: one setting for the CLI, Alembic and Dagster."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_WAREHOUSE = PROJECT_ROOT / "data" / "warehouse.duckdb"
DEFAULT_ARTICLES = PROJECT_ROOT / "data" / "articles"
DEFAULT_INBOX = PROJECT_ROOT / "data" / "inbox"


def warehouse_path(override: str | os.PathLike[str] | None = None) -> Path:
    """The published warehouse file that users read (``NEWSFACTS_WAREHOUSE``)."""
    return Path(override or os.environ.get("NEWSFACTS_WAREHOUSE") or DEFAULT_WAREHOUSE)


def working_path(published: Path) -> Path:
    """The file the pipeline writes; readers never open it, so they never block a run."""
    return published.with_name(f".{published.name}.work")


def articles_path(override: str | os.PathLike[str] | None = None) -> Path:
    return Path(override or os.environ.get("NEWSFACTS_ARTICLES") or DEFAULT_ARTICLES)


def inbox_path(override: str | os.PathLike[str] | None = None) -> Path:
    return Path(override or os.environ.get("NEWSFACTS_INBOX") or DEFAULT_INBOX)
