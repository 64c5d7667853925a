"""Partitioned ingest: one Dagster partition per ingest batch, extraction in parallel, one writer.

The unpartitioned graph (`newsfacts_job`, `newsfacts run`) reads a whole folder in one run,
which suits the bundled samples and a daily inbox. A stream of 100k+ articles a day is cut into
ingest batches instead (`etl.batches.stage_batches`: subfolders ``batch-NNNNNN`` of
``NEWSFACTS_BATCHES``, default ``data/batches``), and each batch is a dynamic partition of two
assets:

- `batch_facts`: read, parse and extract every file of the batch. A pure function of the files
  (no database), so any number of partitions run at once: each run's step is its own process
  under Dagster's multiprocess executor, and a backfill of N partitions runs as many at a time as
  the instance allows (``dagster_home/dagster.yaml``: two on this 2-core machine).
- `batch_warehouse_facts`: plan the batch against the warehouse (new, unchanged, changed files),
  load it in one transaction and publish the snapshot. DuckDB has a single writer, so this step
  is in the ``warehouse_writer`` pool, which the instance limits to one step at a time across
  all runs: extraction scales out, the load is serialized.

The extracted facts travel between the steps through the run's IO manager (pickles in
``DAGSTER_HOME/storage`` here; on a cluster, an object store, see docs/scaling.md). Articles left
stale by a knowledge-base change belong to no batch: the unpartitioned job re-extracts them.
"""


import os
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path

import dagster as dg

from dagster_project.defs.resources import WarehouseFiles, WarehouseLock
from etl import load, warehouse
from etl.articles import ParsedArticle, Rejection, list_article_files
from etl.batches import load_extracted, read_files, sync_reference
from etl.config import PROJECT_ROOT
from etl.knowledge_base import load_knowledge_base
from etl.load import ExtractedArticle
from etl.parallel import Extractor

ingest_batches = dg.DynamicPartitionsDefinition(name="ingest_batches")


def batches_root(override: str | os.PathLike[str] | None = None) -> Path:
    """Where ingest batches are staged (``NEWSFACTS_BATCHES``, default data/batches)."""
    return Path(
        override or os.environ.get("NEWSFACTS_BATCHES") or PROJECT_ROOT / "data" / "batches"
    )


class BatchConfig(dg.Config):
    root: str = ""  # folder of batch subfolders (default NEWSFACTS_BATCHES or data/batches)
    processes: int = 1  # extraction processes inside the step (runs already run in parallel)


@dataclass
class BatchFacts:
    """A batch's files parsed and extracted, before the warehouse decides what is new."""

    batch: str
    parsed: list[ParsedArticle] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)
    extracted: list[ExtractedArticle] = field(default_factory=list)

    @property
    def files(self) -> int:
        return len(self.parsed) + len(self.rejections)


@dg.asset(
    group_name="batches",
    kinds={"python"},
    partitions_def=ingest_batches,
    description="One ingest batch read, parsed and extracted (entities, memberships, events); "
    "a pure function of its files, so batches extract in parallel.",
)
def batch_facts(context: dg.AssetExecutionContext, config: BatchConfig) -> dg.Output[BatchFacts]:
    key = context.partition_key
    folder = batches_root(config.root or None) / key
    parsed, rejections = read_files(list_article_files(folder))
    for r in rejections:
        context.log.warning(f"rejected {r.file_name}: {r.reason}: {r.detail}")
    with Extractor(config.processes) as ex:
        extracted = ex.extract(parsed)
    out = BatchFacts(key, parsed, rejections, extracted)
    return dg.Output(
        out,
        metadata={
            "folder": dg.MetadataValue.path(str(folder)),
            "files": out.files,
            "rejected": len(rejections),
            "mentions": sum(len(e.facts.mentions) for e in extracted),
            "event_reports": sum(len(e.facts.events) for e in extracted),
            "dagster/row_count": len(extracted),
        },
    )


@dg.asset(
    group_name="batches",
    kinds={"duckdb"},
    partitions_def=ingest_batches,
    pool="warehouse_writer",
    description="One ingest batch in the warehouse: planned against what is loaded, merged with "
    "existing events, loaded in one transaction and published. Single writer: the "
    "warehouse_writer pool runs one of these at a time.",
)
def batch_warehouse_facts(
    context: dg.AssetExecutionContext,
    warehouse_files: WarehouseFiles,
    warehouse_lock: WarehouseLock,  # held for this step: prepare, load and publish
    batch_facts: BatchFacts,
) -> dg.MaterializeResult:
    published = warehouse_files.published_path
    work = warehouse.prepare_working_copy(published)
    warehouse.migrate(work)
    kb = load_knowledge_base()
    with warehouse.connect(work) as con:
        sync_reference(con, kb)
        run_id = load.start_run(con, version("newsfacts"), kb.version)
        stats = load.LoadStats()
        try:
            stats = load_extracted(
                con, batch_facts.parsed, batch_facts.rejections, batch_facts.extracted, kb, run_id
            )
        except BaseException:
            load.finish_run(con, run_id, stats, batch_facts.files, "failed")
            raise
        load.finish_run(con, run_id, stats, batch_facts.files, "succeeded")
    warehouse.publish(published)
    context.log.info(f"batch {batch_facts.batch}: {stats.as_dict()}")
    return dg.MaterializeResult(
        metadata={
            "run_id": run_id,
            **{f"batch_{k}": v for k, v in stats.as_dict().items()},
            "dagster/row_count": stats.articles_loaded,
        }
    )


BATCH_ASSETS = [batch_facts, batch_warehouse_facts]

ingest_batch_job = dg.define_asset_job(
    "ingest_batch_job",
    selection=dg.AssetSelection.assets(*BATCH_ASSETS),
    executor_def=dg.multiprocess_executor,
    description="One ingest batch: extract (parallel across runs), then load (single writer).",
)


@dg.sensor(
    job=ingest_batch_job,
    minimum_interval_seconds=30,
    default_status=dg.DefaultSensorStatus.STOPPED,
    description="Registers each new batch folder under NEWSFACTS_BATCHES as a partition and "
    "requests its run.",
)
def ingest_batch_sensor(context: dg.SensorEvaluationContext) -> dg.SensorResult | dg.SkipReason:
    root = batches_root()
    if not root.is_dir():
        return dg.SkipReason(f"batch folder {root} does not exist")
    known = set(context.instance.get_dynamic_partitions(ingest_batches.name or ""))
    new = sorted(p.name for p in root.iterdir() if p.is_dir() and p.name not in known)
    if not new:
        return dg.SkipReason("no new ingest batch")
    return dg.SensorResult(
        run_requests=[dg.RunRequest(partition_key=k, run_key=f"batch:{k}") for k in new],
        dynamic_partitions_requests=[ingest_batches.build_add_request(new)],
    )
