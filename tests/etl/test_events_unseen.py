"""Event rules added for unseen text (issue 4), each pinned by a sentence written for the test.

Reuses the hand-built entities and stand-in knowledge base of tests/etl/test_events.py.
"""

from __future__ import annotations

from tests.etl.test_events import events, only, roles


def test_state_named_with_its_leader_is_one_side_not_one_more_counterpart() -> None:
    evs = events(
        "Biden telefonierte am Montag mit Frankreichs Präsident Macron, Bundeskanzler Olaf Scholz "
        "und Italiens Ministerpräsidentin Giorgia Meloni über die Lage.\n"
    )
    ev = only(evs, "meeting")
    r = roles(ev)
    assert {"joe-biden", "emmanuel-macron", "olaf-scholz", "giorgia-meloni"} <= set(r)


def test_copula_gathering_noun_makes_the_talks_before_a_summit() -> None:
    evs = events(
        "Lula hat Ramaphosa und Modi am Freitag in Brasília empfangen. "
        "Es war das erste Gipfeltreffen der drei Staaten.\n"
    )
    ev = only(evs, "summit")
    r = roles(ev)
    assert r["lula"] == "host"
    assert r["cyril-ramaphosa"] == "participant" and r["narendra-modi"] == "participant"
    assert not [e for e in evs if e.type in ("meeting", "visit")]


def test_destination_after_a_talks_noun_belongs_to_the_trip() -> None:
    evs = events("Scholz war am Montag zu Gesprächen nach Kairo gereist.\n")
    ev = only(evs, "visit")
    assert ev.state == "EG"
    assert roles(ev)["olaf-scholz"] == "participant"


def test_singular_verb_makes_sie_the_subject_and_the_name_its_object() -> None:
    evs = events(
        "Meloni reiste am Montag nach Kairo. "
        "Sie traf dort den israelischen Ministerpräsidenten Benjamin Netanjahu.\n"
    )
    ev = only(evs, ("visit", "meeting"))
    r = roles(ev)
    assert r["giorgia-meloni"] == "participant"
    assert r["benjamin-netanjahu"] == "participant"


def test_leader_the_text_says_was_not_met_is_no_host_by_office() -> None:
    evs = events(
        "Macron reiste am Dienstag nach Kairo. Er sprach dort mit Ministern, "
        "aber weder Abdel Fattah al-Sisi noch dessen Stellvertreter waren zugegen.\n"
    )
    ev = only(evs, "visit")
    assert ev.state == "EG"
    assert "abdel-fattah-al-sisi" not in roles(ev)


def test_conquest_verb_is_an_attack_with_perpetrator_and_target() -> None:
    evs = events("Russland eroberte am 5. Mai mehrere Dörfer in der Ukraine.\n")
    ev = only(evs, "attack")
    r = roles(ev)
    assert r["RU"] == "perpetrator" and r["UA"] == "target"


def test_offensive_noun_is_an_attack_on_its_target() -> None:
    evs = events("Am 3. März begann eine Offensive gegen die Ukraine.\n")
    ev = only(evs, "attack")
    assert roles(ev)["UA"] == "target"


def test_uprising_noun_is_an_attack_on_the_state() -> None:
    evs = events("Am 24. Juni begann in Russland eine Meuterei.\n")
    ev = only(evs, "attack")
    assert ev.state == "RU" and roles(ev)["RU"] == "target"


def test_uprising_in_a_reference_phrase_takes_no_perpetrator_from_the_clause() -> None:
    evs = events(
        "Putin, dessen Sturz gefordert worden war, zeigte sich während des Aufstands nicht.\n"
    )
    assert not [e for e in evs if e.type == "attack" and "wladimir-putin" in roles(e)]


def test_agreed_truce_is_an_agreement_of_both_sides() -> None:
    evs = events("Israel und Ägypten vereinbarten am Montag eine Waffenruhe.\n")
    ev = only(evs, "agreement")
    r = roles(ev)
    assert r["IL"] == "participant" and r["EG"] == "participant"


def test_truce_only_called_for_is_no_agreement() -> None:
    evs = events("Macron forderte am Montag eine Waffenruhe in der Ukraine.\n")
    assert not [e for e in evs if e.type == "agreement"]


def test_gathering_cancelled_in_the_passive_did_not_happen() -> None:
    evs = events(
        "Ein geplantes Treffen von Macron mit Scholz in Berlin wurde am Dienstag abgesagt.\n"
    )
    assert not [e for e in evs if e.type in ("meeting", "visit", "summit")]


def test_attendee_list_after_a_colon_belongs_to_the_gathering() -> None:
    evs = events(
        "Lula empfing am Montag in Brasília Gäste aus aller Welt. "
        "An dem Treffen nahmen am Dienstag teil: Ramaphosa, Modi, Xi und Putin.\n"
    )
    found = [e for e in evs if e.type in ("meeting", "visit", "summit")]
    assert found
    keys = {k for e in found for k in roles(e)}
    assert {"cyril-ramaphosa", "narendra-modi", "xi-jinping", "wladimir-putin"} <= keys


def test_state_before_a_verb_final_visit_participle_is_the_destination() -> None:
    evs = events("Macron hatte Ägypten bereits im Juni besucht.\n")
    ev = only(evs, "visit")
    r = roles(ev)
    assert ev.state == "EG"
    assert r["emmanuel-macron"] == "participant" and r["EG"] == "host"


def test_comma_before_und_inside_an_enumeration_does_not_cut_the_clause() -> None:
    evs = events(
        "An dem Treffen nahmen die Präsidenten Italiens, Giorgia Meloni, Frankreichs, "
        "Emmanuel Macron, und Brasiliens, Lula, teil.\n"
    )
    ev = only(evs, ("meeting", "summit"))
    assert {"giorgia-meloni", "emmanuel-macron", "lula"} <= set(roles(ev))


def test_ratifying_a_founding_statute_is_joining_the_organization() -> None:
    evs = events("Ägypten ratifizierte am Dienstag das Römische Statut des IStGH.\n")
    ev = only(evs, "accession")
    assert ev.organization == "icc"
    assert roles(ev) == {"icc": "host", "EG": "participant"}
    assert not [e for e in evs if e.type == "agreement"]
