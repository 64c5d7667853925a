"""Integrity rules for the warehouse, as SQL that returns the violating rows.

Foreign keys catch dangling references at write time; these rules catch what keys cannot
express (an event nobody took part in, a fact with no evidence, an impossible date) and also
run on files written by older code.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import duckdb


@dataclass(frozen=True)
class Check:
    name: str
    description: str
    sql: str  # selects the violating rows


CHECKS: tuple[Check, ...] = (
    Check(
        "no_orphan_rows",
        "Every mention, evidence row and participation points at an existing parent.",
        """
        select 'mention' as what, m.id from mention as m
            left join sentence as s on s.id = m.sentence_id where s.id is null
        union all
        select 'event_evidence', ee.id from event_evidence as ee
            left join event as e on e.id = ee.event_id where e.id is null
        union all
        select 'participation', pa.id from participation as pa
            left join event as e on e.id = pa.event_id where e.id is null
        union all
        select 'participation_evidence', pe.id from participation_evidence as pe
            left join participation as pa on pa.id = pe.participation_id where pa.id is null
        union all
        select 'membership_evidence', me.id from membership_evidence as me
            left join membership as m on m.id = me.membership_id where m.id is null
        union all
        select 'sentence', s.id from sentence as s
            left join article as a on a.id = s.article_id where a.id is null
        union all
        select 'event_match_key', k.event_id from event_match_key as k
            where k.event_id not in (select id from event)
        union all
        select 'event.place_id', e.id from event as e
            where e.place_id is not null and e.place_id not in (select id from place)
        union all
        select 'event.state_id', e.id from event as e
            where e.state_id is not null and e.state_id not in (select id from state)
        union all
        select 'event.organization_id', e.id from event as e
            where e.organization_id is not null
              and e.organization_id not in (select id from organization)
        union all
        select 'person.state_id', p.id from person as p
            where p.state_id is not null and p.state_id not in (select id from state)
        union all
        select 'place.state_id', p.id from place as p
            where p.state_id is not null and p.state_id not in (select id from state)
        """,
    ),
    Check(
        "events_have_participants",
        "No event without at least one participant.",
        """
        select e.id, e.type, e.title from event as e
        where not exists (select 1 from participation as pa where pa.event_id = e.id)
        """,
    ),
    Check(
        "facts_have_evidence",
        "Every event, participation and membership is backed by at least one sentence.",
        """
        select 'event' as what, e.id from event as e
            where not exists (select 1 from event_evidence as x where x.event_id = e.id)
        union all
        select 'participation', pa.id from participation as pa
            where not exists (select 1 from participation_evidence as x
                              where x.participation_id = pa.id)
        union all
        select 'membership', m.id from membership as m
            where not exists (select 1 from membership_evidence as x
                              where x.membership_id = m.id)
        """,
    ),
    Check(
        "event_dates_plausible",
        "Event dates lie between 1900 and two years after the latest article reporting them "
        "(ten for planned events: 'the 2030 summit'), and no event ends before it starts.",
        """
        with reported as (
            select ee.event_id, max(a.published_date) as latest_article
            from event_evidence as ee
            join sentence as s on s.id = ee.sentence_id
            join article as a on a.id = s.article_id
            group by ee.event_id
        )
        select e.id, e.start_date, e.end_date, r.latest_article from event as e
        left join reported as r on r.event_id = e.id
        where e.start_date < date '1900-01-01'
           or e.end_date < e.start_date
           or (r.latest_article is not null
               and e.start_date > r.latest_article
                   + case when e.status = 'planned' then interval 10 year
                          else interval 2 year end)
        """,
    ),
)


def run_check(con: duckdb.DuckDBPyConnection, check: Check, sample: int = 5) -> tuple[int, Any]:
    """(number of violations, a few of them for a human to look at)."""
    rows = con.execute(f"select * from ({check.sql}) as v").fetchall()
    return len(rows), [list(map(str, r)) for r in rows[:sample]]
