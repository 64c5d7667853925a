"""The `newsfacts` command as a user runs it."""

import importlib.util
import json
import sys
from pathlib import Path

import pytest
import yaml

from dagster_project.cli import main

SCORER = Path(__file__).resolve().parents[3] / "shared" / "gold" / "score.py"


def test_run_then_export_loads_in_the_reference_scorer(
    tmp_path: Path, samples: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "wh.duckdb"
    assert main(["run", "--articles", str(samples), "--warehouse", str(db)]) == 0
    out = capsys.readouterr().out
    assert "5 loaded" in out
    export = tmp_path / "facts.json"
    assert main(["export", "--warehouse", str(db), "--out", str(export)]) == 0
    doc = json.loads(export.read_text(encoding="utf-8"))
    assert {a["file"] for a in doc["articles"]} == {p.name for p in samples.iterdir()}
    assert [a["date"] for a in doc["articles"]].count(None) == 1
    if SCORER.exists():
        spec = importlib.util.spec_from_file_location("score", SCORER)
        scorer = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
        sys.modules["score"] = scorer  # its dataclasses look their module up there
        spec.loader.exec_module(scorer)  # type: ignore[union-attr]
        gold = yaml.safe_load((SCORER.parent / "seeds.yaml").read_text(encoding="utf-8"))
        figures = scorer.score(doc, gold)
        assert figures["article_dates_correct"] == "5/5"


def test_missing_folder_is_one_line_and_nonzero(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["run", "--articles", str(tmp_path / "nope"), "--warehouse", str(tmp_path / "w")])
    err = capsys.readouterr().err
    assert code != 0
    assert err.count("\n") == 1 and "article folder not found" in err


def test_export_without_warehouse_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["export", "--warehouse", str(tmp_path / "none.duckdb"), "--out", "x.json"])
    assert code == 2
    assert "newsfacts run" in capsys.readouterr().err
