"""Shared tools for the reliability attacks: German test articles, the real `newsfacts` CLI in a
subprocess or in-process, and read-only looks at a warehouse file.

The articles are written for these tests (not the bundled seeds), so that what they must yield
is known: German news prose naming states, capitals and organizations of the knowledge base.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import duckdb
import pytest

PAIRS = (
    ("Frankreich", "Paris", "Polen", "Warschau"),
    ("Italien", "Rom", "Spanien", "Madrid"),
    ("Österreich", "Wien", "Ungarn", "Budapest"),
    ("Schweden", "Stockholm", "Finnland", "Helsinki"),
    ("Japan", "Tokio", "Indien", "Neu-Delhi"),
    ("Kanada", "Ottawa", "Mexiko", "Mexiko-Stadt"),
)


def german_article(i: int, dated: bool = True) -> str:
    """A short, distinct German news text (its number makes its content unique)."""
    a, city, b, other = PAIRS[i % len(PAIRS)]
    header = f" date 2024-{i % 12 + 1:02d} " if dated else ""
    return (
        f"{header}Treffen in {city}. Die Außenminister beraten über die Region.\n"
        f"Die Außenminister von {a} und {b} trafen sich am Montag in {city}.\n"
        f"Sie sprachen über den Handel und die Sicherheit in der Region. {a} und {b} sind"
        f" Mitglieder der Vereinten Nationen, wie die Regierung in {other} betonte.\n"
        f"Ein weiteres Gespräch ist für den Herbst geplant. (Meldung {i})\n"
    )


def write_articles(folder: Path, numbers: range | list[int]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in numbers:
        path = folder / f"meldung-{i:04d}.txt"
        path.write_text(german_article(i), encoding="utf-8")
        paths.append(path)
    return paths


@dataclass
class Completed:
    returncode: int
    stdout: str
    stderr: str


def cli_command(folder: Path, warehouse: Path) -> list[str]:
    """`newsfacts run` exactly as a user starts it (the console script's module)."""
    return [
        sys.executable, "-m", "dagster_project.cli", "run",
        "--articles", str(folder), "--warehouse", str(warehouse),
    ]


def cli_env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("NEWSFACTS_DEBUG", None)
    env["PYTHONUNBUFFERED"] = "1"
    return env


def run_cli(folder: Path, warehouse: Path, timeout: float = 180) -> Completed:
    """Run `newsfacts run` in its own process, as a user would."""
    proc = subprocess.run(
        cli_command(folder, warehouse), capture_output=True, text=True, timeout=timeout,
        env=cli_env(),
    )
    return Completed(proc.returncode, proc.stdout, proc.stderr)


def run_in_process(
    folder: Path, warehouse: Path, capsys: pytest.CaptureFixture[str]
) -> Completed:
    """`newsfacts run` through its `main` in this process: the same code, without paying for
    interpreter start and knowledge loading again (used where no process is killed)."""
    from dagster_project.cli import main

    code = main(["run", "--articles", str(folder), "--warehouse", str(warehouse)])
    out = capsys.readouterr()
    return Completed(code, out.out, out.err)


@pytest.fixture(autouse=True)
def _keep_warehouse_env(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """`newsfacts run` in-process sets NEWSFACTS_WAREHOUSE; undo it after each test."""
    monkeypatch.setenv("NEWSFACTS_WAREHOUSE", os.environ.get("NEWSFACTS_WAREHOUSE", ""))
    yield


def query(db: Path, sql: str, params: list[Any] | None = None) -> list[tuple[Any, ...]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


def base_tables(db: Path) -> list[str]:
    return [
        r[0]
        for r in query(
            db,
            "select table_name from information_schema.tables"
            " where table_type = 'BASE TABLE' order by 1",
        )
    ]


def snapshot(db: Path, exclude: tuple[str, ...] = ()) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, in a stable order: equal snapshots mean no row changed."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        tables = [
            r[0]
            for r in con.execute(
                "select table_name from information_schema.tables"
                " where table_type = 'BASE TABLE' order by 1"
            ).fetchall()
        ]
        return {
            t: con.execute(f"select * from {t} order by all").fetchall()
            for t in tables
            if t not in exclude
        }
    finally:
        con.close()


# The helpers above as one fixture: test modules cannot import a conftest by name.
TOOLS = SimpleNamespace(
    german_article=german_article, write_articles=write_articles, cli_command=cli_command,
    cli_env=cli_env, run_cli=run_cli, run_in_process=run_in_process, query=query,
    base_tables=base_tables, snapshot=snapshot,
)


@pytest.fixture(scope="session")
def nf() -> SimpleNamespace:
    return TOOLS
