"""The Dagster code location (`dagster dev` from the project root loads it)."""

from __future__ import annotations

import dagster as dg

from dagster_project.defs.assets.articles import parsed_articles
from dagster_project.defs.assets.batches import (
    BATCH_ASSETS,
    ingest_batch_job,
    ingest_batch_sensor,
)
from dagster_project.defs.assets.extraction import article_facts
from dagster_project.defs.assets.loading import published_warehouse, warehouse_facts
from dagster_project.defs.assets.resolution import event_groups
from dagster_project.defs.assets.warehouse import reference_entities, warehouse_schema
from dagster_project.defs.checks import warehouse_checks
from dagster_project.defs.jobs import newsfacts_job
from dagster_project.defs.resources import build_resources
from dagster_project.defs.schedules import nightly_schedule
from dagster_project.defs.sensors import inbox_sensor

ASSETS = [
    warehouse_schema,
    reference_entities,
    parsed_articles,
    article_facts,
    event_groups,
    warehouse_facts,
    published_warehouse,
]

defs = dg.Definitions(
    assets=ASSETS + BATCH_ASSETS,  # BATCH_ASSETS: the partitioned path (docs/scaling.md)
    asset_checks=warehouse_checks,
    jobs=[newsfacts_job, ingest_batch_job],
    sensors=[inbox_sensor, ingest_batch_sensor],
    schedules=[nightly_schedule],
    resources=build_resources(),
)
