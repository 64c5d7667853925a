"""The facts export (``../shared/gold/FORMAT.md``), read from the warehouse's tables and views.

It is built from SQL only, never from extraction results in memory, so it shows exactly what an
analyst or a BI tool sees in the warehouse.
"""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import Any

import duckdb


def fuzzy_iso(value: date | None, precision: str | None) -> str | None:
    if value is None:
        return None
    if precision == "year":
        return f"{value.year:04d}"
    if precision == "month":
        return f"{value.year:04d}-{value.month:02d}"
    return value.isoformat()


def _rows(con: duckdb.DuckDBPyConnection, sql: str) -> list[dict[str, Any]]:
    cur = con.execute(sql)
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]


def _aliases(con: duckdb.DuckDBPyConnection, table: str, fk: str) -> dict[int, list[str]]:
    out: dict[int, list[str]] = defaultdict(list)
    for owner, alias in con.execute(f"select {fk}, alias from {table} order by id").fetchall():
        out[owner].append(alias)
    return out


def facts_document(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    """Everything the warehouse asserts about its current articles, in the facts format."""
    articles = _rows(
        con,
        "select id, file_name, published_date, date_precision from article"
        " where superseded_at is null order by file_name",
    )
    mentions = _rows(con, "select * from v_article_mentions")
    participation = _rows(
        con, "select * from v_event_participation order by event_id, participation_id"
    )
    event_articles = _rows(con, "select * from v_event_articles order by event_id, file_name")

    person_ids = {m["person_id"] for m in mentions if m["person_id"] is not None}
    org_ids = {m["organization_id"] for m in mentions if m["organization_id"] is not None}
    place_ids = {m["place_id"] for m in mentions if m["place_id"] is not None}
    person_id_by_key = dict(con.execute("select key, id from person").fetchall())
    person_ids |= {
        person_id_by_key[p["participant_key"]]
        for p in participation
        if p["participant_kind"] == "person"
    }

    person_aliases = _aliases(con, "person_alias", "person_id")
    persons = [
        {
            "name": r["name"],
            "aliases": person_aliases.get(r["id"], []),
            "state": r["code"],
            "title": r["title"],
            "discovered": r["discovered"],
        }
        for r in _rows(
            con,
            "select p.id, p.name, p.title, p.discovered, s.code from person as p"
            " left join state as s on s.id = p.state_id order by p.name",
        )
        if r["id"] in person_ids
    ]
    org_aliases = _aliases(con, "organization_alias", "organization_id")
    organizations = [
        {
            "name": r["name"],
            "abbreviation": r["abbreviation"],
            "aliases": org_aliases.get(r["id"], []),
            "kind": r["kind"],
        }
        for r in _rows(con, "select id, name, abbreviation, kind from organization order by name")
        if r["id"] in org_ids
    ]
    place_aliases = _aliases(con, "place_alias", "place_id")
    places = [
        {"name": r["name"], "aliases": place_aliases.get(r["id"], []), "state": r["code"]}
        for r in _rows(
            con,
            "select p.id, p.name, s.code from place as p left join state as s on s.id = p.state_id"
            " order by p.name",
        )
        if r["id"] in place_ids
    ]
    memberships = [
        {
            "state": r["state_code"],
            "organization": r["organization_name"],
            "kind": r["kind"],
            "since": fuzzy_iso(r["since_date"], r["since_precision"]),
        }
        for r in _rows(
            con,
            "select * from v_membership where evidence_count > 0"
            " order by organization_key, state_code, kind",
        )
    ]

    files_by_event: dict[int, list[str]] = defaultdict(list)
    for r in event_articles:
        files_by_event[r["event_id"]].append(r["file_name"])
    parts_by_event: dict[int, list[dict[str, str]]] = defaultdict(list)
    for r in participation:
        who = r["participant_name"] if r["participant_kind"] != "state" else r["participant_key"]
        parts_by_event[r["event_id"]].append({r["participant_kind"]: who, "role": r["role"]})
    events = [
        {
            "id": f"event-{r['id']}",
            "type": r["type"],
            "title": r["title"],
            "start": fuzzy_iso(r["start_date"], r["start_precision"]),
            "end": fuzzy_iso(r["end_date"], r["end_precision"]),
            "place": r["place_name"],
            "state": r["state_code"],
            "organization": r["organization_name"],
            "status": r["status"],
            "articles": files_by_event.get(r["id"], []),
            "participants": parts_by_event.get(r["id"], []),
        }
        for r in _rows(
            con,
            "select e.*, pl.name as place_name, s.code as state_code, o.name as organization_name"
            " from event as e left join place as pl on pl.id = e.place_id"
            " left join state as s on s.id = e.state_id"
            " left join organization as o on o.id = e.organization_id order by e.id",
        )
        if files_by_event.get(r["id"])
    ]

    by_article: dict[int, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for m in mentions:
        if m["entity_kind"] == "state":
            by_article[m["article_id"]]["states"].add(m["entity_key"])
        elif m["entity_kind"] in ("person", "organization"):
            by_article[m["article_id"]][m["entity_kind"] + "s"].add(m["entity_name"])
    article_docs = [
        {
            "file": a["file_name"],
            "date": fuzzy_iso(a["published_date"], a["date_precision"]),
            "persons": sorted(by_article[a["id"]]["persons"]),
            "states": sorted(by_article[a["id"]]["states"]),
            "organizations": sorted(by_article[a["id"]]["organizations"]),
        }
        for a in articles
    ]
    return {
        "persons": persons,
        "organizations": organizations,
        "places": places,
        "memberships": memberships,
        "events": events,
        "articles": article_docs,
    }


def write_export(con: duckdb.DuckDBPyConnection, out: Path) -> dict[str, Any]:
    doc = facts_document(con)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(doc, ensure_ascii=False, indent=1, default=str), encoding="utf-8")
    return doc
