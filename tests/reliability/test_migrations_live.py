"""Migrations on a warehouse full of data: no row lost going to the previous revision and back,
a downgrade/upgrade round trip restores the same rows, `alembic check` stays clean, and the
pipeline keeps working on the migrated file.

The samples are loaded by the real pipeline (which migrates to head), then the file is taken
down to the previous revision: that is the file an analyst at the previous release has. Its rows
must survive the upgrade to head unchanged. Generic over the history, so every new migration is
tested on live data without editing this test.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import duckdb
import pytest
from alembic.script import ScriptDirectory

from etl import warehouse
from etl.config import working_path
from migrations.views import SQL_DIR


def rows(db: Path, cols: dict[str, list[str]]) -> dict[str, list[tuple[Any, ...]]]:
    """The rows of the given columns, sorted: compares data across schema versions."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {
            t: con.execute(f"select {', '.join(c)} from {t} order by all").fetchall()
            for t, c in cols.items()
        }
    finally:
        con.close()


def test_upgrade_from_the_previous_revision_keeps_every_row(
    tmp_path: Path,
    samples: Path,
    nf: SimpleNamespace,
    capsys: pytest.CaptureFixture[str],
    table_columns: Callable[[Path], dict[str, list[str]]],
    alembic_check: Callable[[Path], None],
) -> None:
    columns = table_columns
    script = ScriptDirectory.from_config(warehouse.alembic_config())
    head = script.get_current_head()
    assert head is not None
    previous = script.get_revision(head).down_revision
    assert isinstance(previous, str), "head must have one previous revision to test against"

    published = tmp_path / "wh.duckdb"
    assert nf.run_in_process(samples, published, capsys).returncode == 0
    db = tmp_path / "live.duckdb"
    shutil.copyfile(published, db)
    at_head = rows(db, columns(db))
    assert at_head["article"] and at_head["event"] and at_head["mention"]

    warehouse.downgrade(db, previous)
    con = duckdb.connect(str(db), read_only=True)
    try:  # the previous revision's views work on its data (a downgrade restores them whole)
        previous_views = [
            r[0]
            for r in con.execute(
                "select view_name from duckdb_views() where not internal"
            ).fetchall()
        ]
        assert previous_views
        for view in previous_views:
            con.execute(f"select * from {view} limit 1").fetchall()
    finally:
        con.close()
    old_columns = columns(db)
    at_previous = rows(db, old_columns)
    for table, data in at_previous.items():  # going down loses no row either
        if table in at_head:
            assert len(data) == len(at_head[table]), table

    warehouse.migrate(db)
    assert rows(db, old_columns) == at_previous  # the previous release's rows, unchanged
    upgraded = rows(db, columns(db))
    assert {t: len(r) for t, r in upgraded.items()} == {t: len(r) for t, r in at_head.items()}
    alembic_check(db)

    # Round trip: down one revision and up again restores the same rows.
    warehouse.downgrade(db, "-1")
    warehouse.migrate(db)
    assert rows(db, columns(db)) == upgraded
    alembic_check(db)
    con = duckdb.connect(str(db), read_only=True)
    try:
        for view in sorted(p.stem for p in SQL_DIR.glob("*.sql")):
            con.execute(f"select * from {view} limit 1").fetchall()
        assert con.execute("select count(*) from v_event_participation").fetchone()[0] > 0  # type: ignore[index]
    finally:
        con.close()

    # The pipeline goes on with the migrated file as its published snapshot: nothing changes.
    shutil.copyfile(db, published)
    working_path(published).unlink()  # so the run really starts from the migrated file
    before = nf.snapshot(published, exclude=("extraction_run",))
    assert nf.run_in_process(samples, published, capsys).returncode == 0
    assert nf.snapshot(published, exclude=("extraction_run",)) == before
