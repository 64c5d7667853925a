"""Reading article files: header, title/lead, decoding and every kind of rejection."""

import hashlib
from datetime import date
from pathlib import Path

import pytest

from etl.articles import (
    MAX_BYTES,
    ParsedArticle,
    Rejection,
    parse_article,
    parse_header,
    read_article,
    split_title_lead,
)
from etl.facts import FuzzyDate

GERMAN = (
    "Die Außenminister der beiden Länder trafen sich am Montag in Wien. Sie sprachen über den "
    "Handel und die Sicherheit in der Region, die seit Jahren umstritten ist."
)


def parse(text: str | bytes, name: str = "a.txt") -> ParsedArticle | Rejection:
    return parse_article(name, text.encode("utf-8") if isinstance(text, str) else text)


def test_header_with_month_date() -> None:
    published, rest = parse_header(" date 2024-07 Gipfel in Wien: Die Minister reisen an")
    assert published == FuzzyDate(date(2024, 7, 1), "month")
    assert rest == "Gipfel in Wien: Die Minister reisen an"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (" date 2023 Rückblick", FuzzyDate(date(2023, 1, 1), "year")),
        (" date 2024-05-16 Besuch", FuzzyDate(date(2024, 5, 16), "day")),
        ("date 2024-5 Kurz", FuzzyDate(date(2024, 5, 1), "month")),
    ],
)
def test_header_precisions(line: str, expected: FuzzyDate) -> None:
    assert parse_header(line)[0] == expected


def test_no_header_means_null_date_not_a_guess() -> None:
    published, rest = parse_header("Kanzler reist 2024-07 nach Paris")
    assert published is None
    assert rest == "Kanzler reist 2024-07 nach Paris"


def test_title_and_lead_from_the_header_line() -> None:
    title, lead = split_title_lead("Treffen in Rom. Die Regierungschefs beraten über Migration.")
    assert title == "Treffen in Rom."
    assert lead == "Die Regierungschefs beraten über Migration."
    assert split_title_lead("Nur ein Titel ohne Punkt") == ("Nur ein Titel ohne Punkt", None)


def test_header_line_is_title_and_lead_with_glued_words_untouched() -> None:
    text = f" date 2024-03 Treffen in Wien. MinisterinFrankreichs reist an.\n\n{GERMAN}\n"
    article = parse(text)
    assert isinstance(article, ParsedArticle)
    assert article.published == FuzzyDate(date(2024, 3, 1), "month")
    assert article.title == "Treffen in Wien."
    assert article.lead == "MinisterinFrankreichs reist an."
    # the body opens with the header line (without its date), so that a headline's facts keep
    # offsets into the one stored text
    assert article.body == f"Treffen in Wien. MinisterinFrankreichs reist an.\n\n{GERMAN}\n"
    assert article.headline_end == len("Treffen in Wien. MinisterinFrankreichs reist an.")
    assert "date 2024" not in article.body


def test_article_without_header_has_null_date_and_first_line_as_title() -> None:
    article = parse(f"Wien empfängt die Minister\n\n{GERMAN}")
    assert isinstance(article, ParsedArticle)
    assert article.published is None
    assert article.title == "Wien empfängt die Minister"
    assert article.body.startswith("Wien empfängt die Minister\n")
    assert article.headline_end == len("Wien empfängt die Minister")


def test_one_line_file_is_all_body() -> None:
    article = parse(f" date 2024-03 {GERMAN}")
    assert isinstance(article, ParsedArticle)
    assert article.body == GERMAN and article.headline_end == 0


def test_utf8_bom_crlf_and_cr_are_normalized() -> None:
    raw = "\ufeff date 2024-01 Titel der Meldung\r\n" + GERMAN + "\rEnde der Meldung ist hier."
    article = parse(raw.encode("utf-8"))
    assert isinstance(article, ParsedArticle)
    assert article.encoding == "utf-8-sig"
    assert "\r" not in article.body
    assert article.published == FuzzyDate(date(2024, 1, 1), "month")


def test_cp1252_falls_back_with_a_warning() -> None:
    article = parse((" date 2024-02 Größere Gespräche\n" + GERMAN).encode("cp1252"))
    assert isinstance(article, ParsedArticle)
    assert article.encoding == "cp1252"
    assert article.title == "Größere Gespräche"
    assert article.warnings


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"  \n\t \r\n ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (b"Text mit \x00 NUL-Bytes " * 10, "binary"),
        (b"<!DOCTYPE html><html><body><p>Hallo</p></body></html>", "html"),
        (b" date 2024-13 Unm\xc3\xb6glich\n" + GERMAN.encode(), "bad_header"),
        (
            b"The foreign ministers of the two countries met on Monday in Vienna and they"
            b" talked about the trade that has been disputed for years.",
            "not_german",
        ),
        (b"\x81\x8d\x8f\x90\x9d" * 20, "undecodable"),
    ],
)
def test_bad_input_is_rejected_with_a_reason(data: bytes, reason: str) -> None:
    result = parse(data, "bad.txt")
    assert isinstance(result, Rejection)
    assert result.reason == reason
    assert result.file_name == "bad.txt"
    assert result.detail


def test_oversized_file_is_rejected_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * (MAX_BYTES + 1))
    result = read_article(big)
    assert isinstance(result, Rejection)
    assert result.reason == "too_large"
    assert "limit" in result.detail


def test_sql_looking_names_are_plain_text() -> None:
    text = f"Robert'); DROP TABLE article;-- trifft den Minister\n{GERMAN}"
    article = parse(text)
    assert isinstance(article, ParsedArticle)
    assert article.title == "Robert'); DROP TABLE article;-- trifft den Minister"


# --- mixed and Unicode encodings, hashes of oversized files ------------------------------------


@pytest.mark.parametrize("stray", [b"\x96", b"\xe4"])
def test_one_cp1252_byte_in_utf8_text_garbles_nothing_else(stray: bytes) -> None:
    """A dash (0x96) or an 'ä' (0xE4) in cp1252 inside a UTF-8 file is read as cp1252 alone;
    the UTF-8 umlauts of the same line and of every other line stay what they are."""
    data = (
        " date 2024-02 Größere Gespräche in Wien\n".encode()
        + "Die Außenminister trafen sich ".encode()
        + stray
        + " für Gespräche über die Lage.\n".encode()
        + GERMAN.encode()
    )
    article = parse(data)
    assert isinstance(article, ParsedArticle)
    assert article.encoding == "utf-8+cp1252"
    assert article.title == "Größere Gespräche in Wien"
    expected = {b"\x96": "–", b"\xe4": "ä"}[stray]
    first = article.body.splitlines()[1]  # after the title line
    assert first == f"Die Außenminister trafen sich {expected} für Gespräche über die Lage."
    assert "Ã" not in article.body and "Ã" not in article.title
    assert article.warnings and "line(s) 2" in article.warnings[0]


def test_a_cp1252_line_in_a_utf8_file_is_read_as_cp1252_whole() -> None:
    # "ß“" in cp1252 is DF 93, which is also valid UTF-8 (U+07D3): the line has no plausible
    # UTF-8, so all of it is read as cp1252.
    data = (
        "Die Außenminister reisen an.\n".encode()
        + "Er sagte: „Wir gehen zu Fuß“, und ging.\n".encode("cp1252")
        + GERMAN.encode()
    )
    article = parse(data)
    assert isinstance(article, ParsedArticle)
    assert article.encoding == "utf-8+cp1252"
    assert article.body.splitlines()[1] == "Er sagte: „Wir gehen zu Fuß“, und ging."
    assert "Außenminister" in article.body


def test_pure_cp1252_with_a_byte_pair_that_is_valid_utf8_stays_cp1252() -> None:
    text = " date 2024-02 Größere Gespräche\n„Ein großer Gruß“ an alle.\n" + GERMAN
    article = parse(text.encode("cp1252"))
    assert isinstance(article, ParsedArticle)
    assert article.encoding == "cp1252"
    assert article.warnings == ("not valid UTF-8; decoded as cp1252",)
    assert "„Ein großer Gruß“ an alle." in article.body


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_with_a_bom_are_decoded(codec: str) -> None:
    """Windows editors save "Unicode" text as UTF-16 with a BOM: text, not binary."""
    text = "\ufeff date 2024-02 Größere Gespräche\r\n" + GERMAN + "\r\n"
    article = parse(text.encode(codec))
    assert isinstance(article, ParsedArticle), article
    assert article.encoding == codec
    assert article.title == "Größere Gespräche"
    assert article.body == "Größere Gespräche\n" + GERMAN + "\n"
    assert "\ufeff" not in article.body and "\r" not in article.body


def test_utf16_without_bom_is_rejected_with_a_clear_reason() -> None:
    result = parse((" date 2024-02 Gespräche\n" + GERMAN).encode("utf-16-le"))
    assert isinstance(result, Rejection)
    assert result.reason == "undecodable"
    assert "UTF-16" in result.detail and "byte-order mark" in result.detail


def test_utf16_with_bom_but_binary_content_is_still_binary() -> None:
    result = parse("\ufeff".encode("utf-16-le") + ("\x01\x02\x03 " * 50).encode("utf-16-le"))
    assert isinstance(result, Rejection)
    assert result.reason == "binary"


def test_oversized_file_is_identified_by_its_hash(tmp_path: Path) -> None:
    data = b"a" * (MAX_BYTES + 1)
    big = tmp_path / "big.txt"
    big.write_bytes(data)
    result = read_article(big)
    assert isinstance(result, Rejection)
    assert result.reason == "too_large"
    assert result.sha256 == hashlib.sha256(data).hexdigest()
