"""Resources: the warehouse (a DuckDB working file beside the published one), its paths, and the
writer lock that keeps two runs off one working file."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import dagster as dg
import duckdb
from dagster_duckdb import DuckDBResource

from etl.config import warehouse_path, working_path
from etl.warehouse import writer_lock

# How long a run waits for another run on the same warehouse to finish before it fails: longer
# than a full run (about 8 minutes for 10k articles), so that the nightly schedule's run waits
# out an inbox-sensor run instead of failing.
LOCK_WAIT_SECONDS = 1800.0


class WarehouseFiles(dg.ConfigurableResource):
    """The published warehouse users read; the pipeline writes a working copy beside it."""

    published: str

    @property
    def published_path(self) -> Path:
        return Path(self.published)

    @property
    def working_path(self) -> Path:
        return working_path(self.published_path)


class WarehouseLock(dg.ConfigurableResource):
    """The warehouse's writer lock (`etl.warehouse.writer_lock`), held from the start of a
    run's first step that uses it to the end of the run's last step.

    Dagster initializes a run's resources once for an in-process run (`newsfacts_job`): the
    lock then covers the whole run, from preparing the working copy to publishing it, so a
    sensor run and a scheduled run on one warehouse take turns. Under the multiprocess executor
    (`ingest_batch_job`) each step initializes its own resources: the lock covers that step,
    which is why a batch prepares, loads and publishes the working copy in one step. A run
    that cannot get it within ``wait_seconds`` fails before touching any file."""

    published: str
    wait_seconds: float = LOCK_WAIT_SECONDS

    @contextmanager
    def yield_for_execution(self, context: dg.InitResourceContext) -> Iterator[WarehouseLock]:
        published = Path(self.published)
        with writer_lock(published, self.wait_seconds) as lock:
            if context.log is not None:
                context.log.info(f"holding the writer lock {lock}")
            yield self


def build_resources(
    warehouse: Path | None = None, lock_wait_seconds: float = LOCK_WAIT_SECONDS
) -> dict[str, dg.ConfigurableResource]:
    published = warehouse_path(warehouse).resolve()
    return {
        "warehouse_files": WarehouseFiles(published=str(published)),
        "warehouse_lock": WarehouseLock(
            published=str(published), wait_seconds=lock_wait_seconds
        ),
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
