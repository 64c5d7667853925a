"""Find the word boundaries that scraping lost ("ModiIndiens", "Xi Jinpingder").

Scraped pages sometimes lose the space between two words where a line break or a link ended.
We never change the stored text: we only report positions *inside* a token where a boundary is
plausible, so that a mention's span can cover part of a glued token and offsets still point
into the original body.

Two signals, both cheap:

- a lower-case letter directly followed by an upper-case one ("ModiIndiens"): German words do
  not do that, except names like "McDonald" or brands; those are whole surfaces in the
  gazetteer and win there by being the longer match;
- a known name followed by a short German function word ("Jinpingder"): only after a
  gazetteer match, so a real compound ("Chinareise") is not split — "reise" is not a function
  word and compounds are handled as compounds;
- a known person's full name (two words or more) followed by any lower-case word
  ("Alexander Lukaschenkoausgehandelt"): nothing is compounded on a full name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from etl.facts import Mention

# Function words that follow a name in running text; a glued tail must be one of them exactly.
FUNCTION_WORDS: frozenset[str] = frozenset(
    """der die das den dem des ein eine einen einem einer eines und oder aber sowie in im
    ins an am auf aus bei beim mit nach von vom vor zu zum zur für über unter gegen ohne um
    ist sind war waren hat haben hatte wird wurde werden sagte sagt sich als wie wo dass
    nicht auch noch schon bereits""".split()
)

_CAMEL = re.compile(r"(?<=[a-zäöüß])(?=[A-ZÄÖÜ])")


def camel_boundaries(text: str) -> list[int]:
    """Offsets where a lower-case letter is directly followed by an upper-case one."""
    return [m.start() for m in _CAMEL.finditer(text)]


def is_camel_boundary(text: str, pos: int) -> bool:
    """True when a glued boundary is plausible at ``pos`` (between pos-1 and pos)."""
    return 0 < pos < len(text) and text[pos - 1].islower() and text[pos].isupper()


def word_tail(text: str, pos: int) -> str:
    """The letters from ``pos`` up to the end of the word."""
    end = pos
    n = len(text)
    while end < n and text[end].isalpha():
        end += 1
    return text[pos:end]


def is_glued_tail(tail: str) -> bool:
    """True when the rest of a token after a name is a function word glued to it."""
    return tail in FUNCTION_WORDS


GLUED_NAME_MIN_TAIL = 3


def is_glued_name_tail(tail: str) -> bool:
    """True when lower-case letters glued to a person's *full* name ("Jewgeni
    Prigoschinerstmals") are a lost space: German builds no compounds on a two-word name,
    and its inflection is a genitive "s", matched as its own form. Short tails ("Melonie")
    stay unsplit: they may be a different name or a typo."""
    return len(tail) >= GLUED_NAME_MIN_TAIL and tail.isalpha() and tail.islower()


def split_points(text: str, start: int, end: int) -> list[int]:
    """Camel-case split points strictly inside ``text[start:end]``."""
    return [start + p for p in camel_boundaries(text[start:end]) if p > 0]


def splits(text: str, mentions: Iterable[Mention]) -> list[int]:
    """Every boundary inside a token that glue hides: camel-case joints, and the end of a
    mention glued to a function word ("Jinpingder") or of a person's full name glued to any
    lower-case word ("Joe Bidenempfing"). Entities and events cut tokens at the same places,
    so a verb glued to a name is a verb for both."""
    out = set(camel_boundaries(text))
    for m in mentions:
        if m.end < len(text) and text[m.end].isalpha():
            tail = word_tail(text, m.end)
            if is_glued_tail(tail) or (
                m.kind == "person" and " " in m.surface and is_glued_name_tail(tail)
            ):
                out.add(m.end)
    return sorted(out)
