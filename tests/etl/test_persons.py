"""Person discovery, role nouns and in-article references (tiny knowledge base in tmp_path)."""

from __future__ import annotations

import shutil
from datetime import date

import pytest

from etl.entities import extract_entities
from etl.facts import FuzzyDate
from etl.knowledge_base import DEFAULT_PATH, load_knowledge_base
from etl.persons import family_name, role_forms, slug

PERSONS = """
- key: iwan-musterow
  name: Iwan Musterow
  short: [Musterow]
  state: RU
  positions:
    - {title: Präsident, role: head_of_state, state: RU, from: 2010-01-01, to: 2020-12-31}
- key: pjotr-neuer
  name: Pjotr Neuer
  state: RU
  positions:
    - {title: Präsident, role: head_of_state, state: RU, from: 2021-01-01, to: null}
- key: li-wei
  name: Li Wei
  state: CN
  positions:
    - {title: Staatspräsident, role: head_of_state, state: CN, from: 2015-01-01, to: null}
"""


@pytest.fixture(scope="module")
def kb(tmp_path_factory):
    root = tmp_path_factory.mktemp("kb")
    for f in ("states.yaml", "organizations.yaml", "places.csv", "roles.yaml"):
        shutil.copy(DEFAULT_PATH / f, root / f)
    (root / "persons").mkdir()
    (root / "persons" / "p.yaml").write_text(PERSONS, encoding="utf-8")
    return load_knowledge_base(root)


@pytest.fixture(scope="module")
def empty_kb(tmp_path_factory):
    root = tmp_path_factory.mktemp("kb0")
    for f in ("states.yaml", "organizations.yaml", "places.csv", "roles.yaml"):
        shutil.copy(DEFAULT_PATH / f, root / f)
    return load_knowledge_base(root)


MAY_2024 = FuzzyDate(date(2024, 5, 1), "month")


def people(res):
    return [(m.surface, m.key, m.via) for m in res.mentions if m.kind == "person"]


def test_discovers_unknown_president_of_an_adjective_state(kb):
    res = extract_entities(
        "Der chilenische Präsident Gabriel Ejemplo reiste ab. Ejemplo lachte.", MAY_2024, kb
    )
    assert people(res) == [
        ("Gabriel Ejemplo", "gabriel-ejemplo", "discovered"),
        ("Ejemplo", "gabriel-ejemplo", "coref"),
    ]
    ref = res.persons["gabriel-ejemplo"]
    assert (ref.state, ref.title, ref.discovered) == ("CL", "Präsident", True)


def test_discovers_apposition_and_genitive_state(kb):
    text = (
        "Der Präsident der kleinen Republik Moldau, Marius Beispielu, kam. "
        "Polens Premierminister Jan Probe auch."
    )
    res = extract_entities(text, MAY_2024, kb)
    assert res.persons["marius-beispielu"].state == "MD"
    assert res.persons["jan-probe"].state == "PL"
    assert res.persons["jan-probe"].title == "Premierminister"


def test_counterpart_gives_state_but_no_title(kb):
    res = extract_entities("Er traf seinen ungarischen Kollegen Ferenc Probaly.", MAY_2024, kb)
    ref = res.persons["ferenc-probaly"]
    assert (ref.state, ref.title) == ("HU", None)


def test_role_resolves_to_holder_at_article_date(kb):
    text = "Der russische Präsident lobte die Gespräche."
    assert people(extract_entities(text, MAY_2024, kb)) == [("Präsident", "pjotr-neuer", "role")]
    old = FuzzyDate(date(2015, 6, 1), "month")
    assert people(extract_entities(text, old, kb)) == [("Präsident", "iwan-musterow", "role")]
    assert people(extract_entities("Chinas Staatschef schwieg.", MAY_2024, kb)) == [
        ("Staatschef", "li-wei", "role")
    ]
    assert people(extract_entities("Der Kremlchef schwieg.", MAY_2024, kb)) == [
        ("Kremlchef", "pjotr-neuer", "role")
    ]


def test_role_without_known_holder_resolves_to_nothing(empty_kb, kb):
    assert (
        people(extract_entities("Der russische Präsident lobte die Gespräche.", MAY_2024, empty_kb))
        == []
    )
    # plural, former holders and unclear states resolve to nothing too
    assert (
        people(extract_entities("Die Präsidenten Russlands und Chinas trafen sich.", MAY_2024, kb))
        == []
    )
    assert people(extract_entities("Der frühere russische Präsident schrieb.", MAY_2024, kb)) == []
    assert people(extract_entities("Der Präsident schwieg.", MAY_2024, kb)) == []


def test_named_person_after_role_is_not_resolved_again(kb):
    res = extract_entities("Der russische Präsident Iwan Musterow sprach.", MAY_2024, kb)
    assert people(res) == [("Iwan Musterow", "iwan-musterow", "name")]
    assert res.persons["iwan-musterow"].state == "RU"


def test_in_article_family_name_first(kb):
    text = "Der chinesische Staatschef Li Wei kam. Li lobte die Gespräche."
    res = extract_entities(text, MAY_2024, kb)
    assert ("Li", "li-wei", "coref") in people(res)


def test_glued_name_is_split(empty_kb):
    res = extract_entities(
        "Premierminister Arun KumarIndiens Reise nach Moskau", MAY_2024, empty_kb
    )
    assert ("Arun Kumar", "arun-kumar", "discovered") in people(res)
    assert "IN" in {m.key for m in res.mentions if m.kind == "state"}


def test_helpers():
    assert slug("Kassym-Schomart Tokajew") == "kassym-schomart-tokajew"
    assert slug("Recep Tayyip Erdoğan") == "recep-tayyip-erdogan"
    assert "Präsidenten" in role_forms("Präsident")
    assert role_forms("Kollege") == ["Kollege", "Kollegen"]


def test_appositive_after_a_genitive_phrase():
    from datetime import date

    from etl.entities import extract_entities
    from etl.facts import FuzzyDate
    from etl.knowledge_base import load_knowledge_base

    kb = load_knowledge_base()
    pub = FuzzyDate(date(2024, 5, 1), "month")
    text = (
        "Der Sprecher des polnischen Außenministeriums, Jan Kowalczyk, widersprach. "
        "Eine Sprecherin des Außenministeriums in Ottawa, Anne Tremblay, sagte nichts."
    )
    res = extract_entities(text, pub, kb)
    names = {m.surface for m in res.mentions if m.kind == "person"}
    assert names == {"Jan Kowalczyk", "Anne Tremblay"}
    assert res.persons["jan-kowalczyk"].state == "PL"
    assert res.persons["anne-tremblay"].state == "CA"


def test_plural_role_noun_discovers_no_name():
    from etl.entities import extract_entities
    from etl.knowledge_base import load_knowledge_base

    kb = load_knowledge_base()
    res = extract_entities(
        "Er bat ihn, am Tisch der Staats- und Regierungschefs Platz zu nehmen.", None, kb
    )
    assert not [m for m in res.mentions if m.kind == "person"]


def test_titles_of_less_famous_persons():
    from etl.entities import extract_entities
    from etl.knowledge_base import load_knowledge_base

    kb = load_knowledge_base()
    text = (
        "Der Freigelassene Tom Berger landete in Berlin. Auch der Ex-Marinesoldat Max Keller "
        "kam frei, sagte die Journalistin Lena Hofmann."
    )
    names = {m.surface for m in extract_entities(text, None, kb).mentions if m.kind == "person"}
    assert names == {"Tom Berger", "Max Keller", "Lena Hofmann"}


def _names(res):
    return {m.surface for m in res.mentions if m.kind == "person"}


def test_prefixed_role_noun_after_article_introduces_a_name(empty_kb):
    res = extract_entities("Der frühere US-Soldat Tom Beispiel kam frei.", MAY_2024, empty_kb)
    assert "Tom Beispiel" in _names(res)


def test_compound_role_noun_introduces_a_name(empty_kb):
    text = (
        "Begleitet wurde er von Agrarminister Kai Musterlein und dem Tiergartenmörder Ilja Probow."
    )
    assert {"Kai Musterlein", "Ilja Probow"} <= _names(extract_entities(text, MAY_2024, empty_kb))


def test_demonym_before_a_name(empty_kb):
    res = extract_entities("Frei kam auch der Deutsche Rolf Beispielmann.", MAY_2024, empty_kb)
    assert "Rolf Beispielmann" in _names(res)
    persons = [m for m in res.mentions if m.kind == "person"]
    assert res.persons[persons[0].key].state == "DE"


def test_demonym_before_a_single_word_is_no_person(empty_kb):
    res = extract_entities("Der Deutsche Bundestag stimmte zu.", MAY_2024, empty_kb)
    assert _names(res) == set()


def test_name_with_apposed_role_noun(empty_kb):
    text = "Freigelassen wurden:\n  • Ben Probeweg, Reporter des „Wall Street Journal“.\n"
    assert "Ben Probeweg" in _names(extract_entities(text, MAY_2024, empty_kb))


def test_place_as_first_name_in_a_name_slot(empty_kb):
    res = extract_entities(
        "Die Bürgermeisterin von Denver, Paris Hilgert, sagte ab.", MAY_2024, empty_kb
    )
    assert "Paris Hilgert" in _names(res)
    assert not any(m.kind in ("state", "place") and m.surface == "Paris" for m in res.mentions)


def test_hyphen_prefix_before_a_closed_compound_role(empty_kb):
    res = extract_entities(
        "Die amtierende US-Vizeaußenministerin Erika Musterfrau reiste ab.", MAY_2024, empty_kb
    )
    assert people(res) == [("Erika Musterfrau", "erika-musterfrau", "discovered")]
    assert res.persons["erika-musterfrau"].state == "US"


def test_glued_full_name_is_not_a_discovered_person(kb):
    res = extract_entities("Der russische Präsident Pjotr Neuerverhandelte lange.", MAY_2024, kb)
    assert people(res) == [("Pjotr Neuer", "pjotr-neuer", "name")]


def test_role_compound_is_no_part_of_a_name(empty_kb):
    text = (
        "Begleitet wird sie von ihrem früheren Kabinettssekretär Paulo Beispielo, der sie als "
        "Anwalt vertritt. Der Polizeichef Tomas Probela schwieg."
    )
    res = extract_entities(text, MAY_2024, empty_kb)
    assert people(res) == [
        ("Paulo Beispielo", "paulo-beispielo", "discovered"),
        ("Tomas Probela", "tomas-probela", "discovered"),
    ]
    assert res.persons["paulo-beispielo"].title == "Kabinettssekretär"


def test_names_that_end_like_role_nouns_stay_names(empty_kb):
    # a short prefix ("Hof" + "richter") or a kin head ("-sohn") is no role compound
    text = "Präsident Ali Hofrichter Beispielow kam mit dem Musiker Felix Mendelssohn Probe."
    res = extract_entities(text, MAY_2024, empty_kb)
    assert people(res) == [
        ("Ali Hofrichter Beispielow", "ali-hofrichter-beispielow", "discovered"),
        ("Felix Mendelssohn Probe", "felix-mendelssohn-probe", "discovered"),
    ]


def test_names_with_particles_stay_whole(empty_kb):
    text = (
        "Milizenchef Omar al-Beispiel wurde getötet. Senator Ronaldo dela Cruzado und "
        "Präsidentin Ana de la Prueba widersprachen. Später sagte dela Cruzado nichts mehr."
    )
    res = extract_entities(text, MAY_2024, empty_kb)
    assert people(res) == [
        ("Omar al-Beispiel", "omar-al-beispiel", "discovered"),
        ("Ronaldo dela Cruzado", "ronaldo-dela-cruzado", "discovered"),
        ("Ana de la Prueba", "ana-de-la-prueba", "discovered"),
        ("dela Cruzado", "ronaldo-dela-cruzado", "coref"),
    ]


def test_family_name_keeps_particles_and_drops_suffixes():
    assert family_name("Anna von der Probe", False) == "von der Probe"
    assert family_name("Ferdinand Beispiel Jr.", False) == "Beispiel"
    assert family_name("Karl XII.", False) is None
    assert family_name("Omar al-Beispiel", False) == "al-Beispiel"
    assert family_name("Li Wei", True) == "Li"


def test_names_listed_after_a_colon(empty_kb):
    text = (
        "Freigelassen wurden am Abend: Tamar Beispiel, Noa Probe und Eli Mustermann. "
        "Teilnehmer: Deutschland, Frankreich und Italien. Das Ziel: Frieden und Sicherheit. "
        "Auf dem Programm: Anna Kowalik, Vorträge und mehr."
    )
    assert _names(extract_entities(text, MAY_2024, empty_kb)) == {
        "Tamar Beispiel",
        "Noa Probe",
        "Eli Mustermann",
    }


def test_spouse_after_a_possessive(empty_kb):
    text = "Der Präsident und seine Frau Maria Beispiela kamen. Frau Beispiela sagte nichts."
    res = extract_entities(text, MAY_2024, empty_kb)
    assert ("Maria Beispiela", "maria-beispiela", "discovered") in people(res)
    assert "beispiela" not in res.persons


def test_siblings_sharing_a_family_name(empty_kb):
    res = extract_entities("Unter ihnen sind die Brüder Amir und Yoni Probemann.", None, empty_kb)
    assert people(res) == [
        ("Amir", "amir-probemann", "discovered"),
        ("Yoni Probemann", "yoni-probemann", "discovered"),
    ]
    assert res.persons["amir-probemann"].name == "Amir Probemann"


def test_one_word_name_of_a_person_named_in_full(kb, empty_kb):
    text = "Der russische Präsident Pjotr Neuer kam. Zuvor hatte Ex-Präsident Neuer gewarnt."
    res = extract_entities(text, MAY_2024, kb)
    assert ("Neuer", "pjotr-neuer", "coref") in people(res)
    assert "neuer" not in res.persons
    text = "Vizepräsidentin Sara Beispielo wurde angeklagt. Ihr Vater lobte seine Tochter Sara."
    res = extract_entities(text, MAY_2024, empty_kb)
    assert {m.key for m in res.mentions if m.kind == "person"} == {"sara-beispielo"}
    # two persons share the word: it stays apart
    text = "Minister Rudi Probst und Senatorin Sara Probst kamen. Ex-Minister Probst schwieg."
    res = extract_entities(text, MAY_2024, empty_kb)
    assert "probst" in res.persons


def test_role_noun_inside_a_foreign_proper_name(empty_kb):
    text = "Die Chefin der Bangladesh Nationalist Party kam. Der Nationalist Sinan Probe rief."
    assert _names(extract_entities(text, MAY_2024, empty_kb)) == {"Sinan Probe"}


def test_office_and_person_nouns_introduce_names(empty_kb):
    text = (
        "Museumsdirektor Jan Beispielski sagte, der Holocaust-Überlebende Abram Probe werde "
        "sprechen. Ausgehandelt hatte es der Sonderbevollmächtigte der Bundesregierung für "
        "Migration, Jochen Musterle. Sein Herausforderer Kemal Probeoglu verlor."
    )
    assert _names(extract_entities(text, MAY_2024, empty_kb)) == {
        "Jan Beispielski",
        "Abram Probe",
        "Jochen Musterle",
        "Kemal Probeoglu",
    }
