"""Resources: the warehouse (a DuckDB working file beside the published one) and its paths."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import dagster as dg
import duckdb
from dagster_duckdb import DuckDBResource

from etl.config import warehouse_path, working_path


class WarehouseFiles(dg.ConfigurableResource):
    """The published warehouse users read; the pipeline writes a working copy beside it."""

    published: str

    @property
    def published_path(self) -> Path:
        return Path(self.published)

    @property
    def working_path(self) -> Path:
        return working_path(self.published_path)


def build_resources(warehouse: Path | None = None) -> dict[str, dg.ConfigurableResource]:
    published = warehouse_path(warehouse).resolve()
    return {
        "warehouse_files": WarehouseFiles(published=str(published)),
        "duckdb": DuckDBResource(database=str(working_path(published))),
    }


@contextmanager
def open_connection(resource: DuckDBResource) -> Iterator[duckdb.DuckDBPyConnection]:
    """DuckDBResource's connection, closed even when the block raises (it does not do that
    itself, and a connection left open keeps the file locked)."""
    with resource.get_connection() as con:
        try:
            yield con
        finally:
            con.close()
