"""The analyst views on a small warehouse built through the real loader: each view's rows are
checked against what the hand-built facts say, not just that the view runs. Also: every view
is documented in docs/views.md with exactly its columns, answers on an empty warehouse, and
stays fast on a large synthetic one."""

from __future__ import annotations

import hashlib
import re
import shutil
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import duckdb
import pytest

from etl import load, warehouse
from etl.articles import ParsedArticle, Rejection
from etl.facts import (
    ArticleFacts,
    EventFact,
    Evidence,
    FuzzyDate,
    Mention,
    Participant,
    PersonRef,
    Sentence,
)
from etl.knowledge_base import load_knowledge_base
from etl.reference import sync_reference
from migrations.views import SQL_DIR, snapshot_path

DOCS = Path(__file__).resolve().parents[2] / "docs" / "views.md"
VIEWS = sorted(p.stem for p in SQL_DIR.glob("*.sql"))

JULY = FuzzyDate(date(2024, 7, 1), "month")
MAY_16 = FuzzyDate(date(2024, 5, 16), "day")
Y2023 = FuzzyDate(date(2023, 1, 1), "year")

PUTIN, XI, ORBAN = "wladimir-putin", "xi-jinping", "viktor-orban"
PROBST = PersonRef("anna-probst", "Anna Probst", "FR", "Reporterin", ("Probst",), True)
MUSTER = PersonRef("max-muster", "Max Muster", None, None, (), True)

# Article bodies (one sentence each) and what extraction would have read from them.
BODY_A = "Wladimir Putin traf Xi Jinping in China zu Gesprächen."
BODY_B = "Beim Gipfel in Kasachstan trafen sich Wladimir Putin, Xi Jinping und Viktor Orbán."
BODY_C = (
    "Viktor Orbán besuchte Wladimir Putin in Russland, Xi Jinping blieb fern, "
    "berichteten Anna Probst und Max Muster."
)
BODY_D = "Wladimir Putin und Viktor Orbán wollen ein Abkommen unterzeichnen."
BODY_E1 = "Frankreich wartet."
BODY_E2 = "Frankreich wartet weiter auf Antwort."

KNOWN = {PUTIN: "Wladimir Putin", XI: "Xi Jinping", ORBAN: "Viktor Orbán"}
STATES = {"CN": "China", "KZ": "Kasachstan", "RU": "Russland", "FR": "Frankreich"}


def _span(body: str, surface: str) -> tuple[int, int]:
    start = body.index(surface)
    return start, start + len(surface)


def _mentions(body: str) -> list[Mention]:
    out = []
    for key, name in KNOWN.items():
        if name in body:
            out.append(Mention(0, *_span(body, name), name, "person", key))
    for code, name in STATES.items():
        if name in body:
            out.append(Mention(0, *_span(body, name), name, "state", code))
    for p in (PROBST, MUSTER):
        if p.name in body:
            out.append(Mention(0, *_span(body, p.name), p.name, "person", p.key, "discovered"))
    return out


def _event(
    body: str,
    trigger: str,
    type_: str,
    start: FuzzyDate | None,
    state: str | None,
    participants: list[Participant],
    status: str = "occurred",
) -> EventFact:
    return EventFact(
        type=type_,  # type: ignore[arg-type]
        status=status,  # type: ignore[arg-type]
        start=start,
        end=None,
        place=None,
        state=state,
        organization=None,
        title=f"{trigger}: " + ", ".join(p.key for p in participants),
        participants=participants,
        evidence=[Evidence(0, *_span(body, trigger), trigger)],
    )


def _p(key: str, role: str = "participant", kind: str = "person") -> Participant:
    return Participant(kind, key, role)  # type: ignore[arg-type]


EVENTS: dict[str, list[EventFact]] = {
    BODY_A: [
        _event(
            BODY_A,
            "traf",
            "meeting",
            JULY,
            "CN",
            [_p(PUTIN), _p(XI, "host"), _p("CN", "host", "state")],
        ),
    ],
    BODY_B: [
        _event(
            BODY_B,
            "Gipfel",
            "summit",
            MAY_16,
            "KZ",
            [_p(PUTIN), _p(XI), _p(ORBAN), _p("KZ", "host", "state")],
        ),
    ],
    BODY_C: [
        _event(
            BODY_C,
            "besuchte",
            "visit",
            Y2023,
            "RU",
            [_p(ORBAN), _p(PUTIN, "host"), _p("RU", "host", "state"), _p(XI, "absent")],
        ),
    ],
    BODY_D: [
        _event(BODY_D, "Abkommen", "agreement", None, None, [_p(PUTIN), _p(ORBAN)], "planned"),
    ],
}


def facts_for(body: str) -> ArticleFacts:
    mentions = _mentions(body)
    persons = {p.key: p for p in (PROBST, MUSTER) if p.name in body}
    return ArticleFacts(
        sentences=[Sentence(0, 0, len(body), body)],
        mentions=mentions,
        persons=persons,
        memberships=[],
        events=EVENTS.get(body, []),
    )


def parsed(name: str, body: str, published: FuzzyDate | None) -> ParsedArticle:
    sha = hashlib.sha256(body.encode()).hexdigest()
    return ParsedArticle(name, sha, body.split(" ")[0], None, body, published, "utf-8")


def run_batch(
    con: duckdb.DuckDBPyConnection, articles: list[ParsedArticle], rejections: list[Rejection]
) -> None:
    """One pipeline run, as the Dagster assets do it, with hand-built facts."""
    kb = load_knowledge_base()
    plan = load.plan_batch(con, articles, kb.version)
    load.retract_articles(con, plan.superseded_ids, supersede=True)
    extracted = [load.ExtractedArticle(a, facts_for(a.body)) for a in plan.to_extract]
    run_id = load.start_run(con, "test", kb.version)
    stats = load.load_batch(
        con, extracted, load.group_events(extracted), plan.skipped, rejections, kb, run_id
    )
    load.finish_run(con, run_id, stats, len(articles), "succeeded")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two runs: the first rejects d.txt (empty) and bild.png; the second loads the fixed
    d.txt and a changed e.txt (superseding its first version)."""
    db = tmp_path_factory.mktemp("views") / "warehouse.duckdb"
    warehouse.migrate(db)
    con = duckdb.connect(str(db))
    try:
        con.execute("begin")
        sync_reference(con, load_knowledge_base())
        con.execute("commit")
        first = [
            parsed("a.txt", BODY_A, JULY),
            parsed("b.txt", BODY_B, MAY_16),
            parsed("c.txt", BODY_C, Y2023),
            parsed("e.txt", BODY_E1, None),
        ]
        run_batch(
            con,
            first,
            [
                Rejection("d.txt", "00" * 32, "empty", "file is empty"),
                Rejection("bild.png", "ff" * 32, "binary", "PNG image data"),
            ],
        )
        second = first[:3] + [parsed("d.txt", BODY_D, None), parsed("e.txt", BODY_E2, None)]
        run_batch(con, second, [])
    finally:
        con.close()
    return db


@pytest.fixture
def con(built: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    c = duckdb.connect(str(built), read_only=True)
    yield c
    c.close()


def rows(con: duckdb.DuckDBPyConnection, sql: str) -> list[tuple]:
    return con.execute(sql).fetchall()


def test_the_fixture_holds_four_events(con) -> None:
    assert rows(con, "select type, status from event order by type, status") == [
        ("agreement", "planned"),
        ("meeting", "occurred"),
        ("summit", "occurred"),
        ("visit", "occurred"),
    ]


def test_person_meetings_pairs_each_couple_once_with_their_shared_events(con) -> None:
    got = rows(
        con,
        """
        select
            list_sort([person_a_key, person_b_key]) as pair,
            event_count, occurred_count, planned_count, first_date, last_date, event_types
        from v_person_meetings
        order by pair
    """,
    )
    assert got == [
        # B (summit), C (visit, Orbán at Putin's), D (planned agreement, undated)
        (
            ["viktor-orban", "wladimir-putin"],
            3,
            2,
            1,
            date(2023, 1, 1),
            date(2024, 5, 16),
            ["agreement", "summit", "visit"],
        ),
        # only B: at C Xi stayed away, which is not meeting
        (["viktor-orban", "xi-jinping"], 1, 1, 0, date(2024, 5, 16), date(2024, 5, 16), ["summit"]),
        (
            ["wladimir-putin", "xi-jinping"],
            2,
            2,
            0,
            date(2024, 5, 16),
            date(2024, 7, 1),
            ["meeting", "summit"],
        ),
    ]
    assert rows(con, "select count(*) from v_person_meetings where person_a_id >= person_b_id") == [
        (0,)
    ]
    ids = rows(
        con,
        """
        select len(event_ids), len(list_distinct(event_ids)) from v_person_meetings
        where 'wladimir-putin' in (person_a_key, person_b_key)
          and 'viktor-orban' in (person_a_key, person_b_key)
    """,
    )
    assert ids == [(3, 3)]


def test_visits_abroad_are_events_attended_outside_the_home_state(con) -> None:
    got = rows(
        con,
        """
        select person_key, event_type, destination_state_code, roles
        from v_person_visits_abroad order by person_key, event_type
    """,
    )
    assert got == [
        ("viktor-orban", "summit", "KZ", "participant"),
        ("viktor-orban", "visit", "RU", "participant"),
        ("wladimir-putin", "meeting", "CN", "participant"),
        ("wladimir-putin", "summit", "KZ", "participant"),
        # Xi at home in CN (meeting A) is not abroad; the planned agreement D has no place
        ("xi-jinping", "summit", "KZ", "participant"),
    ]


def test_person_activity_is_a_monthly_timeline_with_coarse_dates_kept_apart(con) -> None:
    got = rows(
        con,
        """
        select year, month, event_count, planned_count, meeting_count, visit_count,
               abroad_count, hosted_count, absent_count
        from v_person_activity where person_key = 'wladimir-putin'
        order by year nulls last, month nulls first
    """,
    )
    assert got == [
        (2023, None, 1, 0, 0, 1, 0, 1, 0),  # hosted Orbán; the date is known only to the year
        (2024, date(2024, 5, 1), 1, 0, 1, 0, 1, 0, 0),  # summit in Kasachstan
        (2024, date(2024, 7, 1), 1, 0, 1, 0, 1, 0, 0),  # meeting in China
        (None, None, 1, 1, 0, 0, 0, 0, 0),  # the undated planned agreement
    ]
    xi = rows(
        con,
        """
        select year, month, hosted_count, absent_count from v_person_activity
        where person_key = 'xi-jinping' order by year, month nulls first
    """,
    )
    assert xi == [
        (2023, None, 0, 1),
        (2024, date(2024, 5, 1), 0, 0),
        (2024, date(2024, 7, 1), 1, 0),
    ]


def test_mention_monthly_counts_by_publication_month(con) -> None:
    got = rows(
        con,
        """
        select year, month, mention_count, article_count from v_mention_monthly
        where entity_key = 'wladimir-putin' order by year nulls last, month nulls first
    """,
    )
    assert got == [
        (2023, None, 1, 1),
        (2024, date(2024, 5, 1), 1, 1),
        (2024, date(2024, 7, 1), 1, 1),
        (None, None, 1, 1),
    ]
    assert rows(con, "select sum(mention_count) from v_mention_monthly") == rows(
        con, "select count(*) from v_provenance where fact_kind = 'mention'"
    )


def test_entity_mentions_totals(con) -> None:
    got = rows(
        con,
        """
        select entity_kind, entity_key, entity_name, mention_count, article_count,
               indirect_count, first_published, last_published
        from v_entity_mentions where entity_key in ('wladimir-putin', 'FR', 'anna-probst')
        order by entity_key
    """,
    )
    assert got == [
        # only the current version of e.txt counts: the superseded one's mention is retracted
        ("state", "FR", "Frankreich", 1, 1, 0, None, None),
        ("person", "anna-probst", "Anna Probst", 1, 1, 1, date(2023, 1, 1), date(2023, 1, 1)),
        ("person", "wladimir-putin", "Wladimir Putin", 4, 4, 0, date(2023, 1, 1), date(2024, 7, 1)),
    ]


def test_rejected_files_say_why_and_whether_a_fixed_file_loaded_since(con) -> None:
    got = rows(
        con,
        """
        select file_name, reason, detail, loaded_later, run_id = 1
        from v_rejected_files order by file_name
    """,
    )
    assert got == [
        ("bild.png", "binary", "PNG image data", False, True),
        ("d.txt", "empty", "file is empty", True, True),
    ]


def test_article_facts_count_each_articles_facts_and_flag_superseded_versions(con) -> None:
    got = rows(
        con,
        """
        select file_name, status, sentence_count, mention_count, entity_count, event_count,
               participation_count
        from v_article_facts order by file_name, status
    """,
    )
    assert got == [
        ("a.txt", "current", 1, 3, 3, 1, 3),
        ("b.txt", "current", 1, 4, 4, 1, 4),
        ("c.txt", "current", 1, 6, 6, 1, 4),
        ("d.txt", "current", 1, 2, 2, 1, 2),
        ("e.txt", "current", 1, 1, 1, 0, 0),
        ("e.txt", "superseded", 0, 0, 0, 0, 0),
    ]


def test_discovered_persons_with_unresolved_nationality(con) -> None:
    got = rows(
        con,
        """
        select person_key, person_name, title, state_code, state_unresolved, aliases,
               mention_count, article_count, event_count
        from v_discovered_persons order by person_key
    """,
    )
    assert got == [
        ("anna-probst", "Anna Probst", "Reporterin", "FR", False, ["Probst"], 1, 1, 0),
        ("max-muster", "Max Muster", None, None, True, [], 1, 1, 0),
    ]


def test_existing_views_agree_with_the_new_ones(con) -> None:
    """v_event_participation (from revision 0002) and the meeting pairs tell the same story."""
    pairs = rows(con, "select sum(event_count) from v_person_meetings")
    derived = rows(
        con,
        """
        with present as (
            select distinct event_id, participant_key from v_event_participation
            where participant_kind = 'person' and role in ('host', 'participant')
        )
        select count(*) from present as a join present as b
            on a.event_id = b.event_id and a.participant_key < b.participant_key
    """,
    )
    assert pairs == derived


# Views that revision 0004 moved onto v_evidence_counts, and the revision whose text it replaced.
REFACTORED = {
    "v_event_participation": "0002",
    "v_event_articles": "0002",
    "v_membership": "0002",
    "v_article_facts": "0003",
}

MORE_EVIDENCE = """
-- a second sentence of a.txt for its event and one participation; memberships asserted by
-- one sentence twice (a.txt) and by two articles (a.txt, b.txt)
insert into event_evidence (event_id, sentence_id, char_start, char_end, surface, run_id)
    select event_id, sentence_id, char_start + 1, char_end, surface, run_id
    from event_evidence where sentence_id = (select min(id) from sentence);
insert into participation_evidence (participation_id, sentence_id, char_start, char_end,
                                    surface, run_id)
    select participation_id, sentence_id, char_start + 1, char_end, surface, run_id
    from participation_evidence where sentence_id = (select min(id) from sentence) limit 1;
insert into membership (state_id, organization_id, kind, run_id)
    select st.id, o.id, 'member', 1 from state as st, organization as o
    where st.code in ('FR', 'RU') and o.key = 'un';
insert into membership_evidence (membership_id, sentence_id, char_start, char_end, surface,
                                 run_id)
    select m.id, s.id, k, k + 1, 'x', 1
    from membership as m, sentence as s, range(2) as t(k)
    where s.id in (select min(id) from sentence) and (m.id = (select min(id) from membership)
                                                      or k = 0);
insert into membership_evidence (membership_id, sentence_id, char_start, char_end, surface,
                                 run_id)
    select (select max(id) from membership), max(id), 0, 1, 'x', 1 from sentence;
"""


def test_views_on_the_shared_evidence_counts_answer_as_their_previous_definitions(
    built: Path, tmp_path: Path
) -> None:
    """Revision 0004 only moved the evidence counting into v_evidence_counts: each changed view
    returns exactly the rows (and types) its previous definition, kept in migrations/sql/,
    returns, also with several evidence sentences per article and several articles per fact."""
    db = tmp_path / "more.duckdb"
    shutil.copyfile(built, db)
    con = duckdb.connect(str(db))
    try:
        con.execute(MORE_EVIDENCE)
        counts = rows(
            con,
            "select fact_kind, max(evidence_count), count(distinct article_id)"
            " from v_evidence_counts group by fact_kind order by fact_kind",
        )
        assert [c[0] for c in counts] == ["event", "membership", "participation"]
        assert all(c[1] >= 2 for c in counts)  # the new rows count twice in one article
        for view, revision in REFACTORED.items():
            previous = snapshot_path(view, revision).read_text(encoding="utf-8")
            now = con.execute(f"select * from {view} order by all")
            now_types = [d[1] for d in now.description]
            now_rows = now.fetchall()
            old = con.execute(f"select * from (\n{previous}\n) order by all")
            assert [d[1] for d in old.description] == now_types, view
            assert old.fetchall() == now_rows, view
            assert now_rows, view
    finally:
        con.close()


def test_evidence_counts_count_sentences_per_fact_and_article(con) -> None:
    got = rows(
        con,
        """
        select ec.fact_kind, count(*), sum(ec.evidence_count)
        from v_evidence_counts as ec
        group by ec.fact_kind order by ec.fact_kind
    """,
    )
    # four events of one sentence each (e.txt reports none); 3 + 4 + 4 + 2 participations
    assert got == [("event", 4, 4), ("participation", 13, 13)]


# --- every view: documented, empty-safe, fast --------------------------------------------------


def documented_columns() -> dict[str, list[str]]:
    """Column names per view from docs/views.md (a `### v_name` heading, then a table whose
    first column is the column name in backticks)."""
    out: dict[str, list[str]] = {}
    current = None
    for line in DOCS.read_text(encoding="utf-8").splitlines():
        heading = re.match(r"^###\s+`?(v_\w+)`?", line)
        if heading:
            current = heading.group(1)
            out[current] = []
            continue
        cell = re.match(r"^\|\s*`(\w+)`\s*\|", line)
        if current and cell:
            out[current].append(cell.group(1))
    return out


def test_every_view_is_documented_with_exactly_its_columns(migrated: Path) -> None:
    docs = documented_columns()
    con = duckdb.connect(str(migrated), read_only=True)
    try:
        for view in VIEWS:
            columns = [d[0] for d in con.execute(f"select * from {view} limit 0").description]
            assert docs.get(view) == columns, f"docs/views.md out of date for {view}"
    finally:
        con.close()


def test_every_view_file_states_its_grain() -> None:
    for view in VIEWS:
        header = (SQL_DIR / f"{view}.sql").read_text(encoding="utf-8").split("\n\n")[0]
        assert header.startswith(f"-- {view}:"), view
        assert "-- grain:" in header, view


def test_views_return_no_rows_on_an_empty_warehouse(migrated: Path) -> None:
    con = duckdb.connect(str(migrated), read_only=True)
    try:
        for view in VIEWS:
            assert con.execute(f"select * from {view}").fetchall() == [], view
    finally:
        con.close()


SYNTHETIC = """
insert into extraction_run (id, started_at, code_version, knowledge_version, status)
    values (1, now()::timestamp, 'bench', 'bench', 'succeeded');
insert into state (id, code, name_de, name_en)
    select i, printf('%02d', i), 'Staat ' || i, 'State ' || i from range(1, 101) t(i);
insert into person (id, key, name, state_id, discovered)
    select i, 'p' || i, 'Person ' || i, i % 100 + 1, i % 50 = 0 from range(1, 5001) t(i);
insert into article (id, file_name, sha256, title, body, published_date, date_precision,
                     encoding, ingested_at, knowledge_version, run_id)
    select i, 'a' || i || '.txt', md5(i::varchar) || md5(i::varchar), 't', repeat('x', 400),
           date '2020-01-01' + (i % 1500)::int, 'day', 'utf-8', now()::timestamp, 'bench', 1
    from range(1, {articles} + 1) t(i);
insert into article_file (article_id, file_name, first_seen_at)
    select id, file_name, ingested_at from article;
insert into sentence (id, article_id, idx, char_start, char_end)
    select i, (i - 1) // 4 + 1, (i - 1) % 4, ((i - 1) % 4) * 100, ((i - 1) % 4) * 100 + 99
    from range(1, {articles} * 4 + 1) t(i);
insert into mention (sentence_id, char_start, char_end, surface, entity_kind, person_id,
                     state_id, via, run_id)
    select i % ({articles} * 4) + 1, 0, 5, 'xxxxx',
           case when i % 3 = 0 then 'state' else 'person' end,
           case when i % 3 = 0 then null else i % 5000 + 1 end,
           case when i % 3 = 0 then i % 100 + 1 end,
           'name', 1
    from range({mentions}) t(i);
insert into event (id, type, title, start_date, start_precision, state_id, status, run_id)
    select i, 'meeting', 'e' || i, date '2020-01-01' + (i % 1500)::int, 'day', i % 100 + 1,
           'occurred', 1
    from range(1, {events} + 1) t(i);
insert into participation (id, event_id, person_id, role, run_id)
    select i, (i - 1) // 3 + 1, (i * 7919) % 5000 + 1,
           case when i % 3 = 0 then 'host' else 'participant' end, 1
    from range(1, {events} * 3 + 1) t(i);
insert into event_evidence (event_id, sentence_id, char_start, char_end, surface, run_id)
    select i, i % ({articles} * 4) + 1, 0, 5, 'xxxxx', 1 from range(1, {events} + 1) t(i);
insert into participation_evidence (participation_id, sentence_id, char_start, char_end,
                                    surface, run_id)
    select id, event_id % ({articles} * 4) + 1, 0, 5, 'xxxxx', 1 from participation;
"""


def test_views_stay_fast_on_a_large_warehouse(migrated: Path) -> None:
    """20k articles, 300k mentions, 50k events with 150k participations: every view answers a
    full scan in well under a few seconds (a pair self-join or a correlated subquery gone wrong
    would take minutes)."""
    con = duckdb.connect(str(migrated))
    try:
        con.execute("begin")
        con.execute(SYNTHETIC.format(articles=20_000, mentions=300_000, events=50_000))
        con.execute("commit")
        slow = {}
        for view in VIEWS:
            started = time.perf_counter()
            n = con.execute(f"select count(*) from (select * from {view})").fetchone()[0]  # type: ignore[index]
            elapsed = time.perf_counter() - started
            assert n > 0 or view in {"v_rejected_files", "v_membership"}, view
            if elapsed > 5:
                slow[view] = round(elapsed, 1)
        assert not slow, f"slow views: {slow}"
    finally:
        con.close()
