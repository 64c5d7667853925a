"""Loading into a real DuckDB warehouse: dedup across articles, idempotence, atomicity,
changed files and knowledge changes."""

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import duckdb
import pytest

from etl import load
from etl.articles import ParsedArticle, Rejection
from etl.facts import (
    ArticleFacts,
    EventFact,
    Evidence,
    FuzzyDate,
    MembershipFact,
    Mention,
    Participant,
    PersonRef,
    Sentence,
)
from etl.knowledge_base import load_knowledge_base
from etl.reference import sync_reference

TABLES = (
    "article",
    "article_file",
    "rejected_article",
    "sentence",
    "mention",
    "membership",
    "membership_evidence",
    "event",
    "participation",
    "event_evidence",
    "participation_evidence",
    "person",
)


@pytest.fixture
def con(migrated: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    c = duckdb.connect(str(migrated))
    c.execute("begin")
    sync_reference(c, load_knowledge_base())
    c.execute("commit")
    yield c
    c.close()


def counts(c: duckdb.DuckDBPyConnection) -> dict[str, int]:
    return {t: c.execute(f"select count(*) from {t}").fetchone()[0] for t in TABLES}  # type: ignore[index]


def article(name: str, body: str, published: FuzzyDate | None = None) -> ParsedArticle:
    import hashlib

    sha = hashlib.sha256(body.encode()).hexdigest()
    return ParsedArticle(name, sha, body.split(".")[0], None, body, published, "utf-8")


def meeting_report(
    body: str, published: FuzzyDate | None, dated: bool = True
) -> ArticleFacts:
    """Facts as extraction would return them for 'Die Ministerin Anna Probst traf in Paris ...'
    (the meeting dated like the article, or with ``dated=False`` without a date)."""
    s0 = Sentence(0, 0, len(body), body)
    start = body.index("Anna Probst")
    fr = body.index("Frankreich")
    person = PersonRef("anna-probst", "Anna Probst", "FR", "Ministerin", discovered=True)
    trigger = body.index("traf")
    ev = EventFact(
        type="meeting",
        status="occurred",
        start=published if dated else None,
        end=None,
        place=None,
        state="FR",
        organization=None,
        title="Treffen in Paris",
        participants=[
            Participant("person", "anna-probst", "participant"),
            Participant("state", "FR", "host"),
        ],
        evidence=[Evidence(0, trigger, trigger + 4, "traf")],
    )
    eu = body.index("EU")
    return ArticleFacts(
        sentences=[s0],
        mentions=[
            Mention(0, start, start + 11, "Anna Probst", "person", "anna-probst", "discovered"),
            Mention(0, fr, fr + 10, "Frankreich", "state", "FR"),
        ],
        persons={"anna-probst": person},
        memberships=[MembershipFact("FR", EU_KEY, "member", None, Evidence(0, eu, eu + 2, "EU"))],
        events=[ev],
    )


EU_KEY = next(o.key for o in load_knowledge_base().organizations.values() if o.abbreviation == "EU")
JULY = FuzzyDate(date(2024, 7, 1), "month")
BODY_A = "Die Ministerin Anna Probst traf in Frankreich, dem EU-Mitglied, ihre Kollegen."
BODY_B = "Anna Probst traf sich in Frankreich, einem Land der EU, mit Diplomaten zum Gespräch."


def run_batch(
    c: duckdb.DuckDBPyConnection,
    parsed: list[ParsedArticle],
    rejections: list[Rejection] | None = None,
    version: str | None = None,
    dated: bool = True,
) -> load.LoadStats:
    kb = load_knowledge_base()
    if version is not None:
        kb = replace(kb, version=version)
    plan = load.plan_batch(c, parsed, kb.version)
    plan.to_extract += load.stale_articles(c, plan.stale_ids)
    load.retract_articles(c, plan.superseded_ids, supersede=True)
    load.retract_articles(c, plan.stale_ids)
    extracted = [
        load.ExtractedArticle(a, meeting_report(a.body, a.published, dated))
        for a in plan.to_extract
    ]
    run_id = load.start_run(c, "test", kb.version)
    stats = load.load_batch(
        c, extracted, load.group_events(extracted), plan.skipped, rejections or [], kb, run_id
    )
    load.finish_run(c, run_id, stats, len(parsed), "succeeded")
    return stats


def test_same_meeting_in_two_articles_is_one_event_with_two_articles(con) -> None:
    run_batch(con, [article("a.txt", BODY_A, JULY), article("b.txt", BODY_B, JULY)])
    assert con.execute("select count(*) from event").fetchone() == (1,)
    assert con.execute(
        "select count(distinct s.article_id) from event_evidence as ee"
        " join sentence as s on s.id = ee.sentence_id"
    ).fetchone() == (2,)
    roles = con.execute(
        "select participant_key, role, article_count from v_event_participation order by 1"
    ).fetchall()
    assert roles == [("FR", "host", 2), ("anna-probst", "participant", 2)]
    person = con.execute("select name, discovered from person where key = 'anna-probst'")
    assert person.fetchone() == ("Anna Probst", True)


def test_undated_reports_merge_only_with_events_around_their_publication(con) -> None:
    """An undated "Anna Probst traf ..." is about a recent meeting: reports two months apart
    are one event, a report three years later is another meeting, in one batch or across."""
    may_2021 = FuzzyDate(date(2021, 5, 1), "month")
    may_2024 = FuzzyDate(date(2024, 5, 1), "month")
    run_batch(con, [article("a.txt", BODY_A, may_2021)], dated=False)
    run_batch(con, [article("b.txt", BODY_B, JULY)], dated=False)
    assert con.execute("select count(*) from event").fetchone() == (2,)
    run_batch(con, [article("c.txt", BODY_A + " Später mehr.", may_2024)], dated=False)
    per_event = con.execute(
        "select count(distinct s.article_id) from event_evidence ee"
        " join sentence s on s.id = ee.sentence_id group by ee.event_id order by 1"
    ).fetchall()
    assert per_event == [(1,), (2,)]  # the 2024 reports merged, the 2021 one stays apart


def test_undated_reports_in_one_batch_years_apart_stay_two_events(con) -> None:
    may_2021 = FuzzyDate(date(2021, 5, 1), "month")
    run_batch(
        con, [article("a.txt", BODY_A, may_2021), article("b.txt", BODY_B, JULY)], dated=False
    )
    assert con.execute("select count(*) from event").fetchone() == (2,)


def test_provenance_offsets_point_at_the_surface_text(con) -> None:
    run_batch(con, [article("a.txt", BODY_A, JULY)])
    rows = con.execute(
        "select sentence_text, char_start, char_end, surface from v_provenance"
        " where fact_kind = 'mention'"
    ).fetchall()
    assert rows
    for text, start, end, surface in rows:
        assert BODY_A[start:end] == surface
        assert surface in text


def test_rerun_changes_no_row(con) -> None:
    batch = [article("a.txt", BODY_A, JULY), article("b.txt", BODY_B, JULY)]
    bad = [Rejection("x.bin", "ff" * 32, "binary", "file contains NUL bytes")]
    run_batch(con, batch, bad)
    before = counts(con)
    stats = run_batch(con, batch, bad)
    assert stats.articles_loaded == 0 and stats.articles_skipped == 2
    assert counts(con) == before


def test_same_content_under_two_names_is_loaded_once_with_both_names(con) -> None:
    run_batch(con, [article("a.txt", BODY_A, JULY), article("copy-of-a.txt", BODY_A, JULY)])
    assert con.execute("select count(*) from article").fetchone() == (1,)
    names = con.execute("select file_name from article_file order by 1").fetchall()
    assert names == [("a.txt",), ("copy-of-a.txt",)]
    run_batch(con, [article("third-name.txt", BODY_A, JULY)])
    assert con.execute("select count(*) from article_file").fetchone() == (3,)


def test_a_failure_mid_load_leaves_the_warehouse_as_it_was(con, monkeypatch) -> None:
    run_batch(con, [article("a.txt", BODY_A, JULY)])
    before = counts(con)
    original = load._insert

    def failing(c, table, rows):  # noqa: ANN001, ANN202
        if table == "event_evidence":
            raise RuntimeError("disk full")
        return original(c, table, rows)

    monkeypatch.setattr(load, "_insert", failing)
    with pytest.raises(RuntimeError, match="disk full"):
        run_batch(con, [article("b.txt", BODY_B, JULY)])
    monkeypatch.setattr(load, "_insert", original)
    after = counts(con)
    assert after == before
    run_batch(con, [article("b.txt", BODY_B, JULY)])  # the next run completes the rest
    assert counts(con)["article"] == 2


def test_changed_file_supersedes_the_old_version_without_duplicates(con) -> None:
    run_batch(con, [article("a.txt", BODY_A, JULY)])
    edited = BODY_A.replace("ihre Kollegen", "ihre neuen Kollegen")
    run_batch(con, [article("a.txt", edited, JULY)])
    rows = con.execute("select superseded_at is not null from article order by id").fetchall()
    assert rows == [(True,), (False,)]
    assert con.execute("select count(*) from event").fetchone() == (1,)
    assert con.execute("select count(*) from v_event_articles").fetchone() == (1,)
    assert con.execute("select count(*) from membership_evidence").fetchone() == (1,)


def test_knowledge_change_reextracts_and_replaces_facts(con) -> None:
    batch = [article("a.txt", BODY_A, JULY), article("b.txt", BODY_B, JULY)]
    run_batch(con, batch)
    before = counts(con)
    stats = run_batch(con, batch, version="a-new-knowledge-version")
    assert stats.articles_loaded == 2
    assert counts(con) == before
    assert con.execute("select distinct knowledge_version from article").fetchall() == [
        ("a-new-knowledge-version",)
    ]


def test_a_vague_report_reads_only_the_nearest_events_of_a_busy_key(con) -> None:
    """A person with more meetings around a report than `NEAREST_PER_KEY` does not make the
    loader read them all: only the closest in time are candidates, the same ones every run."""
    n = load.NEAREST_PER_KEY + 8
    first = date(2024, 3, 1)
    days = [date.fromordinal(first.toordinal() + 2 * i) for i in range(n)]
    run_batch(
        con,
        [
            article(f"m{i}.txt", f"{BODY_A} Meldung {i}.", FuzzyDate(day, "day"))
            for i, day in enumerate(days)
        ],
    )
    assert con.execute("select count(*) from event").fetchone() == (n,)
    published = days[-6]
    report = replace(meeting_report(BODY_B, None, dated=False).events[0], reported=published)
    group = load.EventGroup(report, [("sha", report)])
    candidates = load._existing_events(con, [group], load._dims(con))
    assert 0 < len(candidates) <= load.NEAREST_PER_KEY
    read = sorted(c.merged.start.value for c in candidates if c.merged.start)
    distance = max(abs((d - published).days) for d in read)
    left_out = [d for d in days if d not in read]
    assert left_out and all(abs((d - published).days) >= distance for d in left_out)
