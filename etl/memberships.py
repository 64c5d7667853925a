"""Memberships of states in organizations, as an article asserts them.

Rules over the units of a sentence (tokens with their gazetteer mentions), one function per
German construction:

- attributive compound: "das Nato-Mitglied Türkei", "die EU-Staaten Ungarn und Polen";
- predicative: "Belarus ist neues Mitglied der SCO", "X ist SCO-Mitglied";
- gehören/zählen: "Zur SCO gehören auch Indien, Pakistan ...", "X und Y gehören der Nato an";
- accession completed: "die Aufnahme von X in die Gruppe" with a completion verb;
- composition: "ein Club aus Russland, China ...", "hat sich um Indien und Iran erweitert";
- examples: "Dialogpartner wie die Türkei", "Beobachter, darunter die Mongolei";
- chair: "X, der den SCO-Vorsitz hat", "dessen Land die EU-Ratspräsidentschaft innehat";
- "Russland und weitere Mitgliedstaaten".

A negation inside the construction ("ist bisher nicht SCO-Mitglied") asserts nothing, and a
planned accession ("der geplante Nato-Beitritt") is not a membership. The word lists (function
words, membership nouns, cue verbs) are reviewed data in ``knowledge/memberships.yaml``, loaded
once at import into the module-level sets and maps below.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from etl.facts import MEMBERSHIP_KINDS, Evidence, FuzzyDate, MembershipFact, PersonRef, Sentence
from etl.knowledge_base import KnowledgeBase, KnowledgeLoader
from etl.sentences import Unit

LEXICON_PATH = Path(__file__).with_name("knowledge") / "memberships.yaml"
# Kinds of organization whose members this module extracts (knowledge-base schema, not lexicon).
MEMBER_ORG_KINDS = frozenset({"intergovernmental", "military_alliance", "forum", "court"})

# The keys of the lexicon file: plain word lists, and maps that group words by a kind of
# membership (a value of MembershipFact.kind) or, for group nouns, by their base form.
_WORD_LIST_KEYS = (
    "negations status_verbs join_verbs join_split_verbs exit_verbs exit_split_verbs invited "
    "former planned completed copulas gehoeren adverbs gehoeren_extra_adverbs example_markers "
    "accession_nouns group_references chair_nouns chair_verbs fillers host_verbs "
    "apposition_adverbs singular_member_nouns relative talks not_subject org_dets example_groups "
    "pronouns summit_nouns articles state_anaphors both state_plurals membership_context"
).split()
_KIND_MAP_KEYS = ("member_nouns", "compound_member_nouns", "status_nouns")
_BASE_MAP_KEYS = ("group_noun_forms",)


class LexiconError(ValueError):
    """The memberships lexicon file is unreadable, lacks a key or holds an invalid value."""


@dataclass(frozen=True)
class Lexicon:
    words: Mapping[str, frozenset[str]]  # key -> word set
    maps: Mapping[str, dict[str, str]]  # key -> {word: kind or base}, in file order


class _StrictLoader(KnowledgeLoader):
    """The knowledge files' YAML loader, refusing a key given twice (plain YAML keeps the last
    one silently)."""


def _no_duplicate_keys(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    seen = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"key {key!r} given twice", key_node.start_mark
            )
        seen.add(key)
    return loader.construct_mapping(node)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _no_duplicate_keys)


def _word_list(path: Path, key: str, value: Any) -> list[str]:
    if not isinstance(value, list) or not value:
        raise LexiconError(f"{path}: {key!r} must be a non-empty list of words, not {value!r}")
    for w in value:
        if not isinstance(w, str) or not w or w != w.strip() or w != w.lower():
            raise LexiconError(f"{path}: {key!r}: {w!r} is not a lower-case word")
    twice = sorted({w for w in value if value.count(w) > 1})
    if twice:
        raise LexiconError(f"{path}: {key!r} lists {', '.join(twice)} twice")
    return value


def _grouped(path: Path, key: str, value: Any, groups: Sequence[str] | None) -> dict[str, str]:
    """``{group: [word, ...]}`` from the file as ``{word: group}``, in file order."""
    if not isinstance(value, dict) or not value:
        raise LexiconError(f"{path}: {key!r} must be a non-empty map of word lists")
    out: dict[str, str] = {}
    for group, words in value.items():
        if not isinstance(group, str) or (groups is not None and group not in groups):
            allowed = f" (one of {', '.join(groups)})" if groups is not None else ""
            raise LexiconError(f"{path}: {key!r}: invalid group {group!r}{allowed}")
        for w in _word_list(path, f"{key}.{group}", words):
            if w in out:
                raise LexiconError(f"{path}: {key!r}: {w!r} is under both {out[w]!r} and {group!r}")
            out[w] = group
    return out


def load_lexicon(path: Path = LEXICON_PATH) -> Lexicon:
    """Read and check the word lists of ``path``; a missing, unknown or malformed key raises
    LexiconError naming the file and the key."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_StrictLoader)
    except OSError as e:
        raise LexiconError(f"{path}: cannot read the memberships lexicon: {e}") from e
    except yaml.YAMLError as e:
        raise LexiconError(f"{path}: invalid YAML: {e}") from e
    if not isinstance(data, dict):
        raise LexiconError(f"{path}: expected a map of word lists, found {type(data).__name__}")
    expected = [*_WORD_LIST_KEYS, *_KIND_MAP_KEYS, *_BASE_MAP_KEYS]
    missing = [k for k in expected if k not in data]
    if missing:
        raise LexiconError(f"{path}: missing key(s): {', '.join(missing)}")
    unknown = sorted(str(k) for k in data if k not in expected)
    if unknown:
        raise LexiconError(f"{path}: unknown key(s): {', '.join(unknown)}")
    maps = {k: _grouped(path, k, data[k], MEMBERSHIP_KINDS) for k in _KIND_MAP_KEYS}
    maps |= {k: _grouped(path, k, data[k], None) for k in _BASE_MAP_KEYS}
    return Lexicon(
        words={k: frozenset(_word_list(path, k, data[k])) for k in _WORD_LIST_KEYS}, maps=maps
    )


_LEXICON = load_lexicon()
_W = _LEXICON.words
NEGATIONS = _W["negations"]
# Membership nouns (word -> kind); the compound-only ones count only after an organization prefix.
MEMBER_NOUNS: Mapping[str, str] = _LEXICON.maps["member_nouns"]
COMPOUND_MEMBER_NOUNS: Mapping[str, str] = _LEXICON.maps["compound_member_nouns"]
STATUS_NOUNS: Mapping[str, str] = _LEXICON.maps["status_nouns"]
STATUS_VERBS = _W["status_verbs"]
JOIN_VERBS = _W["join_verbs"]
JOIN_SPLIT_VERBS = _W["join_split_verbs"]
EXIT_VERBS = _W["exit_verbs"]
EXIT_SPLIT_VERBS = _W["exit_split_verbs"]
INVITED = _W["invited"]
# Group nouns that refer back to an organization named before: form -> base.
GROUP_NOUN_FORMS: Mapping[str, str] = _LEXICON.maps["group_noun_forms"]
FORMER = _W["former"]
PLANNED = _W["planned"]
COMPLETED = _W["completed"]
COPULAS = _W["copulas"]
GEHOEREN = _W["gehoeren"]
ADVERBS = _W["adverbs"]
GEHOEREN_ADVERBS = ADVERBS | _W["gehoeren_extra_adverbs"]
EXAMPLE_MARKERS = _W["example_markers"]
EXAMPLE_GROUPS = _W["example_groups"]
ACCESSION_NOUNS = _W["accession_nouns"]
GROUP_REFERENCES = _W["group_references"]
CHAIR_NOUNS = _W["chair_nouns"]
CHAIR_VERBS = _W["chair_verbs"]
FILLERS = _W["fillers"]
HOST_VERBS = _W["host_verbs"]
SUMMIT_NOUNS = _W["summit_nouns"]
ARTICLES = _W["articles"]
APPOSITION_ADVERBS = _W["apposition_adverbs"]
SINGULAR_MEMBER_NOUNS = _W["singular_member_nouns"]
RELATIVE = _W["relative"]
TALKS = _W["talks"]
NOT_SUBJECT = _W["not_subject"]
ORG_DETS = _W["org_dets"]
PRONOUNS = _W["pronouns"]
STATE_ANAPHORS = _W["state_anaphors"]
BOTH = _W["both"]
STATE_PLURALS = _W["state_plurals"]
MEMBERSHIP_CONTEXT = _W["membership_context"]
MAX_GAP = 4
_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")


@dataclass(frozen=True)
class _Ctx:
    sentence: Sentence
    units: Sequence[Unit]
    kb: KnowledgeBase
    published: FuzzyDate | None
    recent: tuple[str, ...] = ()  # member organizations of the sentences before, in order
    prev_subject: str | None = None  # state opening the sentence before ("Albanien ist ...")
    # the two states the article has named most so far, for "beide Länder" (most first)
    pair: tuple[str, ...] = ()


def _member_org(u: Unit, kb: KnowledgeBase) -> str | None:
    if not u.mentions:  # performance: most units have none; called for every unit and rule
        return None
    m = u.of_kind("organization")
    if m is None:
        return None
    org = kb.organizations.get(m.key)
    return m.key if org is not None and org.kind in MEMBER_ORG_KINDS else None


def _state(u: Unit) -> str | None:
    m = u.of_kind("state")
    return m.key if m is not None and m.via in ("name", "alias") and not u.suffix else None


def _attributive(u: Unit, kb: KnowledgeBase) -> bool:
    if u.lower.startswith("nicht"):  # "Nicht-EU-Mitglied Norwegen"
        return False
    return _member_org(u, kb) is not None and u.suffix.lower() in {
        **MEMBER_NOUNS,
        **COMPOUND_MEMBER_NOUNS,
    }


def _filler(u: Unit, kb: KnowledgeBase) -> bool:
    if u.lower in FILLERS or u.text in kb.group_nouns or u.lower in GROUP_NOUN_FORMS:
        return True
    if u.mentions:
        return _attributive(u, kb) or all(m.via == "adjective" for m in u.mentions)
    return (
        u.text[:1].islower()
        and u.text.endswith(("e", "en", "er", "es", "em"))
        and u.lower not in NEGATIONS
    )


def _enum(units: Sequence[Unit], i: int, step: int, kb: KnowledgeBase) -> list[tuple[str, int]]:
    """States listed from unit ``i`` on in direction ``step`` (+1/-1): (code, unit index)."""
    out: list[tuple[str, int]] = []
    gap = 0
    j = i
    while 0 <= j < len(units):
        u = units[j]
        code = _state(u)
        if code is not None:
            if code not in {c for c, _ in out}:
                out.append((code, j))
            gap = 0
        elif _filler(u, kb) and gap < MAX_GAP:
            gap += 1
        else:
            break
        j += step
    return out


def _negated(units: Sequence[Unit], lo: int, hi: int) -> bool:
    return any(u.lower in NEGATIONS for u in units[max(lo, 0) : hi + 1])


def _evidence(ctx: _Ctx, lo: int, hi: int) -> Evidence:
    a, b = ctx.units[lo], ctx.units[hi]
    body_text = ctx.sentence.text
    s, e = a.start, b.end
    return Evidence(
        ctx.sentence.index, s, e, body_text[s - ctx.sentence.start : e - ctx.sentence.start]
    )


def _facts(
    ctx: _Ctx,
    states: list[tuple[str, int]],
    org: str,
    kind: str,
    trigger: int,
    since: FuzzyDate | None = None,
) -> list[MembershipFact]:
    out = []
    for code, j in states:
        lo, hi = min(j, trigger), max(j, trigger)
        out.append(MembershipFact(code, org, kind, since, _evidence(ctx, lo, hi)))  # type: ignore[arg-type]
    return out


def _since(
    units: Sequence[Unit], lo: int, hi: int, published: FuzzyDate | None
) -> FuzzyDate | None:
    from datetime import date

    window = units[max(lo, 0) : hi + 1]
    for k, u in enumerate(window[:-1]):
        if u.lower == "seit" and _YEAR.match(window[k + 1].text):
            return FuzzyDate(date(int(window[k + 1].text), 1, 1), "year")
    if any(u.lower.startswith("neu") for u in window) and published is not None:
        return published
    return None


def _sentence_org(ctx: _Ctx) -> str | None:
    orgs = [_member_org(u, ctx.kb) for u in ctx.units if not _attributive(u, ctx.kb)]
    orgs = [o for o in orgs if o]
    return orgs[0] if len(set(orgs)) == 1 else None


def _fits(base: str, org_key: str, kb: KnowledgeBase) -> bool:
    """Whether a group noun ("Bündnis", "Gruppe", "Gremium") can refer to an organization."""
    org = kb.organizations.get(org_key)
    if org is None:
        return False
    names = [n.lower() for n in org.surfaces]
    if base == "bündnis":
        return org.kind == "military_alliance" or any(
            "bündnis" in n or "allianz" in n for n in names
        )
    if base in ("gruppe", "club"):
        return org.kind == "forum" or any("gruppe" in n for n in names)
    if base == "gremium":
        return any(n.endswith("rat") for n in names)
    if base == "gericht":
        return org.kind == "court"
    if base == "union":
        return any("union" in n for n in names)
    if base == "gemeinschaft":
        return org.kind in ("intergovernmental", "forum")
    return org.kind in MEMBER_ORG_KINDS  # "Organisation"


def _compound_group(word: str) -> str | None:
    """Base of a closed compound ending in a group noun ("Wirtschaftsgemeinschaft")."""
    if not word.isalpha():
        return None
    for form in ("gemeinschaft", "bündnis", "bündnisses", "allianz", "organisation"):
        if word.endswith(form) and len(word) > len(form) + 3:
            return GROUP_NOUN_FORMS[form]
    return None


def _group_org(ctx: _Ctx, i: int) -> str | None:
    """The organization a group noun at unit ``i`` refers back to: the latest one mentioned
    before it (earlier in the sentence or in the article) that the noun can name."""
    u = ctx.units[i]
    if u.mentions:
        return None
    base = GROUP_NOUN_FORMS.get(u.lower) or _compound_group(u.lower)
    if base is None:
        return None
    before = [o for o in (_member_org(v, ctx.kb) for v in ctx.units[:i]) if o]
    for org in reversed([*ctx.recent, *before]):
        if _fits(base, org, ctx.kb):
            return org
    return None


def _org_after(ctx: _Ctx, i: int, span: int = 4) -> str | None:
    """Organization of a prepositional or genitive phrase right after unit ``i``
    ("Mitglied der Nato", "in das Bündnis", "des Gremiums", "bei der SCO")."""
    units = ctx.units
    if i + 1 >= len(units) or units[i + 1].lower not in (
        "der", "des", "im", "in", "bei", "beim", "von", "zur", "zum", "dem",
    ):  # fmt: skip
        return None
    for k in range(i + 1, min(i + 1 + span, len(units))):
        org = _member_org(units[k], ctx.kb) or _group_org(ctx, k)
        if org:
            return org
        if units[k].text in (",", ".", ";", ":") or units[k].mentions:
            return None
    return None


def _subject_before(units: Sequence[Unit], i: int, span: int = 12) -> tuple[str, int] | None:
    """The nearest state named before unit ``i`` in the same clause."""
    for k in range(i - 1, max(-1, i - span), -1):
        u = units[k]
        if u.text in (",", ";", ":", "–", "(", ")", "„", "“"):
            # a relative clause right after its state: "Russland, das als Mitglied ..."
            if u.text == "," and k + 1 < i and units[k + 1].lower in RELATIVE and k > 0:
                code = _state(units[k - 1])
                if code:
                    return code, k - 1
            return None
        code = _state(u)
        m = u.of_kind("state")
        if code is None and m is not None and m.via == "metonym" and not u.suffix:
            code = m.key  # "Kiew bemüht sich als Beitrittskandidat ..."
        if code:
            return code, k
    return None


# ---------------------------------------------------------------------------- rules


def _attributive_rule(ctx: _Ctx, salient: str | None) -> list[MembershipFact]:
    out = []
    for i, u in enumerate(ctx.units):
        org = _member_org(u, ctx.kb)
        if org and u.lower.endswith(("-staaten", "-länder")) and not u.suffix:
            # an alias naming the members: "die Brics-Staaten Brasilien, Russland und Indien"
            if i + 1 < len(ctx.units) and _state(ctx.units[i + 1]):
                if not _negated(ctx.units, max(0, i - 2), i):
                    states = _enum(ctx.units, i + 1, 1, ctx.kb)
                    out += _facts(ctx, states, org, "member", i)
            continue
        if not _attributive(u, ctx.kb):
            continue
        kind = {**COMPOUND_MEMBER_NOUNS, **MEMBER_NOUNS}[u.suffix.lower()]
        head = _apposition(ctx.units, i)
        if head is not None:  # "Die Türkei, selbst Nato-Mitglied, ..."
            out += _facts(ctx, [(_state(ctx.units[head]), i)], org, kind, i)  # type: ignore[list-item, arg-type]
            continue
        before = [v.lower for v in ctx.units[max(0, i - 2) : i]]
        if any(b in NEGATIONS for b in before) or any(b in PLANNED for b in before):
            continue
        if any(b in FORMER for b in before):
            kind = "former_member"
        if i + 1 < len(ctx.units) and _state(ctx.units[i + 1]):
            out += _facts(ctx, _enum(ctx.units, i + 1, 1, ctx.kb), org, kind, i)  # type: ignore[arg-type]
            continue
        m = i + 2 if i + 2 < len(ctx.units) and ctx.units[i + 1].text == "," else i + 1
        if m < len(ctx.units) and ctx.units[m].lower in EXAMPLE_MARKERS:
            # "EU-Staaten wie Ungarn und Polen", "die Nato-Länder, darunter Norwegen"
            states = _enum(ctx.units, m + 1, 1, ctx.kb)
            if states and not _negated(ctx.units, max(0, i - 3), states[-1][1]):
                out += _facts(ctx, states, org, kind, i)  # type: ignore[arg-type]
            continue
        if i == 1 and ctx.prev_subject and _anaphoric(ctx.units, i):
            # "Albanien ist Beitrittskandidat der EU. Das Nato-Land gilt als ..."
            out += _facts(ctx, [(ctx.prev_subject, i)], org, kind, i)  # type: ignore[arg-type]
    return out


def _apposition(units: Sequence[Unit], i: int) -> int | None:
    """Index of the state an attributive member noun at ``i`` stands in apposition to
    ("Die Türkei, selbst Nato-Mitglied, ..."), or None."""
    k = i - 1
    while k >= 0 and units[k].lower in APPOSITION_ADVERBS:
        k -= 1
    if k < 1 or units[k].text != "," or i + 1 >= len(units) or units[i + 1].text != ",":
        return None
    return k - 1 if _state(units[k - 1]) else None


def _anaphoric(units: Sequence[Unit], i: int) -> bool:
    """A sentence opening with "Das Nato-Land" / "Der EU-Staat" (singular, definite, no
    state after it) names the state that opened the sentence before."""
    return (
        units[0].text in ("Das", "Der")
        and units[i].suffix.lower() in SINGULAR_MEMBER_NOUNS
        and not (i + 1 < len(units) and units[i + 1].mentions)
    )


def _predicative_rule(ctx: _Ctx, salient: str | None) -> list[MembershipFact]:
    units, out = ctx.units, []
    for i, u in enumerate(units):
        kind, org = None, None
        extra: tuple[str, ...] = ()
        if u.lower in MEMBER_NOUNS:
            kind = MEMBER_NOUNS[u.lower]
            if i + 1 >= len(units) or units[i + 1].lower not in (
                "der", "des", "im", "in", "bei", "von",
            ):  # fmt: skip
                if kind == "candidate":  # "Georgien wird Beitrittskandidat"
                    org = _sentence_org(ctx) or salient
                    if org is not None:
                        out += _predicate(ctx, i, org, kind, ())
                continue
            for k in range(i + 1, min(i + 9, len(units))):
                org = _member_org(units[k], ctx.kb) or _group_org(ctx, k)
                if org or units[k].text in (",", ".", ";"):
                    break
            if org is None:
                continue
            extra = _coordinated_orgs(ctx, k)
        elif _attributive(u, ctx.kb) and not (i + 1 < len(units) and _state(units[i + 1])):
            org, kind = _member_org(u, ctx.kb), MEMBER_NOUNS.get(u.suffix.lower())
        if not org or not kind:
            continue
        out += _predicate(ctx, i, org, kind, extra)
    return out


def _coordinated_orgs(ctx: _Ctx, k: int) -> tuple[str, ...]:
    """Organizations coordinated after the one at unit ``k``: "Mitglied der EU und der Nato"."""
    units, out = ctx.units, []
    j = k + 1
    while j + 1 < len(units) and units[j].lower in ("und", "sowie", ","):
        j += 1
        if units[j].lower in ("der", "des", "dem", "im"):
            j += 1
        org = _member_org(units[j], ctx.kb) if j < len(units) else None
        if org is None:
            break
        out.append(org)
        j += 1
    return tuple(out)


def _predicate(
    ctx: _Ctx, i: int, org: str, kind: str, extra: tuple[str, ...]
) -> list[MembershipFact]:
    """Facts of a membership noun at unit ``i`` with its copula before it ("Ungarn ist
    Mitglied der EU"), or in a relative clause after the state ("Russland, das Mitglied der
    Wirtschaftsgemeinschaft ist")."""
    units = ctx.units
    cop = next((k for k in range(i - 1, max(-1, i - 9), -1) if units[k].lower in COPULAS), None)
    if cop is None:
        r = i - 1
        while r >= 0 and units[r].text[:1].islower() and units[r].lower not in RELATIVE:
            r -= 1
        if r < 2 or units[r].lower not in RELATIVE or units[r - 1].text != ",":
            return []
        code = _state(units[r - 2])
        after = next(
            (k for k in range(i + 1, min(i + 8, len(units))) if units[k].lower in COPULAS), None
        )
        if code is None or after is None or _negated(units, r, after):
            return []
        if any(units[k].lower in PLANNED | FORMER for k in range(r, after)):
            return []
        return [
            f
            for o in (org, *extra)
            for f in _facts(ctx, [(code, r - 2)], o, kind, i)  # type: ignore[arg-type]
        ]
    return [f for o in (org, *extra) for f in _copula_facts(ctx, i, cop, o, kind)]


def _copula_facts(ctx: _Ctx, i: int, cop: int, org: str, kind: str) -> list[MembershipFact]:
    units, out = ctx.units, []
    states = _enum(units, cop - 1, -1, ctx.kb)
    if not states:  # verb second: "Bisher war Südafrika das einzige Mitglied der Gruppe"
        states = [(c, j) for c, j in _enum(units, cop + 1, 1, ctx.kb) if j < i]
    if not states:
        states = _both(ctx, cop)  # "Beide Staaten sind Mitglieder der OECD"
    if not states:
        return out
    if _negated(units, min(j for _, j in states), i):
        if not _no_longer(units, i):
            return out
        kind = "former_member"  # "ist seit 2020 kein Mitglied der EU mehr"
    if any(units[k].lower in PLANNED for k in range(cop, i)):
        return out
    if any(units[k].lower in FORMER for k in range(cop, i)):
        kind = "former_member"
    lo = min(cop, *(j for _, j in states)) - 2
    since = _since(units, lo, i, ctx.published) if kind in ("member", "former_member") else None
    out += _facts(ctx, states, org, kind, i, since)
    return out


def _no_longer(units: Sequence[Unit], i: int) -> bool:
    """ "kein Mitglied der EU mehr", "nicht mehr Mitglied": the negated membership noun at
    ``i`` is a past one."""
    if i >= 2 and units[i - 1].lower == "mehr" and units[i - 2].lower == "nicht":
        return True
    end = _clause_bounds(units, i, i)[1]
    return any(u.lower == "mehr" for u in units[i + 1 : end + 1])


def _talks_rule(ctx: _Ctx, salient: str | None) -> list[MembershipFact]:
    """ "Beitrittsverhandlungen mit der Ukraine und Moldau": a state in accession talks is a
    candidate of the organization (a compound prefix, the sentence's or the article's)."""
    units, out = ctx.units, []
    for i, u in enumerate(units):
        noun = u.suffix.lower() if u.mentions else u.lower
        if noun not in TALKS or i + 1 >= len(units) or units[i + 1].lower != "mit":
            continue
        org = (_member_org(u, ctx.kb) if u.mentions else None) or _sentence_org(ctx) or salient
        states = _enum(units, i + 2, 1, ctx.kb)
        if org is None or not states or _negated(units, max(0, i - 3), states[-1][1]):
            continue
        out += _facts(ctx, states, org, "candidate", i)
    return out


def _list_item_rule(ctx: _Ctx, salient: str | None) -> list[MembershipFact]:
    """A list item "Georgien: Status eines Beitrittskandidaten" / "Finnland: Mitglied seit
    2023": a state, a colon, then a membership noun and nothing planned or negated."""
    units = ctx.units
    if len(units) < 3 or len(units) > 10 or units[1].text != ":":
        return []
    code = _state(units[0])
    if code is None or _negated(units, 0, len(units) - 1):
        return []
    if any(u.lower in PLANNED or u.lower in FORMER or u.lower in ACCESSION_NOUNS for u in units):
        return []
    for i, u in enumerate(units[2:], 2):
        kind = MEMBER_NOUNS.get(u.lower) or STATUS_NOUNS.get(u.lower)
        if kind is None:
            continue
        org = _org_after(ctx, i) or _sentence_org(ctx) or salient
        if org is not None:
            return _facts(ctx, [(code, 0)], org, kind, i)
    return []


def _org_with_det(ctx: _Ctx, k: int, window: int = 3) -> str | None:
    """Member organization at unit ``k`` governed by a determiner or "zur" at most
    ``window`` units before it ("der Nato", "dem von Russland geführten Militärbündnis")."""
    v = ctx.units[k]
    o = _member_org(v, ctx.kb) or _group_org(ctx, k)
    if o is None or _attributive(v, ctx.kb):
        return None
    for w in reversed(ctx.units[max(0, k - window) : k]):
        if w.lower in ORG_DETS:
            return o
        if w.text in (",", ";", ":"):
            return None
    if k > 0 and ctx.units[k - 1].text == "(":  # "Wirtschaftsunion (EAWU)"
        return o
    return None


def _orgs_after_verb(ctx: _Ctx, i: int) -> list[tuple[str, int]]:
    """Organizations of the object after a gehören verb up to its particle or the clause end,
    coordinated ones included ("gehört der EAWU und dem Militärbündnis OVKS an")."""
    out: list[tuple[str, int]] = []
    for k in range(i + 1, len(ctx.units)):
        u = ctx.units[k]
        if u.lower == "an" or u.text in (";", ".", ":"):
            break
        if u.text == "," and out:
            break
        o = _org_with_det(ctx, k, 5)
        if o and o not in {x for x, _ in out}:
            out.append((o, k))
    return out


def _coordinated_subject(units: Sequence[Unit], i: int, kb: KnowledgeBase) -> list[tuple[str, int]]:
    """States opening the sentence when the verb at ``i`` opens a coordinated clause without
    its own subject: "Deutschland und Frankreich sind ... und gehören beide der Nato an",
    "Japan und Südkorea sind ..., nehmen aber als Partnerländer teil"."""
    k = i - 1
    while k >= 0 and i - k <= 3 and units[k].text.isalpha() and units[k].text[:1].islower():
        if units[k].lower in ("und", "sowie"):
            break
        if units[k].lower in PRONOUNS:  # "..., sagte er als Mitglied": its own subject
            return []
        k -= 1
    if k < 1 or units[k].lower not in ("und", ",", "sowie"):
        return []
    states = _enum(units, 0, 1, kb)
    if not states or states[0][1] != 0:
        return []
    nxt = states[-1][1] + 1
    if nxt >= len(units) or not (units[nxt].text.isalpha() and units[nxt].text[:1].islower()):
        return []  # not a subject: "Deutschland, Frankreich und Italien" then a noun
    return states


def _examples_after(units: Sequence[Unit], i: int, kb: KnowledgeBase) -> list[tuple[str, int]]:
    """States after "Länder wie", "Staaten, darunter" in the clause after unit ``i``."""
    for k in range(i + 1, min(i + 12, len(units) - 1)):
        if units[k].text in (";", ".", ":"):
            return []
        if units[k].lower not in EXAMPLE_GROUPS:
            continue
        m = k + 2 if units[k + 1].text == "," and k + 2 < len(units) else k + 1
        if units[m].lower in EXAMPLE_MARKERS:
            return _enum(units, m + 1, 1, kb)
    return []


def _subject_states(units: Sequence[Unit], i: int, kb: KnowledgeBase) -> list[tuple[str, int]]:
    """States named right before the verb at ``i`` as its subject; a state after a
    preposition ("Anders als Georgien gehört ...") is a comparison, not the subject."""
    states = _enum(units, i - 1, -1, kb)
    if not states:
        return []
    first = min(j for _, j in states)
    if first > 0 and units[first - 1].lower in NOT_SUBJECT:
        return []
    return states


def _both(ctx: _Ctx, i: int) -> list[tuple[str, int]]:
    """ "Beide Länder gehören der Nato an": the two states the article is about, when the
    subject before the verb at ``i`` is "beide Länder/Staaten"."""
    units = ctx.units
    for k in range(max(0, i - 3), i):
        if (
            units[k].lower in BOTH
            and k + 1 < len(units)
            and units[k + 1].lower in STATE_PLURALS
            and len(ctx.pair) == 2
        ):
            return [(code, k + 1) for code in ctx.pair]
    return []


def _gehoeren_rule(ctx: _Ctx, salient: str | None) -> list[MembershipFact]:
    units, out = ctx.units, []
    for i, u in enumerate(units):
        if u.lower not in GEHOEREN:
            continue
        orgs = _orgs_after_verb(ctx, i)
        if not orgs:
            for k in range(len(units)):
                o = _org_with_det(ctx, k)
                if o:
                    orgs = [(o, k)]
                    break
        if not orgs:
            continue
        org_at = orgs[0][1]
        j = i + 1
        while j < len(units) and (
            units[j].lower in GEHOEREN_ADVERBS
            or (j <= org_at and units[j].lower in ("der", "dem", "den"))
        ):
            j += 1
        if j == org_at:  # "gehören der Gruppe Brasilien, Russland ... an"
            j += 1
        comparison = j < len(units) and units[j].lower == "wie"  # "gehört wie Kirgistan"
        states = _enum(units, j, 1, ctx.kb)
        if j < len(units) and units[j].lower == "mit":  # "gehört mit den USA und Japan der"
            states = _enum(units, j + 1, 1, ctx.kb)
            comparison = True  # the subject belongs as well
        states += [s for s in _examples_after(units, i, ctx.kb) if s not in states]
        if not states or comparison:
            states += [
                s
                for s in (
                    _subject_states(units, i, ctx.kb)
                    or _coordinated_subject(units, i, ctx.kb)
                    or _both(ctx, i)
                )
                if s not in states
            ]
        if not states:
            continue
        lo = min([i, *[s for _, s in states]])
        hi = max([i, org_at, *[s for _, s in states]])  # "gehört nicht der OVKS an"
        if _negated(units, lo, hi) or _negated(units, 0, i):
            continue
        words = {v.lower for v in units}
        kind = "member"
        if words & {"beobachter", "beobachtern", "beobachterstaaten"}:
            kind = "observer"
        elif words & {"dialogpartner", "dialogpartnern"}:
            kind = "dialogue_partner"
        for org, _ in orgs:
            out += _facts(ctx, states, org, kind, i)
    return out


def _accession_rule(ctx: _Ctx, salient: str | None) -> list[MembershipFact]:
    units, out = ctx.units, []
    words = {u.lower for u in units}
    if not words & COMPLETED or words & PLANNED:
        return out
    for i, u in enumerate(units):
        noun = u.lower if u.lower in ACCESSION_NOUNS else (u.suffix.lower() if u.mentions else "")
        if noun not in ACCESSION_NOUNS:
            continue
        states = []
        for k in range(i + 1, min(i + 5, len(units))):
            if _state(units[k]):
                states = [(_state(units[k]), k)]
                break
        if not states:
            k = i - 1
            if k >= 0 and units[k].text in ("'", "’"):
                k -= 1
            if k >= 0 and _state(units[k]):
                states = [(_state(units[k]), k)]
        if not states:
            continue
        org = _member_org(u, ctx.kb) or _sentence_org(ctx)
        if org is None and any(v.lower in GROUP_REFERENCES for v in units[i:]):
            org = salient
        if org is None or _negated(units, 0, len(units) - 1):
            continue
        out += _facts(ctx, states, org, "member", i, ctx.published)  # type: ignore[arg-type]
    return out


def _composition_rule(ctx: _Ctx, salient: str | None) -> list[MembershipFact]:
    units, out = ctx.units, []
    for i, u in enumerate(units[:-1]):
        start = None
        if u.lower in GROUP_REFERENCES and units[i + 1].lower in ("aus", "von"):
            start = i + 2
        elif u.lower == "um" and any(
            v.lower.startswith("erweitert") for v in units[i + 1 :] + units[:i]
        ):
            start = i + 1
        if start is None:
            continue
        states = _enum(units, start, 1, ctx.kb)
        if not states or _negated(units, 0, max(j for _, j in states)):
            continue
        org = _sentence_org(ctx) or _group_subject(ctx) or salient
        if org is None:
            continue
        out += _facts(ctx, states, org, "member", i)
    return out


def _group_subject(ctx: _Ctx) -> str | None:
    """The organization a group noun of the sentence names ("Die Gruppe hatte sich um ...
    erweitert"): the latest one it can name, not merely the latest organization mentioned."""
    for k in range(len(ctx.units)):
        org = _group_org(ctx, k)
        if org:
            return org
    return None


def _example_rule(ctx: _Ctx, salient: str | None) -> list[MembershipFact]:
    units, out = ctx.units, []
    for i, u in enumerate(units):
        if u.lower not in MEMBER_NOUNS:
            continue
        j = i + 1
        if j < len(units) and units[j].text == ",":
            j += 1
        if j >= len(units) or units[j].lower not in EXAMPLE_MARKERS:
            continue
        states = _enum(units, j + 1, 1, ctx.kb)
        if not states or _negated(units, max(0, i - 3), max(k for _, k in states)):
            continue
        org = None
        if i + 2 < len(units) and units[i + 1].lower in ("der", "des"):
            org = _member_org(units[i + 2], ctx.kb)
        org = org or _sentence_org(ctx) or salient
        if org is None:
            continue
        out += _facts(ctx, states, org, MEMBER_NOUNS[u.lower], i)
    return out


def _chair_rule(
    ctx: _Ctx, salient: str | None, persons: Mapping[str, PersonRef]
) -> list[MembershipFact]:
    units, out = ctx.units, []
    words = {u.lower for u in units}
    if not words & CHAIR_VERBS:
        return out
    for i, u in enumerate(units):
        org = None
        if u.mentions and u.suffix.lower() in CHAIR_NOUNS:
            org = _member_org(u, ctx.kb)
        elif u.lower in CHAIR_NOUNS and i + 2 < len(units) and units[i + 1].lower in ("der", "des"):
            org = _member_org(units[i + 2], ctx.kb) or _group_org(ctx, i + 2)
        if org is None or _negated(units, max(0, i - 6), i):
            continue
        if i < 3:  # object first: "Den Vorsitz der Gruppe übernimmt 2025 Brasilien"
            after = _subject_after_verb(ctx, i + 3)
            if after is not None:
                out += _facts(ctx, [after], org, "member", i)
            continue
        for k in range(i - 1, -1, -1):
            v = units[k]
            code = _state(v)
            p = v.of_kind("person")
            if code is None and p is not None:
                code = persons.get(p.key).state if p.key in persons else None
            if code is None and v.of_kind("state") and v.of_kind("state").via == "adjective":
                code = v.of_kind("state").key
            if code:
                out += _facts(ctx, [(code, k)], org, "member", i)
                break
    return out


def _subject_after_verb(ctx: _Ctx, i: int) -> tuple[str, int] | None:
    """The state named after a fronted object and its verb, before the clause ends."""
    for k in range(i, len(ctx.units)):
        u = ctx.units[k]
        if u.text in (",", ".", ";", ":"):
            return None
        code = _state(u)
        if code:
            return code, k
    return None


def _host_rule(ctx: _Ctx, salient: str | None) -> list[MembershipFact]:
    """ "Südkorea richtet den Gipfel der Apec aus", "soll Brasilien den nächsten Brics-Gipfel
    ausrichten": who hosts an organization's summit is among its members."""
    units, out = ctx.units, []
    for i, u in enumerate(units):
        org = None
        if u.mentions and u.suffix.lower() in SUMMIT_NOUNS:
            org = _member_org(u, ctx.kb)
        elif u.lower in SUMMIT_NOUNS and i + 2 < len(units) and units[i + 1].lower in ARTICLES:
            org = _member_org(units[i + 2], ctx.kb) or _group_org(ctx, i + 2)
        if org is None:
            continue
        lo, hi = _clause_bounds(units, i, i)
        if _negated(units, lo, hi):
            continue
        states = [(c, k) for k in range(lo, i) if (c := _state(units[k]))]
        if len(states) == 1:
            out += _facts(ctx, states, org, "member", i)
    return out


def _further_members_rule(ctx: _Ctx, salient: str | None) -> list[MembershipFact]:
    units, out = ctx.units, []
    for i, u in enumerate(units[:-2]):
        if u.lower != "und" or units[i + 1].lower not in ("weitere", "andere", "übrige", "die"):
            continue
        if MEMBER_NOUNS.get(units[i + 2].lower) != "member":
            continue
        states = _enum(units, i - 1, -1, ctx.kb)
        org = _sentence_org(ctx) or salient
        if states and org and not _negated(units, 0, len(units) - 1):
            out += _facts(ctx, states, org, "member", i + 2)
    return out


def _als_rule(ctx: _Ctx, salient: str | None) -> list[MembershipFact]:
    """ "Finnland wurde als 31. Mitglied in das Bündnis aufgenommen", "Schweden sitzt als
    Beitrittskandidat mit am Tisch", "Russlands Rolle als ständiges Mitglied des
    Sicherheitsrats". An invitation or a plan ("lud X ein, als Mitglied beizutreten")
    asserts nothing; a bare "als Mitglied" needs the organization named."""
    units, out = ctx.units, []
    words = {u.lower for u in units}
    for i, u in enumerate(units):
        if u.lower in MEMBER_NOUNS:
            kind, org = MEMBER_NOUNS[u.lower], None
        elif _attributive(u, ctx.kb):  # "als Nato-Mitglied", "als einziges G7-Land"
            noun = u.suffix.lower()
            kind = MEMBER_NOUNS.get(noun) or COMPOUND_MEMBER_NOUNS[noun]
            org = _member_org(u, ctx.kb)
        else:
            continue
        a = next(
            (
                k
                for k in range(i - 1, max(-1, i - 5), -1)
                if units[k].lower == "als"
                and all(
                    v.text in (".",) or v.text.isdigit() or v.text[:1].islower() or v.mentions
                    for v in units[k + 1 : i]
                )
            ),
            None,
        )
        if a is None:
            continue
        org = org or _org_after(ctx, i)
        if org is None and kind != "member":  # "nehmen als Partnerländer an Nato-Gipfeln teil"
            org = _sentence_org(ctx) or salient
        if org is None or _negated(units, max(0, a - 2), i):
            continue
        if kind == "member" and _clause_words(units, a, i) & (PLANNED | INVITED):
            continue
        subj = _subject_before(units, a)
        subjects = [subj] if subj is not None else _coordinated_subject(units, a, ctx.kb)
        if not subjects:
            continue
        since = ctx.published if kind == "member" and words & COMPLETED else None
        out += _facts(ctx, subjects, org, kind, i, since)
    return out


def _clause_bounds(units: Sequence[Unit], lo: int, hi: int) -> tuple[int, int]:
    """First and last unit of the clause around units ``lo``..``hi``: up to a comma, semicolon
    or colon before, and one of those or a full stop after."""
    while lo > 0 and units[lo - 1].text not in (",", ";", ":"):
        lo -= 1
    while hi + 1 < len(units) and units[hi + 1].text not in (",", ";", ":", "."):
        hi += 1
    return lo, hi


def _clause_words(units: Sequence[Unit], lo: int, hi: int) -> set[str]:
    """Words of the clause around units ``lo``..``hi``: "Russland, das als Mitglied ... hat,
    hatte ... blockiert" blocks nothing of the relative clause."""
    lo, hi = _clause_bounds(units, lo, hi)
    return {u.lower for u in units[lo : hi + 1]}


def _org_before(ctx: _Ctx, i: int) -> str | None:
    """Member organization named earlier in the clause of unit ``i`` ("Usbekistan hat in der
    EAWU lediglich Beobachterstatus"): the nearest one, not crossing a clause boundary."""
    for k in range(i - 1, -1, -1):
        u = ctx.units[k]
        if u.text in (",", ";", ":"):
            return None
        o = _member_org(u, ctx.kb)
        if o is not None and not _attributive(u, ctx.kb):
            return o
    return None


def _status_rule(ctx: _Ctx, salient: str | None) -> list[MembershipFact]:
    """ "Die Mongolei hat Beobachterstatus bei der SCO", "die EU verlieh der Ukraine den
    Kandidatenstatus"."""
    units, out = ctx.units, []
    words = {u.lower for u in units}
    if not words & STATUS_VERBS or words & PLANNED:
        return out
    for i, u in enumerate(units):
        noun = u.suffix.lower() if u.mentions else u.lower
        kind = STATUS_NOUNS.get(noun)
        if kind is None and u.lower == "status" and i + 2 < len(units):
            # "den Status eines EU-Beitrittskandidaten", "Status als Beobachter"
            v = units[i + 2]
            if units[i + 1].lower in ("eines", "als", "einer"):
                kind = MEMBER_NOUNS.get(v.suffix.lower() if v.mentions else v.lower)
                u, i = v, i + 2
        if kind is None:
            continue
        org = (_member_org(u, ctx.kb) if u.mentions else None) or _org_after(ctx, i)
        org = org or _org_before(ctx, i) or _sentence_org(ctx) or salient
        subj = _subject_before(units, i)
        if org is None or subj is None or _negated(units, subj[1], i):
            continue
        out += _facts(ctx, [subj], org, kind, i)  # type: ignore[arg-type]
    return out


def _join_rule(ctx: _Ctx, salient: str | None) -> list[MembershipFact]:
    """ "Finnland trat im April der Nato bei", "Im April ist Schweden dem Bündnis
    beigetreten": a completed accession by verb, since the article's date."""
    units, out = ctx.units, []
    words = {u.lower for u in units}
    if words & PLANNED or _negated(units, 0, len(units) - 1):
        return out
    verb = next(
        (
            k
            for k, u in enumerate(units)
            if u.lower in JOIN_VERBS or (u.lower in JOIN_SPLIT_VERBS and "bei" in words)
        ),
        None,
    )
    if verb is None:
        return out
    org, org_at = None, -1
    for k in range(len(units)):
        if k > 0 and units[k - 1].lower in ("der", "dem"):
            org = _member_org(units[k], ctx.kb) or _group_org(ctx, k)
            if org:
                org_at = k
                break
    if org is None:
        return out
    subj = _subject_before(units, min(verb, org_at))
    if subj is None:  # verb second: "Im April trat Finnland der Nato bei"
        subj = next(((c, k) for k in range(verb + 1, org_at) if (c := _state(units[k]))), None)
    if subj is None:
        return out
    return _facts(ctx, [subj], org, "member", verb, ctx.published)  # type: ignore[list-item]


def _anaphor_state(ctx: _Ctx, k: int) -> str | None:
    """The state "das Land" / "der Staat" at unit ``k`` refers to: the state opening this
    sentence ("Usbekistan hat ...; aus der OVKS war das Land ausgetreten"), else the one
    opening the sentence before. Nothing when neither opens with a state."""
    units = ctx.units
    if units[k].lower not in STATE_ANAPHORS or k == 0 or units[k - 1].lower not in ("das", "der"):
        return None
    if k > 1 and _state(units[0]) is not None:
        return _state(units[0])
    return ctx.prev_subject


def _exit_rule(ctx: _Ctx, salient: str | None) -> list[MembershipFact]:
    """ "Usbekistan ist 2012 aus der OVKS ausgetreten", "Großbritannien trat aus der EU aus":
    a completed exit makes the state a former member; a plan ("will austreten") or a
    negation asserts nothing."""
    units = ctx.units
    words = {u.lower for u in units}
    if words & PLANNED or _negated(units, 0, len(units) - 1):
        return []
    verb = next(
        (
            k
            for k, u in enumerate(units)
            if u.lower in EXIT_VERBS
            or (u.lower in EXIT_SPLIT_VERBS and any(v.lower == "aus" for v in units[k + 2 :]))
        ),
        None,
    )
    if verb is None:
        return []
    org, org_at = None, -1
    for k in range(1, len(units)):
        if units[k - 1].lower in ("der", "dem") and k > 1 and units[k - 2].lower == "aus":
            org = _member_org(units[k], ctx.kb) or _group_org(ctx, k)
            if org:
                org_at = k
                break
    if org is None:
        return []
    subj = _subject_before(units, min(verb, org_at))
    if subj is None:
        lo, hi = min(verb, org_at), max(verb, org_at)
        subj = next(((c, k) for k in range(lo + 1, hi) if (c := _state(units[k]))), None)
    if subj is None:
        subj = next(((c, k) for k in range(len(units)) if (c := _anaphor_state(ctx, k))), None)
    if subj is None:
        return []
    return _facts(ctx, [subj], org, "former_member", verb)


# (rule, words of which the sentence must contain one; None: needs a member organization)
_ANY_NOUN = frozenset(MEMBER_NOUNS)
_STATUS = frozenset(STATUS_NOUNS)
RULES = (
    (_attributive_rule, None),
    (_predicative_rule, "orgs_or_nouns"),
    (_als_rule, frozenset({"als"})),
    (_status_rule, STATUS_VERBS),
    (_join_rule, JOIN_VERBS | JOIN_SPLIT_VERBS),
    (_exit_rule, EXIT_VERBS | EXIT_SPLIT_VERBS),
    (_gehoeren_rule, GEHOEREN),
    (_talks_rule, frozenset({"mit"})),
    (_list_item_rule, frozenset({":"})),
    (_accession_rule, COMPLETED),
    (_composition_rule, GROUP_REFERENCES | {"um"}),
    (_example_rule, _ANY_NOUN),
    (_host_rule, HOST_VERBS),
    (_further_members_rule, _ANY_NOUN),
)


_NO_CO_MENTION = NEGATIONS | PLANNED | INVITED | FORMER


def _known_member_rule(
    ctx: _Ctx, orgs: Sequence[Unit], words: set[str]
) -> list[MembershipFact]:
    """A sentence that names a state and an organization the state belongs to (by the reviewed
    member lists, at the article's date) and speaks of members or allies states that
    membership, though no pattern above parses it: "Die Nato-Staaten, unter ihnen Polen und
    Litauen, ...", "Frankreich und Italien drängten ihre EU-Partner ...". Used only where no
    pattern says anything about the pair, and never in a negated, planned or past sentence,
    so a text that denies or qualifies the membership wins over the list."""
    if words & _NO_CO_MENTION:
        return []
    compound = any(u.suffix.lower() in COMPOUND_MEMBER_NOUNS for u in orgs)
    context = words & MEMBERSHIP_CONTEXT or words & _ANY_NOUN or words & GROUP_NOUN_FORMS.keys()
    if not (compound or context):
        return []
    day = ctx.published.value if ctx.published else None
    out = []
    states = [(i, _state(u)) for i, u in enumerate(ctx.units)]
    for j, u in enumerate(ctx.units):
        key = _member_org(u, ctx.kb)
        org = ctx.kb.organizations.get(key) if key else None
        if org is None:
            continue
        for i, code in states:
            if code is None or i == j:
                continue
            if any(
                m.state == code and m.kind == "member" and m.held_on(day)
                for m in org.members
            ):
                out.append(
                    MembershipFact(code, key, "member", None, _evidence(ctx, min(i, j), max(i, j)))  # type: ignore[arg-type]
                )
    return out


def extract(
    sentences: Sequence[Sentence],
    units_by_sentence: Sequence[Sequence[Unit]],
    published: FuzzyDate | None,
    kb: KnowledgeBase,
    persons: Mapping[str, PersonRef] | None = None,
) -> list[MembershipFact]:
    """Membership facts of one article, one per (state, organization, kind), first evidence."""
    persons = persons or {}
    facts: list[MembershipFact] = []
    co_mentions: list[MembershipFact] = []
    salient: str | None = None
    recent: list[str] = []
    prev_subject: str | None = None
    named: dict[str, tuple[int, int]] = {}  # state -> (mentions so far, sentence of the last)
    for n, (sent, units) in enumerate(zip(sentences, units_by_sentence, strict=True)):
        pair = tuple(sorted(named, key=lambda c: named[c], reverse=True)[:2])
        ctx = _Ctx(sent, units, kb, published, tuple(recent), prev_subject, pair)
        prev_subject = _state(units[0]) if units else None
        for u in units:
            m = u.of_kind("state")
            if m is not None:
                named[m.key] = (named.get(m.key, (0, 0))[0] + 1, n)
        words = {u.lower for u in units}
        orgs = [u for u in units if _member_org(u, kb)]
        for rule, gate in RULES:
            if gate == "orgs_or_nouns":
                run = bool(orgs) or bool(words & _ANY_NOUN)
            else:
                run = bool(orgs) if gate is None else bool(words & gate)  # type: ignore[operator]
            if run:
                facts += rule(ctx, salient)
        if (orgs or words & CHAIR_NOUNS) and words & CHAIR_VERBS:
            facts += _chair_rule(ctx, salient, persons)
        if orgs:
            co_mentions += _known_member_rule(ctx, orgs, words)
        for u in orgs:
            key = _member_org(u, kb)
            if key in recent:
                recent.remove(key)
            recent.append(key)  # type: ignore[arg-type]
            if not _attributive(u, kb):
                salient = key
    stated = {(f.state, f.organization) for f in facts}
    facts += [f for f in co_mentions if (f.state, f.organization) not in stated]
    seen: dict[tuple[str, str, str], MembershipFact] = {}
    for f in facts:
        k = (f.state, f.organization, f.kind)
        if k not in seen or (seen[k].since is None and f.since is not None):
            seen[k] = f if k not in seen else MembershipFact(*k, f.since, seen[k].evidence)  # type: ignore[arg-type]
    return list(seen.values())
