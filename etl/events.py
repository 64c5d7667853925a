"""Event and participation extraction: what an article reports happening, as `EventFact` rows.

One event is one happening with many participants (PLOVER style), never an actor pair. The
engine is rule-based and reads the German lexicon in ``knowledge/events.yaml``; the rules are
about German grammar (clauses, prepositions, possessives, separable verbs, definite reference),
never about particular persons or events, so that it carries over to articles it has not seen.

The flow, per article:

1. a cheap Aho-Corasick pass over the lower-cased body finds the sentences that can hold a
   trigger; only those are tokenised;
2. each sentence is cut into clauses; a clause's triggers, dates, cues and entity mentions make
   candidate events, the mentions bound to argument slots by the preposition or position that
   introduces them (`_bind`);
3. article-level steps resolve what a single clause cannot: pronouns, definite references
   ("die Gespräche") and support words ("Abschied") that join an earlier event, talks "am Rande"
   of a gathering, hosts (the visited side, the venue's state and its leader);
4. filters favour precision (a trigger needs a resolved participant, a visit a destination,
   talks with five countries are a summary and no single event);
5. `etl.dedup` merges the article's own repeated mentions of one happening.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

import ahocorasick

from etl import dedup, glue
from etl.dates import (
    DateExpr,
    Tense,
    find_dates,
    resolve_after,
    resolve_near,
    resolve_span,
    text_anchor,
)
from etl.facts import EventFact, Evidence, FuzzyDate, Mention, Participant, PersonRef, Sentence
from etl.knowledge_base import read_knowledge_yaml

LEXICON_PATH = Path(__file__).with_name("knowledge") / "events.yaml"

_TOKEN = re.compile(
    r"[^\W\d_](?:[\w’']*[^\W_])?(?:-[^\W\d_][\w]*)*'?|\d+|[,;:–—()„“\"?!.]|(?<!\w)-(?!\w)"
)
_HARD_BREAK = frozenset(";:–—?!")
_CONJUNCTS = frozenset({"und", "oder", "sowie"})
_ENUM_GLUE = frozenset(
    {",", *_CONJUNCTS, "der", "die", "das", "den", "dem", "des", "von", "aus"}
)
_PREPS = {
    "mit": "mit", "darunter": "mit", "neben": "mit", "zwischen": "mit",
    "aus": "aus", "gegen": "gegen", "auf": "auf", "nach": "nach", "von": "von", "vom": "von",
    "in": "in", "im": "in", "ins": "in", "bei": "in", "beim": "in", "vor": "in",
    "an": "an", "am": "an", "zu": "zu", "zum": "zu", "zur": "zu", "ohne": "ohne",
    "über": "über", "für": "für", "um": "um", "durch": "nach", "laut": "laut",
    "unter": "unter", "seit": "seit", "wegen": "über",
}  # fmt: skip
_DETERMINERS = frozenset(
    "der die das den dem des ein eine einer einem einen eines sein seine seiner seinem seinen "
    "seines ihr ihre ihrer ihrem ihren ihres dessen deren beim zum zur vom am im".split()
)


# --------------------------------------------------------------------------------------------
# knowledge base protocol (duck-typed: the real one is etl.knowledge_base.KnowledgeBase)


class KnowledgeLike(Protocol):
    states: Mapping[str, Any]
    organizations: Mapping[str, Any]
    persons: Mapping[str, Any]
    places: Mapping[str, Any]


class EntitiesLike(Protocol):
    sentences: list[Sentence]
    mentions: list[Mention]
    persons: dict[str, PersonRef]


# --------------------------------------------------------------------------------------------
# lexicon


@dataclass(frozen=True)
class Entry:
    """One trigger of the lexicon (several surface forms point at the same entry)."""

    type: str
    frame: str
    weight: str
    noun: bool
    particle: tuple[str, ...] = ()
    unless_particle: tuple[str, ...] = ()
    needs_any: frozenset[str] = frozenset()
    unless_any: frozenset[str] = frozenset()
    subject: bool | None = None  # does the clause's subject fill the frame? (None: type default)
    refers_to: tuple[str, ...] = ()  # types a definite use can refer back to
    roles: bool = False  # a support word that also brings who takes part ("Unter den Gästen")
    after: frozenset[str] = frozenset()  # words one of which must open the trigger's phrase
    not_after: frozenset[str] = frozenset()  # words none of which may open it


@dataclass(frozen=True)
class TypeSpec:
    name: str
    group: str
    slots: Mapping[str, str]
    min_participants: int = 1
    max_counterparts: int | None = None
    multi_day: bool = False
    needs_destination: bool = False
    needs_organization: bool = False
    organization_role: str | None = None
    frame_only: bool = False
    durative: bool = False
    adjective_role: str | None = None
    location_role: str | None = None
    locals_host: bool = False
    host_defaults_to_location: bool = False
    persons_only: bool = False
    max_destinations: int = 1
    export_as: str | None = None  # the FORMAT type it is exported as ("coup" -> "other")
    object_role: str | None = None  # a verb's second unmarked argument ("stürzte X"): its role


@dataclass(frozen=True)
class Lexicon:
    nouns: Mapping[str, tuple[Entry, ...]]
    compounds: Mapping[str, tuple[Entry, ...]]
    forms: Mapping[str, tuple[Entry, ...]]
    exclude: frozenset[str]
    types: Mapping[str, TypeSpec]
    attend: tuple[tuple[frozenset[str], tuple[str, ...]], ...]
    absence: tuple[tuple[frozenset[str], tuple[str, ...]], ...]
    cues: Mapping[str, frozenset[str]]
    automaton: Any
    # a support compound's modifier that names the kind of gathering it belongs to
    # ("Trauergäste" -> commemoration, "Gipfelteilnehmer" -> summit)
    modifier_kinds: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # Performance: memo of `_match_token` by (lower-cased word, capitalised, sentence-initial);
    # the result only depends on these and the lexicon. Not part of equality.
    match_cache: dict[tuple[str, bool, bool], tuple[tuple[Entry, int], ...]] = field(
        default_factory=dict, init=False, compare=False, repr=False
    )

    def cue(self, name: str) -> frozenset[str]:
        return self.cues.get(name, frozenset())


def _as_tuple(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(value)


@lru_cache(maxsize=4)
def load_lexicon(path: Path = LEXICON_PATH) -> Lexicon:
    """Read and index the lexicon once per process: every surface form in a dict."""
    data = read_knowledge_yaml(path)
    default_endings = data.get("endings", {}).get("noun", [""])
    nouns: dict[str, list[Entry]] = {}
    compounds: dict[str, list[Entry]] = {}
    forms: dict[str, list[Entry]] = {}
    exclude: set[str] = set()
    needles: dict[str, tuple[bool, bool]] = {}  # needle -> (may end a compound, exact word)
    for raw in data["triggers"]:
        is_noun = "stems" in raw
        entry = Entry(
            type=raw["type"],
            frame=raw.get("frame", "talks"),
            weight=raw.get("weight", "strong"),
            noun=is_noun,
            particle=_as_tuple(raw.get("particle")),
            unless_particle=_as_tuple(raw.get("unless_particle")),
            needs_any=frozenset(_as_tuple(raw.get("needs_any"))),
            unless_any=frozenset(_as_tuple(raw.get("unless_any"))),
            subject=raw.get("subject"),
            refers_to=_as_tuple(raw.get("refers_to")),
            roles=bool(raw.get("roles", False)),
            after=frozenset(_as_tuple(raw.get("after"))),
            not_after=frozenset(_as_tuple(raw.get("not_after"))),
        )
        exclude.update(x.lower() for x in _as_tuple(raw.get("exclude")))
        for stem in _as_tuple(raw.get("stems")):
            stem = stem.lower()
            loose = bool(raw.get("compound"))
            old = needles.get(stem, (False, False))
            needles[stem] = (old[0] or loose, False)
            for ending in raw.get("endings", default_endings):
                nouns.setdefault(stem + ending, []).append(entry)
                if raw.get("compound"):
                    compounds.setdefault(stem + ending, []).append(entry)
        for form in _as_tuple(raw.get("forms")):
            form = form.lower()
            needles.setdefault(form, (False, True))
            forms.setdefault(form, []).append(entry)
    types = {}
    for name, spec in data["types"].items():
        spec = dict(spec)
        types[name] = TypeSpec(name=name, **spec)

    def verbs(key: str) -> tuple[tuple[frozenset[str], tuple[str, ...]], ...]:
        return tuple(
            (frozenset(v["forms"]), _as_tuple(v.get("particle"))) for v in data.get(key, [])
        )

    cue_keys = (
        "negation negation_exceptions absence_cues planned_cues planned_exceptions host_cues "
        "margin_cues aggregate_cues decision_verbs definite_articles organization_anaphors "
        "source_nouns spokesperson_titles leader_titles leader_roles pronouns_singular "
        "pronouns_plural clause_starters coordination_starters reference_preps transparent_words "
        "relative_pronouns place_continuations host_verbs new_event_cues represent_verbs "
        "pair_subjects pair_determiners pair_counterpart_nouns pair_counterpart_determiners "
        "pair_person_nouns attendee_subjects collective_subjects comparison_cues "
        "host_titles "
        "subordinators "
        "treaty_act_nouns member_nouns same_time_cues force_nouns end_nouns date_words "
        "present_forms past_auxiliaries occurred_cues invitation_preps launch_verbs state_bodies "
        "host_participles attribute_date_preps attribute_date_fillers pluperfect_auxiliaries "
        "zu_infinitive_prefixes era_adjectives announce_words failed_cues gathering_genitives "
        "verbal_objects abstract_targets reject_verbs invitation_verbs chair_nouns attended_forms "
        "venue_verbs anniversary_nouns hold_verbs occasion_announcements chair_verbs"
    ).split()
    cues = {k: frozenset(str(x).lower() for x in data.get(k, [])) for k in cue_keys}
    automaton = ahocorasick.Automaton()
    for needle, (loose, exact) in needles.items():
        automaton.add_word(needle, (len(needle), loose, exact))
    automaton.make_automaton()
    return Lexicon(
        nouns={k: tuple(v) for k, v in nouns.items()},
        compounds={k: tuple(v) for k, v in compounds.items()},
        forms={k: tuple(v) for k, v in forms.items()},
        exclude=frozenset(exclude),
        types=types,
        attend=verbs("attend_verbs"),
        absence=verbs("absence_verbs"),
        cues=cues,
        automaton=automaton,
        modifier_kinds={
            str(k).lower(): _as_tuple(v) for k, v in data.get("modifier_kinds", {}).items()
        },
    )


# --------------------------------------------------------------------------------------------
# tokens, clauses, triggers


class Token:
    """A word or punctuation mark of a sentence, with body offsets.

    Performance: a plain ``__slots__`` class instead of a frozen dataclass (whose ``__init__``
    is several times slower) that computes ``capital``/``punct`` once instead of per access;
    tokens are made by the thousand per article and these flags are read in every rule.
    Treat instances as read-only.
    """

    __slots__ = ("text", "low", "start", "end", "capital", "punct")

    def __init__(self, text: str, low: str, start: int, end: int) -> None:
        self.text = text
        self.low = low
        self.start = start
        self.end = end
        first = text[:1]
        self.capital = first.isupper()
        self.punct = not first.isalnum()

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Token):
            return NotImplemented
        return (self.text, self.low, self.start, self.end) == (
            other.text, other.low, other.start, other.end,
        )  # fmt: skip

    def __hash__(self) -> int:
        return hash((self.text, self.low, self.start, self.end))

    def __repr__(self) -> str:
        return f"Token(text={self.text!r}, low={self.low!r}, start={self.start}, end={self.end})"


@dataclass
class Hit:
    """A trigger found at one token."""

    index: int  # token index
    entry: Entry
    prefix: tuple[int, int] | None = (
        None  # body span of a compound's modifier ("SCO" in SCO-Gipfel)
    )


@dataclass
class Clause:
    lo: int  # token range [lo, hi)
    hi: int
    hits: list[Hit] = field(default_factory=list)


def _tokens(text: str, offset: int, splits: Sequence[int] = ()) -> list[Token]:
    """Words and punctuation; ``splits`` (body offsets) cut glued words ("Bidenempfing")."""
    out = []
    for m in _TOKEN.finditer(text):
        w = m.group()
        s = offset + m.start()
        e = s + len(w)
        if splits:  # most sentences have no glue point: no search per word
            lo = bisect.bisect_right(splits, s)
            while lo < len(splits) and splits[lo] < e:
                cut = splits[lo] - s
                out.append(Token(w[:cut], w[:cut].lower(), s, s + cut))
                w, s = w[cut:], splits[lo]
                lo += 1
        out.append(Token(w, w.lower(), s, e))
    return out


_ORDINAL_WORDS = frozenset(
    "erster erste erstes ersten erstem neuer neue neues neuen neuem zweiter zweite dritter "
    "dritte letzter letzte".split()
)


def _clauses(tokens: Sequence[Token], lex: Lexicon) -> list[Clause]:
    """Cut a sentence at strong punctuation, at commas that open a clause, and at "und" + verb."""
    starters = lex.cue("clause_starters")
    coord = lex.cue("coordination_starters")
    subordinators = lex.cue("subordinators")
    relatives = lex.cue("relative_pronouns")
    cuts = [0]
    n = len(tokens)
    open_sub = bool(tokens) and tokens[0].low in subordinators
    closes: set[int] = set()
    for i, t in enumerate(tokens):
        if t.text in _HARD_BREAK or (t.text == "-" and i > 0):
            cuts.append(i + 1)
            open_sub = i + 1 < n and tokens[i + 1].low in subordinators
        elif t.text == ",":
            nxt = tokens[i + 1].low if i + 1 < n else ""
            after = tokens[i + 2].text if i + 2 < n else ""
            third = tokens[i + 3].low if i + 3 < n else ""
            if open_sub and i + 1 < n and not tokens[i + 1].capital and not tokens[i + 1].punct \
                    and nxt not in _ENUM_GLUE and nxt not in _DETERMINERS:  # fmt: skip
                # "Während Finnland ... aufgenommen wurde, musste Stockholm warten": the verb
                # after the comma starts the main clause
                cuts.append(i + 1)
                open_sub = False
            elif (
                nxt in ("der", "die", "das", "den", "dem")
                and i + 2 < n
                and tokens[i + 2].capital
                and (third in (",", "und", "sowie", "oder"))
            ):
                pass  # "Argentinien, Ägypten, der Iran und ...", "aus Spanien, den Niederlanden
                # und Dänemark": an enumeration, no relative clause
            elif nxt in ("der", "die", "das") and _enumerated_name(tokens, i + 2):
                pass  # "Macron, der britische Premier Rishi Sunak und ...": one more list item
            elif (
                nxt in ("und", "sowie")
                and i + 2 < n
                and tokens[i + 2].capital
                and any(tk.text == "," for tk in tokens[cuts[-1] : i])
            ):
                pass  # "die Präsidenten Senegals, Macky Sall, und Benins, ...": an enumeration
            elif nxt == "als" and (after.isdigit() or after.lower() in _ORDINAL_WORDS):
                pass  # "..., als 47. Präsident vereidigt": an apposition, no "als" clause
            elif i in closes:
                pass  # the comma that closes an apposition
            elif nxt in _APPOSITION_ARTICLES and _apposition(tokens, i + 1):
                # "mit Premierminister X, dem amtierenden Vorsitzenden der Caricom, den
                # Gipfel": a noun in apposition, no relative clause
                closes.add(next(k for k in range(i + 1, n) if tokens[k].text == ","))
            elif nxt in ("bei", "durch") and after.lower() in ("dem", "der", "denen"):
                # ", bei dem drei Journalisten getötet wurden": a relative clause of its own
                cuts.append(i + 1)
                open_sub = True
            elif nxt in starters and not (nxt in ("dem", "den") and after.isdigit()):
                cuts.append(i + 1)  # "am Samstag, dem 9. September": a date, no new clause
                # a relative clause is verb-final too: "Lula, der ... gelandet war, nahm teil"
                open_sub = nxt in subordinators or nxt in relatives
        elif t.low in ("und", "sowie", "aber") and i + 1 < n:
            nxt_tok = tokens[i + 1]
            parallel = nxt_tok.low in ("im", "am") and any(
                tokens[j].low in ("in", "im", "am", "an") for j in range(max(0, i - 3), i)
            )  # "Ziele in Pakistan und im verwalteten Teil Kaschmirs": two places, one clause
            if nxt_tok.low in coord and not nxt_tok.capital and not parallel:
                cuts.append(i + 1)
    cuts.append(n)
    cuts = sorted(set(cuts))
    return [Clause(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if b > a]


_APPOSITION_ARTICLES = frozenset("dem den der des".split())
_APPOSITION_PREPS = frozenset("von vom aus in im für".split())


def _apposition(tokens: Sequence[Token], i: int) -> bool:
    """From the article at ``i`` to the next comma there is only a noun phrase ("dem
    amtierenden Vorsitzenden der Caricom"): an apposition. A relative clause has its verb
    ("dem die Staaten angehören"), a lower-case word that no noun follows."""
    j = i + 1
    nouns = 0
    while j < len(tokens) and tokens[j].text != ",":
        t = tokens[j]
        if t.punct or j - i > 8:
            return False
        if t.capital:
            nouns += 1
        elif t.low in _DETERMINERS or t.low in _APPOSITION_PREPS:
            pass
        elif not (
            _inflected(t.low)
            and j + 1 < len(tokens)
            and (tokens[j + 1].capital or _inflected(tokens[j + 1].low))
            and not tokens[j + 1].punct
        ):
            return False
        j += 1
    return j < len(tokens) and nouns > 0


def _subject_before_relative(
    tokens: Sequence[Token],
    clauses: Sequence[Clause],
    ci: int,
    mentions: Sequence[Mention],
    lex: Lexicon,
) -> int | None:
    """Where the subject of a clause starts when it stands before a relative clause that cuts it
    off ("Lula, der erst am Morgen gelandet war, nahm teil"): the start of the clause before the
    relative clause, if that one has no trigger of its own and ends with a name; else None."""
    if ci < 2:
        return None
    clause, rel, head = clauses[ci], clauses[ci - 1], clauses[ci - 2]
    if head.hits or rel.hits or clause.lo >= len(tokens):
        return None
    first = tokens[clause.lo]
    if first.capital or first.punct or tokens[clause.lo - 1].text != ",":
        return None  # the clause goes on with its verb right after the comma
    if tokens[rel.lo].low not in lex.cue("relative_pronouns") or tokens[rel.lo - 1].text != ",":
        return None
    lo, hi = tokens[clause.lo].start, tokens[clause.hi - 1].end
    if any(lo <= m.start < hi and m.kind in ("person", "state") for m in mentions):
        return None  # the clause names its own subject
    before = tokens[rel.lo - 2] if rel.lo >= 2 else None
    if before is None or not any(m.start <= before.start < m.end for m in mentions):
        return None  # no name right before the relative clause
    return head.lo


def _enumerated_name(tokens: Sequence[Token], j: int) -> bool:
    """After ", der": adjectives, then capitalised words (a title and a name), then a list joint
    ("der britische Premierminister Rishi Sunak und ..."): a list item, no relative clause."""
    n = len(tokens)
    adjectives = 0
    while j < n and not tokens[j].capital and not tokens[j].punct:
        if adjectives == 2 or not tokens[j].low.endswith(("e", "en")):
            return False
        adjectives += 1
        j += 1
    names = 0
    while j < n and tokens[j].capital and not tokens[j].punct:
        names += 1
        j += 1
    # with no adjective, a title and a full name ("der Sondergesandte Steve Witkoff und"); two
    # capitals could be a relative clause's object ("Macron, der Scholz und Tusk empfing")
    return (2 if adjectives else 3) <= names <= 5 and j < n and tokens[j].low in _CONJUNCTS


def _particle_ok(entry_particles: tuple[str, ...], tokens: Sequence[Token], clause: Clause) -> bool:
    """A separable verb's particle closes its clause ("nahm ... teil."), or its first predicate
    when a second one follows with "und" and a verb ("blieb dem Gipfel fern und ließ sich ...
    vertreten")."""
    words = _words(tokens, clause)
    if len(words) > 1 and words[-1].low in ("und", "aber"):
        words = words[:-1]  # "blieb fern und | schickte X": cut before the second predicate
    if not words:
        return False
    if words[-1].low in entry_particles:
        return True
    span = tokens[clause.lo : clause.hi]
    if any(
        a.low in entry_particles and not a.capital and b.text == ","
        for a, b in zip(span, span[1:], strict=False)
    ):
        return True  # "blieb der Feier fern, sein Land war vertreten": a comma closes it too
    return any(
        a.low in entry_particles
        and not a.capital  # "zum Teil und": a noun, no particle
        and b.low in ("und", "aber")
        and not c.capital
        and c.low not in _DETERMINERS
        and c.low not in _ENUM_GLUE
        for a, b, c in zip(words, words[1:], words[2:], strict=False)
    )


def _match_token(
    tok: Token, lex: Lexicon, first_in_sentence: bool
) -> tuple[tuple[Entry, int], ...]:
    """Lexicon entries that this token is, with the length of the compound modifier (0 if none)."""
    key = (tok.low, tok.capital, first_in_sentence)
    found = lex.match_cache.get(key)
    if found is None:
        if len(lex.match_cache) > 100_000:
            lex.match_cache.clear()
        found = lex.match_cache[key] = tuple(
            _match_word(tok.low, tok.capital, first_in_sentence, lex)
        )
    return found


def _compound_cut(low: str, lex: Lexicon) -> int | None:
    """Where the longest lexicon head of a closed compound starts ("Klima|konferenz"), unless
    that head is excluded ("Presse|konferenz")."""
    for cut in range(2, len(low) - 3):
        head = low[cut:]
        if head in lex.compounds:
            return None if head in lex.exclude else cut
    return None


def _match_word(
    low: str, capital: bool, first_in_sentence: bool, lex: Lexicon
) -> list[tuple[Entry, int]]:
    """`_match_token` for a word given by its lower-cased form and capitalisation."""
    low = low.rstrip("'")
    if low in lex.exclude:
        return []
    out: list[tuple[Entry, int]] = []
    if capital:
        for e in lex.nouns.get(low, ()):
            out.append((e, 0))
        if not out and (first_in_sentence or True):
            pass
        if not out:
            if "-" in low:
                head = low.rsplit("-", 1)[1]
                if head not in lex.exclude:
                    for e in lex.compounds.get(head, ()):
                        out.append((e, len(low) - len(head) - 1))
                    if not out:
                        for e in lex.nouns.get(head, ()):
                            out.append((e, len(low) - len(head) - 1))
                    if not out:
                        # "UN-Klimakonferenz", "EU-Sondergipfel": the part after the hyphen is
                        # itself a compound; the modifier is still the part before the hyphen
                        cut = _compound_cut(head, lex)
                        if cut is not None:
                            out.extend(
                                (e, len(low) - len(head) - 1) for e in lex.compounds[head[cut:]]
                            )
            else:
                cut = _compound_cut(low, lex)
                if cut is not None:
                    out.extend((e, cut) for e in lex.compounds[low[cut:]])
    if not capital or first_in_sentence:
        for e in lex.forms.get(low, ()):
            if not e.noun:
                out.append((e, 0))
    return out


# --------------------------------------------------------------------------------------------
# candidate events


@dataclass
class Cand:
    """An event as one clause reports it, before article-level resolution."""

    type: str
    sentence: int
    clause: Clause
    hits: list[Hit]
    weight: str
    frame: str
    status: str = "occurred"
    start: FuzzyDate | None = None
    end: FuzzyDate | None = None
    place: str | None = None
    state: str | None = None
    organization: str | None = None
    roles: dict[tuple[str, str], str] = field(default_factory=dict)
    destinations: list[str] = field(default_factory=list)  # visited states, in text order
    hosts_explicit: bool = False
    has_subject: bool = False
    subject_absent: bool = False
    definite: bool = False
    reference: bool = False  # named inside a PP of another predicate ("nach seinen Gesprächen")
    background: bool = False  # named in a comparison ("wie schon beim G20-Gipfel"): not in focus
    margin: bool = False  # talks "am Rande" of a gathering
    aggregate: bool = False
    negated: bool = False
    carries_roles: bool = False  # a support word that names who takes part ("Unter den Gästen")
    attended: bool = False  # its clause says who attends ("nahmen teil", "Unter den Gästen")
    attended_past: bool = False  # ... as done ("nahm an den Gesprächen teil")
    judged: bool = False  # an attack noun a judging verb names: its subject judges, not attacks
    passive_plan: bool = False  # planned by a present passive only ("wird ... vereidigt")
    fallback: tuple[str, int] | None = None  # how to find an unnamed subject, and where
    object_at: int | None = None  # an object pronoun ("lud ihn ein"): someone named before
    received: bool = False  # a host verb in the passive ("wurde von X empfangen"): guest subject
    passive: bool = False  # an attack verb in the passive ("getötet worden war"): subject is hit
    fallback_hosts: bool = False  # the unnamed subject of a host verb hosts ("das ... ausrichtet")
    summit: Cand | None = None  # the gathering named in the same clause ("auf dem Gipfel")
    decided: bool = False  # the object of a decision ("Aufnahme war ... beschlossen worden")
    after_event: tuple[str, int] | None = None  # "zwei Tage nach der Wahl": (type, days)
    merged_into: Cand | None = None
    evidence: list[Evidence] = field(default_factory=list)

    def organize(self, org: str, role: str | None) -> None:
        """The organization behind the event, also a participant when its type gives it a role."""
        self.organization = org
        if role:
            self.add("organization", org, role)

    def add(self, kind: str, key: str, role: str) -> None:
        k = (kind, key)
        old = self.roles.get(k)
        if old is None or _ROLE_RANK[role] > _ROLE_RANK[old]:
            self.roles[k] = role

    def final(self) -> Cand:
        c = self
        while c.merged_into is not None:
            c = c.merged_into
        return c


_ROLE_RANK = dedup.ROLE_RANK


@dataclass
class _Article:
    body: str
    sentences: list[Sentence]
    starts: list[int]
    mentions: dict[int, list[Mention]]
    persons: dict[str, PersonRef]
    kb: Any
    lex: Lexicon
    published: FuzzyDate | None
    anchor: FuzzyDate | None  # an explicit day of the text when the header gives a month
    dates: list[DateExpr]
    date_starts: list[int]
    names: Mapping[str, tuple[str, str]]
    # list items after an announcement ("kündigte weitere Stationen an: • am Freitag ...")
    announced_items: frozenset[int] = frozenset()
    splits: Sequence[int] = ()  # word boundaries that glue hid (etl.glue)
    headline_end: int = 0  # body[:headline_end] is the title and lead

    def sentence_of(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.starts, offset) - 1)

    def dates_in(self, start: int, end: int) -> list[DateExpr]:
        i = bisect.bisect_left(self.date_starts, start)
        out = []
        while i < len(self.dates) and self.dates[i].start < end:
            out.append(self.dates[i])
            i += 1
        return out

    def person_state(self, key: str) -> str | None:
        ref = self.persons.get(key)
        if ref is not None and ref.state:
            return ref.state
        p = _kb_get(self.kb, "persons", key)
        return getattr(p, "state", None) if p is not None else None

    def person_title(self, key: str) -> str | None:
        ref = self.persons.get(key)
        if ref is not None and ref.title:
            return ref.title
        p = _kb_get(self.kb, "persons", key)
        if p is None:
            return None
        title_on = getattr(p, "title_on", None)
        if callable(title_on):
            return title_on(self.published.value if self.published else None)
        return getattr(p, "title", None)

    def place_state(self, key: str) -> str | None:
        p = _kb_get(self.kb, "places", key)
        if p is None:
            return None
        return p.get("state") if isinstance(p, dict) else getattr(p, "state", None)

    def org_kind(self, key: str) -> str | None:
        return self._org_field(key, "kind")

    def org_seat(self, key: str | None) -> str | None:
        return self._org_field(key, "seat") if key else None

    def _org_field(self, key: str, name: str) -> str | None:
        o = _kb_get(self.kb, "organizations", key)
        if o is None:
            return None
        return o.get(name) if isinstance(o, dict) else getattr(o, name, None)

    def entity_state(self, k: tuple[str, str]) -> str | None:
        kind, key = k
        if kind == "state":
            return key
        if kind == "person":
            return self.person_state(key)
        return None


def _kb_get(kb: Any, table: str, key: str) -> Any:
    mapping = getattr(kb, table, None)
    if mapping is None:
        return None
    try:
        return mapping.get(key)
    except AttributeError:
        return None


_NAME_INDEX: dict[int, tuple[Any, dict[str, tuple[str, str]]]] = {}


def _name_index(kb: Any) -> Mapping[str, tuple[str, str]]:
    """Lower-cased names of states, places and organizations, for compound modifiers
    ("Chinareise", "Russland-Besuch") that entity extraction does not split."""
    cached = _NAME_INDEX.get(id(kb))
    if cached is not None and cached[0] is kb:
        return cached[1]
    index: dict[str, tuple[str, str]] = {}
    for code, st in (getattr(kb, "states", None) or {}).items():
        names = getattr(st, "names", None) or ()
        if isinstance(st, dict):
            names = st.get("names", ())
        for n in names:
            index.setdefault(n.lower(), ("state", code))
    for key, pl in (getattr(kb, "places", None) or {}).items():
        name = pl.get("name") if isinstance(pl, dict) else getattr(pl, "name", None)
        aliases = (pl.get("aliases") if isinstance(pl, dict) else getattr(pl, "aliases", ())) or ()
        for n in [name, *aliases]:
            if n:
                index.setdefault(n.lower(), ("place", key))
    for key, org in (getattr(kb, "organizations", None) or {}).items():
        abbr = (
            org.get("abbreviation") if isinstance(org, dict) else getattr(org, "abbreviation", None)
        )
        if abbr:
            index.setdefault(abbr.lower(), ("organization", key))
    if len(_NAME_INDEX) > 8:
        _NAME_INDEX.clear()
    _NAME_INDEX[id(kb)] = (kb, index)
    return index


def _is_source(m: Mention, art: _Article) -> bool:
    """Spokespeople and news media report events; they do not take part in them."""
    if m.kind == "person":
        title = (art.person_title(m.key) or "").lower()
        spk = art.lex.cue("spokesperson_titles")
        return title in spk or m.surface.lower() in spk
    if m.kind == "organization":
        return (art.org_kind(m.key) or "") in ("media", "news_agency")
    return False


def _is_adjective(m: Mention) -> bool:
    return m.via in ("adjective", "demonym") or (
        m.surface[:1].islower() and m.kind != "organization"
    )


def extract_events(
    body: str,
    entities: EntitiesLike,
    published: FuzzyDate | None,
    kb: KnowledgeLike | Any,
    lexicon: Lexicon | None = None,
    headline_end: int = 0,
) -> list[EventFact]:
    """The events an article reports, one per happening, each with its participants and evidence.

    ``body[:headline_end]`` is the title and lead. Headlines compress ("Gipfel in Alaska ohne
    Durchbruch") and use the present for what happened, so they are read apart from the body:
    a headline event that the body reports too only adds its evidence; one the body never
    tells ("Osttimor wird elftes Mitglied der Asean") stands on its own.
    """
    lex = lexicon or load_lexicon()
    anchor: FuzzyDate | None = None
    if published is None:
        published = _stand_date(body)
        if published is None:
            # the lead's date is a day the article reports, not the day it was written: its
            # weekdays are the nearest ones ("am Mittwoch" after "am Dienstag, dem 11. März")
            published = anchor = _lead_date(body)
    sentences = list(entities.sentences)
    if not sentences or not body:
        return []
    starts = [s.start for s in sentences]
    by_sentence: dict[int, list[Mention]] = {}
    for m in sorted(entities.mentions, key=lambda m: (m.start, -m.end)):
        by_sentence.setdefault(m.sentence_index, []).append(m)
    splits = glue.splits(body, entities.mentions)
    candidate_sentences = sorted(
        {
            bisect.bisect_right(starts, end) - 1
            for end in _trigger_ends(body.lower(), lex, frozenset(splits))
        }
    )
    candidate_sentences = [si for si in candidate_sentences if 0 <= si < len(sentences)]
    dates = [
        d for si in candidate_sentences for d in find_dates(sentences[si].text, sentences[si].start)
    ]
    art = _Article(
        body=body,
        sentences=sentences,
        starts=starts,
        mentions=by_sentence,
        persons=dict(entities.persons),
        kb=kb,
        lex=lex,
        published=published,
        anchor=anchor or text_anchor(body, published),
        dates=dates,
        date_starts=[d.start for d in dates],
        names=_name_index(kb),
        announced_items=_announced_items(body, sentences, lex),
        splits=splits,
        headline_end=headline_end,
    )
    def read(indices: Iterable[int]) -> list[EventFact]:
        cands: list[Cand] = []
        for si in indices:
            cands.extend(_with_listed_roles(_sentence_candidates(sentences[si], art), si, art))
        return _resolve_article(cands, art)

    events = read(si for si in candidate_sentences if starts[si] >= headline_end)
    for ev in read(si for si in candidate_sentences if starts[si] < headline_end):
        told = next((b for b in events if _headline_of(ev, b, loose=False)), None) or next(
            (b for b in events if _headline_of(ev, b, loose=True)), None
        )
        if told is None:
            events.append(ev)
        else:
            told.evidence.extend(ev.evidence)
    return [_fix_hosts(ev, art) for ev in _merge_within(events)]


_TALKS = frozenset({"summit", "meet"})


def _headline_of(head: EventFact, body: EventFact, loose: bool) -> bool:
    """The body event that a headline event announces: same kind, someone in common. Loosely,
    a headline's "Gipfel" is also the body's talks of two ("Gipfel in Alaska": Trump and Putin
    met), when no gathering of the body fits it."""
    kinds = {dedup.group_of(head.type), dedup.group_of(body.type)}
    if len(kinds) > 1 and not (loose and kinds == _TALKS):
        return False
    ents = {(p.kind, p.key) for p in head.participants}
    if head.organization and head.organization == body.organization:
        return True
    return bool(ents & {(p.kind, p.key) for p in body.participants})


_BULLET = re.compile(r"(?:^|\n)[ \t]*[•·*–-][ \t]*$")


_BULLET_HEAD = re.compile(r"[ \t]*[•·*–-][ \t]*")


def _bullet_date(at: int, art: _Article) -> list[DateExpr]:
    """The date that opens a bullet item ("• 23. April: Indien setzt ... aus."), for every
    sentence of the item: a chronicle's entries are dated by their head."""
    line = art.body.rfind("\n", 0, at) + 1
    head = _BULLET_HEAD.match(art.body, line)
    if head is None or head.end() == line:
        return []
    first = art.dates_in(head.end(), head.end() + 40)
    if not first or first[0].start != head.end():
        return []
    e = first[0]
    return [e] if art.body[e.end : e.end + 1] == ":" else []


def _bullets_after(si: int, body: str, sentences: Sequence[Sentence]) -> list[int]:
    """The bullet items right after sentence ``si`` when it ends in a colon, or in no
    punctuation at all ("Al-Sisi empfing unter anderem" and the list below)."""
    last = sentences[si].text.rstrip()[-1:]
    if not (last == ":" or last.isalpha()):
        return []
    out: list[int] = []
    for j in range(si + 1, len(sentences)):
        if not _BULLET.search(body[max(0, sentences[j].start - 12) : sentences[j].start]):
            break
        out.append(j)
    return out


def _with_listed_roles(cands: list[Cand], si: int, art: _Article) -> list[Cand]:
    """A sentence that names who takes part and ends in a colon ("An dem Gipfel nahmen teil:",
    "Unter den Gästen waren:") or in no punctuation at all ("X empfing unter anderem") hands its
    role to the persons of the bullet list below it (the received are guests); an item without
    a person stands for its state ("die Delegation Brasiliens"). A trip verb takes a list of
    names as its travellers; items that tell a happening of their own are trips of their own."""
    trips = [c for c in cands if c.type == "visit" and not c.hits[0].entry.noun]
    carriers = [c for c in cands if c.attended or c.frame == "host_verb"]
    items = _bullets_after(si, art.body, art.sentences) if carriers or trips else []
    if trips and not any(
        any(True for _ in _trigger_ends(art.sentences[j].text.lower(), art.lex)) for j in items
    ):  # "Nach Riad gereist waren unter anderem: • X • Y": names, the travellers
        carriers += [c for c in trips if c not in carriers]
    for j in items if carriers else []:
        ms = art.mentions.get(j, [])
        persons = [m for m in ms if m.kind == "person"]
        for m in persons or [m for m in ms if m.kind == "state"]:
            for c in carriers:
                c.add(m.kind, m.key, "absent" if c.negated else "participant")
    return cands


def _announced_items(body: str, sentences: Sequence[Sentence], lex: Lexicon) -> frozenset[int]:
    """The bullet items of a list that a sentence ending in a colon announces: plans, though
    they name no verb of their own."""
    cues = lex.cue("planned_cues") | lex.cue("announce_words")
    out: set[int] = set()
    for i, s in enumerate(sentences):
        if not s.text.rstrip().endswith(":"):
            continue
        if not {w.lower() for w in re.findall(r"\w+", s.text)} & cues:
            continue
        out.update(_bullets_after(i, body, sentences))
    return frozenset(out)


_STAND = re.compile(r"\bStand:?\s+(\d{1,2})\.(\d{1,2})\.(\d{4})\b")


def _stand_date(body: str) -> FuzzyDate | None:
    """An undated article's "Stand: 23.08.2024" line: the day its relative dates count from."""
    m = _STAND.search(body[:2000])
    if m is None:
        return None
    try:
        day = datetime.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    except ValueError:
        return None
    return FuzzyDate(day, "day")


def _lead_date(body: str) -> FuzzyDate | None:
    """An undated article without a "Stand" line counts its relative dates ("am vergangenen
    Samstag", "im kommenden Jahr") from the full date its lead reports ("stimmten am Samstag,
    dem 14. Dezember 2024, ...")."""
    for e in find_dates(body[:_LEAD_CHARS]):
        if e.kind == "date" and e.year is not None and e.month and e.day:
            try:
                return FuzzyDate(datetime.date(e.year, e.month, e.day), "day")
            except ValueError:
                return None
    return None


_LEAD_CHARS = 800


def _trigger_ends(low: str, lex: Lexicon, splits: frozenset[int] = frozenset()) -> Iterable[int]:
    """Where a lexicon word may end: one C-speed pass, with word-boundary checks so that "kam"
    in "Kampf" or "reist" in "Reisespielraum" do not send a sentence to the tokenizer. A
    boundary that glue hid ("Bidenempfing") counts as a word start."""
    n = len(low)
    for end, (length, loose, exact) in lex.automaton.iter(low):
        start = end - length + 1
        if not loose and start > 0 and low[start - 1].isalpha() and start not in splits:
            continue
        if exact and end + 1 < n and low[end + 1].isalpha():
            continue
        yield end


# --------------------------------------------------------------------------------------------
# per sentence


def _sentence_tokens(sent: Sentence, art: _Article) -> list[Token]:
    """A sentence's tokens, split where glue hid a word boundary."""
    lo = bisect.bisect_left(art.splits, sent.start)
    hi = bisect.bisect_left(art.splits, sent.end, lo)
    return _tokens(sent.text, sent.start, art.splits[lo:hi])


def _sentence_candidates(sent: Sentence, art: _Article) -> list[Cand]:
    lex = art.lex
    tokens = _sentence_tokens(sent, art)
    if not tokens:
        return []
    clauses = _clauses(tokens, lex)
    clause_of = [0] * len(tokens)
    for ci, c in enumerate(clauses):
        for i in range(c.lo, c.hi):
            clause_of[i] = ci
    first_word = next((i for i, t in enumerate(tokens) if not t.punct), 0)
    for i, tok in enumerate(tokens):
        if tok.punct:
            continue
        for entry, cut in _match_token(tok, lex, i == first_word):
            clause = clauses[clause_of[i]]
            if not _entry_applies(entry, tokens, clause):
                continue
            if entry.after and not _opened_by(tokens, i, clause, entry.after):
                continue
            if entry.not_after and _preposition_before(tokens, i, clause) in entry.not_after:
                continue
            prefix = (tok.start, tok.start + cut) if cut else None
            clause.hits.append(Hit(i, entry, prefix))
    out: list[Cand] = []
    mentions = _with_compound_names(art.mentions.get(sent.index, []), tokens, clauses, art, sent)
    mentions = _with_role_nouns(mentions, tokens, art, sent)
    for ci, clause in enumerate(clauses):
        if clause.hits:
            out.extend(_clause_candidates(sent, tokens, clauses, ci, mentions, art))
    for c in out:
        if c.type == "election" and c.status == "occurred":
            _vote_shares(c, tokens, clauses, mentions)
    return out


def _vote_shares(
    c: Cand, tokens: Sequence[Token], clauses: Sequence[Clause], mentions: Sequence[Mention]
) -> None:
    """ "Bei der Wahl am 2. Juni hatte X 60 Prozent erhalten; Y kam auf 27 Prozent": who is
    given a share of the vote in the election's sentence ran in it."""
    for clause in clauses:
        if not any(t.low == "prozent" for t in tokens[clause.lo : clause.hi]):
            continue
        lo, hi = tokens[clause.lo].start, tokens[clause.hi - 1].end
        for m in mentions:
            if m.kind == "person" and lo <= m.start < hi:
                c.add("person", m.key, "participant")


_ANAPHOR_ROLES = frozenset(
    "head_of_state head_of_government foreign_minister defense_minister leader "
    "secretary_general".split()
)
_ROLE_INDEX: dict[int, tuple[Any, dict[str, Any]]] = {}


def _role_nouns(kb: Any) -> Mapping[str, Any]:
    """Lower-cased leader role nouns of the knowledge base ("kanzler", "kremlchef")."""
    cached = _ROLE_INDEX.get(id(kb))
    if cached is not None and cached[0] is kb:
        return cached[1]
    index: dict[str, Any] = {}
    for r in getattr(kb, "roles", None) or ():
        if getattr(r, "role", None) in _ANAPHOR_ROLES and getattr(r, "organization", None) is None:
            index.setdefault(str(r.noun).lower(), r)
    if len(_ROLE_INDEX) > 8:
        _ROLE_INDEX.clear()
    _ROLE_INDEX[id(kb)] = (kb, index)
    return index


def _role_noun(low: str, index: Mapping[str, Any]) -> Any:
    """The role noun a token inflects ("Kanzlers", "Präsidenten"), or None."""
    for cut in (0, 1, 2):
        base = low[: len(low) - cut] if cut else low
        if base in index and (cut == 0 or low[len(base) :] in ("s", "n", "en", "es")):
            return index[base]
    return None


def _title_fits(title: str | None, noun: str) -> bool:
    """ "Bundeskanzler" and "US-Präsident" answer to "der Kanzler", "der Präsident";
    "Ministerpräsident" does not answer to "der Präsident"."""
    t = (title or "").lower()
    prefixed = ("bundes" + noun, "staats" + noun)
    return bool(t) and (t == noun or t.endswith("-" + noun) or t in prefixed)


def _with_role_nouns(
    mentions: list[Mention], tokens: Sequence[Token], art: _Article, sent: Sentence
) -> list[Mention]:
    """A definite leader title without a name ("empfing den Kanzler", "traf den Kremlchef")
    stands for the person of the article who holds it: the title's state's office holder when
    the noun fixes the state, else the last person named before with that title."""
    index = _role_nouns(art.kb)
    if not index:
        return mentions
    extra: list[Mention] = []
    for i in range(1, len(tokens)):
        tok = tokens[i]
        if not tok.capital or tokens[i - 1].low not in ("der", "den", "dem", "des"):
            continue
        if i + 1 < len(tokens) and tokens[i + 1].capital:
            continue  # "den Kanzler Scholz": the name is the mention
        if any(m.start < tok.end and tok.start < m.end for m in mentions):
            continue
        r = _role_noun(tok.low, index)
        if r is None:
            continue
        key = _role_holder(art, r, tok.start)
        if key is not None:
            extra.append(Mention(sent.index, tok.start, tok.end, tok.text, "person", key, "role"))
    if not extra:
        return mentions
    return sorted([*mentions, *extra], key=lambda m: (m.start, -m.end))


def _role_mentions(art: _Article, si: int) -> list[Mention]:
    """The bare titles of a sentence that stand for a person named before ("der Kanzler")."""
    sent = art.sentences[si]
    tokens = _sentence_tokens(sent, art)
    mentions = art.mentions.get(si, [])
    return [m for m in _with_role_nouns(list(mentions), tokens, art, sent) if m.via == "role"
            and m not in mentions]  # fmt: skip


def _role_holder(art: _Article, r: Any, before: int) -> str | None:
    """Who a bare title refers to; only persons the article named before qualify, so that a
    title never brings in someone the text does not mention."""
    earlier = [
        m.key
        for si in range(0, art.sentence_of(before) + 1)
        for m in art.mentions.get(si, [])
        if m.kind == "person" and m.start < before and not _is_adjective(m)
    ]
    if not earlier:
        return None
    noun = str(r.noun).lower()
    state = getattr(r, "state", None)
    if state:
        holder = getattr(art.kb, "holder", None)
        day = art.published.value if art.published else None
        h = holder(r.role, state=state, on=day) if callable(holder) else None
        key = getattr(h, "key", None)
        if isinstance(key, str) and key in earlier:
            return key
        return None
    for key in reversed(earlier):
        if _title_fits(art.person_title(key), noun):
            return key
    return None


def _with_compound_names(
    mentions: list[Mention],
    tokens: Sequence[Token],
    clauses: Sequence[Clause],
    art: _Article,
    sent: Sentence,
) -> list[Mention]:
    """Add the entity that a trigger compound's modifier names when no mention covers it."""
    extra: list[Mention] = []
    for c in clauses:
        for h in c.hits:
            if h.prefix is None:
                continue
            a, b = h.prefix
            if any(m.start < b and a < m.end for m in mentions):
                continue
            word = art.body[a:b].lower().rstrip("-")
            found = art.names.get(word) or art.names.get(word.rstrip("s"))
            if found:
                extra.append(Mention(sent.index, a, a + len(word), art.body[a : a + len(word)],
                                     found[0], found[1], "compound"))  # type: ignore[arg-type]  # fmt: skip
    if not extra:
        return mentions
    return sorted([*mentions, *extra], key=lambda m: (m.start, -m.end))


def _opened_by(tokens: Sequence[Token], i: int, clause: Clause, words: frozenset[str]) -> bool:
    """The phrase of the token at ``i`` opens with one of ``words`` ("im Weißen Haus")."""
    j = i - 1
    while j > clause.lo and tokens[j].capital and tokens[j].low.endswith(("e", "en", "es")):
        j -= 1  # "Weißen", "Weiße"
    return j >= clause.lo and tokens[j].low in words


def _preposition_before(tokens: Sequence[Token], i: int, clause: Clause) -> str:
    """The word that opens the noun phrase of the token at ``i``, past its determiner and
    adjectives ("nach monatelangen Kämpfen": "nach")."""
    j = i - 1
    while j > clause.lo and (
        tokens[j].low in _DETERMINERS
        or (not tokens[j].capital and _inflected(tokens[j].low))
    ):
        j -= 1
    return tokens[j].low if j >= clause.lo else ""


def _entry_applies(entry: Entry, tokens: Sequence[Token], clause: Clause) -> bool:
    words = {t.low for t in tokens[clause.lo : clause.hi]}
    if entry.needs_any and not (entry.needs_any & words):
        return False
    if entry.unless_any and (entry.unless_any & words):
        return False
    if entry.particle and not _particle_ok(entry.particle, tokens, clause):
        return False
    if entry.unless_particle and _particle_ok(entry.unless_particle, tokens, clause):
        return False
    return True


def _clause_words(tokens: Sequence[Token], clause: Clause) -> list[str]:
    return [t.low for t in tokens[clause.lo : clause.hi]]


def _words(tokens: Sequence[Token], clause: Clause) -> list[Token]:
    """The clause's tokens without punctuation: what "the last word of the clause" means."""
    return [t for t in tokens[clause.lo : clause.hi] if not t.punct]


def _verb_present(
    verbs: Iterable[tuple[frozenset[str], tuple[str, ...]]],
    tokens: Sequence[Token],
    clause: Clause,
) -> bool:
    words = set(_clause_words(tokens, clause))
    for forms, particle in verbs:
        if forms & words and (not particle or _particle_ok(particle, tokens, clause)):
            return True
    return False


def _token_index(tokens: Sequence[Token], offset: int) -> int:
    """Index of the token that contains (or follows) a body offset."""
    lo, hi = 0, len(tokens)
    while lo < hi:
        mid = (lo + hi) // 2
        if tokens[mid].end <= offset:
            lo = mid + 1
        else:
            hi = mid
    return lo


def _clause_mentions(
    mentions: Sequence[Mention], tokens: Sequence[Token], clause: Clause
) -> list[Mention]:
    lo, hi = tokens[clause.lo].start, tokens[clause.hi - 1].end
    out: list[Mention] = []
    last_end = -1
    for m in mentions:
        if lo <= m.start < hi and m.start >= last_end:
            out.append(m)
            last_end = m.end
    return out


def _clause_candidates(
    sent: Sentence,
    tokens: Sequence[Token],
    clauses: Sequence[Clause],
    ci: int,
    mentions: Sequence[Mention],
    art: _Article,
) -> list[Cand]:
    lex = art.lex
    clause = clauses[ci]
    words = _clause_words(tokens, clause)
    wordset = set(words)
    hits = clause.hits

    # --- which hits make events -------------------------------------------------------------
    ref_preps = lex.cue("reference_preps")

    def _live(h: Hit) -> bool:
        """Not a noun inside a reference phrase ("Nach dem Gipfel telefonierte er ...")."""
        if not h.entry.noun:
            return True
        rel = h.index - clause.lo
        return not set(words[max(0, rel - 3) : rel]) & ref_preps

    end_nouns = lex.cue("end_nouns")
    era = lex.cue("era_adjectives")
    hits = [
        h
        for h in hits
        if not (
            h.entry.weight == "weak"
            and h.entry.noun
            and (
                _after_end_noun(words, h.index - clause.lo, end_nouns)
                or (h.index > clause.lo and words[h.index - clause.lo - 1] in era)
            )
        )  # "ein Ende des Krieges", "seit dem Kalten Krieg": background, not dated by the clause
        and not (
            h.entry.noun
            and _after_end_noun(words, h.index - clause.lo, lex.cue("anniversary_nouns"))
        )  # "zum 80. Jahrestag des Warschauer Aufstands": remembered, not happening now
        and not (
            h.entry.type == "legal"
            and not h.entry.noun
            and h.index + 1 < clause.hi
            and tokens[h.index + 1].capital
            and tokens[h.index + 1].low not in lex.cue("date_words")
            and not any(m.start == tokens[h.index + 1].start for m in mentions)
        )  # "einen zu lebenslanger Haft verurteilten Mörder": an attribute, no verdict
        and not (
            h.entry.type == "accession"
            and h.entry.noun
            and tokens[h.index].low in lex.cue("member_nouns")
            and not _becomes_member(tokens, h.index, clause)
        )  # fmt: skip
    ]
    types_present = {h.entry.type for h in hits if h.entry.weight != "support" and _live(h)}
    margin = bool(wordset & lex.cue("margin_cues"))
    attend = _verb_present(lex.attend, tokens, clause)
    absent_verb = _verb_present(lex.absence, tokens, clause)
    gathering_nouns = [h for h in hits if h.entry.noun and h.entry.type in ("summit", "meeting")]
    kept: list[Hit] = []
    named_gathering = any(h.entry.weight != "support" for h in gathering_nouns)
    for h in hits:
        e = h.entry
        if e.roles and named_gathering:
            continue  # "nahmen an den Gesprächen teil": the noun's own event takes the roles
        if (
            e.roles
            and e.weight == "support"
            and (absent_verb or wordset & lex.cue("absence_cues"))
            and (
                any(g.entry.weight != "support" for g in hits)
                or _own_object(
                    tokens,
                    clause,
                    mentions,
                    lex,
                    {
                        g.index
                        for g in hits
                        if g.entry.weight != "support" or g.entry.type == e.type
                    },
                )  # "blieb der Feier fern": a ceremony word is the object, with its own roles
            )
        ):
            continue  # "sagte seine Reise ab", "blieb dessen Manövern fern": its own object
        if e.type == "agreement" and not e.noun and types_present & {"accession", "decree"}:
            continue  # signing the documents of an accession is the accession; a decree's, a decree
        if (
            e.noun
            and e.type == "founding"
            and "agreement" in types_present
            and h.index - 2 >= clause.lo
            and tokens[h.index - 2].low == "über"
        ):
            continue  # "ein Vertrag über die Gründung einer Konföderation": what the pact says
        if e.type == "killing" and "attack" in types_present:
            continue  # "die Tötung Nasrallahs bei einem Luftangriff": the strike is the event
        if e.type == "meeting" and not e.noun and "summit" in types_present and not margin:
            continue  # "kamen zum Gipfel zusammen": taking part in the summit
        if e.type == "visit" and e.weight == "weak" and "summit" in types_present:
            continue  # "zu einem Gipfel ... im Kanzleramt empfangen": where the summit met
        if (
            e.type == "meeting"
            and not e.noun
            and (attend or absent_verb)
            and any(g is not h for g in gathering_nouns)
        ):
            continue
        kept.append(h)
    if not kept:
        return []

    # A trip noun inside a reference phrase is an earlier trip of its own when a live trigger
    # reports the clause's trip: "nach seinem Besuch in Moskau ist Modi in die Ukraine
    # gereist" is two visits, never one visit to two places. (Talks nouns stay with the verb:
    # "nach den Gesprächen mit X traf er Y" is told as one round of talks as often as two.)
    live_types = {h.entry.type for h in kept if h.entry.weight != "support" and _live(h)}
    groups: dict[tuple[str, bool], list[Hit]] = {}
    for h in kept:
        apart = (
            h.entry.type in live_types
            and lex.types[h.entry.type].needs_destination
            and h.entry.weight != "support"
            and not _live(h)
        )
        groups.setdefault((h.entry.type, apart), []).append(h)
    cm = [m for m in mentions if not _is_source(m, art)]
    negation = _negation(tokens, clause, lex)
    plan_words = _planned_words(tokens, clause, lex)
    planned = bool(plan_words) and not (negation and wordset & lex.cue("absence_cues"))
    passive_plan = (
        planned and set(plan_words) <= _PASSIVE_AUX and _present_passive(tokens, clause, lex)
    )
    if planned and set(plan_words) <= _PASSIVE_AUX and tokens[clause.lo].start < art.headline_end:
        # a headline's "werden" without an infinitive is its present: "Osttimor wird Mitglied"
        planned = _future_infinitive(tokens, clause)
    if not planned and ci > 0 and _zu_infinitive(tokens, clause, lex):
        planned = bool(_planned_words(tokens, clauses[ci - 1], lex))
    if not planned and sent.index in art.announced_items:
        planned = True  # "kündigte weitere Stationen an: • Ende Juni der Nato-Gipfel"
    if planned and wordset & lex.cue("occurred_cues") and _particle_ok(("statt",), tokens, clause):
        planned = False  # "Ein geplantes Treffen ... fand am Donnerstag statt": it took place
    decision = bool(wordset & lex.cue("decision_verbs"))
    # the sides of the clause: a state named with its own leader ("Frankreichs Präsident
    # Macron") is that leader's side, not one more counterpart
    named = [m for m in cm if m.kind in ("person", "state") and not _is_adjective(m)]
    led = {art.person_state(m.key) for m in named if m.kind == "person"}
    distinct = {(m.kind, m.key) for m in named if m.kind == "person" or m.key not in led}
    # delegations: "trafen sich Rubio, Waltz und Witkoff mit Lawrow und Uschakow" are two
    # sides at one table, however many people each sends
    sides = {(art.person_state(k) or k) if kind == "person" else k for kind, k in distinct}
    cands: list[Cand] = []
    for (typ, _apart), ghits in groups.items():
        spec = lex.types.get(typ)
        if spec is None:
            continue
        weights = {h.entry.weight for h in ghits}
        weight = "strong" if "strong" in weights else ("weak" if "weak" in weights else "support")
        verb = next((h for h in ghits if not h.entry.noun and h.entry.weight == "strong"), None)
        if verb is not None and ghits[0].entry.noun and _in_pp(tokens, ghits[0].index, clause):
            # "Im Augustkrieg 2008 hatte Russland Georgien angegriffen": the verb carries the
            # arguments, the noun in its phrase only names the war
            ghits = [verb] + [h for h in ghits if h is not verb]
        main = ghits[0]
        if typ == "attack" and _verbal_attack(tokens, clause, ghits, lex):
            continue  # "griff die Friedensinitiative Chinas an": words, not arms
        if (
            typ == "agreement"
            and all(h.entry.noun for h in ghits)
            and wordset & lex.cue("reject_verbs")
        ):
            continue  # "Macron lehnt das Abkommen ab": who opposes a pact is no party to it
        judged = (
            typ == "attack"
            and all(h.entry.noun for h in ghits)
            and bool(wordset & lex.cue("reject_verbs"))
        )  # "X nannte den Anschlag einen Angriff auf die Demokratie": X judges, no attacker
        if typ == "agreement" and _generic(tokens, ghits):
            continue  # "fordert mehr Freiheit für Handelsabkommen": pacts in general
        if typ == "agreement" and _left_pact(tokens, ghits, kept):
            continue  # "war 2003 aus dem Atomwaffensperrvertrag ausgetreten": it left a pact
        if typ == "agreement" and "founding" in live_types and _instrument(tokens, ghits):
            continue  # "mit dem Vertrag von Asunción gegründet": how it was founded
        if typ == "meeting" and _of_a_body(tokens, main.index, clause, mentions, lex):
            typ, spec = "summit", lex.types["summit"]  # "ein Treffen der Kontaktgruppe"
        elif (
            typ == "visit" and main.entry.frame == "host_verb" and not main.entry.noun
            and len(sides) >= 4
        ):  # "lud Staats- und Regierungschefs aus A, B und C nach Paris ein": he hosts a summit
            typ, spec = "summit", lex.types["summit"]
        elif (
            typ == "meeting"
            and main.entry.noun
            and _invites(tokens, clause, lex)
            and _leaders_gather(tokens, clause)
        ):
            # "lud europäische Staats- und Regierungschefs zu einem Krisentreffen ein"
            typ, spec = "summit", lex.types["summit"]
        elif typ == "meeting" and not main.entry.noun and _body_gathers(tokens, clause, cm, lex):
            # "kamen die Staats- und Regierungschefs der Ecowas in Abuja zusammen"
            typ, spec = "summit", lex.types["summit"]
        first = tokens[main.index]
        rel = main.index - clause.lo
        before = words[max(0, rel - 4) : rel]
        cand = Cand(
            type=typ,
            sentence=sent.index,
            clause=clause,
            hits=ghits,
            weight=weight,
            frame=main.entry.frame,
            status="planned"
            if planned and not _done_before_plan(tokens, clause, ghits, lex)
            else "occurred",
            margin=margin and typ == "meeting",
        )
        cand.passive_plan = passive_plan
        resigns = (
            cand.status == "planned"
            and typ == "departure"
            and main.entry.noun
            and set(plan_words) <= lex.cue("occasion_announcements")
        )  # "kündigte er seinen Rücktritt an": announcing it is resigning, then and there
        if cand.status == "planned" and main.entry.noun and _in_participle_phrase(
            tokens, main.index, clause
        ):  # "Den im August beim Gipfel angebotenen Beitritt will sie nicht vollziehen"
            cand.status = "occurred"
        occasion = resigns or (
            main.entry.noun
            and set(plan_words) <= lex.cue("occasion_announcements")
            and bool(wordset & _HAVE)
            and _preposition_before(tokens, main.index, clause) in ("bei", "beim")
        )  # "hatte bei einem Besuch in Chisinau einen Plan angekündigt": news of the visit,
        # which took place, at the clause's time
        if occasion:
            cand.status = "occurred"
        if _awaited(tokens, main.index, clause) and not wordset & lex.cue("pluperfect_auxiliaries"):
            cand.status = "planned"  # "hofft auf eine Einigung bis zum Nato-Gipfel im Juli"
        defs = lex.cue("definite_articles")
        cand.definite = (
            main.entry.noun
            and (
                bool(set(before[-2:]) & defs)
                or _determiner_before(tokens, main.index, clause, defs)
            )
            and not set(before[-2:]) & lex.cue("new_event_cues")  # "der nächste Gipfel"
            and not (typ == "meeting" and before[-1:] and before[-1].startswith("bilateral"))
        )  # "zum bilateralen Treffen" at a summit: talks of their own, not the summit
        cand.judged = judged
        cand.carries_roles = weight == "support" and all(h.entry.roles for h in ghits)
        cand.attended = cand.carries_roles or attend
        cand.attended_past = attend and bool(wordset & lex.cue("attended_forms"))
        if main.entry.noun and set(before[-2:]) & {"kein", "keine", "keinen", "keinem"}:
            cand.negated = True
        if typ == "agreement" and negation and any(not h.entry.noun for h in ghits):
            cand.negated = True  # "unterzeichnete die Erklärung aber nicht": nobody signed
        if typ == "accession" and negation:
            cand.negated = True  # "wird vorerst nicht Mitglied", "trat nicht bei": nobody joins
        if (
            main.entry.noun
            and weight != "support"
            and wordset & _CANCELLED
            and wordset & _PASSIVE_AUX
        ):
            cand.negated = True  # "Ein geplantes Treffen ... wurde abgesagt": it never happened
        if (
            main.entry.noun
            and weight != "support"
            and negation
            and wordset & lex.cue("failed_cues")
        ):
            cand.negated = True  # "Ein Treffen mit Duda kam nicht zustande / stand nicht an"
        if (
            typ == "agreement"
            and len(ghits) == 1
            and main.entry.noun
            and rel >= 2
            and before[-1] in ("des", "eines")
            and (words[rel - 2][:1].isdigit() or tokens[main.index - 2].capital)
            and words[rel - 2] not in lex.cue("treaty_act_nouns")
        ):
            continue  # "Verwahrer des Nordatlantikvertrags": a treaty named, nothing signed
        near = before[-3:]
        if "," in near:  # a comma ends the phrase: "schlug vor, ein Gipfel könne ..."
            near = near[len(near) - near[::-1].index(",") :]
        # "erstmals seit 2018 wieder Konsultationen": the preposition governs a year, not the noun
        near = [w for k, w in enumerate(near) if not (k + 1 < len(near) and near[k + 1].isdigit())]
        if (
            main.entry.noun and set(near) & lex.cue("reference_preps") and not cand.carries_roles
        ):  # "Vor Ort waren ...": an attendee list, no reference to an earlier event
            cand.reference = True
            cand.status = "occurred"
        if main.entry.noun and set(before[-3:]) & lex.cue("comparison_cues"):
            # "wie schon beim Brics-Gipfel": an earlier gathering compared with, never the one
            # that later "der Gipfel" or "vertrat ihn" of the article refers to
            cand.reference = cand.background = True
            cand.status = "occurred"
        if main.entry.noun and _plural_form(first.low) and _counted(before, lex):
            cand.aggregate = True
        listed = attend and cand.definite and _colon_list(tokens, clauses, ci)
        if (
            spec.max_counterparts is not None
            and not cand.reference
            and not listed  # "An dem Treffen nahmen teil: A, B, C, D und E": who attended
            and len(sides) > spec.max_counterparts + 1
            and first.low not in _JOINT_FORMS
        ):  # "hatte in Genf mit A, B, C und D verhandelt": one round of talks, not a summary
            cand.aggregate = True
        for h in ghits:
            t = tokens[h.index]
            cand.evidence.append(Evidence(sent.index, t.start, t.end, t.text))
        cand.decided = decision and typ not in ("summit", "meeting") and not occasion
        # "sind keine Mitglieder der Nato, nehmen aber an Nato-Gipfeln teil": a negation
        # behind "aber"/"und"/a comma belongs to another predicate
        own_negation = negation and _negation_reaches(tokens, clause, main.index, lex)
        cand.subject_absent = (own_negation or absent_verb) and typ in (
            "summit", "meeting", "visit", "commemoration", "inauguration"
        )  # fmt: skip
        if absent_verb and typ == "visit" and not cand.reference:
            cand.status = "planned"  # "sagte seine Reise nach Paris ab": a trip never made
        outer = _subject_before_relative(tokens, clauses, ci, cm, lex)
        if listed:
            # the names after the colon are the attendees of the gathering before it
            wide = list(clauses)
            wide[ci] = Clause(clause.lo, clauses[ci + 1].hi, clause.hits)
            _bind(cand, spec, tokens, wide, ci, cm, art, attend)
        elif outer is not None:
            # "Lula, der erst am Morgen gelandet war, nahm teil": the subject before the
            # relative clause; the relative clause's own names stay out
            rel = clauses[ci - 1]
            wide = list(clauses)
            wide[ci] = Clause(outer, clause.hi, clause.hits)
            kept_m = [m for m in cm if not tokens[rel.lo].start <= m.start < tokens[rel.hi - 1].end]
            _bind(cand, spec, tokens, wide, ci, kept_m, art, attend)
        else:
            _bind(cand, spec, tokens, clauses, ci, cm, art, attend)
        _date(cand, spec, tokens, clauses, ci, art, decision and not occasion)
        venue = _venue_clause(tokens, clauses, ci, main.index, lex)
        if venue is not None:
            _with_venue(cand, spec, tokens, clauses, ci, venue, cm, art, decision)
        cands.append(cand)
        if typ == "visit" and not cand.reference:
            hi = clause.hi  # the gap may be cut off as a clause of its own (", der Premier X")
            for nxt in clauses[ci + 1 :]:
                if nxt.hits:
                    break
                hi = nxt.hi
            cands.extend(_gapped_visits(cand, tokens, Clause(clause.lo, hi, clause.hits), cm, art))
    summit = next((c for c in cands if c.type == "summit"), None)
    joined = next((c for c in cands if c.type == "accession" and c.organization), None)
    if summit is not None and joined is not None and summit.organization != joined.organization:
        # "Zum Auftakt des Gipfels ... die Aufnahme der AU als Mitglied der G20": the newcomer
        # does not organize the gathering; the organization it joins does
        if joined.roles.get(("organization", summit.organization or "")) == "participant":
            summit.roles.pop(("organization", summit.organization or ""), None)
            summit.organization = joined.organization
    if summit is not None:
        for c in cands:
            if c is not summit:
                c.summit = summit
    return cands


_INFLECTIONS = ("e", "en", "er", "es", "em")


def _venue_clause(
    tokens: Sequence[Token], clauses: Sequence[Clause], ci: int, main: int, lex: Lexicon
) -> Clause | None:
    """The relative clause that tells when and where the gathering just named takes place ("lud
    ihn zu einer Konferenz ein, die am kommenden Sonntag in Rom stattfinden soll")."""
    if ci + 1 >= len(clauses) or not tokens[main].capital:
        return None
    clause, nxt = clauses[ci], clauses[ci + 1]
    if (
        tokens[nxt.lo].low not in lex.cue("relative_pronouns")
        or tokens[nxt.lo - 1].text != ","
        or nxt.hits
        or nxt.lo - main > 7  # the relative pronoun refers to a noun near it
        or not any(t.capital for t in tokens[main : nxt.lo])
    ):
        return None
    if not {t.low for t in tokens[nxt.lo : nxt.hi]} & lex.cue("venue_verbs"):
        return None
    return nxt if clause.hi == nxt.lo else None


def _with_venue(
    cand: Cand,
    spec: TypeSpec,
    tokens: Sequence[Token],
    clauses: Sequence[Clause],
    ci: int,
    venue: Clause,
    mentions: Sequence[Mention],
    art: _Article,
    decision: bool,
) -> None:
    """Take the date and place the venue clause gives to a gathering its own clause leaves
    without them."""
    words = {t.low for t in tokens[venue.lo : venue.hi]}
    if words & art.lex.cue("planned_cues") and cand.status == "occurred":
        cand.status = "planned"  # "..., die im Oktober stattfinden soll"
    if cand.start is None:
        wide = list(clauses)
        wide[ci] = Clause(clauses[ci].lo, venue.hi, clauses[ci].hits)
        _date(cand, spec, tokens, wide, ci, art, decision)
    lo, hi = tokens[venue.lo].start, tokens[venue.hi - 1].end
    for m in mentions:
        if not lo <= m.start < hi or m.kind not in ("place", "state") or _is_adjective(m):
            continue
        mi = _token_index(tokens, m.start)
        if mi > venue.lo and tokens[mi - 1].low in ("in", "im"):
            _set_location(cand, m, art, destination=False)
            break


def _inflected(low: str) -> bool:
    """A lower-case word with an adjective's ending: a word inside a noun phrase, not a verb."""
    return low.endswith(_INFLECTIONS)


def _past_modifiers(
    tokens: Sequence[Token],
    j: int,
    clause: Clause,
    step: int,
    *,
    determiners: bool = False,
    stop: frozenset[str] = frozenset(),
) -> int:
    """From ``j`` in the direction ``step`` (-1 or 1), the first token inside the clause that
    does not modify a noun: lower-case adjectives ("bis zum nächsten Gipfel"); with
    ``determiners`` also articles and any inflected word ("am Tag nach der Stichwahl"). A word of
    ``stop`` ends the walk ("am Rande des Gipfels")."""

    def modifies(t: Token) -> bool:
        if t.low in stop:
            return False
        if determiners:
            return t.low in _DETERMINERS or _inflected(t.low)
        return not t.capital and _inflected(t.low)

    while (j > clause.lo if step < 0 else j < clause.hi - 1) and modifies(tokens[j]):
        j += step
    return j


def _after_end_noun(words: Sequence[str], at: int, end_nouns: frozenset[str]) -> bool:
    """ "ein Ende des (langen) Krieges": the noun is the genitive of an end, over adjectives."""
    j = at - 1
    while j >= 1 and _inflected(words[j]) and words[j] not in ("des", "eines"):
        j -= 1
    return j >= 1 and j >= at - 3 and words[j] in ("des", "eines") and words[j - 1] in end_nouns


_DEGREE_WORDS = frozenset({"etwa", "rund", "knapp", "gut", "fast", "nur", "kurz", "lang"})


def _determiner_before(
    tokens: Sequence[Token], at: int, clause: Clause, defs: frozenset[str]
) -> bool:
    """A determiner opens the trigger noun's phrase over its adjectives ("an dem etwa
    halbstündigen Gespräch"): the noun names a happening already told."""
    for j in range(at - 1, max(clause.lo, at - 5) - 1, -1):
        t = tokens[j]
        if t.low in defs:
            return True
        if t.capital or t.punct:
            return False
        if not (t.low in _DEGREE_WORDS or _inflected(t.low)):
            return False
    return False


_REASON_PREPS = frozenset("auf wegen mit über für gegen aus trotz nach vor".split())


def _own_object(
    tokens: Sequence[Token],
    clause: Clause,
    mentions: Sequence[Mention],
    lex: Lexicon,
    triggers: set[int],
) -> bool:
    """A noun phrase after the subject that names what the clause is about ("Russland ist zu den
    Feiern nicht eingeladen", "blieb dessen Manövern fern"): not the gathering in focus (a
    trigger noun, "seine Teilnahme", is none)."""
    starts = {m.start for m in mentions}
    dates = lex.cue("date_words")
    transparent = lex.cue("transparent_words")
    closers = {p for _forms, particles in lex.absence for p in particles}
    for i in range(clause.lo + 1, clause.hi):
        t = tokens[i]
        if t.text == "," and tokens[i - 1].low in closers:
            break  # "blieb der Feier fern, sein Land war vertreten": the predicate ended
        if t.low not in _DETERMINERS or t.capital:
            continue
        if i == clause.lo + 1 and tokens[i - 1].low in transparent:
            continue  # "Auch der Kanzler blieb fern": the subject
        if tokens[i - 1].low in _REASON_PREPS:
            continue  # "sagte ... unter Verweis auf einen Feiertag ab": why, not what
        for j in range(i + 1, min(i + 5, clause.hi)):
            u = tokens[j]
            if u.punct:
                break
            if u.start in starts or not u.capital:
                continue
            if u.low not in dates and j not in triggers:
                return True
            break
    return False


def _planned_words(tokens: Sequence[Token], clause: Clause, lex: Lexicon) -> list[str]:
    """The clause's planned cues, without an invitation that only names who invited ("auf
    Einladung Melonis")."""
    cues, preps = lex.cue("planned_cues"), lex.cue("invitation_preps")
    return [
        tokens[i].low
        for i in range(clause.lo, clause.hi)
        if tokens[i].low in cues
        and not (tokens[i].low == "einladung" and i > clause.lo and tokens[i - 1].low in preps)
    ]


def _future_infinitive(tokens: Sequence[Token], clause: Clause) -> bool:
    """A clause that ends on an infinitive ("wird Frankreich besuchen"): "werden" makes it a
    future, where "wird elftes Mitglied" is a becoming now."""
    words = _words(tokens, clause)
    return bool(words) and not words[-1].capital and words[-1].low.endswith("en")


_INSEPARABLE = ("be", "er", "ent", "ver", "zer", "über", "unter", "miss", "hinter")
_NOT_PARTICIPLES = frozenset(
    "gehen geben gewinnen gelten genießen gestalten gehören gewähren gelingen geraten".split()
)


def _participle(word: str, lex: Lexicon) -> bool:
    """A past participle ("getötet", "angegriffen", "verletzt"): what a passive "werden" needs,
    where a future "werden" takes an infinitive ("besuchen")."""
    if word in _NOT_PARTICIPLES or len(word) < 5:
        return False
    stem = word
    for p in lex.cue("zu_infinitive_prefixes"):
        if word.startswith(p + "ge") and len(word) > len(p) + 5:
            stem = word[len(p) :]
            break
    if stem.startswith("ge"):
        return stem.endswith(("t", "en"))
    return word.startswith(_INSEPARABLE) and word.endswith("t")


def _present_passive(tokens: Sequence[Token], clause: Clause, lex: Lexicon) -> bool:
    """ "werden 26 Menschen getötet", "Trump wird am Montag vereidigt": a present passive, told
    of the past (a chronicle's historic present) as often as of the future."""
    words = _words(tokens, clause)
    last = words[-1] if words else None
    return (
        last is not None
        and not last.capital
        and _participle(last.low, lex)
        and any(t.low in _PASSIVE_AUX for t in words[:-2])
    )


_OBJECT_ARTICLES = frozenset("die das den seine seinen ihre ihren deren dessen".split())
_HAVE = frozenset("hat hatte haben hatten".split())


def _left_pact(tokens: Sequence[Token], hits: Sequence[Hit], kept: Sequence[Hit]) -> bool:
    """A pact noun after "aus dem" in a clause with a verb of leaving ("war aus dem
    Atomwaffensperrvertrag ausgetreten"): the pact was left, not made."""
    leaves = any(h.entry.type == "withdrawal" and not h.entry.noun for h in kept)
    return leaves and all(
        h.entry.noun and h.index >= 2 and tokens[h.index - 2].low == "aus" for h in hits
    )


def _generic(tokens: Sequence[Token], hits: Sequence[Hit]) -> bool:
    """Every hit is a bare noun right after a preposition ("für Handelsabkommen", "über
    Abkommen"): no determiner, no verb, so no particular pact."""
    return all(
        h.entry.noun and h.index >= 1 and tokens[h.index - 1].low in _GENERIC_PREPS for h in hits
    )


_GENERIC_PREPS = frozenset("für über gegen zu ohne wie".split())


def _in_pp(tokens: Sequence[Token], i: int, clause: Clause) -> bool:
    """The noun at ``i`` opens its clause inside a prepositional phrase ("Im Krieg ...")."""
    j = _past_modifiers(tokens, i - 1, clause, -1)
    return j >= clause.lo and tokens[j].low in ("im", "in", "beim", "bei", "nach", "vor", "seit")


def _instrument(tokens: Sequence[Token], hits: Sequence[Hit]) -> bool:
    """Every hit is a noun right after "mit dem/der/einem": the means of another act."""
    return all(
        h.entry.noun
        and h.index >= 2
        and tokens[h.index - 1].low in ("dem", "der", "einem", "einer")
        and tokens[h.index - 2].low == "mit"
        for h in hits
    )


def _verbal_attack(
    tokens: Sequence[Token], clause: Clause, hits: Sequence[Hit], lex: Lexicon
) -> bool:
    """An attack verb whose object is a plan, a policy or a speech ("griff ... die
    Friedensinitiative Chinas an", "attackierte die Politik der Regierung") attacks in words."""
    if all(h.entry.noun for h in hits):
        # "sprach von einem Angriff auf seine Souveränität": an attack on an idea is a word
        abstract = lex.cue("abstract_targets")
        for h in hits:
            if h.index + 2 < clause.hi and tokens[h.index + 1].low == "auf":
                for t in tokens[h.index + 2 : min(clause.hi, h.index + 6)]:
                    if t.punct:
                        break
                    if t.capital and t.low.endswith(tuple(abstract)):
                        return True  # "auf Chinas Wirtschaft", "auf die staatliche Ordnung"
        return False
    if any(h.entry.noun for h in hits):
        return False
    for g in clause.hits:
        if not g.entry.noun or g.entry.type not in ("summit", "meeting", "speech"):
            continue
        j = g.index - 1
        while j > clause.lo and (tokens[j].low in ("der", "dem") or tokens[j].low.endswith("er")):
            j -= 1  # "auf der Münchner Sicherheitskonferenz"
        if j < g.index - 1 and tokens[j].low == "auf":
            return True  # "hat die Europäer auf der Sicherheitskonferenz angegriffen": a speech
    verbal = lex.cue("verbal_objects")
    first = min(h.index for h in hits)
    for j in range(first + 1, clause.hi - 1):
        if tokens[j].low in _OBJECT_ARTICLES:
            head = tokens[_past_modifiers(tokens, j + 1, clause, 1)]
            if head.capital:
                return head.low.endswith(tuple(verbal))
    return False


def _awaited(tokens: Sequence[Token], i: int, clause: Clause) -> bool:
    """A gathering named as a deadline ("bis zum Gipfel", "bis zur Konferenz im Juli") is still
    to come."""
    j = _past_modifiers(tokens, i - 1, clause, -1)  # "bis zum nächsten Gipfel"
    return (
        tokens[i].capital
        and j - 1 >= clause.lo
        and tokens[j].low in ("zum", "zur")
        and tokens[j - 1].low == "bis"
    )


def _of_a_body(
    tokens: Sequence[Token], i: int, clause: Clause, mentions: Sequence[Mention], lex: Lexicon
) -> bool:
    """A meeting noun whose genitive is a body or a group of many ("Treffen der
    Ukraine-Kontaktgruppe", "Treffen der Nato-Außenminister", "Treffen der G7"): a gathering,
    not the talks of two."""
    if not tokens[i].capital or i + 2 >= clause.hi or tokens[i + 1].low not in ("der", "des"):
        return False
    head = tokens[_past_modifiers(tokens, i + 2, clause, 1)]  # "der westlichen Verbündeten"
    if any(m.kind == "organization" and m.start == head.start for m in mentions):
        return True
    low = head.low.rsplit("-", 1)[-1]
    bodies = lex.cue("gathering_genitives")
    return low in bodies or low.endswith(("gruppe", "gruppen"))


def _leaders_gather(tokens: Sequence[Token], clause: Clause) -> bool:
    """The clause names the leaders of many states, not of two ("europäische Staats- und
    Regierungschefs", not "die beiden Regierungschefs"): invited, they make a gathering."""
    for i in range(clause.lo, clause.hi):
        if tokens[i].low in ("regierungschefs", "staatschefs") and tokens[i].capital:
            before = {t.low for t in tokens[max(clause.lo, i - 4) : i]}
            if not before & {"beiden", "beide", "zwei", "beider", "mit"}:
                return True
    return False


def _body_gathers(
    tokens: Sequence[Token], clause: Clause, mentions: Sequence[Mention], lex: Lexicon
) -> bool:
    """The subject of talks is the members of an organization ("die Staats- und
    Regierungschefs der Ecowas", "die Außenminister der Nato"): its gathering, not the talks of
    two."""
    people = {w for w in lex.cue("gathering_genitives") if w.endswith(("minister", "chefs"))}
    for i in range(clause.lo, clause.hi - 2):
        if tokens[i].low.rsplit("-", 1)[-1] not in people or not tokens[i].capital:
            continue
        if any(t.low in ("mit", "zu") for t in tokens[max(clause.lo, i - 3) : i]):
            continue  # "traf mit den Regierungschefs der ... zusammen": his partners
        if tokens[i + 1].low not in ("der", "des"):
            continue
        k = _past_modifiers(tokens, i + 2, clause, 1)
        heads = {t.start for t in tokens[k : min(clause.hi, k + 2)]}  # "der Gemeinschaft Caricom"
        if any(m.kind == "organization" and m.start in heads for m in mentions):
            return True
    return False


def _done_before_plan(
    tokens: Sequence[Token], clause: Clause, hits: Sequence[Hit], lex: Lexicon
) -> bool:
    """The hits lie in a past-tense conjunct and every plan word in a later one: "hatte die
    Stichwahl gewonnen und soll sein Amt im März antreten" plans the office, not the vote. Or
    the trigger is a past participle before its noun: "Das im Oktober in Peking unterzeichnete
    Abkommen soll im Juli in Kraft treten" was signed; what is planned is its entry into force."""
    cues = lex.cue("planned_cues")
    main = hits[0].index
    if (
        not hits[0].entry.noun
        and tokens[main].low.endswith(("te", "ten", "tes", "tem"))
        and main + 1 < clause.hi
        and tokens[main + 1].capital
        and any(h.index == main + 1 and h.entry.noun for h in hits)
        and main > clause.lo
        and (tokens[main - 1].capital or tokens[main - 1].low.isdigit())
        # "in Peking unterzeichnete Abkommen", "2023 unterzeichnete": a place or date before
    ):
        return True
    joins = [i for i in range(clause.lo, clause.hi) if tokens[i].low in ("und", "aber", "doch")]
    last_hit = max(h.index for h in hits)
    for u in joins:
        if u <= last_hit:
            continue
        head = {t.low for t in tokens[clause.lo : u]}
        if head & cues or not head & lex.cue("past_auxiliaries"):
            return False
        return any(tokens[i].low in cues for i in range(u, clause.hi))
    return False


def _zu_infinitive(tokens: Sequence[Token], clause: Clause, lex: Lexicon) -> bool:
    """The clause ends in a zu-infinitive ("die Konferenz ... auszurichten", "zu besuchen")."""
    words = _words(tokens, clause)
    if len(words) < 2 or words[-1].capital:
        return False
    last = words[-1].low
    if words[-2].low == "zu" and last.endswith("en"):
        return True
    return any(
        last.startswith(p + "zu") and len(last) > len(p) + 4 and last.endswith("en")
        for p in lex.cue("zu_infinitive_prefixes")
    )


def _colon_list(tokens: Sequence[Token], clauses: Sequence[Clause], ci: int) -> bool:
    """The clause ends in a colon and the next clause holds no trigger of its own: what follows
    is a list that belongs to this clause ("nahmen teil: A (Kasachstan), B (Usbekistan) ...")."""
    clause = clauses[ci]
    return ci + 1 < len(clauses) and tokens[clause.hi - 1].text == ":" and not clauses[ci + 1].hits


_CANCELLED = frozenset("abgesagt abgebrochen gestrichen verschoben".split())
"""Participles that, in the passive, say a gathering named as subject did not take place."""

_BECOME = frozenset("werden wird werde wurde wurden".split())


def _becomes_member(tokens: Sequence[Token], i: int, clause: Clause) -> bool:
    """A member noun as the predicate of "werden": "(sollen X) Vollmitglieder werden", "wurde
    2010 Mitglied der Gruppe". Never "die Mitglieder wurden informiert" (a determiner makes it
    the subject) and never a member noun with a distant passive auxiliary."""
    prev = tokens[i - 1].low if i > clause.lo else ""
    if prev in _DETERMINERS or prev in ("als", "kein"):
        return False
    near = range(max(clause.lo, i - 3), min(clause.hi, i + 5))

    def apart(j: int) -> bool:  # "Russland, ebenfalls Mitglied der Apec, wurde vertreten"
        lo, hi = min(i, j), max(i, j)
        return any(tokens[k].text == "," for k in range(lo + 1, hi))

    return any(tokens[j].low in _BECOME and not apart(j) for j in near if j != i)


def _gapped_visits(
    cand: Cand, tokens: Sequence[Token], clause: Clause, mentions: Sequence[Mention], art: _Article
) -> list[Cand]:
    """A trip sentence that repeats its verb only in thought: "Macron reist am Montag nach
    Kiew, Starmer am Donnerstag" is a second trip, by the person after the comma, on its date."""
    out: list[Cand] = []
    for i in range(clause.lo, clause.hi - 1):
        if tokens[i].text != ",":
            continue
        heads = set()
        for j in range(i + 1, min(clause.hi, i + 6)):
            t = tokens[j]
            if t.capital:
                heads.add(t.start)
            elif not (t.low in _DETERMINERS or t.low.endswith(("e", "en", "er", "es"))):
                break  # a verb: an ordinary clause, no gap
        m = next((x for x in mentions if x.start in heads and x.kind == "person"), None)
        if m is None:  # a name, perhaps after its title ("der britische Premier Keir Starmer")
            continue
        exprs = art.dates_in(m.end, tokens[clause.hi - 1].end)
        if not exprs or exprs[0].start - m.end > 2 or exprs[0].since:
            continue  # "..., dem ersten eines Präsidenten seit zwölf Jahren": no trip's date
        seg_end = next((j for j in range(i + 2, clause.hi) if tokens[j].text == ","), clause.hi)
        if any(i < h.index < seg_end for h in clause.hits):
            continue  # a verb of its own: an ordinary clause
        span = _resolve_expr(exprs[0], cand.status, art)
        if span is None:
            continue
        cand.roles.pop(("person", m.key), None)
        roles = {k: r for k, r in cand.roles.items() if k[0] != "person"}
        roles[("person", m.key)] = "participant"
        out.append(
            replace_cand(
                cand,
                roles=roles,
                start=span[0],
                end=span[1],
                evidence=list(cand.evidence),
                destinations=list(cand.destinations),
            )
        )
    return out


def _day_month_read_as_past(e: DateExpr, art: _Article) -> datetime.date | None:
    """A day and month without a year ("am 20. Februar"), read as the last such day up to the
    report; None for any other expression or an undated report."""
    if e.kind != "date" or e.year is not None or not (e.month and e.day):
        return None
    if art.published is None:
        return None
    span = resolve_span(e, art.published, "past")
    return span[0].value if span is not None else None


def _after_day_told(e: DateExpr, art: _Article) -> bool:
    """A day and month without a year after the day the text tells (its explicit day, or a
    report dated to the day): a present verb with it tells what is still to come."""
    ref = art.anchor if art.anchor is not None else art.published
    if ref is None or ref.precision != "day":
        return False
    day = _day_month_read_as_past(e, art)
    return day is not None and day > ref.value


_PAST_WINDOW = datetime.timedelta(days=183)


def _told_as_past(e: DateExpr, art: _Article) -> bool:
    """A day and month without a year that lies within half a year before the report: the
    present passive around it tells what happened, for a plan would lie most of a year ahead."""
    day = _day_month_read_as_past(e, art)
    if day is None or art.published is None:
        return False
    ref = art.published.value
    if art.published.precision == "month":  # the report may be from any day of its month
        ref = (ref.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    return datetime.timedelta(0) <= ref - day <= _PAST_WINDOW


def _resolve_expr(
    e: DateExpr, status: str, art: _Article
) -> tuple[FuzzyDate, FuzzyDate | None] | None:
    """One date expression as `_date` reads it: weekdays from the text's anchor day if any."""
    tense: Tense = "future" if status == "planned" else "past"
    if e.kind == "weekday" and art.body[max(0, e.start - 4) : e.start].lower() == "für ":
        tense = "future"  # "ist für Freitag angesetzt", "für Montag geplant": still to come
    if e.kind == "after":
        told = _day_told_before(e, art, 3)
        day = resolve_after(e, told) if told is not None else None
        return (day, None) if day is not None else None
    if e.kind == "weekday" and art.anchor is not None:
        near = resolve_near(e, art.anchor.value, tense)
        return (near, None) if near is not None else None
    return resolve_span(e, art.published, tense)


def _day_told_before(e: DateExpr, art: _Article, depth: int) -> FuzzyDate | None:
    """The day "am Folgetag" or "zwei Tage später" counts from: the text's last date before it
    (in its sentence or the two before), when that date names a day (the last of a range).
    "am Vortag" counts from a day told in its own sentence or the one before only: further on,
    the press as often means the day before the report. "Am selben Tag" is the day told last,
    up to eight sentences back (never in the lead)."""
    si = art.sentence_of(e.start)
    back = 1 if e.offset < 0 else 2
    lo = art.sentences[max(0, si - back)].start
    if e.offset == 0 and e.surface.lower().split()[1:2] in (["selben"], ["gleichen"]):
        lo = min(lo, max(art.headline_end, art.sentences[max(0, si - 8)].start))
    before = find_dates(art.body[lo : e.start], lo)
    if not before or depth <= 0:
        return None
    last = before[-1]
    if last.kind not in ("date", "weekday", "day_rel", "after"):
        return None
    if last.kind == "after":
        told = _day_told_before(last, art, depth - 1)
        return resolve_after(last, told) if told is not None else None
    span = _resolve_expr(last, "occurred", art)
    if span is None:
        return None
    day = span[1] or span[0]
    return day if day.precision == "day" else None


def _counted(before: Sequence[str], lex: Lexicon) -> bool:
    """A numeral or quantifier right before the noun (adjectives may stand between):
    "sechs Auslandsreisen", "mehr als 20 Treffen", "anderen Treffen"."""
    for w in reversed(before[-3:]):
        year = len(w) == 4 and w.startswith(("19", "20"))  # "seit 2018 wieder Konsultationen"
        if (w.isdigit() and not year) or w in lex.cue("aggregate_cues"):
            return True
        if not _inflected(w) or w in _DETERMINERS:
            return False
    return False


def _plural_form(low: str) -> bool:
    """German plural endings of event nouns ("Reisen", "Gespräche", "Anschläge", "Treffen")."""
    return low.endswith(("en", "e", "n")) and not low.endswith(("ise", "ahme", "uch"))


def _negation(tokens: Sequence[Token], clause: Clause, lex: Lexicon) -> bool:
    neg, exc = lex.cue("negation"), lex.cue("negation_exceptions")
    for i in range(clause.lo, clause.hi):
        if tokens[i].low in neg:
            nxt = tokens[i + 1].low if i + 1 < clause.hi else ""
            if nxt not in exc:
                return True
    return False


def _negation_reaches(tokens: Sequence[Token], clause: Clause, at: int, lex: Lexicon) -> bool:
    """A negation that belongs to the word at ``at``: no "und"/"aber"/comma between them
    ("ist kein Mitglied und sitzt mit am Tisch": the sitting is not negated)."""
    neg = lex.cue("negation")
    for i in range(clause.lo, clause.hi):
        if tokens[i].low in neg:
            lo, hi = sorted((i, at))
            if not any(t.low in ("und", "aber", "sowie", ",") for t in tokens[lo + 1 : hi]):
                return True
    return False


@dataclass(frozen=True)
class _Slot:
    name: str  # subject, genitive, compound, possessor, or a preposition's slot name
    attached: int | None = None  # token index of the trigger the argument belongs to
    between: bool = False  # "zwischen X und Y": both sides, where a type tells them apart


_TOPIC_PREPS = frozenset({"über", "wegen"})
# a relative pronoun after a preposition: ", zu dem Putin ...", ", an der Modi ..."
_RELATIVE_OBJECTS = frozenset({"dem", "der", "den", "denen", "das", "die"})


def _inside_topic(tokens: Sequence[Token], at: int, clause: Clause) -> bool:
    """A place phrase that continues the noun phrase of "über"/"wegen" ("sprachen über die Lage
    in der Ukraine") names what was talked about, not where."""
    for k in range(at - 1, max(clause.lo, at - 7) - 1, -1):
        t = tokens[k]
        if t.low in _TOPIC_PREPS:
            return True
        if t.punct:
            return False
        if t.capital or t.low in _DETERMINERS:
            continue
        if not _inflected(t.low):
            return False
    return False


_WEEKDAYS = ("montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag")


def _is_date_noun(low: str, lex: Lexicon) -> bool:
    """A weekday ("Donnerstagabend" too) or a month: the head of a date phrase."""
    return low.startswith(_WEEKDAYS) or (
        low in lex.cue("date_words") and low not in ("am", "im", "ende", "anfang", "mitte")
    )


def _time_reference(tokens: Sequence[Token], i: int, clause: Clause) -> bool:
    """The noun at ``i`` only marks a time ("am Tag nach der Stichwahl", "zwei Tage vor dem
    Gipfel"): a phrase after it is not its own."""
    j = _past_modifiers(tokens, i - 1, clause, -1, determiners=True)
    return (
        tokens[j].low in ("nach", "vor")
        and j < i - 1
        and j > clause.lo
        and tokens[j - 1].low in _SPAN_DAYS  # never "nach seinen Gesprächen mit Putin"
    )


def _margin_reference(tokens: Sequence[Token], i: int, clause: Clause, lex: Lexicon) -> bool:
    """The noun at ``i`` names the gathering at whose margin talks are held ("am Rande des
    Gipfels"): a phrase after it is not its own."""
    margin = lex.cue("margin_cues")
    j = _past_modifiers(tokens, i - 1, clause, -1, determiners=True, stop=margin)
    return j < i - 1 and tokens[j].low in margin


def _slot_of(
    m: Mention,
    mi: int,
    tokens: Sequence[Token],
    clause: Clause,
    hit_idx: set[int],
    lex: Lexicon,
    bound: dict[int, _Slot],
    named: frozenset[int] = frozenset(),
) -> _Slot:
    """The argument slot of a mention, from the word that introduces it. ``named`` are the
    clause's tokens inside mentions."""
    tok = tokens[mi]
    if mi in hit_idx and m.end <= tok.end and (m.end < tok.end or m.start > tok.start):
        return _Slot("compound", mi)
    # possessor right before a trigger: "Belarus' Beitritt", "Putins China-Reise"
    nxt = mi + 1
    while nxt < clause.hi and tokens[nxt].start < m.end:
        nxt += 1
    if nxt < clause.hi and m.surface.endswith(("s", "'", "’")):
        j = nxt
        if (
            not tokens[j].capital
            and tokens[j].low not in _PREPS
            and tokens[j].low not in _DETERMINERS
            and j + 1 < clause.hi
        ):
            j += 1  # "Putins zweitägige Reise"; never "Paris einen Vertrag"
        if j in hit_idx and tokens[j].capital:
            return _Slot("genitive", j)
    transparent = lex.cue("transparent_words")
    j = mi - 1
    steps = 0
    crossed_lower = False  # a lower-case word since the last determiner: adjective or verb?
    joined = new_phrase = False  # an enumeration word seen / a determiner without one
    while j >= clause.lo and steps < 9:
        t = tokens[j]
        if t.low in transparent and not (t.low == "unter" and j + 1 < clause.hi
                                         and tokens[j + 1].low not in transparent):  # fmt: skip
            j -= 1
            continue
        if t.capital and _is_date_noun(t.low, lex):
            break  # "traf am Donnerstag Macron": the preposition governs the date, not the name
        if j < mi - 1 and (t.low == "seite" or t.low.endswith("-seite")):
            break  # "nahmen auf US-Seite Außenminister X teil": the side is told, X attends
        if (
            t.low in _PREPS
            and m.kind == "person"
            and j == mi - 2
            and j > clause.lo
            and tokens[j - 1].text == ","
            and tokens[j + 1].low in _RELATIVE_OBJECTS
        ):
            return _Slot("subject")  # "der Gipfel, zu dem Putin Lula begrüßte": he is its subject
        if t.low in _PREPS:
            attached = j - 1 if j - 1 in hit_idx and tokens[j - 1].capital else None
            if (
                attached is not None
                and t.low == "mit"
                and (
                    _time_reference(tokens, attached, clause)
                    or _margin_reference(tokens, attached, clause, lex)
                )
            ):
                # "am Tag nach der Stichwahl mit Erdoğan", "am Rande des Gipfels mit Xi
                # sprechen": the gathering only marks when or where; the partner is the talks'
                attached = None
            if _PREPS[t.low] == "in" and attached is None and _inside_topic(tokens, j, clause):
                return _Slot("über")  # "über den Einsatz von Soldaten im Gebiet Kursk": a topic
            if (
                t.low == "mit"
                and attached is None
                and j > clause.lo
                and tokens[j - 1].low in _TOGETHER
            ):
                return _Slot("subject")  # "Gemeinsam mit X war sie gereist": a companion
            if t.low == "bei" and m.kind == "person" and attached is not None:
                return _Slot("mit", attached)  # "zu Gesprächen bei Kremlchef Putin": his guest
            return _Slot(_PREPS[t.low], attached, between=t.low == "zwischen")
        if j in hit_idx:
            if tokens[j].capital and not crossed_lower:
                return _Slot("genitive", j)
            return _Slot("subject")  # "Zu dem Gipfel waren X angereist": a verb stands between
        prev = bound.get(j)
        if prev is not None:
            if crossed_lower:
                break  # "in Vilnius berieten Biden": a verb stands between
            if new_phrase and not joined:
                break  # "in Berlin den Präsidenten Macron": a determiner opens another phrase
            if (
                prev.name == "in"
                and m.kind == "person"
                and not joined
                and (
                    any(tokens[k].capital for k in range(j + 1, mi))
                    or (j == mi - 1 and "-" in tokens[j].text.strip("-"))
                )
            ):
                # "traf in N'Djamena Präsident Déby", "in Washington US-Präsident Joe Biden":
                # a title opens another phrase
                break
            if (
                prev.name == "in"
                and m.kind == "person"
                and prev.attached is not None
                and j > clause.lo
                and (tokens[j - 1].low == "bei")
            ):  # only after talks: "bei Trump zu Gast" keeps its host
                return _Slot("mit", prev.attached)  # "bei Kremlchef Putin": the title's state
            return prev  # an enumeration carries the slot of its first member
        if (
            t.text == ","
            and named
            and j - 1 >= clause.lo
            and tokens[j - 1].capital
            and j - 1 not in named
            and j - 1 not in hit_idx
        ):
            break  # "über die Lage, auch US-Außenminister Blinken reiste": no list of names
        if t.text == "," or t.low in _CONJUNCTS:
            joined = True
        elif t.low in _DETERMINERS:
            new_phrase = True
        if t.text == "," or t.low in _ENUM_GLUE or t.low in _DETERMINERS:
            crossed_lower = False
            j -= 1
            steps += 1
            continue
        if not t.capital:
            if not _inflected(t.low):
                break  # a verb or adverb: the mention is an argument of the clause
            crossed_lower = True
        elif (
            crossed_lower
            or (j != mi - 1 and tokens[j + 1].low not in _ENUM_GLUE)
            or (new_phrase and not joined)
        ):
            # another noun's phrase ("in der Gruppe dürfte Putin", "in Mar-a-Lago den
            # Kandidaten Trump"); a title stands adjacent
            break
        j -= 1
        steps += 1
    return _Slot("subject")


def _leader_of(m: Mention, mentions: Sequence[Mention], art: _Article) -> bool:
    """A state's genitive right before one of its people ("Frankreichs Präsident Macron")."""
    if m.kind != "state" or not m.surface.endswith("s"):
        return False
    nxt = next((x for x in mentions if x.start > m.start), None)
    return (
        nxt is not None
        and nxt.kind == "person"
        and nxt.start - m.end <= 40
        and art.person_state(nxt.key) == m.key
    )


_NP_GLUE = frozenset("in im am an bei beim mit aus von vom zum zur der des dem".split())


def _in_participle_phrase(tokens: Sequence[Token], at: int, clause: Clause) -> bool:
    """The noun stands inside an attribute closed by a past participle, between an article
    and the noun it qualifies ("den im August beim Gipfel in Johannesburg angebotenen
    Beitritt"): a past happening, whatever the clause plans."""
    k = next(
        (k for k in range(at + 1, min(clause.hi - 1, at + 6))
         if not tokens[k].capital and not tokens[k].punct and tokens[k].low not in _NP_GLUE),
        None,
    )  # fmt: skip
    if k is None or not tokens[k + 1].capital:
        return False
    if not tokens[k].low.endswith(("enen", "tenen", "ten", "ene", "tene")):
        return False
    j = at - 1
    while j > clause.lo and (
        tokens[j].capital or tokens[j].low in ("im", "am", "beim", "in", "vom") or tokens[j].punct
        or tokens[j].low.isdigit()
    ):
        j -= 1
    return tokens[j].low in ("den", "die", "das", "der", "dem", "des")


def _before_office(tokens: Sequence[Token], last: int, clause: Clause) -> bool:
    """The name's last token stands right before "zum"/"zur" (past an apposition's comma):
    "ernannte Michel Barnier zum Premierminister" names whom the office goes to."""
    k = last + 1
    if k < clause.hi and tokens[k].text == ",":
        k += 1
    return k < clause.hi and tokens[k].low in ("zum", "zur")


_TALKS_TYPES = frozenset({"summit", "meeting"})
_TOGETHER = frozenset({"gemeinsam", "zusammen"})  # "gemeinsam mit X": X acts with the subject


def _for_whom(tokens: Sequence[Token], clause: Clause) -> bool:
    """ "Für X war es der erste Besuch", "Für X war die Reise einer der seltenen Auftritte": a
    clause opened by "für" that classifies a happening with a copula tells whose it was."""
    return tokens[clause.lo].low == "für" and any(
        t.low in _COPULAS for t in tokens[clause.lo : clause.hi]
    )


def _bind(
    cand: Cand,
    spec: TypeSpec,
    tokens: Sequence[Token],
    clauses: Sequence[Clause],
    ci: int,
    mentions: Sequence[Mention],
    art: _Article,
    attend: bool,
) -> None:
    """Give each mention of the clause its role in this candidate, or none."""
    lex = art.lex
    clause = clauses[ci]
    hit_idx = {h.index for h in clause.hits}
    own_idx = {h.index for h in cand.hits}
    main = cand.hits[0]
    host_cues = lex.cue("host_cues")
    words = {t.low for t in tokens[clause.lo : clause.hi]}
    host_words = words & lex.cue("host_verbs")
    if cand.type == "meeting" and host_words <= lex.cue("hold_verbs"):
        host_words = set()  # "Deutschland und Polen haben Konsultationen abgehalten": both talk
    host_subject = main.entry.frame == "host_verb" or bool(host_words)
    if words & lex.cue("host_participles") and words & _HAVE:
        host_subject = True  # "Biden hat die Regierungschefs zum Gipfel empfangen"
    if cand.type in _HOSTED and _invites(tokens, clause, lex):
        host_subject = True  # "Macron lud den Kanzler zu den Gedenkfeiern ein": he hosts
    if _received(tokens, main, words, lex):
        # "Modi war von Putin empfangen worden": the subject is the guest, "von X" the host
        host_subject = False
        cand.received = True
    subject_ok = (
        main.entry.subject
        if main.entry.subject is not None
        else not (spec.frame_only and main.entry.noun)
    )
    if cand.type == "attack" and main.entry.noun:
        # "Russland hat die Invasion ... begründet": who speaks of it; but "Aserbaidschan hatte
        # eine Militäroffensive begonnen": who launches it attacks
        subject_ok = bool(words & lex.cue("launch_verbs")) and not cand.reference
    if cand.reference:
        subject_ok = False
    bound: dict[int, _Slot] = {}
    last_subject_end: int | None = None
    last_host: int | None = None
    last_host_end: int | None = None
    member_of: str | None = None
    represented = (
        cand.type == "summit"
        and bool(words & lex.cue("represent_verbs"))
        and not words & {"von", "durch", "ließ", "lässt", "ließen"}
        and bool(words & lex.cue("pronouns_singular"))
    )  # "er vertrat X": the pronoun attends, the named one is represented
    passive = (
        (spec.group in ("attack", "legal") or cand.type in ("coup", "appointment"))
        and not main.entry.noun
        and bool(words & _PASSIVE_AUX)
        and tokens[main.index].low.endswith(("t", "en"))
        and not tokens[main.index].low.endswith(("te", "ten"))
    )  # "wurde von Soldaten erschossen": a participle with "werden"; subject is the target
    # (of an appointment, "wurde zum Premier ernannt": the one appointed)
    cand.passive = passive
    # "am Rande des Gipfels mit Xi sprechen": the gathering only says where the talks are held
    margin_ref = (
        main.entry.noun
        and _margin_reference(tokens, main.index, clause, lex)
        and any(h.entry.type == "meeting" and h.index not in own_idx for h in clause.hits)
    )
    in_clause = _clause_mentions(mentions, tokens, clause)
    # "X hatte Y nicht eingeladen": the active auxiliary stands between the inviter and the
    # one left out ("Y war nicht eingeladen worden" is passive: Y is left out)
    inviter_at = next(
        (i for i in range(clause.lo, clause.hi) if tokens[i].low in _HAVE),
        None,
    ) if "eingeladen" in words and not words & _PASSIVE_AUX else None  # fmt: skip
    named = frozenset(
        k
        for m in in_clause
        for k in range(_token_index(tokens, m.start), _token_index(tokens, m.end - 1) + 1)
    )
    for m in in_clause:
        mi = _token_index(tokens, m.start)
        if mi >= len(tokens):
            continue
        slot = _slot_of(m, mi, tokens, clause, hit_idx, lex, bound, named)
        if slot.name == "nach" and slot.attached is not None and not any(
            h.index == slot.attached
            and (lex.types[h.entry.type].needs_destination or h.entry.type in _TALKS_TYPES)
            for h in clause.hits
        ):  # "zum Jahrestag des Aufstands nach Warschau reisen": only a trip goes somewhere
            # (and a gathering: "flog zum Nato-Gipfel nach Den Haag" is where the summit is)
            slot = _Slot("nach")
        if attend and slot.name != "subject" and _relative_subject(tokens, mi, clause, lex):
            slot = _Slot("subject")  # "der Rat, an dem Selenskyj teilnahm": he attends
        if (
            slot.name == "subject"
            and cand.type in ("summit", "meeting", "visit")
            and mi > clause.lo
            and tokens[mi - 1].low in lex.cue("host_titles")
        ):
            slot = _Slot("host")  # "verkündete Gastgeber Modi": the title says who hosts
        if (
            slot.name == "subject"
            and cand.carries_roles
            and any(tokens[h.index].low in lex.cue("host_titles") for h in cand.hits)
        ):
            slot = _Slot("host")  # "Gastgeberin war die Präsidentin X": the gathering's host
        if cand.type in (*_HOSTED, "agreement") and _chaired_by(tokens, mi, clause, lex):
            slot = _Slot("host")  # "unter dem Vorsitz der Ministerpräsidentin X": she chairs;
            # "Unter Vermittlung von X haben A und B ... unterzeichnet": the mediator hosts
        joins = cand.type == "accession" and m.kind == "organization"
        if joins and _member_of(tokens, mi, clause, lex):
            slot = _Slot("member_of")  # "Aufnahme der AU als Mitglied der G20": G20 admits
        m = _variant(m, slot.name, mentions)
        if (
            m.kind == "place"
            and slot.name == "in"
            and mi - 2 >= clause.lo
            and tokens[mi - 1].low in ("in", "im")
            and tokens[mi - 2].low in lex.cue("state_bodies")
            and art.place_state(m.key)
        ):  # "das Parlament in Eriwan": the state acts through its body in the capital
            _set_location(cand, m, art, destination=False)
            m = dataclasses.replace(m, kind="state", key=art.place_state(m.key), via="metonym")
            slot = _Slot("subject")
        bound[mi] = slot
        tok = tokens[mi]
        rest = (tok.text[: m.start - tok.start] + tok.text[m.end - tok.start :]).strip("'’")
        if m.via == "role" and _apposition_of_als(tokens, mi, clause):
            continue  # "Trump wurde als 47. Präsident vereidigt": the title describes him
        inside = bool(rest) and rest != "s" and mi not in hit_idx
        if inside and cand.type == "attack" and rest.lstrip("-").lower() in lex.cue("force_nouns"):
            inside = False  # "durch Nato-Flugzeuge", "Hamas-Kämpfer": the force's owner acts
        if inside:
            continue  # "EU-Ratspräsidentschaft", "Kremlangaben": a modifier of another noun
        if (
            slot.attached is not None
            and slot.attached not in own_idx
            and not (slot.name == "nach" and _trip_goal(spec, clause, slot.attached, lex))
        ):
            continue  # the argument of another trigger of the clause
        if margin_ref and slot.name == "mit":
            continue  # the partner of the talks at its margin
        name = slot.name
        if _is_adjective(m) and name != "compound":
            force = mi + 1 < clause.hi and tokens[mi + 1].low in lex.cue("force_nouns")
            if (
                spec.adjective_role
                and m.kind == "state"
                and (
                    any(
                        0 < h.index - mi <= 2
                        and not any(tokens[k].capital for k in range(mi + 1, h.index))
                        for h in cand.hits
                    )  # never the noun it qualifies: "chinesische Journalisten getötet"
                    or (force and not main.entry.noun)
                )
            ):  # "russische Invasion"; "die ukrainische Armee ... vorrückt"
                cand.add("state", m.key, spec.adjective_role)
                cand.has_subject = True
                continue
            if cand.type == "attack" and m.kind == "state" and name in ("auf", "gegen"):
                cand.add("state", m.key, "target")  # "Raketen auf israelische Städte"
                continue
            if not (m.kind == "place" and name == "in"):
                continue  # "der russische Präsident": the person counts, not the adjective
        if name == "member_of":
            member_of = m.key
            bound[mi] = _Slot("subject")
            continue
        if name == "von" and passive:
            pass
        elif name == "von":
            after = {t.low for t in tokens[mi + 1 : min(clause.hi, mi + 4)]}
            if after & host_cues:
                # "von Indien organisierten Gipfel": the cue's participle modifies the next noun
                nxt = next((i for i in sorted(hit_idx) if i > mi), None)
                if nxt is not None and nxt not in own_idx:
                    continue
                name = "host"
            elif words & lex.cue("represent_verbs"):
                name = "represent"  # "ließ sich von Außenminister X vertreten": X attends
            elif "von" in spec.slots:
                pass  # "von Brasilien ... gegründet": the type reads it itself
            elif slot.attached is not None:
                name = "genitive"  # "Aufnahme von Belarus"
            else:
                name = "subject"  # "von Attentätern getötet", "von X geführte": an agent
        elif name == "an" and tokens[mi - 1].low != "am" and m.kind != "place":
            continue
        elif name in ("zu", "über", "für", "um", "laut", "unter", "seit", "an"):
            if name in spec.slots:
                pass
            elif name == "für" and main.entry.noun and _for_whom(tokens, clause):
                name = "subject"  # "Für Tusk war es das erste Gipfeltreffen": he attended it
            elif m.kind == "place" and name == "an":
                name = "in"
            else:
                continue
        elif name == "ohne":
            name = "absent"
        elif name == "auf" and "auf" not in spec.slots:
            name = "in"
        elif name == "gegen" and "gegen" not in spec.slots:
            continue
        if name == "compound" and cand.type == "attack" and (
            m.surface.isupper() or m.kind == "organization"
        ):
            # "US-Angriffe auf seine Atomanlagen", "der Nato-Angriff", "ein Hamas-Anschlag":
            # the abbreviation or the armed group attacks
            name = "genitive"
        if cand.carries_roles and name in ("genitive", "compound"):
            name = "subject"  # "unter den Gästen waren X", "die Regierungschefs Japans"
        if (
            name == "subject"
            and main.entry.frame == "visit_object"
            and not main.entry.noun
            and m.kind in ("state", "place")
            and (mi > main.index or _person_before(mentions, m, clause, tokens))
            and not _leader_of(m, mentions, art)
        ):
            # "Macron besuchte am Freitag Ägypten", "Steinmeier hatte Kasachstan im Juni
            # besucht": the object is where the person went; never "besuchten Frankreichs
            # Präsident Macron und Polens Premier Tusk Chisinau": the visitors' states
            name = "nach"
        if (
            name == "subject"
            and spec.object_role
            and not main.entry.noun
            and not passive
            and (
                last_subject_end is not None
                and last_subject_end < mi
                and not any(
                    t.text == "," or t.low in _CONJUNCTS
                    for t in tokens[last_subject_end + 1 : mi]
                )
                or (mi > main.index and "den" in _lows(tokens, max(clause.lo, mi - 3), mi))
            )
        ):
            name = "object"  # "Russland überfiel die Ukraine": who is attacked, not who attacks
        elif name == "subject" and not m.via == "adjective":
            last_subject_end = _token_index(tokens, m.end - 1)
        if passive and name == "von" and _of_a_government(tokens, mi, clause, lex):
            name = "subject"  # "die Regierung von Premierminister X ... gestürzt": his
        if passive and name == "subject":
            name = "gegen"  # "wurde ... erschossen": the passive subject is who was hit
        elif (
            passive
            and name == "von"
            or (
                spec.group == "attack"
                and name == "nach"
                and _introduced_by(tokens, mi, clause, "durch")
            )
        ):
            # "von russischen Truppen", "durch Nato-Flugzeuge": the agent
            name = "agent" if "agent" in spec.slots else "genitive"
        if name == "subject" and m.via == "role" and tokens[mi - 1].low in ("den", "dem"):
            name = "mit"  # "empfing den Kanzler": the accusative title is the one received
        if (
            name == "subject"
            and cand.type == "appointment"
            and not main.entry.noun
            and not passive
            and (
                any(t.low == "den" for t in tokens[max(clause.lo, mi - 7) : mi])
                or _before_office(tokens, _token_index(tokens, m.end - 1), clause)
            )
        ):
            name = "object"  # "ernannte den bisherigen Polizeichef X zum Minister": appointed
        if name == "subject" and not subject_ok:
            continue
        if name == "subject" and cand.judged:
            continue  # "Scholz verurteilte die feige Tat": who judges is no perpetrator
        if (
            name == "subject"
            and host_subject
            and cand.type in _HOSTED
            and last_host is not None
            and any(
                not t.capital and not t.punct and t.low not in _ENUM_GLUE
                for t in tokens[last_host + 1 : mi]
            )
        ):
            name = "mit"  # "Putin hat Kim ... empfangen": the one received is no host
        if (
            name == "subject"
            and host_subject
            and cand.type in _HOSTED
            and last_host_end is not None
            and last_host_end < mi
            and not any(t.punct or t.low in _ENUM_GLUE for t in tokens[last_host_end + 1 : mi])
        ):
            name = "mit"  # "Am Sonntag empfängt Starmer Selenskyj": subject, then the received
        if (
            name == "subject"
            and host_subject
            and cand.type in _HOSTED
            and not cand.received
            and any(
                t.low == "er" or (t.low == "sie" and j - clause.lo <= 2)
                for j, t in enumerate(tokens[clause.lo : mi], clause.lo)
            )
        ):
            # "Am Vortag hatte er JD Vance empfangen", "Sie lud X zu einer Konferenz ein": the
            # pronoun hosts, the named is guest
            name = "mit"
        if name == "mit" and slot.name == "subject":
            bound[mi] = _Slot("mit")  # "empfing Biden und Scholz": the list shares the object
        if cand.received and name == "subject" and _agent_of_passive(tokens, mi, clause):
            name = "host"
        if name == "host" or (name == "subject" and host_subject and cand.type in _HOSTED):
            if m.kind != "state":  # "Ägyptens Staatschef X": the state names his title
                last_host = mi
                last_host_end = _token_index(tokens, m.end - 1)
            role: str | None = "host"
            cand.hosts_explicit = True
        elif name == "absent":
            role = "absent"
        elif name == "represent":
            role = "participant"
        elif name == "object":
            role = spec.object_role
        else:
            role = spec.slots.get("zwischen" if slot.between else name) or spec.slots.get(name)
            if role is None:
                role = "location" if name == "in" else "ignore"
        if role == "ignore":
            continue
        if m.kind == "organization":
            _bind_organization(cand, spec, m, role, name)
            if name in ("subject", "genitive") and cand.roles.get(("organization", m.key)) in (
                "participant",
                "perpetrator",
            ):  # "Die Staaten der G7 unterzeichneten": the subject is named, no pronoun needed
                cand.has_subject = True
            continue
        if m.kind == "place" and role not in ("location", "destination", "target"):
            continue  # "von Pjöngjang", "von Moskau geführt": not where it happened
        if role in ("location", "destination") or (role == "target" and m.kind == "place"):
            _set_location(cand, m, art, destination=role == "destination")
            if spec.location_role and m.kind != "person":
                state = m.key if m.kind == "state" else art.place_state(m.key)
                if state:
                    cand.add("state", state, spec.location_role)
            if m.kind == "person" and role == "destination":
                cand.add("person", m.key, "host")
            continue
        if role == "organization" and m.kind in ("place", "state") and name == "in":
            _set_location(cand, m, art, destination=False)  # "ratifizierte ... in Eriwan"
            continue
        if role == "organization" and m.kind == "person" and name == "genitive":
            role = "participant"  # "der erste Nato-Gipfel von Kanzler Merz": he attends
        elif role == "organization":
            continue
        if spec.persons_only and m.kind != "person":
            continue
        if cand.subject_absent and name == "subject":
            role = "absent"
            if inviter_at is not None and mi < inviter_at:
                continue  # "Sheinbaum hatte König Felipe nicht eingeladen": she is not absent
        if represented and name == "subject" and m.kind == "person":
            role = "absent"  # "wo er Putin beim Gipfel vertreten hatte": Putin stays away
            cand.fallback = ("sg", tokens[clause.lo].start)
        if name in ("subject", "genitive", "compound") and role in (
            "participant", "perpetrator", "absent", "host"
        ):  # fmt: skip
            cand.has_subject = cand.has_subject or role != "host" or cand.type == "legal"
        cand.add(m.kind, m.key, role)
        if m.kind == "state" and role in ("participant", "host", "absent"):
            for key in _leaders_named_by_plural(tokens, mi, clause, m.key, art):
                cand.add("person", key, role)  # "die Regierungschefs Indiens und Japans"
    if member_of is not None:
        # the organization one becomes a member of hosts; any other organization joins it
        for k, r in list(cand.roles.items()):
            if k[0] == "organization" and k[1] != member_of and r == "host":
                cand.roles[k] = "participant"
        cand.roles.pop(("organization", member_of), None)
        cand.add("organization", member_of, "host")
        cand.organization = member_of
        cand.has_subject = cand.has_subject or any(r == "participant" for r in cand.roles.values())
    if "host" in cand.roles.values():
        cand.hosts_explicit = True
    elif cand.received and cand.type == "meeting":
        # "waren mit militärischen Ehren empfangen worden": guests arriving, no talks; a
        # visit to where they were received (none when the text does not say where)
        cand.type = "visit"
    if cand.type == "visit" and cand.state:
        cand.has_subject = any(
            r == "participant" and art.entity_state(k) not in (cand.state, None)
            for k, r in cand.roles.items()
        )
    _continue_place(cand, spec, tokens, clauses, ci, mentions, art)
    noun = main.entry.noun
    if (
        cand.type in ("visit", "meeting")
        and (main.entry.frame == "host_verb" or (main.entry.frame == "talks" and not noun))
        and not cand.received
    ):
        # "Macron lud ihn ins Élysée ein", "wo ihn Kim empfing": the invited, the received is
        # someone named before; so is the one met ("Vance hatte ihn kurz getroffen")
        obj = next((t for t in tokens[clause.lo : clause.hi] if t.low in ("ihn", "ihm")), None)
        if obj is not None:
            cand.object_at = obj.start
    hosts_by_relative = (
        cand.type == "summit"
        and host_subject
        and "host" not in cand.roles.values()
        and ci > 0
        and tokens[clause.lo].low in lex.cue("relative_pronouns")
    )  # "Brasilien, das 2025 den nächsten Gipfel ausrichten soll": the antecedent hosts
    if hosts_by_relative:
        cand.fallback = _fallback(tokens, clauses, ci, main.index, lex, mentions)
        cand.fallback_hosts = True
    elif not cand.has_subject and not cand.judged and (
        cand.type not in ("summit", "founding") or (attend and cand.type == "summit")
    ):  # "am Donnerstag reist er zum EU-Gipfel": who travels to a summit attends it
        cand.fallback = _fallback(tokens, clauses, ci, main.index, lex, mentions)
        if cand.fallback is not None and cand.fallback[1] == cand.object_at:
            cand.fallback = None  # "empfing Xi ihn": the pronoun is the object, not the subject
    elif cand.type not in ("summit", "founding", "attack") and cand.fallback is None:
        # "Am Rande traf er Biden": the nominative pronoun is the subject, the name its object
        for i in (main.index + 1, main.index - 1):
            if not clause.lo <= i < clause.hi or main.entry.noun:
                continue
            pronoun = tokens[i].low == "er" or (
                tokens[i].low == "sie" and not tokens[main.index].low.endswith("en")
            )  # "Sie traf dort X": a singular verb makes "sie" the one who acts
            if pronoun:
                cand.fallback = ("sg", tokens[i].start)
                break
        else:
            # "Am Vortag hatte er Macron getroffen": "er" opening the clause, after the finite
            # auxiliary, or after the conjunction that opens its clause ("nachdem er dort
            # Selenskyj getroffen hatte")
            verb_at = clause.lo if main.entry.noun else main.index
            opener = lex.cue("subordinators")
            for j in range(clause.lo, verb_at):
                if tokens[j].low == "er" and (
                    j == clause.lo  # "Er hatte am Dienstag Biden getroffen"
                    or tokens[j - 1].low in _FINITE_AUX_ER
                    or (j - 1 == clause.lo and tokens[j - 1].low in opener)
                ):
                    cand.fallback = ("sg", tokens[j].start)
                    break


_FINITE_AUX_ER = frozenset("hat hatte war ist wird wurde will wollte soll sollte".split())
# gatherings whose host-verb subject hosts; so does who swears another in ("X vereidigte Y")
_HOSTED = ("summit", "meeting", "commemoration", "inauguration")


def _chaired_by(tokens: Sequence[Token], mi: int, clause: Clause, lex: Lexicon) -> bool:
    """The mention follows "unter (dem) Vorsitz/Leitung", within its phrase ("unter dem
    Vorsitz der italienischen Ministerpräsidentin X", "unter Leitung von X")."""
    chair = lex.cue("chair_nouns")
    for j in range(mi - 1, max(clause.lo, mi - 6) - 1, -1):
        t = tokens[j]
        if t.punct or t.low in _CONJUNCTS or t.low in lex.cue("past_auxiliaries"):
            return False  # "Unter Vermittlung von X haben A und B ...": A and B are not chairs
        if t.low in chair and t.capital:
            k = j - 1
            if k >= clause.lo and tokens[k].low in _DETERMINERS:
                k -= 1
            return k >= clause.lo and tokens[k].low == "unter"
    return False


def _invites(tokens: Sequence[Token], clause: Clause, lex: Lexicon) -> bool:
    """An active invitation verb in the clause: "lud ... ein" with its particle, or glued
    ("einlud"); never the participle "eingeladen" (who is invited, by whom unsaid)."""
    forms = lex.cue("invitation_verbs")
    span = tokens[clause.lo : clause.hi]
    if not any(t.low in forms and not t.capital for t in span):
        return False
    return any(t.low.startswith("ein") and t.low in forms for t in span) or _particle_ok(
        ("ein",), tokens, clause
    )


def _received(tokens: Sequence[Token], main: Hit, words: set[str], lex: Lexicon) -> bool:
    """A host verb's participle with a passive auxiliary: "wurde in Hanoi von To Lam empfangen",
    "war von Putin empfangen worden" (never "wird X empfangen", a future with a named host)."""
    if main.entry.frame != "host_verb" or main.entry.noun:
        return False
    if tokens[main.index].low not in lex.cue("host_participles"):
        return False
    return bool(words & {"wurde", "wurden", "worden"}) or (
        bool(words & {"wird", "werden"}) and bool(words & {"von", "vom"})
    )


_LEADER_PLURALS = {
    "regierungschefs": ("head_of_government",),
    "staatschefs": ("head_of_state",),
    "machthaber": ("head_of_state", "leader"),
    "militärmachthaber": ("head_of_state", "leader"),
    "präsidenten": ("head_of_state",),
    "premierminister": ("head_of_government",),
    "ministerpräsidenten": ("head_of_government",),
    "staats-": ("head_of_state", "head_of_government"),
}


def _leaders_named_by_plural(
    tokens: Sequence[Token], mi: int, clause: Clause, state: str, art: _Article
) -> list[str]:
    """The leaders a plural office noun names through a state's genitive ("die
    Regierungschefs Indiens, Japans und Australiens") or "von" ("die Militärmachthaber von
    Mali, Burkina Faso und Niger"), when the article names them."""
    j = mi - 1
    genitives = tokens[mi].low.endswith("s")
    while j >= clause.lo and (
        tokens[j].text == ","
        or tokens[j].low in ("und", "sowie")
        or (tokens[j].capital and tokens[j].low not in _LEADER_PLURALS)
    ):
        genitives = genitives and (not tokens[j].capital or tokens[j].low.endswith("s"))
        j -= 1
    if j >= clause.lo + 1 and tokens[j].low == "von":
        j -= 1  # "die Militärmachthaber von Mali, Burkina Faso und Niger"
    elif not genitives:
        return []  # a genitive ("Indiens"), not "die Präsidenten der USA"
    roles = _LEADER_PLURALS.get(tokens[j].low) if j >= clause.lo else None
    if not roles:
        return []
    return _holders(art, roles, state, art.published.value if art.published else None)


def _holders(art: _Article, roles: Iterable[str], state: str, day: Any) -> list[str]:
    """The persons the article names who hold ``roles`` of ``state`` on ``day``."""
    holder = getattr(art.kb, "holder", None)
    out: list[str] = []
    if not callable(holder):
        return out
    for role in roles:
        try:
            h = holder(role, state=state, on=day)
        except Exception:  # noqa: BLE001 - a stand-in kb may not know the role
            h = None
        key = getattr(h, "key", h) if h is not None else None
        if isinstance(key, str) and key in art.persons and key not in out:
            out.append(key)
    return out


def _of_a_government(tokens: Sequence[Token], mi: int, clause: Clause, lex: Lexicon) -> bool:
    """The "von" before ``mi`` names whose body it is ("die Regierung von X"), not an agent."""
    j = mi - 1
    while j > clause.lo and tokens[j].low != "von":
        j -= 1
    return j > clause.lo and tokens[j - 1].low in lex.cue("state_bodies")


def _agent_of_passive(tokens: Sequence[Token], mi: int, clause: Clause) -> bool:
    """The mention's phrase opens with "von"/"vom" (a title or adjectives may stand between)."""
    for j in range(mi - 1, max(clause.lo, mi - 5) - 1, -1):
        low = tokens[j].low
        if low in ("von", "vom"):
            return True
        if tokens[j].punct or (low in _PREPS and low not in ("von",)):
            return False
    return False


def _lows(tokens: Sequence[Token], lo: int, hi: int) -> set[str]:
    return {t.low for t in tokens[lo:hi]}


def _person_before(
    mentions: Sequence[Mention], m: Mention, clause: Clause, tokens: Sequence[Token]
) -> bool:
    """A person named earlier in the clause is the subject, so a state or place after it (and
    before a verb-final participle) is the object."""
    lo = tokens[clause.lo].start
    return any(
        p.kind == "person" and lo <= p.start and p.end <= m.start and not _is_adjective(p)
        for p in mentions
    )


def _trip_goal(spec: TypeSpec, clause: Clause, attached: int, lex: Lexicon) -> bool:
    """A destination after a noun that takes none ("war zu Gesprächen nach Niamey gereist"):
    talks go nowhere, so it is where the trip of the clause went."""
    if spec.slots.get("nach") != "destination":
        return False
    other = next((h for h in clause.hits if h.index == attached), None)
    if other is None:
        return False
    other_spec = lex.types.get(other.entry.type)
    return other_spec is not None and other_spec.slots.get("nach") == "ignore"


_RELATIVE_AFTER_PREP = frozenset("dem der denen welchem welcher welchen".split())


# Forms of "werden" (passive and future). Defined once: an older, shorter definition further up
# was shadowed by this one at import, so every use has always read this set.
_PASSIVE_AUX = frozenset("wurde wurden worden werden wird".split())


def _introduced_by(tokens: Sequence[Token], mi: int, clause: Clause, prep: str) -> bool:
    """Whether the phrase of the mention at ``mi`` opens with ``prep`` (determiners and
    adjectives may stand between: "durch russische Drohnen")."""
    for j in range(mi - 1, max(clause.lo, mi - 4) - 1, -1):
        if tokens[j].low == prep:
            return True
        if tokens[j].low in _PREPS or tokens[j].punct:
            return False
    return False


def _apposition_of_als(tokens: Sequence[Token], mi: int, clause: Clause) -> bool:
    """A title introduced by "als" (ordinals and adjectives may stand between) describes the
    subject's office; it names no second person."""
    for j in range(mi - 1, max(clause.lo, mi - 4) - 1, -1):
        t = tokens[j]
        if t.low == "als":
            return True
        if not (t.text.isdigit() or t.text == "." or t.low in _ORDINAL_WORDS
                or t.low.endswith(("e", "en", "er", "es"))):  # fmt: skip
            return False
    return False


def _relative_subject(tokens: Sequence[Token], mi: int, clause: Clause, lex: Lexicon) -> bool:
    """A name right after "Präposition + Relativpronomen" that opens a clause ("..., an dem
    Selenskyj teilnahm", "..., bei der Modi anwesend war") is the relative clause's subject."""
    if mi - 2 < clause.lo:
        return False
    rel, prep = tokens[mi - 1], tokens[mi - 2]
    opens = mi - 2 == clause.lo or tokens[mi - 3].text == ","
    return opens and prep.low in _PREPS and rel.low in _RELATIVE_AFTER_PREP


def _member_of(tokens: Sequence[Token], mi: int, clause: Clause, lex: Lexicon) -> bool:
    """ "(als ständiges) Mitglied der G20", "Mitglied in der Nato": the organization joined."""
    j = mi - 1
    while j >= clause.lo and (tokens[j].low in _DETERMINERS or tokens[j].low in ("in", "im")):
        j -= 1
    return j >= clause.lo and j < mi - 1 and tokens[j].low in lex.cue("member_nouns")


def _variant(m: Mention, slot: str, mentions: Sequence[Mention]) -> Mention:
    """A span read both as a place and as the state it stands for ("Minsks", "Moskau"): the
    place where the text says where, the state where it says who."""
    alts = [x for x in mentions if x.start == m.start and x.end == m.end and x is not m]
    if not alts:
        return m
    where = slot in ("in", "nach", "compound")
    for x in alts:
        if where and x.kind == "place" and m.kind != "place":
            return x
        if not where and m.kind == "place" and x.kind == "state":
            return x
    return m


def _bind_organization(cand: Cand, spec: TypeSpec, m: Mention, role: str, slot: str) -> None:
    if cand.type == "summit" and slot == "mit" and cand.organization not in (None, m.key):
        cand.add("organization", m.key, "participant")  # "ein Gipfel der Celac mit der EU"
        return
    if role == "organization" or spec.needs_organization or cand.type == "summit":
        if cand.organization is None or slot in ("compound", "genitive"):
            cand.organization = m.key
        if spec.organization_role:
            cand.add("organization", m.key, spec.organization_role)
        return
    if slot not in ("compound", "genitive", "mit", "subject", "host", "agent"):
        return
    if spec.organization_role and role in ("participant", "host"):
        cand.add("organization", m.key, "host" if role == "host" else spec.organization_role)
    elif role in ("participant", "host", "target", "perpetrator") and (
        slot != "subject" or (role == "perpetrator" and not cand.hits[0].entry.noun)
    ):  # "Terroristen der Hamas waren ... eingedrungen": the group acted
        cand.add("organization", m.key, role)


def _set_location(cand: Cand, m: Mention, art: _Article, destination: bool) -> None:
    if m.kind == "place":
        state = art.place_state(m.key)
        if cand.place is None:
            cand.place = m.key
        if state:
            if cand.state is None:
                cand.state = state
            if destination and state not in cand.destinations:
                cand.destinations.append(state)
    elif m.kind == "state":
        if cand.state is None:
            cand.state = m.key
        if destination and m.key not in cand.destinations:
            cand.destinations.append(m.key)
    elif m.kind == "person" and destination:
        state = art.person_state(m.key)
        if state and cand.state is None:
            cand.state = state


def _continue_place(
    cand: Cand,
    spec: TypeSpec,
    tokens: Sequence[Token],
    clauses: Sequence[Clause],
    ci: int,
    mentions: Sequence[Mention],
    art: _Article,
) -> None:
    """ "..., wo er ... unterzeichnete": the place of the clause before."""
    clause = clauses[ci]
    if (
        not cand.state
        and ci + 2 < len(clauses)
        and tokens[clauses[ci + 1].lo].low in art.lex.cue("relative_pronouns")
        and tokens[clauses[ci + 2].lo].low in ("in", "im")
    ):
        # "berieten Staats- und Regierungschefs der Caricom, der auch Haiti angehört, in
        # Kingston": the main clause goes on after the relative clause
        after = clauses[ci + 2]
        first = next((m for m in _clause_mentions(mentions, tokens, after)), None)
        if (
            first is not None
            and first.kind == "place"
            and _token_index(tokens, first.start) == after.lo + 1
        ):
            _set_location(cand, first, art, destination=False)
            return
    if cand.state or ci == 0 or tokens[clause.lo].low not in art.lex.cue("place_continuations"):
        return
    prev = clauses[ci - 1]
    for m in reversed(_clause_mentions(mentions, tokens, prev)):
        mi = _token_index(tokens, m.start)
        before = {t.low for t in tokens[max(prev.lo, mi - 3) : mi]}
        if m.kind in ("place", "state") and before & {"in", "im", "nach"}:
            _set_location(cand, m, art, destination=False)
            return


def _fallback(
    tokens: Sequence[Token],
    clauses: Sequence[Clause],
    ci: int,
    main: int,
    lex: Lexicon,
    mentions: Sequence[Mention],
) -> tuple[str, int] | None:
    """How to find the subject a clause leaves unnamed: a pronoun, a relative pronoun, or the
    subject of the sentence the clause belongs to."""
    clause = clauses[ci]
    first = tokens[clause.lo]
    words = {t.low for t in tokens[clause.lo : clause.hi]}
    if ci > 0 and first.low in lex.cue("relative_pronouns") and tokens[clause.lo - 1].text == ",":
        return ("relative", tokens[clause.lo - 1].start)
    for i in range(clause.lo, clause.hi):
        t = tokens[i]
        if (
            t.low in lex.cue("pair_determiners")
            and i + 1 < clause.hi
            and (tokens[i + 1].low in lex.cue("pair_subjects"))
        ):
            return None  # "Beide Seiten unterzeichneten ...": the sides of the talks reported
        if t.low in ("sie", "beide", "beiden"):
            nxt = tokens[i + 1].low if i + 1 < clause.hi else ""
            prev = tokens[i - 1].low if i > clause.lo else ""
            plural_verb = nxt.endswith("en") or nxt in ("sind", "waren", "haben", "hatten")
            if t.low != "sie" or plural_verb or prev.endswith("en"):
                return ("pl", t.start)
            return ("sg", t.start)
        if t.low in ("ihr", "ihre", "ihrer", "ihrem", "ihren") and i + 1 == main:
            if words & lex.cue("collective_subjects"):
                return None  # "In ihrer Abschlusserklärung schreiben die Alliierten": their own
            return ("pl", t.start)
        if t.low in lex.cue("pronouns_singular"):
            return ("sg", t.start)
    if ci > 0:
        return ("subject", first.start)
    return None


def _date(
    cand: Cand,
    spec: TypeSpec,
    tokens: Sequence[Token],
    clauses: Sequence[Clause],
    ci: int,
    art: _Article,
    decision: bool,
) -> None:
    """The clause's date; else the sentence's only date when its clause reports nothing else."""
    clause = clauses[ci]
    lo, hi = tokens[clause.lo].start, tokens[clause.hi - 1].end
    exprs = art.dates_in(lo, hi)
    if not exprs and ci > 0 and tokens[clause.lo].low == "als":
        # "seit April 2019, als sich beide in Wladiwostok begegnet waren": the "als" clause
        # tells what happened at the date it follows
        prev = clauses[ci - 1]
        before = art.dates_in(tokens[prev.lo].start, lo)
        if before and lo - before[-1].end <= 3 and before[-1].since:
            exprs = [dataclasses.replace(before[-1], since=False)]
            cand.background = True  # history the article recalls, not what it reports
    if not exprs:
        own = {h.index for h in cand.hits}
        cand.after_event = _event_offset(tokens, clause, own, art.lex)
        if cand.after_event is None and tokens[0].low in _NEXT_WORDS and cand.status == "occurred":
            cand.after_event = ("", 0)  # "Anschließend traf er X": the day just told
    if not exprs and cand.status == "occurred":
        sentence_exprs = art.dates_in(tokens[0].start, tokens[-1].end)
        if len(sentence_exprs) == 1:
            e = sentence_exprs[0]
            owner = next(
                (c for c in clauses if tokens[c.lo].start <= e.start < tokens[c.hi - 1].end), None
            )
            if (
                owner is not None
                and not any(
                    h.entry.type != cand.type and h.entry.weight == "strong" for h in owner.hits
                )
                and not (
                    owner is not clause
                    and tokens[owner.lo].low in art.lex.cue("relative_pronouns")
                    and owner.lo > 0
                    and tokens[owner.lo - 1].text == ","
                )
            ):  # "der erste Gipfel von Merz, der am 6. Mai gewählt worden war": Merz's date
                exprs = [e]
    if not exprs:
        exprs = _bullet_date(tokens[0].start, art)  # "• 22. April: Bei einem Anschlag ..."
    if not exprs and _same_time(tokens, clause, art.lex):
        # "am selben Tag, an dem ein Raketenangriff ...": the date of the sentence before it
        exprs = art.dates_in(tokens[0].start, lo)[-1:]
        if not exprs:
            # "Noch in derselben Nacht kündigte er seinen Rücktritt an": the day told last, in
            # the two sentences before
            si = art.sentence_of(tokens[0].start)
            back = art.sentences[max(0, si - 2)].start
            exprs = [e for e in art.dates_in(max(back, art.headline_end), tokens[0].start)
                     if e.day][-1:]  # fmt: skip
    # the stretch of the clause around the trigger that no comma cuts
    own = _comma_segment(tokens, clause, cand.hits[0].index)
    seat = any(h.entry.after for h in cand.hits)  # "vereinbarten ... am Mittwoch im Kanzleramt"
    if decision and cand.type not in ("summit", "meeting") and not seat:
        # "war im vergangenen Jahr beschlossen worden": the decision's date. But in "kündigte
        # an, am 15. Juni nach Peking zu reisen" the trigger's own comma stretch, without the
        # decision verb, dates the event.
        triggers = {tokens[h.index].start for h in cand.hits}
        decided_here = any(
            own[0] <= t.start < own[1]
            and t.low in art.lex.cue("decision_verbs")
            and t.start not in triggers  # "hatten am 10. März vereinbart": the deal's own verb
            for t in tokens[clause.lo : clause.hi]
        )
        exprs = [] if decided_here else [e for e in exprs if own[0] <= e.start < own[1]]
    if len(exprs) > 1:
        # "Tusk, der von 2014 bis 2019 Ratspräsident war, will im Februar reisen": a date
        # between the trigger's own commas beats one of an inserted (relative) clause
        inside = [e for e in exprs if own[0] <= e.start < own[1]]
        exprs = inside or exprs
    if len(exprs) > 1 and not cand.hits[0].entry.noun:
        # "war 2011 ausgeschlossen und 2023 wieder aufgenommen worden": the date of the verb's
        # own conjunct
        trigger = cand.hits[0].index
        conj = max(
            (j for j in range(clause.lo, trigger) if tokens[j].low in _CONJUNCTS), default=None
        )
        joins_dates = conj is not None and any(
            e.start <= tokens[conj - 1].start < e.end for e in art.dates_in(lo, hi)
        )  # "zwischen dem 26. und dem 27. Mai" is one span, not two conjuncts
        if conj is not None and not joins_dates:
            lo_c, hi_c = tokens[conj].end, tokens[trigger].start
            exprs = [e for e in exprs if lo_c <= e.start < hi_c] or exprs
    if len(cand.hits) == 1 and cand.hits[0].entry.noun and len(exprs) > 1:
        # several dates in a clause: the one nearest after the noun ("Treffen im Mai in Peking")
        pos = tokens[cand.hits[0].index].start
        after = [e for e in exprs if e.start >= pos and not e.since]
        at = cand.hits[0].index
        right_before = [
            e for e in exprs
            if not e.since and at >= 2 and tokens[at - 1].low in ("beim", "vom", "zum")
            and _token_index(tokens, e.end) == at - 1
        ]  # fmt: skip  ("den im August beim Gipfel angebotenen Beitritt zum 1. Januar")
        exprs = (
            right_before or after[:1] or [e for e in exprs if not e.since][-1:] or exprs[-1:]
        )
    tense: Tense = "future" if cand.status == "planned" else "past"
    clause_low = {t.low for t in tokens[clause.lo : clause.hi]}
    verbs = {t.low for t in tokens[clause.lo : clause.hi] if not t.capital}  # not "das Treffen"
    present = bool(verbs & art.lex.cue("present_forms")) and not (
        clause_low & art.lex.cue("past_auxiliaries")
    )  # "Am Sonntag empfängt Starmer ...": a weekday with a present verb is the coming one
    trigger_end = tokens[cand.hits[0].index].end
    words = _words(tokens, clause)
    pluperfect = (  # "hatte ... begonnen": an auxiliary and a participle closing the clause
        bool(clause_low & art.lex.cue("pluperfect_auxiliaries"))
        and bool(words)
        and not words[-1].capital
        and words[-1].low not in art.lex.cue("pluperfect_auxiliaries")
        and words[-1].low.endswith(("t", "en"))
    )
    opening_year = next(
        (y for y in art.dates_in(tokens[0].start, lo) if y.kind == "year" and not y.since), None
    )
    if opening_year is not None:
        # "• 1990 handelte er den Vertrag aus, den er am 31. August unterzeichnete": the
        # sentence's year
        exprs = [
            dataclasses.replace(e, year=opening_year.year)
            if e.kind == "date" and e.year is None and e.month
            else e
            for e in exprs
        ]
    own_hits = {h.index for h in cand.hits}
    for e in exprs:
        if (e.since or _after_since(tokens, e, cand, art)) and not spec.durative:
            continue  # "zum ersten Mal seit letztem September" does not date the meeting
        if _attributive_date(tokens, e, own_hits):
            continue  # "ein 2001 gegründeter Club": the date of the attribute, not the clause
        if _date_of_other_noun(tokens, e, own_hits):
            continue  # "die Konferenz ... von dem Anschlag vom Donnerstag": the attack's day
        if _date_of_noun_before(tokens, e, cand.hits[0].index, art.lex):
            continue  # "der Vertrag ersetzt Abkommen aus dem Jahr 1961": the older pact's date
        if cand.hits[0].entry.noun and _date_of_time_reference(tokens, e, cand.hits[0].index):
            continue  # "der letzte Gipfel vor der Amtsübergabe im Januar": the handover's date
        if _deadline(tokens, e):
            continue  # "bis 2028 ausgesetzt", "bis Ende Mai": a limit, not when it happens
        outside = not lo <= e.start < hi
        if not spec.durative and outside and _since_phrase(tokens, trigger_end, e.start):
            continue  # "sprachen miteinander – das erste Gespräch seit den Kämpfen 2020"
        if (
            present
            and (e.kind in ("weekday", "month", "year") or (e.kind == "date" and e.year is None))
            and tense == "past"
        ):
            # "Macron reist im Juni nach China" in a May article: this June, still to come
            span = resolve_span(e, art.published, "future")
            pub = art.published
            if e.kind == "weekday" and art.anchor is not None and art.anchor is not pub:
                # "Am Montag, dem 16. Dezember, ... am Donnerstag reist er": after the day told
                near = resolve_near(e, art.anchor.value)
                span, pub = ((near, None), art.anchor) if near is not None else (None, None)
            if (
                span is not None
                and pub is not None
                and span[0].value > pub.value
                and (e.kind != "date" or _after_report(span[0], pub))
            ):  # a day of the report's own month is for the day the text tells to place
                cand.status = "planned"
                tense = "future"
        if present and e.kind == "date" and tense == "past" and _after_day_told(e, art):
            # "Am Samstag, dem 15. Februar ... Südafrika richtet am 20. Februar das Treffen aus"
            cand.status = "planned"
            tense = "future"
        if cand.passive_plan and _told_as_past(e, art):
            cand.status = "occurred"  # "22. April: ... werden 26 Menschen getötet" in May
        if (
            e.kind == "weekday"
            and e.offset == 0
            and cand.status == "occurred"
            and pluperfect
            and art.anchor is not None
            and art.anchor.value.weekday() != e.weekday
        ):  # "(Am Freitag traf er Tuggar.) Die Reise hatte am Sonntag begonnen": the
            # pluperfect tells a day before the one the text is at (its own weekday is that day)
            e = dataclasses.replace(e, offset=-1)
        span = _resolve_expr(e, cand.status, art)
        if span is None:
            continue
        start, end = span
        if cand.start is None or _finer(start, cand.start):
            cand.start, cand.end = start, end
        break


_ARTICLES = frozenset("ein eine einer einem einen eines der die das den dem des".split())
_FINITE_AUX = frozenset("hatte hatten wurde wurden war waren".split())


def _attributive_date(tokens: Sequence[Token], e: DateExpr, own: set[int]) -> bool:
    """A date between an article and a participle adjective dates that attribute only ("ein
    2001 gegründeter Club"), unless the participle is the trigger itself."""
    i = _token_index(tokens, e.start)
    j = _token_index(tokens, e.end)
    if not (0 < i and j < len(tokens)):
        return False
    nxt = tokens[j]
    return (
        j not in own  # "der am Mittwoch verabschiedeten Erklärung": the trigger's own date
        and tokens[i - 1].low in _ARTICLES
        and nxt.low not in _FINITE_AUX
        and not nxt.capital
        and not nxt.punct
        and nxt.low.endswith(("ter", "te", "ten", "tes", "tem", "ene", "ener", "enen", "enes"))
    )


def _date_of_other_noun(tokens: Sequence[Token], e: DateExpr, own: set[int]) -> bool:
    """ "vom Donnerstag" right after a noun that is not the trigger dates that noun ("der
    Anschlag vom Donnerstag"), not the clause."""
    i = _token_index(tokens, e.start)
    return (
        0 < i
        and tokens[i].low == "vom"
        and tokens[i - 1].capital
        and not tokens[i - 1].punct
        and i - 1 not in own
    )


def _comma_segment(tokens: Sequence[Token], clause: Clause, at: int) -> tuple[int, int]:
    """Body offsets of the stretch of ``clause`` around token ``at`` that no comma cuts."""
    lo, hi = clause.lo, clause.hi
    for i in range(at - 1, clause.lo - 1, -1):
        if tokens[i].text == ",":
            lo = i + 1
            break
    for i in range(at + 1, clause.hi):
        if tokens[i].text == ",":
            hi = i
            break
    if lo >= hi:
        return tokens[clause.lo].start, tokens[clause.hi - 1].end
    return tokens[lo].start, tokens[hi - 1].end


_DEADLINE_FILLERS = frozenset({"zum", "zur", "ende", "anfang", "mitte", "spätestens", "spätesten"})


def _deadline(tokens: Sequence[Token], e: DateExpr) -> bool:
    """A date after "bis" that is no range of its own ("bis 2028", "bis Ende Mai", "bis zum
    5. Mai"): a time limit."""
    if e.surface.lower().startswith("bis "):
        return True
    i = _token_index(tokens, e.start) - 1
    while i >= 0 and tokens[i].low in _DEADLINE_FILLERS:
        i -= 1
    return i >= 0 and tokens[i].low == "bis"


def _date_of_noun_before(tokens: Sequence[Token], e: DateExpr, trigger: int, lex: Lexicon) -> bool:
    """ "Abkommen aus den Jahren 1961 und 2000": a date after "aus" belongs to the noun before
    the preposition, which is not the trigger."""
    i = _token_index(tokens, e.start)
    fillers, preps = lex.cue("attribute_date_fillers"), lex.cue("attribute_date_preps")
    j = i - 1
    while j >= 0 and (tokens[j].low in fillers or tokens[j].low.isdigit()):
        j -= 1
    if j < 1 or tokens[j].low not in preps or tokens[j].start >= e.start:
        return False
    return j - 1 != trigger and tokens[j - 1].capital


_ORDINALS = frozenset(
    "letzte letzten letzter letztes erste ersten erster erstes nächste nächsten nächster".split()
)


def _date_of_time_reference(tokens: Sequence[Token], e: DateExpr, trigger: int) -> bool:
    """ "der letzte Gipfel vor der Amtsübergabe an Trump im Januar": a date after a "vor"/"nach"
    phrase that follows the trigger noun in the same phrase belongs to that phrase's noun."""
    i = _token_index(tokens, e.start)
    if i <= trigger + 3:
        return False
    if not {t.low for t in tokens[max(0, trigger - 2) : trigger]} & _ORDINALS:
        return False  # "die Rede vor der Generalversammlung am Mittwoch": a place, not a time
    between = tokens[trigger + 1 : i]
    if any(t.punct or t.low in _CONJUNCTS for t in between):
        return False
    return any(
        t.low in ("vor", "nach") and between[k + 1].low in _DETERMINERS and between[k + 2].capital
        for k, t in enumerate(between[:-2])
    )


def _after_since(tokens: Sequence[Token], e: DateExpr, cand: Cand, art: _Article) -> bool:
    """A date closing a "seit" phrase ("seit dem Militärputsch von 2021"): it dates the noun
    the period starts with, not the clause's event. Unless that noun is the event's own trigger
    ("seit dem Besuch von Chirac im Jahr 2000") or a person stands for an earlier event of the
    same kind ("seit Indira Gandhi im Jahr 1983")."""
    own = {tokens[h.index].start for h in cand.hits}
    persons = [m for m in art.mentions.get(cand.sentence, []) if m.kind == "person"]
    i = _token_index(tokens, e.start) - 1
    noun = False  # "seit dem 19. Januar" is the date's own "seit"
    for j in range(i, max(-1, i - 6), -1):
        t = tokens[j]
        if t.start in own or any(m.start <= t.start < m.end for m in persons):
            return False
        if t.low == "seit":
            return noun
        if t.punct or not (t.capital or t.low in _DETERMINERS or t.low in ("von", "vom")):
            return False
        noun = noun or t.capital
    return False


def _since_phrase(tokens: Sequence[Token], after: int, before: int) -> bool:
    """A "seit" between the trigger and a date: the date starts a period the event lies in,
    it does not date the event ("das erste Gespräch seit den Kämpfen von 2020")."""
    return any(t.low == "seit" and after <= t.start < before for t in tokens)


def _same_time(tokens: Sequence[Token], clause: Clause, lex: Lexicon) -> bool:
    """ "am selben Tag", "zur gleichen Zeit" right before the clause, or inside it."""
    lo = max(0, clause.lo - 4)
    cues = lex.cue("same_time_cues")
    return any(
        tokens[i].low in cues
        and i + 1 < len(tokens)
        and tokens[i + 1].low in ("tag", "zeit", "nacht", "abend")
        for i in range(lo, clause.hi)
    )


def _finer(a: FuzzyDate, b: FuzzyDate) -> bool:
    order = {"year": 0, "month": 1, "day": 2}
    return order[a.precision] > order[b.precision]


# --------------------------------------------------------------------------------------------
# per article


def _mentions_before(
    art: _Article, si: int, before: int | None, kinds: tuple[str, ...]
) -> list[Mention]:
    out: list[Mention] = []
    for m in art.mentions.get(si, []):
        if before is not None and m.start >= before:
            break
        if m.kind in kinds and not _is_adjective(m) and not _is_source(m, art):
            out.append(m)
    return out


_HE = re.compile(r"(?<![\w-])er(?![\w-])")


def _he_before(art: _Article, si: int, depth: int = 3) -> list[tuple[str, str]]:
    """Who "er" continues: the first person named in the sentence before, unless that sentence
    itself opens with "er" ("Zuvor hatte er Selenskyj in Kiew besucht. Dann flog er ..."): then
    the one before it."""
    for k in range(si, max(-1, si - depth), -1):
        ms = _mentions_before(art, k, None, ("person",))
        sent = art.sentences[k]
        first = ms[0].start if ms else sent.end
        if _HE.search(art.body[sent.start : first]):
            continue  # the named person is the object of a sentence about "er"
        if not ms:
            continue  # "Am Montag stimmten 207 Abgeordnete dagegen.": names nobody "er" can be
        return _keys(ms)[:1]
    return []


def _keys(ms: Iterable[Mention]) -> list[tuple[str, str]]:
    return list(dict.fromkeys((m.kind, m.key) for m in ms))


def _resolve_fallback(c: Cand, art: _Article) -> None:
    """Fill the subject a clause leaves unnamed ("er", "seine", "..., das", a verb-only clause),
    then an object pronoun ("lud ihn ein") with someone else named before."""
    _resolve_subject(c, art)
    if c.object_at is not None and c.type in ("meeting", "visit"):
        at = c.object_at
        earlier = _keys(_mentions_before(art, c.sentence, at, ("person",))) + _keys(
            _mentions_before(art, c.sentence - 1, None, ("person",))
        )  # like "sg": a sentence's first person is its likeliest antecedent
        who = [k for k in earlier if k not in c.roles][:1]
        for kind, key in who:
            c.add(kind, key, "participant")


def _resolve_subject(c: Cand, art: _Article) -> None:
    """The subject part of `_resolve_fallback`."""
    if c.fallback is None:
        return
    mode, at = c.fallback
    spec = art.lex.types[c.type]
    role = spec.slots.get("subject", "participant")
    if role in ("ignore", "location", "destination", "organization") or (
        role == "host" and not (c.type == "appointment" and mode == "sg")
    ):  # "als er den Anwalt X zum Minister ernannte": the pronoun appoints
        role = "participant"
    if c.fallback_hosts:
        role = "host"  # "Brasilien, das ... den nächsten Gipfel ausrichten soll"
    if c.type == "legal" or (c.type == "attack" and c.passive):
        role = "target"  # "Haniyeh, der in Teheran getötet worden war": who was hit
    if c.subject_absent:
        role = "absent"
    elif c.frame == "host_verb" and mode == "sg" and not c.received:
        role = "host"  # "lud er ihn ... ein": who invites hosts
    who: list[tuple[str, str]] = []
    persons_states = ("person", "state")
    if mode == "relative":
        prev = [m for m in _mentions_before(art, c.sentence, at, persons_states + ("organization",))
                if at - m.end <= 2]  # fmt: skip
        who = _keys(prev[-1:])
    elif mode == "subject":
        who = _keys(_mentions_before(art, c.sentence, at, persons_states)[:1])
    elif mode == "pl":
        same = _keys(_mentions_before(art, c.sentence, at, ("person",)))
        most = 2 if art.body[at : at + 5].lower() == "beide" else 3  # "Beide" are two
        who = (
            same[:most]
            if len(same) >= 2
            else _keys(_mentions_before(art, c.sentence - 1, None, ("person",)))[:most]
        )
    else:  # "sg"
        same = _keys(_mentions_before(art, c.sentence, at, ("person",)))
        if not same:  # "Der Kanzler will erneut antreten; der Vorstand nominierte ihn": the title
            same = _keys(m for m in _role_mentions(art, c.sentence) if m.start < at)
        if same:
            who = same[:1]
        else:
            after = _keys(m for m in art.mentions.get(c.sentence, []) if m.kind == "person"
                          and not _is_adjective(m) and not _is_source(m, art))  # fmt: skip
            low = art.body[at : at + 6].lower()
            if after and low.startswith(("sein", "ihr")):
                who = after[:1]
            else:
                who = _he_before(art, c.sentence - 1)
    if c.type == "attack" and c.reference:
        return  # "zeigten sich während des Aufstands nicht": who is named is no perpetrator
    if (
        c.type == "attack"
        and mode not in ("relative",)
        and not art.body[at : at + 4].lower().startswith(("sein", "ihr"))
    ):
        return  # a war's perpetrator only from "sein Krieg" or "Russland, das ... einmarschierte"
    for kind, key in who:
        if kind == "state" and c.type == "visit" and key in c.destinations:
            continue
        if (kind, key) not in c.roles:
            c.add(kind, key, role)


def _leaders(art: _Article, state: str, on: FuzzyDate | None) -> list[str]:
    """Persons the article mentions who lead ``state`` (knowledge base first, then titles)."""
    day = on.value if on else (art.published.value if art.published else None)
    out = _holders(art, sorted(art.lex.cue("leader_roles")), state, day)
    titles = art.lex.cue("leader_titles")
    for key in art.persons:
        if key in out or art.person_state(key) != state:
            continue
        if (art.person_title(key) or "").lower() in titles:
            out.append(key)
    return out


def _salient_org_before(art: _Article, si: int, offset: int) -> str | None:
    """What "die Gruppe" refers to: of the organizations named in this and the two sentences
    before, the one the article names most ("fordern die Brics-Staaten eine Reform des
    UN-Sicherheitsrats. Die Gruppe hatte sich ... erweitert": BRICS); else the last one before."""
    near = [
        m.key
        for s in range(max(0, si - 2), si + 1)
        for m in art.mentions.get(s, [])
        if m.kind == "organization" and m.start < offset and not _is_source(m, art)
    ]
    if not near:
        return _org_before(art, si, offset)
    counts: dict[str, int] = {}
    for ms in art.mentions.values():
        for m in ms:
            if m.kind == "organization":
                counts[m.key] = counts.get(m.key, 0) + 1
    order = {k: i for i, k in enumerate(near)}  # the last position of each
    return max(order, key=lambda k: (counts.get(k, 0), order[k]))


def _org_before(art: _Article, si: int, offset: int, back: int | None = None) -> str | None:
    """The last organization named before ``offset`` (for "die Gruppe", "der Organisation"),
    at most ``back`` sentences back when given."""
    first = 0 if back is None else max(0, si - back)
    for s in range(si, first - 1, -1):
        for m in reversed(art.mentions.get(s, [])):
            if m.kind == "organization" and m.start < offset and not _is_source(m, art):
                return m.key
    return None


_COMPATIBLE_ANTECEDENT = {
    "summit": ("summit",),
    "meeting": ("meeting", "summit", "visit"),
    "visit": ("visit", "meeting"),
    "agreement": ("agreement",),
}


def _compatible(c: Cand, d: Cand, body: str = "") -> bool:
    if c.state and d.state and c.state != d.state:
        return False
    if body and c.type == "summit" and _named_apart(c, d, body):
        return False  # "am Rande der UN-Generalversammlung" after the "Quad-Gipfel": another
    if c.reference and c.status == "occurred" and d.status == "planned":
        return False  # "sagte Scholz nach dem Treffen": a past gathering, not the planned one
    if c.start and d.start and not dedup.dates_overlap(c.start, c.end, d.start, d.end, 3):
        return False
    if c.definite and c.start and c.status == "planned" and d.status == "occurred":
        return False  # "nun richtet Neu-Delhi den Gipfel 2025 aus": the next one, not this one
    if c.organization and d.organization and c.organization != d.organization:
        return False
    if c.type == "summit" and c.organization and d.organization is None and c.state != d.state:
        return False  # "beim Brics-Gipfel in Johannesburg": a named gathering, not "der Gipfel"
    return True


def _named_apart(c: Cand, d: Cand, body: str) -> bool:
    """Both gatherings are named by a modifier ("UN-", "Quad-"), and by different ones."""

    def names(x: Cand) -> set[str]:
        return {body[h.prefix[0] : h.prefix[1]].lower().strip("-") for h in x.hits if h.prefix}

    mine, theirs = names(c), names(d)
    return bool(mine and theirs and not mine & theirs)


def _antecedent(
    c: Cand,
    done: Sequence[Cand],
    window: int | None,
    salience: Mapping[int, int],
    anchor: FuzzyDate | None = None,
    lex: Lexicon | None = None,
    body: str = "",
) -> Cand | None:
    """The earlier event that a definite noun or a support word refers to (best fit, then the
    most recent)."""
    kinds = c.hits[0].entry.refers_to or _COMPATIBLE_ANTECEDENT.get(c.type, (c.type,))
    if lex is not None and c.hits[0].prefix is not None and c.evidence:
        surface = c.evidence[0].surface.lower()
        named = [t for m, ts in lex.modifier_kinds.items() if surface.startswith(m) for t in ts]
        if named:
            kinds = tuple(named)  # "Unter den Trauergästen": the funeral, not the talks before
    own = {k for k, r in c.roles.items() if r != "absent"}
    best: tuple[tuple[int, ...], Cand] | None = None
    for n, d in enumerate(done):
        if d.merged_into is not None or d.type not in kinds or d is c:
            continue
        if window is not None and not 0 <= c.sentence - d.sentence <= window:
            continue
        if not _compatible(c, d, body):
            continue
        if (
            c.reference
            and c.status == "occurred"
            and anchor is not None
            and d.start is not None
            and d.start.precision == "day"
            and d.start.value > anchor.value
        ):
            continue  # "sagte Scholz nach dem Treffen": not the gathering still to come
        shared = len(own & set(d.roles))
        if c.weight == "support" and own and not shared and not c.carries_roles:
            continue
        if c.carries_roles and d.sentence > c.sentence:
            continue  # "Unter den Gästen waren ...": the gathering reported before
        if d.status == "planned" and c.attended_past and c.status == "occurred":
            continue  # "nahm an den Gesprächen teil": talks held, not a trip still to come
        last = max(e.sentence_index for e in d.evidence if e.sentence_index <= c.sentence) \
            if any(e.sentence_index <= c.sentence for e in d.evidence) else d.sentence  # fmt: skip
        fit: tuple[int, ...] = (
            int(bool(c.state and c.state == d.state)),
            int(bool(c.organization and c.organization == d.organization)),
            int(not d.background),
            shared,
            int(0 <= c.sentence - last <= 2),  # just mentioned
            salience.get(id(d), 0),  # else the event the article is about
            n,
        )
        if c.carries_roles:
            # an attendee list ("Anwesend waren ...") names who was at the happening in focus:
            # the one reported last, unless the list names its gathering; a gathering before
            # a pact ("Gastgeberin war X" after the summit's declaration: the summit's host)
            fit = (
                *fit[:3],
                int(d.type != "agreement"),
                int(0 <= c.sentence - last <= 1),
                last,
                salience.get(id(d), 0),
                n,
            )
        if best is None or fit > best[0]:
            best = (fit, d)
    return best[1] if best else None


def _salience(done: Sequence[Cand], art: _Article) -> dict[int, int]:
    """How much an article is about an event: its reports plus the mentions of its organization
    and place (a definite "der Gipfel" far from any summit means the article's main one)."""
    counts: dict[str, int] = {}
    for ms in art.mentions.values():
        for m in ms:
            counts[m.key] = counts.get(m.key, 0) + 1
    return {
        id(d): len(d.evidence)
        + (counts.get(d.organization, 0) if d.organization else 0)
        + (counts.get(d.place, 0) if d.place else 0)
        for d in done
    }


def _absorb(target: Cand, c: Cand) -> None:
    if c.weight != "support" or c.carries_roles:
        # "Abschied", "Empfang": when and where, not who in which role
        for k, r in c.roles.items():
            target.add(k[0], k[1], r)
    target.evidence.extend(c.evidence)
    target.place = target.place or c.place
    target.state = target.state or c.state
    target.organization = target.organization or c.organization
    target.hosts_explicit = target.hosts_explicit or c.hosts_explicit
    if c.status == "occurred":
        target.status = "occurred"
    if c.start and (target.start is None or _finer(c.start, target.start)):
        target.start, target.end = c.start, c.end
    elif c.start and target.start and c.start.precision == "day" == target.start.precision:
        days = [d for d in (target.start, target.end, c.start, c.end) if d is not None]
        lo, hi = min(days, key=lambda d: d.value), max(days, key=lambda d: d.value)
        target.start, target.end = lo, (hi if hi.value != lo.value else None)
    c.merged_into = target


def _one_to_one_talks(cands: list[Cand], art: _Article) -> list[Cand]:
    """ "Am Samstag folgten dort Einzelgespräche mit A und B" after the host received someone:
    one meeting of that host with each of them, where he received the first."""
    out: list[Cand] = []
    for c in cands:
        surface = c.evidence[0].surface.lower() if c.evidence else ""
        persons = [k for k, r in c.roles.items() if k[0] == "person" and r == "participant"]
        if c.type != "meeting" or not surface.startswith(_ONE_TO_ONE) or len(persons) < 2:
            out.append(c)
            continue
        before = next(
            (d for d in reversed(out) if d.type in ("meeting", "visit")
             and 0 <= c.sentence - d.sentence <= 1
             and any(r == "host" and k[0] == "person" for k, r in d.roles.items())),
            None,
        )  # fmt: skip
        if before is None:
            out.append(c)
            continue
        host = next(k for k, r in before.roles.items() if r == "host" and k[0] == "person")
        for p in persons:
            roles = {host: "host", p: "participant"}
            state = art.entity_state(p)
            if state and ("state", state) in c.roles:
                roles[("state", state)] = "participant"
            out.append(replace_cand(
                c, roles=roles, place=c.place or before.place, state=c.state or before.state,
                evidence=list(c.evidence), destinations=list(c.destinations),
            ))  # fmt: skip
    return out


_JOINT_FORMS = frozenset("verhandelt verhandelte verhandelten beriet berieten beraten".split())
_ONE_TO_ONE = ("einzelgespräch", "einzeltreffen", "einzelunterredung")


def _date_from_event(c: Cand, before: Sequence[Cand]) -> None:
    """Date "zwei Tage nach der Wahl" from the last event of that kind told with its day."""
    assert c.after_event is not None
    typ, days = c.after_event
    told = next(
        (d for d in reversed(before) if (d.type == typ or not typ and c.sentence - d.sentence == 1)
         and d.start is not None and d.start.precision == "day" and not d.negated
         and d.status == "occurred"),
        None,
    )  # fmt: skip
    if told is not None and told.start is not None:
        c.start = FuzzyDate(told.start.value + datetime.timedelta(days=days), "day")


_NEXT_WORDS = frozenset("anschließend danach später".split())
_SPAN_DAYS = {"tag": 1, "tage": 1, "tagen": 1, "woche": 7, "wochen": 7}


def _event_offset(
    tokens: Sequence[Token], clause: Clause, own: set[int], lex: Lexicon
) -> tuple[str, int] | None:
    """("election", 2) for "zwei Tage nach der Wahl", ("summit", -1) for "am Tag vor dem
    Gipfel": a day counted from another event the text names."""
    for i in range(clause.lo + 1, clause.hi - 1):
        word = tokens[i].low
        if word not in ("nach", "vor") or tokens[i - 1].low not in _SPAN_DAYS:
            continue
        unit = _SPAN_DAYS[tokens[i - 1].low]
        count = 1
        if i >= 2 and tokens[i - 2].low not in ("am", "eine", "einen", "einer"):
            n = _count_of(tokens[i - 2].low)
            if n is None:
                continue
            count = n
        k = _past_modifiers(tokens, i + 1, clause, 1, determiners=True)
        entries = [e for e, _cut in _match_token(tokens[k], lex, False) if e.noun]
        if entries and k not in own:  # the noun counted from is not the event dated
            sign = 1 if word == "nach" else -1
            return entries[0].type, sign * count * unit
    return None


def _count_of(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return _COUNT_WORDS.get(word)


_COUNT_WORDS = {
    "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "zehn": 10,
}  # fmt: skip


_GATHERING_MEETINGS = ("treffen", "zusammenkunft")  # nouns a summit is told with, never "Gespräche"


def _gathering_told_as_meeting(c: Cand, done: Sequence[Cand], art: _Article) -> Cand | None:
    """ "zum Auftakt des zweitägigen Treffens ... blieb dem Gipfel fern": with no summit told
    before, "der Gipfel" is the meeting told before when that one was a gathering of leaders of
    three states or more; it becomes the summit."""
    for d in reversed(done):
        if (
            d.merged_into is not None
            or d.type != "meeting"
            or d.status != c.status
            or not d.hits[0].entry.noun
            or not d.evidence[0].surface.lower().startswith(_GATHERING_MEETINGS)
        ):
            continue
        if c.start is not None and d.start is not None and c.start != d.start:
            return None  # "Ende Juni der Nato-Gipfel" after talks on Friday: another gathering
        keys = [k for d_ in (c, d) for k in d_.roles]
        states = {art.entity_state(k) for k in keys} - {None}
        if len(states) >= 3 or d.organization is not None:
            d.type, d.frame = "summit", "gathering"
            return d
        return None  # the talks told last were a meeting of few
    return None


def _joined_before(c: Cand, before: Sequence[Cand]) -> str | None:
    """The organization an earlier accession of the same state names: an accession told a
    second time without its group joins the group told the first time."""
    joining = {k for k, r in c.roles.items() if k[0] == "state" and r == "participant"}
    for d in reversed(before):
        if d.type != "accession" or d.organization is None or d.negated:
            continue
        if joining & {k for k, r in d.roles.items() if r == "participant"}:
            return d.organization
    return None


_JOINABLE = frozenset({"intergovernmental", "military_alliance"})


def _resolve_article(cands: list[Cand], art: _Article) -> list[EventFact]:
    lex = art.lex
    anaphors = lex.cue("organization_anaphors")
    done: list[Cand] = []
    supports: list[Cand] = []
    cands = _one_to_one_talks(cands, art)
    for ci, c in enumerate(cands):
        spec = lex.types[c.type]
        if c.negated or c.aggregate:
            continue
        if c.start is None and c.after_event is not None:
            _date_from_event(c, cands[:ci])
        _resolve_fallback(c, art)
        if c.organization is None and (spec.needs_organization or c.type == "summit"):
            clause_words = set(art.body[c.evidence[0].start - 60 : c.evidence[-1].end + 60]
                               .lower().split())  # fmt: skip
            # "Die Gruppe hatte sich ... um Iran, Ägypten, ... erweitert": the subject far ahead
            clause_words |= set(art.sentences[c.sentence].text.lower().split()[:3])
            becomes = c.type == "accession" and c.evidence[0].surface.lower() in lex.cue(
                "member_nouns"
            )  # "sollen X und Y Vollmitglieder werden": members of the group just named
            if clause_words & anaphors or becomes:
                back = None if clause_words & anaphors else 1
                org = (
                    _salient_org_before(art, c.sentence, c.evidence[0].start)
                    if back is None
                    else _org_before(art, c.sentence, c.evidence[0].start, back)
                )
                if org:
                    c.organize(org, spec.organization_role)
        if c.organization is None and c.type == "accession":
            org = _joined_before(c, cands[:ci])
            if org:  # "Osttimor wird Mitglied der Asean ... die Aufnahme Osttimors": that group
                c.organize(org, spec.organization_role)
        if c.organization is None and c.type == "accession" and c.start is not None:
            org = _salient_org_before(art, c.sentence, c.evidence[0].start)
            if org and art.org_kind(org) in _JOINABLE:
                # "Die Nato wächst. Seit dem Beitritt Finnlands im April 2023 ...": the group
                # in focus; a dated accession, since an undated one is often still pending
                # ("Ungarn blockiert Schwedens Beitritt")
                c.organize(org, spec.organization_role)
        if c.weight == "support":
            supports.append(c)
            continue
        bare = (
            c.type == "summit"
            and not c.roles
            and not (c.organization or c.place or c.state or c.start)
            and c.status == "occurred"
        )  # "Gipfel unter Schutz von Patriot-Systemen": a heading about the gathering reported
        if bare and _names_event_before(c, art):
            # "Es war das erste Gipfeltreffen der drei Staaten": the talks just reported were
            # a summit
            prev = next(
                (d for d in reversed(done)
                 if d.type in ("meeting", "visit") and 0 <= c.sentence - d.sentence <= 1
                 and d.merged_into is None and not d.margin),
                None,
            )  # fmt: skip
            if prev is not None:
                prev.type, prev.frame = "summit", "gathering"
                _absorb(prev, c)
                continue
        if (
            c.type == "meeting"
            and c.hits[0].entry.noun
            and not c.reference
            and c.roles
            and c.start is None
            and _names_event_before(c, art)
        ):
            # "Es war die erste Begegnung eines amerikanischen und eines syrischen Staatschefs":
            # the talks just reported, classified by who took part in them
            prev = next(
                (d for d in reversed(done)
                 if d.type in ("meeting", "visit") and 0 <= c.sentence - d.sentence <= 1
                 and d.merged_into is None and set(c.roles) <= set(d.roles)),
                None,
            )  # fmt: skip
            if prev is not None:
                _absorb(prev, c)
                continue
        if (
            c.type in ("summit", "meeting")
            and c.hits[0].entry.noun
            and not c.reference
            and not c.roles
            and _names_event_before(c, art)
        ):
            # "Es war das größte internationale Treffen in Russland seit ...": a predicate that
            # classifies the gathering just reported (a summit first), no gathering of its own
            prev = _gathering_before(c, done)
            if prev is not None:
                _absorb(prev, c)
                continue
        if (
            c.type in ("summit", "meeting", "visit")
            and c.hits[0].entry.noun
            and not c.reference
            and c.roles
            and _experienced_by(c, art)
        ):
            # "Für Tusk war es das erste Gipfeltreffen seit seiner Rückkehr": the gathering
            # reported, which he attended; "Für X war die Reise nach Niamey ...": his trip to
            # the summit there. The classifying noun's organization ("einer der letzten
            # EU-Gipfel") names the kind of gathering; the one reported may be filed otherwise
            org, c.organization = c.organization, None
            target = _antecedent(c, done, None, _salience(done, art), art.anchor, art.lex, art.body)
            c.organization = org
            if target is None and c.type == "visit" and c.state is not None:
                target = next(
                    (d for d in reversed(done)
                     if d.type == "summit" and d.merged_into is None and d.state == c.state
                     and d.status == "occurred" and not d.background),
                    None,
                )  # fmt: skip
            if target is not None:
                _absorb(target, c)
                continue
        if (c.definite or bare) and c.frame in ("talks", "gathering", "sign", "office"):
            target = _antecedent(c, done, None, _salience(done, art), art.anchor, art.lex, art.body)
            if target is None and c.type == "summit" and c.definite:
                target = _gathering_told_as_meeting(c, done, art)
            if target is not None:
                _absorb(target, c)
                continue
            if c.definite and c.start is None:
                _date_of_the_signing(c, done)
        if c.weight == "weak" and c.start is None:
            continue
        done.append(c)
    for c in supports:
        target = _antecedent(c, done, None, _salience(done, art), art.anchor, art.lex, art.body)
        if target is not None:
            _absorb(target, c)
    _collective_signers(done, art)
    _delegations(done, art)
    _pair_counterparts(done, art)
    for c in done:
        if c.merged_into is not None:
            continue
        if c.margin and c.summit is None:
            c.summit = _gathering_in_focus(c, done, art)
        s = c.summit.final() if c.summit is not None else None
        speaks = c.type == "speech" and c.status == "occurred"
        if s is not None and s is not c and (c.margin or speaks) and s.type == "summit":
            # talks "am Rande" of a gathering, a speech before it: who talks there attends it
            for (kind, key), role in c.roles.items():
                if kind == "person" and role != "absent" and (kind, key) not in s.roles:
                    s.add(kind, key, "participant")
        if s is not None and s is not c and (c.margin or c.type in ("agreement", "accession")):
            c.place = c.place or s.place
            c.state = c.state or s.state
            if c.start is None and not c.decided:
                c.start, c.end = s.start, s.end
            if c.organization is None and s.organization and c.type != "meeting":
                c.organize(s.organization, lex.types[c.type].organization_role)
    _signed_during(done, art)
    _states_of_the_talks(done, art)
    _talks_at_summit(done)
    _guests_of_summit(done)
    _summit_of_the_lead(done, art)
    _chair_hosts(done, art)
    _trip_leg_dates(done)
    events: list[EventFact] = []
    for c in done:
        if c.merged_into is not None:
            continue
        if c.type == "visit" and c.state is None:
            _country_anaphor(c, art)
        if c.type == "visit" and c.state is None:
            _arrival_at_dateline(c, art)
        if c.type == "summit" and c.place is None and c.organization and c.status == "occurred":
            _summit_at_seat(c, art)
        if c.type == "meeting" and c.state is None and not c.margin and c.frame == "host_verb":
            _received_at_home(c, done, art)
        for part in _split_destinations(c, lex.types[c.type]):
            ev = _finish(part, art)
            if ev is not None:
                events.append(ev)
    return events


def _chair_hosts(done: Sequence[Cand], art: _Article) -> None:
    """ "Nigerias Präsident X, der den Vorsitz der Gemeinschaft innehat, warnte ...", told
    right after a summit of an organization: the chair hosts that summit (and, met in his
    state, so does his state)."""
    for si, ms in art.mentions.items():
        words = set(_sentence_words(art, si))
        if "vorsitz" not in words or not words & art.lex.cue("chair_verbs"):
            continue
        for m in ms:
            if m.kind != "person" or _is_adjective(m):
                continue
            tail = art.body[m.end : m.end + 60].lower()
            if not tail.startswith((", der den vorsitz", ", die den vorsitz")):
                continue
            summit = next(
                (d for d in reversed(done)
                 if d.type == "summit" and d.merged_into is None and d.organization
                 and d.status == "occurred" and 0 <= si - d.sentence <= 3),
                None,
            )  # fmt: skip
            if summit is None or any(
                k[0] == "person" and r == "host" for k, r in summit.roles.items()
            ):
                continue
            summit.add("person", m.key, "host")
            state = art.person_state(m.key)
            if state and state == summit.state:
                summit.add("state", state, "host")


def _summit_of_the_lead(done: Sequence[Cand], art: _Article) -> None:
    """ "... beim Gipfeltreffen der Arabischen Liga empfangen worden. Gastgeber X begrüßte Assad
    am Freitag (19. Mai)": a summit the lead tells without a day is held on the day the next
    sentences give, when that day lies in the month of the report."""
    pub = art.published
    if pub is None or pub.precision != "month":
        return
    for c in done:
        if (
            c.type != "summit"
            or c.start is not None
            or c.status != "occurred"
            or c.merged_into is not None
            or c.background
            or c.reference
            or art.starts[c.sentence] > art.headline_end + _LEAD_CHARS
        ):
            continue
        last = art.sentences[min(len(art.sentences), c.sentence + 2) - 1]
        c.start = text_anchor(art.body[art.starts[c.sentence] : last.end], pub)
        return  # the lead's first summit only


def _trip_leg_dates(done: Sequence[Cand]) -> None:
    """ "Die Reise hatte am Sonntag in Namibia begonnen. In Windhuk sprach Wang mit Präsident
    Mbumba": a dated trip with nobody travelling dates the undated talks in the same state
    told right after it, and the two are one visit."""
    for c in done:
        if (
            c.merged_into is not None
            or c.type != "visit"
            or c.start is None
            or c.state is None
            or any(r == "participant" for r in c.roles.values())
        ):
            continue
        d = next(
            (d for d in done
             if d is not c and d.merged_into is None and d.type in ("meeting", "visit")
             and d.start is None and d.state == c.state and d.status == c.status
             and 0 < d.sentence - c.sentence <= 1
             and any(r == "participant" for r in d.roles.values())),
            None,
        )  # fmt: skip
        if d is not None:
            d.start, d.end = c.start, c.end
            _absorb(d, c)


def _guests_of_summit(done: Sequence[Cand]) -> None:
    """ "Al-Sisi empfing unter anderem: • Macron ... • Merz ...", undated, after a summit he
    hosts: the summit's guests, not a reception of its own. So are travellers listed after the
    summit to its state ("Nach Riad gereist waren: • A • B"); a list's items count as sentences,
    so a trip may stand further from its summit."""
    for c in done:
        trip = c.type == "visit" and c.frame == "trip" and c.state is not None
        if (
            c.merged_into is not None
            or c.type not in ("meeting", "visit")
            or not (c.frame == "host_verb" or trip)
            or c.start is not None
            or c.status != "occurred"
        ):
            continue
        hosts = {k for k, r in c.roles.items() if k[0] == "person" and r == "host"}
        guests = [k for k, r in c.roles.items() if k[0] == "person" and r == "participant"]
        if not (hosts or trip) or len(guests) < 2:
            continue
        summit = next(
            (d for d in reversed(done)
             if d.type == "summit" and d.merged_into is None and not d.background
             and d.status == "occurred" and 0 < c.sentence - d.sentence <= (16 if trip else 8)
             and (hosts <= {k for k, r in d.roles.items() if r == "host"} if not trip
                  else d.state == c.state)),
            None,
        )  # fmt: skip  ("Nach Riad gereist waren: • A • B", after the summit in Riyadh)
        if summit is not None:
            _absorb(summit, c)


def _states_of_the_talks(done: Sequence[Cand], art: _Article) -> None:
    """ "Deutschland und Polen haben Regierungskonsultationen abgehalten. Scholz reiste am
    Dienstag nach Warschau, wo ihn Tusk empfing": talks told by their states, undated, then by
    their people with a day are one happening."""
    for c in done:
        if (
            c.merged_into is not None
            or c.type != "meeting"
            or c.start is not None
            or c.status != "occurred"
            or not c.roles
            or any(k[0] != "state" for k in c.roles)
        ):
            continue
        states = {k[1] for k in c.roles}
        d = next(
            (d for d in done
             if d is not c and d.merged_into is None and d.type in ("meeting", "visit")
             and d.start is not None and d.status == "occurred"
             and 0 < d.sentence - c.sentence <= 1
             and any(k[0] == "person" for k in d.roles) and states <= _sides(d, art)),
            None,
        )  # fmt: skip
        if d is not None:
            _absorb(d, c)


def _parties(c: Cand, art: _Article) -> set[str]:
    """Who an event involves, as states where a person stands for one: its entities, its
    venue's state and its organization ("Xi" and "China" are one side)."""
    return ({art.entity_state(k) or k[1] for k in c.roles} | {c.state, c.organization}) - {None}


def _undated_report(c: Cand, typ: str) -> bool:
    """An event of ``typ`` the article reports as happened, in focus, still without a date."""
    return (
        c.type == typ
        and c.merged_into is None
        and c.start is None
        and c.status == "occurred"
        and not c.background
        and not c.reference
    )


def _signed_during(done: Sequence[Cand], art: _Article) -> None:
    """An undated signing told right after a dated visit, meeting or summit of the same sides
    took place during it ("Xi traf am Donnerstag Orbán. Beide Länder unterzeichneten 18
    Abkommen."): it gets that gathering's days. A pluperfect signing is older history."""
    pluperfect = art.lex.cue("pluperfect_auxiliaries")
    for c in done:
        if not _undated_report(c, "agreement") or c.decided:
            continue
        words = set(art.sentences[c.sentence].text.lower().split())
        if words & pluperfect:
            continue
        sides = {art.entity_state(k) or k[1] for k in c.roles} | {c.state} - {None}
        # the gathering told before it, else one told in the very next sentence ("X und Y
        # einigten sich auf ein Abkommen. Z verkündete es am Freitag beim Gipfel in W.")
        order = sorted(done, key=lambda d: (d.sentence > c.sentence, -d.sentence))
        for d in order:
            if d is c or d.merged_into is not None or not -1 <= c.sentence - d.sentence <= 2:
                continue
            if d.type not in ("visit", "meeting", "summit") or d.status != "occurred":
                continue
            if d.start is None or d.background or d.reference:
                continue
            if sides & _parties(d, art):
                c.start, c.end = d.start, d.end
                break
            if d.sentence <= c.sentence:
                break
    _dated_by_its_signing(done, art)


def _dated_by_its_signing(done: Sequence[Cand], art: _Article) -> None:
    """An undated gathering whose declaration is told right after it with its day ("Biden
    empfing die Partner zum Quad-Gipfel. Die vier Staaten verabschiedeten am Samstag, dem 21.
    September, eine Erklärung") took place that day."""
    for d in done:
        if not _undated_report(d, "summit"):
            continue
        theirs = _parties(d, art)
        for c in done:
            if c.type != "agreement" or c.merged_into is not None or c.status != "occurred":
                continue
            if not 0 < c.sentence - d.sentence <= 1 or c.start is None or c.background:
                continue
            if c.start.precision != "day" or c.decided or c.reference:
                continue
            if _parties(c, art) & theirs:
                d.start, d.end = c.start, c.end
                break


def _date_of_the_signing(c: Cand, done: Sequence[Cand]) -> None:
    """ "Die Präsidenten haben am Montag einen Vertrag unterzeichnet. Sie setzten bei dem
    Dreiertreffen zudem ihre Unterschriften unter eine Erklärung": the meeting named right after
    a dated signing by its people is where they signed, on that day. The mirror of
    `_dated_by_its_signing` (the signing told after the gathering); it runs as the gathering is
    read, so that what follows sees the gathering dated."""
    if c.type not in ("meeting", "summit") or c.status != "occurred" or c.reference:
        return
    told = next(
        (d for d in reversed(done) if d.type == "agreement" and d.sentence == c.sentence - 1
         and d.start is not None and d.start.precision == "day" and d.status == "occurred"
         and not d.negated and set(c.roles) & set(d.roles)),
        None,
    )  # fmt: skip
    if told is not None:
        c.start, c.end = told.start, told.end
        c.place, c.state = c.place or told.place, c.state or told.state


def _talks_at_summit(done: Sequence[Cand]) -> None:
    """Talks told right after a summit, with no place of their own, are held at it ("... beim
    Gipfel in Granada. Ein Treffen mit X und Y fand am Donnerstag statt"): they take its place,
    the summit takes their day when it has none, and who talks there attends it."""
    for c in done:
        if c.merged_into is not None or c.type != "meeting" or c.margin or c.place or c.state:
            continue
        prev = [
            d.final() for d in done
            if d.type == "summit" and d.merged_into is None and not d.background
            and not d.reference and 0 <= c.sentence - d.sentence <= 1 and d.status == c.status
            and (d.place or d.state)
        ]  # fmt: skip
        if not prev:
            continue
        d = prev[-1]
        if d.start and c.start and not dedup.dates_overlap(d.start, d.end, c.start, c.end, 1):
            continue
        c.place, c.state = d.place, d.state
        if d.start is None and c.start is not None:
            d.start, d.end = c.start, c.end
        for (kind, key), role in c.roles.items():
            if kind == "person" and (kind, key) not in d.roles:
                d.add(kind, key, role)


_COPULA_SUBJECTS = frozenset("es das dies dieses".split())
_COPULAS = frozenset("war ist sei wäre".split())


def _names_event_before(c: Cand, art: _Article) -> bool:
    """A gathering noun as the predicate of "es war" / "das ist" classifies the happening just
    reported instead of reporting a new one ("Es war das erste Gipfeltreffen der drei Staaten")."""
    sent = art.sentences[c.sentence]
    words = [t.low for t in _tokens(sent.text, sent.start) if not t.punct][:2]
    return len(words) == 2 and words[0] in _COPULA_SUBJECTS and words[1] in _COPULAS


def _experienced_by(c: Cand, art: _Article) -> bool:
    """ "Für X war es der erste Besuch in ...": a sentence that opens with "für" and classifies
    with a copula tells what a happening already reported meant to X."""
    sent = art.sentences[c.sentence]
    toks = [t for t in _tokens(sent.text, sent.start) if not t.punct]
    if not toks or toks[0].low != "für":
        return False
    copula = next((t for t in toks if t.low in _COPULAS), None)
    return copula is not None and any(  # "Für Donnerstag ist ein Treffen geplant": a date
        m.kind in ("person", "state") and m.start < copula.start
        for m in art.mentions.get(c.sentence, [])
    )


def _gathering_before(c: Cand, done: Sequence[Cand]) -> Cand | None:
    """The gathering a copula predicate without participants classifies: a summit of the last
    two sentences."""
    found = [
        d for d in done
        if d.merged_into is None and not d.background and not d.reference
        and d.type == "summit" and 0 <= c.sentence - d.sentence <= 2
    ]  # fmt: skip
    return found[-1] if found else None


def _received_at_home(c: Cand, done: Sequence[Cand], art: _Article) -> None:
    """ "Putin hat Kim ... empfangen": who receives a foreign guest does so at home, unless a
    gathering elsewhere was just reported (a reception at a summit abroad)."""
    if any(
        d.type == "summit" and not d.background and 0 <= c.sentence - d.sentence <= 2 for d in done
    ):
        return
    hosts = [k for k, r in c.roles.items() if k[0] == "person" and r == "host"]
    home = {art.person_state(k[1]) for k in hosts}
    if len(home) == 1 and None not in home:
        c.state = home.pop()


_COUNTRY_ANAPHORS = ("das land", "dem land", "ins land", "des landes")


_DATELINE = re.compile(
    r"(?m)^[ \t]*([^\n(]{2,60}?) \((?:dpa|AFP|Reuters|AP|KNA|epd|Xinhua|Reuters/dpa)\) [-–—]"
)
_ARRIVALS = frozenset("eingetroffen eintraf eintrafen angekommen gelandet landete landeten".split())


def _dateline_mentions(art: _Article) -> list[Mention]:
    """The mentions inside the dateline ("Georgetown (AFP) -"), none without one."""
    m = _DATELINE.search(art.body[:2500])
    if m is None:
        return []
    return [x for ms in art.mentions.values() for x in ms if m.start(1) <= x.start < m.end(1)]


def _dateline_state(art: _Article) -> str | None:
    """The state of the one place a dateline names ("Georgetown (AFP) -"): where the report
    comes from. None for two places ("Washington/Peking (AFP)") or none."""
    found = {
        art.place_state(x.key) if x.kind == "place" else x.key
        for x in _dateline_mentions(art) if x.kind in ("place", "state")
    }  # fmt: skip
    return found.pop() if len(found) == 1 else None


def _dateline_place(art: _Article) -> str | None:
    """The one place a dateline names ("Brüssel (AFP) -"), or None."""
    found = {x.key for x in _dateline_mentions(art) if x.kind == "place"}
    return found.pop() if len(found) == 1 else None


def _summit_at_seat(c: Cand, art: _Article) -> None:
    """ "Brüssel (AFP) - ... beim EU-Gipfel am Donnerstag": a gathering of an organization,
    reported from the organization's seat, met there. (A dateline alone says where the
    reporter is; the seat makes it where the gathering is.)"""
    place = _dateline_place(art)
    if place is None or place != art.org_seat(c.organization):
        return
    state = art.place_state(place)
    if c.state is None or c.state == state:
        c.place, c.state = place, state


def _arrival_at_dateline(c: Cand, art: _Article) -> None:
    """ "Modi war am Dienstagabend aus Rio eingetroffen" under "Georgetown (AFP) -": an arrival
    that names only where it came from arrived where the report comes from."""
    if not {e.surface.lower() for e in c.evidence} & _ARRIVALS:
        return
    state = _dateline_state(art)
    if state is None or any(
        art.entity_state(k) == state for k, r in c.roles.items() if r == "participant"
    ):
        return
    c.state = state
    c.destinations = [state]
    c.add("state", state, "host")


def _country_anaphor(c: Cand, art: _Article) -> None:
    """A trip to "das Land" goes to the state named last before it ("besuchte das Land am
    Freitag" after a sentence about Israel)."""
    sent = art.sentences[c.sentence]
    low = sent.text.lower()
    if not any(a in low for a in _COUNTRY_ANAPHORS):
        return
    at = c.evidence[0].start
    for si in range(c.sentence, max(-1, c.sentence - 3), -1):
        states = [
            m for m in art.mentions.get(si, [])
            if m.kind == "state" and m.start < at and not _is_adjective(m)
        ]  # fmt: skip
        if states:
            key = states[-1].key
            if not any(art.entity_state(k) == key for k, r in c.roles.items() if r != "host"):
                c.state = key
                c.destinations = [key]
                c.add("state", key, "host")
            return


def _gathering_in_focus(c: Cand, done: Sequence[Cand], art: _Article) -> Cand | None:
    """The gathering that a bare "am Rande" refers to: a summit reported up to this sentence,
    the one the article is most about (passing references to other summits weigh less)."""
    salience = _salience(done, art)
    pool = [
        d.final() for d in done
        if d.type == "summit" and d.sentence <= c.sentence and d.status == c.status
    ]  # fmt: skip
    pool = [d for d in pool if d.type == "summit" and not d.background]
    if not pool:
        return None
    return max(pool, key=lambda d: (salience.get(id(d), 0), d.sentence))


def _delegations(done: Sequence[Cand], art: _Article) -> None:
    """ "Eine Woche später trafen sich die Delegationen in Rom": talks whose only subject is
    "the delegations" (or "beide Seiten") are held by the two sides of the talks reported
    before."""
    for c in done:
        present = any(r != "absent" for r in c.roles.values())
        if c.merged_into is not None or c.type != "meeting" or present or c.start is None:
            continue
        words = _sentence_words(art, c.sentence)
        if not ("delegationen" in words or _pair_subject(words, art.lex)):
            continue
        before = [
            d for d in done
            if d is not c and d.merged_into is None and d.type in ("meeting", "visit")
            and d.sentence <= c.sentence and len(_sides(d, art) - {d.state}) == 2
        ]  # fmt: skip
        if not before:
            continue
        d = before[-1]
        for st in sorted(_sides(d, art) - {d.state}):
            c.add("state", st, "participant")


def _pair_subject(words: Sequence[str], lex: Lexicon) -> bool:
    """ "Beide Seiten", "beiden Parteien" among a sentence's words: the two sides of the talks
    reported before."""
    pair, dets = lex.cue("pair_subjects"), lex.cue("pair_determiners")
    return any(w in pair and i and words[i - 1] in dets for i, w in enumerate(words))


def _collective_signers(done: Sequence[Cand], art: _Article) -> None:
    """An agreement whose signers are only a collective subject: "Beide Seiten unterzeichneten
    ..." are the states of the talks the article is about, "einigten sich die Teilnehmer auf ..."
    is the organization of its summit."""
    lex = art.lex
    attendees = lex.cue("attendee_subjects")
    salience = _salience(done, art)
    for c in done:
        if c.merged_into is not None or c.type != "agreement" or c.roles:
            continue
        words = _sentence_words(art, c.sentence)
        is_pair = _pair_subject(words, lex)
        is_attendees = not is_pair and (
            any(w in attendees for w in words) or _counted_states(words) is not None
        )  # "Die drei Nachbarstaaten hatten ... unterzeichnet"
        if not (is_pair or is_attendees):
            continue
        kinds = ("meeting", "visit") if is_pair else ("summit",)
        pool = [
            d for d in done
            if d.merged_into is None and d.type in kinds and d.status == "occurred"
            and d.sentence <= c.sentence
        ]  # fmt: skip
        if not pool:
            continue
        d = max(pool, key=lambda d: (_place_salience(d, pool, salience), -d.sentence))
        last = [x for x in pool if c.sentence - x.sentence <= 1 and len(_sides(x, art)) == 2]
        if is_pair and last:
            # "Am Donnerstag wurde er in Hanoi empfangen. Beide Seiten unterzeichneten ...":
            # two sides talking in the sentence just before; else the trip the article is about
            d = last[-1]
        if is_pair:
            states = _sides(d, art)
            if len(states) != 2:
                continue
            for st in sorted(s for s in states if s):
                c.add("state", st, "participant")
        else:
            counted = _counted_states(words)
            states = _party_states(d, art)
            if counted is not None and len(states) == counted:
                # "Die vier Staaten verabschiedeten ...": the summit's four states sign
                for st in sorted(states):
                    c.add("state", st, "participant")
            elif d.organization is None:
                continue
            if d.organization is not None:
                c.organization = d.organization
                c.add("organization", d.organization, "participant")
        c.place = c.place or d.place
        c.state = c.state or d.state
        if c.start is None:
            c.start, c.end = d.start, d.end


def _pair_counterparts(done: Sequence[Cand], art: _Article) -> None:
    """Talks between "beiden Regierungschefs" or "der Militärkommandeure beider Länder" are
    between the two sides the article just reported on: the persons of the last two-sided event
    before them for a person noun, its states for any other. So is a pact "beide Präsidenten"
    signed."""
    lex = art.lex
    pair = lex.cue("pair_counterpart_nouns")
    dets = lex.cue("pair_counterpart_determiners")
    person_nouns = lex.cue("pair_person_nouns")
    for c in done:
        if (
            c.merged_into is not None
            or c.type not in ("meeting", "agreement")
            or len(_sides(c, art)) >= 2
        ):
            continue
        words = _sentence_words(art, c.sentence)
        nouns = {w for i, w in enumerate(words) if i and words[i - 1] in dets and w in pair}
        if not nouns:
            continue
        by_person = bool(nouns & person_nouns)
        prev = [
            d for d in done
            if d is not c and d.merged_into is None and d.sentence <= c.sentence
            and d.type in ("meeting", "visit", "agreement", "attack")
            and len(_present_persons(d) if by_person else _party_states(d, art)) == 2
        ]  # fmt: skip
        if not prev:
            continue
        d = max(prev, key=lambda d: d.sentence)
        if by_person:
            for kind, key in _present_persons(d):
                c.add(kind, key, "participant")
        else:  # the sides themselves, not the venue of their talks
            for st in sorted(_party_states(d, art)):
                c.add("state", st, "participant")


def _counted_states(words: Sequence[str]) -> int | None:
    """N of "die N Staaten" / "die N Länder" / "die drei Nachbarstaaten" in a sentence's
    words, else None."""
    for i, w in enumerate(words[1:], 1):
        if w.endswith(("staaten", "länder")) and words[i - 1] in _COUNT_WORDS:
            return _COUNT_WORDS[words[i - 1]]
    return None


def _sides(d: Cand, art: _Article) -> set[str]:
    """The states taking part in talks: their people's and the venue's."""
    return _party_states(d, art) | ({d.state} if d.state else set())


def _party_states(d: Cand, art: _Article) -> set[str]:
    """The states of those who take part (not the absent): named, or through their people."""
    return {art.entity_state(k) for k, r in d.roles.items() if r != "absent"} - {None}


def _present_persons(d: Cand) -> list[tuple[str, str]]:
    return [k for k, r in d.roles.items() if k[0] == "person" and r != "absent"]


def _sentence_words(art: _Article, si: int) -> list[str]:
    """A sentence's words, lower-cased and stripped of punctuation."""
    return [w.strip('.,;:!?„“"()').lower() for w in art.sentences[si].text.split()]


def _place_salience(d: Cand, pool: Sequence[Cand], salience: Mapping[int, int]) -> int:
    """The salience of everything reported at ``d``'s state: an article's main trip is told in
    many short reports ("in Kiew sprach er ...", "besuchte er ..."), each one weaker than a single
    long mention of an earlier trip."""
    if d.state is None:
        return salience.get(id(d), 0)
    return sum(salience.get(id(x), 0) for x in pool if x.state == d.state)


def _split_destinations(c: Cand, spec: TypeSpec) -> list[Cand]:
    """ "reiste nach Usbekistan und Weißrussland": one visit per visited state."""
    if c.type != "visit" or len(c.destinations) <= 1:
        return [c]
    if len(c.destinations) > spec.max_destinations:
        return []
    out = []
    for state in c.destinations:
        roles = {
            k: r for k, r in c.roles.items() if not (k[0] == "state" and k[1] in c.destinations)
        }
        out.append(replace_cand(c, state=state, place=None, roles=roles, destinations=[state]))
    return out


def replace_cand(c: Cand, **changes: Any) -> Cand:
    from dataclasses import replace

    return replace(c, **changes)


def _finish(c: Cand, art: _Article) -> EventFact | None:
    """Hosts, visit/meeting roles and the precision filters; None when too thin to keep."""
    spec = art.lex.types[c.type]
    typ = c.type
    if spec.needs_destination and c.state is None:
        hosts = [k for (kind, k), r in c.roles.items() if kind == "person" and r == "host"]
        if hosts:
            c.state = art.person_state(hosts[0])
    if spec.needs_destination and c.state is None:
        return None
    if spec.needs_organization and c.organization is None:
        return None
    if c.type == "accession" and not any(
        k[0] in ("state", "organization") and r == "participant" for k, r in c.roles.items()
    ):  # the joining state (or union of states: "Aufnahme der AU als Mitglied der G20")
        return None
    if typ == "meeting" and c.evidence[0].surface.lower().startswith(dedup.REMOTE_PREFIXES):
        # "haben miteinander telefoniert. Es war ihr Gespräch seit der Rückkehr ins Weiße
        # Haus": a call has no venue, so no side of it hosts and it is never a visit
        c.state = c.place = None
    if spec.locals_host and c.state and not c.margin:
        local = [k for k in c.roles if art.entity_state(k) == c.state]
        foreign = [k for k in c.roles if art.entity_state(k) not in (c.state, None)]
        if typ == "visit" or (local and foreign):
            if typ == "meeting" and foreign:
                typ = "visit"
            for k in local:
                if c.roles[k] != "absent":
                    c.roles[k] = "host"
            c.add("state", c.state, "host")
            leaders = _leaders(art, c.state, c.start)
            met = any(("person", key) in c.roles for key in leaders)
            if c.status != "planned" and not met:
                # a planned trip names no host until the text does; a trip that names the
                # leader it met ("gratulierte Regierungschef X") has its host, not every one
                for key in leaders:
                    if not _denied(art, key):
                        c.add("person", key, "host")
    if typ == "summit" and c.hosts_explicit:
        # "Gastgeber Modi": the host's state hosts with him
        for _kind, key in [k for k, r in c.roles.items() if r == "host" and k[0] == "person"]:
            state = art.person_state(key)
            if state and (c.state is None or state == c.state):
                c.add("state", state, "host")
    at_seat = c.place is not None and c.place == art.org_seat(c.organization)
    if at_seat and not c.hosts_explicit and c.organization:
        c.add("organization", c.organization, "host")  # an EU summit in Brussels: the EU's
    if spec.host_defaults_to_location and not c.hosts_explicit and c.state and not at_seat:
        c.add("state", c.state, "host")
        for k in list(c.roles):
            if art.entity_state(k) == c.state and c.roles[k] == "participant":
                c.roles[k] = "host"
        if c.status != "planned":  # a planned summit is hosted by the state; its leader when said
            for key in _leaders(art, c.state, c.start):
                c.add("person", key, "host")
    if (
        typ == "summit"
        and c.organization
        and (c.start or c.place)
        and not any(r != "absent" for r in c.roles.values())
    ):  # "Bei einem ersten Gipfel am 30. Juli hatte die Ecowas ...": the organization convenes
        c.add("organization", c.organization, "host")
    if typ == "agreement":  # the signers' states are parties ("Ministerin X und ihr Kollege Y")
        for (kind, key), r in list(c.roles.items()):
            st = art.person_state(key) if kind == "person" and r == "participant" else None
            if st:
                c.add("state", st, "participant")
    if spec.group == "legal":  # "Haftbefehl des IStGH gegen X": the court issues, never the target
        for k in c.roles:
            if k[0] == "organization" and art.org_kind(k[1]) == "court":
                c.roles[k] = "host"
    if typ == "election":  # "Der Sejm wählte X": the state body that elects holds the vote
        for k in c.roles:
            if k[0] == "organization" and art.org_kind(k[1]) == "government":
                c.roles[k] = "host"
    if typ == "attack" and c.state is None:  # an attack on a state happens in it
        targets = [k[1] for k, r in c.roles.items() if k[0] == "state" and r == "target"]
        if len(targets) == 1:
            c.state = targets[0]
    if typ == "visit" and not any(r == "participant" for r in c.roles.values()):
        called_off = c.status == "planned" and any(
            k[0] == "person" and r == "absent" for k, r in c.roles.items()
        )  # "sagte einen geplanten Besuch in Seoul ab": a planned trip, its traveller absent
        if not called_off:
            return None
    parts = [Participant(k[0], k[1], r) for k, r in c.roles.items()]  # type: ignore[arg-type]
    if len(parts) < spec.min_participants or not parts:
        return None
    if typ == "meeting" and len(parts) < 2:
        return None
    if all(p.role == "absent" for p in parts) and not (c.start or c.place or c.organization):
        return None  # "war zu dem Gipfel nicht eingeladen": who stays away from an unknown event
    if c.status == "planned" and c.start is None and c.place is None:
        return None  # an intention without date or place is no event yet
    if (
        c.status == "occurred"
        and art.anchor is not art.published  # a lead's day is reported, not the report's own
        and _after_report(c.start, art.published)
    ):
        c.status = "planned"  # "Der nächste Gipfel ist im kommenden Jahr": still to come
    typ = spec.export_as or typ
    return EventFact(
        type=typ,  # type: ignore[arg-type]
        status=c.status,  # type: ignore[arg-type]
        start=c.start,
        end=c.end,
        place=c.place,
        state=c.state,
        organization=c.organization,
        title=_title(typ, c),
        participants=sorted(parts, key=lambda p: (p.kind, p.key, p.role)),
        evidence=sorted(set(c.evidence), key=lambda e: (e.sentence_index, e.start)),
    )


def _after_report(start: FuzzyDate | None, published: FuzzyDate | None) -> bool:
    """Whether a date lies wholly after the report's own: its first day after the last day the
    report's date can mean (a day of next month is after a May report; a day of May is not)."""
    days, report = dedup.interval(start), dedup.interval(published)
    return days is not None and report is not None and days[0] > report[1]


_DENIAL = frozenset("weder noch nicht ohne".split())


def _denied(art: _Article, key: str) -> bool:
    """A leader the text says was not met ("traf ... aber weder Tiani noch Bazoum") is never
    added as the visit's host by office alone."""
    for si, ms in art.mentions.items():
        for m in ms:
            if m.key != key or m.kind != "person":
                continue
            sent = art.sentences[si]
            before = sent.text[: m.start - sent.start].lower().split()[-3:]
            if _DENIAL & set(before):
                return True
    return False


def _title(typ: str, c: Cand) -> str:
    head = c.evidence[0].surface if c.evidence else typ
    where = c.place or c.state
    names = [k for (_, k), r in c.roles.items() if r != "absent"][:3]
    text = f"{head}: {', '.join(names)}" if names else head
    return f"{text} ({where})" if where else text


def _merge_within(events: list[EventFact]) -> list[EventFact]:
    """One article's repeated reports of one happening become one event."""
    out: list[EventFact] = []
    for ev in events:
        for i, other in enumerate(out):
            if dedup.same_event(other, ev):
                out[i] = dedup.merge(other, ev)
                break
        else:
            out.append(ev)
    return out


def _fix_hosts(ev: EventFact, art: _Article) -> EventFact:
    """After merging, the people of a visited state are its hosts, whichever report named them;
    so are the leaders of a summit's venue state when one of its people hosts it ("unter
    Leitung von Ministerpräsident X": the head of state met there is on the host side too)."""
    if ev.state is None:
        return ev
    foreign = [
        p for p in ev.participants if art.entity_state((p.kind, p.key)) not in (ev.state, None)
    ]
    if not foreign:
        return ev
    state = ev.state
    if ev.type == "summit":
        local_host = any(
            p.role == "host" and p.kind == "person" and art.person_state(p.key) == state
            for p in ev.participants
        )
        if not local_host:
            return ev
        leaders = set(_leaders(art, state, ev.start))

        def hosts(p: Participant) -> bool:
            return p.kind == "person" and p.key in leaders

    elif ev.type == "visit":

        def hosts(p: Participant) -> bool:
            return art.entity_state((p.kind, p.key)) == state

    else:
        return ev
    parts = [
        Participant(p.kind, p.key, "host") if p.role == "participant" and hosts(p) else p
        for p in ev.participants
    ]
    ev.participants = sorted(set(parts), key=lambda p: (p.kind, p.key, p.role))
    return ev
