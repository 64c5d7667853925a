"""Loading the knowledge base's reference entities (states, organizations, places, persons).

These are dimensions, not facts: the whole ISO state list and every known person are loaded so
that analysts can join against them; an article's facts only name the ones its text mentions.
They are reloaded only when the knowledge version changes.
"""

from __future__ import annotations

from typing import Any

import duckdb
import pandas as pd

from etl.knowledge_base import KnowledgeBase

_ALIAS_TABLES = ("state_alias", "organization_alias", "person_alias", "place_alias", "position")


def _frame(rows: list[dict[str, Any]], columns: list[str]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=columns)


def _upsert(con: duckdb.DuckDBPyConnection, table: str, key: str, frame: pd.DataFrame) -> None:
    """Insert new rows, update changed ones, keep ids stable (facts reference them)."""
    if frame.empty:
        return
    cols = list(frame.columns)
    updates = ", ".join(f"{c} = excluded.{c}" for c in cols if c != key)
    con.register("_upsert_frame", frame)
    try:
        con.execute(
            f"insert into {table} ({', '.join(cols)}) select {', '.join(cols)} from _upsert_frame "
            f"on conflict ({key}) do update set {updates}"
        )
    finally:
        con.unregister("_upsert_frame")


def _insert(con: duckdb.DuckDBPyConnection, table: str, frame: pd.DataFrame) -> None:
    if frame.empty:
        return
    con.register("_insert_frame", frame)
    try:
        cols = ", ".join(frame.columns)
        con.execute(f"insert into {table} ({cols}) select {cols} from _insert_frame")
    finally:
        con.unregister("_insert_frame")


def _ids(con: duckdb.DuckDBPyConnection, table: str, key: str) -> dict[str, int]:
    return dict(con.execute(f"select {key}, id from {table}").fetchall())


def sync_reference(con: duckdb.DuckDBPyConnection, kb: KnowledgeBase) -> None:
    """Make the dimension tables match the knowledge base (inside the caller's transaction)."""
    states = [
        {"code": s.code, "alpha3": s.alpha3, "name_de": s.name_de, "name_en": s.name_en}
        for s in kb.states.values()
    ]
    _upsert(con, "state", "code", _frame(states, ["code", "alpha3", "name_de", "name_en"]))
    state_ids = _ids(con, "state", "code")

    orgs = [
        {
            "key": o.key,
            "name": o.name,
            "name_en": o.name_en,
            "abbreviation": o.abbreviation,
            "kind": o.kind or "other",
        }
        for o in kb.organizations.values()
    ]
    _upsert(
        con, "organization", "key", _frame(orgs, ["key", "name", "name_en", "abbreviation", "kind"])
    )
    org_ids = _ids(con, "organization", "key")

    places = [
        {"key": p.key, "name": p.name, "kind": p.kind, "state_id": state_ids.get(p.state or "")}
        for p in kb.places.values()
    ]
    _upsert(con, "place", "key", _frame(places, ["key", "name", "kind", "state_id"]))
    place_ids = _ids(con, "place", "key")

    persons = [
        {
            "key": p.key,
            "name": p.name,
            "state_id": state_ids.get(p.state or ""),
            "title": p.positions[-1].title if p.positions else None,
            "discovered": False,
        }
        for p in kb.persons.values()
    ]
    _upsert(
        con, "person", "key", _frame(persons, ["key", "name", "state_id", "title", "discovered"])
    )
    person_ids = _ids(con, "person", "key")

    # Aliases and positions are leaves (nothing references them): replace them wholesale,
    # except those of persons discovered in text, which the knowledge base does not know.
    for table in _ALIAS_TABLES:
        if table in ("person_alias", "position"):
            con.execute(
                f"delete from {table}"
                " where person_id in (select id from person where not discovered)"
            )
        else:
            con.execute(f"delete from {table}")

    _insert(
        con,
        "state_alias",
        _frame(
            [
                {"state_id": state_ids[s.code], "alias": alias, "kind": kind}
                for s in kb.states.values()
                for kind, aliases in (
                    ("name", s.names),
                    ("adjective", s.adjective_stems),
                    ("demonym", s.demonyms),
                    ("metonym", s.metonyms),
                )
                for alias in dict.fromkeys(aliases)
            ],
            ["state_id", "alias", "kind"],
        ),
    )
    _insert(
        con,
        "organization_alias",
        _frame(
            [
                {"organization_id": org_ids[o.key], "alias": alias}
                for o in kb.organizations.values()
                for alias in dict.fromkeys(
                    a for a in (*o.aliases, o.name_en, o.abbreviation) if a and a != o.name
                )
            ],
            ["organization_id", "alias"],
        ),
    )
    _insert(
        con,
        "place_alias",
        _frame(
            [
                {"place_id": place_ids[p.key], "alias": alias}
                for p in kb.places.values()
                for alias in dict.fromkeys(a for a in p.aliases if a != p.name)
            ],
            ["place_id", "alias"],
        ),
    )
    _insert(
        con,
        "person_alias",
        _frame(
            [
                {"person_id": person_ids[p.key], "alias": alias}
                for p in kb.persons.values()
                for alias in dict.fromkeys(a for a in (*p.aliases, *p.short) if a != p.name)
            ],
            ["person_id", "alias"],
        ),
    )
    _insert(
        con,
        "position",
        _frame(
            [
                {
                    "person_id": person_ids[p.key],
                    "state_id": state_ids.get(pos.state or ""),
                    "organization_id": org_ids.get(pos.organization or ""),
                    "title": pos.title,
                    "role": pos.role,
                    "valid_from": pos.valid_from,
                    "valid_to": pos.valid_to,
                }
                for p in kb.persons.values()
                for pos in p.positions
                if state_ids.get(pos.state or "") or org_ids.get(pos.organization or "")
            ],
            ["person_id", "state_id", "organization_id", "title", "role", "valid_from", "valid_to"],
        ),
    )
