"""The main job: the whole asset graph, from article files to the published warehouse."""

from __future__ import annotations

import dagster as dg

# In-process: the graph is a chain over one DuckDB working file that only one process may
# open for writing, so step processes would buy no parallelism, only a second of start-up and a
# knowledge-base load per step.
newsfacts_job = dg.define_asset_job(
    "newsfacts_job",
    # the partitioned ingest-batch assets (group "batches") have their own job
    selection=dg.AssetSelection.all() - dg.AssetSelection.groups("batches"),
    executor_def=dg.in_process_executor,
    description="Read articles, extract and resolve facts, load and publish the warehouse. "
    "Run configuration: ops.parsed_articles.config.folder (default NEWSFACTS_ARTICLES).",
    tags={"newsfacts/pipeline": "full"},
)
