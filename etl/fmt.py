"""Small human-readable summaries of warehouse content (Dagster metadata, CLI output)."""

from __future__ import annotations

import duckdb

from etl.export import fuzzy_iso


def events_markdown(con: duckdb.DuckDBPyConnection, run_id: int, limit: int = 20) -> str:
    """A markdown table of the events a run created, for a glance in the Dagster UI."""
    rows = con.execute(
        "select e.type, e.title, e.start_date, e.start_precision, e.status,"
        " string_agg(distinct coalesce(p.name, s.code, o.name) || ' (' || pa.role || ')', ', ')"
        " from event as e left join participation as pa on pa.event_id = e.id"
        " left join person as p on p.id = pa.person_id left join state as s on s.id = pa.state_id"
        " left join organization as o on o.id = pa.organization_id"
        " where e.run_id = ? group by all order by e.start_date nulls last limit ?",
        [run_id, limit],
    ).fetchall()
    if not rows:
        return "No new events."
    lines = ["| type | event | date | status | participants |", "|---|---|---|---|---|"]
    for type_, title, d, precision, status, who in rows:
        lines.append(
            f"| {type_} | {title} | {fuzzy_iso(d, precision) or ''} | {status} | {who or ''} |"
        )
    return "\n".join(lines)
