"""Shared fixtures: small real DuckDB warehouses in tmp_path."""

from pathlib import Path

import pytest

from etl import warehouse

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "articles"


@pytest.fixture
def migrated(tmp_path: Path) -> Path:
    """An empty warehouse file at the newest revision."""
    db = tmp_path / "warehouse.duckdb"
    warehouse.migrate(db)
    return db


@pytest.fixture
def samples() -> Path:
    return SAMPLES
