"""The example notebook runs headless against a warehouse built by the real pipeline on the
samples, produces its figures, and is committed without outputs."""

from __future__ import annotations

from pathlib import Path

import dagster as dg
import nbformat
import pytest
from nbclient import NotebookClient

from dagster_project.definitions import ASSETS
from dagster_project.defs.checks import warehouse_checks
from dagster_project.defs.resources import build_resources

NOTEBOOK = Path(__file__).resolve().parents[2] / "notebooks" / "warehouse_tour.ipynb"
FIGURES = ("meeting_network", "timeline", "activity")


def test_the_committed_notebook_has_no_outputs() -> None:
    """Outputs would go stale and bloat diffs; the test suite is where it runs."""
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(nb)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, cell.source[:60]


@pytest.mark.timeout(300)
def test_the_notebook_runs_headless_and_draws_its_figures(
    tmp_path: Path, samples: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "warehouse.duckdb"
    result = dg.materialize(
        ASSETS + warehouse_checks,
        resources=build_resources(db),
        run_config={"ops": {"parsed_articles": {"config": {"folder": str(samples)}}}},
    )
    assert result.success
    figures = tmp_path / "figures"
    monkeypatch.setenv("NEWSFACTS_WAREHOUSE", str(db))
    monkeypatch.setenv("NEWSFACTS_FIGURES", str(figures))
    monkeypatch.setenv("NEWSFACTS_PERSON", "wladimir-putin")
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")

    nb = nbformat.read(NOTEBOOK, as_version=4)
    NotebookClient(
        nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
    ).execute()  # raises CellExecutionError on the first failing cell

    outputs = [o for cell in nb.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    pngs = [o for o in outputs if "image/png" in o.get("data", {})]
    assert len(pngs) >= len(FIGURES)
    for name in FIGURES:
        png = figures / f"{name}.png"
        assert png.exists() and png.stat().st_size > 5_000, name

    text = "\n".join(o.get("text", "") + o.get("data", {}).get("text/plain", "") for o in outputs)
    # It answered questions about the person with real rows: partners met, the SCO membership.
    assert "Xi Jinping" in text
    assert "Shanghaier Organisation" in text or "SCO" in text
