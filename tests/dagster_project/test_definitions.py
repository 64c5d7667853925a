"""The Dagster code location: it loads, the whole graph materializes in-process on the samples,
re-runs change nothing, bad files are rejected while the rest loads, the sensor and the checks
work as plain functions."""

import shutil
from pathlib import Path

import dagster as dg
import duckdb
import pytest
from dagster_duckdb import DuckDBResource

from dagster_project.definitions import ASSETS, defs
from dagster_project.defs.checks import warehouse_checks
from dagster_project.defs.resources import build_resources
from dagster_project.defs.sensors import inbox_sensor
from etl.config import working_path

COUNTED = (
    "article",
    "rejected_article",
    "sentence",
    "mention",
    "event",
    "participation",
    "event_evidence",
    "membership",
)


def materialize(folder: Path, warehouse: Path) -> dg.ExecuteInProcessResult:
    return dg.materialize(
        ASSETS + warehouse_checks,
        resources=build_resources(warehouse),
        run_config={"ops": {"parsed_articles": {"config": {"folder": str(folder)}}}},
    )


def counts(db: Path) -> dict[str, int]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: con.execute(f"select count(*) from {t}").fetchone()[0] for t in COUNTED}  # type: ignore[index]
    finally:
        con.close()


def test_definitions_load() -> None:
    dg.Definitions.validate_loadable(defs)
    graph = defs.resolve_asset_graph()
    keys = {k.to_user_string() for k in graph.get_all_asset_keys()}
    assert {
        "parsed_articles",
        "article_facts",
        "event_groups",
        "warehouse_facts",
        "published_warehouse",
    } <= keys
    assert defs.resolve_job_def("newsfacts_job") is not None


def test_whole_graph_on_the_samples_and_rerun_is_idempotent(tmp_path: Path, samples: Path) -> None:
    db = tmp_path / "wh.duckdb"
    result = materialize(samples, db)
    assert result.success
    assert all(ev.passed for ev in result.get_asset_check_evaluations())
    first = counts(db)
    assert first["article"] == 5 and first["event"] > 0 and first["mention"] > 0
    con = duckdb.connect(str(db), read_only=True)
    nulls = con.execute("select count(*) from article where published_date is null").fetchone()
    con.close()
    assert nulls == (1,)
    assert materialize(samples, db).success
    assert counts(db) == first


def test_bad_files_are_rejected_and_the_rest_loads(tmp_path: Path, samples: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for p in sorted(samples.iterdir())[:2]:
        shutil.copy(p, folder / p.name)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    legacy = " date 2024-03 Gespräch in Wien\nDer Außenminister traf sich mit seinem Kollegen."
    (folder / "legacy.txt").write_bytes(legacy.encode("cp1252"))
    db = tmp_path / "wh.duckdb"
    assert materialize(folder, db).success
    con = duckdb.connect(str(db), read_only=True)
    rejected = con.execute("select file_name, reason from rejected_article order by 1").fetchall()
    encodings = con.execute(
        "select encoding, count(*) from article group by 1 order by 1"
    ).fetchall()
    con.close()
    assert rejected == [("empty.txt", "empty"), ("image.txt", "binary")]
    assert encodings == [("cp1252", 1), ("utf-8", 2)]


def test_published_file_is_a_separate_snapshot(tmp_path: Path, samples: Path) -> None:
    db = tmp_path / "wh.duckdb"
    assert materialize(samples, db).success
    assert db.exists() and working_path(db).exists()
    # A reader holding the published file open does not block the next run.
    reader = duckdb.connect(str(db), read_only=True)
    try:
        assert materialize(samples, db).success
        assert reader.execute("select count(*) from article").fetchone() == (5,)
    finally:
        reader.close()


def test_inbox_sensor_requests_a_run_for_new_files_once(tmp_path: Path, monkeypatch) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    monkeypatch.setenv("NEWSFACTS_INBOX", str(inbox))
    assert isinstance(inbox_sensor(dg.build_sensor_context()), dg.SkipReason)
    (inbox / "neu.txt").write_text("Der Kanzler reiste nach Rom.", encoding="utf-8")
    result = inbox_sensor(dg.build_sensor_context())
    assert isinstance(result, dg.SensorResult)
    [request] = result.run_requests
    assert request.run_config["ops"]["parsed_articles"]["config"]["folder"] == str(inbox)
    again = inbox_sensor(dg.build_sensor_context(cursor=result.cursor))
    assert isinstance(again, dg.SkipReason)


def check_after(
    tmp_path: Path, samples: Path, check_name: str, sql: str, params: list[object] | None = None
) -> dg.AssetCheckResult:
    """Load the samples, change the working copy with ``sql``, then run one check on it."""
    db = tmp_path / "wh.duckdb"
    assert materialize(samples, db).success
    work = working_path(db)
    con = duckdb.connect(str(work))
    con.execute(sql, params or [])
    con.close()
    check = next(c for c in warehouse_checks if check_name in str(c.check_keys))
    return check(duckdb=DuckDBResource(database=str(work)))


@pytest.mark.parametrize("check_name", ["events_have_participants", "facts_have_evidence"])
def test_checks_fail_on_an_event_without_participants(
    tmp_path: Path, samples: Path, check_name: str
) -> None:
    result = check_after(
        tmp_path,
        samples,
        check_name,
        "insert into event (type, title, status, run_id) values ('meeting', 'leer', 'occurred',"
        " (select max(id) from extraction_run))",
    )
    assert not result.passed
    assert result.metadata["violations"].value >= 1


@pytest.mark.parametrize(("status", "passes"), [("planned", True), ("occurred", False)])
def test_a_plan_may_lie_years_ahead_of_its_article_but_a_happening_may_not(
    tmp_path: Path, samples: Path, status: str, passes: bool
) -> None:
    result = check_after(
        tmp_path,
        samples,
        "event_dates_plausible",
        "update event set status = ?, start_date = date '2030-06-01', start_precision = 'month',"
        " end_date = null, end_precision = null where id = (select min(id) from event)",
        [status],
    )
    assert result.passed is passes
