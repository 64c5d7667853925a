"""Writing extracted facts into the DuckDB warehouse: bulk, idempotent, traceable.

A batch is loaded in one transaction through DuckDB's bulk path (pandas frames and
``INSERT ... SELECT``), with ids drawn from the tables' sequences in one go, not row by row.

Retracting facts (a file changed, or the knowledge base changed) needs deletes of rows that other
rows reference. DuckDB checks foreign keys against committed data, so a parent and its children
cannot be deleted in one transaction: `retract_articles` deletes level by level, each step
committed, and marks the articles stale first so that a crash in between is healed by the next
run. Readers never see these steps: they read the published snapshot (`etl.warehouse`).

Cost of a batch follows the batch, not the warehouse: every lookup of existing rows (articles,
file names, rejections, persons, memberships, candidate events for dedup) is restricted to the
keys the batch carries (``where x in (batch values)``), so adding 10 articles to a warehouse of
100,000 reads what those 10 articles touch, never a whole fact table into Python.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import Any

import duckdb
import pandas as pd

from etl import dedup
from etl.articles import ParsedArticle, Rejection
from etl.facts import ArticleFacts, EventFact, FuzzyDate, Participant
from etl.knowledge_base import KnowledgeBase


@dataclass
class ExtractedArticle:
    article: ParsedArticle
    facts: ArticleFacts


@dataclass
class BatchPlan:
    """What a batch of parsed files means for the warehouse, decided before extracting."""

    to_extract: list[ParsedArticle] = field(default_factory=list)
    skipped: list[ParsedArticle] = field(default_factory=list)  # already loaded, current
    superseded_ids: list[int] = field(default_factory=list)  # older versions of changed files
    stale_ids: list[int] = field(default_factory=list)  # loaded with another knowledge version


@dataclass
class LoadStats:
    articles_loaded: int = 0
    articles_skipped: int = 0
    articles_rejected: int = 0
    sentences: int = 0
    mentions: int = 0
    memberships: int = 0
    events_new: int = 0
    events_merged: int = 0
    participations: int = 0

    def as_dict(self) -> dict[str, int]:
        return dict(self.__dict__)


def now() -> datetime:
    return datetime.now().replace(microsecond=0)


# --- runs --------------------------------------------------------------------------------------


def start_run(con: duckdb.DuckDBPyConnection, code_version: str, knowledge_version: str) -> int:
    row = con.execute(
        "insert into extraction_run (started_at, code_version, knowledge_version, status,"
        " articles_seen, articles_loaded, articles_skipped, articles_rejected, mentions, events,"
        " memberships) values (?, ?, ?, 'running', 0, 0, 0, 0, 0, 0, 0) returning id",
        [now(), code_version, knowledge_version],
    ).fetchone()
    assert row is not None
    return int(row[0])


def finish_run(
    con: duckdb.DuckDBPyConnection, run_id: int, stats: LoadStats, seen: int, status: str
) -> None:
    con.execute(
        "update extraction_run set finished_at = ?, status = ?, articles_seen = ?,"
        " articles_loaded = ?, articles_skipped = ?, articles_rejected = ?, mentions = ?,"
        " events = ?, memberships = ? where id = ?",
        [
            now(),
            status,
            seen,
            stats.articles_loaded,
            stats.articles_skipped,
            stats.articles_rejected,
            stats.mentions,
            stats.events_new,
            stats.memberships,
            run_id,
        ],
    )


def reference_version(con: duckdb.DuckDBPyConnection) -> str | None:
    """The knowledge version the dimension tables were last synced with (None if never)."""
    row = con.execute(
        "select knowledge_version from extraction_run where status = 'succeeded'"
        " order by id desc limit 1"
    ).fetchone()
    if row is None or not con.execute("select count(*) from state").fetchone()[0]:  # type: ignore[index]
        return None
    return str(row[0])


# --- planning ----------------------------------------------------------------------------------


def plan_batch(
    con: duckdb.DuckDBPyConnection, parsed: Sequence[ParsedArticle], knowledge_version: str
) -> BatchPlan:
    """Sort parsed files into new, unchanged, changed-file and stale-knowledge articles."""
    plan = BatchPlan()
    current = {
        sha: aid
        for aid, sha in con.execute(
            "select id, sha256 from article where superseded_at is null"
            " and sha256 in (select unnest(?::varchar[]))",
            [sorted({a.sha256 for a in parsed})],
        ).fetchall()
    }
    by_name = dict(
        con.execute(
            "select file_name, id from article where superseded_at is null"
            " and file_name in (select unnest(?::varchar[]))",
            [sorted({a.file_name for a in parsed})],
        ).fetchall()
    )
    seen: set[str] = set()
    for article in parsed:
        if article.sha256 in current:
            plan.skipped.append(article)
            continue
        if article.sha256 in seen:  # same content twice in this batch: load once
            plan.skipped.append(article)
            continue
        seen.add(article.sha256)
        old = by_name.get(article.file_name)
        if old is not None:
            plan.superseded_ids.append(old)
        plan.to_extract.append(article)
    # Knowledge changes: only the ids of stale articles come back (a scan of two columns).
    superseded = set(plan.superseded_ids)
    for (aid,) in con.execute(
        "select id from article where superseded_at is null"
        " and knowledge_version is distinct from ? order by id",
        [knowledge_version],
    ).fetchall():
        if aid not in superseded:
            plan.stale_ids.append(aid)
    return plan


def stale_articles(con: duckdb.DuckDBPyConnection, ids: Sequence[int]) -> list[ParsedArticle]:
    """Rebuild parsed articles from the warehouse so they can be re-extracted without files."""
    if not ids:
        return []
    rows = con.execute(
        "select file_name, sha256, title, lead, body, published_date, date_precision, encoding"
        " from article where id in (select unnest(?::integer[]))",
        [list(ids)],
    ).fetchall()
    return [
        ParsedArticle(
            file_name=r[0],
            sha256=r[1],
            title=r[2],
            lead=r[3],
            body=r[4],
            published=FuzzyDate(r[5], r[6]) if r[5] is not None else None,
            encoding=r[7],
        )
        for r in rows
    ]


# --- retraction --------------------------------------------------------------------------------


def _in(ids: Iterable[int]) -> list[int]:
    return sorted(set(ids))


def retract_articles(
    con: duckdb.DuckDBPyConnection, ids: Sequence[int], supersede: bool = False
) -> None:
    """Remove the facts read from these articles; facts that other articles support stay."""
    ids = _in(ids)
    if not ids:
        return
    arg = [ids]
    sentences = "(select id from sentence where article_id in (select unnest(?::integer[])))"
    con.execute("begin")
    try:
        con.execute(
            "update article set knowledge_version = null"
            + (", superseded_at = now()::timestamp" if supersede else "")
            + " where id in (select unnest(?::integer[]))",
            arg,
        )
        touched = {
            "event": _in(
                r[0]
                for r in con.execute(
                    f"select event_id from event_evidence where sentence_id in {sentences}", arg
                ).fetchall()
            ),
            "participation": _in(
                r[0]
                for r in con.execute(
                    "select participation_id from participation_evidence"
                    f" where sentence_id in {sentences}",
                    arg,
                ).fetchall()
            ),
            "membership": _in(
                r[0]
                for r in con.execute(
                    "select membership_id from membership_evidence"
                    f" where sentence_id in {sentences}",
                    arg,
                ).fetchall()
            ),
        }
        for table in ("event_evidence", "participation_evidence", "membership_evidence", "mention"):
            con.execute(f"delete from {table} where sentence_id in {sentences}", arg)
        con.execute("commit")
    except BaseException:
        con.execute("rollback")
        raise
    # Orphans: facts whose last evidence is gone. Children first, each level committed.
    con.execute(
        "delete from participation where id in (select unnest(?::integer[])) and id not in"
        " (select participation_id from participation_evidence)",
        [touched["participation"]],
    )
    con.execute(
        "delete from participation where event_id in (select unnest(?::integer[])) and"
        " event_id not in (select event_id from event_evidence)",
        [touched["event"]],
    )
    con.execute(
        "delete from event where id in (select unnest(?::integer[])) and id not in"
        " (select event_id from event_evidence)",
        [touched["event"]],
    )
    con.execute(
        "delete from event_match_key where event_id in (select unnest(?::integer[])) and"
        " event_id not in (select id from event)",
        [touched["event"]],
    )
    con.execute(
        "delete from membership where id in (select unnest(?::integer[])) and id not in"
        " (select membership_id from membership_evidence)",
        [touched["membership"]],
    )
    con.execute(f"delete from sentence where id in {sentences}", arg)


# --- loading -----------------------------------------------------------------------------------


def _reserve(con: duckdb.DuckDBPyConnection, table: str, n: int) -> list[int]:
    if n == 0:
        return []
    rows = con.execute(f"select nextval('{table}_id_seq') from range({n})").fetchall()
    return [r[0] for r in rows]


class _IdPool:
    """Sequence values drawn in blocks: one query per thousand new rows, not one per row.

    Unused values are simply skipped, as DuckDB sequences allow gaps anyway."""

    def __init__(self, con: duckdb.DuckDBPyConnection, table: str, block: int = 1024) -> None:
        self._con, self._table, self._block = con, table, block
        self._free: list[int] = []

    def next(self) -> int:
        if not self._free:
            self._free = _reserve(self._con, self._table, self._block)[::-1]
        return self._free.pop()


def _insert(con: duckdb.DuckDBPyConnection, table: str, rows: list[dict[str, Any]]) -> int:
    if not rows:
        return 0
    frame = pd.DataFrame(rows)
    name = f"_load_{table}"
    con.register(name, frame)
    try:
        cols = ", ".join(frame.columns)
        con.execute(f"insert into {table} ({cols}) select {cols} from {name}")
    finally:
        con.unregister(name)
    return len(rows)


def _dims(con: duckdb.DuckDBPyConnection) -> dict[str, dict[str, int]]:
    """Key -> id of the reference dimensions, which stay small (a few hundred rows each).

    Persons are not among them: discovered persons grow with the corpus, so they are looked up
    per batch (`_person_ids`)."""
    return {
        "state": dict(con.execute("select code, id from state").fetchall()),
        "organization": dict(con.execute("select key, id from organization").fetchall()),
        "place": dict(con.execute("select key, id from place").fetchall()),
        "person": {},
    }


def _person_ids(con: duckdb.DuckDBPyConnection, keys: Iterable[str]) -> dict[str, int]:
    wanted = sorted(set(keys))
    if not wanted:
        return {}
    return dict(
        con.execute(
            "select key, id from person where key in (select unnest(?::varchar[]))", [wanted]
        ).fetchall()
    )


def _update(
    con: duckdb.DuckDBPyConnection, table: str, rows: list[dict[str, Any]], where: str = ""
) -> None:
    """Bulk ``update ... from`` a frame keyed by ``id``: one statement, not one per row."""
    if not rows:
        return
    frame = pd.DataFrame(rows)
    name = f"_update_{table}"
    con.register(name, frame)
    try:
        sets = ", ".join(f"{c} = f.{c}" for c in frame.columns if c != "id")
        con.execute(
            f"update {table} set {sets} from {name} f where {table}.id = f.id"
            + (f" and {where}" if where else "")
        )
    finally:
        con.unregister(name)


def _date_cols(prefix: str, d: FuzzyDate | None) -> dict[str, Any]:
    return {
        f"{prefix}_date": d.value if d else None,
        f"{prefix}_precision": d.precision if d else None,
    }


@dataclass
class EventGroup:
    """One happening within a batch: the merged view plus each article's own report of it."""

    merged: EventFact
    members: list[tuple[str, EventFact]]  # (article sha256, the event as that article reports it)


class _BlockIndex:
    """Events by match key (`dedup.index_keys`) and, within a key, by month: the candidates
    `same_event` must see.

    `same_event` never matches events whose dates do not overlap (with at most
    `dedup.DAY_SLACK` days, an undated report counting as the year around its publication), so
    a report only needs its keys' events of the months it touches, plus the few that match any
    date (undated reports of undated articles). Candidates come back in the order they joined
    the key, so the first match does not depend on how the months were bucketed.
    """

    # an event spanning more months than this (a year, the window of an undated report) is
    # kept in one list per key rather than in every month bucket it touches
    WIDE_MONTHS = 3

    def __init__(self) -> None:
        self._seq = 0
        self._pos: dict[tuple[str, int], int] = {}  # (key, id(obj)) -> position in the key
        self._keys: dict[int, list[str]] = defaultdict(list)  # id(obj) -> its keys
        self._span: dict[int, tuple[date, date] | None] = {}  # id(obj) -> its latest span
        self._wide: dict[str, list[tuple[int, Any]]] = defaultdict(list)
        self._in_wide: set[tuple[str, int]] = set()
        self._months: dict[str, dict[int, list[tuple[int, Any]]]] = defaultdict(
            lambda: defaultdict(list)
        )

    @staticmethod
    def _month_range(lo: date, hi: date) -> range:
        return range(lo.year * 12 + lo.month - 1, hi.year * 12 + hi.month)

    def add(self, obj: Any, ev: EventFact) -> None:
        """Index ``obj`` (whose event is now ``ev``) under the keys and months of ``ev``.

        Called again after a merge: the merged event's new keys are added, and under every key
        the object has, the months of its new dates. Old entries stay: they only widen the
        candidate set, and `same_event` decides."""
        span = dedup.span(ev)
        self._span[id(obj)] = span
        keys = self._keys[id(obj)]
        months = self._month_range(*span) if span else None
        wide = months is None or len(months) > self.WIDE_MONTHS
        for k in sorted(dedup.index_keys(ev)):
            if (k, id(obj)) not in self._pos:
                self._pos[(k, id(obj))] = self._seq
                self._seq += 1
                keys.append(k)
        for k in keys:
            pos = self._pos[(k, id(obj))]
            if wide:
                if (k, id(obj)) not in self._in_wide:
                    self._in_wide.add((k, id(obj)))
                    self._wide[k].append((pos, obj))
                continue
            by_month = self._months[k]
            for m in months:  # type: ignore[union-attr]
                bucket = by_month[m]
                if not bucket or bucket[-1][1] is not obj:
                    bucket.append((pos, obj))

    def candidates(self, key: str, ev: EventFact) -> list[Any]:
        span = dedup.span(ev)
        months = self._months.get(key)
        found: dict[int, Any] = {}
        if span is None:
            found.update(self._wide.get(key, ()))
            for bucket in (months or {}).values():
                found.update(bucket)
        else:
            slack = timedelta(days=dedup.DAY_SLACK)
            lo, hi = span[0] - slack, span[1] + slack
            for pos, obj in self._wide.get(key, ()):
                other = self._span[id(obj)]
                if other is None or (other[0] <= hi and lo <= other[1]):
                    found[pos] = obj
            if months:
                for m in self._month_range(lo, hi):
                    found.update(months.get(m, ()))
        return [found[p] for p in sorted(found)]

    def first_match(self, ev: EventFact, merged: Any = lambda obj: obj.merged) -> Any:
        """The first indexed object (by key, then join order) that is the same event as ev.

        Keys are tried in sorted order: iterating the set of keys followed string hashing, which
        Python salts per process, so the same batch could dedup differently from run to run."""
        tried: set[int] = set()
        for k in sorted(dedup.probe_keys(ev)):
            for obj in self.candidates(k, ev):
                if id(obj) in tried:
                    continue
                tried.add(id(obj))
                if dedup.same_event(merged(obj), ev):
                    return obj
        return None


def group_events(extracted: Sequence[ExtractedArticle]) -> list[EventGroup]:
    """Merge the batch's event reports that describe the same happening (no database needed)."""
    groups: list[EventGroup] = []
    index = _BlockIndex()
    for e in extracted:
        reported = e.article.published.value if e.article.published else None
        for ev in e.facts.events:
            if ev.reported is None and reported is not None:
                ev = replace(ev, reported=reported)
            match = index.first_match(ev)
            if match is None:
                match = EventGroup(ev, [])
                groups.append(match)
            else:
                match.merged = dedup.merge(match.merged, ev)
            match.members.append((e.article.sha256, ev))
            index.add(match, match.merged)
    return groups


@dataclass
class _Cluster:
    """A batch group bound to a warehouse event (an existing one, or a new id)."""

    event_id: int
    merged: EventFact
    members: list[tuple[str, EventFact]]
    existing: bool
    keys: set[str] = field(default_factory=set)  # match keys the warehouse holds for it


# The last day a dated event can cover (`dedup.interval`): its end (or start) rounded up to the
# end of its precision.
_EVENT_HI_SQL = """greatest(e.start_date, case coalesce(e.end_precision, e.start_precision)
    when 'year' then make_date(year(coalesce(e.end_date, e.start_date)), 12, 31)
    when 'month' then last_day(coalesce(e.end_date, e.start_date))
    else coalesce(e.end_date, e.start_date) end)"""

# The day an undated event was first reported (`EventFact.reported`, the centre of its window
# in `dedup.span`), per event of the relation ``e``; events of unwindowed types get none.
_REPORTED_SQL = f"""reported as (
            select ee.event_id, min(a.published_date) as day
            from e join event_evidence ee on ee.event_id = e.id
              join sentence s on s.id = ee.sentence_id
              join article a on a.id = s.article_id
            where e.start_date is null
              and e.type not in ({", ".join(f"'{t}'" for t in sorted(dedup.UNWINDOWED))})
            group by ee.event_id)"""


def _read_events(
    con: duckdb.DuckDBPyConnection, event_ids: Sequence[int], dims: dict[str, dict[str, int]]
) -> dict[int, EventFact]:
    """Warehouse events as `EventFact`s, with participants and the day of the first report."""
    if not event_ids:
        return {}
    ids = [sorted(set(event_ids))]
    rows = con.execute(
        f"""with e as (select * from event where id in (select unnest(?::integer[]))),
        {_REPORTED_SQL}
        select e.id, e.type, e.title, e.start_date, e.start_precision, e.end_date,
               e.end_precision, e.place_id, e.state_id, e.organization_id, e.status, r.day
        from e left join reported r on r.event_id = e.id order by e.id""",
        ids,
    ).fetchall()
    inv = {kind: {v: k for k, v in m.items()} for kind, m in dims.items() if kind != "person"}
    parts: dict[int, list[Participant]] = defaultdict(list)
    for event_id, person_key, state_code, org_key, role in con.execute(
        "select pa.event_id, pe.key, st.code, o.key, pa.role from participation pa"
        " left join person pe on pe.id = pa.person_id"
        " left join state st on st.id = pa.state_id"
        " left join organization o on o.id = pa.organization_id"
        " where pa.event_id in (select unnest(?::integer[])) order by pa.id",
        ids,
    ).fetchall():
        if person_key is not None:
            parts[event_id].append(Participant("person", person_key, role))
        elif state_code is not None:
            parts[event_id].append(Participant("state", state_code, role))
        else:
            parts[event_id].append(Participant("organization", org_key, role))
    return {
        r[0]: EventFact(
            type=r[1],
            title=r[2],
            start=FuzzyDate(r[3], r[4]) if r[3] else None,
            end=FuzzyDate(r[5], r[6]) if r[5] else None,
            place=inv["place"].get(r[7]) if r[7] else None,
            state=inv["state"].get(r[8]) if r[8] else None,
            organization=inv["organization"].get(r[9]) if r[9] else None,
            status=r[10],
            participants=parts.get(r[0], []),
            reported=r[11],
        )
        for r in rows
    }


# An event filed under no key (nothing `same_event` could match) still gets one row, so that
# `index_missing_events` does not read it again.
_NO_KEY = ""


def _match_key_rows(event_id: int, keys: Iterable[str]) -> list[dict[str, Any]]:
    rows = [{"event_id": event_id, "match_key": k} for k in sorted(keys)]
    return rows or [{"event_id": event_id, "match_key": _NO_KEY}]


def index_missing_events(
    con: duckdb.DuckDBPyConnection,
    dims: dict[str, dict[str, int]] | None = None,
    chunk: int = 20_000,
) -> int:
    """File events that have no match keys yet: migration 0005 calls it for warehouses from
    before the table. The loader files every event it writes (`_load`), so it needs no scan
    of its own per batch."""
    dims = dims if dims is not None else _dims(con)
    missing = [
        r[0]
        for r in con.execute(
            "select id from event where id not in (select event_id from event_match_key)"
        ).fetchall()
    ]
    for i in range(0, len(missing), chunk):
        events = _read_events(con, missing[i : i + chunk], dims)
        rows = [r for eid, ev in events.items() for r in _match_key_rows(eid, dedup.index_keys(ev))]
        _insert(con, "event_match_key", rows)
    return len(missing)


# A report is compared with at most this many warehouse events per match key: the closest in
# time. A vague report ("Merz reiste nach Paris", undated, so any day of the year around its
# publication) of a person in the news every week has hundreds of candidates, and reading them
# all made each batch's dedup cost (time and memory) grow with the warehouse. Keys with fewer
# overlapping events, which is almost all of them, lose nothing.
NEAREST_PER_KEY = 32


def _existing_events(
    con: duckdb.DuckDBPyConnection,
    groups: Sequence[EventGroup],
    dims: dict[str, dict[str, int]],
) -> list[_Cluster]:
    """Events already in the warehouse that could be the same happening as a batch event.

    Only events that `same_event` could ever match are read: those filed under one of the
    batch events' probe keys (`dedup.probe_keys`) whose dates overlap the probing event's (within
    `dedup.DAY_SLACK` days), and of those at most `NEAREST_PER_KEY` per report and key, the
    closest in time. The join runs in DuckDB against the batch's probes, so the work follows the
    batch and the few events each of its reports could be, not the warehouse size.
    """
    slack = timedelta(days=dedup.DAY_SLACK)
    probe_rows: list[dict[str, Any]] = []
    for pid, g in enumerate(groups):
        span = dedup.span(g.merged)
        lo = (span[0] - slack).isoformat() if span else None
        hi = (span[1] + slack).isoformat() if span else None
        probe_rows += [
            {"pid": pid, "match_key": k, "lo": lo, "hi": hi} for k in dedup.probe_keys(g.merged)
        ]
    if not probe_rows:
        return []
    probes = pd.DataFrame(probe_rows)
    window = dedup.REPORT_WINDOW_DAYS
    con.register("_event_probe", probes)
    try:
        hits = con.execute(
            f"""with p as (select pid, match_key, lo::date as lo, hi::date as hi
                           from _event_probe),
            -- the keys' events once per key, not once per probe: a busy key probed by many
            -- reports would multiply into a join far larger than the batch
            hit as (select k.event_id, k.match_key from event_match_key k
                    where k.match_key in (select match_key from p)),
            e as (select * from event where id in (select event_id from hit)),
            {_REPORTED_SQL},
            span as (select e.id,
                    case when e.start_date is null then r.day - {window}
                      else e.start_date end as lo,
                    case when e.start_date is null then r.day + {window}
                      else {_EVENT_HI_SQL} end as hi
                  from e left join reported r on r.event_id = e.id),
            -- twice the distance between the midpoints of the event's and the report's days
            overlapping as (select span.id, p.pid, p.match_key,
                    coalesce(abs((span.lo - p.lo) + (span.hi - p.hi)), 0) as distance
                  from hit h join span on span.id = h.event_id
                    join p on p.match_key = h.match_key
                      and (p.lo is null or span.lo is null
                           or (span.lo <= p.hi and p.lo <= span.hi))),
            nearest as (select id, row_number() over (
                      partition by pid, match_key order by distance, id) as rank
                  from overlapping)
            select distinct id from nearest where rank <= {NEAREST_PER_KEY} order by id"""
        ).fetchall()
    finally:
        con.unregister("_event_probe")
    if not hits:
        return []
    events = _read_events(con, [h[0] for h in hits], dims)
    keys: dict[int, set[str]] = defaultdict(set)
    for event_id, key in con.execute(
        "select event_id, match_key from event_match_key"
        " where event_id in (select unnest(?::integer[]))",
        [list(events)],
    ).fetchall():
        keys[event_id].add(key)
    return [_Cluster(eid, ev, [], True, keys[eid]) for eid, ev in events.items()]


def _bind_groups(
    con: duckdb.DuckDBPyConnection,
    groups: Sequence[EventGroup],
    dims: dict[str, dict[str, int]],
) -> list[_Cluster]:
    """Match each batch group against the warehouse's events: merge into one, or a new event."""
    index = _BlockIndex()
    for c in _existing_events(con, groups, dims):
        index.add(c, c.merged)
    bound: list[_Cluster] = []
    bound_ids: set[int] = set()
    for g in groups:
        match = index.first_match(g.merged)
        if match is None:
            bound.append(_Cluster(-1, g.merged, list(g.members), False))
            continue
        match.merged = dedup.merge(match.merged, g.merged)
        match.members += g.members
        index.add(match, match.merged)
        if id(match) not in bound_ids:
            bound_ids.add(id(match))
            bound.append(match)
    return bound


def load_batch(
    con: duckdb.DuckDBPyConnection,
    extracted: Sequence[ExtractedArticle],
    groups: Sequence[EventGroup],
    skipped: Sequence[ParsedArticle],
    rejections: Sequence[Rejection],
    kb: KnowledgeBase,
    run_id: int,
) -> LoadStats:
    """Load one batch in one transaction; on any error nothing of it remains."""
    con.execute("begin")
    try:
        stats = _load(con, extracted, groups, skipped, rejections, kb, run_id)
        con.execute("commit")
    except BaseException:
        con.execute("rollback")
        raise
    return stats


def _load(
    con: duckdb.DuckDBPyConnection,
    extracted: Sequence[ExtractedArticle],
    groups: Sequence[EventGroup],
    skipped: Sequence[ParsedArticle],
    rejections: Sequence[Rejection],
    kb: KnowledgeBase,
    run_id: int,
) -> LoadStats:
    stats = LoadStats(articles_skipped=len(skipped))
    ts = now()
    # Events first, while the transaction has written nothing: the candidate query needed far
    # more memory once the batch's rows were in (writer peak 2.0 GB, now 1.2 GB, for a batch of
    # 1,000 articles into a 59,000-article warehouse).
    dims = _dims(con)
    clusters = _bind_groups(con, groups, dims)

    # Rejections: one row per (file, content); a re-run adds nothing.
    known_rejections = set(
        con.execute(
            "select file_name, sha256 from rejected_article"
            " where sha256 in (select unnest(?::varchar[]))",
            [sorted({r.sha256 for r in rejections})],
        ).fetchall()
        if rejections
        else []
    )
    rej_rows = []
    for r in rejections:
        if (r.file_name, r.sha256) in known_rejections:
            continue
        known_rejections.add((r.file_name, r.sha256))
        rej_rows.append(
            {
                "file_name": r.file_name,
                "sha256": r.sha256,
                "reason": r.reason,
                "detail": r.detail,
                "seen_at": ts,
                "run_id": run_id,
            }
        )
    stats.articles_rejected = _insert(con, "rejected_article", rej_rows)

    # Articles: new rows, or stale rows that get their facts back.
    batch_shas = sorted({e.article.sha256 for e in extracted} | {a.sha256 for a in skipped})
    existing = dict(
        con.execute(
            "select sha256, id from article where sha256 in (select unnest(?::varchar[]))",
            [batch_shas],
        ).fetchall()
    )
    new = [e for e in extracted if e.article.sha256 not in existing]
    new_ids = _reserve(con, "article", len(new))
    article_id: dict[str, int] = dict(existing)
    article_rows = []
    for e, aid in zip(new, new_ids, strict=True):
        a = e.article
        article_id[a.sha256] = aid
        article_rows.append(
            {
                "id": aid,
                "file_name": a.file_name,
                "sha256": a.sha256,
                "title": a.title,
                "lead": a.lead,
                "body": a.body,
                "published_date": a.published.value if a.published else None,
                "date_precision": a.published.precision if a.published else None,
                "encoding": a.encoding,
                "warnings": "; ".join(a.warnings) or None,
                "ingested_at": ts,
                "knowledge_version": kb.version,
                "run_id": run_id,
            }
        )
    _insert(con, "article", article_rows)
    refreshed = [article_id[e.article.sha256] for e in extracted if e.article.sha256 in existing]
    if refreshed:
        con.execute(
            "update article set knowledge_version = ? where id in (select unnest(?::integer[]))",
            [kb.version, refreshed],
        )
    stats.articles_loaded = len(extracted)

    # Every file name an article was seen under.
    names = set(
        con.execute(
            "select article_id, file_name from article_file"
            " where article_id in (select unnest(?::integer[]))",
            [sorted(set(article_id.values()))],
        ).fetchall()
    )
    file_rows = []
    for a in [e.article for e in extracted] + list(skipped):
        aid = article_id.get(a.sha256)
        if aid is not None and (aid, a.file_name) not in names:
            names.add((aid, a.file_name))
            file_rows.append({"article_id": aid, "file_name": a.file_name, "first_seen_at": ts})
    _insert(con, "article_file", file_rows)

    # Sentences, with ids reserved up front so facts can point at them without a lookup.
    sentence_id: dict[tuple[int, int], int] = {}
    sentence_rows = []
    total = sum(len(e.facts.sentences) for e in extracted)
    ids = iter(_reserve(con, "sentence", total))
    for e in extracted:
        aid = article_id[e.article.sha256]
        for s in e.facts.sentences:
            sid = next(ids)
            sentence_id[(aid, s.index)] = sid
            sentence_rows.append(
                {
                    "id": sid,
                    "article_id": aid,
                    "idx": s.index,
                    "char_start": s.start,
                    "char_end": s.end,
                }
            )
    stats.sentences = _insert(con, "sentence", sentence_rows)

    # Persons discovered in text become person rows (once).
    dims["person"] = _person_ids(
        con,
        [k for e in extracted for k in e.facts.persons]
        + [p.key for e in extracted for p in e.facts.persons.values()]
        + [m.key for e in extracted for m in e.facts.mentions if m.kind == "person"]
        + [p.key for g in groups for p in g.merged.participants if p.kind == "person"],
    )
    discovered = {}
    for e in extracted:
        for p in e.facts.persons.values():
            if p.key not in dims["person"] and p.key not in discovered:
                discovered[p.key] = p
    if discovered:
        _insert(
            con,
            "person",
            [
                {
                    "key": p.key,
                    "name": p.name,
                    "state_id": dims["state"].get(p.state or ""),
                    "title": p.title,
                    "discovered": True,
                }
                for p in discovered.values()
            ],
        )
        dims["person"].update(_person_ids(con, discovered))
        _insert(
            con,
            "person_alias",
            [
                {"person_id": dims["person"][p.key], "alias": alias}
                for p in discovered.values()
                for alias in dict.fromkeys(a for a in p.aliases if a != p.name)
            ],
        )

    def entity_cols(kind: str, key: str) -> dict[str, Any] | None:
        ident = dims[kind].get(key)
        if ident is None:
            return None
        cols: dict[str, Any] = {
            "person_id": None,
            "state_id": None,
            "organization_id": None,
            "place_id": None,
        }
        cols[f"{kind}_id"] = ident
        return cols

    def evidence_cols(aid: int, ev: Any) -> dict[str, Any] | None:
        sid = sentence_id.get((aid, ev.sentence_index))
        if sid is None:
            return None
        return {
            "sentence_id": sid,
            "char_start": ev.start,
            "char_end": ev.end,
            "surface": ev.surface,
            "run_id": run_id,
        }

    # Mentions.
    mention_rows = []
    for e in extracted:
        aid = article_id[e.article.sha256]
        for m in e.facts.mentions:
            cols = entity_cols(m.kind, m.key)
            sid = sentence_id.get((aid, m.sentence_index))
            if cols is None or sid is None:
                continue
            mention_rows.append(
                {
                    "sentence_id": sid,
                    "char_start": m.start,
                    "char_end": m.end,
                    "surface": m.surface,
                    "entity_kind": m.kind,
                    **cols,
                    "via": m.via,
                    "run_id": run_id,
                }
            )
    stats.mentions = _insert(con, "mention", mention_rows)

    # Memberships: one row per (state, organization, kind), evidence from every sentence.
    batch_states = {dims["state"].get(mf.state) for e in extracted for mf in e.facts.memberships}
    batch_orgs = {
        dims["organization"].get(mf.organization) for e in extracted for mf in e.facts.memberships
    }
    membership_id = {
        (s, o, k): i
        for i, s, o, k in con.execute(
            "select id, state_id, organization_id, kind from membership"
            " where state_id in (select unnest(?::integer[]))"
            " and organization_id in (select unnest(?::integer[]))",
            [sorted(x for x in batch_states if x is not None),
             sorted(x for x in batch_orgs if x is not None)],
        ).fetchall()
    }  # fmt: skip
    m_rows: list[dict[str, Any]] = []
    m_evidence: list[dict[str, Any]] = []
    new_rows: dict[int, dict[str, Any]] = {}  # id -> row, for memberships new in this batch
    since_updates: dict[int, dict[str, Any]] = {}  # first known start of an existing one
    membership_ids = _IdPool(con, "membership")
    for e in extracted:
        aid = article_id[e.article.sha256]
        for mf in e.facts.memberships:
            sid, oid = dims["state"].get(mf.state), dims["organization"].get(mf.organization)
            ev = evidence_cols(aid, mf.evidence)
            if sid is None or oid is None or ev is None:
                continue
            key = (sid, oid, mf.kind)
            if key not in membership_id:
                membership_id[key] = membership_ids.next()
                row = {
                    "id": membership_id[key],
                    "state_id": sid,
                    "organization_id": oid,
                    "kind": mf.kind,
                    **_date_cols("since", mf.since),
                    **_date_cols("until", None),
                    "run_id": run_id,
                }
                m_rows.append(row)
                new_rows[row["id"]] = row
            elif mf.since is not None:
                # The first sentence that dates the membership fills an unknown start, whether
                # the membership is new in this batch or older (so batch size cannot matter).
                mid = membership_id[key]
                if mid in new_rows:
                    if new_rows[mid]["since_date"] is None:
                        new_rows[mid].update(_date_cols("since", mf.since))
                elif mid not in since_updates:
                    since_updates[mid] = {"id": mid, **_date_cols("since", mf.since)}
            m_evidence.append({"membership_id": membership_id[key], **ev})
    _update(con, "membership", list(since_updates.values()), "membership.since_date is null")
    stats.memberships = _insert(con, "membership", m_rows)
    _insert(con, "membership_evidence", m_evidence)

    # Events: the batch's groups, bound above to the warehouse's events where they are the same.
    dims["person"].update(
        _person_ids(
            con,
            {
                p.key
                for c in clusters
                if c.existing
                for p in c.merged.participants
                if p.kind == "person" and p.key not in dims["person"]
            },
        )
    )
    fresh = [c for c in clusters if not c.existing]
    for c, eid in zip(fresh, _reserve(con, "event", len(fresh)), strict=True):
        c.event_id = eid

    def event_cols(ev: EventFact) -> dict[str, Any]:
        return {
            "type": ev.type,
            "title": ev.title or ev.type,
            **_date_cols("start", ev.start),
            **_date_cols("end", ev.end),
            "place_id": dims["place"].get(ev.place or ""),
            "state_id": dims["state"].get(ev.state or ""),
            "organization_id": dims["organization"].get(ev.organization or ""),
            "status": ev.status,
        }

    _insert(
        con, "event", [{"id": c.event_id, **event_cols(c.merged), "run_id": run_id} for c in fresh]
    )
    _update(
        con, "event", [{"id": c.event_id, **event_cols(c.merged)} for c in clusters if c.existing]
    )
    _insert(
        con,
        "event_match_key",
        [
            row
            for c in clusters
            for row in _match_key_rows(c.event_id, dedup.index_keys(c.merged) - c.keys)
            if not (c.existing and row["match_key"] == _NO_KEY)
        ],
    )
    stats.events_new = len(fresh)
    stats.events_merged = len(clusters) - len(fresh)

    existing_part = {
        (eid, pid, sid, oid, role): i
        for i, eid, pid, sid, oid, role in con.execute(
            "select id, event_id, person_id, state_id, organization_id, role from participation"
            " where event_id in (select unnest(?::integer[]))",
            [[c.event_id for c in clusters if c.existing]],
        ).fetchall()
    }
    p_rows, p_evidence, e_evidence = [], [], []
    participation_ids = _IdPool(con, "participation")
    for c in clusters:
        part_id: dict[tuple[str, str], int] = {}
        for p in c.merged.participants:
            cols = entity_cols(p.kind, p.key)
            if cols is None:
                continue
            natural = (
                c.event_id,
                cols["person_id"],
                cols["state_id"],
                cols["organization_id"],
                p.role,
            )
            if natural not in existing_part:
                existing_part[natural] = participation_ids.next()
                p_rows.append(
                    {
                        "id": existing_part[natural],
                        "event_id": c.event_id,
                        "person_id": cols["person_id"],
                        "state_id": cols["state_id"],
                        "organization_id": cols["organization_id"],
                        "role": p.role,
                        "run_id": run_id,
                    }
                )
            part_id[(p.kind, p.key)] = existing_part[natural]
        for sha, ev in c.members:
            aid = article_id[sha]
            reported = {(p.kind, p.key) for p in ev.participants}
            for evidence in ev.evidence:
                cols = evidence_cols(aid, evidence)
                if cols is None:
                    continue
                e_evidence.append({"event_id": c.event_id, **cols})
                for who in reported:
                    if who in part_id:
                        p_evidence.append({"participation_id": part_id[who], **cols})
    stats.participations = _insert(con, "participation", p_rows)
    _insert(con, "event_evidence", e_evidence)
    _insert(con, "participation_evidence", p_evidence)
    return stats
