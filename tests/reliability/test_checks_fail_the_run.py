"""Integrity violations fail the run visibly, and what failed is never published.

The checks themselves are unit-tested in tests/dagster_project; here a warehouse with a
violation goes through the real graph and the real CLI: the check evaluation fails, `newsfacts
run` exits non-zero naming the check, the published file is left exactly as it was, and a run
that failed its checks is not carried into the next run or published by `newsfacts migrate`.
"""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

import dagster as dg
import duckdb
import pytest

from dagster_project.cli import main
from dagster_project.definitions import ASSETS
from dagster_project.defs.checks import warehouse_checks
from dagster_project.defs.resources import build_resources
from etl.config import working_path


def _orphan_mention(con: duckdb.DuckDBPyConnection) -> None:
    """A file written by older code without the foreign key: a mention of no sentence."""
    con.execute("create table mention_old as select * from mention")
    con.execute("drop table mention")
    con.execute("alter table mention_old rename to mention")
    con.execute(
        "insert into mention select * replace (-1 as sentence_id, 999999 as id)"
        " from mention limit 1"
    )


def _event_without_participants(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(
        "insert into event (type, title, status, run_id)"
        " values ('meeting', 'Leeres Treffen', 'occurred', (select max(id) from extraction_run))"
    )


def _participation_without_evidence(con: duckdb.DuckDBPyConnection) -> None:
    run = "(select max(id) from extraction_run)"
    event = con.execute(
        f"insert into event (type, title, status, run_id) values ('meeting', 'Ohne Beleg',"
        f" 'occurred', {run}) returning id"
    ).fetchone()[0]  # type: ignore[index]
    con.execute(
        f"insert into participation (event_id, state_id, role, run_id)"
        f" values (?, (select min(id) from state), 'host', {run})",
        [event],
    )


def _event_in_1850(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(
        "update event set start_date = date '1850-06-01', start_precision = 'day',"
        " end_date = null, end_precision = null where id = (select min(id) from event)"
    )


CORRUPTIONS: dict[str, tuple[Callable[[duckdb.DuckDBPyConnection], None], set[str]]] = {
    "orphan": (_orphan_mention, {"no_orphan_rows"}),
    "no_participants": (
        _event_without_participants, {"events_have_participants", "facts_have_evidence"}
    ),
    "no_evidence": (_participation_without_evidence, {"facts_have_evidence"}),
    "date_out_of_range": (_event_in_1850, {"event_dates_plausible"}),
}


@pytest.fixture(scope="module")
def healthy(tmp_path_factory: pytest.TempPathFactory, nf: SimpleNamespace) -> tuple[Path, Path]:
    """A healthy published warehouse of a few test articles (built once, copied per test)."""
    root = tmp_path_factory.mktemp("healthy")
    folder, db = root / "in", root / "wh.duckdb"
    nf.write_articles(folder, range(4))
    assert main(["run", "--articles", str(folder), "--warehouse", str(db)]) == 0
    assert nf.query(db, "select count(*) from event")[0][0] > 0
    return folder, db


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def materialize(folder: Path, db: Path) -> dg.ExecuteInProcessResult:
    return dg.materialize(
        ASSETS + warehouse_checks,
        resources=build_resources(db),
        run_config={"ops": {"parsed_articles": {"config": {"folder": str(folder)}}}},
        raise_on_error=False,
    )


def corrupt(db: Path, how: Callable[[duckdb.DuckDBPyConnection], None]) -> None:
    con = duckdb.connect(str(db))
    try:
        how(con)
    finally:
        con.close()


@pytest.mark.parametrize("kind", sorted(CORRUPTIONS))
def test_a_violation_fails_the_check_and_the_cli_and_publishes_nothing(
    kind: str,
    healthy: tuple[Path, Path],
    tmp_path: Path,
    nf: SimpleNamespace,
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder, template = healthy
    db = tmp_path / "wh.duckdb"
    shutil.copyfile(template, db)
    how, expected = CORRUPTIONS[kind]
    corrupt(db, how)  # the published file, as older code might have left it
    published = sha(db)

    result = materialize(folder, db)
    assert not result.success
    failed = {ev.check_name for ev in result.get_asset_check_evaluations() if not ev.passed}
    assert failed == expected
    assert sha(db) == published

    run = nf.run_in_process(folder, db, capsys)
    assert run.returncode != 0
    assert any(name in run.stderr for name in expected), run.stderr
    assert sha(db) == published


def test_a_run_that_failed_its_checks_is_neither_kept_nor_published_later(
    healthy: tuple[Path, Path], tmp_path: Path, nf: SimpleNamespace,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The bad rows of a failed run live only in the working copy; `newsfacts migrate` and the
    next run must start again from the published snapshot instead of carrying them on."""
    folder, template = healthy
    db = tmp_path / "wh.duckdb"
    shutil.copyfile(template, db)
    assert nf.run_in_process(folder, db, capsys).returncode == 0  # working copy = published
    published = sha(db)
    corrupt(working_path(db), _event_without_participants)
    assert nf.run_in_process(folder, db, capsys).returncode != 0
    assert sha(db) == published

    assert main(["migrate", "--warehouse", str(db)]) == 0
    assert nf.query(db, "select count(*) from event where title = 'Leeres Treffen'") == [(0,)]
    assert nf.run_in_process(folder, db, capsys).returncode == 0
    assert nf.query(db, "select count(*) from event where title = 'Leeres Treffen'") == [(0,)]
