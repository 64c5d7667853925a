"""Reading article files: decoding, the optional date header, title/lead/body, rejections.

Articles arrive as scraped text files. The first line may start with a header
`` date YYYY-MM`` (or ``YYYY`` / ``YYYY-MM-DD``) followed by the title and lead; a file without
it has no known publication date, which stays null rather than being guessed. A file that
cannot be used becomes a `Rejection` with a reason code, so that nothing is dropped silently
and the rest of the batch goes on.

The stored ``body`` is the file's text without the date: it opens with the header line (title
and lead, also stored apart), so that every fact's offsets point into one text, a headline's
included. ``headline_end`` tells the extractors where the headline ends: headlines repeat the
body in looser words ("Astana-Gipfel") and use the present for what happened, so they are read
apart (see `etl.events.extract_events`).
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

    @property
    def headline_end(self) -> int:
        """Where the title and lead end in the body: 0 when the body does not open with them
        (a one-line file is all body)."""
        first, newline, _ = self.body.partition("\n")
        return len(first) if newline and self.title and first.startswith(self.title) else 0


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


# Byte-order marks of the Unicode encodings a text file may legitimately carry. UTF-32 first:
# its little-endian mark starts with the UTF-16 one.
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
# Characters a stray cp1252 byte pair can never plausibly be meant as when it happens to form
# valid UTF-8 (C1 controls, and the scripts U+0250..U+1DFF a German text does not use): "groß“"
# in cp1252 is DF 93, which UTF-8 reads as the NKo letter U+07D3.
_IMPLAUSIBLE = re.compile("[\u0080-\u009f\u0250-\u1dff]")


def unicode_bom(data: bytes) -> str | None:
    """The UTF-16/UTF-32 codec named by the file's byte-order mark, if it has one."""
    return next((codec for bom, codec in _BOMS if data.startswith(bom)), None)


def _plausible_utf8(text: str) -> bool:
    """Text decoded from UTF-8 that holds non-ASCII a German article would use."""
    return any(ord(c) > 127 for c in text) and not _IMPLAUSIBLE.search(text)


def _decode_line(line: bytes) -> tuple[str, int, bool]:
    """Decode one line of a file that is not valid UTF-8 as a whole.

    Returns (text, number of bytes read as cp1252, whether UTF-8 beyond ASCII was kept). A
    line that is plausible UTF-8 stays UTF-8. A line that mixes both (an umlaut written by
    one editor, a dash pasted from another) keeps its UTF-8 and reads only the invalid spans
    as cp1252. A line without plausible UTF-8 is read as cp1252 whole, so that a cp1252 byte
    pair that happens to be valid UTF-8 ("groß“") is not misread.
    Raises UnicodeDecodeError for bytes that cp1252 does not define either (0x81, 0x8D ...)."""
    utf8: list[str] = []
    parts: list[str] = []
    fallback = 0
    pos = 0
    while True:
        try:
            chunk = line[pos:].decode("utf-8")
        except UnicodeDecodeError as exc:
            chunk = line[pos : pos + exc.start].decode("utf-8")
            bad = line[pos + exc.start : pos + exc.end]
            utf8.append(chunk)
            parts += [chunk, bad.decode("cp1252")]
            fallback += len(bad)
            pos += exc.end
            continue
        utf8.append(chunk)
        parts.append(chunk)
        break
    if _plausible_utf8("".join(utf8)):
        return "".join(parts), fallback, True
    return line.decode("cp1252"), sum(1 for b in line if b > 127), False


def decode(data: bytes) -> tuple[str, str, list[str]]:
    """Decode a file's bytes: (text, encoding, warnings).

    - a UTF-16/UTF-32 byte-order mark: that encoding (Windows editors save "Unicode" so);
    - valid UTF-8, with or without BOM: UTF-8;
    - otherwise line by line: UTF-8 where it is valid, cp1252 only for the bytes that are not
      (encoding ``utf-8+cp1252``, with a warning naming the lines). One stray cp1252 byte (a
      dash 0x96, an "ä" 0xE4) in a UTF-8 file must not garble every other umlaut of it, as
      reading the whole file as cp1252 would;
    - a file without any UTF-8 beyond ASCII: cp1252 whole, with a warning (a legacy file).

    Raises UnicodeDecodeError when none of these fits.
    """
    warnings: list[str] = []
    codec = unicode_bom(data)
    if codec is not None:
        text = data.decode(codec)
        return text.removeprefix("\ufeff"), codec, warnings
    encoding = "utf-8"
    if data.startswith(b"\xef\xbb\xbf"):
        data, encoding = data[3:], "utf-8-sig"
    try:
        return data.decode("utf-8"), encoding, warnings
    except UnicodeDecodeError:
        pass
    texts: list[str] = []
    fallback_lines: list[int] = []
    fallback_bytes = 0
    kept_utf8 = False
    for number, line in enumerate(data.splitlines(keepends=True), start=1):
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError:
            text, n, kept = _decode_line(line)
        else:
            kept = _plausible_utf8(text)
            if not kept and any(ord(c) > 127 for c in text):  # valid only by accident
                text, n, kept = _decode_line(line)
            else:
                n = 0
        kept_utf8 |= kept
        if n:
            fallback_lines.append(number)
            fallback_bytes += n
        texts.append(text)
    if not kept_utf8:
        warnings.append("not valid UTF-8; decoded as cp1252")
        return data.decode("cp1252"), "cp1252", warnings
    shown = ", ".join(map(str, fallback_lines[:10])) + (", ..." if len(fallback_lines) > 10 else "")
    warnings.append(
        f"not valid UTF-8 in line(s) {shown}: {fallback_bytes} byte(s) there decoded as "
        "cp1252, the rest as UTF-8"
    )
    return "".join(texts), f"{encoding}+cp1252", warnings


def normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _utf16_without_bom(sample: bytes) -> str | None:
    """'little' or 'big' when the bytes look like UTF-16 text without a byte-order mark.

    ASCII-range text in UTF-16 has a NUL in every other byte (the odd ones for little-endian):
    a pattern binary formats do not show over a whole sample."""
    if len(sample) < 16:
        return None
    even, odd = sample[0::2], sample[1::2]
    for nuls, text, order in ((odd, even, "little"), (even, odd, "big")):
        if nuls.count(0) >= 0.9 * len(nuls) and text.count(0) <= 0.1 * len(text):
            return order
    return None


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
    codec = unicode_bom(data)
    if codec is None:
        why = _looks_binary(data)
        if why:
            order = _utf16_without_bom(data[:4096])
            if order is not None:
                # Text, but decodable only by guessing its byte order: say so, not "binary".
                return reject(
                    "undecodable",
                    f"looks like UTF-16 ({order}-endian) text without a byte-order mark; "
                    "save it as UTF-8, or as UTF-16 with a BOM",
                )
            return reject("binary", why)
    try:
        text, encoding, warnings = decode(data)
    except UnicodeDecodeError as exc:
        if codec is not None:
            return reject("undecodable", f"not valid {codec.upper()} despite its BOM: {exc}")
        return reject("undecodable", f"neither UTF-8 nor cp1252: {exc}")
    if codec is not None:
        # UTF-16/32 bytes are full of NULs by nature: judge what they decode to instead.
        why = _looks_binary(text.encode("utf-8"))
        if why:
            return reject("binary", why)
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
    # The header line is title + lead; the body is that line (without its date) and the text
    # after it. A one-line file is all body.
    if not rest.strip():
        body = header_text
    elif header_text.strip():
        body = f"{header_text}\n{rest}"
    else:
        body = rest
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
            # Hashed in chunks, never held in memory: the rejection still identifies the
            # content, so the same oversized file seen again adds no row and a changed one does.
            with path.open("rb") as f:
                digest = hashlib.file_digest(f, "sha256").hexdigest()
            return Rejection(
                name,
                digest,
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
