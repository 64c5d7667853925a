"""One-pass dictionary matching of states, organizations, places and persons in German text.

All surface forms (names, aliases, genitives, adjective and demonym inflections, metonyms) go
into one Aho-Corasick automaton per knowledge base, built once and cached; a text is scanned
once, then each hit is checked against German word boundaries and the longest leftmost hits
win. Matching is case-sensitive on purpose: "EU" is not "eu", "Island" the state is not
"island" in a quote, and German capitalization tells nouns and names from adjectives.

Deliberate exceptions to word boundaries:

- hyphen compounds always count ("Nato-Mitglied", "SCO-Gipfel", "Ukraine-Krieg");
- closed compounds ("Chinareise", "Kremlangaben", "ZDFheute") count for state names,
  metonyms, places and organizations when the rest of the word is at least four lower-case
  letters; not for persons or adjectives, nor for spelled-out names of companies, media,
  government bodies and militaries ("Bundestagswahl" is no mention of the Bundestag);
- adjectives may carry a lower-case prefix from a short grammatical list ("antirussisch",
  "prorussisch", "nordchinesisch");
- glued words (etl.glue): a boundary is accepted inside "ModiIndiens", before a glued
  function word ("Jinpingder") and after a person's full name glued to any lower-case word
  ("Alexander Lukaschenkoausgehandelt");
- an organization's ``compound_prefixes`` ("Wagner") count only before a hyphen and a
  capital ("Wagner-Chef"), never alone.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import ahocorasick

from etl import glue
from etl.knowledge_base import KnowledgeBase

# Lower-case prefixes an adjective of nationality may carry inside one word.
ADJ_PREFIXES: frozenset[str] = frozenset(
    """anti pro nord süd ost west nordost nordwest südost südwest zentral mittel exil ex pan
    kontra""".split()
)
ADJ_ENDINGS = ("", "e", "en", "er", "es", "em")
COMPOUND_MIN_TAIL = 4

F_ADJ = 1  # lower-case adjective: prefix allowed, no closed compound
F_COMPOUND = 2  # closed compound allowed ("Chinareise")
F_HYPHEN_ONLY = 4  # only as the first part of a hyphen compound ("Wagner-Chef")
F_FULL_NAME = 8  # a person's full name: any glued lower-case tail is a lost space

KIND_PRIORITY = {"state": 0, "organization": 1, "place": 2, "person": 3}

# Organization kinds whose spelled-out names never head a closed compound: brand names start
# German words ("Intel" in "Intelligenz"), and institutions named by common nouns head
# compounds that name something else ("Bundestagswahl", "Bundesratsbeschluss" name an event).
NO_CLOSED_COMPOUND_KINDS = frozenset({"company", "media", "government", "military"})


@dataclass(frozen=True)
class Entry:
    kind: str
    key: str
    via: str
    flags: int = 0


@dataclass(frozen=True)
class GazMatch:
    """A hit of the gazetteer; ``keys`` has several persons when a surface is ambiguous."""

    start: int
    end: int
    surface: str
    kind: str
    keys: tuple[str, ...]
    via: str
    compound: bool = False


# ---------------------------------------------------------------------------- inflection


def adjective_forms(stem: str) -> list[str]:
    """Inflected forms of an adjective stem, lower-case and capitalized (sentence start)."""
    forms = [stem + e for e in ADJ_ENDINGS]
    caps = [f[0].upper() + f[1:] for f in forms if f[0].islower()]
    return forms + caps


def demonym_forms(base: str) -> list[str]:
    """Singular, plural and feminine forms of a demonym's masculine singular."""
    if base.endswith("e"):
        return [base, base + "n", base[:-1] + "in", base[:-1] + "innen"]
    if base.endswith("er"):
        return [base, base + "n", base + "s", base + "in", base + "innen"]
    if base[-1] in "aeiouy":
        return [base, base + "s"]
    return [base, base + "n", base + "en", base + "in", base + "innen"]


def _is_adjective_token(tok: str) -> bool:
    return tok[:1].isupper() and len(tok) > 4 and tok.endswith(("e", "er", "es", "en", "em"))


def _adj_stem(tok: str) -> str:
    for e in ("en", "er", "es", "em", "e"):
        if tok.endswith(e):
            return tok[: -len(e)]
    return tok


def genitive_forms(word: str) -> list[str]:
    """Genitive (and dative plural) forms of a name's head noun; upper-case abbreviations stay."""
    if word.isupper() or not word[-1:].isalpha():
        return [word]
    if word[-1] in "sxzß":
        return [word]
    forms = [word, word + "s"]
    if word[-1] not in "aeiouy":
        forms.append(word + "es")
    if word.endswith("e"):
        forms.append(word + "n")
    return forms


def name_forms(name: str) -> list[str]:
    """A name and its inflections: adjectives agree ("Vereinigten Arabischen Emirate"),
    the head noun takes genitive endings ("Chinas", "Europarats")."""
    tokens = name.split(" ")
    heads = genitive_forms(tokens[-1])
    if len(tokens) == 1:
        return heads
    pre = tokens[:-1]
    adj_idx = [i for i, t in enumerate(pre) if _is_adjective_token(t)]
    variants = [pre]
    if adj_idx:
        for ending in ADJ_ENDINGS[1:]:
            v = list(pre)
            for i in adj_idx:
                v[i] = _adj_stem(pre[i]) + ending
            variants.append(v)
    out = []
    for v in variants:
        for h in heads:
            out.append(" ".join([*v, h]))
    return list(dict.fromkeys(out))


def place_adjective_forms(name: str) -> list[str]:
    """Invariant adjectives of single-word city names: Moskau -> Moskauer, Peking -> Pekinger."""
    if " " in name or "-" in name or not name[-1:].isalpha():
        return []
    if name.endswith("e"):
        return [name + "r"]
    return [name + "er"]


# ---------------------------------------------------------------------------- automaton


def _entries(kb: KnowledgeBase) -> Iterator[tuple[str, Entry]]:
    for st in kb.states.values():
        for i, name in enumerate(st.names):
            via = "name" if i == 0 else "alias"
            for form in name_forms(name):
                yield form, Entry("state", st.code, via, F_COMPOUND)
        for stem in st.adjective_stems:
            for form in adjective_forms(stem):
                yield form, Entry("state", st.code, "adjective", F_ADJ if form[0].islower() else 0)
        for dem in st.demonyms:
            for form in demonym_forms(dem):
                yield form, Entry("state", st.code, "demonym", 0)
        for met in st.metonyms:
            for form in name_forms(met):
                yield form, Entry("state", st.code, "metonym", F_COMPOUND)
    for org in kb.organizations.values():
        for surface in org.surfaces:
            via = "name" if surface in (org.name, org.abbreviation) else "alias"
            abbrev = surface.isupper() or (surface == org.abbreviation)
            flags = F_COMPOUND if (len(surface) >= 4 or (abbrev and len(surface) >= 3)) else 0
            if org.kind in NO_CLOSED_COMPOUND_KINDS and not abbrev:
                flags = 0  # brand names start German words: "Intel" in "Intelligenz"
            for form in name_forms(surface) if not abbrev else [surface]:
                yield form, Entry("organization", org.key, via, flags)
        for prefix in org.compound_prefixes:
            yield prefix, Entry("organization", org.key, "alias", F_HYPHEN_ONLY)
    for place in kb.places.values():
        for i, name in enumerate((place.name, *place.aliases)):
            via = "name" if i == 0 else "alias"
            flags = F_COMPOUND if len(name) >= 4 else 0
            for form in name_forms(name):
                yield form, Entry("place", place.key, via, flags)
            if place.kind == "city":
                for form in place_adjective_forms(name):
                    yield form, Entry("place", place.key, "adjective", 0)
    for person in kb.persons.values():
        surfaces = [(person.name, "name")] + [
            (a, "alias") for a in (*person.aliases, *person.short)
        ]
        for surface, via in surfaces:
            flags = F_FULL_NAME if " " in surface else 0
            # "Von der Leyen hatte ...", "Al-Sisi sagte ...": a particle opening a sentence
            cased = [surface]
            if surface[0].islower():
                cased.append(surface[0].upper() + surface[1:])
            for name in cased:
                for form in (name, name + "s") if name[-1] not in "sxzß" else (name,):
                    yield form, Entry("person", person.key, via, flags)


@functools.lru_cache(maxsize=8)
def automaton(kb: KnowledgeBase) -> ahocorasick.Automaton:
    """The automaton over every surface of ``kb``; built once per knowledge base."""
    table: dict[str, dict[tuple[str, str], Entry]] = {}
    for surface, entry in _entries(kb):
        if len(surface) < 2:
            continue
        slot = table.setdefault(surface, {})
        old = slot.get((entry.kind, entry.key))
        if old is None or (old.via != "name" and entry.via == "name"):
            slot[(entry.kind, entry.key)] = entry
    auto = ahocorasick.Automaton()
    for surface, slot in table.items():
        auto.add_word(surface, (len(surface), tuple(slot.values())))
    auto.make_automaton()
    return auto


@functools.lru_cache(maxsize=8)
def surfaces(kb: KnowledgeBase) -> frozenset[str]:
    """Every surface in the automaton (for tests and diagnostics)."""
    return frozenset(automaton(kb).keys())


# ---------------------------------------------------------------------------- matching


def _left_ok(text: str, start: int, flags: int) -> bool:
    if start == 0 or not text[start - 1].isalnum():
        return True
    if glue.is_camel_boundary(text, start):
        return True
    if flags & F_ADJ:
        i = start
        while i > 0 and text[i - 1].isalpha():
            i -= 1
        return text[i:start].lower() in ADJ_PREFIXES
    return False


def _right_ok(text: str, start: int, end: int, flags: int) -> tuple[bool, bool]:
    """(accepted, is_closed_compound)."""
    if flags & F_HYPHEN_ONLY:
        return text[end : end + 1] == "-" and text[end + 1 : end + 2].isupper(), False
    if end >= len(text) or not text[end].isalnum():
        return True, False
    if glue.is_camel_boundary(text, end):
        return True, False
    tail = glue.word_tail(text, end)
    if text[start].isupper() and glue.is_glued_tail(tail) and _may_glue(text[start:end]):
        return True, False
    if flags & F_FULL_NAME and glue.is_glued_name_tail(tail):
        return True, False
    if flags & F_COMPOUND and len(tail) >= COMPOUND_MIN_TAIL and tail.islower():
        return True, True
    return False, False


GLUE_MIN_SURFACE = 4


def _may_glue(surface: str) -> bool:
    """Whether a function word glued to ``surface`` may be a lost space: not after a short
    name, whose glued form is mostly a word of its own ("Roman" is no "Rom an"); an
    abbreviation ("EUund") may."""
    return len(surface) >= GLUE_MIN_SURFACE or surface.isupper()


def _candidates(text: str, kb: KnowledgeBase) -> Iterator[GazMatch]:
    for end_idx, (length, entries) in automaton(kb).iter(text):
        start, end = end_idx - length + 1, end_idx + 1
        accepted: list[tuple[Entry, bool]] = []
        for e in entries:
            if not _left_ok(text, start, e.flags):
                continue
            ok, compound = _right_ok(text, start, end, e.flags)
            if ok:
                accepted.append((e, compound))
        if not accepted:
            continue
        best_kind = min((e.kind for e, _ in accepted), key=KIND_PRIORITY.__getitem__)
        chosen = [(e, c) for e, c in accepted if e.kind == best_kind]
        keys = tuple(dict.fromkeys(e.key for e, _ in chosen))
        compound = chosen[0][1]
        via = "compound" if compound else chosen[0][0].via
        yield GazMatch(start, end, text[start:end], best_kind, keys, via, compound)


def match(text: str, kb: KnowledgeBase) -> list[GazMatch]:
    """Non-overlapping longest-leftmost gazetteer hits in ``text``, in text order."""
    cands = sorted(_candidates(text, kb), key=lambda m: (m.start, -(m.end - m.start)))
    out: list[GazMatch] = []
    last_end = -1
    for m in cands:
        if m.start >= last_end:
            out.append(m)
            last_end = m.end
    return out


def match_surfaces(text: str, names: Iterable[tuple[str, str]]) -> list[tuple[int, int, str]]:
    """Whole-word hits of a few extra ``(surface, key)`` pairs (in-article aliases).

    Small per-article lists: a fresh automaton is cheaper than regexes and keeps one code
    path for boundaries.
    """
    auto = ahocorasick.Automaton()
    for surface, key in names:
        for form in (surface, surface + "s") if surface[-1] not in "sxzß" else (surface,):
            auto.add_word(form, (len(form), key))
    if not len(auto):
        return []
    auto.make_automaton()
    hits: list[tuple[int, int, str]] = []
    for end_idx, (length, key) in auto.iter(text):
        start, end = end_idx - length + 1, end_idx + 1
        if _left_ok(text, start, 0) and _right_ok(text, start, end, 0)[0]:
            hits.append((start, end, key))
    hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
    out: list[tuple[int, int, str]] = []
    last = -1
    for h in hits:
        if h[0] >= last:
            out.append(h)
            last = h[1]
    return out
