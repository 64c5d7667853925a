"""SIGKILL a real `newsfacts run` at random moments; the published warehouse must never be torn.

No fault-injection hook is needed: the process is killed from outside, at seeded random delays
(some anywhere in the run, most after extraction finished, i.e. while it retracts, loads,
checks and publishes). After every kill the published file must open and hold exactly the state
of whole runs: the article set from before the killed run or the whole folder, with exactly the
sentences and mentions those articles yield, only succeeded runs, and passing integrity checks.
The next run then completes the rest.
"""

from __future__ import annotations

import os
import random
import select
import signal
import subprocess
import time
from pathlib import Path
from types import SimpleNamespace

import duckdb
import pytest

from dagster_project.cli import main
from etl import quality
from etl.config import working_path

SEED = 7
KILLS = 4
BATCH = 40  # new articles per killed run


def article_set(db: Path, nf: SimpleNamespace) -> frozenset[str]:
    return frozenset(
        r[0] for r in nf.query(db, "select sha256 from article where superseded_at is null")
    )


def per_article_counts(db: Path, nf: SimpleNamespace) -> dict[str, tuple[int, int]]:
    """(sentences, mentions) each article yields: what a whole load of it must add."""
    rows = nf.query(
        db,
        "select a.sha256, count(distinct s.id), count(m.id) from article as a"
        " left join sentence as s on s.article_id = a.id"
        " left join mention as m on m.sentence_id = s.id group by a.sha256",
    )
    return {r[0]: (r[1], r[2]) for r in rows}


def assert_whole_state(
    db: Path,
    allowed: list[frozenset[str]],
    expected: dict[str, tuple[int, int]],
    nf: SimpleNamespace,
) -> frozenset[str]:
    """The published file opens and holds one of the allowed article sets, completely."""
    shas = article_set(db, nf)
    assert shas in allowed, f"published holds {len(shas)} articles, not a whole-run state"
    sentences = nf.query(db, "select count(*) from sentence")[0][0]
    mentions = nf.query(db, "select count(*) from mention")[0][0]
    assert sentences == sum(expected[s][0] for s in shas)
    assert mentions == sum(expected[s][1] for s in shas)
    assert nf.query(db, "select distinct status from extraction_run") == [("succeeded",)]
    con = duckdb.connect(str(db), read_only=True)
    try:
        for check in quality.CHECKS:
            assert quality.run_check(con, check)[0] == 0, check.name
    finally:
        con.close()
    return shas


def start_and_kill(
    folder: Path, db: Path, delay: float, after_extraction: bool, nf: SimpleNamespace
) -> str:
    """Start `newsfacts run`, SIGKILL it `delay` seconds after its start (or after it reported
    extraction finished); return at which point it died ("killed" or "finished first")."""
    proc = subprocess.Popen(
        nf.cli_command(folder, db), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        env=nf.cli_env(), start_new_session=True,
    )
    try:
        assert proc.stderr is not None
        if after_extraction:
            seen = b""
            deadline = time.monotonic() + 120
            while b"extracting: 100%" not in seen and proc.poll() is None:
                assert time.monotonic() < deadline, "run did not reach extraction"
                ready, _, _ = select.select([proc.stderr], [], [], 0.5)
                if ready:
                    chunk = os.read(proc.stderr.fileno(), 65536)
                    if not chunk:
                        break
                    seen += chunk
        time.sleep(delay)
        if proc.poll() is not None:
            return "finished first"
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
        return "killed"
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=30)
        if proc.stderr is not None:
            proc.stderr.close()


def where_it_died(db: Path, nf: SimpleNamespace) -> str:
    """For the record: how far the killed run had come (its trace in the working copy)."""
    work = working_path(db)
    try:
        last = nf.query(work, "select id, status from extraction_run order by id desc limit 1")
    except duckdb.Error as exc:
        return f"working copy unreadable ({type(exc).__name__})"
    published = nf.query(db, "select max(id) from extraction_run")[0][0]
    if not last:
        return "before loading"
    if last[0][1] == "running":
        return "while loading"
    return "after publishing" if last[0][0] == published else "after loading, before publishing"


def test_sigkill_at_random_points_never_tears_the_published_warehouse(
    tmp_path: Path, nf: SimpleNamespace, capsys: pytest.CaptureFixture[str]
) -> None:
    rng = random.Random(SEED)
    folder, db = tmp_path / "in", tmp_path / "wh.duckdb"
    # What every article must yield once loaded, from one uninterrupted reference run.
    reference_folder, reference = tmp_path / "ref-in", tmp_path / "ref.duckdb"
    nf.write_articles(reference_folder, range((KILLS + 1) * BATCH))
    assert main(["run", "--articles", str(reference_folder), "--warehouse", str(reference)]) == 0
    expected = per_article_counts(reference, nf)

    def first_batches(n: int) -> frozenset[str]:
        """The articles of the first ``n`` batches (file names sort by number)."""
        return frozenset(
            r[0] for r in nf.query(
                reference,
                "select a.sha256 from article as a join article_file as f on f.article_id = a.id"
                " where f.file_name < ?",
                [f"meldung-{n * BATCH:04d}"],
            )
        )

    nf.write_articles(folder, range(BATCH))
    started = time.monotonic()
    assert nf.run_cli(folder, db).returncode == 0
    duration = time.monotonic() - started
    state = assert_whole_state(db, [first_batches(1)], expected, nf)
    outcomes = []
    for k in range(1, KILLS + 1):
        nf.write_articles(folder, range(k * BATCH, (k + 1) * BATCH))
        after_extraction = k > 1
        delay = rng.uniform(0, 0.8) if after_extraction else rng.uniform(0.3, 1.0) * duration
        outcome = start_and_kill(folder, db, delay, after_extraction, nf)
        outcomes.append(f"{outcome} after {delay:.2f}s: {where_it_died(db, nf)}")
        state = assert_whole_state(db, [state, first_batches(k + 1)], expected, nf)

    final = nf.run_in_process(folder, db, capsys)
    assert final.returncode == 0, final.stderr
    assert_whole_state(db, [first_batches(KILLS + 1)], expected, nf)
    assert any(o.startswith("killed") for o in outcomes), outcomes
    print("\n".join(outcomes))
