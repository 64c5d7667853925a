"""Event and participation extraction on German sentences written for these tests.

Entities are hand-built (a surface -> entity table) and the knowledge base is a small stand-in,
so that these tests pin down the event rules alone, whatever entity extraction does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from types import SimpleNamespace
from typing import Any

import pytest

from etl.events import extract_events, load_lexicon
from etl.facts import EventFact, FuzzyDate, MembershipFact, Mention, PersonRef, Sentence
from etl.sentences import split_sentences

PERSONS = {
    "olaf-scholz": ("Olaf Scholz", "DE", "Bundeskanzler", "head_of_government"),
    "emmanuel-macron": ("Emmanuel Macron", "FR", "Präsident", "head_of_state"),
    "joe-biden": ("Joe Biden", "US", "Präsident", "head_of_state"),
    "giorgia-meloni": ("Giorgia Meloni", "IT", "Ministerpräsidentin", "head_of_government"),
    "lula": ("Luiz Inácio Lula da Silva", "BR", "Präsident", "head_of_state"),
    "cyril-ramaphosa": ("Cyril Ramaphosa", "ZA", "Präsident", "head_of_state"),
    "abdel-fattah-al-sisi": ("Abdel Fattah al-Sisi", "EG", "Präsident", "head_of_state"),
    "benjamin-netanjahu": ("Benjamin Netanjahu", "IL", "Ministerpräsident", "head_of_government"),
    "steffen-hebestreit": ("Steffen Hebestreit", "DE", "Regierungssprecher", "spokesperson"),
    "wladimir-putin": ("Wladimir Putin", "RU", "Präsident", "head_of_state"),
    "xi-jinping": ("Xi Jinping", "CN", "Staatspräsident", "head_of_state"),
    "narendra-modi": ("Narendra Modi", "IN", "Premierminister", "head_of_government"),
    "ismail-hanija": ("Ismail Hanija", "PS", "Hamas-Chef", "leader"),
    "viktor-orban": ("Viktor Orbán", "HU", "Ministerpräsident", "head_of_government"),
    "wolodymyr-selenskyj": ("Wolodymyr Selenskyj", "UA", "Präsident", "head_of_state"),
    "frank-walter-steinmeier": (
        "Frank-Walter Steinmeier", "DE", "Bundespräsident", "head_of_state"
    ),
}
PLACES = {
    "vilnius": ("Vilnius", "LT"),
    "rom": ("Rom", "IT"),
    "bruessel": ("Brüssel", "BE"),
    "kairo": ("Kairo", "EG"),
    "johannesburg": ("Johannesburg", "ZA"),
    "paris": ("Paris", "FR"),
    "berlin": ("Berlin", "DE"),
    "brasilia": ("Brasília", "BR"),
    "moskau": ("Moskau", "RU"),
    "kiew": ("Kiew", "UA"),
}
ORGS = {
    "nato": ("NATO", "military_alliance"),
    "eu": ("EU", "intergovernmental"),
    "brics": ("BRICS", "intergovernmental"),
    "g20": ("G20", "forum"),
    "icc": ("IStGH", "court"),
    "bundestag": ("Bundestag", "government"),
    "reuters": ("Reuters", "media"),
    "hamas": ("Hamas", "armed_group"),
}
STATE_NAMES = {
    "DE": "Deutschland",
    "FR": "Frankreich",
    "US": "USA",
    "IT": "Italien",
    "LT": "Litauen",
    "ZA": "Südafrika",
    "BR": "Brasilien",
    "SE": "Schweden",
    "FI": "Finnland",
    "EG": "Ägypten",
    "IL": "Israel",
    "TR": "Türkei",
    "UA": "Ukraine",
    "RU": "Russland",
    "CN": "China",
    "EE": "Estland",
    "LV": "Lettland",
    "NO": "Norwegen",
    "PL": "Polen",
    "IN": "Indien",
    "IR": "Iran",
    "AR": "Argentinien",
    "AE": "Emirate",
    "HU": "Ungarn",
}

# surface -> (kind, key, via); longer surfaces win
TABLE: dict[str, tuple[str, str, str]] = {}
for key, (name, *_rest) in PERSONS.items():
    TABLE[name] = ("person", key, "name")
    TABLE[name.split()[-1]] = ("person", key, "alias")
TABLE["Lula"] = ("person", "lula", "alias")
TABLE["Xi"] = ("person", "xi-jinping", "alias")
TABLE["Hebestreit"] = ("person", "steffen-hebestreit", "alias")
for key, (name, _state) in PLACES.items():
    TABLE[name] = ("place", key, "name")
for key, (name, _kind) in ORGS.items():
    TABLE[name] = ("organization", key, "name")
TABLE["Internationale Strafgerichtshof"] = ("organization", "icc", "name")
for code, name in STATE_NAMES.items():
    TABLE[name] = ("state", code, "name")
for adj, code in {
    "russische": "RU",
    "italienischen": "IT",
    "brasilianische": "BR",
    "französische": "FR",
    "deutsche": "DE",
    "ägyptischen": "EG",
    "israelischen": "IL",
}.items():
    TABLE[adj] = ("state", code, "adjective")


class StandInKB:
    """Just the knowledge-base surface that etl.events reads."""

    def __init__(self) -> None:
        self.persons = {
            k: SimpleNamespace(key=k, name=n, state=s, title=t)
            for k, (n, s, t, _r) in PERSONS.items()
        }
        self.places = {
            k: SimpleNamespace(key=k, name=n, state=s, aliases=()) for k, (n, s) in PLACES.items()
        }
        self.organizations = {
            k: SimpleNamespace(key=k, name=n, abbreviation=n, kind=kind)
            for k, (n, kind) in ORGS.items()
        }
        self.states = {c: SimpleNamespace(code=c, names=(n,)) for c, n in STATE_NAMES.items()}
        self.roles = (
            SimpleNamespace(
                noun="Kanzler", role="head_of_government", state=None, organization=None
            ),
            SimpleNamespace(noun="Kremlchef", role="head_of_state", state="RU", organization=None),
            SimpleNamespace(noun="Sprecher", role="spokesperson", state=None, organization=None),
        )

    def holder(
        self,
        role: str,
        state: str | None = None,
        organization: str | None = None,
        on: date | None = None,
    ) -> Any:
        for k, (_n, s, _t, r) in PERSONS.items():
            if r == role and s == state:
                return self.persons[k]
        return None


KB = StandInKB()


@dataclass
class Ents:
    sentences: list[Sentence]
    mentions: list[Mention]
    persons: dict[str, PersonRef]
    memberships: list[MembershipFact] = field(default_factory=list)


_PATTERN = re.compile(
    r"(?<![\w-])("
    + "|".join(re.escape(s) for s in sorted(TABLE, key=len, reverse=True))
    + r")(?=s?\b|'|-)"
)


def entities(body: str) -> Ents:
    sentences = split_sentences(body)
    mentions = []
    persons: dict[str, PersonRef] = {}
    for m in _PATTERN.finditer(body):
        kind, key, via = TABLE[m.group(1)]
        si = max(i for i, s in enumerate(sentences) if s.start <= m.start())
        end = m.end()
        if body[end : end + 1] == "s" and not body[end + 1 : end + 2].isalpha():
            end += 1  # genitive "Schwedens"
        mentions.append(Mention(si, m.start(), end, body[m.start() : end], kind, key, via))  # type: ignore[arg-type]
        if kind == "person":
            n, s, t, _r = PERSONS[key]
            persons[key] = PersonRef(key, n, s, t)
    return Ents(sentences, mentions, persons)


JULY_2023 = FuzzyDate(date(2023, 7, 1), "month")


def events(body: str, published: FuzzyDate | None = JULY_2023) -> list[EventFact]:
    return extract_events(body, entities(body), published, KB)


def roles(ev: EventFact) -> dict[str, str]:
    return {p.key: p.role for p in ev.participants}


def only(evs: list[EventFact], typ: str | tuple[str, ...]) -> EventFact:
    types = (typ,) if isinstance(typ, str) else typ
    found = [e for e in evs if e.type in types]
    assert len(found) == 1, evs
    return found[0]


# ------------------------------------------------------------------------------------- summit


def test_summit_with_organization_place_participants_and_location_host() -> None:
    evs = events(
        "Beim NATO-Gipfel in Vilnius berieten Biden und Scholz am Dienstag über die Ukraine.\n"
        "Auch Macron nahm an dem Gipfel teil.",
        FuzzyDate(date(2023, 7, 12), "day"),
    )
    ev = only(evs, "summit")
    assert (ev.organization, ev.place, ev.state) == ("nato", "vilnius", "LT")
    assert ev.start == FuzzyDate(date(2023, 7, 11), "day")
    assert roles(ev) == {
        "joe-biden": "participant",
        "olaf-scholz": "participant",
        "emmanuel-macron": "participant",
        "LT": "host",
    }
    assert len(ev.evidence) == 2


def test_absence_by_negation_is_never_participation() -> None:
    ev = only(
        events("Der brasilianische Präsident Lula nimmt nicht am G20-Gipfel in Berlin teil."),
        "summit",
    )
    assert roles(ev)["lula"] == "absent"
    ev = only(events("Russland war zu dem EU-Gipfel in Brüssel nicht eingeladen."), "summit")
    assert roles(ev)["RU"] == "absent"
    ev = only(
        events("Zum G20-Gipfel in Rom kam Biden. Frankreich blieb dem Gipfel fern."), "summit"
    )
    assert roles(ev)["FR"] == "absent" and roles(ev)["joe-biden"] == "participant"


def test_host_cue_makes_a_planned_summit_with_its_host() -> None:
    ev = only(
        events(
            "Wenn Südafrika im August in Johannesburg den BRICS-Gipfel ausrichtet,"
            " wird auch Lula erwartet."
        ),
        "summit",
    )
    assert ev.status == "planned"
    assert ev.start == FuzzyDate(date(2023, 8, 1), "month")
    assert (ev.organization, ev.place, ev.state) == ("brics", "johannesburg", "ZA")
    assert roles(ev)["ZA"] == "host"


def test_organized_by_names_the_host_not_the_venue() -> None:
    ev = only(
        events("Im vergangenen Jahr fand ein von Frankreich organisierter EU-Gipfel statt."),
        "summit",
    )
    assert roles(ev) == {"FR": "host"}
    assert ev.start == FuzzyDate(date(2022, 1, 1), "year")


# ------------------------------------------------------------------------------ meeting, visit


def test_talks_in_a_third_country_are_a_meeting_of_equals() -> None:
    ev = only(
        events("Macron und Scholz führten am Rande des EU-Gipfels in Brüssel Gespräche."),
        ("meeting", "visit"),
    )
    assert ev.type == "meeting"
    assert roles(ev) == {"emmanuel-macron": "participant", "olaf-scholz": "participant"}
    assert ev.state == "BE"


def test_talks_in_the_hosts_country_are_a_visit_hosted_by_the_locals() -> None:
    ev = only(
        events(
            "Scholz traf sich am Mittwoch in Rom mit der italienischen Ministerpräsidentin Meloni."
        ),
        ("meeting", "visit"),
    )
    assert ev.type == "visit" and ev.state == "IT"
    assert roles(ev) == {"olaf-scholz": "participant", "giorgia-meloni": "host", "IT": "host"}


def test_phone_call_is_a_meeting() -> None:
    ev = only(events("Biden telefonierte am Montag mit Macron."), "meeting")
    assert roles(ev) == {"joe-biden": "participant", "emmanuel-macron": "participant"}


def test_talks_with_many_countries_are_a_summary_not_one_event() -> None:
    body = (
        "In Berlin führte Scholz Gespräche mit den Regierungschefs aus Schweden, Finnland,"
        " Estland, Lettland und Polen."
    )
    assert [e for e in events(body) if e.type in ("meeting", "visit")] == []


def test_counted_plural_triggers_are_summaries() -> None:
    assert events("Macron hat in diesem Jahr sechs Auslandsreisen unternommen.") == []
    assert events("Biden hatte mehr als 20 Treffen mit Scholz.") == []


def test_explicitly_negated_meeting_is_no_event() -> None:
    assert events("Es gab kein Treffen zwischen Scholz und Macron.") == []


def test_trip_to_a_state_is_a_visit_hosted_by_it_and_its_leader() -> None:
    ev = only(events("Im Mai reiste Meloni nach Ägypten. Dort lobte sie al-Sisi."), "visit")
    assert ev.state == "EG" and ev.start == FuzzyDate(date(2023, 5, 1), "month")
    assert roles(ev)["giorgia-meloni"] == "participant"
    assert roles(ev)["EG"] == "host"


def test_visit_object_person_is_the_host() -> None:
    ev = only(events("Scholz besuchte im Juni Präsident al-Sisi in Kairo."), "visit")
    assert roles(ev) == {"olaf-scholz": "participant", "abdel-fattah-al-sisi": "host", "EG": "host"}
    assert ev.place == "kairo"


def test_one_visit_per_destination() -> None:
    evs = events("Biden reiste im Oktober nach Israel und Ägypten.")
    assert sorted(e.state for e in evs if e.type == "visit") == ["EG", "IL"]


def test_compound_trip_noun_names_destination_and_possessor_names_visitor() -> None:
    ev = only(events("Bidens Israel-Reise im Oktober wurde kritisiert."), "visit")
    assert ev.state == "IL"
    assert roles(ev)["joe-biden"] == "participant"


def test_intention_without_date_or_place_is_not_an_event() -> None:
    assert events("Macron lud Scholz zu einem Besuch in Frankreich ein.") == []


def test_announced_trip_with_a_date_is_planned() -> None:
    ev = only(events("Scholz will im Oktober nach Kairo reisen."), "visit")
    assert ev.status == "planned"
    assert ev.start == FuzzyDate(date(2023, 10, 1), "month")
    assert ev.state == "EG"


def test_spokesperson_is_a_source_not_a_participant() -> None:
    evs = events(
        "Scholz und Macron trafen sich am Montag in Paris.\n"
        "Regierungssprecher Hebestreit bezeichnete das Treffen als erfolgreich."
    )
    ev = only(evs, ("meeting", "visit"))
    assert "steffen-hebestreit" not in roles(ev)
    assert len(ev.evidence) == 2


def test_plural_pronoun_takes_the_people_of_the_sentence_before() -> None:
    evs = events("Biden empfing Macron im Weißen Haus. Sie trafen sich danach erneut in Paris.")
    # two meetings ("erneut"): the reception at the host's home, then the one in Paris
    ev = only([e for e in evs if e.state == "FR"], ("meeting", "visit"))
    assert {"joe-biden", "emmanuel-macron"} <= set(roles(ev))


# ------------------------------------------------------------------- accession, agreement


def test_accession_by_separable_verb() -> None:
    ev = only(
        events("Am Dienstag trat Finnland der NATO bei.", FuzzyDate(date(2023, 4, 5), "day")),
        "accession",
    )
    assert roles(ev) == {"FI": "participant", "nato": "host"}
    assert ev.organization == "nato"
    assert ev.start == FuzzyDate(date(2023, 4, 4), "day")


def test_accession_noun_takes_only_its_frame() -> None:
    ev = only(events("Scholz begrüßte den Beitritt Schwedens zur NATO."), "accession")
    assert roles(ev) == {"SE": "participant", "nato": "host"}


def test_decided_accession_is_not_dated_by_the_decision() -> None:
    ev = only(
        events("Die Aufnahme Schwedens in die NATO war im vergangenen Jahr beschlossen worden."),
        "accession",
    )
    assert ev.start is None


def test_accession_needs_an_organization() -> None:
    assert events("Die Aufnahme der Flüchtlinge aus Ägypten verlief ruhig.") == []


def test_signing_documents_of_an_accession_is_the_accession() -> None:
    evs = events(
        "Biden und Scholz unterzeichneten die Dokumente zur Aufnahme von Schweden in die NATO."
    )
    assert [e.type for e in evs] == ["accession"]


def test_signed_agreement_with_exact_date() -> None:
    ev = only(
        events(
            "Frankreich und Deutschland unterzeichneten am 22. Januar in Paris"
            " einen Freundschaftsvertrag.",
            FuzzyDate(date(2023, 1, 1), "month"),
        ),
        "agreement",
    )
    assert roles(ev) == {"FR": "participant", "DE": "participant"}
    assert ev.start == FuzzyDate(date(2023, 1, 22), "day")
    assert ev.place == "paris"


def test_saying_goodbye_is_no_agreement() -> None:
    assert [
        e
        for e in events("Macron verabschiedete sich am Abend von Scholz.")
        if e.type == "agreement"
    ] == []


# ------------------------------------------------------------------------------- attacks etc.


def test_attack_in_a_place_targets_its_state() -> None:
    ev = only(
        events("Bei einem Anschlag in Kairo wurden im Juni mindestens zwölf Menschen getötet."),
        "attack",
    )
    assert roles(ev) == {"EG": "target"}
    assert ev.start == FuzzyDate(date(2023, 6, 1), "month")


def test_adjective_names_the_perpetrator_and_the_preposition_the_target() -> None:
    ev = only(events("Die russische Invasion in die Ukraine hat die Lage verändert."), "attack")
    assert roles(ev) == {"RU": "perpetrator", "UA": "target"}


def test_undated_war_is_background_not_an_event() -> None:
    assert events("Der Krieg in der Ukraine belastet die Wirtschaft.") == []


def test_inauguration() -> None:
    ev = only(
        events(
            "Lula wurde am 1. Januar in Brasília vereidigt.", FuzzyDate(date(2023, 1, 2), "day")
        ),
        "inauguration",
    )
    assert roles(ev) == {"lula": "participant"}
    assert ev.start == FuzzyDate(date(2023, 1, 1), "day")


def test_warrant_names_court_and_target() -> None:
    ev = only(
        events(
            "Der Internationale Strafgerichtshof erließ im März einen Haftbefehl gegen Netanjahu."
        ),
        "legal",
    )
    assert roles(ev) == {"icc": "host", "benjamin-netanjahu": "target"}


def test_founding_members_from_the_von_phrase() -> None:
    ev = only(
        events("Die Gruppe wurde 2009 von Brasilien, Russland, Indien und China gegründet."),
        "founding",
    )
    assert set(roles(ev)) == {"BR", "RU", "IN", "CN"}
    assert ev.start == FuzzyDate(date(2009, 1, 1), "year")


def test_repeated_reports_in_one_article_are_one_event() -> None:
    evs = events(
        "Am Montag trafen sich Scholz und Macron in Brüssel.\n"
        "Bei dem Treffen ging es um Migration.\n"
        "Die Gespräche zwischen Scholz und Macron dauerten drei Stunden."
    )
    ev = only(evs, ("meeting", "visit"))
    assert len(ev.evidence) == 3


def test_evidence_spans_point_at_the_trigger() -> None:
    body = "Biden telefonierte am Montag mit Macron."
    ev = only(events(body), "meeting")
    assert [(e.surface, body[e.start : e.end]) for e in ev.evidence] == [
        ("telefonierte", "telefonierte")
    ]


@pytest.mark.parametrize(
    "body", ["", "Nichts geschah.", "Scholz. Macron. Biden.", "Gipfel Gipfel Gipfel"]
)
def test_no_event_without_trigger_and_participant(body: str) -> None:
    assert events(body) == []


def test_lexicon_loads_every_type_of_the_contract() -> None:
    lex = load_lexicon()
    # internal types ("coup", "decree") are exported as a type of the contract
    assert {spec.export_as or name for name, spec in lex.types.items()} <= {
        "summit",
        "meeting",
        "visit",
        "accession",
        "agreement",
        "attack",
        "inauguration",
        "legal",
        "founding",
        "statement",
        "other",
    }
    assert {"summit", "meeting", "visit", "accession", "agreement", "attack"} <= set(lex.types)


# ------------------------------------------------- gatherings: guests, hosts, next, references


def test_guests_and_attendance_without_a_noun_join_the_gathering_reported_before() -> None:
    evs = events(
        "In Rom hat der EU-Gipfel begonnen.\n"
        "Unter den Gästen waren Bundeskanzler Olaf Scholz und Präsident Emmanuel Macron.\n"
        "Als Beobachter nahm auch Joe Biden teil."
    )
    ev = only(evs, "summit")
    assert roles(ev)["olaf-scholz"] == "participant"
    assert roles(ev)["emmanuel-macron"] == "participant"
    assert roles(ev)["joe-biden"] == "participant"


def test_guests_without_a_gathering_make_no_event() -> None:
    assert events("Unter den Gästen waren Olaf Scholz und Emmanuel Macron.") == []


def test_host_receiving_the_leaders_hosts_the_gathering_on_that_day() -> None:
    evs = events(
        "In Rom hat der EU-Gipfel begonnen.\n"
        "Gastgeberin Giorgia Meloni empfing die Staats- und Regierungschefs "
        "am Montag, dem 10. Juli."
    )
    ev = only(evs, "summit")
    assert roles(ev)["giorgia-meloni"] == "host"
    assert roles(ev)["IT"] == "host"
    assert ev.start == FuzzyDate(date(2023, 7, 10), "day")


def test_the_next_summit_is_another_event() -> None:
    evs = events(
        "Der Gipfel in Vilnius endete am Mittwoch mit Biden und Scholz.\n"
        "Der nächste Gipfel soll im Juli 2024 in Paris stattfinden."
    )
    summits = sorted((e for e in evs if e.type == "summit"), key=lambda e: e.start.value)
    assert [s.state for s in summits] == ["LT", "FR"]
    assert summits[1].status == "planned"


def test_declined_attendance_is_absence_and_the_stand_in_attends() -> None:
    evs = events(
        "Beim G20-Gipfel in Johannesburg sprach Ramaphosa mit Lula.\n"
        "Präsident Macron hatte seine Teilnahme abgesagt, Frankreich wurde von Scholz vertreten."
    )
    ev = only(evs, "summit")
    assert roles(ev)["emmanuel-macron"] == "absent"
    assert roles(ev)["olaf-scholz"] == "participant"


def test_a_named_gathering_is_not_a_reference_to_an_unnamed_one() -> None:
    evs = events(
        "Zum Auftakt des Gipfels in Rom sprach Meloni mit Scholz.\n"
        "Wie schon beim BRICS-Gipfel in Johannesburg fehlte Lula."
    )
    assert {e.state for e in evs if e.type == "summit"} == {"IT", "ZA"}


def test_treaty_named_as_an_attribute_is_no_agreement() -> None:
    evs = events("Die USA sind Verwahrer des Nordatlantikvertrags, sagte Biden am 4. Juli.")
    assert [e for e in evs if e.type == "agreement"] == []


def test_the_one_received_is_no_host() -> None:
    ev = only(
        events("Präsident Lula hat Präsident Macron am Montag in Brasília empfangen."),
        ("meeting", "visit"),
    )
    assert roles(ev)["lula"] == "host"
    assert roles(ev)["emmanuel-macron"] == "participant"


# ------------------------------------------------------------------- round: accessions, attacks


def test_admission_as_member_of_an_organization() -> None:
    ev = only(
        events("Am Montag verkündete Lula die Aufnahme der EU als ständiges Mitglied der G20."),
        "accession",
    )
    assert ev.organization == "g20"
    assert roles(ev)["g20"] == "host"
    assert roles(ev)["eu"] == "participant"


def test_the_summit_of_an_admission_belongs_to_the_organization_joined() -> None:
    evs = events(
        "Zum Auftakt des Gipfels am Samstag verkündete Lula die Aufnahme der EU "
        "als Mitglied der G20."
    )
    assert only(evs, "summit").organization == "g20"


def test_the_one_represented_stays_away() -> None:
    evs = events("Scholz kam aus Brasilien zurück, wo er Macron beim G20-Gipfel vertreten hatte.")
    ev = only(evs, "summit")
    assert roles(ev)["emmanuel-macron"] == "absent"
    assert roles(ev)["olaf-scholz"] == "participant"


def test_intrusion_of_a_group_is_an_attack_by_it() -> None:
    body = "Am 3. Juli waren Kämpfer der NATO aus Polen nach Russland eingedrungen."
    ev = only(events(body), "attack")
    assert roles(ev) == {"nato": "perpetrator", "RU": "target"}
    assert ev.start == FuzzyDate(date(2023, 7, 3), "day")


def test_advancing_armed_forces_attack() -> None:
    ev = only(
        events("Seit zwei Wochen rückt die russische Armee am 5. Juli in Polen vor."), "attack"
    )
    assert roles(ev)["RU"] == "perpetrator"
    assert roles(ev)["PL"] == "target"


def test_same_day_takes_the_date_before() -> None:
    ev = only(
        events(
            "Scholz war im Juni in Paris – am selben Tag, an dem ein russischer Angriff "
            "die Ukraine traf."
        ),
        "attack",
    )
    assert ev.start == FuzzyDate(date(2023, 6, 1), "month")


def test_stand_line_dates_an_undated_article() -> None:
    ev = only(
        events("Stand: 23.08.2024 18:41 Uhr\n\nIm Juli griff Russland die Ukraine an.", None),
        "attack",
    )
    assert ev.start == FuzzyDate(date(2024, 7, 1), "month")


def test_declining_to_sign_is_no_agreement() -> None:
    evs = events(
        "Indien nahm im Juni am Gipfel der G20 in Rom teil, unterzeichnete die "
        "Abschlusserklärung aber nicht."
    )
    assert [e for e in evs if e.type == "agreement"] == []
    assert roles(only(evs, "summit"))["IN"] == "participant"


# ------------------------------------------------------------- hosts of planned events, courts


def test_planned_trip_makes_the_state_host_but_not_its_unnamed_leader() -> None:
    evs = events("Al-Sisi empfing Scholz im Mai. Meloni will im Oktober nach Kairo reisen.")
    ev = [e for e in evs if e.status == "planned"][0]
    assert ev.type == "visit" and ev.state == "EG"
    assert roles(ev) == {"giorgia-meloni": "participant", "EG": "host"}


def test_planned_summit_is_hosted_by_the_venue_state_not_its_leader() -> None:
    evs = events(
        "Lula sprach in Rom mit Meloni."
        " Der nächste Gipfel soll im Juli 2024 in Brasília stattfinden."
    )
    ev = [e for e in evs if e.type == "summit"][0]
    assert ev.status == "planned" and ev.state == "BR"
    assert roles(ev).get("BR") == "host"
    assert "lula" not in roles(ev)


def test_court_issuing_a_warrant_is_its_host_and_the_accused_the_target() -> None:
    ev = only(events("Gegen Netanjahu liegt seit März ein Haftbefehl des IStGH vor."), "legal")
    assert roles(ev) == {"icc": "host", "benjamin-netanjahu": "target"}


def test_attack_on_a_state_happens_in_that_state() -> None:
    ev = only(events("Im Mai begann der Angriff Ägyptens auf Italien."), "attack")
    assert roles(ev).get("IT") == "target"
    assert ev.state == "IT"


# ----------------------------------------------------------------- round 4: test-set causes


def test_call_after_a_summit_named_in_a_reference_phrase_is_its_own_meeting() -> None:
    evs = events(
        "Am Montag kamen die Staatschefs der G20 in Rom zu einem Gipfel zusammen. "
        "Nach dem Gipfel telefonierte Biden am Dienstag mit Macron."
    )
    ev = only(evs, "meeting")
    assert roles(ev) == {"joe-biden": "participant", "emmanuel-macron": "participant"}


def test_two_sides_that_spoke_about_something_held_talks() -> None:
    ev = only(
        events("Biden und Macron hatten am Montag in Rom über die Lage im Nahen Osten gesprochen."),
        "meeting",
    )
    assert {"joe-biden", "emmanuel-macron"} <= set(roles(ev))


def test_one_speaker_about_a_topic_is_no_meeting() -> None:
    assert not [e for e in events("Scholz sprach am Montag über die Lage.") if e.type == "meeting"]


def test_the_end_of_a_war_is_no_dated_attack() -> None:
    evs = events("Am Montag sprachen Macron und Biden in Rom über ein Ende des Krieges.")
    assert not [e for e in evs if e.type == "attack"]


def test_attributive_verdict_participle_is_no_verdict() -> None:
    evs = events("Deutschland schob am Montag einen zu lebenslanger Haft verurteilten Mörder ab.")
    assert not [e for e in evs if e.type == "legal"]


def test_an_invitation_into_a_state_is_a_planned_visit_hosted_by_who_invites() -> None:
    ev = only(events("Biden lud Macron für Montag nach Washington in die USA ein."), "visit")
    assert ev.status == "planned"
    assert roles(ev)["joe-biden"] == "host"
    assert roles(ev)["emmanuel-macron"] == "participant"


def test_inverted_host_verb_makes_the_second_name_the_received_guest() -> None:
    ev = only(
        events(
            "Am Sonntag empfängt Scholz Macron und weitere Regierungschefs "
            "in Berlin zu einem Gipfel."
        ),
        "summit",
    )
    assert roles(ev)["olaf-scholz"] == "host"
    assert roles(ev)["emmanuel-macron"] == "participant"


def test_a_weekday_with_a_present_verb_is_the_coming_day_and_planned() -> None:
    published = FuzzyDate(date(2023, 7, 1), "day")  # a Saturday
    ev = only(
        events("Am Sonntag empfängt Scholz Macron in Berlin zu einem Gipfel.", published), "summit"
    )
    assert ev.status == "planned"
    assert ev.start == FuzzyDate(date(2023, 7, 2), "day")


def test_a_weekday_with_a_past_auxiliary_stays_in_the_past() -> None:
    published = FuzzyDate(date(2023, 7, 1), "day")
    ev = only(
        events("Am Sonntag hat Scholz Macron in Berlin getroffen.", published), ("meeting", "visit")
    )
    assert ev.status == "occurred"
    assert ev.start is not None and ev.start.value < published.value


def test_only_an_absentee_of_an_unnamed_gathering_is_no_event() -> None:
    assert not events("Macron war zu dem Gipfel nicht eingeladen.")


def test_a_guest_of_a_foreign_leader_is_a_visit_hosted_by_him() -> None:
    ev = only(events("Macron war am Montag bei Biden zu Gast."), "visit")
    assert ev.state == "US"
    assert roles(ev)["joe-biden"] == "host"
    assert roles(ev)["emmanuel-macron"] == "participant"


def test_a_guest_at_home_is_no_visit() -> None:
    assert not [e for e in events("Scholz war am Montag in Berlin zu Gast.") if e.type == "visit"]


def test_both_sides_signing_are_the_two_states_of_the_visit() -> None:
    evs = events(
        "Präsident Macron reiste am Montag nach Ägypten. In Kairo empfing ihn al-Sisi.\n"
        "Beide Seiten unterzeichneten drei Abkommen über Energie und Handel.",
        FuzzyDate(date(2023, 7, 12), "day"),
    )
    ev = only(evs, "agreement")
    assert roles(ev) == {"FR": "participant", "EG": "participant"}
    assert ev.state == "EG"


def test_the_participants_agreeing_are_the_summits_organization() -> None:
    evs = events(
        "Beim G20-Gipfel in Johannesburg am Samstag sprach Lula über Hunger.\n"
        "Am Ende einigten sich die Teilnehmer auf eine gemeinsame Erklärung.",
        FuzzyDate(date(2023, 7, 12), "day"),
    )
    ev = only(evs, "agreement")
    assert roles(ev) == {"g20": "participant"}
    assert (ev.organization, ev.place) == ("g20", "johannesburg")


# ------------------------------------------------------------- recall on unseen articles (issue 4)

OCT_2023 = FuzzyDate(date(2023, 10, 1), "month")


def test_an_arrival_participle_is_a_visit_without_its_particle() -> None:
    ev = only(events("Scholz ist am Freitagmorgen in Kairo eingetroffen."), "visit")
    assert ev.state == "EG" and roles(ev)["olaf-scholz"] == "participant"


def test_an_earlier_trip_in_a_reference_phrase_is_a_visit_of_its_own() -> None:
    evs = [e for e in events("Nach seinem Besuch in Rom ist Scholz nach Kairo gereist.")
           if e.type == "visit"]  # fmt: skip
    assert sorted(e.state for e in evs if e.state) == ["EG", "IT"]
    assert all(roles(e)["olaf-scholz"] == "participant" for e in evs)


def test_their_declaration_belongs_to_the_plural_subject_not_to_the_people_before() -> None:
    evs = events(
        "Macron sprach mit Scholz in Paris.\nIn ihrer Erklärung fordern die Alliierten mehr."
    )
    assert not [e for e in evs if e.type == "agreement" and "emmanuel-macron" in roles(e)]


def test_the_states_declaring_at_a_summit_are_its_organization() -> None:
    evs = events(
        "Beim BRICS-Gipfel in Johannesburg sprach Lula über Handel.\n"
        "In einer Abschlusserklärung sprachen sich die Staaten für eigene Währungen aus."
    )
    ev = only(evs, "agreement")
    assert roles(ev) == {"brics": "participant"} and ev.state == "ZA"


def test_both_sides_are_the_sides_of_the_trip_told_most() -> None:
    evs = events(
        "Nach seinem Besuch in Kairo im Juni ist Macron nach Rom gereist.\n"
        "In Rom sprach er mit Meloni. Danach besuchte er das Kolosseum in Rom.\n"
        "Beide Seiten unterzeichneten ein Abkommen."
    )
    ev = only(evs, "agreement")
    assert roles(ev) == {"FR": "participant", "IT": "participant"}


def test_a_pronoun_subject_meets_the_named_object() -> None:
    evs = events("Beim EU-Gipfel in Brüssel sprach Macron.\nAm Rande traf er Biden.")
    ev = only(evs, "meeting")
    assert roles(ev) == {"emmanuel-macron": "participant", "joe-biden": "participant"}


def test_talks_on_the_margin_take_the_gathering_in_focus_and_attend_it() -> None:
    evs = events(
        "Der NATO-Gipfel in Vilnius begann am Dienstag, dem 11. Juli.\n"
        "Am Rande trafen Biden und Scholz zu einem Gespräch zusammen."
    )
    meeting, summit = only(evs, "meeting"), only(evs, "summit")
    assert meeting.state == "LT" and meeting.start == FuzzyDate(date(2023, 7, 11), "day")
    assert roles(summit)["joe-biden"] == roles(summit)["olaf-scholz"] == "participant"


def test_a_gathering_named_in_a_comparison_is_not_the_one_referred_to() -> None:
    evs = events(
        "Der G20-Gipfel in Rom begann am Samstag, dem 9. September.\n"
        "Putin ließ sich von Lula vertreten – wie schon beim BRICS-Gipfel in Johannesburg.\n"
        "Biden nutzte den Gipfel für Gespräche."
    )
    g20 = next(e for e in evs if e.type == "summit" and e.organization == "g20")
    brics = next(e for e in evs if e.type == "summit" and e.organization == "brics")
    assert roles(g20)["joe-biden"] == "participant" and roles(g20)["lula"] == "participant"
    assert "joe-biden" not in roles(brics)


def test_the_host_title_before_a_name_makes_the_host() -> None:
    ev = only(
        events("Zum Auftakt des G20-Gipfels in Rom sprach Gastgeberin Giorgia Meloni."), "summit"
    )
    assert roles(ev)["giorgia-meloni"] == "host"


def test_who_attends_in_a_relative_clause_after_a_preposition() -> None:
    ev = only(
        events(
            "Am Mittwoch tagte der EU-Gipfel in Brüssel, an dem Scholz gleichberechtigt teilnahm."
        ),
        "summit",
    )
    assert roles(ev)["olaf-scholz"] == "participant"


def test_becoming_members_is_a_planned_accession_to_the_group_named_before() -> None:
    ev = only(
        events(
            "Die BRICS-Gruppe wächst: Zum 1. Januar 2024 sollen Argentinien, der Iran und die"
            " Emirate Vollmitglieder werden.",
            FuzzyDate(date(2023, 8, 1), "month"),
        ),
        "accession",
    )
    assert ev.status == "planned" and ev.start == FuzzyDate(date(2024, 1, 1), "day")
    assert roles(ev) == {"brics": "host", "AR": "participant", "IR": "participant",
                         "AE": "participant"}  # fmt: skip


def test_members_as_subject_or_negated_membership_is_no_accession() -> None:
    assert not events("Bei der NATO wurden die Mitglieder am Montag informiert.")
    assert not events("Die Ukraine wird im Juli nicht Mitglied der NATO werden.")


def test_the_comma_after_a_subordinate_clause_starts_the_main_clause() -> None:
    ev = only(
        events(
            "Während Finnland am 4. April in die NATO aufgenommen wurde, musste Schweden warten."
        ),
        "accession",
    )
    assert roles(ev) == {"nato": "host", "FI": "participant"}


def test_an_als_clause_after_a_since_date_happened_then() -> None:
    evs = events(
        "Scholz traf Macron zum ersten Mal seit April 2019, als sich beide in Paris begegnet"
        " waren."
    )
    assert [e.start for e in evs] == [FuzzyDate(date(2019, 4, 1), "month")]


def test_a_since_phrase_in_the_next_clause_does_not_date_the_talks() -> None:
    evs = events(
        "Am Rande des EU-Gipfels in Brüssel sprachen Macron und Scholz miteinander – das erste"
        " Gespräch seit dem Streit 2020."
    )
    ev = only(evs, "meeting")
    assert ev.start is None or ev.start.value.year != 2020


def test_who_receives_a_guest_without_a_place_does_so_at_home() -> None:
    ev = only(events("Biden hat Macron am Montag empfangen."), ("meeting", "visit"))
    assert ev.state == "US" and roles(ev)["emmanuel-macron"] == "participant"


def test_a_definite_leader_title_is_the_person_who_holds_it() -> None:
    evs = events(
        "Bundeskanzler Olaf Scholz reiste nach Paris.\n"
        "Dort empfing Präsident Macron den Kanzler am Montag."
    )
    ev = only(evs, "visit")
    assert roles(ev)["olaf-scholz"] == "participant" and roles(ev)["emmanuel-macron"] == "host"
    evs = events("Putin reiste am Montag nach Kairo. Dort traf al-Sisi den Kremlchef.")
    assert roles(only(evs, "visit"))["wladimir-putin"] == "participant"


def test_a_spokesperson_title_is_never_resolved_to_a_participant() -> None:
    evs = events("Hebestreit sprach in Berlin. Macron traf den Sprecher nicht.")
    assert not [e for e in evs if "steffen-hebestreit" in roles(e)]


def test_who_invites_hosts_and_the_invited_pronoun_is_someone_named_before() -> None:
    evs = events(
        "Biden telefonierte am Dienstag mit Scholz. Danach lud er ihn für Freitag nach Rom ein.",
        FuzzyDate(date(2023, 7, 12), "day"),
    )
    ev = only(evs, "visit")
    assert ev.status == "planned" and ev.state == "IT"
    assert roles(ev)["joe-biden"] == "host" and roles(ev)["olaf-scholz"] == "participant"


def test_a_reception_right_after_a_summit_abroad_is_not_at_home() -> None:
    evs = events(
        "Der BRICS-Gipfel in Johannesburg begann am Dienstag.\nDort empfing Lula Biden."
    )
    assert all(e.state != "BR" for e in evs)


def test_a_determiner_opens_a_new_phrase_not_an_enumeration() -> None:
    ev = only(
        events("Scholz hat am Montag in Berlin den französischen Präsidenten Macron empfangen."),
        ("meeting", "visit"),
    )
    assert roles(ev)["emmanuel-macron"] == "participant" and roles(ev)["olaf-scholz"] == "host"


def test_weekdays_count_from_the_texts_explicit_day_under_a_month_header() -> None:
    evs = events(
        "Scholz ist am Dienstag, dem 17. Oktober, in Israel eingetroffen.\n"
        "Macron besuchte Ägypten am vergangenen Freitag.\n"
        "Biden will am Mittwoch nach Italien reisen.",
        OCT_2023,
    )
    by_state = {e.state: e for e in evs if e.type == "visit"}
    assert by_state["IL"].start == FuzzyDate(date(2023, 10, 17), "day")
    assert by_state["EG"].start == FuzzyDate(date(2023, 10, 13), "day")
    assert by_state["IT"].start == FuzzyDate(date(2023, 10, 18), "day")


def test_an_attendee_list_without_a_verb_joins_the_event_just_reported() -> None:
    for line in (
        "Anwesend waren auch Meloni und Lula.",
        "Ebenfalls vor Ort waren Meloni und Lula.",
        "Mit am Tisch saßen Meloni und Lula.",
        "Zu den Gästen zählten Meloni und Lula.",
    ):
        evs = events("Biden traf Scholz am Montag in Paris zu Gesprächen.\n" + line)
        ev = only(evs, ("meeting", "visit"))
        assert roles(ev)["giorgia-meloni"] == roles(ev)["lula"] == "participant", line


def test_a_negation_before_und_does_not_make_an_attendee_absent() -> None:
    evs = events(
        "Der NATO-Gipfel in Vilnius begann am Dienstag.\n"
        "Schweden ist kein Mitglied und sitzt doch mit am Tisch."
    )
    assert roles(only(evs, "summit"))["SE"] == "participant"


def test_passive_killings_name_the_agent_as_perpetrator() -> None:
    ev = only(events("Am Montag wurde ein Reporter in Kairo durch russische Soldaten erschossen."),
              "attack")  # fmt: skip
    assert roles(ev)["RU"] == "perpetrator"
    ev = only(events("Zwei Menschen wurden am Montag durch Drohnen aus Russland in Kairo getötet."),
              "attack")  # fmt: skip
    assert ev.state == "EG" and roles(ev).get("EG") == "target"
    ev = only(events("Am Montag wurde Kairo von Frankreich bombardiert."), "attack")
    assert roles(ev) == {"FR": "perpetrator", "EG": "target"}


def test_a_prisoner_exchange_is_another_event_with_both_sides() -> None:
    ev = only(
        events("Am Donnerstag fand in Kairo ein Gefangenenaustausch zwischen Russland und den USA"
               " statt."),  # fmt: skip
        "other",
    )
    assert roles(ev) == {"RU": "participant", "US": "participant"}
    assert not events("Deutschland steht im engen Austausch mit Frankreich und Italien.")


def test_a_gapped_trip_clause_is_a_second_trip_on_its_own_date() -> None:
    evs = events(
        "Macron reist am Montag nach Italien, Scholz am Donnerstag.",
        FuzzyDate(date(2023, 7, 12), "day"),
    )
    trips = {next(iter(k for k in roles(e) if "-" in k)): e for e in evs if e.type == "visit"}
    assert trips["emmanuel-macron"].start == FuzzyDate(date(2023, 7, 17), "day")
    assert trips["olaf-scholz"].start == FuzzyDate(date(2023, 7, 13), "day")
    assert roles(trips["olaf-scholz"])["olaf-scholz"] == "participant"


def test_a_forces_owner_named_in_a_compound_is_the_perpetrator() -> None:
    ev = only(events("Im Jahr 1999 wurde Kairo durch NATO-Kampfjets bombardiert."), "attack")
    assert roles(ev) == {"nato": "perpetrator", "EG": "target"}


def test_prisoners_traded_by_two_states_is_an_exchange() -> None:
    ev = only(
        events("Am Freitag tauschten Russland und die USA in Kairo Gefangene aus."), "other"
    )
    assert roles(ev) == {"RU": "participant", "US": "participant"}


def test_returning_to_a_foreign_state_is_a_visit_and_home_is_none() -> None:
    ev = only(events("Biden kehrte am Montag nach Israel zurück."), "visit")
    assert ev.state == "IL" and roles(ev)["joe-biden"] == "participant"
    assert not events("Scholz kehrte am Montag nach Deutschland zurück.")


def test_a_trip_to_the_country_goes_to_the_state_named_before() -> None:
    evs = events("Israel steht unter Beschuss.\nMacron besuchte das Land am Freitag.")
    ev = only(evs, "visit")
    assert ev.state == "IL" and roles(ev)["emmanuel-macron"] == "participant"


def test_an_organization_subject_needs_no_pronoun() -> None:
    evs = events(
        "Biden sprach mit Scholz in Berlin.\n"
        "Die Staaten der NATO unterzeichneten eine Erklärung, mit der sie der Ukraine helfen."
    )
    ev = only(evs, "agreement")
    assert "joe-biden" not in roles(ev) and roles(ev)["nato"] == "participant"


def test_a_summit_that_could_take_place_is_only_a_proposal() -> None:
    # "schlug vor, ...": a particle before the comma, not a preposition of the noun; without a
    # date the proposal is no event, and never one that occurred
    assert not events("Macron schlug vor, ein Gipfeltreffen könne in Italien stattfinden.")
    ev = only(events("Macron schlug vor, ein Gipfeltreffen könne im Mai in Italien stattfinden."),
              "summit")  # fmt: skip
    assert ev.status == "planned"


def test_an_als_apposition_is_no_clause_and_no_second_person() -> None:
    body = "Biden ist am Montag, dem 20. Januar, als 46. Präsident vereidigt worden."
    ents = entities(body)
    at = body.index("Präsident")  # a title that entity extraction read as someone else
    ents.mentions.append(Mention(0, at, at + 9, "Präsident", "person", "emmanuel-macron", "role"))
    ents.mentions.sort(key=lambda m: (m.start, -m.end))
    ev = only(extract_events(body, ents, JULY_2023, KB), "inauguration")
    assert roles(ev) == {"joe-biden": "participant"}


def test_more_attendee_words_join_the_gathering_reported_before() -> None:
    for line, role in (
        ("Mit dabei waren Meloni und Lula.", "participant"),
        ("Zu dem Gipfel waren auch Meloni und Lula angereist.", "participant"),
        ("Erwartet werden auch Meloni und Lula.", "participant"),
        ("Meloni und Lula nehmen ebenfalls daran teil.", "participant"),
        ("Meloni und Lula waren nicht angereist.", "absent"),
    ):
        evs = events("Der EU-Gipfel in Brüssel beginnt am Montag.\n" + line)
        ev = only(evs, "summit")
        assert roles(ev)["giorgia-meloni"] == roles(ev)["lula"] == role, line
