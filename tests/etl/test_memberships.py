"""Membership facts from German sentences, negation and plans respected."""

from __future__ import annotations

from datetime import date

import pytest

from etl.entities import extract_entities
from etl.facts import FuzzyDate
from etl.knowledge_base import load_knowledge_base

JUNE_2025 = FuzzyDate(date(2025, 6, 1), "month")


@pytest.fixture(scope="module")
def kb():
    return load_knowledge_base()


def facts(text, kb, published=JUNE_2025):
    return {
        (f.state, f.organization, f.kind) for f in extract_entities(text, published, kb).memberships
    }


def test_gehoeren_enumeration_through_group_nouns(kb):
    text = (
        "Zur Afrikanischen Union gehören auch Ghana, Kenia und die westafrikanischen "
        "Staaten Togo sowie Benin."
    )
    assert facts(text, kb) == {(c, "au", "member") for c in ("GH", "KE", "TG", "BJ")}


def test_subject_before_gehoeren(kb):
    assert facts("Norwegen und Island gehören der Nato an.", kb) == {
        ("NO", "nato", "member"),
        ("IS", "nato", "member"),
    }


def test_negation_asserts_nothing(kb):
    assert facts("Die Schweiz ist bis heute nicht EU-Mitglied.", kb) == set()
    assert facts("Serbien ist kein Mitglied der Nato.", kb) == set()
    assert facts("Zur Nato gehören weder Österreich noch Irland.", kb) == set()


def test_predicative_new_member_gets_article_date(kb):
    res = extract_entities(
        "Das Land Schweden ist seit kurzem neues Mitglied der Nato.", JUNE_2025, kb
    )
    assert [(f.state, f.organization, f.kind, f.since) for f in res.memberships] == [
        ("SE", "nato", "member", JUNE_2025)
    ]
    ev = res.memberships[0].evidence
    assert "Schweden" in ev.surface and ev.sentence_index == 0


def test_predicative_with_year(kb):
    res = extract_entities("Polen ist seit 2004 Mitglied der Europäischen Union.", JUNE_2025, kb)
    f = res.memberships[0]
    assert (f.state, f.organization, f.since.iso()) == ("PL", "eu", "2004")


def test_attributive_compounds(kb):
    assert facts("Das Nato-Mitglied Griechenland protestierte.", kb) == {("GR", "nato", "member")}
    assert facts("Die EU-Staaten Italien und Spanien stimmten zu.", kb) == {
        ("IT", "eu", "member"),
        ("ES", "eu", "member"),
    }
    assert facts("Das frühere EU-Mitglied Großbritannien", kb) == {("GB", "eu", "former_member")}


def test_examples_take_the_salient_organization(kb):
    text = (
        "Die Asean tagte in Laos. Hinzu kommen Beobachter, darunter Osttimor und Papua-Neuguinea."
    )
    assert facts(text, kb) == {("TL", "asean", "observer"), ("PG", "asean", "observer")}


def test_dialogue_partner_behind_an_attributive_membership(kb):
    text = (
        "Die SOZ wächst. Dazu kommen Dialogpartner wie das Nato-Mitglied Griechenland und andere."
    )
    assert facts(text, kb) == {("GR", "sco", "dialogue_partner"), ("GR", "nato", "member")}


def test_planned_accession_is_not_a_membership(kb):
    assert facts("Der geplante Nato-Beitritt der Ukraine wurde besprochen.", kb) == set()
    assert facts("Die Aufnahme von Bosnien in die EU soll bald beschlossen werden.", kb) == set()


def test_completed_accession(kb):
    text = (
        "Die Staatschefs unterzeichneten beim Nato-Gipfel die Dokumente zur Aufnahme von Finnland."
    )
    assert facts(text, kb) == {("FI", "nato", "member")}


def test_composition_and_enlargement(kb):
    text = (
        "Die Brics, ein Club aus Brasilien, Russland und Indien, hat sich um Ägypten "
        "und Äthiopien erweitert."
    )
    assert facts(text, kb) == {(c, "brics", "member") for c in ("BR", "RU", "IN", "EG", "ET")}


def test_chair_implies_membership(kb):
    text = (
        "Die polnische Regierungschefin Anna Probe, deren Land derzeit die "
        "EU-Ratspräsidentschaft innehat, reiste ab."
    )
    assert ("PL", "eu", "member") in facts(text, kb)
    assert facts("Dänemark, das in diesem Jahr den Nato-Vorsitz hat, lud ein.", kb) == {
        ("DK", "nato", "member")
    }


def test_media_and_companies_have_no_members(kb):
    assert facts("Zur dpa gehören auch Büros in Kenia.", kb) == set()


def test_ordinal_does_not_split_the_sentence(kb):
    res = extract_entities("Dänemark ist seit Montag das 33. Mitglied der Nato.", JUNE_2025, kb)
    assert len(res.sentences) == 1
    assert {(f.state, f.organization, f.kind) for f in res.memberships} == {
        ("DK", "nato", "member")
    }


def test_group_noun_refers_back_to_the_organization(kb):
    text = (
        "Die G20 trafen sich in Rom. Bisher war Mexiko das einzige lateinamerikanische "
        "Mitglied der Gruppe. Zum Militärbündnis Nato kam Estland. Dem Bündnis gehören "
        "auch Lettland und Litauen an."
    )
    assert facts(text, kb) >= {
        ("MX", "g20", "member"),
        ("LV", "nato", "member"),
        ("LT", "nato", "member"),
    }
    text = "Frankreich sitzt im UN-Sicherheitsrat. Frankreich ist ständiges Mitglied des Gremiums."
    assert facts(text, kb) == {("FR", "unsc", "member")}


def test_gehoeren_with_group_noun_object(kb):
    text = (
        "Beim Brics-Gipfel ging es um Handel. Derzeit gehören der Gruppe Brasilien und Indien an."
    )
    assert facts(text, kb) == {("BR", "brics", "member"), ("IN", "brics", "member")}


def test_als_member_candidate(kb):
    text = (
        "Die Nato tagte in Madrid. "
        "Montenegro wurde 2017 als 29. Mitglied in das Bündnis aufgenommen."
    )
    assert facts(text, kb) == {("ME", "nato", "member")}
    text = (
        "Der EU-Gipfel begann. "
        "Albanien ist noch kein Vollmitglied und nimmt als Beitrittskandidat teil."
    )
    assert facts(text, kb) == {("AL", "eu", "candidate")}
    assert facts("Die Nato will Georgien als Mitglied aufnehmen.", kb) == set()
    assert facts("Die Türkei hat Schweden als Mitglied der Nato lange blockiert.", kb) == set()
    assert facts("Österreich ist nicht als Mitglied der Nato vorgesehen.", kb) == set()


def test_state_party_of_the_rome_statute(kb):
    assert facts("Südafrika ist Vertragsstaat des Römischen Statuts.", kb) == {
        ("ZA", "icc", "member")
    }
    assert facts("Die USA sind kein Vertragsstaat des Römischen Statuts.", kb) == set()
    assert facts("Israel ist kein Mitglied des Gerichts.", kb) == set()


def test_status_nouns(kb):
    assert facts("Die Mongolei hat Beobachterstatus bei der SCO.", kb) == {
        ("MN", "sco", "observer")
    }
    assert facts("Die EU verlieh Moldau im Juni 2022 den Kandidatenstatus.", kb) == {
        ("MD", "eu", "candidate")
    }
    assert facts("Georgien hat den Status eines EU-Beitrittskandidaten.", kb) == {
        ("GE", "eu", "candidate")
    }
    assert facts("Die Ukraine strebt den Kandidatenstatus der EU an.", kb) == set()


def test_joined_by_verb(kb):
    assert facts("Im Januar trat Äthiopien der Brics-Gruppe bei.", kb) == {
        ("ET", "brics", "member")
    }
    assert facts("Kroatien ist 2013 der EU beigetreten.", kb) == {("HR", "eu", "member")}
    assert facts("Serbien soll der EU beitreten.", kb) == set()
    assert facts("Die Schweiz wird der EU nicht beitreten.", kb) == set()


def test_non_member_prefix_asserts_nothing(kb):
    assert facts("Norwegen gehört als Nicht-EU-Mitglied dem Schengenraum an.", kb) == set()


def test_member_of_coordinated_organizations(kb):
    text = "Polen ist Mitglied der EU und der Nato, hat aber eigene Interessen."
    assert facts(text, kb) >= {("PL", "eu", "member"), ("PL", "nato", "member")}


def test_relative_clause_membership_through_group_compound(kb):
    text = (
        "Gastgeber ist die Asiatisch-Pazifische Wirtschaftsgemeinschaft (Apec). "
        "Chile, das Mitglied der Wirtschaftsgemeinschaft ist, schickte den Außenminister."
    )
    assert ("CL", "apec", "member") in facts(text, kb)


def test_accession_talks_assert_candidate_status(kb):
    text = "Die EU eröffnet Beitrittsverhandlungen mit Albanien und Nordmazedonien."
    assert facts(text, kb) == {("AL", "eu", "candidate"), ("MK", "eu", "candidate")}


def test_no_candidate_without_talks(kb):
    assert facts("Die EU führt keine Beitrittsverhandlungen mit Albanien.", kb) == set()


def test_bare_candidate_noun_uses_the_articles_organization(kb):
    text = "Die Europäische Union berät. Bosnien und Herzegowina wird Beitrittskandidat."
    assert ("BA", "eu", "candidate") in facts(text, kb)


def test_list_item_status(kb):
    text = "Die Europäische Union entschied.\n- Armenien: Status eines Beitrittskandidaten\n"
    assert ("AM", "eu", "candidate") in facts(text, kb)


# ---------------------------------------------------------------- coordinated clauses,
# comparisons, examples, exits and anaphors (sentences written for these tests)


def test_gehoeren_in_a_coordinated_clause_takes_the_sentence_subject(kb):
    text = (
        "Spanien und Portugal sind Mitglieder der Europäischen Union und gehören beide der Nato an."
    )
    assert facts(text, kb) == {(c, o, "member") for c in ("ES", "PT") for o in ("eu", "nato")}


def test_gehoeren_wie_comparison_and_coordinated_organizations(kb):
    text = (
        "Armenien gehört wie Belarus der Eurasischen Wirtschaftsunion und dem "
        "Militärbündnis OVKS an."
    )
    assert facts(text, kb) == {(c, o, "member") for c in ("AM", "BY") for o in ("eaeu", "csto")}


def test_gehoeren_after_a_clause_subject_and_a_long_attribute(kb):
    text = (
        "Tadschikistan gehört dem von Russland geführten Militärbündnis OVKS an, hält aber Abstand."
    )
    assert facts(text, kb) == {("TJ", "csto", "member")}


def test_gehoeren_state_after_preposition_is_no_subject(kb):
    assert facts("Anders als Georgien gehört Armenien der OVKS an.", kb) == {
        ("AM", "csto", "member")
    }


def test_gehoeren_negation_after_the_verb(kb):
    assert facts("Serbien gehört nicht der Nato an.", kb) == set()


def test_gehoeren_with_laender_wie_examples(kb):
    text = "Zur Efta gehören neben der Schweiz auch Länder wie Norwegen und Island."
    assert facts(text, kb) == {(c, "efta", "member") for c in ("CH", "NO", "IS")}


def test_als_with_compound_land(kb):
    assert facts("Ungarn stimmte als einziges EU-Land dagegen.", kb) == {("HU", "eu", "member")}


def test_als_partner_in_coordinated_clause_after_denied_membership(kb):
    text = (
        "Australien und Neuseeland sind keine Mitglieder der Nato, nehmen aber als "
        "Partnerländer an Nato-Treffen teil."
    )
    assert facts(text, kb) == {
        ("AU", "nato", "dialogue_partner"),
        ("NZ", "nato", "dialogue_partner"),
    }


def test_status_takes_the_organization_of_its_own_clause(kb):
    text = "Kuba hat in der EAWU lediglich Beobachterstatus, gehört aber nicht der OVKS an."
    assert facts(text, kb) == {("CU", "eaeu", "observer")}


def test_exit_makes_a_former_member(kb):
    assert facts("Usbekistan ist 2012 aus der OVKS ausgetreten.", kb) == {
        ("UZ", "csto", "former_member")
    }
    text = "Georgien verurteilte den Krieg. 2009 trat das Land aus der GUS aus."
    assert facts(text, kb) == {("GE", "cis", "former_member")}


def test_planned_exit_asserts_nothing(kb):
    assert facts("Moldau will aus der GUS austreten.", kb) == set()


def test_compound_member_noun_with_examples(kb):
    assert facts("Nato-Staaten wie Polen und Estland fordern mehr Geld.", kb) == {
        ("PL", "nato", "member"),
        ("EE", "nato", "member"),
    }


def test_singular_compound_refers_to_previous_subject(kb):
    text = "Montenegro ist seit 2010 Beitrittskandidat der EU. Das Nato-Land gilt als Vorreiter."
    assert facts(text, kb) == {("ME", "eu", "candidate"), ("ME", "nato", "member")}


def test_plural_compound_is_no_anaphor(kb):
    assert facts("Polen kritisiert Brüssel. Die EU-Staaten streiten.", kb) == set()


def test_coordinated_clause_with_its_own_pronoun_subject(kb):
    text = "Chile und Peru stritten lange, nahm sie als Partnerland an Nato-Treffen teil."
    assert facts(text, kb) == set()


def test_members_named_with_their_organization_per_the_member_lists(kb):
    """No pattern parses these, but they name allies together with their alliance: the
    reviewed member lists confirm the membership at the article's date."""
    text = "Die Nato-Staaten, unter ihnen Polen und Litauen, verstärken die Ostflanke."
    nato = next(k for k, o in kb.organizations.items() if o.abbreviation in ("NATO", "Nato"))
    assert facts(text, kb) == {("PL", nato, "member"), ("LT", nato, "member")}


def test_member_lists_never_add_what_the_text_qualifies_or_the_date_rules_out(kb):
    nato = next(k for k, o in kb.organizations.items() if o.abbreviation in ("NATO", "Nato"))
    # Sweden joined in March 2024: a 2023 text naming it among Nato partners asserts nothing
    text = "Schweden und Finnland sprachen mit ihren Partnern in der Nato über die Lage."
    assert ("SE", nato, "member") not in facts(text, kb, FuzzyDate(date(2023, 1, 1), "month"))
    assert ("SE", nato, "member") in facts(text, kb)
    # a negated or planned sentence is left to the patterns, which say what it means
    assert ("SE", nato, "member") not in facts(
        "Schweden ist nicht mehr nur Partner der Nato-Staaten.", kb
    )
    # without a word about members or allies, naming both proves nothing
    assert not facts("Polen kritisierte die Nato am Montag scharf.", kb)


def test_no_longer_a_member_is_a_former_member(kb):
    assert facts("Norwegen ist seit 2016 kein Mitglied der Nato mehr.", kb) == {
        ("NO", "nato", "former_member")
    }
    assert facts("Chile ist nicht mehr Mitglied der Nato.", kb) == {("CL", "nato", "former_member")}
    assert facts("Chile ist kein Mitglied der Nato.", kb) == set()


def test_members_named_with_mit_belong_too(kb):
    assert facts("Kanada gehört mit Frankreich und Japan der G7 an.", kb) == {
        (c, "g7", "member") for c in ("CA", "FR", "JP")
    }


def test_membership_in_a_relative_clause_ignores_the_main_clause_verb(kb):
    text = (
        "Frankreich, das als ständiges Mitglied im UN-Sicherheitsrat ein Veto hat, "
        "blockierte den Text."
    )
    assert facts(text, kb) == {("FR", "unsc", "member")}
    assert facts("Die Regierung lud Serbien ein, als Mitglied der EU beizutreten.", kb) == set()


def test_a_group_noun_names_its_organization_not_the_last_one_mentioned(kb):
    text = (
        "Die G20 forderte eine Reform des UN-Sicherheitsrats. "
        "Die Gruppe hatte sich im Vorjahr um Marokko und Kenia erweitert."
    )
    assert facts(text, kb) == {("MA", "g20", "member"), ("KE", "g20", "member")}


def test_who_chairs_or_hosts_an_organization_is_a_member(kb):
    text = "Die G20 tagte in Rom. Den Vorsitz der Gruppe übernimmt im Dezember Indonesien."
    assert facts(text, kb) == {("ID", "g20", "member")}
    assert facts("Im Herbst soll Peru den Gipfel der Apec ausrichten.", kb) == {
        ("PE", "apec", "member")
    }
    assert facts("Kanada richtet den G7-Gipfel in Kananaskis aus.", kb) == {("CA", "g7", "member")}
    assert facts("Ungarn richtet den Gipfel der Nato nicht aus.", kb) == set()
    assert facts("Die Schweiz richtete die Friedenskonferenz aus.", kb) == set()


def test_member_noun_in_apposition_to_a_state(kb):
    assert facts("Die Türkei, selbst Nato-Mitglied, zögerte lange.", kb) == {
        ("TR", "nato", "member")
    }
    assert facts("Polen, kein Nato-Mitglied, zögerte.", kb) == set()


def test_an_alias_that_names_the_members_lists_them(kb):
    text = "Die Brics-Staaten Brasilien, Indien und Südafrika berieten."
    assert facts(text, kb) == {(c, "brics", "member") for c in ("BR", "IN", "ZA")}


def test_the_memberships_lexicon_loads_into_the_module_word_lists():
    from etl import memberships

    lex = memberships.load_lexicon()
    assert memberships.LEXICON_PATH.name == "memberships.yaml"
    assert lex.words["negations"] == memberships.NEGATIONS
    assert "nicht" in memberships.NEGATIONS and "geplante" in memberships.PLANNED
    assert memberships.MEMBER_NOUNS["beobachter"] == "observer"
    assert memberships.STATUS_NOUNS["kandidatenstatus"] == "candidate"
    assert memberships.GROUP_NOUN_FORMS["allianz"] == "bündnis"
    assert memberships.GEHOEREN_ADVERBS == memberships.ADVERBS | lex.words["gehoeren_extra_adverbs"]


def _lexicon_variant(tmp_path, change):
    import yaml

    from etl import memberships

    data = yaml.safe_load(memberships.LEXICON_PATH.read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "memberships.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_a_missing_lexicon_key_fails_naming_the_file_and_the_key(tmp_path):
    from etl.memberships import LexiconError, load_lexicon

    path = _lexicon_variant(tmp_path, lambda d: d.pop("planned"))
    with pytest.raises(LexiconError, match="missing key.*planned") as err:
        load_lexicon(path)
    assert str(path) in str(err.value)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(planed=d.pop("planned")), "planned"),  # a misspelt key
        (lambda d: d.update(planned=[]), "'planned' must be a non-empty list"),
        (lambda d: d.update(planned=None), "'planned' must be a non-empty list"),
        (lambda d: d.update(negations=["nicht", "Kein"]), "'Kein' is not a lower-case word"),
        (lambda d: d.update(negations=["nicht", "nicht"]), "lists nicht twice"),
        (lambda d: d["member_nouns"].update(mitglied=["x"]), "invalid group 'mitglied'"),
        (lambda d: d["member_nouns"].update(observer=["mitglied"]), "'mitglied' is under both"),
    ],
)
def test_an_invalid_lexicon_fails_loudly(tmp_path, change, message):
    from etl.memberships import LexiconError, load_lexicon

    path = _lexicon_variant(tmp_path, change)
    with pytest.raises(LexiconError, match=message) as err:
        load_lexicon(path)
    assert str(path) in str(err.value)


def test_a_lexicon_key_given_twice_fails(tmp_path):
    from etl import memberships

    path = tmp_path / "memberships.yaml"
    text = memberships.LEXICON_PATH.read_text(encoding="utf-8")
    path.write_text(text + "\nplanned: [geplant]\n", encoding="utf-8")
    with pytest.raises(memberships.LexiconError, match="given twice") as err:
        memberships.load_lexicon(path)
    assert str(path) in str(err.value)


def test_beide_laender_are_the_two_states_the_article_is_about(kb):
    text = (
        "Der kanadische Premier reiste nach Mexiko. Mexiko und Kanada wollen enger "
        "zusammenarbeiten. Beide Länder gehören der G20 an. Beide Staaten sind Mitglieder der OECD."
    )
    assert facts(text, kb) == {
        ("MX", "g20", "member"),
        ("CA", "g20", "member"),
        ("MX", "oecd", "member"),
        ("CA", "oecd", "member"),
    }
    assert facts("Beide Länder gehören der G20 an.", kb) == set()  # no pair named yet
