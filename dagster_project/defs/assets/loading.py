"""Load layer: facts written to the working warehouse in one transaction, then published."""


from importlib.metadata import version

import dagster as dg
from dagster_duckdb import DuckDBResource
from etl.knowledge_base import load_knowledge_base

from dagster_project.defs.assets.articles import ParsedBatch
from dagster_project.defs.assets.warehouse import reference_entities
from dagster_project.defs.resources import WarehouseFiles, open_connection
from etl import load, warehouse
from etl.fmt import events_markdown
from etl.load import EventGroup, ExtractedArticle

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
    "and atomically renamed over NEWSFACTS_WAREHOUSE after a successful load.",
)
def published_warehouse(warehouse_files: WarehouseFiles) -> dg.MaterializeResult:
    warehouse.publish(warehouse_files.published_path)
    path = warehouse_files.published_path
    return dg.MaterializeResult(
        metadata={
            "path": dg.MetadataValue.path(str(path)),
            "bytes": path.stat().st_size,
        }
    )
