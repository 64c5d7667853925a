"""Property-based attacks on the pure text functions: no input crashes them, and what they
return stays consistent with their input (offsets inside the text, dates only when real).

These run on every article an analyst drops in, so an exception here would cost the whole
batch; hypothesis searches for the input that does it.
"""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from etl.articles import (
    MAX_BYTES,
    HeaderError,
    ParsedArticle,
    Rejection,
    parse_article,
    parse_header,
    sha256_of,
)
from etl.dates import Tense, find_dates, resolve, resolve_span
from etl.facts import FuzzyDate
from etl.sentences import split_sentences, tokenize
from models.articles import REJECTION_REASONS

FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Text that looks like what arrives: German words, digits, punctuation, dates, odd white space.
WORDS = st.sampled_from(
    [
        "date", " date ", "2024", "-", "13", "00", "05", "16.", "Mai", "im", "Juni", "am",
        "Montag", "vor", "zwei", "Jahren", "letzten", "Woche", "z. B.", "Dr.", "„Zitat“",
        "Putin", "traf", "Xi", ".", "!", "?", "…", " ", "\n", "\r\n", "\t", "\ufeff", "•",
        "Die", "der", "Ministerin", "Nato-Gipfel", "2023-02-30", "31.12.", "ß", "ä", "١٢",
    ]
)
TEXTLIKE = st.one_of(st.text(), st.lists(WORDS, max_size=40).map("".join))
PUBLISHED = st.one_of(
    st.none(),
    st.builds(
        FuzzyDate,
        st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)),
        st.sampled_from(["year", "month", "day"]),
    ),
)


@FAST
@given(TEXTLIKE)
def test_parse_header_never_crashes_and_never_invents_a_date(line: str) -> None:
    try:
        published, rest = parse_header(line)
    except HeaderError as exc:
        assert str(exc)
        return
    if published is None:
        assert rest == line.lstrip("\ufeff")
    else:
        assert published.precision in ("year", "month", "day")
        assert "date" in line


@FAST
@given(
    st.integers(1, 9999), st.one_of(st.none(), st.integers(0, 99)),
    st.one_of(st.none(), st.integers(0, 99)),
)
def test_a_header_date_is_read_exactly_or_rejected(
    year: int, month: int | None, day: int | None
) -> None:
    """``date 2024-00`` or ``2024-02-30`` is an error, never quietly another date."""
    text = f"{year:04d}" + (f"-{month:02d}" if month is not None else "")
    text += f"-{day:02d}" if month is not None and day is not None else ""
    day = day if month is not None else None
    try:
        expected = date(year, month if month is not None else 1, day if day is not None else 1)
    except ValueError:
        expected = None
    try:
        published, rest = parse_header(f" date {text} Titel")
    except HeaderError:
        assert expected is None
        return
    assert published is not None and published.value == expected
    assert published.precision == ("day" if day is not None else "month" if month else "year")
    assert rest == "Titel"


@FAST
@given(st.one_of(st.binary(max_size=3000), TEXTLIKE.map(lambda t: t.encode("utf-8"))))
def test_parse_article_never_crashes(data: bytes) -> None:
    result = parse_article("x.txt", data)
    assert result.sha256 == sha256_of(data)
    if isinstance(result, Rejection):
        assert result.reason in REJECTION_REASONS and result.detail
        return
    assert isinstance(result, ParsedArticle)
    assert result.body.strip() and "\r" not in result.body
    assert result.title
    assert len(data) <= MAX_BYTES


@FAST
@given(TEXTLIKE)
def test_sentences_and_tokens_stay_inside_the_text(body: str) -> None:
    sentences = split_sentences(body)
    last_end = 0
    for i, s in enumerate(sentences):
        assert s.index == i
        assert last_end <= s.start < s.end <= len(body)
        assert s.text == body[s.start : s.end] and s.text.strip() == s.text
        last_end = s.end
        for t in tokenize(body, s.start, s.end):
            assert s.start <= t.start < t.end <= s.end
            assert t.text == body[t.start : t.end]


@FAST
@given(TEXTLIKE, PUBLISHED, st.sampled_from([None, "past", "present", "future"]))
def test_date_finder_and_resolver_never_crash(
    text: str, published: FuzzyDate | None, tense: Tense | None
) -> None:
    for expr in find_dates(text):
        assert 0 <= expr.start < expr.end <= len(text)
        assert expr.surface.strip() and expr.surface.strip() in text[expr.start : expr.end]
        value = resolve(expr, published, tense)
        if value is not None:
            assert value.precision in ("year", "month", "day")
        span = resolve_span(expr, published, tense)
        if span is not None and span[1] is not None:
            assert span[1].value >= span[0].value


def test_a_date_span_is_exactly_its_surface() -> None:
    text = "Am 1.1. trafen sie sich."
    [expr] = find_dates(text)
    assert text[expr.start : expr.end] == expr.surface
