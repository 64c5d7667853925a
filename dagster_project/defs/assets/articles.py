"""Ingest layer: article files read, decoded and parsed; what is new decided against the
warehouse."""


from dataclasses import dataclass, field
from pathlib import Path

import dagster as dg
from dagster_duckdb import DuckDBResource
from tqdm import tqdm

from dagster_project.defs.assets.warehouse import warehouse_schema
from dagster_project.defs.resources import open_connection
from etl import load
from etl.articles import ParsedArticle, Rejection, list_article_files, read_article
from etl.config import articles_path
from etl.knowledge_base import load_knowledge_base


class ArticlesConfig(dg.Config):
    """Run configuration: which folder to read (default NEWSFACTS_ARTICLES or the samples)."""

    folder: str = ""
    progress: bool = False


@dataclass
class ParsedBatch:
    plan: load.BatchPlan
    rejections: list[Rejection] = field(default_factory=list)
    files_seen: int = 0


def _rejections_md(rejections: list[Rejection]) -> str:
    if not rejections:
        return "No file rejected."
    rows = "\n".join(f"| {r.file_name} | {r.reason} | {r.detail} |" for r in rejections)
    return "| file | reason | detail |\n|---|---|---|\n" + rows


@dg.asset(
    group_name="ingest",
    kinds={"python"},
    deps=[warehouse_schema],
    description="Every file of the input folder, decoded and split into title, lead, body and "
    "publication date; unreadable files become rejections with a reason. The plan says which "
    "articles are new, changed, unchanged, or need re-extraction after a knowledge change.",
)
def parsed_articles(
    context: dg.AssetExecutionContext, config: ArticlesConfig, duckdb: DuckDBResource
) -> dg.Output[ParsedBatch]:
    folder = Path(config.folder) if config.folder else articles_path()
    files = list_article_files(folder)
    parsed: list[ParsedArticle] = []
    rejections: list[Rejection] = []
    for path in tqdm(files, desc="reading", unit="file", disable=not config.progress):
        result = read_article(path)
        if isinstance(result, ParsedArticle):
            parsed.append(result)
        else:
            rejections.append(result)
            context.log.warning(f"rejected {result.file_name}: {result.reason}: {result.detail}")
    kb = load_knowledge_base()
    with open_connection(duckdb) as con:
        plan = load.plan_batch(con, parsed, kb.version)
        plan.to_extract += load.stale_articles(con, plan.stale_ids)
    batch = ParsedBatch(plan, rejections, len(files))
    return dg.Output(
        batch,
        metadata={
            "folder": dg.MetadataValue.path(str(folder)),
            "files": len(files),
            "to_extract": len(plan.to_extract),
            "unchanged": len(plan.skipped),
            "changed_files": len(plan.superseded_ids),
            "stale_knowledge": len(plan.stale_ids),
            "rejected": len(rejections),
            "rejected_files": dg.MetadataValue.md(_rejections_md(rejections)),
        },
    )
