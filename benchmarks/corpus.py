"""A reproducible corpus of German political news for throughput benchmarks.

Real feeds (Event Registry, GDELT) cannot be redistributed, and the five sample articles are far
too few to measure anything. So the corpus is generated: sentence templates for every event type
of the lexicon (summits, talks, visits, accessions, agreements, attacks, inaugurations, court
cases, foundings, statements) and membership statements, filled with the knowledge base's
persons (with the title they held on the article's date), states (names, adjectives, capitals),
organizations and places, invented local politicians (so that person discovery has work), and
many date forms (absolute, relative, ranges, numeric, weekday, vague). Each article is 2-6 KB
like a wire story, and article ``i`` of seed ``s`` is always the same text, so a figure measured
on ``--n 10000 --seed 1`` can be reproduced anywhere; a closing line names seed and index, which
makes every article unique (distinct sha256) even when the dice repeat.

    python -m benchmarks.corpus --n 1000 --seed 1 --out /tmp/corpus   # files, one per article

`iter_articles` yields (file name, text) without touching the disk, `write_corpus` streams them
to a folder; neither holds the corpus in memory.
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Callable, Iterator
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
LOCAL_ROLES = ["Innenminister", "Abgeordnete", "Landrat", "Oberbürgermeister", "Staatssekretär",
               "Fraktionschef", "Parteichef", "Gewerkschaftschef", "Botschafter", "Richter"]
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


@dataclass(frozen=True)
class _Pools:
    """The knowledge base flattened into lists the generator can draw from."""

    persons: list[tuple[str, str, str | None]]  # name, state code, person key
    person_keys: list[str]
    states: list[str]
    orgs: list[tuple[str, str]]  # (name, short name for compounds)
    cities: list[tuple[str, str | None]]  # name, state code


@lru_cache(maxsize=2)
def _pools(kb: KnowledgeBase) -> _Pools:
    persons = sorted(
        (p.name, p.state or "", p.key) for p in kb.persons.values() if p.positions
    )
    states = sorted(s.code for s in kb.states.values() if s.sovereign and s.adjective_stems)
    orgs = sorted((o.name, o.abbreviation or o.name) for o in kb.organizations.values())
    cities = sorted((p.name, p.state) for p in kb.places.values() if p.kind == "city")
    return _Pools(persons, [p[2] for p in persons], states, orgs, cities)


class _Article:
    """One article being written: the dice, the knowledge base, its date and main actors."""

    def __init__(self, kb: KnowledgeBase, rng: random.Random) -> None:
        self.kb, self.rng, self.pools = kb, rng, _pools(kb)
        self.published = date(2015, 1, 1) + timedelta(days=rng.randrange(365 * 11))
        # A story revolves around a few actors; some are "popular" (top of a skewed draw).
        self.cast = [self._draw_person() for _ in range(4)]
        self.cast_states = [rng.choice(self.pools.states) for _ in range(3)]
        self.city = rng.choice(self.pools.cities)

    # -- entities ----------------------------------------------------------------------------

    def _draw_person(self) -> tuple[str, str, str | None]:
        persons = self.pools.persons
        if self.rng.random() < 0.5:  # news is skewed: half of the mentions go to 60 people
            return persons[int(self.rng.random() ** 2 * min(60, len(persons)))]
        return self.rng.choice(persons)

    def person(self, who: tuple[str, str, str] | None = None) -> str:
        name, state, key = who or self.rng.choice(self.cast)
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

    def local_person(self) -> str:
        rng = self.rng
        return f"{rng.choice(LOCAL_ROLES)} {rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"

    def state_name(self, code: str | None = None) -> str:
        code = code or self.rng.choice(self.cast_states + POPULAR_STATES)
        return self.kb.states[code].names[0]

    def state_adj(self, code: str | None = None) -> str:
        code = code or self.rng.choice(self.cast_states)
        return self.kb.states[code].adjective_stems[0]

    def org(self) -> tuple[str, str]:
        return self.rng.choice(self.pools.orgs)

    def place(self) -> str:
        if self.rng.random() < 0.5:
            return self.city[0]
        return self.rng.choice(self.pools.cities)[0]

    @staticmethod
    def _genitive(name: str) -> str:
        return name + ("'" if name[-1] in "sßxz" else "s")

    # -- dates -------------------------------------------------------------------------------

    def when(self) -> str:
        """A date phrase relative to the article's date, in one of many German forms."""
        rng, pub = self.rng, self.published
        past = pub - timedelta(days=rng.randrange(1, 60))
        form = rng.randrange(14)
        if form == 0:
            return f"am {WEEKDAYS[past.weekday()]}"
        if form == 1:
            return f"am {past.day}. {MONTHS[past.month - 1]}"
        if form == 2:
            return f"am {past.day}. {MONTHS[past.month - 1]} {past.year}"
        if form == 3:
            return f"am {past.day:02d}.{past.month:02d}.{past.year}"
        if form == 4:
            return f"im {MONTHS[past.month - 1]}"
        if form == 5:
            return f"im {MONTHS[past.month - 1]} {past.year}"
        if form == 6:
            return f"{rng.choice(['Anfang', 'Mitte', 'Ende'])} {MONTHS[past.month - 1]}"
        if form == 7:
            end = past + timedelta(days=rng.randrange(1, 3))
            if end.month == past.month:
                return f"vom {past.day}. bis {end.day}. {MONTHS[past.month - 1]}"
            return f"am {past.day}. {MONTHS[past.month - 1]}"
        if form == 8:
            return rng.choice(["gestern", "heute", "am Vortag", "in der vergangenen Woche"])
        if form == 9:
            return f"vor {rng.choice(['zwei', 'drei', 'fünf'])} Jahren"
        if form == 10:
            return f"im Jahr {pub.year - rng.randrange(0, 4)}"
        if form == 11:
            return f"Ende {pub.year - 1}"
        if form == 12:
            return "im kommenden Jahr"
        return f"am {past.day}. und {past.day + 1}. {MONTHS[past.month - 1]}" if past.day < 28 \
            else "in diesem Monat"

    # -- sentences per event type --------------------------------------------------------------

    def sentence(self, kind: str) -> str:
        rng = self.rng
        p1, p2 = self.person(), self.person()
        org, org_short = self.org()
        d, place = self.when(), self.place()
        s1, s2 = self.state_name(), self.state_name()
        topic = rng.choice(TOPICS)
        options: dict[str, list[Callable[[], str]]] = {
            "summit": [
                lambda: f"Beim {org_short}-Gipfel in {place} kamen {d} die Staats- und "
                f"Regierungschefs der Mitgliedstaaten zusammen.",
                lambda: f"{p1} und {p2} nahmen {d} am Gipfeltreffen der {org} in {place} teil.",
                lambda: f"{p1} blieb dem Gipfel in {place} fern, sagte ein Sprecher.",
                lambda: f"Die Jahrestagung der {org} fand {d} in {place} statt.",
            ],
            "meeting": [
                lambda: f"{p1} und {p2} trafen sich {d} in {place}.",
                lambda: f"{p1} führte {d} in {place} Gespräche mit {p2} über Fragen der {topic}.",
                lambda: f"{p1} telefonierte {d} mit {p2}.",
                lambda: f"{p1} empfing {p2} {d} in {place}.",
                lambda: f"Bei ihrem Treffen in {place} berieten {p1} und {p2} über die Lage "
                f"in {s1}.",
            ],
            "visit": [
                lambda: f"{p1} reiste {d} nach {s1}.",
                lambda: f"{p1} besuchte {d} {place}.",
                lambda: f"Bei seinem Besuch in {place} sprach {p1} {d} auch mit {p2}.",
                lambda: f"Es ist die erste Reise von {p1} nach {s2} seit Beginn der Amtszeit.",
            ],
            "accession": [
                lambda: f"{s1} ist {d} offiziell neues Mitglied der {org} geworden.",
                lambda: f"{s1} trat {d} der {org} bei.",
                lambda: f"Die {org} hat {s2} {d} als Mitglied aufgenommen.",
                lambda: f"Über den Beitritt von {s1} zur {org} wird seit Jahren verhandelt.",
            ],
            "agreement": [
                lambda: f"{p1} und {p2} unterzeichneten {d} in {place} ein Abkommen über {topic}.",
                lambda: f"{s1} und {s2} schlossen {d} einen Vertrag über die Zusammenarbeit.",
                lambda: f"Die Abschlusserklärung des Treffens in {place} wurde {d} verabschiedet.",
            ],
            "attack": [
                lambda: f"Die {self.state_adj()}e Armee griff {d} Ziele in {s2} an.",
                lambda: f"Bei einem Anschlag in {place} wurden {d} mehrere Menschen getötet.",
                lambda: f"Die Invasion in {s2} dauert seit mehr als zwei Jahren an.",
                lambda: f"{p1} verurteilte den Angriff auf {s1} scharf.",
            ],
            "inauguration": [
                lambda: f"{p1} wurde {d} in {place} vereidigt.",
                lambda: f"Die Amtseinführung von {p1} fand {d} in {place} statt.",
            ],
            "legal": [
                lambda: f"Der Internationale Strafgerichtshof erließ {d} einen Haftbefehl "
                f"gegen {p1}.",
                lambda: f"{self.local_person()} wurde {d} in {place} festgenommen.",
                lambda: f"Ein Gericht in {place} verurteilte {d} {self.local_person()}.",
            ],
            "founding": [
                lambda: f"Die {org} wurde {rng.randrange(1945, 2015)} in {place} gegründet.",
                lambda: f"Die Gründung der {org} geht auf eine Initiative von {s1} zurück.",
            ],
            "statement": [
                lambda: f"{p1} sagte {d}, {s1} stehe fest an der Seite von {s2}.",
                lambda: f"Ein Sprecher von {p1} bezeichnete die Gespräche als konstruktiv.",
                lambda: f"{self.local_person()} kritisierte die Haltung von {s1} in Fragen "
                f"der {topic}.",
                lambda: f"„Wir werden {s2} nicht allein lassen“, sagte {p1} {d}.",
            ],
            "membership": [
                lambda: f"{s1} ist seit {rng.randrange(1950, 2020)} Mitglied der {org}.",
                lambda: f"Zur {org} gehören auch {s1}, {s2} und {self.state_name()}.",
                lambda: f"{s1} hat Beobachterstatus bei der {org}.",
                lambda: f"{s2} ist kein Mitglied der {org}.",
            ],
            "filler": [lambda: rng.choice(FILLER).format(topic=topic)],
        }
        text = rng.choice(options[kind])()
        return text[0].upper() + text[1:]


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


def article_text(kb: KnowledgeBase, seed: int, index: int) -> str:
    """The text of article ``index`` of corpus ``seed``: a date header line, then 2-6 KB."""
    rng = random.Random(f"newsfacts-corpus:{seed}:{index}")
    a = _Article(kb, rng)
    main = rng.choice(KINDS)
    others = rng.sample(KINDS, 3) + ["membership", "statement", "filler", "filler", "filler"]
    target = rng.randrange(2000, 5600)  # bytes of body; header and closing line add ~250
    paragraphs: list[str] = []
    size = 0
    first = True
    while size < target:
        n = rng.randrange(2, 5)
        kinds = [main] * n if first else [rng.choice(others) for _ in range(n)]
        para = " ".join(a.sentence(k) for k in kinds)
        first = False
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
        p=a.cast[0][0], place=a.city[0], state=a.state_name(a.cast_states[0])
    )
    lead = a.sentence(main)
    return f"{header} {title}. {lead}".lstrip() + "\n\n" + "\n\n".join(paragraphs) + "\n"


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
