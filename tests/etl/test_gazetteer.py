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
