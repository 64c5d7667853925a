"""Entry point of entity extraction: German article body -> resolved mentions with provenance.

Order matters and is cheap: one gazetteer pass over the body, sentence split, tokens (split
where glued words hide a boundary), units per sentence, then persons (discovery, roles,
surnames) and memberships over those units. Capitals also stand for their state (the press
writes "Moskau" for the Russian government), so a capital mention adds a state mention with
``via="metonym"``; other cities and regions (Kasan, Dagestan, Krim) name a place, not a state.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from etl import gazetteer, glue, memberships, persons
from etl.facts import FuzzyDate, MembershipFact, Mention, PersonRef, Sentence
from etl.knowledge_base import KnowledgeBase
from etl.sentences import Token, Unit, build_units, sentence_index, split_sentences, tokenize


@dataclass
class EntityResult:
    sentences: list[Sentence]
    mentions: list[Mention]
    persons: dict[str, PersonRef]
    memberships: list[MembershipFact]


def _base_mentions(
    body: str, sentences: Sequence[Sentence], kb: KnowledgeBase, published: FuzzyDate | None
) -> list[Mention]:
    matches = gazetteer.match(body, kb)
    chosen = persons.disambiguate(matches, kb, persons.reference_date(published))
    out: list[Mention] = []
    for i, m in enumerate(matches):
        si = sentence_index(sentences, m.start)
        if m.kind == "person":
            if i in chosen:
                out.append(Mention(si, m.start, m.end, m.surface, "person", chosen[i], m.via))
            continue
        out.append(Mention(si, m.start, m.end, m.surface, m.kind, m.keys[0], m.via))  # type: ignore[arg-type]
        capital = _CAPITAL_NOUN.match(body, m.end) if m.via == "adjective" else None
        if m.kind == "state" and capital and kb.states[m.keys[0]].capital in kb.places:
            # "in der saudischen Hauptstadt": the capital, named by its state's adjective
            start, end = capital.start(1), capital.end(1)
            key = kb.states[m.keys[0]].capital
            out.append(Mention(si, start, end, body[start:end], "place", key, "capital"))  # type: ignore[arg-type]
        if m.kind == "place":
            place = kb.places[m.keys[0]]
            state = kb.states.get(place.state or "")
            if (
                state is not None
                and m.via != "adjective"
                and state.capital == place.key
                and state.capital_metonym
                and not _locative(body, m.start)
                and not body.startswith("-", m.end)  # "Astana-Gipfel": where, not who
            ):
                out.append(Mention(si, m.start, m.end, m.surface, "state", state.code, "metonym"))
    return out


_CAPITAL_NOUN = re.compile(r"\s+(Hauptstadt)\b")

# Prepositions that make a capital a location ("in Astana", "nach Peking"), not the government.
LOCATIVE = frozenset("in im nach aus bei beim über bis ab von vom nahe zwischen gen vor".split())
COORDINATION = frozenset("und oder sowie ,".split())
# Institutions whose seat names the state ("die Führung in Peking"); not embassies or
# offices, which sit in another state's capital.
SEAT_INSTITUTIONS = frozenset(
    """regierung regierungen parlament parlaments parlamente parlamenten führung
    staatsführung machthaber machthabern regime regimes außenministerium
    außenministeriums verteidigungsministerium verteidigungsministeriums behörden
    zentralregierung staatsmedien präsidialamt präsidialamts""".split()
)


_AGENT_PARTICIPLE = re.compile(r"^[\s\w,-]*?\b(ge\w+t(?:e|en|er|es|em)?)\b")


def _locative(body: str, start: int) -> bool:
    """Whether a capital at ``start`` is a location: a locative preposition before it, also
    across a coordination of places ("in Moskau und Peking"). "von" before a participle is
    the agent, not the origin ("die von Moskau und Peking geführte Gruppe")."""
    words = re.findall(r"[\w]+|,", body[max(0, start - 80) : start])
    k = len(words) - 1
    while k >= 0:
        w = words[k].lower()
        if w in ("von", "vom"):
            after = re.match(r"[^.;:!?]{0,60}", body[start:])
            return not (after and _AGENT_PARTICIPLE.match(after.group(0)))
        if w in LOCATIVE:
            # "das Parlament in Budapest", "die Regierungen in Seoul und Tokio": the seat
            # of a state's institution stands for the state
            return not (w == "in" and k >= 1 and words[k - 1].lower() in SEAT_INSTITUTIONS)
        if w in COORDINATION and k >= 1 and words[k - 1][:1].isupper():
            k -= 2  # skip the coordinated place
            continue
        return False
    return False


def _tokens(body: str, mentions: Sequence[Mention]) -> list[Token]:
    """Tokens of the body, split where glued words hide a boundary."""
    return tokenize(body, splits=glue.splits(body, mentions))


def _units(
    body: str,
    sentences: Sequence[Sentence],
    tokens: Sequence[Token],
    mentions: Sequence[Mention],
    only: set[int] | None = None,
    previous: Sequence[list[Unit]] = (),
) -> list[list[Unit]]:
    """Units per sentence; with ``only``, rebuild just those sentences and keep ``previous``."""
    ordered = sorted(mentions, key=lambda m: (m.start, m.end))
    tok_starts = [t.start for t in tokens]
    men_starts = [m.start for m in ordered]
    out = []
    for s in sentences:
        if only is not None and s.index not in only:
            out.append(previous[s.index])
            continue
        t0, t1 = bisect.bisect_left(tok_starts, s.start), bisect.bisect_left(tok_starts, s.end)
        m0, m1 = bisect.bisect_left(men_starts, s.start), bisect.bisect_left(men_starts, s.end)
        out.append(build_units(body, s, tokens[t0:t1], ordered[m0:m1]))
    return out


def extract_entities(body: str, published: FuzzyDate | None, kb: KnowledgeBase) -> EntityResult:
    """Sentences, every mention (each occurrence), the persons they use, and memberships."""
    sentences = split_sentences(body)
    mentions = _base_mentions(body, sentences, kb, published)
    tokens = _tokens(body, mentions)
    units = _units(body, sentences, tokens, mentions)
    found = persons.resolve(body, sentences, units, mentions, published, kb)
    # a discovered name covers a place read as a first name ("London Breed")
    names = [(m.start, m.end) for m in found.mentions if m.via == "discovered"]
    mentions = [
        m
        for m in mentions
        if m.kind == "person" or not any(s <= m.start and m.end <= e for s, e in names)
    ]
    mentions = sorted([*mentions, *found.mentions], key=lambda m: (m.start, m.end, m.kind))
    changed = {m.sentence_index for m in found.mentions}
    units = _units(body, sentences, tokens, mentions, changed, units)
    facts = memberships.extract(sentences, units, published, kb, found.persons)
    return EntityResult(sentences, mentions, found.persons, facts)
