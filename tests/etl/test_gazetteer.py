"""Gazetteer: names, inflections, compounds, aliases, metonyms and the classic traps."""

from __future__ import annotations

import pytest

from etl import gazetteer
from etl.knowledge_base import load_knowledge_base


@pytest.fixture(scope="module")
def kb():
    return load_knowledge_base()


def hits(text, kb):
    return [(m.surface, m.kind, m.keys[0]) for m in gazetteer.match(text, kb)]


def keys(text, kb, kind="state"):
    return [m.keys[0] for m in gazetteer.match(text, kb) if m.kind == kind]


def test_inflection_forms():
    assert "russischen" in gazetteer.adjective_forms("russisch")
    assert "Russische" in gazetteer.adjective_forms("russisch")
    assert gazetteer.demonym_forms("Russe") == ["Russe", "Russen", "Russin", "Russinnen"]
    assert "Vereinigten Arabischen Emirate" in gazetteer.name_forms("Vereinigte Arabische Emirate")
    assert "Polens" in gazetteer.name_forms("Polen")
    assert gazetteer.name_forms("NATO") == ["NATO"]


def test_genitive_adjective_and_demonym(kb):
    text = "Polens Regierung, die spanische Ministerin und viele Franzosen sowie Brasiliens Gäste"
    assert keys(text, kb) == ["PL", "ES", "FR", "BR"]
    assert keys("Sie lobte die Vereinigten Arabischen Emirate.", kb) == ["AE"]


def test_hyphen_and_closed_compounds(kb):
    assert keys("Der Ukraine-Krieg und die Chinareise und die China-Reise", kb) == [
        "UA",
        "CN",
        "CN",
    ]
    assert keys(
        "Der Nato-Beitritt und die SOZ-Länder sowie der SCO-Gipfel", kb, "organization"
    ) == [
        "nato",
        "sco",
        "sco",
    ]


def test_aliases_and_old_names(kb):
    assert keys("Weißrussland und Holland und Burma und die Elfenbeinküste", kb) == [
        "BY",
        "NL",
        "MM",
        "CI",
    ]
    assert keys("Die Nato und die NATO und die OSZE", kb, "organization") == [
        "nato",
        "nato",
        "osce",
    ]


def test_metonyms_are_state_mentions(kb):
    found = [
        (m.keys[0], m.via) for m in gazetteer.match("Der Kreml und das Weiße Haus schweigen.", kb)
    ]
    assert ("RU", "metonym") in found
    assert keys("Nach Angaben des Weißen Hauses", kb) == ["US"]
    assert keys("Kremlangaben zufolge", kb) == ["RU"]


def test_congo_trap(kb):
    assert keys("Gespräche mit der Republik Kongo", kb) == ["CG"]
    assert keys("Gespräche mit der Demokratischen Republik Kongo", kb) == ["CD"]
    assert keys("Kongo-Brazzaville liegt am Fluss.", kb) == ["CG"]


def test_dagestan_is_a_region_of_russia_not_a_state(kb):
    found = gazetteer.match("Unruhen in der Republik Dagestan", kb)
    assert [(m.kind, m.keys[0]) for m in found] == [("place", "dagestan")]
    assert kb.places["dagestan"].state == "RU"


def test_word_boundaries(kb):
    assert keys("Tirana ist eine Hauptstadt.", kb) == []  # "Iran" inside "Tirana"
    assert keys("Die Irans und die iranische Führung", kb) == ["IR", "IR"]
    assert keys("Eine antirussische und prochinesische Haltung", kb) == ["RU", "CN"]
    assert keys("Die russisch-chinesische Messe", kb) == ["RU", "CN"]


def test_longest_match_wins(kb):
    assert hits("Die Deutsche Presse-Agentur meldet", kb) == [
        ("Deutsche Presse-Agentur", "organization", "dpa")
    ]
    assert keys(
        "Der Internationale Strafgerichtshof und des Internationalen Strafgerichtshofs",
        kb,
        "organization",
    ) == [
        "icc",
        "icc",
    ]
    assert keys("Südsudan und Sudan", kb) == ["SS", "SD"]


def test_case_sensitive(kb):
    assert keys("die eu-weite Regel", kb, "organization") == []


def test_bare_mit_is_not_the_turkish_intelligence_service(kb):
    """ "MIT" alone is as often the Massachusetts Institute of Technology: only the Turkish
    spelling "MİT" and the forms that say "Geheimdienst" name the service."""
    assert "mit-turkey" not in keys(
        "Forscher am MIT in Boston entwickelten das Verfahren.", kb, "organization"
    )
    assert "mit-turkey" not in keys(
        "Das MIT und die Universität Harvard klagen.", kb, "organization"
    )
    assert keys("Der türkische Geheimdienst MIT nahm ihn fest.", kb, "organization") == [
        "mit-turkey"
    ]
    assert keys("Nach Angaben des Geheimdienstes MIT und des MİT-Chefs", kb, "organization") == [
        "mit-turkey",
        "mit-turkey",
    ]


def test_compound_prefix_counts_only_before_a_hyphen(kb):
    assert ("Wagner", "organization", "wagner") in hits("Der Wagner-Chef sprach.", kb)
    assert not [h for h in hits("Richard Wagner komponierte.", kb) if h[1] == "organization"]


def test_new_blocs_and_their_abbreviations(kb):
    text = "Die Europäische Politische Gemeinschaft (EPG) und die Efta tagten."
    assert keys(text, kb, "organization") == ["epc", "epc", "efta"]


def org_keys(text, kb):
    return keys(text, kb, "organization")


def test_the_left_party_but_not_the_left_hand(kb):
    assert org_keys("Die Linke stimmte dagegen, der Vorstand der Linken tagte.", kb) == [
        "linke",
        "linke",
    ]
    assert org_keys("Er hob die linke Hand und warb für linke Politik.", kb) == []
    assert org_keys("Die Grünen und die grüne Wiese.", kb) == ["greens-de"]


def test_islamic_state_abbreviation_and_its_khorasan_branch(kb):
    assert org_keys("IS-Kämpfer griffen das Dorf an.", kb) == ["isis"]
    assert org_keys("Ein ISIS-Kommandeur wurde getötet.", kb) == ["isis"]
    assert org_keys("Der IS-Khorasan bekannte sich, nicht der IS selbst.", kb) == [
        "isis-k",
        "isis",
    ]
    assert org_keys("Das Bild ist schön, sagt die Göttin Isis.", kb) == []


def test_parliaments_are_organizations_but_not_heads_of_closed_compounds(kb):
    assert org_keys("Nach der Bundestagswahl und dem Bundesratsbeschluss.", kb) == []
    assert org_keys("Der Bundestag stimmte zu, der Bundesrat auch.", kb) == [
        "bundestag",
        "bundesrat",
    ]
    assert org_keys("Die Bundestags-Vizepräsidentin sprach.", kb) == ["bundestag"]
    assert org_keys("Das US-Repräsentantenhaus und der US-Senat stimmten ab.", kb) == [
        "us-house",
        "us-senate",
    ]
    # seats of government stay metonyms of their state
    assert keys("Der Kreml und das Weiße Haus schwiegen.", kb) == ["RU", "US"]


def test_russian_security_council_is_not_the_un_one(kb):
    text = "Der russische Sicherheitsrat tagte, danach der Sicherheitsrat in New York."
    assert org_keys(text, kb) == ["russian-security-council", "unsc"]


def test_ambiguous_party_and_company_names_need_context(kb):
    assert org_keys("Eine Renaissance der Atomkraft.", kb) == []
    assert org_keys("Macrons Partei Renaissance verlor.", kb) == ["renaissance-fr"]
    assert org_keys("Alle Demokraten müssen zusammenstehen.", kb) == []
    assert org_keys("Die Republikaner und die US-Demokraten stritten.", kb) == ["gop", "dems-us"]
    assert org_keys("Auf der Meta-Ebene gesehen.", kb) == []
    assert org_keys("Der Konzern Meta und Meta-Chef Zuckerberg.", kb) == [
        "meta-platforms",
        "meta-platforms",
    ]
    assert org_keys("Er schrieb auf der Plattform X, Version X sei besser.", kb) == ["x-twitter"]


def test_swr_is_the_broadcaster_unless_the_text_says_intelligence_service(kb):
    assert org_keys("Der SWR berichtete.", kb) == ["swr"]
    assert org_keys("Der russische Auslandsgeheimdienst SWR warnte.", kb) == ["svr"]


def test_militaries_units_and_services(kb):
    text = "Die Volksbefreiungsarmee, die Revolutionsgarden und die russische Pazifikflotte."
    assert org_keys(text, kb) == ["pla", "irgc", "pacific-fleet"]
    # the state adjective before a unit stays a state mention
    assert "RU" in keys(text, kb)
    # generic armies with a state adjective are the state, not an organization
    assert org_keys("Die israelische Armee rückte vor.", kb) == []
    assert org_keys("Ein Sprecher der IDF und der Asow-Brigade.", kb) == ["idf", "azov"]


def test_island_in_an_english_place_name_is_no_state(kb):
    # longest match: a listed place whose name ends in a state's name wins over the state
    text = "Sie wohnt auf Long Island, er auf Staten Island; Island liegt im Nordatlantik."
    assert hits(text, kb) == [
        ("Long Island", "place", "long-island"),
        ("Staten Island", "place", "staten-island"),
        ("Island", "state", "IS"),
    ]
    assert kb.places["long-island"].state == "US"


def test_a_function_word_glued_to_a_short_name_makes_a_word_of_its_own(kb):
    # "Roman" is a first name, not "Rom an"; an abbreviation may still carry a glued word
    assert hits("Der Zeitzeuge Roman Beispielski sprach.", kb) == []
    assert hits("Die EUund die Nato", kb) == [
        ("EU", "organization", "eu"),
        ("Nato", "organization", "nato"),
    ]
    assert keys("Er flog nach Kiewund Warschau.", kb, kind="place") == ["kiew", "warschau"]
    assert keys("Wladimir Putinund Olaf Scholz", kb, kind="person") == [
        "wladimir-putin",
        "olaf-scholz",
    ]
