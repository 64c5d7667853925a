"""Load layer: facts written to the working warehouse in one transaction, then published."""


from importlib.metadata import version

import dagster as dg
from dagster_duckdb import DuckDBResource

from dagster_project.defs.assets.articles import ParsedBatch
from dagster_project.defs.assets.warehouse import reference_entities
from dagster_project.defs.resources import WarehouseFiles, WarehouseLock, open_connection
from etl import load, warehouse
from etl.fmt import events_markdown
from etl.knowledge_base import load_knowledge_base
from etl.load import EventGroup, ExtractedArticle

SNAPSHOT_TABLES = (
    "article", "rejected_article", "event", "participation", "membership", "mention", "person",
)
FACT_TABLES = (
    "article", "rejected_article", "sentence", "mention", "membership", "event",
    "participation", "event_evidence", "participation_evidence", "membership_evidence",
)


@dg.asset(
    group_name="load",
    kinds={"duckdb"},
    deps=[reference_entities],
    pool="warehouse_writer",
    description="The batch in the working warehouse: facts of changed or stale articles "
    "retracted, then articles, sentences, mentions, memberships and events (merged with the "
    "warehouse's existing events) loaded in one transaction, recorded as an extraction run.",
)
def warehouse_facts(
    duckdb: DuckDBResource,
    warehouse_lock: WarehouseLock,  # writes: under the lock
    parsed_articles: ParsedBatch,
    article_facts: list[ExtractedArticle],
    event_groups: list[EventGroup],
) -> dg.MaterializeResult:
    kb = load_knowledge_base()
    plan = parsed_articles.plan
    with open_connection(duckdb) as con:
        run_id = load.start_run(con, version("newsfacts"), kb.version)
        stats = load.LoadStats()
        try:
            load.retract_articles(con, plan.superseded_ids, supersede=True)
            load.retract_articles(con, plan.stale_ids)
            stats = load.load_batch(
                con, article_facts, event_groups, plan.skipped, parsed_articles.rejections, kb,
                run_id,
            )
        except BaseException:
            load.finish_run(con, run_id, stats, parsed_articles.files_seen, "failed")
            raise
        load.finish_run(con, run_id, stats, parsed_articles.files_seen, "succeeded")
        counts = {
            t: con.execute(f"select count(*) from {t}").fetchone()[0]  # type: ignore[index]
            for t in FACT_TABLES
        }
        preview = events_markdown(con, run_id)
    return dg.MaterializeResult(
        metadata={
            "run_id": run_id,
            **{f"batch_{k}": v for k, v in stats.as_dict().items()},
            **{f"rows_{k}": v for k, v in counts.items()},
            "dagster/row_count": counts["event"],
            "new_events": dg.MetadataValue.md(preview),
        }
    )


@dg.asset(
    group_name="publish",
    kinds={"duckdb"},
    deps=[warehouse_facts],
    description="The read-only snapshot users and BI tools open: the working warehouse copied "
    "and atomically renamed over NEWSFACTS_WAREHOUSE after a successful load and passing "
    "checks, in a storage format DuckDB 1.x (DBeaver, Metabase) can read. Readers holding the "
    "previous snapshot keep it until they reconnect.",
)
def published_warehouse(
    warehouse_files: WarehouseFiles,
    warehouse_lock: WarehouseLock,  # publishes: under the lock
) -> dg.MaterializeResult:
    warehouse.publish(warehouse_files.published_path)
    path = warehouse_files.published_path
    # What readers now see, read back from the published file itself (closed right away).
    with warehouse.connect(path, read_only=True) as con:
        counts = {
            t: con.execute(f"select count(*) from {t}").fetchone()[0]  # type: ignore[index]
            for t in SNAPSHOT_TABLES
        }
        revision = con.execute("select version_num from alembic_version").fetchone()
        views = con.execute(
            "select count(*) from duckdb_views() where not internal"
        ).fetchone()[0]  # type: ignore[index]
        run = con.execute(
            "select id, finished_at from extraction_run where status = 'succeeded'"
            " order by id desc limit 1"
        ).fetchone()
    storage = warehouse.storage_version(path)
    table = "\n".join(f"| `{t}` | {n:,} |" for t, n in counts.items())
    return dg.MaterializeResult(
        metadata={
            "path": dg.MetadataValue.path(str(path)),
            "bytes": path.stat().st_size,
            "dagster/row_count": counts["event"],
            "storage_version": storage,
            "readable_by_duckdb_1x": warehouse.is_compatible(storage),
            "alembic_revision": revision[0] if revision else "",
            "views": views,
            "run_id": run[0] if run else None,
            "rows": dg.MetadataValue.md("| table | rows |\n|---|---|\n" + table),
            "connect": dg.MetadataValue.md(
                "Open read-only: `duckdb.connect(path, read_only=True)`, or the SQLAlchemy URL "
                f"`duckdb:///{path}?access_mode=read_only` (see docs/bi-access.md)."
            ),
        }
    )
