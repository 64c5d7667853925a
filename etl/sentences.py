"""Sentence splitting and tokenization of German news bodies, with offsets into the body.

Scraped bodies mix headlines without a final period, bullet lists ("  • ..."), quotes („…“
"…") and German abbreviations ("z. B.", "u. a.", "Dr.") and ordinal dates ("16. Mai") whose
periods do not end a sentence. Every line break ends a sentence: scraped text puts headlines,
captions and paragraphs on lines of their own, and a sentence that continues over a line break
is rare enough that splitting it costs less than merging a headline into the next sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from etl.facts import Mention, Sentence

# Lower-cased words that end with a period without ending the sentence.
ABBREVIATIONS: frozenset[str] = frozenset(
    """z.b u.a d.h v.a u.ä o.ä dr prof nr bzw ca mio mrd st vgl usw etc evtl ggf inkl sog jh
    jhd abs art hr fr mr mrs ms gen bd ebd co inc ltd str tel jan feb febr mär apr jun jul
    aug sep sept okt nov dez vs ggü max min dt engl franz russ chin lt gem bzgl mind rd
    bspw insb zzgl abzgl ehem stv gegr geb verh""".split()
)
MONTHS: frozenset[str] = frozenset(
    """Januar Jänner Februar März April Mai Juni Juli August September Oktober November
    Dezember Jan Feb Mär Apr Jun Jul Aug Sep Sept Okt Nov Dez""".split()
)
BULLETS = "•·▪►–—-*"

_END = re.compile(r"[.!?…]+[\"“”»«'’)\]]*(?=\s+[\"„“»«'‚(\[]?[A-ZÄÖÜ0-9])")
_WORD_BEFORE = re.compile(r"([\w.]+)$")  # kept for reference; `_is_boundary` scans by hand
_NEXT_WORD = re.compile(r"\s+(\w+)")
_TOKEN = re.compile(r"-?\w+(?:[-‐'’]\w+)*-?|[^\w\s]")


class Token(NamedTuple):
    start: int
    end: int
    text: str


_new = tuple.__new__  # builds a Token from a (start, end, text) tuple at C speed


def _line_spans(body: str) -> Iterable[tuple[int, int]]:
    """Non-blank lines without leading bullets and surrounding white space."""
    pos = 0
    for line in body.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        while start < end and (body[start].isspace() or body[start] in BULLETS):
            # a bullet or dash only counts when followed by white space ("- Text", "• Text")
            if body[start] in BULLETS and start + 1 < end and not body[start + 1].isspace():
                break
            start += 1
        while end > start and body[end - 1].isspace():
            end -= 1
        if end > start:
            yield start, end


def _is_boundary(text: str, match: re.Match[str]) -> bool:
    """Whether the punctuation in ``match`` really ends a sentence."""
    if text[match.start()] != ".":
        return True
    # Performance: the run of [\w.] characters ending at the punctuation, scanned backwards;
    # this is what ``_WORD_BEFORE.search(text, 0, match.start())`` finds, without the regex
    # retrying at every position of the line prefix (quadratic in the line length).
    # ``str.isalnum()`` is exactly ``\w`` minus "_" for Unicode strings.
    pos = match.start()
    i = pos
    while i > 0 and ((c := text[i - 1]).isalnum() or c == "_" or c == "."):
        i -= 1
    if i == pos:
        return True
    word = text[i:pos]
    low = word.lower().rstrip(".")
    if low in ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
        return False
    if "." in word and all(len(p) <= 2 for p in word.split(".") if p):  # "z.B", "U.S"
        return False
    if len(word) > 1 and _ROMAN.fullmatch(word) and _regnal(text, i, match.end()):
        return False  # "empfing Leo XIV. Selenskyj": a regnal number, not a sentence end
    if word.isdigit():
        nxt = _NEXT_WORD.match(text, match.end())
        if nxt and nxt.group(1) in MONTHS:
            return False
        if len(word) <= 2 and nxt and not nxt.group(1)[0].isupper():
            return False
        if len(word) <= 2 and nxt and nxt.group(1)[0].isdigit():
            return False
        if len(word) <= 3 and _ordinal_context(text, i):  # "das 31. Mitglied", "als 2. Land"
            return False
    return True


_ROMAN = re.compile(r"(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})")
_NAME_LOWER = frozenset("abcdefghijklmnopqrstuvwxyzäöüß")
_NAME_UPPER = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÜ")
# Words that open a new sentence after "Leo XIV." rather than continue the clause.
SENTENCE_OPENERS: frozenset[str] = frozenset(
    """er sie es der die das den dem des ein eine einen wir ich man dies diese dieser dieses
    am im in auf nach bei mit zu zum zur vor seit von aus für über unter damit dabei dazu
    zudem auch doch aber als wie was wer wo bereits noch schon dann danach später zuvor
    so nun trotz während""".split()
)


def _regnal(text: str, word_start: int, after: int) -> bool:
    """A Roman numeral right after a capitalised name ("Leo XIV.", "Karl III.") that a word
    other than a sentence opener follows: the number belongs to the name."""
    if not _name_before(text, word_start):
        return False
    nxt = _NEXT_WORD.match(text, after)
    return bool(nxt) and nxt.group(1).lower() not in SENTENCE_OPENERS


def _name_before(text: str, end: int) -> bool:
    """A capitalised word ("Leo") and whitespace right before ``end``, scanned backwards (a
    regex searched from the line start would retry at every position)."""
    i = end
    while i > 0 and text[i - 1].isspace():
        i -= 1
    if i == end:
        return False
    j = i
    while j > 0 and text[j - 1] in _NAME_LOWER:
        j -= 1
    return j < i and j > 0 and text[j - 1] in _NAME_UPPER


# Words after which "<number>." is an ordinal ("das 31. Mitglied", "zum 75. Jahrestag").
ORDINAL_BEFORE: frozenset[str] = frozenset(
    """der die das den dem des ein eine einer einem als zum zur am im vom beim seit bis
    seinem seiner seines seine ihrem ihrer ihres ihre sein ihr dessen deren jedes jeder
    jede jedem""".split()
)


def _ordinal_context(text: str, pos: int) -> bool:
    """Whether the word before position ``pos`` makes a following number an ordinal."""
    j = pos
    while j > 0 and text[j - 1] == " ":
        j -= 1
    i = j
    while i > 0 and text[i - 1].isalpha():
        i -= 1
    return text[i:j].lower() in ORDINAL_BEFORE


def split_sentences(body: str) -> list[Sentence]:
    """Sentences of ``body`` with character offsets into it (pure; no text is altered)."""
    out: list[Sentence] = []
    for line_start, line_end in _line_spans(body):
        line = body[line_start:line_end]
        start = 0
        for m in _END.finditer(line):
            if not _is_boundary(line, m):
                continue
            end = m.end()
            _append(out, body, line_start + start, line_start + end)
            start = end
        _append(out, body, line_start + start, line_end)
    return out


def _append(out: list[Sentence], body: str, start: int, end: int) -> None:
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(len(out), start, end, body[start:end]))


def tokenize(
    text: str, start: int = 0, end: int | None = None, splits: Sequence[int] = ()
) -> list[Token]:
    """Tokens of ``text[start:end]``; ``splits`` are extra boundaries inside words (glue)."""
    end = len(text) if end is None else end
    if not splits:
        # Performance: tuple.__new__ skips NamedTuple's Python-level __new__ (same Token).
        return [
            _new(Token, (m.start(), m.end(), m.group())) for m in _TOKEN.finditer(text, start, end)
        ]
    spans = [m.span() for m in _TOKEN.finditer(text, start, end)]
    cuts = sorted(splits)
    tokens: list[Token] = []
    ci, nc = 0, len(cuts)
    for s, e in spans:
        while ci < nc and cuts[ci] <= s:
            ci += 1
        k = ci
        while k < nc and cuts[k] < e:
            tokens.append(_new(Token, (s, cuts[k], text[s : cuts[k]])))
            s = cuts[k]
            k += 1
        tokens.append(_new(Token, (s, e, text[s:e])))
    return tokens


def sentence_index(sentences: Sequence[Sentence], offset: int) -> int:
    """Index of the sentence containing ``offset`` (the preceding one if between sentences)."""
    lo, hi = 0, len(sentences)
    while lo < hi:  # bisect on .start without building a list per call
        mid = (lo + hi) // 2
        if sentences[mid].start <= offset:
            lo = mid + 1
        else:
            hi = mid
    return max(lo - 1, 0)


@dataclass(slots=True)
class Unit:
    """A token, or the tokens one mention covers, with the mentions inside it.

    ``prefix``/``suffix`` are the parts of the unit outside its mentions: "Nato-Mitglied"
    is one unit with the NATO mention and the suffix "Mitglied"; "Kremlchef" has the Kreml
    mention and the suffix "chef". Not frozen: units are built by the thousand per article
    and a frozen dataclass's __init__ is several times slower; treat them as read-only.
    """

    start: int
    end: int
    text: str
    mentions: tuple[Mention, ...] = ()
    prefix: str = ""
    suffix: str = ""
    lower: str = ""

    @property
    def mention(self) -> Mention | None:
        return self.mentions[0] if self.mentions else None

    def of_kind(self, kind: str) -> Mention | None:
        for m in self.mentions:
            if m.kind == kind:
                return m
        return None


def build_units(
    body: str, sentence: Sentence, tokens: Sequence[Token], mentions: Sequence[Mention]
) -> list[Unit]:
    """Units of one sentence: tokens merged where a mention spans several of them.

    ``tokens`` and ``mentions`` may cover more than the sentence (only those starting inside
    it are used); mentions must be sorted by start. A hyphen-initial token right after a
    mention (scraped "Nato -Mitglied") joins it as its suffix.
    """
    toks = [t for t in tokens if sentence.start <= t.start < sentence.end]
    ms = [m for m in mentions if sentence.start <= m.start < sentence.end]
    units: list[Unit] = []
    i, mi, n, nm = 0, 0, len(toks), len(ms)
    while i < n:
        t = toks[i]
        while mi < nm and ms[mi].end <= t.start:
            mi += 1
        if mi >= nm or ms[mi].start >= t.end:
            prev = units[-1] if units else None
            if (
                prev is not None
                and prev.mentions
                and not prev.suffix
                and t.text.startswith("-")
                and prev.end < t.start
            ):
                prev.end = t.end
                prev.text = body[prev.start : t.end]
                prev.suffix = t.text.lstrip("-")
                prev.lower = prev.text.lower()
            else:
                units.append(Unit(t.start, t.end, t.text, lower=t.text.lower()))
            i += 1
            continue
        k = mi
        end = t.end
        while k < nm and ms[k].start < end:
            end = max(end, ms[k].end)
            k += 1
        j = i
        while j + 1 < n and toks[j + 1].start < end:
            j += 1
            end = max(end, toks[j].end)
            while k < nm and ms[k].start < end:
                end = max(end, ms[k].end)
                k += 1
        start, stop = t.start, toks[j].end
        inside = tuple(ms[mi:k])
        first = min(m.start for m in inside)
        last = max(m.end for m in inside)
        text = body[start:stop]
        units.append(
            Unit(
                start,
                stop,
                text,
                inside,
                body[start:first],
                body[last:stop].lstrip("-"),
                text.lower(),
            )
        )
        mi = k
        i = j + 1
    return units
