"""The warehouse files: migrating, the working copy the pipeline writes, the published snapshot.

DuckDB allows one writing process or many readers, never both. So the file users open
(``NEWSFACTS_WAREHOUSE``) is never written in place: the pipeline writes a hidden working copy
beside it and, after a successful run, publishes it by copy + atomic rename. A reader holding the
published file open keeps seeing the previous snapshot and never blocks a run; a run that dies
leaves the published file untouched, and the next run restarts from it.

The published file must also open in the DuckDB 1.x that BI drivers bundle (DBeaver's and
Metabase's JDBC driver, older duckdb-engine installs). A file's storage format is fixed when it
is created, and DuckDB 2.x creates files in a format 1.x cannot read. So every warehouse file is
created with ``STORAGE_COMPATIBILITY`` (readable by DuckDB >= 1.0), and `publish` checks the
working file's format and rewrites it in the compatible one if it is newer (a file made by an
older version of this code, or copied in from elsewhere).
"""

from __future__ import annotations

import fcntl
import os
import shutil
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb
from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine
from sqlalchemy.pool import NullPool

from etl.config import PROJECT_ROOT, working_path

# How often a run waiting for the writer lock tries again.
_LOCK_POLL_SECONDS = 0.2


class WarehouseBusy(RuntimeError):
    """Another run holds the warehouse's writer lock (see `writer_lock`)."""


def lock_path(published: Path) -> Path:
    """The lock file beside the warehouse that every writing run holds (hidden, never deleted:
    unlinking a lock file lets a third process lock a new file while the second still holds
    the old one)."""
    return published.with_name(f".{published.name}.lock")


# Writer locks this process holds: lock file -> [thread, depth]. A run that already holds the
# lock (the CLI takes it, then the Dagster resource of the run it starts asks again) re-enters
# instead of waiting for itself; another thread still has to wait, as another process does.
_held: dict[Path, list[int]] = {}
_held_guard = threading.Lock()


@contextmanager
def writer_lock(published: Path, timeout: float = 0.0) -> Iterator[Path]:
    """Hold the exclusive writer lock of a warehouse for the length of the block.

    Two runs on one warehouse (the inbox sensor's run and the nightly schedule's, or a CLI run
    beside the UI) share one working copy, ``.NAME.work``: the second would delete or copy over
    the file the first is loading into, and publish a mixture. So every run that prepares,
    writes or publishes the working copy holds this lock from start to end. It is an
    ``flock`` on ``.NAME.lock``: the kernel releases it when the holder exits, however it
    dies, so a killed run never leaves a stale lock behind (no pid files to clean up).

    Waits up to ``timeout`` seconds for a running run to finish (0: fail at once), then raises
    `WarehouseBusy` naming the process that holds the lock. Re-entrant within one thread."""
    path = lock_path(published)
    path.parent.mkdir(parents=True, exist_ok=True)
    key = path.parent.resolve() / path.name
    me = threading.get_ident()
    with _held_guard:
        entry = _held.get(key)
        reentered = entry is not None and entry[0] == me
        if entry is not None and reentered:
            entry[1] += 1
    if entry is not None and reentered:
        try:
            yield path
        finally:
            with _held_guard:
                entry[1] -= 1
        return
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        _acquire(fd, published, path, timeout)
        # Who holds it, for the message a waiting run shows (diagnostics only).
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"pid {os.getpid()} since {time.strftime('%Y-%m-%d %H:%M:%S')}".encode(), 0)
        with _held_guard:
            _held[key] = [me, 1]
        try:
            yield path
        finally:
            with _held_guard:
                del _held[key]
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def _acquire(fd: int, published: Path, path: Path, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() >= deadline:
                holder = os.pread(fd, 200, 0).decode("utf-8", "replace").strip()
                raise WarehouseBusy(
                    f"another run is writing the warehouse {published} "
                    f"({holder or 'holder unknown'}, lock file {path}); gave up after "
                    f"waiting {timeout:g} s: try again when that run has finished"
                ) from None
            time.sleep(_LOCK_POLL_SECONDS)


# Storage format of every file this project creates: readable by DuckDB >= 1.0 (what DBeaver,
# Metabase and older duckdb-engine installs bundle). Newer formats only add compression options.
STORAGE_COMPATIBILITY = "v1.0.0"


def _version_tuple(tag: str) -> tuple[int, ...]:
    """'v1.0.0+' -> (1, 0, 0); unknown shapes sort as newest, so they are rewritten."""
    digits = tag.strip().lstrip("v").rstrip("+").split(".")
    try:
        return tuple(int(d) for d in digits)
    except ValueError:
        return (999,)


def storage_version(db: Path) -> str:
    """The storage format a DuckDB file was written in, as DuckDB names it (e.g. 'v1.0.0+')."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        return _current_storage_version(con)
    finally:
        con.close()


def _current_storage_version(con: duckdb.DuckDBPyConnection) -> str:
    row = con.execute(
        "select tags['storage_version'] from duckdb_databases()"
        " where database_name = current_database()"
    ).fetchone()
    tag = row[0] if row else None
    # DuckDB < 1.2 has no such tag and writes only the old format.
    if isinstance(tag, list):  # map lookups returned a list before DuckDB 1.2
        tag = tag[0] if tag else None
    return str(tag or "v1.0.0")


def is_compatible(tag: str) -> bool:
    """True when a file in this storage format opens in DuckDB 1.x (the BI drivers' version)."""
    return _version_tuple(tag) <= _version_tuple(STORAGE_COMPATIBILITY)


def create_database(db: Path) -> None:
    """Create an empty DuckDB file in the compatible storage format (a no-op if it exists)."""
    if db.exists():
        return
    db.parent.mkdir(parents=True, exist_ok=True)
    try:
        con = duckdb.connect(
            str(db), config={"storage_compatibility_version": STORAGE_COMPATIBILITY}
        )
    except duckdb.Error:  # a DuckDB without the setting writes the old format anyway
        con = duckdb.connect(str(db))
    con.close()


def rewrite_compatible(db: Path) -> None:
    """Rewrite a warehouse file in the compatible storage format, in place and atomically.

    A fresh compatible file is migrated to the same Alembic revision (tables, constraints,
    sequences, views), the rows are copied parents first, and each sequence is advanced to
    where the original stood, so the next run draws the same ids. (``COPY FROM DATABASE`` would
    be shorter, but DuckDB 1.5 copies the tables in an order that violates foreign keys.) The
    result replaces the original by rename, so no one sees it half-written."""
    from models import Base  # the models import SQLAlchemy machinery; keep `etl` light

    tmp = db.with_name(f".{db.name}.rewriting")
    tmp.unlink(missing_ok=True)
    with connect(db, read_only=True) as src:
        revision = src.execute("select version_num from alembic_version").fetchone()
        sequences = src.execute(
            "select sequence_name, last_value from duckdb_sequences()"
            " where database_name = current_database() and last_value is not null"
        ).fetchall()
    try:
        create_database(tmp)
        migrate(tmp, revision[0] if revision else "base")
        con = duckdb.connect(str(tmp))
        try:
            con.execute(f"attach '{_sql_path(db)}' as src (read_only)")
            for table in Base.metadata.sorted_tables:  # parents before children
                cols = ", ".join(c.name for c in table.columns)
                con.execute(
                    f"insert into {table.name} ({cols}) select {cols} from src.main.{table.name}"
                )
            # last_value of a reopened sequence is its next value: at worst one id is skipped
            for name, last_value in sequences:
                con.execute(f"select max(nextval('{name}')) from range(?)", [int(last_value)])
            con.execute("detach src")
            con.execute("checkpoint")
        finally:
            con.close()
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _fsync(tmp)
    os.replace(tmp, db)


def _sql_path(path: Path) -> str:
    """A path as a SQL string literal body (ATTACH takes no bound parameters)."""
    return str(path).replace("'", "''")


def alembic_config() -> Config:
    cfg = Config(str(PROJECT_ROOT / "alembic.ini"))
    cfg.set_main_option("script_location", str(PROJECT_ROOT / "migrations"))
    return cfg


def _alembic(db: Path, action: Callable[[Config, str], None], revision: str) -> None:
    """Run an Alembic command on one file, through a connection that is released afterwards."""
    engine = create_engine(f"duckdb:///{db}", poolclass=NullPool)
    try:
        with engine.begin() as conn:
            cfg = alembic_config()
            cfg.attributes["connection"] = conn
            action(cfg, revision)
    finally:
        engine.dispose()


def migrate(db: Path, revision: str = "head") -> None:
    """Upgrade one DuckDB file to a revision (creating the file, BI-compatible, if needed)."""
    create_database(db)
    _alembic(db, command.upgrade, revision)


def downgrade(db: Path, revision: str) -> None:
    _alembic(db, command.downgrade, revision)


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
    """Atomically replace the published file with the (checkpointed) working copy.

    The copy is made to a hidden temporary name and renamed over the published file: a reader
    opening the file sees either the previous snapshot or the new one, never a partial copy;
    a reader already holding it open keeps the previous snapshot (its inode) until it
    reconnects. The working copy is first brought to the BI-compatible storage format."""
    work = working_path(published)
    con = duckdb.connect(str(work))
    try:
        con.execute("checkpoint")
        compatible = is_compatible(_current_storage_version(con))
    finally:
        con.close()
    if not compatible:
        rewrite_compatible(work)
    tmp = published.with_name(f".{published.name}.publishing")
    shutil.copyfile(work, tmp)
    _fsync(tmp)  # the rename must not become visible before the bytes are on disk
    os.replace(tmp, published)
    # The working copy must not look older than what it just published.
    os.utime(work)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextmanager
def connect(db: Path, read_only: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
    """A connection that is always closed, so the file lock never outlives its use."""
    con = duckdb.connect(str(db), read_only=read_only)
    try:
        yield con
    finally:
        con.close()
