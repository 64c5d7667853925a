"""The entry point: every occurrence with provenance, persons for every person key."""

from __future__ import annotations

from datetime import date

import pytest

from etl.entities import EntityResult, extract_entities
from etl.facts import FuzzyDate
from etl.knowledge_base import load_knowledge_base

JULY_2024 = FuzzyDate(date(2024, 7, 1), "month")

BODY = (
    "Treffen in Wien\n\n"
    "Der österreichische Kanzler Hannes Probst empfing am Dienstag Gäste aus Polen "
    "und der Republik Kongo. "
    "Probst sagte, Österreich sei bereit. Nach Angaben aus Warschau war auch die Nato vertreten.\n"
    "Die von Paris und Rom geführte Gruppe reiste später nach Kasan und in die Republik Dagestan."
)


@pytest.fixture(scope="module")
def res() -> EntityResult:
    return extract_entities(BODY, JULY_2024, load_knowledge_base())


def test_offsets_and_sentences(res):
    assert [s.index for s in res.sentences] == list(range(len(res.sentences)))
    for m in res.mentions:
        assert BODY[m.start : m.end] == m.surface
        s = res.sentences[m.sentence_index]
        assert s.start <= m.start and m.end <= s.end


def test_every_occurrence_is_kept(res):
    at = [m for m in res.mentions if m.kind == "state" and m.key == "AT"]
    assert [m.via for m in at] == ["adjective", "name"]
    probst = [m.via for m in res.mentions if m.kind == "person" and m.key == "hannes-probst"]
    assert probst == ["discovered", "coref"]


def test_persons_cover_every_person_key(res):
    assert {m.key for m in res.mentions if m.kind == "person"} <= set(res.persons)
    assert res.persons["hannes-probst"].state == "AT"


def test_states_traps_and_capitals(res):
    states = {m.key for m in res.mentions if m.kind == "state"}
    assert {"AT", "PL", "CG", "FR", "IT"} <= states
    assert "CD" not in states
    # Warschau after "aus", Kasan and Dagestan are places, not state mentions; Paris and Rom
    # lead a group, so they stand for their governments
    assert "RU" not in states
    via = {(m.key, m.via) for m in res.mentions if m.kind == "state"}
    assert ("FR", "metonym") in via and ("PL", "metonym") not in via
    places = {m.key for m in res.mentions if m.kind == "place"}
    assert {"wien", "warschau", "kasan", "dagestan", "paris", "rom"} <= places


def test_organizations(res):
    assert [m.key for m in res.mentions if m.kind == "organization"] == ["nato"]


def test_no_date_uses_current_holders():
    res = extract_entities("Ein Satz ohne Personen.", None, load_knowledge_base())
    assert res.persons == {} and res.memberships == []


def test_seat_of_an_institution_stands_for_the_state():
    from etl.entities import extract_entities
    from etl.knowledge_base import load_knowledge_base

    kb = load_knowledge_base()
    res = extract_entities(
        "Das Parlament in Budapest zögert. Die Regierungen in Seoul und Tokio sind besorgt. "
        "Scholz landete in Rom.",
        None,
        kb,
    )
    states = {m.key for m in res.mentions if m.kind == "state"}
    assert states == {"HU", "KR", "JP"}


def test_foreign_party_is_an_organization():
    from etl.entities import extract_entities
    from etl.knowledge_base import load_knowledge_base

    kb = load_knowledge_base()
    res = extract_entities(
        "Stärkste Kraft wurde die Nationale Sammlungspartei vor den Schwedendemokraten; "
        "die Freie Demokratische Partei verlor.",
        None,
        kb,
    )
    orgs = {m.key for m in res.mentions if m.kind == "organization"}
    assert orgs == {"kokoomus", "sweden-democrats", "fdp"}


def test_a_capital_named_by_its_states_adjective_is_a_place() -> None:
    body = "Die Gespräche fanden in der saudischen Hauptstadt statt, nicht in einer Hauptstadt.\n"
    res = extract_entities(body, JULY_2024, load_knowledge_base())
    places = [m for m in res.mentions if m.kind == "place"]
    assert [(m.key, m.surface, m.via) for m in places] == [("riad", "Hauptstadt", "capital")]
    assert {m.key for m in res.mentions if m.kind == "state"} == {"SA"}


def test_a_capital_in_a_hyphen_compound_is_where_not_who() -> None:
    body = "Astana-Gipfel: Russland fordert mehr Sicherheit. Astana lehnte das ab.\n"
    res = extract_entities(body, JULY_2024, load_knowledge_base())
    kz = [m for m in res.mentions if m.kind == "state" and m.key == "KZ"]
    assert [m.start for m in kz] == [body.index("Astana lehnte")]  # the government, once
    assert any(m.kind == "place" and m.key == "astana" and m.start == 0 for m in res.mentions)


def test_an_unknown_name_after_an_age_is_a_person() -> None:
    body = "Zum Kabinett gehört auch der 26-jährige Hannes Beispielmann. Der 84-Jährige sprach.\n"
    res = extract_entities(body, JULY_2024, load_knowledge_base())
    assert [(m.surface, m.via) for m in res.mentions if m.kind == "person"] == [
        ("Hannes Beispielmann", "discovered")
    ]


def test_a_name_after_a_spokesman_of_an_office_for_something_is_a_person() -> None:
    body = (
        "Der Sprecher des Pekinger Büros für Taiwan-Angelegenheiten, Hannes Beispielmann, sprach.\n"
    )
    res = extract_entities(body, JULY_2024, load_knowledge_base())
    assert ("Hannes Beispielmann", "discovered") in [
        (m.surface, m.via) for m in res.mentions if m.kind == "person"
    ]


def test_an_unknown_name_followed_by_its_party_is_a_person() -> None:
    body = "Hannes Beispielmann von der SPD kam auf 26 Prozent.\n"
    res = extract_entities(body, JULY_2024, load_knowledge_base())
    assert ("Hannes Beispielmann", "discovered") in [
        (m.surface, m.via) for m in res.mentions if m.kind == "person"
    ]
