"""German date expressions: find them in text, resolve them against the publication date.

News rarely writes full dates: "am Mittwoch", "im Juni", "vor gut zwei Jahren". Finding and
resolving are kept apart so that a finder hit (a `DateExpr`) can be resolved more than once,
e.g. with the tense of the clause it sits in, and so that both stay pure and cheap: the
patterns are compiled once at import, one ``finditer`` pass per pattern over the whole text.

Resolution never invents precision: a weekday resolves to a day only when the article's date is
day-precise, a week to its month, "vor zwei Jahren" to a year. Without a publication date,
relative expressions resolve to None while absolute ones keep what the text itself says.

The German calendar words below are grammar (closed word classes), not knowledge about the
world, which is why they live here and not in ``etl/knowledge``.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Literal

from dateutil.easter import easter

from etl.facts import FuzzyDate

DateKind = Literal[
    "date", "month", "year", "weekday", "relative", "ago", "day_rel", "after", "feast"
]
Tense = Literal["past", "present", "future"]
Unit = Literal["day", "week", "month", "year"]

MONTHS: dict[str, int] = {
    "januar": 1, "jänner": 1, "jan": 1, "februar": 2, "feber": 2, "feb": 2, "märz": 3,
    "maerz": 3, "mrz": 3, "april": 4, "apr": 4, "mai": 5, "juni": 6, "jun": 6, "juli": 7,
    "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9, "oktober": 10,
    "okt": 10, "november": 11, "nov": 11, "dezember": 12, "dez": 12,
}  # fmt: skip
WEEKDAYS: dict[str, int] = {
    "montag": 0, "dienstag": 1, "mittwoch": 2, "donnerstag": 3, "freitag": 4,
    "samstag": 5, "sonnabend": 5, "sonntag": 6,
}  # fmt: skip
NUMBERS: dict[str, int] = {
    "ein": 1, "eine": 1, "einem": 1, "einer": 1, "einen": 1, "zwei": 2, "drei": 3, "vier": 4,
    "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "elf": 11,
    "zwölf": 12, "fünfzehn": 15, "zwanzig": 20, "dreißig": 30, "fünfzig": 50, "hundert": 100,
    "anderthalb": 1, "eineinhalb": 1,
}  # fmt: skip
_UNITS: dict[str, Unit] = {
    "tag": "day", "tage": "day", "tagen": "day", "tages": "day",
    "woche": "week", "wochen": "week",
    "monat": "month", "monate": "month", "monaten": "month", "monats": "month",
    "jahr": "year", "jahre": "year", "jahren": "year", "jahres": "year", "jahrs": "year",
}  # fmt: skip
_PAST = r"letzte[nmrs]?|vergangene[nmrs]?|vorige[nmrs]?|vorvergangene[nmrs]?"
_THIS = r"diese[nmrs]?|laufende[nmrs]?|heurige[nmrs]?"
_NEXT = r"nächste[nmrs]?|kommende[nmrs]?|folgende[nmrs]?"
_OFFSETS = (
    [(w, -1) for w in ("letzt", "vergangen", "vorig")]
    + [("vorvergangen", -2)]
    + [(w, 0) for w in ("dies", "laufend", "heurig")]
    + [(w, 1) for w in ("nächst", "kommend", "folgend")]
)
_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY_ALT = "|".join(WEEKDAYS)
_NUM_ALT = "|".join(sorted(NUMBERS, key=len, reverse=True))
_APPROX = r"(?:gut|knapp|fast|mehr\s+als|über|rund|etwa|ungefähr|beinahe|circa|ca\.|nahezu)\s+"

# Each pattern is named after the DateKind it yields; flags are per group, not global, so that
# capitalised month/weekday names stay distinguishable from verbs ("mai" is no German verb, but
# "morgen" vs "Morgen" matters).
_RE_ISO = re.compile(r"(?<![\d.])(\d{4})-(\d{2})-(\d{2})(?![\d-])")
_RE_NUMERIC = re.compile(r"(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.(?:\s?(\d{4}|\d{2}))?(?![\d.])")
_RE_DAY_MONTH = re.compile(
    r"(?<![\d.])(\d{1,2})\.\s*(?:(?:und|bis|-|–|/)\s*(\d{1,2})\.\s*)?"
    rf"(?i:({_MONTH_ALT}))\.?(?![a-zäöü])(?:\s+(\d{{4}})(?!\d))?"
)
_RE_MONTH = re.compile(
    r"(?<!\w)(?=\w)(?:(?i:(anfang|mitte|ende|beginn|im|in|seit|bis|ab|vom|von))\s+)?"
    rf"(?:(?i:des|dem|den)\s+)?(?:(?i:({_PAST}|{_THIS}|{_NEXT}))\s+)?"
    rf"((?-i:{'|'.join(m.capitalize() for m in sorted(MONTHS, key=len, reverse=True))}))"
    r"\.?(?![a-zäöüß])(?:\s+(\d{4})(?!\d))?"
)
_RE_YEAR = re.compile(
    r"(?<!\w)(?=\w)(?:(?i:(im\s+jahre?|seit\s+dem\s+jahr|seit|bis|ab|anfang|mitte|ende|vor|nach|von|"
    r"frühjahr|sommer|herbst|winter|jahr|jahres))\s+)?(?<![\d.,])((?:19|20)\d{2})(?![\d.,]\d)"
)
_RE_WEEKDAY = re.compile(
    rf"(?<!\w)(?=\w)(?:(?i:(am|seit|vom|bis|ab))\s+)?(?:(?i:({_PAST}|{_THIS}|{_NEXT}))\s+)?"
    rf"((?-i:{'|'.join(w.capitalize() for w in WEEKDAYS)}))"
    r"(abend|morgen|mittag|nachmittag|vormittag|nacht|früh)?s?(?![a-zäöüß])"
    # "am Donnerstag vergangener Woche": the week named after the day
    rf"(?:\s+(?i:({_PAST}|{_NEXT}))\s+(?i:woche)(?![a-zäöüß]))?"
)
_RE_RELATIVE = re.compile(
    rf"(?<!\w)(?=\w)(?i:(?:(im|in|seit|ab|bis|anfang|mitte|ende|beginn|während)\s+)?"
    rf"(?:(der|des|dem|den|die|das)\s+)?({_PAST}|{_THIS}|{_NEXT})\s+"
    r"(woche|monats?|jahr(?:es|s)?))(?![a-zäöüß])"
)
# "im Mai des Vorjahres"; a bare "im Vorjahr" is too often a comparison ("anders als im Vorjahr")
_RE_PREV_YEAR = re.compile(r"(?<!\w)(?i:des)\s+Vorjahr(?:es|s)(?![a-zäöüß])")
_RE_START_OF = re.compile(
    r"(?<!\w)(?=\w)(?i:(anfang|mitte|ende|beginn)\s+(?:des\s+|dieses\s+)?(jahres|monats))(?![a-zäöüß])"
)
_RE_AGO = re.compile(
    rf"(?<!\w)(?=\w)(?i:(vor|seit|in)\s+(?:{_APPROX})?(\d{{1,3}}|{_NUM_ALT})\s+"
    r"(tag(?:en?)?|wochen?|monat(?:en?)?|jahr(?:en?)?))(?![a-zäöüß])"
)
_RE_DAY_REL = re.compile(
    r"(?<![A-Za-zÄÖÜäöüß])((?i:heute|gestern|vorgestern|übermorgen)|morgen)(?![a-zäöüß])"
)

# Days counted from a day the text told just before ("am Folgetag", "zwei Tage später").
_RE_AFTER = re.compile(
    r"(?<!\w)(?i:am\s+(folgetag|folgenden\s+tag|nächsten\s+tag|tag\s+darauf)"
    rf"|(tags)\s+darauf|({_NUM_ALT}|\d{{1,2}})\s+(tage?|wochen?)\s+(später|danach|darauf))"
    r"(?![a-zäöüß])"
)
# The day before the day just told ("Noch am Vortag hatte er ..." after "am Montag, dem 21.
# April"). Without a day told just before it stays undated: then it may count from the report.
_RE_DAY_BEFORE = re.compile(
    r"(?<!\w)(?i:am\s+vortag|tags\s+zuvor|einen\s+tag\s+(?:zuvor|davor|vorher))(?![a-zäöüß])"
)
# Feast days the press dates by: movable ones as days from Easter Sunday ("am Ostersonntag",
# "an Pfingsten"), fixed ones as (month, day) ("an Heiligabend"). Only after "am/an/zu":
# "nach Weihnachten" or "vor Ostern" is no day.
_EASTER_OFFSETS = {
    "gründonnerstag": -3, "karfreitag": -2, "karsamstag": -1, "ostersonntag": 0, "ostern": 0,
    "ostermontag": 1, "christi himmelfahrt": 39, "pfingstsonntag": 49, "pfingsten": 49,
    "pfingstmontag": 50,
}  # fmt: skip
_FIXED_FEASTS = {
    "heiligabend": (12, 24), "ersten weihnachtstag": (12, 25), "zweiten weihnachtstag": (12, 26),
    "silvester": (12, 31), "neujahr": (1, 1), "neujahrstag": (1, 1),
}  # fmt: skip
_RE_FEAST = re.compile(
    r"(?<!\w)(?:am|an|zu)\s+("
    + "|".join(sorted((re.escape(k) for k in (*_EASTER_OFFSETS, *_FIXED_FEASTS)), key=len,
                      reverse=True))  # fmt: skip
    + r")(?![a-zäöüß])",
    re.IGNORECASE,
)
# The day just told, a few hours on ("wenige Stunden später", "noch am selben Abend")
_RE_HOURS_AFTER = re.compile(
    rf"(?<!\w)(?i:(?:wenige|einige|ein\s+paar|{_NUM_ALT}|\d{{1,2}})\s+stunden?\s+(?:später|danach)"
    r"|(?:noch\s+)?am\s+(?:selben|gleichen)\s+(?:tag|abend))(?![a-zäöüß])"
    r"(?!\s*,\s*(?:an\s+dem|als|an\s+welchem)\b)"  # "am selben Tag, an dem ...": that day
)
_QUANTITY_BEFORE = re.compile(
    r"(?i:(?:mehr|weniger)\s+als|rund|etwa|über|fast|knapp|bis\s+zu|mindestens|höchstens|"
    r"gut|circa|ca\.|insgesamt|die|der|den|von|\d+)\s*$"
)
_LOWER_AFTER = re.compile(r"\s*(?:[a-zäöüß]|[,.;:!?)\]–-]|$)")


@dataclass(frozen=True)
class DateExpr:
    """One date expression as written; what it means is decided by `resolve`."""

    start: int
    end: int
    surface: str
    kind: DateKind
    year: int | None = None
    month: int | None = None
    day: int | None = None
    end_day: int | None = None  # "16. und 17. Mai"
    weekday: int | None = None
    unit: Unit | None = None
    offset: int = 0  # -1 last, 0 this, +1 next (or -N for "vor N Jahren")
    since: bool = False  # "seit ...": the start of something still going on


def _num(word: str) -> int | None:
    w = word.lower()
    if w.isdigit():
        return int(w)
    return NUMBERS.get(w)


def _offset_of(word: str | None) -> int:
    if not word:
        return 0
    w = word.lower()
    for stem, off in _OFFSETS:
        if w.startswith(stem):
            return off
    return 0


def _valid_day(year: int | None, month: int, day: int) -> bool:
    if not 1 <= month <= 12 or day < 1:
        return False
    return day <= calendar.monthrange(year or 2000, month)[1]


# Performance: cheap substring cues, each a *necessary* condition for one group of patterns
# above, so that most sentences skip most regex passes (the output is exactly the same).
# Case-insensitive parts are checked on ``text.lower()``; the ASCII letters of these cues have
# no extra Unicode case folds (except "s", see below), so a match implies the cue is present.
_MONTH_CUES = tuple(sorted({m.capitalize() for m in MONTHS}))  # case-sensitive in _RE_MONTH
_WEEKDAY_CUES = tuple(w.capitalize() for w in WEEKDAYS)  # case-sensitive in _RE_WEEKDAY
_UNIT_CUES = ("tag", "woche", "monat", "jahr")  # _RE_AGO / _RE_RELATIVE / _RE_START_OF units
_FEAST_CUES = ("oster", "pfingst", "karfreitag", "gründonnerstag", "karsamstag", "himmelfahrt",
               "heiligabend", "weihnachtstag", "silvester", "neujahr")  # fmt: skip
# _RE_DAY_REL (also covers vor-/übermorgen); "ſ" is the one case fold of "s" that lower() keeps
_DAY_OFFSETS = {"heute": 0, "gestern": -1, "vorgestern": -2, "morgen": 1, "übermorgen": 2}
_DAY_REL_CUES = ("heute", "gestern", "geſtern", "morgen")
_DIGIT = re.compile(r"\d")  # the same \d (Unicode digits) as the numeric patterns
_DIGIT_DOT = re.compile(r"\d\.")  # _RE_NUMERIC and _RE_DAY_MONTH start with "16."
_YEAR_CUE = re.compile(r"(?:19|20)\d\d")  # the year group of _RE_YEAR


def _candidates(text: str) -> list[DateExpr]:
    out: list[DateExpr] = []
    low = text.lower()
    has_digit = _DIGIT.search(text) is not None
    has_iso = has_digit and "-" in text
    has_digit_dot = has_digit and _DIGIT_DOT.search(text) is not None
    has_year = has_digit and _YEAR_CUE.search(text) is not None
    has_month = any(c in text for c in _MONTH_CUES)
    has_weekday = any(c in text for c in _WEEKDAY_CUES)
    has_unit = any(c in low for c in _UNIT_CUES)
    has_day_rel = any(c in low for c in _DAY_REL_CUES)
    has_hours = "stunde" in low or "selben" in low or "gleichen" in low
    has_feast = any(c in low for c in _FEAST_CUES)
    if not (
        has_digit or has_month or has_weekday or has_unit or has_day_rel or has_hours or has_feast
    ):
        return out
    for m in _RE_ISO.finditer(text) if has_iso else ():
        y, mo, d = (int(g) for g in m.groups())
        if _valid_day(y, mo, d):
            out.append(DateExpr(m.start(), m.end(), m.group(0), "date", y, mo, d))
    for m in _RE_NUMERIC.finditer(text) if has_digit_dot else ():
        d, mo = int(m.group(1)), int(m.group(2))
        y = int(m.group(3)) if m.group(3) else None
        if y is not None and y < 100:
            y += 2000
        if _valid_day(y, mo, d) and (y is not None or not text[m.end() : m.end() + 1].isdigit()):
            out.append(DateExpr(m.start(), m.end(), m.group(0).rstrip(), "date", y, mo, d))
    for m in _RE_DAY_MONTH.finditer(text) if has_digit_dot else ():
        d = int(m.group(1))
        d2 = int(m.group(2)) if m.group(2) else None
        mo = MONTHS[m.group(3).lower()]
        y = int(m.group(4)) if m.group(4) else None
        if _valid_day(y, mo, d) and (d2 is None or (_valid_day(y, mo, d2) and d2 >= d)):
            out.append(DateExpr(m.start(), m.end(), m.group(0), "date", y, mo, d, end_day=d2))
    for m in _RE_MONTH.finditer(text) if has_month else ():
        prep, rel, name, year = m.groups()
        if not (prep or rel or year):
            continue  # a bare "August" or "Mai" is too often a name
        mo = MONTHS[name.lower()]
        start = m.start() if prep or rel else m.start(3)
        if rel and not prep:
            start = m.start(2)
        out.append(
            DateExpr(
                start,
                m.end(),
                text[start : m.end()],
                "month",
                int(year) if year else None,
                mo,
                offset=_offset_of(rel),
                since=(prep or "").lower() == "seit",
            )
        )
    for m in _RE_YEAR.finditer(text) if has_year else ():
        prep, year = m.group(1), int(m.group(2))
        before = text[max(0, m.start(2) - 20) : m.start(2)]
        if not prep:
            if _QUANTITY_BEFORE.search(before) or not _LOWER_AFTER.match(text[m.end() :]):
                continue
        start = m.start() if prep else m.start(2)
        kind_prep = (prep or "").lower()
        out.append(
            DateExpr(
                start,
                m.end(),
                text[start : m.end()],
                "year",
                year,
                since=kind_prep.startswith("seit"),
            )
        )
    for m in _RE_WEEKDAY.finditer(text) if has_weekday else ():
        prep, rel, name, _part, week = m.groups()
        rel = rel or week
        start = m.start(1) if prep else (m.start(2) if m.group(2) else m.start(3))
        out.append(
            DateExpr(
                start,
                m.end(),
                text[start : m.end()],
                "weekday",
                weekday=WEEKDAYS[name.lower()],
                unit="week" if week else None,  # the day of the named week, not the next one
                offset=_offset_of(rel),
                since=(prep or "").lower() == "seit",
            )
        )
    for m in _RE_RELATIVE.finditer(text) if has_unit else ():
        prep, _art, rel, unit = m.groups()
        u = _UNITS.get(unit.lower())
        if u is None:
            continue
        out.append(
            DateExpr(
                m.start(),
                m.end(),
                m.group(0),
                "relative",
                unit=u,
                offset=_offset_of(rel),
                since=(prep or "").lower() == "seit",
            )
        )
    for m in _RE_AFTER.finditer(text) if has_unit else ():
        n = m.group(3)
        off = _num(n) if n is not None else 1
        if off is None:
            continue
        if (m.group(4) or "").lower().startswith("woche"):
            off *= 7  # "eine Woche später": seven days on
        out.append(DateExpr(m.start(), m.end(), m.group(0), "after", unit="day", offset=off))
    for m in _RE_FEAST.finditer(text) if has_feast else ():
        name = m.group(1).lower()
        if name in _FIXED_FEASTS:
            month, day = _FIXED_FEASTS[name]
            out.append(DateExpr(m.start(1), m.end(), m.group(1), "date", month=month, day=day))
        else:
            out.append(
                DateExpr(m.start(1), m.end(), m.group(1), "feast", offset=_EASTER_OFFSETS[name])
            )
    for m in _RE_DAY_BEFORE.finditer(text) if has_unit else ():
        out.append(DateExpr(m.start(), m.end(), m.group(0), "after", unit="day", offset=-1))
    for m in _RE_HOURS_AFTER.finditer(text) if has_hours else ():
        out.append(DateExpr(m.start(), m.end(), m.group(0), "after", unit="day", offset=0))
    for m in _RE_PREV_YEAR.finditer(text) if "Vorjahr" in text else ():
        out.append(DateExpr(m.start(), m.end(), m.group(0), "relative", unit="year", offset=-1))
    for m in _RE_START_OF.finditer(text) if has_unit else ():
        u = _UNITS[m.group(2).lower()]
        out.append(DateExpr(m.start(), m.end(), m.group(0), "relative", unit=u, offset=0))
    for m in _RE_AGO.finditer(text) if has_unit else ():
        prep, n, unit = m.groups()
        count = _num(n)
        u = _UNITS.get(unit.lower())
        if count is None or u is None:
            continue
        sign = 1 if prep.lower() == "in" else -1
        out.append(
            DateExpr(
                m.start(),
                m.end(),
                m.group(0),
                "ago",
                unit=u,
                offset=sign * count,
                since=prep.lower() == "seit",
            )
        )
    for m in _RE_DAY_REL.finditer(text) if has_day_rel else ():
        word = m.group(1).lower()
        if word == "morgen" and re.search(
            r"(?i:\b(?:am|jeden|den|heute|gestern))\s+$", text[: m.start()]
        ):
            continue  # "am morgen" written lower-case is still the morning, not tomorrow
        off = _DAY_OFFSETS.get(word)
        if off is None:  # a Unicode case-folding look-alike ("geſtern"), not the word itself
            continue
        out.append(DateExpr(m.start(), m.end(), word, "day_rel", unit="day", offset=off))
    return out


_RANK: dict[DateKind, int] = {
    "date": 0, "feast": 0, "after": 1, "ago": 1, "month": 2, "relative": 3, "weekday": 4,
    "year": 5, "day_rel": 6,
}  # fmt: skip


def _merge_month_years(exprs: list[DateExpr], text: str) -> list[DateExpr]:
    """ "im September vergangenen Jahres", "im Mai des Vorjahres": one month of a relative year."""
    out: list[DateExpr] = []
    for e in exprs:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.kind == "month"
            and prev.year is None
            and prev.offset == 0
            and e.kind == "relative"
            and e.unit == "year"
            and not e.since
            and re.fullmatch(r"\s+", text[prev.end : e.start])
        ):
            out[-1] = replace(prev, end=e.end, surface=text[prev.start : e.end], unit="year",
                              offset=e.offset)  # fmt: skip
            continue
        out.append(e)
    return out


def _merge_weekday_dates(exprs: list[DateExpr], text: str) -> list[DateExpr]:
    """ "Donnerstag (16. Mai)", "am Donnerstag, 16. Mai" and "am Dienstag, dem 11. Juli" are one
    date, the explicit one."""
    out: list[DateExpr] = []
    skip: set[int] = set()
    for i, e in enumerate(exprs):
        if i in skip:
            continue
        nxt = exprs[i + 1] if i + 1 < len(exprs) else None
        if (
            e.kind == "weekday"
            and nxt is not None
            and nxt.kind == "date"
            and re.fullmatch(r"[\s,(]*(?:de[nm]\s+)?", text[e.end : nxt.start])
        ):
            end = nxt.end + (1 if text[nxt.end : nxt.end + 1] == ")" else 0)
            out.append(
                DateExpr(
                    e.start, end, text[e.start : end], "date", nxt.year, nxt.month, nxt.day,
                    nxt.end_day, e.weekday,
                )
            )  # fmt: skip
            skip.add(i + 1)
            continue
        out.append(e)
    return out


def find_dates(text: str, offset: int = 0) -> list[DateExpr]:
    """Every date expression in ``text``, left to right, without overlaps (longest wins).

    ``offset`` is added to every position, so that a sentence can be searched on its own and
    still give offsets into the article body.
    """
    found = _find(text)
    if not offset:
        return found
    return [replace(e, start=e.start + offset, end=e.end + offset) for e in found]


def _find(text: str) -> list[DateExpr]:
    cands = _candidates(text)
    cands.sort(key=lambda e: (e.start, -(e.end - e.start), _RANK[e.kind]))
    chosen: list[DateExpr] = []
    last_end = -1
    for e in cands:
        if e.start >= last_end:
            chosen.append(e)
            last_end = e.end
        elif chosen and e.end > last_end and e.start < last_end:
            continue
    return _merge_weekday_dates(_merge_month_years(chosen, text), text)


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    idx = year * 12 + (month - 1) + delta
    return idx // 12, idx % 12 + 1


def _clamp_precision(value: date, wanted: str, published: FuzzyDate) -> FuzzyDate:
    """Never more precise than the publication date allows for a relative expression."""
    order = {"year": 0, "month": 1, "day": 2}
    prec = wanted if order[wanted] <= order[published.precision] else published.precision
    if prec == "year":
        return FuzzyDate(date(value.year, 1, 1), "year")
    if prec == "month":
        return FuzzyDate(date(value.year, value.month, 1), "month")
    return FuzzyDate(value, "day")


def _year_for_month(
    month: int, published: FuzzyDate | None, tense: Tense | None, offset: int
) -> int | None:
    """The year of a month named without one: the occurrence that the tense makes plausible."""
    if published is None:
        return None
    py, pm = published.value.year, published.value.month
    if published.precision == "year":
        return py
    if offset < 0:  # "letzten September": the last one before the current month
        return py if month < pm else py - 1
    if offset > 0:  # "kommenden Oktober"
        return py if month > pm else py + 1
    if tense == "past":
        return py if month <= pm else py - 1
    if tense == "future":
        return py if month >= pm else py + 1
    diff = month - pm
    if diff > 6:
        return py - 1
    if diff < -6:
        return py + 1
    return py


def resolve(
    expr: DateExpr, published: FuzzyDate | None, tense: Tense | None = None
) -> FuzzyDate | None:
    """What ``expr`` means for an article published at ``published``; None when unknowable.

    ``tense`` is the tense of the clause (past/present/future) and only breaks ties: the year of
    "im Oktober", the week of "am Freitag".
    """
    try:
        return _resolve(expr, published, tense)
    except (ValueError, OverflowError):
        return None  # arithmetic outside date's range: no meaningful date


def resolve_span(
    expr: DateExpr, published: FuzzyDate | None, tense: Tense | None = None
) -> tuple[FuzzyDate, FuzzyDate | None] | None:
    """(start, end) for ranges such as "16. und 17. Mai"; end is None for a single date."""
    start = resolve(expr, published, tense)
    if start is None:
        return None
    if expr.end_day and start.precision == "day":
        try:
            return start, FuzzyDate(start.value.replace(day=expr.end_day), "day")
        except ValueError:
            return start, None
    return start, None


def _feast(expr: DateExpr, pub: FuzzyDate | None, tense: Tense | None) -> FuzzyDate | None:
    """A movable feast in the year the tense points to: the last one for the past, the next
    one for a plan, else the nearer one."""
    if expr.year is not None:
        return FuzzyDate(easter(expr.year) + timedelta(days=expr.offset), "day")
    if pub is None:
        return None
    year = pub.value.year
    days = {y: easter(y) + timedelta(days=expr.offset) for y in (year - 1, year, year + 1)}
    if pub.precision == "year":
        return FuzzyDate(days[year], "day")
    first = pub.value if pub.precision == "day" else pub.value.replace(day=1)
    last = pub.value if pub.precision == "day" else pub.value.replace(
        day=calendar.monthrange(year, pub.value.month)[1]
    )
    if tense == "past":
        return FuzzyDate(max(d for d in days.values() if d <= last), "day")
    if tense == "future":
        return FuzzyDate(min(d for d in days.values() if d >= first), "day")
    return FuzzyDate(min(days.values(), key=lambda d: abs((d - first).days)), "day")


def _resolve(expr: DateExpr, published: FuzzyDate | None, tense: Tense | None) -> FuzzyDate | None:
    pub = published
    if expr.kind == "date":
        assert expr.month is not None and expr.day is not None
        year = expr.year
        if year is None:
            if pub is None:
                return None
            year = pub.value.year
            if pub.precision != "year":
                diff = expr.month - pub.value.month
                if (tense == "past" and diff > 0) or (tense is None and diff > 6):
                    year -= 1
                elif (tense == "future" and diff < 0) or (tense is None and diff < -6):
                    year += 1
        if not _valid_day(year, expr.month, expr.day):
            return None
        return FuzzyDate(date(year, expr.month, expr.day), "day")
    if expr.kind == "feast":
        return _feast(expr, pub, tense)
    if expr.kind == "month":
        assert expr.month is not None
        if expr.year is not None:
            year: int | None = expr.year
        elif expr.unit == "year":  # "im September vergangenen Jahres"
            year = pub.value.year + expr.offset if pub is not None else None
        else:
            year = _year_for_month(expr.month, pub, tense, expr.offset)
        if year is None:
            return None
        return FuzzyDate(date(year, expr.month, 1), "month")
    if expr.kind == "year":
        assert expr.year is not None
        return FuzzyDate(date(expr.year, 1, 1), "year")
    if pub is None:
        return None
    pv = pub.value
    if expr.kind == "weekday":
        assert expr.weekday is not None
        if pub.precision != "day":
            return _clamp_precision(pv, "day", pub)
        if expr.unit == "week":
            return FuzzyDate(_day_of_week(pv, expr.offset, expr.weekday), "day")
        delta = expr.weekday - pv.weekday()
        if expr.offset < 0 or (expr.offset == 0 and tense != "future"):
            if delta > 0:
                delta -= 7
            if expr.offset < 0 and delta == 0:
                delta = -7
        else:
            if delta < 0:
                delta += 7
            if expr.offset > 0 and delta == 0:
                delta = 7
        return FuzzyDate(pv + timedelta(days=delta), "day")
    finer = {"day": ("month", "year"), "week": ("month", "year"), "month": ("year",)}
    small = expr.kind in ("day_rel", "relative", "ago") and abs(expr.offset) <= 1
    if small and pub.precision in finer.get(expr.unit or "", ()):
        # a day or week away from an unknown day of the month: the month is all we know
        return _clamp_precision(pv, "day", pub)
    if expr.kind == "day_rel":
        return _clamp_precision(pv + timedelta(days=expr.offset), "day", pub)
    if expr.kind == "relative":
        if expr.unit == "week":
            target = pv + timedelta(days=7 * expr.offset)
            monday = target - timedelta(days=target.weekday())
            last = pv if expr.offset == 0 and tense != "future" else monday + timedelta(days=6)
            if pub.precision == "day" and monday.month != last.month:
                # "in dieser Woche" from Saturday 1 March: Monday was in February
                if monday.year != last.year:
                    return None
                return FuzzyDate(date(monday.year, 1, 1), "year")
            return _clamp_precision(target, "month", pub)
        if expr.unit == "month":
            y, m = _shift_month(pv.year, pv.month, expr.offset)
            return _clamp_precision(date(y, m, 1), "month", pub)
        if expr.unit == "year":
            return FuzzyDate(date(pv.year + expr.offset, 1, 1), "year")
        return None
    if expr.kind == "ago":
        n = expr.offset
        if expr.unit == "year":
            return FuzzyDate(date(pv.year + n, 1, 1), "year")
        if expr.unit == "month":
            y, m = _shift_month(pv.year, pv.month, n)
            return _clamp_precision(date(y, m, 1), "month", pub)
        if expr.unit == "week":
            return _clamp_precision(pv + timedelta(days=7 * n), "month", pub)
        if expr.unit == "day":
            return _clamp_precision(pv + timedelta(days=n), "day", pub)
    return None


def text_anchor(text: str, published: FuzzyDate | None) -> FuzzyDate | None:
    """The day an article's relative weekdays count from when its header gives only a month:
    the first explicit day of that month in the text ("am Dienstag, dem 17. Oktober").

    News anchors "am Mittwoch" and "am vergangenen Freitag" to the day it reports; a month
    header cannot say which week that is, the lead's explicit date can.
    """
    if published is None or published.precision != "month":
        return None
    pv = published.value
    for e in find_dates(text):
        if e.kind != "date" or e.month != pv.month or e.day is None:
            continue
        if e.year is not None and e.year != pv.year:
            continue
        if _valid_day(pv.year, pv.month, e.day):
            return FuzzyDate(date(pv.year, pv.month, e.day), "day")
    return None


def resolve_near(expr: DateExpr, anchor: date, tense: Tense | None = None) -> FuzzyDate | None:
    """A weekday relative to an explicit day of the text (not the publication day): the
    occurrence nearest to it, before it for "vergangenen", after it for "nächsten" or a plan.

    The anchor is a day the article reports, so a past-tense "am Sonntag" may well be the day
    after it ("reiste bereits am Sonntag weiter" after a Saturday summit).
    """
    if expr.kind != "weekday" or expr.weekday is None:
        return None
    if expr.unit == "week":
        return FuzzyDate(_day_of_week(anchor, expr.offset, expr.weekday), "day")
    back = (anchor.weekday() - expr.weekday) % 7  # days back to the previous such weekday
    ahead = (expr.weekday - anchor.weekday()) % 7
    if expr.offset < 0:
        delta = -(back or 7)
    elif expr.offset > 0:
        delta = ahead or 7
    elif tense == "future":
        delta = ahead
    else:
        delta = -back if back <= ahead else ahead
    return FuzzyDate(anchor + timedelta(days=delta), "day")


def resolve_after(expr: DateExpr, told: FuzzyDate) -> FuzzyDate | None:
    """ "am Folgetag", "zwei Tage später": days from the day the text told before; None when
    that day is not known to the day."""
    if expr.kind != "after" or told.precision != "day":
        return None
    try:
        return FuzzyDate(told.value + timedelta(days=expr.offset), "day")
    except OverflowError:
        return None


def _day_of_week(day: date, weeks: int, weekday: int) -> date:
    """ "Donnerstag vergangener Woche": that weekday in the week ``weeks`` away from ``day``'s."""
    monday = day - timedelta(days=day.weekday())
    return monday + timedelta(days=7 * weeks + weekday)
