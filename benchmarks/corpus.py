"""A reproducible corpus of German political news for throughput benchmarks.

Real feeds (Event Registry, GDELT) cannot be redistributed, and the five sample articles are far
too few to measure anything. So the corpus is generated: sentence templates for every event type
of the lexicon (summits, talks, visits, accessions, agreements, attacks, inaugurations, court
cases, foundings, statements) and membership statements, filled with the knowledge base's
persons (with the title they held on the article's date), states (names, adjectives, capitals),
organizations and places, invented local politicians (so that person discovery has work), and
many date forms (absolute, relative, ranges, numeric, weekday, vague). Each article is 2-6 KB
like a wire story, and article ``i`` of seed ``s`` is always the same text (for one version of
the knowledge base, whose names it draws), so a figure measured on ``--n 10000 --seed 1`` can
be reproduced anywhere; a closing line names seed and index, which
makes every article unique (distinct sha256) even when the dice repeat.

Articles report a bounded world of happenings, as a real news stream does: a summit, a visit or
an attack is covered by many articles, and background sentences recall the same recent events.
A happening is ``(kind, week, slot)`` with ``slot < POOL[kind]`` (a founding: one per
organization); its cast, states, organization, place, topic and day come from its own seeded
dice, so every article reporting it names the same actors, place and day, in its own words
(template, titles, a date phrase relative to its publication day). An article's main story
(title, lead, first paragraph) happened 0-3 days before publication; each later paragraph
recalls one happening of the last 60 days (of three other kinds, one or two per kind) and what
its actors said about it; a few such mentions are vague ("vor zwei Jahren"). When every article
invented its own happenings, the number of distinct events grew with the corpus (~10 per
article), nothing merged across articles, and so the warehouse's dedup cost, which grows with
the distinct events sharing an actor and a month, grew without bound.

    python -m benchmarks.corpus --n 1000 --seed 1 --out /tmp/corpus   # files, one per article

`iter_articles` yields (file name, text) without touching the disk, `write_corpus` streams them
to a folder; neither holds the corpus in memory. `happenings_of` names what an article reports.
"""

from __future__ import annotations

import argparse
import random
import string
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

from etl.knowledge_base import KnowledgeBase, load_knowledge_base

POPULAR_STATES = ["DE", "US", "RU", "UA", "CN", "FR"]  # news is skewed towards a few states
MONTHS = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
          "Oktober", "November", "Dezember"]  # fmt: skip
WEEKDAYS = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"]
FIRST_NAMES = ["Klaus", "Petra", "Jürgen", "Sabine", "Matthias", "Andrea", "Thomas", "Claudia",
               "Stefan", "Monika", "Michael", "Susanne", "Frank", "Birgit", "Uwe", "Katrin",
               "Ralf", "Heike", "Jens", "Anja", "Markus", "Nicole", "Tobias", "Julia", "Florian",
               "Miriam", "Dirk", "Karin", "Holger", "Silke"]  # fmt: skip
LAST_NAMES = ["Berger", "Hoffmann", "Krüger", "Lindner", "Seidel", "Brandt", "Vogt", "Keller",
              "Hartmann", "Ziegler", "Engel", "Roth", "Franke", "Lorenz", "Busch", "Pohl",
              "Kuhn", "Graf", "Sommer", "Winkler", "Haas", "Schreiber", "Dietrich", "Albrecht",
              "Brückner", "Wendt", "Kessler", "Böhm", "Thiel", "Ludwig"]  # fmt: skip
LOCAL_ROLES = ["Innenminister", "Abgeordnete", "Landrat", "Oberbürgermeister",
               "Staatssekretär", "Fraktionschef", "Parteichef", "Gewerkschaftschef", "Botschafter",
               "Richter"]  # fmt: skip
TOPICS = ["Handel", "Energie", "Sicherheit", "Migration", "Klimaschutz", "Rüstungskontrolle",
          "Wiederaufbau", "Landwirtschaft", "Digitalisierung", "Gesundheit"]  # fmt: skip
FILLER = [
    "Beobachter werteten das als Signal der Entspannung.",
    "Die Opposition übte scharfe Kritik an dem Vorhaben.",
    "Details wurden zunächst nicht bekannt.",
    "Die Verhandlungen sollen in den kommenden Wochen fortgesetzt werden.",
    "Kritiker bemängeln seit Langem die fehlende Transparenz der Gespräche.",
    "An den Börsen blieb die Reaktion verhalten.",
    "Menschenrechtsorganisationen forderten mehr Aufmerksamkeit für die Lage der Zivilbevölkerung.",
    "Die Regierung wies die Vorwürfe als haltlos zurück.",
    "Eine Stellungnahme lag bis zum Abend nicht vor.",
    "Im Mittelpunkt standen Fragen der {topic} und der regionalen Zusammenarbeit.",
    "Fachleute rechnen nicht mit einer schnellen Einigung in Fragen der {topic}.",
    "Die Zahl der Flüchtlinge in der Region ist zuletzt deutlich gestiegen.",
    "Nach Angaben von Diplomaten verliefen die Beratungen in angespannter Atmosphäre.",
    "Umfragen zufolge unterstützt eine Mehrheit der Bevölkerung den Kurs der Regierung.",
]

# Templates per event type. {p1} {p2} {p3} are the happening's cast in a fixed order, {s1} is
# where it happened (the visited, attacked or joining state; {place} is a city of it when the
# knowledge base knows one), {s2} the other party (the attacker: {adj}), {d} the date phrase.
TEMPLATES: dict[str, list[str]] = {
    "summit": [
        "Beim {org_short}-Gipfel in {place} kamen {d} die Staats- und Regierungschefs der "
        "Mitgliedstaaten zusammen.",
        "{p1} und {p2} nahmen {d} am Gipfeltreffen der {org} in {place} teil.",
        "{p3} blieb dem Gipfel in {place} fern, sagte ein Sprecher.",
        "Die Jahrestagung der {org} fand {d} in {place} statt.",
    ],
    "meeting": [
        "{p1} und {p2} trafen sich {d} in {place}.",
        "{p1} führte {d} in {place} Gespräche mit {p2} über Fragen der {topic}.",
        "{p1} empfing {p2} {d} in {place}.",
        "Bei ihrem Treffen in {place} berieten {p1} und {p2} über die Lage in {s2}.",
    ],
    "call": ["{p1} telefonierte {d} mit {p2}."],  # a meeting held by phone: its own happening
    "visit": [
        "{p1} reiste {d} nach {s1}.",
        "{p1} besuchte {d} {place}.",
        "Bei seinem Besuch in {place} sprach {p1} {d} auch mit {p2}.",
        "Es ist die erste Reise von {p1} nach {s1} seit Beginn der Amtszeit.",
    ],
    "accession": [
        "{s1} ist {d} offiziell neues Mitglied der {org} geworden.",
        "{s1} trat {d} der {org} bei.",
        "Die {org} hat {s1} {d} als Mitglied aufgenommen.",
        "Über den Beitritt von {s1} zur {org} wird seit Jahren verhandelt.",
    ],
    "agreement": [
        "{p1} und {p2} unterzeichneten {d} in {place} ein Abkommen über {topic}.",
        "{s1} und {s2} schlossen {d} einen Vertrag über die Zusammenarbeit.",
        "Die Abschlusserklärung des Treffens in {place} wurde {d} verabschiedet.",
    ],
    "attack": [
        "Die {adj}e Armee griff {d} Ziele in {s1} an.",
        "Bei einem Anschlag in {place} wurden {d} mehrere Menschen getötet.",
        "Die Invasion in {s1} dauert seit mehr als zwei Jahren an.",
        "{p1} verurteilte den Angriff auf {s1} scharf.",
    ],
    "inauguration": [
        "{p1} wurde {d} in {place} vereidigt.",
        "Die Amtseinführung von {p1} fand {d} in {place} statt.",
    ],
    "warrant": ["Der Internationale Strafgerichtshof erließ {d} einen Haftbefehl gegen {p1}."],
    "legal": [
        "{local} wurde {d} in {place} festgenommen.",
        "Ein Gericht in {place} verurteilte {d} {local}.",
    ],
    "founding": [
        "Die {org} wurde {year} in {place} gegründet.",
        "Die Gründung der {org} geht auf eine Initiative von {s1} zurück.",
    ],
    "statement": [
        "{p1} sagte {d}, {s1} stehe fest an der Seite von {s2}.",
        "{local} kritisierte die Haltung von {s1} in Fragen der {topic}.",
        "„Wir werden {s2} nicht allein lassen“, sagte {p1} {d}.",
    ],
}
# what the actors of a happening said about it; "die Gespräche" only of talks (else extraction
# rightly takes them for talks reported earlier in the article and adds the speaker to those)
REMARKS = TEMPLATES["statement"]
TALKS = {"summit", "meeting", "call", "visit", "agreement"}
TALK_REMARKS = [*REMARKS, "Ein Sprecher von {p1} bezeichnete die Gespräche als konstruktiv."]
UNDATED_REMARKS = [t for t in REMARKS if "{d}" not in t]  # about a founding decades ago
# names the happening's actors but is about something else (an invasion of years ago)
NOT_A_REPORT = frozenset({"Die Invasion in {s1} dauert seit mehr als zwei Jahren an."})
MEMBERSHIP = [
    "{s1} ist seit {year} Mitglied der {org}.",
    "Zur {org} gehören auch {s1}, {s2} und {s3}.",
    "{s1} hat Beobachterstatus bei der {org}.",
    "{s2} ist kein Mitglied der {org}.",
]

KINDS = ["summit", "meeting", "visit", "accession", "agreement", "attack", "inauguration", "legal",
         "founding", "statement"]  # fmt: skip
TITLES = {
    "summit": "Gipfel in {place}: {p} fordert mehr Zusammenarbeit",
    "meeting": "{p} trifft Amtskollegen in {place}",
    "visit": "Besuch in {state}: {p} wirbt für neue Partnerschaft",
    "accession": "{state} tritt Bündnis bei",
    "agreement": "{state} unterzeichnet Abkommen",
    "attack": "Angriff auf {state}: internationale Kritik",
    "inauguration": "{p} vereidigt",
    "legal": "Justiz in {state} greift durch",
    "founding": "Jubiläum in {place}",
    "statement": "{p} äußert sich zur Lage in {state}",
}

# -- the world of happenings ---------------------------------------------------------------------
#
# Happenings per kind and week. Articles are published uniformly over 11 years (574 weeks), so
# N = 100,000 gives ~175 articles a week. Each article has one main story (its kind uniform over
# the 10 kinds, the happening among those of the 0-3 days before) and recalls one or two
# happenings of each of 3 other kinds from the last 60 days (~1,500 articles publish in such a
# window). A happening of kind k is then reported by about 100 / POOL[k] articles at N = 100,000
# (measured: ~8 for talks, visits and statements, ~11-15 for court cases, agreements and
# attacks, ~29 for summits and inaugurations, ~40 for the rare accessions; skewed, as low slots
# are the big stories and picked more often). At N = 10,000 it is a tenth of that, so talks are
# reported by one or two articles and summits by three, and of the happenings that articles
# N..N+9 report (the incremental batch of benchmarks/run.py) ~80% are in the warehouse already
# (all of them at N = 100,000). Totals stay bounded, whatever N: ~60 happenings a week.
POOL = {"summit": 3, "meeting": 12, "visit": 10, "accession": 2, "agreement": 6, "attack": 6,
        "inauguration": 3, "legal": 8, "statement": 12}  # fmt: skip
MULTI_DAY = {"summit": 3, "visit": 3}  # these last up to that many days
# Variants of a kind with templates of their own: a meeting held by phone ("telefonierte"; never
# the talks held in a place), an arrest warrant of the ICC rather than a local court case.
VARIANTS = {"meeting": ("call", 0.25), "legal": ("warrant", 0.3)}
KIND_OF = {variant: kind for kind, (variant, _) in VARIANTS.items()}
EPOCH = date(2014, 12, 29)  # a Monday: week 0 of the happenings
FIRST_DAY, PUBLISHED_DAYS = date(2015, 1, 1), 365 * 11
MAX_BODY = 6000  # bytes: wire stories of 2-6 KB
MAIN_DAYS = 3  # the main story happened 0-3 days before publication
RECALL_DAYS = 60  # background sentences recall happenings of the last 60 days
VAGUE_SHARE = 0.05  # background sentences dated vaguely ("vor zwei Jahren"): not the happening

Person = tuple[str, str, str]  # name, state code ("" if none), person key
HappeningId = tuple[str, int, int]  # kind, week (founding: 0), slot (founding: organization)


@dataclass(frozen=True)
class _Pools:
    """The knowledge base flattened into lists the generator can draw from."""

    persons: list[Person]
    states: list[str]  # sovereign, with an adjective ("die russische Armee")
    orgs: list[tuple[str, str]]  # (name, short name for compounds)
    cities: list[tuple[str, str]]  # name, state code (one of ``states``)
    persons_of: dict[str, list[Person]]  # by state
    cities_of: dict[str, list[str]]  # by state


@lru_cache(maxsize=2)
def _pools(kb: KnowledgeBase) -> _Pools:
    # persons in some office during the corpus's years, not Honecker or Adenauer
    persons = sorted(
        (p.name, p.state or "", p.key)
        for p in kb.persons.values()
        if any(pos.valid_to is None or pos.valid_to >= FIRST_DAY for pos in p.positions)
    )
    states = sorted(s.code for s in kb.states.values() if s.sovereign and s.adjective_stems)
    known = set(states)
    orgs = sorted((o.name, o.abbreviation or o.name) for o in kb.organizations.values())
    cities = sorted(
        (p.name, p.state) for p in kb.places.values() if p.kind == "city" and p.state in known
    )
    persons_of: dict[str, list[Person]] = {}
    for person in persons:
        persons_of.setdefault(person[1], []).append(person)
    cities_of: dict[str, list[str]] = {}
    for name, state in cities:
        cities_of.setdefault(state, []).append(name)
    return _Pools(persons, states, orgs, cities, persons_of, cities_of)


def _draw_person(rng: random.Random, persons: list[Person]) -> Person:
    if rng.random() < 0.5:  # news is skewed: half of the mentions go to 60 people
        return persons[int(rng.random() ** 2 * min(60, len(persons)))]
    return rng.choice(persons)


@dataclass(frozen=True)
class Happening:
    """Something that happened once, however many articles report it."""

    kind: str  # a key of TEMPLATES (variants: "call" is a meeting, "warrant" a legal case)
    id: HappeningId
    day: date
    end: date  # the last day (multi-day summits and visits)
    cast: tuple[Person, Person, Person]  # p1, p2, p3: every report names them in this order
    states: tuple[str, str]  # s1 (where / target / joiner), s2 (other party / attacker)
    org: tuple[str, str]
    place: str  # a city of s1
    topic: str
    local: str  # an invented local person (the accused, a critic)


def _week_of(day: date) -> int:
    return (day - EPOCH).days // 7


def _happening(kb: KnowledgeBase, seed: int, kind: str, week: int, slot: int) -> Happening:
    """Happening ``slot`` of ``kind`` in ``week``: everything comes from its own dice.

    The actors fit together as in real copy: an inauguration or the talks someone hosts take
    place at home, a visit abroad (the second person is the host), an agreement binds the states
    of its two signatories, and an attack hits the state of its place."""
    pools = _pools(kb)
    rng = random.Random(f"newsfacts-happening:{seed}:{kind}:{week}:{slot}")
    if kind == "founding":  # one per organization, long ago
        org = pools.orgs[slot]
        day = date(rng.randrange(1945, 2015), rng.randrange(1, 13), rng.randrange(1, 29))
    else:
        org = rng.choice(pools.orgs)
        day = EPOCH + timedelta(days=7 * week + rng.randrange(7))
    end = day + timedelta(days=rng.randrange(MULTI_DAY.get(kind, 1)))
    variant = VARIANTS.get(kind)
    if variant and rng.random() < variant[1]:
        kind = variant[0]
    p1 = _draw_person(rng, pools.persons)
    home = p1[1]
    if kind in ("inauguration", "meeting", "agreement") and home in pools.cities_of:
        s1, place = home, rng.choice(pools.cities_of[home])
    else:
        place, s1 = rng.choice(pools.cities)
        while kind == "visit" and s1 == home:
            place, s1 = rng.choice(pools.cities)
    hosts = pools.persons_of.get(s1, []) if kind == "visit" else []
    p2 = rng.choice(hosts) if hosts else p1
    while p2 == p1 or (kind == "agreement" and p2[1] in ("", home)):
        p2 = _draw_person(rng, pools.persons)
    p3 = p1
    while p3 in (p1, p2):
        p3 = _draw_person(rng, pools.persons)
    if kind == "agreement" and s1 == home and p2[1] in pools.cities_of:
        s2 = p2[1]
    else:
        s2 = s1
        while s2 == s1:
            s2 = rng.choice(POPULAR_STATES) if rng.random() < 0.5 else rng.choice(pools.states)
    topic = rng.choice(TOPICS)
    local = f"{rng.choice(LOCAL_ROLES)} {rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
    return Happening(kind, (KIND_OF.get(kind, kind), week, slot), day, end, (p1, p2, p3),
                     (s1, s2), org, place, topic, local)  # fmt: skip


@lru_cache(maxsize=16384)  # 9 kinds x ~580 weeks at N = 100,000: every week stays cached
def _week(kb: KnowledgeBase, seed: int, kind: str, week: int) -> tuple[Happening, ...]:
    return tuple(_happening(kb, seed, kind, week, slot) for slot in range(POOL[kind]))


@lru_cache(maxsize=1024)
def _founding_of(kb: KnowledgeBase, seed: int, org: int) -> Happening:
    return _happening(kb, seed, "founding", 0, org)


def _between(kb: KnowledgeBase, seed: int, kind: str, lo: date, hi: date) -> list[Happening]:
    """The happenings of ``kind`` whose (first) day is in [lo, hi]."""
    return [
        h
        for week in range(_week_of(lo), _week_of(hi) + 1)
        for h in _week(kb, seed, kind, week)
        if lo <= h.day <= hi
    ]


class _Article:
    """One article being written: its dice, date, main story and the happenings it recalls."""

    def __init__(self, kb: KnowledgeBase, seed: int, rng: random.Random) -> None:
        self.kb, self.seed, self.rng, self.pools = kb, seed, rng, _pools(kb)
        self.published = FIRST_DAY + timedelta(days=rng.randrange(PUBLISHED_DAYS))
        self.kind = rng.choice(KINDS)
        self.main = self._main_story()
        # states of membership sentences: those of the main story, another, popular ones
        self.cast_states = [*self.main.states, rng.choice(self.pools.states)]
        self.recalled: dict[str, list[Happening]] = {}
        self.reports: list[HappeningId] = []  # one per sentence that reports a happening

    # -- happenings ------------------------------------------------------------------------------

    def _pick(self, found: list[Happening]) -> Happening:
        """One of ``found``, skewed to low slots: the big stories are reported more often."""
        a, b = self.rng.choice(found), self.rng.choice(found)
        return a if a.id[2] <= b.id[2] else b

    def _founding(self) -> Happening:
        return _founding_of(self.kb, self.seed, self.rng.randrange(len(self.pools.orgs)))

    def _main_story(self) -> Happening:
        if self.kind == "founding":
            return self._founding()
        pub = self.published
        for back in (MAIN_DAYS, 6, RECALL_DAYS):  # a quiet week: an older story
            found = _between(self.kb, self.seed, self.kind, pub - timedelta(days=back), pub)
            if found:
                return self._pick(found)
        raise AssertionError(f"no {self.kind} in {RECALL_DAYS} days")  # POOL >= 1: unreachable

    def recall(self, kind: str) -> Happening:
        """A happening of ``kind`` that this article's background keeps coming back to."""
        known = self.recalled.get(kind)
        if known is None:
            if kind == "founding":
                known = [self._founding()]
            else:
                pub = self.published
                found = _between(
                    self.kb, self.seed, kind, pub - timedelta(days=RECALL_DAYS - 1),
                    pub - timedelta(days=1),
                )  # fmt: skip
                known = [self._pick(found) for _ in range(1 + (self.rng.random() < 0.5))]
            self.recalled[kind] = known
        return self.rng.choice(known)

    # -- entities ----------------------------------------------------------------------------

    def person(self, who: Person) -> str:
        """How this article writes a person: with the title of its date, or without."""
        name, state, key = who
        person = self.kb.persons[key]
        title = person.title_on(self.published)
        form = self.rng.random()
        if title and state and form < 0.35:
            return f"{self._genitive(self.state_name(state))} {title} {name}"
        if title and state and form < 0.6:
            known = self.kb.states.get(state)
            if known is not None and known.adjective_stems:
                stem = known.adjective_stems[0]
                return f"der {stem}e {title} {name}"
        if title and form < 0.75:
            return f"{title} {name}"
        return name

    def state_name(self, code: str | None = None) -> str:
        code = code or self.rng.choice(self.cast_states + POPULAR_STATES)
        return self.kb.states[code].names[0]

    @staticmethod
    def _genitive(name: str) -> str:
        return name + ("'" if name[-1] in "sßxz" else "s")

    # -- dates -------------------------------------------------------------------------------

    def when(self, h: Happening, background: bool) -> tuple[str, bool]:
        """A phrase for the happening's day as this article words it, and whether it is vague:
        a background mention dated "vor zwei Jahren" is not about the happening's day."""
        rng, pub = self.rng, self.published
        if background and rng.random() < VAGUE_SHARE:
            return rng.choice([
                f"vor {rng.choice(['zwei', 'drei', 'fünf'])} Jahren",
                f"im Jahr {pub.year - rng.randrange(1, 4)}",
                f"Ende {pub.year - 1}",
                "im kommenden Jahr",
            ]), True  # fmt: skip
        day, end = h.day, h.end
        ago = (pub - day).days
        month = MONTHS[day.month - 1]
        form = rng.randrange(11)
        if form == 0 and 1 <= ago <= 6:
            return f"am {WEEKDAYS[day.weekday()]}", False
        if form == 1 and ago <= 1:
            return ("heute" if ago == 0 else rng.choice(["gestern", "am Vortag"])), False
        if form == 2 and _week_of(pub) - _week_of(day) == 1:
            return "in der vergangenen Woche", False
        if form == 3 and end > day and end.month == day.month:
            if (end - day).days == 1 and rng.random() < 0.5:
                return f"am {day.day}. und {end.day}. {month}", False
            return f"vom {day.day}. bis {end.day}. {month}", False
        if form == 4 and (day.year, day.month) == (pub.year, pub.month) and ago > 1:
            return "in diesem Monat", False
        if form == 5:
            return f"am {day.day}. {month} {day.year}", False
        if form == 6:
            return f"am {day.day:02d}.{day.month:02d}.{day.year}", False
        if form == 7:
            return f"im {month}", False
        if form == 8:
            return f"im {month} {day.year}", False
        if form == 9:
            part = "Anfang" if day.day <= 10 else "Mitte" if day.day <= 20 else "Ende"
            return f"{part} {month}", False
        return f"am {day.day}. {month}", False

    # -- sentences ---------------------------------------------------------------------------

    def sentence(self, kind: str, h: Happening | None = None, background: bool = True) -> str:
        """A sentence of ``kind``. With a happening ``h`` of that kind, a report of it; else (a
        statement) a remark about it by its actors."""
        rng = self.rng
        if kind == "filler":
            text = rng.choice(FILLER).format(topic=rng.choice(TOPICS))
        elif kind == "membership":
            org = rng.choice(self.pools.orgs)[0]
            s1, s2, s3 = self.state_name(), self.state_name(), self.state_name()
            year = rng.randrange(1950, 2020)
            text = rng.choice(MEMBERSHIP).format(s1=s1, s2=s2, s3=s3, org=org, year=year)
        else:
            assert h is not None
            own = kind == h.id[0]
            remarks = (
                TALK_REMARKS if h.kind in TALKS
                else UNDATED_REMARKS if h.kind == "founding"
                else REMARKS
            )  # fmt: skip
            template = rng.choice(TEMPLATES[h.kind] if own else remarks)
            fields = _fields(template)
            d, vague = self.when(h, background) if "d" in fields else ("", False)
            if own and not vague and template not in NOT_A_REPORT:
                self.reports.append(h.id)
            s1, s2 = h.states
            values = {"d": d, "org": h.org[0], "org_short": h.org[1], "place": h.place,
                      "topic": h.topic, "local": h.local, "year": h.day.year}  # fmt: skip
            for i, field in enumerate(("p1", "p2", "p3")):  # only the persons named: titles
                if field in fields:  # cost a lookup
                    values[field] = self.person(h.cast[i])
            values["s1"] = self.state_name(s1)
            values["s2"] = self.state_name(s2)
            values["adj"] = self.kb.states[s2].adjective_stems[0]
            text = template.format(**values)
        return text[0].upper() + text[1:]


@lru_cache(maxsize=64)  # the templates
def _fields(template: str) -> frozenset[str]:
    return frozenset(f for _, f, _, _ in string.Formatter().parse(template) if f)


# the sentences of a later paragraph: reports of its happening, what its actors said about it,
# memberships, and filler
PARAGRAPH = ["report", "report", "report", "statement", "membership", "filler", "filler", "filler"]


def _kind(choice: str, h: Happening) -> str:
    return h.id[0] if choice == "report" else choice


def _write(kb: KnowledgeBase, seed: int, index: int) -> tuple[str, list[HappeningId]]:
    rng = random.Random(f"newsfacts-corpus:{seed}:{index}")
    a = _Article(kb, seed, rng)
    main = a.kind
    topics = rng.sample(KINDS, 3)  # what the later paragraphs recall, one happening each
    target = rng.randrange(2000, 5600)  # bytes of body; header and closing line add ~250
    paragraphs: list[str] = []
    size = 0
    while size < target:
        n = rng.randrange(2, 5)
        if not paragraphs:
            para = " ".join(a.sentence(main, a.main, background=False) for _ in range(n))
        else:
            h = a.recall(rng.choice(topics))
            para = " ".join(a.sentence(_kind(rng.choice(PARAGRAPH), h), h) for _ in range(n))
        if paragraphs and size + len(para.encode("utf-8")) > MAX_BODY - 100:
            break  # the closing line still has to fit
        paragraphs.append(para)
        size += len(para.encode("utf-8")) + 2
    paragraphs.append(f"(Meldung {seed}-{index:07d}; Quelle: Nachrichtenagenturen)")
    pub = a.published
    precision = rng.random()
    header = (
        f" date {pub.isoformat()}" if precision < 0.6
        else f" date {pub.year}-{pub.month:02d}" if precision < 0.8
        else f" date {pub.year}" if precision < 0.9
        else ""
    )  # fmt: skip
    title = TITLES[main].format(
        p=a.main.cast[0][0], place=a.main.place, state=a.state_name(a.main.states[0])
    )
    lead = a.sentence(main, a.main, background=False)
    text = f"{header} {title}. {lead}".lstrip() + "\n\n" + "\n\n".join(paragraphs) + "\n"
    return text, a.reports


def article_text(kb: KnowledgeBase, seed: int, index: int) -> str:
    """The text of article ``index`` of corpus ``seed``: a date header line, then 2-6 KB."""
    return _write(kb, seed, index)[0]


def happenings_of(seed: int, index: int, kb: KnowledgeBase | None = None) -> list[HappeningId]:
    """The happenings article ``index`` reports, one per reporting sentence (repeats kept;
    vaguely dated background mentions left out)."""
    return _write(kb or load_knowledge_base(), seed, index)[1]


def publication_day(seed: int, index: int) -> date:
    """The day article ``index`` is published (its header may give only month or year)."""
    rng = random.Random(f"newsfacts-corpus:{seed}:{index}")
    return FIRST_DAY + timedelta(days=rng.randrange(PUBLISHED_DAYS))


def file_name(seed: int, index: int) -> str:
    return f"{seed}_{index:07d}.txt"


def iter_articles(
    n: int, seed: int, start: int = 0, kb: KnowledgeBase | None = None
) -> Iterator[tuple[str, str]]:
    """(file name, text) of articles ``start`` .. ``start + n - 1``, generated lazily."""
    kb = kb or load_knowledge_base()
    for i in range(start, start + n):
        yield file_name(seed, i), article_text(kb, seed, i)


def write_corpus(folder: Path, n: int, seed: int, start: int = 0) -> int:
    """Write the articles as files into ``folder`` (streamed); returns the bytes written."""
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    for name, text in iter_articles(n, seed, start):
        data = text.encode("utf-8")
        (folder / name).write_bytes(data)
        total += len(data)
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--start", type=int, default=0)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    size = write_corpus(args.out, args.n, args.seed, args.start)
    print(f"wrote {args.n} articles, {size / 1e6:.1f} MB, to {args.out}")


if __name__ == "__main__":
    main()
