"""The inbox sensor: new or changed files in the inbox folder start a run on that folder."""

from __future__ import annotations

import json

import dagster as dg

from dagster_project.defs.jobs import newsfacts_job
from etl.config import inbox_path


@dg.sensor(
    job=newsfacts_job,
    minimum_interval_seconds=30,
    default_status=dg.DefaultSensorStatus.STOPPED,
    description="Starts a run when files appear or change in NEWSFACTS_INBOX (data/inbox).",
)
def inbox_sensor(context: dg.SensorEvaluationContext) -> dg.SensorResult | dg.SkipReason:
    folder = inbox_path()
    if not folder.is_dir():
        return dg.SkipReason(f"inbox folder {folder} does not exist")
    seen: dict[str, float] = json.loads(context.cursor) if context.cursor else {}
    current = {
        p.name: p.stat().st_mtime
        for p in sorted(folder.iterdir())
        if p.is_file() and not p.name.startswith(".")
    }
    changed = sorted(name for name, mtime in current.items() if seen.get(name) != mtime)
    if not changed:
        return dg.SkipReason("no new or changed files in the inbox")
    run_key = "inbox:" + ",".join(f"{n}@{current[n]}" for n in changed)
    return dg.SensorResult(
        run_requests=[
            dg.RunRequest(
                run_key=run_key,
                run_config={"ops": {"parsed_articles": {"config": {"folder": str(folder)}}}},
                tags={"newsfacts/new_files": str(len(changed))},
            )
        ],
        cursor=json.dumps(current),
    )
