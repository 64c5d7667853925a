"""Deduplication: reports of one happening merge, distinct happenings stay apart."""

from __future__ import annotations

from datetime import date

from etl.dedup import (
    EventIndex,
    cluster,
    cluster_indices,
    index_keys,
    merge,
    probe_keys,
    same_event,
)
from etl.facts import EventFact, Evidence, FuzzyDate, Participant


def d(iso: str) -> FuzzyDate:
    parts = [int(p) for p in iso.split("-")]
    precision = {1: "year", 2: "month", 3: "day"}[len(parts)]
    return FuzzyDate(
        date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1),
        precision,
    )  # type: ignore[arg-type]


def ev(
    typ: str,
    *parts: tuple[str, str, str],
    start: str | None = None,
    end: str | None = None,
    state: str | None = None,
    place: str | None = None,
    org: str | None = None,
    status: str = "occurred",
    sentence: int = 0,
) -> EventFact:
    return EventFact(
        type=typ,  # type: ignore[arg-type]
        status=status,  # type: ignore[arg-type]
        start=d(start) if start else None,
        end=d(end) if end else None,
        place=place,
        state=state,
        organization=org,
        title=typ,
        participants=[Participant(k, key, r) for k, key, r in parts],  # type: ignore[arg-type]
        evidence=[Evidence(sentence, 0, 5, typ)],
    )


P = "person"
S = "state"
ORG = "organization"


def test_same_talks_in_two_reports_merge() -> None:
    a = ev(
        "meeting",
        (P, "scholz", "participant"),
        (P, "macron", "participant"),
        start="2023-06",
        state="BE",
    )
    b = ev("meeting", (P, "macron", "participant"), (P, "scholz", "participant"), state="BE")
    assert same_event(a, b)


def test_same_people_at_two_places_are_two_meetings() -> None:
    may = ev(
        "meeting",
        (P, "scholz", "participant"),
        (P, "macron", "participant"),
        start="2023-05",
        state="FR",
    )
    july = ev(
        "meeting",
        (P, "scholz", "participant"),
        (P, "macron", "participant"),
        start="2023-07",
        state="LT",
    )
    assert not same_event(may, july)
    undated_elsewhere = ev(
        "meeting", (P, "scholz", "participant"), (P, "macron", "participant"), state="DE"
    )
    assert not same_event(may, undated_elsewhere)


def test_two_bilateral_meetings_at_one_summit_stay_apart() -> None:
    a = ev(
        "meeting",
        (P, "biden", "participant"),
        (P, "scholz", "participant"),
        start="2023-07",
        state="LT",
    )
    b = ev(
        "meeting",
        (P, "biden", "participant"),
        (P, "meloni", "participant"),
        start="2023-07",
        state="LT",
    )
    assert not same_event(a, b)


def test_visit_and_talks_during_it_are_one_happening() -> None:
    visit = ev(
        "visit", (P, "meloni", "participant"), (S, "EG", "host"), start="2023-06-11", state="EG"
    )
    talks = ev(
        "meeting", (P, "meloni", "participant"), (P, "sisi", "host"), state="EG", place="kairo"
    )
    assert same_event(visit, talks)
    merged = merge(visit, talks)
    assert merged.type == "visit"
    assert merged.place == "kairo" and merged.start == d("2023-06-11")
    assert {(p.key, p.role) for p in merged.participants} == {
        ("meloni", "participant"),
        ("EG", "host"),
        ("sisi", "host"),
    }


def test_different_type_groups_never_merge() -> None:
    a = ev("summit", (S, "LT", "host"), org="nato", start="2023-07")
    b = ev("agreement", (S, "LT", "participant"), org="nato", start="2023-07")
    assert not same_event(a, b)


def test_summits_of_one_organization_merge_unless_dates_or_venues_differ() -> None:
    a = ev("summit", (P, "biden", "participant"), org="nato", state="LT", start="2023-07-11")
    b = ev("summit", (P, "scholz", "participant"), org="nato")
    c = ev("summit", (P, "biden", "participant"), org="nato", state="ES", start="2022-06")
    assert same_event(a, b)
    assert not same_event(a, c)


def test_two_gatherings_in_one_state_that_share_only_the_venue_state_stay_apart() -> None:
    quad = ev("summit", (P, "biden", "host"), (S, "US", "host"), (S, "JP", "participant"),
              org="quad", state="US", start="2024-09-21")  # fmt: skip
    un = ev("summit", (P, "selenskyj", "participant"), (S, "US", "host"), state="US",
            start="2024-09-23")  # fmt: skip
    assert not same_event(quad, un)
    with_guest = ev("summit", (S, "JP", "participant"), state="US", start="2024-09-22")
    assert same_event(quad, with_guest)


def test_multi_day_visit_spans_its_reported_days() -> None:
    a = ev("visit", (P, "macron", "participant"), state="CN", start="2023-04-06")
    b = ev("visit", (P, "macron", "participant"), state="CN", start="2023-04-07", place="kanton")
    assert same_event(a, b)
    m = merge(a, b)
    assert (m.start, m.end) == (d("2023-04-06"), d("2023-04-07"))


def test_more_precise_date_wins() -> None:
    a = ev("agreement", (S, "FR", "participant"), (S, "DE", "participant"), start="2023-01")
    b = ev("agreement", (S, "FR", "participant"), (S, "DE", "participant"), start="2023-01-22")
    assert merge(a, b).start == d("2023-01-22")
    assert merge(b, a).start == d("2023-01-22")


def test_point_events_on_different_days_are_different() -> None:
    a = ev("agreement", (S, "FR", "participant"), (S, "DE", "participant"), start="2023-01-22")
    b = ev("agreement", (S, "FR", "participant"), (S, "DE", "participant"), start="2023-01-25")
    assert not same_event(a, b)


def test_attacks_need_a_shared_target() -> None:
    a = ev("attack", (S, "EG", "target"), start="2023-06", place="kairo", state="EG")
    b = ev("attack", (S, "EG", "target"), start="2023-03", state="EG")
    war = ev("attack", (S, "RU", "perpetrator"), (S, "UA", "target"))
    war2 = ev("attack", (S, "UA", "target"), start="2022")
    assert not same_event(a, b)
    assert not same_event(a, war)
    assert same_event(war, war2)


def test_accession_of_different_states_stays_apart() -> None:
    fi = ev(
        "accession", (S, "FI", "participant"), (ORG, "nato", "host"), org="nato", start="2023-04"
    )
    se = ev(
        "accession", (S, "SE", "participant"), (ORG, "nato", "host"), org="nato", start="2024-03"
    )
    se2 = ev("accession", (S, "SE", "participant"), (ORG, "nato", "host"), org="nato")
    assert not same_event(fi, se)
    assert same_event(se, se2)


def test_role_precedence_host_over_participant_and_absent_over_participant() -> None:
    a = ev("summit", (P, "lula", "participant"), (S, "ZA", "participant"), org="brics")
    b = ev("summit", (P, "lula", "absent"), (S, "ZA", "host"), org="brics")
    roles = {p.key: p.role for p in merge(a, b).participants}
    assert roles == {"lula": "absent", "ZA": "host"}


def test_occurred_beats_planned_and_evidence_is_kept() -> None:
    a = ev(
        "visit",
        (P, "scholz", "participant"),
        state="EG",
        status="planned",
        start="2023-10",
        sentence=1,
    )
    b = ev("visit", (P, "scholz", "participant"), state="EG", start="2023-10", sentence=4)
    m = merge(a, b)
    assert m.status == "occurred"
    assert [e.sentence_index for e in m.evidence] == [1, 4]


def test_match_keys_are_shared_by_reports_of_one_event_even_undated() -> None:
    dated = ev("visit", (P, "scholz", "participant"), state="EG", start="2023-10")
    undated = ev("meeting", (P, "scholz", "participant"), (P, "sisi", "participant"))
    other = ev("attack", (S, "EG", "target"), start="2023-10")
    assert same_event(dated, undated)
    assert probe_keys(undated) & index_keys(dated)
    assert probe_keys(dated) & index_keys(undated)
    assert not probe_keys(dated) & index_keys(other)


def test_talks_are_filed_under_pairs_so_other_talks_of_a_person_are_not_candidates() -> None:
    """Keys decide what a new report is compared with: Scholz-Macron talks must not have to
    look at every other talk the chancellor had."""
    scholz_macron = ev("meeting", (P, "scholz", "participant"), (P, "macron", "participant"))
    scholz_sunak = ev("meeting", (P, "scholz", "participant"), (P, "sunak", "participant"))
    assert not probe_keys(scholz_sunak) & index_keys(scholz_macron)
    # but a report naming only the chancellor can be either, and finds both
    scholz = ev("meeting", (P, "scholz", "participant"), state="FR")
    assert probe_keys(scholz) & index_keys(scholz_macron)
    assert probe_keys(scholz) & index_keys(scholz_sunak)


def test_every_matching_pair_shares_a_key() -> None:
    """Blocking may only skip pairs that `same_event` rejects: check it over many shapes."""
    import itertools

    people = [(P, "scholz"), (P, "macron"), (P, "xi")]
    states = [(S, "DE"), (S, "FR"), (S, "CN")]
    orgs = [(ORG, "nato")]
    shapes = []
    for typ in ("meeting", "visit", "summit", "agreement", "accession", "attack", "other"):
        roles = ["target", "perpetrator"] if typ == "attack" else ["participant", "host", "absent"]
        for n in (1, 2, 3):
            for ents in itertools.combinations(people + states + orgs, n):
                for role in roles:
                    parts = [(k, key, role if i else roles[0]) for i, (k, key) in enumerate(ents)]
                    for state in (None, "FR"):
                        shapes.append(ev(typ, *parts, state=state, org="nato" if n == 3 else None))
    checked = 0
    for a, b in itertools.product(shapes, repeat=2):
        if same_event(a, b):
            checked += 1
            assert probe_keys(b) & index_keys(a), (a, b)
    assert checked > 1000


def test_cluster_across_articles_keeps_every_article() -> None:
    reports = [
        ("a1", ev("summit", (P, "biden", "participant"), org="nato", state="LT", start="2023-07")),
        ("a2", ev("summit", (P, "scholz", "participant"), org="nato")),
        (
            "a3",
            ev("meeting", (P, "biden", "participant"), (P, "scholz", "participant"), state="LT"),
        ),
        (
            "a3",
            ev("meeting", (P, "biden", "participant"), (P, "meloni", "participant"), state="LT"),
        ),
        (
            "a2",
            ev(
                "meeting",
                (P, "scholz", "participant"),
                (P, "biden", "participant"),
                start="2023-07",
            ),
        ),
    ]
    out = cluster(reports)
    assert len(out) == 3
    by_type = sorted((e.type, sorted(ids)) for ids, e in out)
    assert ("summit", ["a1", "a2"]) in by_type
    assert ("meeting", ["a2", "a3"]) in by_type
    assert cluster_indices([e for _, e in reports]) == [[0, 1], [2, 4], [3]]


def test_vague_report_joins_the_best_fitting_event_not_the_first() -> None:
    may = ev("visit", (P, "macron", "participant"), (P, "xi", "host"), state="CN", start="2023-04")
    july = ev(
        "meeting",
        (P, "macron", "participant"),
        (P, "xi", "participant"),
        state="IN",
        start="2023-09",
    )
    vague = ev(
        "meeting",
        (P, "macron", "participant"),
        (P, "xi", "participant"),
        place="kanton",
        state="CN",
    )
    idx = EventIndex()
    idx.add(july)
    idx.add(may)
    assert idx.best(vague) == 1


def test_transitive_gluing_is_avoided() -> None:
    # an undated report compatible with two events joins one of them; it does not fuse them
    a = ev(
        "meeting",
        (P, "scholz", "participant"),
        (P, "macron", "participant"),
        start="2023-05",
        state="FR",
    )
    b = ev(
        "meeting",
        (P, "scholz", "participant"),
        (P, "macron", "participant"),
        start="2023-09",
        state="FR",
    )
    vague = ev("meeting", (P, "scholz", "participant"), (P, "macron", "participant"))
    out = cluster([("x", a), ("y", b), ("z", vague)])
    assert len(out) == 2


def test_a_phone_call_is_not_the_visit_in_a_place() -> None:
    import dataclasses

    visit = ev("visit", ("person", "a", "participant"), ("person", "b", "host"),
               ("state", "DE", "host"), start="2025-08", state="DE")  # fmt: skip
    call = ev("meeting", ("person", "a", "participant"), ("person", "b", "participant"),
              start="2025-08")  # fmt: skip
    call = dataclasses.replace(call, evidence=[Evidence(1, 0, 12, "telefonierte")])
    assert not same_event(visit, call)
    talks = dataclasses.replace(call, evidence=[Evidence(1, 0, 7, "Treffen")])
    assert same_event(visit, talks)
    # "telefonierte mit B und sprach über ...": the second verb is the same call
    spoke = dataclasses.replace(
        call, evidence=[Evidence(1, 0, 12, "telefonierte"), Evidence(1, 20, 26, "sprach")]
    )
    assert not same_event(visit, spoke)


def test_an_undated_report_matches_only_events_within_a_year_of_its_publication() -> None:
    """Two Putin-Xi meetings years apart must not be glued by one undated mention."""
    talks = ((P, "putin"), (P, "xi"))

    def meeting(start: str | None, reported: date | None) -> EventFact:
        e = ev("meeting", *((k, key, "participant") for k, key in talks), start=start)
        e.reported = reported
        return e

    undated = meeting(None, date(2024, 7, 10))
    assert same_event(meeting("2024-05-16", date(2024, 5, 17)), undated)
    assert not same_event(meeting("2019-06-05", date(2019, 6, 6)), undated)
    assert not same_event(meeting(None, date(2020, 1, 1)), undated)
    assert same_event(meeting(None, date(2024, 3, 1)), undated)
    # an undated report of an undated article still matches any date
    assert same_event(meeting("2019-06-05", None), meeting(None, None))
    assert merge(undated, meeting(None, date(2024, 3, 1))).reported == date(2024, 3, 1)


def test_an_undated_war_reference_still_meets_the_dated_invasion() -> None:
    """"Die Invasion" in 2025 copy is the one of February 2022: attacks keep no window."""
    invasion = ev("attack", (S, "RU", "perpetrator"), (S, "UA", "target"), start="2022-02-24")
    later = ev("attack", (S, "RU", "perpetrator"), (S, "UA", "target"))
    later.reported = date(2025, 3, 1)
    assert same_event(invasion, later)


def test_an_undated_summit_needs_two_shared_guests_to_join_a_dated_one() -> None:
    dated = ev(
        "summit",
        (P, "trump", "participant"),
        (P, "xi", "participant"),
        (S, "KR", "host"),
        start="2025-10",
        state="KR",
    )
    one_guest = ev("summit", (P, "trump", "participant"), (P, "lula", "participant"))
    assert not same_event(dated, one_guest)
    two_guests = ev("summit", (P, "trump", "participant"), (P, "xi", "participant"))
    assert same_event(dated, two_guests)


def test_agreements_of_different_parties_stay_apart_though_one_person_signs_both() -> None:
    truce = ev(
        "agreement",
        (P, "trump", "participant"),
        (S, "IN", "participant"),
        (S, "PK", "participant"),
        start="2025-05-10",
    )
    trade = ev(
        "agreement",
        (P, "trump", "participant"),
        (S, "MY", "participant"),
        (S, "KH", "participant"),
        (S, "US", "participant"),
    )
    assert not same_event(truce, trade)
    retold = ev("agreement", (P, "trump", "participant"), (S, "IN", "participant"))
    assert same_event(truce, retold)

