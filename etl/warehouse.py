"""The warehouse files: migrating, the working copy the pipeline writes, the published snapshot.

DuckDB allows one writing process or many readers, never both. So the file users open
(``NEWSFACTS_WAREHOUSE``) is never written in place: the pipeline writes a hidden working copy
beside it and, after a successful run, publishes it by copy + atomic rename. A reader holding the
published file open keeps seeing the previous snapshot and never blocks a run; a run that dies
leaves the published file untouched, and the next run restarts from it.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb
from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine
from sqlalchemy.pool import NullPool

from etl.config import PROJECT_ROOT, working_path


def alembic_config() -> Config:
    cfg = Config(str(PROJECT_ROOT / "alembic.ini"))
    cfg.set_main_option("script_location", str(PROJECT_ROOT / "migrations"))
    return cfg


def migrate(db: Path, revision: str = "head") -> None:
    """Upgrade one DuckDB file to a revision (creating the file if needed)."""
    db.parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(f"duckdb:///{db}", poolclass=NullPool)
    try:
        with engine.begin() as conn:
            cfg = alembic_config()
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, revision)
    finally:
        engine.dispose()


def downgrade(db: Path, revision: str) -> None:
    engine = create_engine(f"duckdb:///{db}", poolclass=NullPool)
    try:
        with engine.begin() as conn:
            cfg = alembic_config()
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, revision)
    finally:
        engine.dispose()


def _last_run(db: Path) -> tuple[Any, ...] | None:
    """(id, status, finished_at) of the file's newest extraction run; None when the file has no
    run or cannot be opened (a crashed run's file is simply not reused)."""
    try:
        con = duckdb.connect(str(db), read_only=True)
    except duckdb.Error:
        return None
    try:
        has_runs = con.execute(
            "select count(*) from information_schema.tables where table_name = 'extraction_run'"
        ).fetchone()[0]  # type: ignore[index]
        if not has_runs:
            return None
        return con.execute(
            "select id, status, finished_at from extraction_run order by id desc limit 1"
        ).fetchone()
    except duckdb.Error:
        return None
    finally:
        con.close()


def prepare_working_copy(published: Path) -> Path:
    """Return a working file that holds exactly the last published state (or a clean one).

    The working copy is reused only when its newest run is the published file's newest run. A
    run that loaded but then failed its asset checks was never published: its data must not
    survive into the next run (nor be published by ``newsfacts migrate``), so the next run
    restarts from the snapshot, as it does after a crash."""
    work = working_path(published)
    wal = work.with_name(work.name + ".wal")
    if work.exists() and published.exists():
        last = _last_run(work)
        if last is not None and last[1] == "succeeded" and last == _last_run(published):
            return work
    # Missing, crashed, unchecked, or not what was published: start again from the snapshot.
    for f in (work, wal):
        f.unlink(missing_ok=True)
    if published.exists():
        shutil.copyfile(published, work)
    return work


def publish(published: Path) -> None:
    """Atomically replace the published file with the (checkpointed) working copy."""
    work = working_path(published)
    con = duckdb.connect(str(work))
    try:
        con.execute("checkpoint")
    finally:
        con.close()
    tmp = published.with_name(f".{published.name}.publishing")
    shutil.copyfile(work, tmp)
    os.replace(tmp, published)
    # The working copy must not look older than what it just published.
    os.utime(work)


@contextmanager
def connect(db: Path, read_only: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
    """A connection that is always closed, so the file lock never outlives its use."""
    con = duckdb.connect(str(db), read_only=read_only)
    try:
        yield con
    finally:
        con.close()
