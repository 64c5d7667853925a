"""A nightly run over the configured article folder (picks up anything the sensor missed)."""

from __future__ import annotations

import dagster as dg

from dagster_project.defs.jobs import newsfacts_job

nightly_schedule = dg.ScheduleDefinition(
    name="nightly_schedule",
    job=newsfacts_job,
    cron_schedule="0 3 * * *",
    default_status=dg.DefaultScheduleStatus.STOPPED,
    description="Every night at 03:00, run the whole graph on NEWSFACTS_ARTICLES.",
)
