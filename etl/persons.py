"""Persons in an article: discovery of unknown names, role nouns, in-article short references.

The knowledge base knows many politicians but never all of them, and articles refer to people
by title ("der russische Präsident"), by surname ("Orban") or by a name the knowledge base
lacks ("Premierminister Narendra Modi"). Precision first: a role noun resolves only when the
state (or organization) is clear and the knowledge base (or the article itself) names the
holder at the article's date; otherwise it resolves to nothing, never to a guess.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from etl import gazetteer
from etl.facts import FuzzyDate, Mention, PersonRef, Sentence
from etl.knowledge_base import KnowledgeBase, RoleNoun
from etl.sentences import Unit, sentence_index

# Capitalized words that start clauses, not names.
STOP_CAPS: frozenset[str] = frozenset(
    """Der Die Das Den Dem Des Ein Eine Einen Einem Einer Eines Er Sie Es Wir Ihr Ich Man
    Am Im In Auf Aus Mit Bei Beim Nach Von Vom Zu Zum Zur Und Oder Aber Als Wie Dass Doch
    Auch Noch Nun Dann Denn Damit Dort Hier So Wenn Weil Während Seit Bis Für Gegen Ohne
    Um Über Unter Vor Laut Dazu Daher Zudem Bereits Jedoch Allerdings Dieser Diese Dieses
    Sein Seine Seinem Seinen Ihre Ihrem Ihren Montag Dienstag Mittwoch Donnerstag Freitag
    Samstag Sonntag Januar Februar März April Mai Juni Juli August September Oktober
    November Dezember Herr Frau Gespräche Gespräch Treffen Besuch Gipfel Regierung Ende
    Anfang Mitte""".split()
)
# Lower-case particles inside names ("Ursula von der Leyen", "Mohammed bin Salman",
# "Ronald dela Rosa").
NAME_PARTICLES: frozenset[str] = frozenset(
    "von van der den de da dos del della dela di du le la bin ibn ben al el zu".split()
)
# Particles glued to the next name part by a hyphen ("Jahia al-Sinwar", "Abdel Fattah el-Sisi").
HYPHEN_PARTICLES = ("al-", "el-", "as-", "ad-", "an-", "ar-", "asch-", "at-", "az-", "bin-", "ibn-")
# Two particles in a row that stay part of a foreign name ("Maria de la Cruz", "Jan van der
# Berg"); not the German "von der", which is far more often "X von der Polizei".
PARTICLE_PAIRS: frozenset[tuple[str, str]] = frozenset(
    {("de", "la"), ("de", "los"), ("de", "las"), ("van", "der"), ("van", "den"), ("van", "de")}
)
# Relational person nouns that also end surnames ("Mendelssohn"): a closed compound with one
# of them as its head is still a possible name part.
KIN_HEADS: frozenset[str] = frozenset(
    "Sohn Tochter Bruder Schwester Vater Mutter Witwe Ehefrau Ehemann".split()
)
# Plural kin nouns before given names that share one family name ("die Brüder A und B C").
KIN_PLURALS: frozenset[str] = frozenset(
    "Brüder Schwestern Geschwister Zwillinge Zwillingsbrüder Zwillingsschwestern Eheleute "
    "Ehepaar Ehepaars Söhne Töchter Cousins".split()
)
# Generational suffixes and regnal numbers after a name ("Marcos Jr.", "Felipe VI."): never a
# family name.
_NAME_SUFFIX = re.compile(r"(?:[IVXLC]+\.?|Jr\.?|Sr\.?|jr\.?|sen\.|jun\.)")
NOUN_SUFFIXES = (
    "ung",
    "heit",
    "keit",
    "schaft",
    "tion",
    "ismus",
    "ität",
    "nis",
    "ment",
    "tum",
    "ierung",
)
# Modifiers that make a role noun not the current holder.
NOT_CURRENT: frozenset[str] = frozenset(
    """ehemalige ehemaligen ehemaliger früher frühere früheren früherer damalige damaligen
    damaliger künftige künftigen künftiger designierte designierten designierter neue neuen
    neuer ex einstige einstigen einstiger verstorbene verstorbenen verstorbener
    abgesetzte abgesetzten abgesetzter gestürzte gestürzten gestürzter""".split()
)
OBLIQUE_DETS: frozenset[str] = frozenset(
    "des dem den einem einen eines seinem seinen seines ihrem ihren ihres".split()
)
GENITIVE_DETS: frozenset[str] = frozenset("des eines seines ihres".split())
ARTICLES_GEN: frozenset[str] = frozenset("der des von".split())
MAX_NAME_TOKENS = 4


@dataclass(frozen=True)
class RoleHit:
    """A role noun in the text and what it says about the person."""

    unit_index: int
    noun: RoleNoun
    form: str
    state: str | None
    organization: str | None


@dataclass
class PersonResult:
    mentions: list[Mention] = field(default_factory=list)
    persons: dict[str, PersonRef] = field(default_factory=dict)


def slug(name: str) -> str:
    """Key for a discovered person: ascii slug of the name, like the knowledge base keys."""
    s = unicodedata.normalize("NFKD", name.replace("ß", "ss"))
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


def reference_date(published: FuzzyDate | None) -> date | None:
    """The day whose office holders an article means: mid-period when only month/year known."""
    if published is None:
        return None
    v = published.value
    if published.precision == "day":
        return v
    if published.precision == "month":
        return v.replace(day=15)
    return v.replace(month=7, day=1)


# ---------------------------------------------------------------------------- role nouns


def role_forms(noun: str) -> list[str]:
    """Inflected forms of a role noun (Präsident -> Präsidenten, Staatschef -> Staatschefs)."""
    if noun.endswith("in"):  # feminine: Präsidentin, -innen is plural and never one person
        return [noun]
    if noun.endswith("e"):
        return [noun, noun + "n"]
    if noun.endswith(("er", "el")):
        return [noun, noun + "s", noun + "n"]
    return [noun, noun + "s", noun + "es", noun + "en", noun + "n"]


@functools.lru_cache(maxsize=8)
def role_index(kb: KnowledgeBase) -> dict[str, tuple[RoleNoun, str]]:
    """Inflected form -> (role noun, base form); single-word nouns only (multi-word role
    titles end in a single-word noun, "Partei- und Staatschef" -> "Staatschef")."""
    index: dict[str, tuple[RoleNoun, str]] = {}
    for rn in kb.roles:
        if " " in rn.noun:
            continue
        for form in role_forms(rn.noun):
            old = index.get(form)
            if (
                old is None
                or (rn.state or rn.organization)
                and not (old[0].state or old[0].organization)
            ):
                index[form] = (rn, rn.noun)
    return index


def role_of(unit: Unit, kb: KnowledgeBase) -> tuple[RoleNoun, str, str | None, str | None] | None:
    """The role noun in a unit, with the state/organization a prefix gives it."""
    index = role_index(kb)
    text = unit.text
    if text in index:
        rn, base = index[text]
        return rn, base, rn.state, rn.organization
    if "-" in text:
        head = text.rsplit("-", 1)[1]
        if head in index:
            rn, base = index[head]
        else:  # "US-Vizeaußenministerin", "EU-Innenkommissarin": prefix + closed compound
            hit = _compound_role(head, index)
            if hit is None:
                return None
            rn, base = hit[0], hit[1]
        state = org = None
        for m in unit.mentions:
            if m.end <= unit.start + len(text) - len(head) and m.kind in (
                "state",
                "organization",
            ):
                state = m.key if m.kind == "state" else state
                org = m.key if m.kind == "organization" else org
        return rn, base, rn.state or state, rn.organization or org
    return _compound_role(text, index)


def _compound_role(
    text: str, index: dict[str, tuple[RoleNoun, str]]
) -> tuple[RoleNoun, str, str | None, str | None] | None:
    """A closed compound ending in a role noun ("Agrarminister", "Tiergartenmörder",
    "Bundesinnenministerin"): a person noun that says nothing about the position, so it only
    introduces a name (role ``other``); the longest role noun at the end wins."""
    if len(text) < 7 or not text[:1].isupper() or not text.isalpha():
        return None
    for k in range(3, len(text) - 3):
        head = text[k].upper() + text[k + 1 :]
        hit = index.get(head)
        if hit is None or hit[0].role == "counterpart":
            continue
        rn, base = hit
        compound_base = text[:k] + base[0].lower() + base[1:]
        return RoleNoun(compound_base, "other"), compound_base, None, None
    return None


# ---------------------------------------------------------------------------- names


def _is_role_compound(t: str, kb: KnowledgeBase) -> bool:
    """A word that is a role noun by its head ("Kabinettssekretär", "Polizeichef",
    "Hamas-Chef", "Ex-Präsident"): never a part of a name. Closed compounds need a prefix of
    four letters or more (the surname "Hofrichter" stays a name) and a head that is no kin
    noun ("Mendelssohn")."""
    index = role_index(kb)
    if "-" in t:
        return t.rsplit("-", 1)[1] in index
    if len(t) < 7 or not t.isalpha():
        return False
    head = _role_head(t, index)
    return head is not None and len(t) - len(head) >= 4 and index[head][1] not in KIN_HEADS


def _role_head(text: str, index: dict[str, tuple[RoleNoun, str]]) -> str | None:
    """The role noun form that ends a closed compound, the longest one."""
    for k in range(3, len(text) - 3):
        head = text[k].upper() + text[k + 1 :]
        if head in index and index[head][0].role != "counterpart":
            return head
    return None


def _is_name_token(u: Unit, kb: KnowledgeBase) -> bool:
    t = u.text
    if u.mentions or len(t) < 2 or not t[0].isupper() or t.endswith("-"):
        return False
    if t in STOP_CAPS or t in role_index(kb) or t in kb.group_nouns:
        return False
    if _is_role_compound(t, kb):
        return False
    if t.isupper() and len(t) > 2:
        return False
    if not any(c.islower() for c in t) and len(t) > 1 and not t.isalpha():
        return False
    low = t.lower()
    return not low.endswith(NOUN_SUFFIXES) and all(c.isalpha() or c in "-'’." for c in t)


def _place_first_name(units: Sequence[Unit], i: int, kb: KnowledgeBase) -> bool:
    """A first name that is also a place ("Bürgermeisterin London Breed", "Israel Katz"):
    a one-word place or state name in a name slot, followed by a surname-like token."""
    if i + 1 >= len(units):
        return False
    u = units[i]
    if not u.mentions or u.prefix or u.suffix or not u.text.isalpha() or not u.text[0].isupper():
        return False
    if any(
        m.kind not in ("place", "state") or m.via not in ("name", "metonym") for m in u.mentions
    ):
        return False
    return _is_name_token(units[i + 1], kb)


def _hyphen_particle_name(u: Unit) -> bool:
    """A name part with a glued particle ("al-Sinwar", "el-Sisi") that no mention covers."""
    if u.mentions or not u.text.startswith(HYPHEN_PARTICLES):
        return False
    rest = u.text.split("-", 1)[1]
    return rest[:1].isupper() and len(rest) > 1 and rest.replace("-", "").isalpha()


def name_span(units: Sequence[Unit], i: int, kb: KnowledgeBase, slot: bool = False) -> int:
    """Number of units from ``i`` that form a person's name (0 if none); in a name ``slot``
    (right after a role noun) the first name may be a place name."""
    n = 0
    j = i
    if slot and i < len(units) and _place_first_name(units, i, kb):
        n, j = 1, i + 1
    while j < len(units) and n < MAX_NAME_TOKENS + 2:
        u = units[j]
        if _is_name_token(u, kb) or ((n or slot) and _hyphen_particle_name(u)):
            n = j - i + 1
            j += 1
            continue
        if (
            n
            and len(u.text) == 1
            and u.text.isupper()
            and j + 1 < len(units)
            and units[j + 1].text == "."
        ):
            n = j - i + 2  # "der Tatverdächtige Farhad N.": a surname cut to its initial
            break
        if n and u.text in _OPEN_QUOTES:
            # "Ismael „El Mayo“ Zambada": a nickname in quotes between the parts of a name
            ahead = range(j + 1, min(len(units), j + 5))
            close = next((k for k in ahead if units[k].text in _CLOSE_QUOTES), None)
            if (
                close is not None
                and close + 1 < len(units)
                and _is_name_token(units[close + 1], kb)
            ):
                j = close + 1
                continue
        if n and u.text in NAME_PARTICLES and j + 1 < len(units):
            if _is_name_token(units[j + 1], kb):
                j += 1
                continue
            if (
                (u.text, units[j + 1].text) in PARTICLE_PAIRS
                and j + 2 < len(units)
                and _is_name_token(units[j + 2], kb)
            ):
                j += 2
                continue
        break
    words = [u for u in units[i : i + n] if u.text not in NAME_PARTICLES]
    quoted = _NICKNAME.search(" ".join(u.text for u in units[i : i + n]))
    if quoted:
        words = words[: len(words) - len(quoted.group(0).split())]
    return n if 0 < len(words) <= MAX_NAME_TOKENS else 0


_OPEN_QUOTES = frozenset({"„", "»", "‚"})
_CLOSE_QUOTES = frozenset({"“", "«", "‘"})
# a nickname in quotes inside a name, dropped from the name itself
_NICKNAME = re.compile(r"\s*[„»‚][^“«‘]{1,40}[“«‘]")


# ---------------------------------------------------------------------------- context


def _state_before(units: Sequence[Unit], i: int) -> str | None:
    """State of an adjective or genitive right before a role noun ("der russische Präsident",
    "Chinas Partei- und Staatschef")."""
    j = i - 1
    while j >= 0 and (units[j].text.endswith("-") or units[j].text == "und"):
        j -= 1
    if j >= 0:
        m = units[j].of_kind("state")
        if m is not None and units[j].end == m.end:
            return m.key
    return None


def _context_after(units: Sequence[Unit], i: int) -> tuple[str | None, str | None, int]:
    """State/organization of a genitive phrase after a role noun and the index after it
    ("Präsident Kasachstans", "Präsident der zentralasiatischen Republik Kasachstan",
    "Generalsekretär der Nato")."""
    j = i + 1
    if j < len(units):
        u = units[j]
        m = u.of_kind("state") or u.of_kind("organization")
        if m is not None and m.via in ("name", "alias") and u.text.endswith("s"):
            return (m.key, None, j + 1) if m.kind == "state" else (None, m.key, j + 1)
        if u.lower in ARTICLES_GEN:
            for k in range(j + 1, min(j + 5, len(units))):
                v = units[k]
                m = v.of_kind("state") or v.of_kind("organization")
                if m is not None and m.via in ("name", "alias"):
                    return (m.key, None, k + 1) if m.kind == "state" else (None, m.key, k + 1)
                if v.mentions or not (v.text[0].islower() or v.text in ("Republik", "Föderation")):
                    break
    return None, None, i + 1


def _after_genitive(
    units: Sequence[Unit], i: int, kb: KnowledgeBase
) -> tuple[int | None, str | None]:
    """Index after a genitive phrase that follows a role noun, with the state it names:
    "des ukrainischen Außenministeriums", "des Außenministeriums in Neu-Delhi"."""
    j = i + 1
    if j >= len(units) or units[j].lower not in ("des", "der", "von"):
        return None, None
    j += 1
    state = None
    while j < len(units) and units[j].text[:1].islower() and units[j].lower not in ("und", "oder"):
        m = units[j].of_kind("state")
        state = state or (m.key if m is not None else None)
        j += 1
    if j >= len(units) or not units[j].text[:1].isupper() or units[j].of_kind("person"):
        return None, None
    m = units[j].of_kind("state")
    state = state or (m.key if m is not None else None)
    j += 1
    if (
        j < len(units)
        and units[j].text[:1].isupper()
        and units[j].text.isalpha()
        and not units[j].mentions
    ):
        j += 1  # "des Pekinger Büros": a capitalised place adjective before the noun
    if (
        j + 1 < len(units)
        and units[j].lower == "für"
        and units[j + 1].text[:1].isupper()
        and not units[j + 1].of_kind("person")
    ):
        j += 2  # "des Büros für Taiwan-Angelegenheiten": the office's remit
    if j + 1 < len(units) and units[j].lower in ("in", "aus") and units[j + 1].mentions:
        v = units[j + 1]
        m = v.of_kind("state")
        p = v.of_kind("place")
        place = kb.places.get(p.key) if p is not None else None
        state = state or (m.key if m is not None else place.state if place is not None else None)
        j += 2
    return j, state


def _in_foreign_name(units: Sequence[Unit], i: int, j: int, n: int, kb: KnowledgeBase) -> bool:
    """A role noun between two capitalised words is a word of a foreign proper name, no role
    before a one-word name ("die Bangladesh Nationalist Party"): German puts a name before a
    role only as a genitive or hyphen compound ("Bangladeschs Präsident")."""
    return (
        i > 0
        and j == i + 1
        and _words(units, j, n) == 1
        and _is_name_token(units[i - 1], kb)
        and not units[i - 1].text.endswith("s")
    )


def _not_current(units: Sequence[Unit], i: int) -> bool:
    for k in range(max(0, i - 3), i):
        if units[k].lower.rstrip("-") in NOT_CURRENT:
            return True
    return units[i].lower.startswith(("ex-", "vize", "ex"))


def _singular(units: Sequence[Unit], i: int, form: str, base: str) -> bool:
    """Whether a role noun form names one person (not "die Präsidenten", "den Staatschefs")."""
    if form == base or (len(form) > len(base) and form.lower().endswith(base.lower())):
        return True  # "US-Soldat", "Tiergartenmörder"
    det = None
    for k in range(i - 1, max(-1, i - 4), -1):
        if units[k].lower in OBLIQUE_DETS or units[k].lower in ("der", "die"):
            det = units[k].lower
            break
    if det is None:
        return False
    if form.endswith("s") and not base.endswith("s"):
        return det in GENITIVE_DETS
    return det in OBLIQUE_DETS


# ---------------------------------------------------------------------------- resolution


def holder(kb: KnowledgeBase, role: str, state: str | None, org: str | None, on: date | None):
    """The knowledge base's holder of a position.

    "Machthaber", "Führer" (role ``leader``) mean the ruler: a ``leader`` position whose title
    is itself a leader noun (Machthaber, Oberster Führer, Juntachef), else the head of state;
    never a party chair or an opposition leader, whom the data also file as ``leader``.
    """
    if role != "leader":
        return kb.holder(role, state, org, on)
    nouns = {rn.noun for rn in kb.roles if rn.role == "leader"}
    for pos, person in kb.holders("leader", state, org, on):
        if any(w in nouns for w in re.split(r"[\s-]+", pos.title)):
            return person
    return kb.holder("head_of_state", state, org, on)


def kb_ref(kb: KnowledgeBase, key: str, on: date | None) -> PersonRef:
    p = kb.persons[key]
    return PersonRef(
        key=p.key, name=p.name, state=p.state, title=p.title_on(on), aliases=(*p.aliases, *p.short)
    )


def disambiguate(
    matches: Iterable[gazetteer.GazMatch], kb: KnowledgeBase, on: date | None
) -> dict[int, str]:
    """Choose one person for each ambiguous person hit: the one the article names in full,
    else the only one in office at the date; index of the match -> key (absent = drop)."""
    matches = list(matches)
    full = {
        m.keys[0] for m in matches if m.kind == "person" and len(m.keys) == 1 and " " in m.surface
    }
    chosen: dict[int, str] = {}
    for i, m in enumerate(matches):
        if m.kind != "person":
            continue
        if len(m.keys) == 1:
            chosen[i] = m.keys[0]
            continue
        named = [k for k in m.keys if k in full]
        if len(named) == 1:
            chosen[i] = named[0]
            continue
        if on is not None:
            active = [k for k in m.keys if any(p.valid_on(on) for p in kb.persons[k].positions)]
            if len(active) == 1:
                chosen[i] = active[0]
    return chosen


def family_name(name: str, family_first: bool) -> str | None:
    """The family name a later short reference uses: the first word in family-first
    cultures, else the last with its particles ("dela Rosa", "von der Leyen"); generational
    suffixes and regnal numbers are no family name ("Marcos Jr." -> "Marcos", "Felipe VI."
    has none)."""
    words = name.split()
    while words and _NAME_SUFFIX.fullmatch(words[-1]):
        words.pop()
    parts = [p for p in words if p not in NAME_PARTICLES]
    if len(parts) < 2:
        return None
    if family_first:
        return parts[0]
    k = len(words) - 1
    while k > 1 and words[k - 1] in NAME_PARTICLES:
        k -= 1
    return " ".join(words[k:])


def resolve(
    body: str,
    sentences: Sequence[Sentence],
    units_by_sentence: Sequence[Sequence[Unit]],
    mentions: Sequence[Mention],
    published: FuzzyDate | None,
    kb: KnowledgeBase,
) -> PersonResult:
    """New person mentions (discovered, role, coref) and PersonRefs for every person used."""
    on = reference_date(published)
    out = PersonResult()
    discovered: dict[str, PersonRef] = {}
    role_only: list[tuple[Sentence, Unit, RoleHit]] = []
    titled: list[tuple[Sentence, Unit, str]] = []  # "der Vizepräsident" with no name after it
    added: set[tuple[int, int, int]] = set()
    consumed: dict[int, set[int]] = {}  # sentence -> indexes of units inside a found name

    def add(
        sent: Sentence,
        units: Sequence[Unit],
        j: int,
        n: int,
        state: str | None,
        title: str | None,
        full: str | None = None,
    ) -> None:
        """A named person at units[j : j + n]: the knowledge base's, else one discovered;
        ``full`` is the name when the span is only its first part ("Anna" of "die Schwestern
        Anna und Eva Beispiel")."""
        start, end = units[j].start, units[j + n - 1].end
        if (sent.index, start, end) in added:
            return  # one name, two cues ("Kabinettssekretär X Y, der ihn als Anwalt ...")
        added.add((sent.index, start, end))
        consumed.setdefault(sent.index, set()).update(range(j, j + n))
        name = full or _NICKNAME.sub("", body[start:end])
        key = slug(name)
        if key in kb.persons:
            ref = kb_ref(kb, key, on)
        else:
            old = discovered.get(key)
            ref = PersonRef(
                key=key,
                name=name,
                state=(old.state if old and old.state else state),
                title=(old.title if old and old.title else title),
                aliases=tuple(a for a in [family_name(name, _family_first(kb, state))] if a),
                discovered=True,
            )
            discovered[key] = ref
        out.persons[key] = ref
        out.mentions.append(
            Mention(sent.index, start, end, body[start:end], "person", key, "discovered")
        )

    for sent, units in zip(sentences, units_by_sentence, strict=True):
        for i, u in enumerate(units):
            if i in consumed.get(sent.index, ()):
                continue  # a word of a name found before ("Ali Nursultan X") cues nothing
            r = role_of(u, kb) or _demonym_role(units, i)
            if r is None:
                aged = _aged_name(units, i, kb) or _party_name(units, i, kb)
                aged = aged or _spouse_name(units, i, kb)
                if aged is not None:  # "der 26-jährige X", "X von der Kuomintang"
                    add(sent, units, *aged, state=None, title=None)
                for k, n in _listed_names(units, i, kb):  # ": A B, C D und E F."
                    add(sent, units, k, n, state=None, title=None)
                for k, n, full in _sibling_names(units, i, kb):  # "die Brüder A und B C"
                    add(sent, units, k, n, state=None, title=None, full=full)
                continue
            rn, base, state, org = r
            demonym = rn.role == "counterpart" and base == u.text and state is not None
            if state is None and org is None:
                state = _state_before(units, i)
            a_state, a_org, after = _context_after(units, i)
            if state is None and org is None:
                state, org = a_state, a_org
            hit = RoleHit(i, rn, u.text, state, org)
            j = i + 1
            if j < len(units) and units[j].of_kind("person"):
                continue
            n = name_span(units, j, kb, slot=True)
            if n and not _singular(units, i, u.text, base):
                n = 0  # "am Tisch der Staats- und Regierungschefs Platz nehmen"
            if n and _in_foreign_name(units, i, j, n, kb):
                n = 0
            if n == 0 and not (after < len(units) and units[after].text == ","):
                # "Der Sprecher des ukrainischen Außenministeriums, Oleh Nikolenko, ..."
                g, g_state = _after_genitive(units, i, kb)
                if g is not None and g < len(units) and units[g].text == ",":
                    after = g
                    if state is None and org is None:
                        state = g_state
            if n == 0 and after < len(units) and units[after].text == ",":
                k = after + 1
                if k < len(units) and units[k].of_kind("person"):
                    continue
                n2 = name_span(units, k, kb, slot=True)
                if n2 and (k + n2 >= len(units) or units[k + n2].text in (",", ")", "(", ".")):
                    j, n = k, n2
            if n == 0 and not demonym and _singular(units, i, u.text, base):
                # "Evan Gershkovich, Reporter des „Wall Street Journal“"
                k = _apposed_name(units, i, kb)
                if k is not None:
                    j, n = k
            if n and (demonym or units[j].mentions) and _words(units, j, n) < 2:
                n = 0  # "der Deutsche Bundestag"
            if n:
                add(sent, units, j, n, state, None if rn.role == "counterpart" else base)
                continue
            if rn.role == "other" and i > 0 and units[i - 1].text.lower() in ("der", "die"):
                titled.append((sent, u, base))  # "der Vizepräsident": the one named before
            if rn.role in ("other", "counterpart") or (state is None and org is None):
                continue
            if _not_current(units, i) or not _singular(units, i, u.text, base):
                continue
            role_only.append((sent, u, hit))

    _merge_single_names(out, discovered, mentions, kb, on)

    # in-article short references (surnames) of everyone named in full
    named: dict[str, str] = {}  # alias -> key, None when two persons share it
    ambiguous: set[str] = set()
    person_keys = [m.key for m in mentions if m.kind == "person"] + [m.key for m in out.mentions]
    for key in dict.fromkeys(person_keys):
        ref = _known_ref(key, discovered, kb, on)
        if ref is None:
            continue
        alias = family_name(ref.name, _family_first(kb, ref.state))
        if alias is None or alias in STOP_CAPS:
            continue
        if alias in named and named[alias] != key:
            ambiguous.add(alias)
        named[alias] = key
    known = gazetteer.surfaces(kb)
    pairs = [(a, k) for a, k in named.items() if a not in ambiguous and a not in known]
    taken = sorted((m.start, m.end) for m in (*mentions, *out.mentions))
    for start, end, key in gazetteer.match_surfaces(body, pairs):
        if any(s < end and start < e for s, e in taken):
            continue
        si = sentence_index(sentences, start)
        out.mentions.append(Mention(si, start, end, body[start:end], "person", key, "coref"))

    # role nouns without a name: the holder at the article's date, else a person of the
    # article with that state whose title has that role
    article_refs = {**{k: discovered[k] for k in discovered}}
    for sent, u, hit in role_only:
        p = holder(kb, hit.noun.role, hit.state, hit.organization, on)
        key = p.key if p is not None else _article_holder(article_refs, hit, kb)
        if key is None:
            continue
        out.mentions.append(Mention(sent.index, u.start, u.end, u.text, "person", key, "role"))

    # a title of the "other" roles with no name ("Anschließend sprach der Vizepräsident mit
    # X"): the one person named before in the article who holds that title
    for sent, u, base in titled:
        before = [m for m in (*mentions, *out.mentions) if m.kind == "person" and m.end <= u.start]
        holders = {m.key for m in before if _titled(m.key, base, discovered, kb, on)}
        if len(holders) == 1:
            key = holders.pop()
            out.mentions.append(Mention(sent.index, u.start, u.end, u.text, "person", key, "role"))

    for m in (*mentions, *out.mentions):
        if m.kind == "person" and m.key not in out.persons:
            out.persons[m.key] = discovered.get(m.key) or kb_ref(kb, m.key, on)
    return out


def _known_ref(
    key: str, discovered: dict[str, PersonRef], kb: KnowledgeBase, on: date | None
) -> PersonRef | None:
    """The person behind a key: discovered in the article, else the knowledge base's, else
    None."""
    return discovered.get(key) or (kb_ref(kb, key, on) if key in kb.persons else None)


def _titled(
    key: str, noun: str, discovered: dict[str, PersonRef], kb: KnowledgeBase, on: date | None
) -> bool:
    """The person's title is ``noun`` ("US-Vizepräsident" and "Vizepräsident" answer to "der
    Vizepräsident")."""
    ref = _known_ref(key, discovered, kb, on)
    return bool(ref and ref.title and ref.title.lower().rsplit("-", 1)[-1] == noun.lower())


def _merge_single_names(
    out: PersonResult,
    discovered: dict[str, PersonRef],
    mentions: Sequence[Mention],
    kb: KnowledgeBase,
    on: date | None,
) -> None:
    """A one-word discovered name ("seine Tochter Anna", "Ex-Präsident Beispiel") that is the
    first or family name of exactly one person the article names in full is that person."""
    singles = [k for k, r in discovered.items() if " " not in r.name]
    if not singles:
        return
    full: dict[str, PersonRef] = {}
    for m in (*mentions, *out.mentions):
        if m.kind != "person" or m.key in full:
            continue
        ref = _known_ref(m.key, discovered, kb, on)
        if ref is not None and " " in ref.name:
            full[m.key] = ref
    for single in singles:
        word = discovered[single].name
        cands = {
            key
            for key, ref in full.items()
            if ref.name.split()[0] == word
            or family_name(ref.name, _family_first(kb, ref.state)) == word
        }
        if len(cands) != 1:
            continue
        (key,) = cands
        out.mentions = [
            Mention(m.sentence_index, m.start, m.end, m.surface, "person", key, "coref")
            if m.kind == "person" and m.key == single
            else m
            for m in out.mentions
        ]
        del discovered[single]
        out.persons.pop(single, None)


ARTICLES: frozenset[str] = frozenset("der die den dem des ein eine einen einem".split())


def _words(units: Sequence[Unit], j: int, n: int) -> int:
    return sum(1 for u in units[j : j + n] if u.text not in NAME_PARTICLES)


def _demonym_role(
    units: Sequence[Unit], i: int
) -> tuple[RoleNoun, str, str | None, str | None] | None:
    """A demonym noun before a name ("der Deutsche Rico Krieger", "die Russin X Y"): says
    the person's state, nothing about a position."""
    u = units[i]
    if not u.mentions or i == 0 or units[i - 1].lower not in ARTICLES:
        return None
    m = u.of_kind("state")
    if (
        m is None
        or m.via not in ("demonym", "adjective")
        or not u.text[:1].isupper()
        or u.prefix
        or u.suffix
        or i + 1 >= len(units)
        or units[i + 1].mentions
    ):
        return None
    return RoleNoun(u.text, "counterpart"), u.text, m.key, None


_AGE = re.compile(r"\d{1,3}-jährige[nr]?")


def _aged_name(units: Sequence[Unit], i: int, kb: KnowledgeBase) -> tuple[int, int] | None:
    """An age adjective right before an unknown name ("der 26-jährige Nahid Islam"): (index,
    length) of the name, when it is two or more words that no mention covers."""
    if not _AGE.fullmatch(units[i].text) or i + 1 >= len(units):
        return None
    return _new_name_at(units, i + 1, kb)


def _new_name_at(units: Sequence[Unit], j: int, kb: KnowledgeBase) -> tuple[int, int] | None:
    """(index, length) of an unknown name of two or more words starting at ``j``."""
    n = name_span(units, j, kb)
    if n == 0 or _words(units, j, n) < 2 or any(u.mentions for u in units[j : j + n]):
        return None
    return j, n


def _party_name(units: Sequence[Unit], i: int, kb: KnowledgeBase) -> tuple[int, int] | None:
    """An unknown name followed by its party or organization ("Hou Yu-ih von der Kuomintang",
    "X vom Bündnis Y"): (index, length) of the name."""
    u = units[i]
    if u.mentions or not u.text[:1].isupper() or (i and _is_name_token(units[i - 1], kb)):
        return None
    found = _new_name_at(units, i, kb)
    if found is None:
        return None
    n = found[1]
    k = i + n
    if k < len(units) and units[k].lower in ("von", "vom"):
        k += 1
        if k < len(units) and units[k].lower in ("der", "den", "dem"):
            k += 1
        if k < len(units) and units[k].of_kind("organization"):
            return i, n
    return None


POSSESSIVES: frozenset[str] = frozenset(
    "sein seine seiner seinem seinen seines ihr ihre ihrer ihrem ihren ihres dessen deren".split()
)
SPOUSE_NOUNS: frozenset[str] = frozenset({"Frau", "Mann"})


def _spouse_name(units: Sequence[Unit], i: int, kb: KnowledgeBase) -> tuple[int, int] | None:
    """A name after "Frau"/"Mann" as a spouse ("seine Frau Anna Beispiel"): (index, length);
    "Frau" alone is a form of address ("Frau Beispiel"), no cue."""
    if units[i].text not in SPOUSE_NOUNS or i == 0 or units[i - 1].lower not in POSSESSIVES:
        return None
    return _new_name_at(units, i + 1, kb) if i + 1 < len(units) else None


def _sibling_names(
    units: Sequence[Unit], i: int, kb: KnowledgeBase
) -> list[tuple[int, int, str | None]]:
    """Two given names sharing one family name after a plural kin noun ("die Brüder Anton und
    Bruno Beispiel", "das Ehepaar Anna und Emil Probe"): the first given name with the full
    name it stands for, and the second full name; (index, length, full name or None)."""
    if units[i].text not in KIN_PLURALS or i + 4 > len(units):
        return []
    first, conj = units[i + 1], units[i + 2]
    if conj.lower != "und" or not _is_name_token(first, kb) or name_span(units, i + 1, kb) != 1:
        return []
    found = _new_name_at(units, i + 3, kb)
    if found is None:
        return []
    n = found[1]
    second = " ".join(u.text for u in units[i + 3 : i + 3 + n])
    family = family_name(second, False)
    if family is None:
        return []
    return [(i + 1, 1, f"{first.text} {family}"), (i + 3, n, None)]


LIST_SEPARATORS: frozenset[str] = frozenset({",", "und", "sowie"})
LIST_END: frozenset[str] = frozenset({".", ";", ")", "!", "?"})


def _listed_names(units: Sequence[Unit], i: int, kb: KnowledgeBase) -> list[tuple[int, int]]:
    """Unknown names enumerated after a colon up to the end of the sentence ("Freigelassen
    wurden: Anna Beispiel, Ben Probe und Carla Muster."): two or more items of two words or
    more (known persons may be items too), joined by commas and a final "und"/"sowie";
    (index, length) of each unknown name. Anything else in the list (a single word, a state,
    an organization, a lower-case word) and it is no list of names."""
    if units[i].text != ":":
        return []
    items: list[tuple[int, int]] = []
    known = 0
    j = i + 1
    last_sep = None
    while j < len(units):
        u = units[j]
        if u.of_kind("person") and len(u.mentions) == 1 and " " in u.text:
            known += 1
            j += 1
        else:
            found = _new_name_at(units, j, kb)
            if found is None:
                return []
            items.append(found)
            j += found[1]
        if j >= len(units) or units[j].text in LIST_END:
            break
        if units[j].text not in LIST_SEPARATORS:
            return []
        last_sep = units[j].text
        j += 1
    if last_sep not in ("und", "sowie") or len(items) + known < 2:
        return []
    return items


def _apposed_name(units: Sequence[Unit], i: int, kb: KnowledgeBase) -> tuple[int, int] | None:
    """A name right before a comma that a role noun then describes: "Evan Gershkovich,
    Reporter des ...", "Anna Beispiel, die frühere Ministerin"; (index, length) of the name."""
    c = i - 1
    while (
        c >= 0
        and (
            units[c].lower in ARTICLES
            or (units[c].text[:1].islower() and units[c].text.isalpha())
            or (units[c].mentions and all(m.via == "adjective" for m in units[c].mentions))
        )
        and i - c <= 4
    ):
        c -= 1
    if c < 2 or units[c].text != ",":
        return None
    for k in range(max(0, c - MAX_NAME_TOKENS - 1), c - 1):
        if k > 0 and (_is_name_token(units[k - 1], kb) or units[k - 1].text in NAME_PARTICLES):
            continue
        n = name_span(units, k, kb)
        if n == c - k and _words(units, k, n) >= 2:
            return k, n
    return None


def _family_first(kb: KnowledgeBase, state: str | None) -> bool:
    return bool(state and state in kb.states and kb.states[state].family_name_first)


def _article_holder(refs: dict[str, PersonRef], hit: RoleHit, kb: KnowledgeBase) -> str | None:
    roles = {rn.noun: rn.role for rn in kb.roles}
    cands = [
        r.key
        for r in refs.values()
        if hit.state is not None
        and r.state == hit.state
        and r.title
        and roles.get(r.title) == hit.noun.role
    ]
    return cands[0] if len(cands) == 1 else None
