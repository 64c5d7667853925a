"""German date expressions: finding them and resolving them against the publication date."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from etl.dates import DateExpr, find_dates, resolve, resolve_after, resolve_span
from etl.facts import FuzzyDate

MONTH_PUB = FuzzyDate(date(2023, 9, 1), "month")
DAY_PUB = FuzzyDate(date(2023, 9, 14), "day")  # a Thursday


def one(text: str) -> DateExpr:
    found = find_dates(text)
    assert len(found) == 1, found
    return found[0]


def iso(text: str, published: FuzzyDate | None, tense: str | None = None) -> str | None:
    got = resolve(one(text), published, tense)  # type: ignore[arg-type]
    return got.iso() if got else None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Die Minister trafen sich am 3. Oktober 2021 in Rom.", "2021-10-03"),
        ("Das Abkommen vom 12.02.2022 gilt weiter.", "2022-02-12"),
        ("Der Vertrag wurde 2019-11-05 unterzeichnet.", "2019-11-05"),
        ("Die Wahl findet im März 2025 statt.", "2025-03"),
        ("Das Bündnis wurde 1949 gegründet.", "1949"),
    ],
)
def test_absolute_dates_need_no_publication_date(text: str, expected: str) -> None:
    assert iso(text, None) == expected


def test_day_and_month_take_the_year_of_the_article() -> None:
    assert iso("Am 2. September landete die Delegation.", MONTH_PUB) == "2023-09-02"


def test_weekday_with_explicit_date_is_one_expression() -> None:
    expr = one("Die Kanzlerin sprach am Dienstag (12. September) vor dem Parlament.")
    assert expr.kind == "date"
    assert "Dienstag" in expr.surface and "12. September" in expr.surface
    assert resolve(expr, MONTH_PUB) == FuzzyDate(date(2023, 9, 12), "day")


def test_evening_weekday_with_date() -> None:
    assert iso("Am Montagabend (11. September) reiste er ab.", MONTH_PUB) == "2023-09-11"


def test_day_range() -> None:
    span = resolve_span(one("Der Gipfel tagte am 7. und 8. Juli in Vilnius."), MONTH_PUB)
    assert span is not None
    assert span[0].iso() == "2023-07-07" and span[1] is not None and span[1].iso() == "2023-07-08"


@pytest.mark.parametrize(
    ("text", "tense", "expected"),
    [
        ("Die Regierung kündigte im Juli Reformen an.", "past", "2023-07"),
        ("Mitte August kam es zu Protesten.", "past", "2023-08"),
        ("Ende November wird der Rat erneut tagen.", "future", "2023-11"),
        ("Im November fiel die Entscheidung.", "past", "2022-11"),  # past: the last November
        ("Im Februar soll der Bericht vorliegen.", "future", "2024-02"),  # future: the next one
        ("Seit Mai verhandeln beide Seiten.", None, "2023-05"),
        ("Seit letztem Oktober gilt die Regel.", None, "2022-10"),
        ("Im kommenden März beginnt die Amtszeit.", None, "2024-03"),
    ],
)
def test_months_pick_the_year_by_tense(text: str, tense: str | None, expected: str) -> None:
    assert iso(text, MONTH_PUB, tense) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Im vergangenen Jahr wuchs die Wirtschaft.", "2022"),
        ("Letztes Jahr gab es keine Einigung.", "2022"),
        ("In diesem Jahr übernimmt Indien den Vorsitz.", "2023"),
        ("Im nächsten Jahr wird gewählt.", "2024"),
        ("Vor fünf Jahren war die Lage anders.", "2018"),
        ("Das geschah vor gut drei Jahren.", "2020"),
        ("Seit mehr als zwei Jahren dauert der Konflikt.", "2021"),
        ("Vergangenen Monat traf sich der Ausschuss.", "2023-08"),
        ("Diesen Monat beginnt die Präsidentschaft.", "2023-09"),
        ("Letzte Woche sprach der Minister.", "2023-09"),
        ("Diese Woche reist sie nach Kairo.", "2023-09"),
    ],
)
def test_relative_expressions(text: str, expected: str) -> None:
    assert iso(text, MONTH_PUB) == expected


def test_weekday_is_a_day_only_with_a_day_precise_article() -> None:
    assert iso("Am Mittwoch telefonierten die beiden.", DAY_PUB, "past") == "2023-09-13"
    assert iso("Am Mittwoch telefonierten die beiden.", MONTH_PUB, "past") == "2023-09"
    assert iso("Am Donnerstagabend landete er.", DAY_PUB, "past") == "2023-09-14"
    assert iso("Am Freitag will er abreisen.", DAY_PUB, "future") == "2023-09-15"
    assert iso("Am Freitag reiste er ab.", DAY_PUB, "past") == "2023-09-08"


def test_relative_days() -> None:
    assert iso("Gestern wurde der Vertrag ratifiziert.", DAY_PUB) == "2023-09-13"
    assert iso("Gestern wurde der Vertrag ratifiziert.", MONTH_PUB) == "2023-09"


def test_relative_expressions_need_a_publication_date() -> None:
    for text in (
        "letzte Woche",
        "im vergangenen Jahr",
        "vor zwei Jahren",
        "am Mittwoch",
        "im Juni",
    ):
        assert resolve(one(text), None) is None, text


def test_relative_dates_are_never_more_precise_than_the_article() -> None:
    year_pub = FuzzyDate(date(2023, 1, 1), "year")
    assert iso("Vergangenen Monat endete die Frist.", year_pub) == "2023"
    assert iso("am Mittwoch", year_pub) == "2023"


@pytest.mark.parametrize(
    "text",
    [
        "Mehr als 2000 Menschen demonstrierten.",
        "Rund 1500 Soldaten wurden verlegt.",
        "Am Morgen begann die Sitzung.",
        "August Müller kam zu spät.",
        "Er sprach von 2.000 Teilnehmern.",
    ],
)
def test_numbers_and_names_are_not_dates(text: str) -> None:
    assert find_dates(text) == []


def test_offsets_point_into_the_text() -> None:
    text = "Nach Angaben vom 4. Mai 2022 und seit Juni 2023 gilt das Embargo."
    for e in find_dates(text):
        assert text[e.start : e.end] == e.surface


def test_seit_marks_the_start_of_something_ongoing() -> None:
    assert one("seit Mai").since
    assert one("seit mehr als zwei Jahren").since
    assert not one("im Mai").since


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_no_text_crashes_the_finder_or_the_resolver(text: str) -> None:
    for e in find_dates(text):
        for pub in (None, MONTH_PUB, DAY_PUB, FuzzyDate(date(1, 1, 1), "day")):
            resolve(e, pub)
            resolve_span(e, pub, "past")


WORDS = [
    "am", "im", "seit", "vor", "letzte", "vergangenen", "diesen", "Woche", "Monat", "Jahr",
    "Jahren", "Mai", "Juni", "Oktober", "Mittwoch", "Donnerstagabend", "(", ")", "16.", "3.",
    "2024", "1999", "gut", "zwei", "fünf", "mehr", "als", "Mitte", "Ende", "gestern", ",", "und",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(WORDS), max_size=12),
    st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)),
    st.sampled_from(["year", "month", "day"]),
    st.sampled_from([None, "past", "present", "future"]),
)
def test_date_like_word_salad_resolves_or_returns_none(
    words: list[str], day: date, precision: str, tense: str | None
) -> None:
    pub = FuzzyDate(day, precision)  # type: ignore[arg-type]
    for e in find_dates(" ".join(words)):
        got = resolve(e, pub, tense)  # type: ignore[arg-type]
        assert got is None or got.precision in ("year", "month", "day")


def test_weekday_with_appositive_dem_date_is_one_explicit_date() -> None:
    from etl.dates import find_dates

    found = find_dates("Er empfing die Gäste am Dienstag, dem 11. Juli, in Vilnius.")
    assert [(e.kind, e.month, e.day) for e in found] == [("date", 7, 11)]


def test_this_week_across_a_month_boundary_names_no_month() -> None:
    saturday = FuzzyDate(date(2025, 3, 1), "day")  # the week began on Monday 24 February
    (expr,) = find_dates("Er war in dieser Woche in Berlin.", 0)
    got = resolve(expr, saturday, "past")
    assert got is None or got.precision == "year"
    midweek = FuzzyDate(date(2025, 3, 13), "day")
    got = resolve(expr, midweek, "past")
    assert got is not None and got.precision == "month" and got.value.month == 3


def test_text_anchor_is_the_first_explicit_day_of_the_header_month() -> None:
    from etl.dates import text_anchor

    month = FuzzyDate(date(2023, 10, 1), "month")
    text = "Am 7. September begann es. Scholz kam am Dienstag, dem 17. Oktober, an."
    assert text_anchor(text, month) == FuzzyDate(date(2023, 10, 17), "day")
    assert text_anchor(text, FuzzyDate(date(2023, 10, 18), "day")) is None  # a real day wins
    assert text_anchor("Am Montag kam er.", month) is None


@pytest.mark.parametrize(
    ("text", "tense", "expected"),
    [
        ("am Mittwoch", "future", "2023-10-18"),  # the plan after the anchor
        ("am vergangenen Freitag", "past", "2023-10-13"),  # explicitly before it
        ("am Montag", "past", "2023-10-16"),  # the nearest: the day before
        ("am Donnerstag", "past", "2023-10-19"),  # two days after is nearer than five before
        ("am nächsten Dienstag", None, "2023-10-24"),
        ("am Donnerstag vergangener Woche", "past", "2023-10-12"),
        ("Freitag nächster Woche", None, "2023-10-27"),
    ],
)
def test_weekdays_resolve_near_an_explicit_day_of_the_text(
    text: str, tense: str | None, expected: str
) -> None:
    from etl.dates import resolve_near

    got = resolve_near(one(text), date(2023, 10, 17), tense)  # type: ignore[arg-type]
    assert got is not None and got.value.isoformat() == expected


def test_a_weekday_of_the_named_week_resolves_from_a_publication_day() -> None:
    tuesday = FuzzyDate(date(2023, 10, 17), "day")
    assert iso("am Donnerstag vergangener Woche", tuesday, "past") == "2023-10-12"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Die Allianz tagte im März vergangenen Jahres in Oslo.", "2022-03"),
        ("Sie war im Oktober des vergangenen Jahres gegründet worden.", "2022-10"),
        ("Der Pakt wurde im Juni des Vorjahres geschlossen.", "2022-06"),
        ("Die Gespräche sollen im Februar kommenden Jahres beginnen.", "2024-02"),
        ("Das Treffen fand im November dieses Jahres statt.", "2023-11"),
    ],
)
def test_a_month_of_a_relative_year_takes_that_year(text: str, expected: str) -> None:
    # the year offset decides, not the tense: a past September of last year from September
    assert iso(text, DAY_PUB, "past") == expected


def test_a_bare_vorjahr_is_no_date() -> None:
    # "anders als im Vorjahr" compares; only the genitive after a month is a date
    assert find_dates("Anders als im Vorjahr fehlte die Kritik an Moskau.") == []


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("Am Folgetag reiste die Delegation ab.", 1),
        ("Tags darauf sprach der Premier.", 1),
        ("Am nächsten Tag folgte die Abstimmung.", 1),
        ("Drei Tage später unterschrieb sie.", 3),
        ("Wenige Stunden später unterschrieb er in Paris.", 0),
        ("Noch am selben Abend reiste sie weiter.", 0),
    ],
)
def test_days_after_a_day_told_before(text: str, days: int) -> None:
    e = one(text)
    assert e.kind == "after"
    assert resolve(e, DAY_PUB) is None  # counted from the text's day, not the article's
    told = FuzzyDate(date(2023, 3, 30), "day")
    got = resolve_after(e, told)
    assert got == FuzzyDate(date(2023, 3, 30) + timedelta(days=days), "day")
    assert resolve_after(e, FuzzyDate(date(2023, 3, 1), "month")) is None


def test_am_vortag_counts_one_day_back_from_a_day_told() -> None:
    (e,) = find_dates("Bei den Gesprächen am Vortag ging es um Gas.")
    assert (e.kind, e.offset, e.surface) == ("after", -1, "am Vortag")
    told = FuzzyDate(date(2024, 5, 16), "day")
    assert resolve_after(e, told) == FuzzyDate(date(2024, 5, 15), "day")
    assert resolve_after(e, FuzzyDate(date(2024, 5, 1), "month")) is None


@pytest.mark.parametrize(
    ("text", "tense", "expected"),
    [
        ("am Ostersonntag", "past", date(2025, 4, 20)),
        ("am Ostersonntag", "future", date(2026, 4, 5)),
        ("am Karfreitag", "past", date(2025, 4, 18)),
        ("an Pfingsten", "future", date(2025, 6, 8)),
        ("an Heiligabend", "past", date(2024, 12, 24)),
    ],
)
def test_feast_days_resolve_to_the_day_the_tense_points_to(text, tense, expected) -> None:
    (e,) = find_dates(f"Er kam {text} an.")
    assert resolve(e, FuzzyDate(date(2025, 5, 1), "month"), tense) == FuzzyDate(expected, "day")


def test_a_feast_after_nach_or_vor_is_no_day() -> None:
    assert find_dates("Er will nach Weihnachten entscheiden und vor Ostern reisen.") == []
