"""Reading article files: decoding, the optional date header, title/lead/body, rejections.

Articles arrive as scraped text files. The first line may start with a header
`` date YYYY-MM`` (or ``YYYY`` / ``YYYY-MM-DD``) followed by the title and lead; a file without
it has no known publication date, which stays null rather than being guessed. A file that
cannot be used becomes a `Rejection` with a reason code, so that nothing is dropped silently
and the rest of the batch goes on.

The stored ``body`` is the text after the header line (title and lead are stored apart); every
fact's offsets point into it. Headlines repeat what the body says, often in looser words
("Astana-Gipfel"), so facts are read from the body alone.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from etl.facts import FuzzyDate

MAX_BYTES = 2_000_000  # a news article is a few KB; 2 MB is a page dump, not an article

_HEADER = re.compile(r"^\ufeff?[ \t]*date[ \t]+(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?(?=\s|$)")
# A line that starts like a header ("date" and a digit) but does not parse as one: its date is
# unreadable, which is reported rather than silently becoming "no date" and part of the title.
_HEADER_LIKE = re.compile(r"^\ufeff?[ \t]*date[ \t]+\d")
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"“”»«']?\s+(?=[A-ZÄÖÜ„\"»])")
_HTML = re.compile(r"<\s*(?:!doctype\s+html|html|head|body|div|p|script)\b", re.IGNORECASE)
_GERMAN_WORDS = frozenset(
    "der die das und ist nicht mit sich des dem den ein eine einer auch auf für von zu im"
    " sie er es wurde hat haben nach bei seit über".split()
)
_ENGLISH_WORDS = frozenset(
    "the and of to in is that for with was on as by at from his her has have are were".split()
)


@dataclass(frozen=True)
class ParsedArticle:
    file_name: str
    sha256: str
    title: str
    lead: str | None
    body: str
    published: FuzzyDate | None
    encoding: str
    warnings: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class Rejection:
    file_name: str
    sha256: str
    reason: str  # a code from models.articles.REJECTION_REASONS
    detail: str


class HeaderError(ValueError):
    """A date header that names an impossible date (``date 2024-13``)."""


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def parse_header(first_line: str) -> tuple[FuzzyDate | None, str]:
    """Split the first line into (publication date, rest of the line).

    Without a header the date is None and the line is returned unchanged (minus a BOM).
    """
    line = first_line.lstrip("\ufeff")
    match = _HEADER.match(line)
    if not match:
        if _HEADER_LIKE.match(line):
            raise HeaderError(
                f"unreadable date header {line.strip()[:40]!r}: expected YYYY, YYYY-MM or "
                "YYYY-MM-DD"
            )
        return None, line
    year, month, day = (int(g) if g else None for g in match.groups())
    try:
        # Month or day 0 is as impossible as 13: never default it to 1 (``date 2024-00``).
        value = date(
            year,  # type: ignore[arg-type]
            month if month is not None else 1,
            day if day is not None else 1,
        )
    except ValueError as exc:
        raise HeaderError(f"impossible date in header {match.group(0).strip()!r}: {exc}") from exc
    precision = "day" if day is not None else "month" if month is not None else "year"
    return FuzzyDate(value, precision), line[match.end() :].lstrip(" \t")


def split_title_lead(header_text: str) -> tuple[str, str | None]:
    """The header line holds a title and often a lead: the title is its first sentence."""
    text = header_text.strip()
    parts = _SENTENCE_END.split(text, maxsplit=1)
    title = parts[0].strip()
    lead = parts[1].strip() if len(parts) > 1 and parts[1].strip() else None
    return title, lead


def decode(data: bytes) -> tuple[str, str, list[str]]:
    """Decode UTF-8 (with or without BOM), falling back to cp1252 with a warning.

    Raises UnicodeDecodeError when neither fits.
    """
    warnings: list[str] = []
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8"), "utf-8-sig", warnings
    try:
        return data.decode("utf-8"), "utf-8", warnings
    except UnicodeDecodeError:
        text = data.decode("cp1252")
        warnings.append("not valid UTF-8; decoded as cp1252")
        return text, "cp1252", warnings


def normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _looks_binary(data: bytes) -> str | None:
    if data.startswith(b"\x89PNG") or data.startswith(b"%PDF") or data.startswith(b"PK\x03\x04"):
        return "file starts with a binary signature (image/PDF/archive)"
    if b"\x00" in data[:65536]:
        return "file contains NUL bytes"
    sample = data[:65536]
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 13, 12))
    if sample and controls / len(sample) > 0.05:
        return f"{controls} control bytes in the first {len(sample)} bytes"
    return None


def language_of(text: str) -> str:
    """'de', 'en' or 'unknown' from function-word counts: enough to keep English out."""
    words = re.findall(r"[a-zäöüß]+", text[:20000].lower())
    german = sum(1 for w in words if w in _GERMAN_WORDS)
    english = sum(1 for w in words if w in _ENGLISH_WORDS)
    if german == 0 and english == 0:
        return "unknown"
    return "de" if german >= english else "en"


def parse_article(file_name: str, data: bytes) -> ParsedArticle | Rejection:
    """Turn one file's bytes into an article, or a rejection saying why not."""
    digest = sha256_of(data)

    def reject(reason: str, detail: str) -> Rejection:
        return Rejection(file_name, digest, reason, detail)

    if len(data) > MAX_BYTES:
        return reject(
            "too_large", f"{len(data):,} bytes is over the {MAX_BYTES:,}-byte limit for an article"
        )
    if not data.strip():
        return reject("empty", "file is empty or holds only white space")
    why = _looks_binary(data)
    if why:
        return reject("binary", why)
    try:
        text, encoding, warnings = decode(data)
    except UnicodeDecodeError as exc:
        return reject("undecodable", f"neither UTF-8 nor cp1252: {exc}")
    text = normalize_newlines(text)
    if not text.strip():
        return reject("empty", "file holds only white space")
    if _HTML.search(text[:4096]):
        return reject("html", "file is an HTML page, not article text")
    first, _, rest = text.partition("\n")
    try:
        published, header_text = parse_header(first)
    except HeaderError as exc:
        return reject("bad_header", str(exc))
    # The header line is title + lead; the body is what follows it (a one-line file keeps its
    # line as body too, so that nothing is lost).
    body = rest if rest.strip() else header_text
    if not body.strip():
        return reject("empty", "file holds only a date header, no text")
    if language_of(body) == "en":
        return reject("not_german", "text reads as English (function-word count), not German")
    title, lead = split_title_lead(header_text)
    if not title:
        title = next((line.strip() for line in rest.splitlines() if line.strip()), file_name)
    return ParsedArticle(file_name, digest, title, lead, body, published, encoding, tuple(warnings))


def storable_name(path: Path) -> str:
    """The file name as valid Unicode text.

    A name that is not valid UTF-8 (a cp1252 name unpacked from a Windows zip) reaches Python
    with surrogate escapes, which DuckDB rejects with a fatal error that fails the whole batch;
    its undecodable bytes are kept visible as ``\\xNN`` instead."""
    return os.fsencode(path.name).decode("utf-8", "backslashreplace")


def read_article(path: Path) -> ParsedArticle | Rejection:
    """Read and parse one file; an unreadable file is a rejection, not an exception."""
    name = storable_name(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            return Rejection(
                name,
                "",
                "too_large",
                f"{size:,} bytes is over the {MAX_BYTES:,}-byte limit for an article",
            )
        data = path.read_bytes()
    except OSError as exc:
        return Rejection(name, "", "unreadable", f"cannot read file: {exc}")
    return parse_article(name, data)


def list_article_files(folder: Path) -> list[Path]:
    """Every regular, non-hidden file of the folder, in a stable order."""
    if not folder.is_dir():
        raise FileNotFoundError(f"article folder not found: {folder}")
    return sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))
