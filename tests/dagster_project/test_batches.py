"""The partitioned path: ingest batches as dynamic partitions, extracted and loaded per batch.

Two batches of the bundled samples, materialized in-process one partition after the other, load
the same articles, sentences and mentions as the unpartitioned graph on the whole folder, and
re-materializing a batch changes nothing."""

import shutil
from pathlib import Path

import dagster as dg
import duckdb

from dagster_project.defs.assets.batches import (
    BATCH_ASSETS,
    ingest_batch_job,
    ingest_batch_sensor,
    ingest_batches,
)
from dagster_project.defs.resources import build_resources
from etl.batches import stage_batches

from .test_definitions import counts, materialize

EXACT = ("article", "rejected_article", "sentence", "mention", "membership")


def _stage(samples: Path, tmp_path: Path) -> tuple[Path, list[str]]:
    src = tmp_path / "inbox"
    shutil.copytree(samples, src)
    root = tmp_path / "batches"
    return root, stage_batches(src, root, 3)


def _materialize(instance: dg.DagsterInstance, root: Path, key: str, db: Path) -> None:
    result = dg.materialize(
        BATCH_ASSETS,
        instance=instance,
        partition_key=key,
        resources=build_resources(db),
        run_config={"ops": {"batch_facts": {"config": {"root": str(root)}}}},
    )
    assert result.success


def test_two_batches_load_like_one_folder(samples: Path, tmp_path: Path) -> None:
    root, keys = _stage(samples, tmp_path)
    assert keys == ["batch-000001", "batch-000002"]
    instance = dg.DagsterInstance.ephemeral()
    instance.add_dynamic_partitions(ingest_batches.name or "", keys)
    db = tmp_path / "batched.duckdb"
    for key in keys:
        _materialize(instance, root, key, db)
    batched = counts(db)

    whole = tmp_path / "whole.duckdb"
    assert materialize(samples, whole).success
    reference = counts(whole)
    assert {t: batched[t] for t in EXACT} == {t: reference[t] for t in EXACT}
    assert batched["article"] == len(list(samples.iterdir()))
    # events are deduplicated across batches against the warehouse: same order of magnitude
    assert abs(batched["event"] - reference["event"]) <= max(2, reference["event"] // 5)

    _materialize(instance, root, keys[0], db)  # a batch again: nothing new
    assert counts(db) == batched
    con = duckdb.connect(str(db), read_only=True)
    try:
        runs = con.execute("select status, articles_skipped from extraction_run order by id")
        assert runs.fetchall()[-1] == ("succeeded", 3)
    finally:
        con.close()


def test_job_uses_pool_and_multiprocess_executor(tmp_path: Path) -> None:
    defs = dg.Definitions(
        assets=BATCH_ASSETS,
        jobs=[ingest_batch_job],
        resources=build_resources(tmp_path / "w.duckdb"),
    )
    job = defs.resolve_job_def("ingest_batch_job")
    assert job.executor_def.name == "multiprocess"
    load_step = next(n for n in job.graph.node_defs if n.name == "batch_warehouse_facts")
    assert load_step.pool == "warehouse_writer"


def test_sensor_registers_new_batch_folders(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "batch-000001").mkdir()
    (tmp_path / "batch-000002").mkdir()
    monkeypatch.setenv("NEWSFACTS_BATCHES", str(tmp_path))
    instance = dg.DagsterInstance.ephemeral()
    instance.add_dynamic_partitions(ingest_batches.name or "", ["batch-000001"])
    result = ingest_batch_sensor(dg.build_sensor_context(instance=instance))
    assert [r.partition_key for r in result.run_requests] == ["batch-000002"]
    assert result.dynamic_partitions_requests[0].partition_keys == ["batch-000002"]
