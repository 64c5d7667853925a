"""The published warehouse and its readers: BI tools and notebooks hold it open while runs write
and publish, with real second processes; and the file stays readable by DuckDB 1.x.

DuckDB's Python client shares one database instance per file within a process, so a process
that holds a connection open keeps seeing the snapshot it opened even when it connects again.
That is why the "holder" (a BI tool keeping its connection) and the "poller" (a notebook that
reconnects) are two separate processes here."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from dagster_project.definitions import ASSETS
from dagster_project.defs.checks import warehouse_checks
from dagster_project.defs.resources import build_resources
from etl import warehouse
from etl.config import working_path

# A reader process: polls the published file until the stop file appears, one JSON line per
# observation. mode "hold" keeps one connection for its whole life; "poll" reconnects each time.
READER = r"""
import json, os, sys, time
import duckdb

path, mode, out, stop = sys.argv[1:5]
SNAPSHOT = '''
    select
        (select count(*) from article),
        (select count(*) from extraction_run),
        (select count(*) from extraction_run where status <> 'succeeded'),
        (select count(*) from event),
        (select count(*) from participation),
        (select count(*) from v_event_participation),
        (select count(*) from event_evidence)
'''

def observe(con):
    return list(con.execute(SNAPSHOT).fetchone())

held = duckdb.connect(path, read_only=True) if mode == "hold" else None
with open(out, "w") as log:
    log.write(json.dumps({"ready": True}) + "\n")
    log.flush()
    while True:
        stopping = os.path.exists(stop)
        record = {"t": time.time()}
        try:
            if held is not None:
                record["rows"] = observe(held)
            else:
                con = duckdb.connect(path, read_only=True)
                try:
                    record["rows"] = observe(con)
                finally:
                    con.close()
        except Exception as exc:
            record["error"] = f"{type(exc).__name__}: {exc}"
        log.write(json.dumps(record) + "\n")
        log.flush()
        if stopping:
            break
        time.sleep(0.02)
if held is not None:
    held.close()
"""

SNAPSHOT_SQL = """
    select
        (select count(*) from article),
        (select count(*) from extraction_run),
        (select count(*) from extraction_run where status <> 'succeeded'),
        (select count(*) from event),
        (select count(*) from participation),
        (select count(*) from v_event_participation),
        (select count(*) from event_evidence)
"""


def snapshot(db: Path) -> list[int]:
    with warehouse.connect(db, read_only=True) as con:
        return list(con.execute(SNAPSHOT_SQL).fetchone())  # type: ignore[arg-type]


def materialize(folder: Path, db: Path) -> dg.ExecuteInProcessResult:
    return dg.materialize(
        ASSETS + warehouse_checks,
        resources=build_resources(db),
        run_config={"ops": {"parsed_articles": {"config": {"folder": str(folder)}}}},
    )


def variants(samples: Path, folder: Path, n: int) -> None:
    """n more articles: the samples with a distinct closing line, so each is a new text."""
    folder.mkdir(parents=True, exist_ok=True)
    originals = sorted(samples.iterdir())
    for i in range(n):
        src = originals[i % len(originals)]
        text = src.read_text(encoding="utf-8").rstrip("\n")
        (folder / f"v{i:03d}_{src.name}").write_text(
            f"{text}\n\nNachtrag {i}: Die Redaktion ergänzte den Bericht.\n", encoding="utf-8"
        )


def start_reader(db: Path, mode: str, tmp: Path, stop: Path) -> tuple[subprocess.Popen, Path]:
    out = tmp / f"reader-{mode}.jsonl"
    proc = subprocess.Popen(
        [sys.executable, "-c", READER, str(db), mode, str(out), str(stop)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 30
    while not (out.exists() and out.read_text()):
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            raise AssertionError(f"reader {mode} did not start: {proc.stderr.read()!r}")  # type: ignore[union-attr]
        time.sleep(0.05)
    return proc, out


def records(out: Path) -> list[dict]:
    return [json.loads(line) for line in out.read_text().splitlines()[1:] if line.strip()]


def test_readers_neither_block_a_run_nor_see_a_partial_batch(tmp_path: Path, samples: Path) -> None:
    db = tmp_path / "warehouse.duckdb"
    first = tmp_path / "first"
    shutil.copytree(samples, first)
    assert materialize(first, db).success
    before = snapshot(db)

    second = tmp_path / "second"
    shutil.copytree(samples, second)
    variants(samples, second, 25)  # a batch big enough that the readers poll during the load

    stop = tmp_path / "stop"
    readers = [start_reader(db, mode, tmp_path, stop) for mode in ("hold", "poll")]
    try:
        started = time.time()
        result = materialize(second, db)
        finished = time.time()
        time.sleep(0.3)  # let the poller see the new snapshot
    finally:
        stop.touch()
        for proc, _ in readers:
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
    assert result.success
    after = snapshot(db)
    assert after[0] == before[0] + 25 and after[1] == before[1] + 1

    (hold_proc, hold_out), (poll_proc, poll_out) = readers
    for proc in (hold_proc, poll_proc):
        assert proc.returncode == 0, proc.stderr.read()  # type: ignore[union-attr]
    held, polled = records(hold_out), records(poll_out)
    for rec in held + polled:
        assert "error" not in rec, rec
    during = [r for r in polled if started <= r["t"] <= finished]
    assert len(during) >= 10, "the poller did not overlap the run"
    # The process holding its connection keeps the snapshot it opened, through the publish.
    assert {tuple(r["rows"]) for r in held} == {tuple(before)}
    # A reader that reconnects sees the old snapshot, then the new one: never anything between.
    seen = [tuple(r["rows"]) for r in polled]
    assert set(seen) <= {tuple(before), tuple(after)}
    assert seen[0] == tuple(before) and seen[-1] == tuple(after)
    switch = seen.index(tuple(after))
    assert all(s == tuple(after) for s in seen[switch:])


def test_a_failed_run_publishes_nothing_while_a_reader_polls(
    tmp_path: Path, samples: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "warehouse.duckdb"
    assert materialize(samples, db).success
    before = snapshot(db)
    folder = tmp_path / "more"
    variants(samples, folder, 3)

    from etl import load

    def failing(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        raise RuntimeError("disk full")

    monkeypatch.setattr(load, "load_batch", failing)
    stop = tmp_path / "stop"
    proc, out = start_reader(db, "poll", tmp_path, stop)
    try:
        result = dg.materialize(
            ASSETS + warehouse_checks,
            resources=build_resources(db),
            run_config={"ops": {"parsed_articles": {"config": {"folder": str(folder)}}}},
            raise_on_error=False,
        )
    finally:
        stop.touch()
        proc.wait(timeout=30)
    assert not result.success
    assert snapshot(db) == before
    assert {tuple(r["rows"]) for r in records(out)} == {tuple(before)}


# --- storage compatibility with DuckDB 1.x ------------------------------------------------------


def test_new_warehouse_files_use_the_compatible_storage_format(migrated: Path) -> None:
    tag = warehouse.storage_version(migrated)
    assert warehouse.is_compatible(tag), tag


def test_version_tags_compare_as_versions() -> None:
    assert warehouse.is_compatible("v1.0.0+")
    assert warehouse.is_compatible("v0.10.2")
    assert not warehouse.is_compatible("v1.2.0+")
    assert not warehouse.is_compatible("v2.0.0+")
    assert not warehouse.is_compatible("latest")


def test_publish_rewrites_a_working_file_in_a_newer_format(tmp_path: Path) -> None:
    published = tmp_path / "warehouse.duckdb"
    work = working_path(published)
    con = duckdb.connect(str(work), config={"storage_compatibility_version": "latest"})
    con.close()
    if warehouse.is_compatible(warehouse.storage_version(work)):
        pytest.skip("this DuckDB's newest storage format is still the compatible one")
    warehouse.migrate(work)
    with warehouse.connect(work) as con:
        con.execute(
            "insert into extraction_run (started_at, code_version, knowledge_version, status)"
            " values (now()::timestamp, 'x', 'y', 'succeeded')"
        )
        con.execute(
            "insert into state (code, name_de, name_en) values ('FR', 'Frankreich', 'France')"
        )
        con.execute(
            "insert into event (type, title, status, run_id) values ('meeting', 't', 'occurred', 1)"
        )
        con.execute(
            "insert into participation (event_id, state_id, role, run_id) values (1, 1, 'host', 1)"
        )
        next_event = con.execute("select nextval('event_id_seq')").fetchone()[0]  # type: ignore[index]

    warehouse.publish(published)

    assert warehouse.is_compatible(warehouse.storage_version(published))
    assert warehouse.is_compatible(warehouse.storage_version(work))
    with warehouse.connect(published, read_only=True) as con:
        assert con.execute(
            "select participant_key, role from v_event_participation"
        ).fetchall() == [("FR", "host")]
        assert con.execute("select version_num from alembic_version").fetchone() is not None
    with warehouse.connect(work) as con:  # the sequences go on from where they stood
        # (DuckDB reports a reopened sequence's next value as its last, so a gap of one is fine)
        assert con.execute("select nextval('event_id_seq')").fetchone()[0] > next_event  # type: ignore[index]
        con.execute(
            "insert into event (type, title, status, run_id) values ('visit', 'u', 'occurred', 1)"
        )


@pytest.mark.skipif(
    not os.environ.get("NEWSFACTS_OLD_DUCKDB_PYTHON"),
    reason="set NEWSFACTS_OLD_DUCKDB_PYTHON to a python with an old duckdb (e.g. 1.1.3)",
)
def test_published_file_opens_in_an_old_duckdb(tmp_path: Path, samples: Path) -> None:
    """With an interpreter that has DuckDB 1.x installed (a throwaway venv), open the published
    file read-only and query every view, as a BI driver bundling that version would."""
    db = tmp_path / "warehouse.duckdb"
    assert materialize(samples, db).success
    script = (
        "import duckdb, sys\n"
        "con = duckdb.connect(sys.argv[1], read_only=True)\n"
        "views = [r[0] for r in con.execute("
        '"select view_name from duckdb_views() where not internal").fetchall()]\n'
        "for v in views: con.execute(f'select * from {v}').fetchall()\n"
        "print(duckdb.__version__, len(views),"
        " con.execute('select count(*) from article').fetchone()[0])\n"
    )
    done = subprocess.run(
        [os.environ["NEWSFACTS_OLD_DUCKDB_PYTHON"], "-c", script, str(db)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    version, views, articles = done.stdout.split()
    assert version.startswith(("0.", "1.")) and int(views) >= 13 and int(articles) == 5


# --- the writer lock: two runs never share the working copy ------------------------------------

# A second process that holds the writer lock until a line arrives on stdin (or it is killed).
HOLDER = r"""
import sys
from pathlib import Path
from etl import warehouse

with warehouse.writer_lock(Path(sys.argv[1])):
    print("locked", flush=True)
    sys.stdin.readline()
"""


@pytest.fixture
def holder(tmp_path: Path):
    """Start a process holding the writer lock of a warehouse; yields (process, published)."""
    published = tmp_path / "wh.duckdb"
    procs: list[subprocess.Popen[str]] = []

    def start() -> subprocess.Popen[str]:
        proc = subprocess.Popen(
            [sys.executable, "-c", HOLDER, str(published)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=Path(__file__).resolve().parents[2],
        )
        procs.append(proc)
        assert proc.stdout is not None and proc.stdout.readline().strip() == "locked"
        return proc

    yield start, published
    for proc in procs:
        proc.kill()
        proc.wait()


def test_a_second_process_cannot_take_the_writer_lock(holder) -> None:
    start, published = holder
    proc = start()
    started = time.monotonic()
    with pytest.raises(warehouse.WarehouseBusy, match=f"pid {proc.pid}") as busy:
        with warehouse.writer_lock(published, timeout=0.5):
            pytest.fail("took a lock another process holds")
    assert time.monotonic() - started >= 0.5  # it waited as long as it was told
    assert "another run is writing the warehouse" in str(busy.value)


def test_a_waiting_run_gets_the_lock_when_the_holder_finishes(holder) -> None:
    start, published = holder
    proc = start()
    assert proc.stdin is not None
    proc.stdin.write("done\n")
    proc.stdin.flush()
    with warehouse.writer_lock(published, timeout=30) as lock:
        assert lock == warehouse.lock_path(published)
    assert proc.wait(timeout=30) == 0


def test_a_killed_holder_leaves_no_stale_lock(holder) -> None:
    start, published = holder
    proc = start()
    proc.kill()
    proc.wait()
    with warehouse.writer_lock(published):  # the kernel released it with the process
        pass


def test_the_lock_is_reentrant_in_one_thread_but_excludes_other_threads(tmp_path: Path) -> None:
    import threading

    published = tmp_path / "wh.duckdb"
    other: list[BaseException] = []

    def take() -> None:
        try:
            with warehouse.writer_lock(published, timeout=0.2):
                pass
        except BaseException as exc:  # noqa: BLE001 - handed to the test thread
            other.append(exc)

    with warehouse.writer_lock(published):
        with warehouse.writer_lock(published):  # the CLI, then the run's resource
            pass
        thread = threading.Thread(target=take)
        thread.start()
        thread.join()
        assert len(other) == 1 and isinstance(other[0], warehouse.WarehouseBusy)
    with warehouse.writer_lock(published, timeout=0):  # all released
        pass


def test_a_run_that_finds_the_warehouse_busy_touches_no_file(
    holder, samples: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The sensor's run and the schedule's run overlap: the second fails (or waits) before it
    prepares, loads or publishes anything, so the first one's working copy stays its own."""
    from dagster_project.cli import main

    start, published = holder
    assert main(["run", "--articles", str(samples), "--warehouse", str(published)]) == 0
    work = working_path(published)
    before = {p: (p.stat().st_mtime_ns, p.stat().st_size) for p in (published, work)}
    start()

    code = main(["run", "--articles", str(samples), "--warehouse", str(published)])
    assert code == 2
    assert "another run is writing the warehouse" in capsys.readouterr().err

    # The Dagster job itself (a sensor or scheduled run) fails the same way, at resource init.
    result = dg.materialize(
        ASSETS + warehouse_checks,
        resources=build_resources(published, lock_wait_seconds=0.2),
        run_config={"ops": {"parsed_articles": {"config": {"folder": str(samples)}}}},
        raise_on_error=False,
    )
    assert not result.success
    assert not any(e.event_type_value == "STEP_START" for e in result.all_events)
    after = {p: (p.stat().st_mtime_ns, p.stat().st_size) for p in (published, work)}
    assert after == before
