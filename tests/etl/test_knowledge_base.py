"""The knowledge base loader: library-provided names, YAML additions, dated positions."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from etl.knowledge_base import DEFAULT_PATH, _load, load_knowledge_base, parse_date


@pytest.fixture(scope="module")
def kb():
    return load_knowledge_base()


def make_kb(tmp_path: Path, persons_yaml: str | None):
    for f in ("states.yaml", "organizations.yaml", "places.csv", "roles.yaml"):
        shutil.copy(DEFAULT_PATH / f, tmp_path / f)
    if persons_yaml is not None:
        (tmp_path / "persons").mkdir()
        (tmp_path / "persons" / "test.yaml").write_text(persons_yaml, encoding="utf-8")
    return load_knowledge_base(tmp_path)


PERSONS = """
- key: anna-beispiel
  name: Anna Beispiel
  short: [Beispiel]
  state: AT
  positions:
    - {title: Kanzlerin, role: head_of_government, state: AT, from: 2020-01-01, to: 2023-06}
- key: bernd-muster
  name: Bernd Muster
  state: AT
  positions:
    - {title: Kanzler, role: head_of_government, state: AT, from: 2023-07, to: null}
"""


def test_states_come_from_libraries(kb):
    de = kb.states["DE"]
    assert (de.alpha3, de.name_de, de.name_en) == ("DEU", "Deutschland", "Germany")
    assert kb.states["XK"].name_de == "Kosovo"
    for code in ("PS", "TW", "VA", "EH"):
        assert code in kb.states


def test_every_sovereign_state_has_adjectives_and_congo_is_two_states(kb):
    missing = [s.code for s in kb.states.values() if s.sovereign and not s.adjective_stems]
    assert set(missing) <= {"CG", "CD", "KN"}  # "kongolesisch" is ambiguous, left out on purpose
    assert "Republik Kongo" in kb.states["CG"].names
    assert "Republik Kongo" not in kb.states["CD"].names
    assert "Demokratische Republik Kongo" in kb.states["CD"].names


def test_organization_members_with_dates(kb):
    sco = kb.organizations["sco"]
    by = next(m for m in sco.members if m.state == "BY")
    assert (by.kind, by.since) == ("member", date(2024, 7, 4))
    assert any(m.state == "TR" and m.kind == "dialogue_partner" for m in sco.members)
    gb = next(m for m in kb.organizations["eu"].members if m.state == "GB")
    assert gb.kind == "former_member" and gb.until == date(2020, 1, 31)
    assert any(m.state == "FR" for m in kb.organizations["un"].members)
    assert not any(m.state == "TW" and m.kind == "member" for m in kb.organizations["un"].members)


def test_places_know_their_state(kb):
    assert kb.places["dagestan"].state == "RU" and kb.places["dagestan"].kind == "region"
    assert kb.states["KZ"].capital == "astana"


def test_empty_persons_folder_is_fine(tmp_path):
    small = make_kb(tmp_path, None)
    assert small.persons == {}
    assert small.holder("head_of_state", "RU") is None


def test_holder_by_date(tmp_path):
    small = make_kb(tmp_path, PERSONS)
    assert small.holder("head_of_government", "AT", on=date(2022, 3, 1)).key == "anna-beispiel"
    assert small.holder("head_of_government", "AT", on=date(2023, 6, 30)).key == "anna-beispiel"
    assert small.holder("head_of_government", "AT", on=date(2024, 1, 1)).key == "bernd-muster"
    assert small.holder("head_of_government", "AT").key == "bernd-muster"
    assert small.holder("head_of_government", "AT", on=date(2019, 1, 1)) is None
    assert small.holder("foreign_minister", "AT") is None


def test_version_is_a_short_content_hash(tmp_path):
    a = make_kb(tmp_path, PERSONS)
    assert len(a.version) == 12 and int(a.version, 16) >= 0
    assert a.version != load_knowledge_base().version


def test_parse_date_precisions():
    assert parse_date("2024") == date(2024, 1, 1)
    assert parse_date("2024", end=True) == date(2024, 12, 31)
    assert parse_date("2024-02", end=True) == date(2024, 2, 29)
    assert parse_date("2024-05-07") == date(2024, 5, 7)
    assert parse_date(None) is None


def test_one_role_list_for_the_knowledge_base_and_the_schema(kb):
    """The position roles are defined once (etl.positions); the schema's CHECK constraint and the
    knowledge base both use that list, and every role the knowledge files use is in it."""
    from etl import knowledge_base, positions
    from models import entities

    assert entities.POSITION_ROLES is positions.POSITION_ROLES
    assert knowledge_base.ROLES is positions.ROLE_NOUN_ROLES
    assert set(positions.ROLE_NOUN_ROLES) - set(positions.POSITION_ROLES) == {"counterpart"}
    assert {r.role for r in kb.roles} <= set(positions.ROLE_NOUN_ROLES)
    assert {p.role for person in kb.persons.values() for p in person.positions} <= set(
        positions.POSITION_ROLES
    )


def test_an_unknown_position_role_fails_when_the_knowledge_base_loads(tmp_path):
    typo = PERSONS.replace(
        "role: head_of_government, state: AT, from: 2023-07",
        "role: chancellor, state: AT, from: 2023-07",
    )
    with pytest.raises(ValueError, match="unknown role 'chancellor'.*bernd-muster"):
        make_kb(tmp_path, typo)


def test_counterpart_is_a_role_noun_but_never_a_position(tmp_path):
    with pytest.raises(ValueError, match="unknown role 'counterpart'"):
        make_kb(tmp_path, PERSONS.replace("role: head_of_government", "role: counterpart"))


def test_an_unknown_role_in_roles_yaml_fails_when_the_knowledge_base_loads(tmp_path):
    for f in ("states.yaml", "organizations.yaml", "places.csv"):
        shutil.copy(DEFAULT_PATH / f, tmp_path / f)
    (tmp_path / "roles.yaml").write_text(
        "roles:\n  - role: head_of_stat\n    nouns: [Präsident]\n", encoding="utf-8"
    )
    with pytest.raises(ValueError, match="unknown role 'head_of_stat' in roles.yaml"):
        load_knowledge_base(tmp_path)


def test_compound_prefixes_and_new_organizations(kb):
    assert kb.organizations["wagner"].compound_prefixes == ("Wagner",)
    epc = kb.organizations["epc"]
    assert epc.abbreviation == "EPG" and epc.kind == "forum"
    assert {"GB", "UA", "AM", "AZ", "DE"} <= {m.state for m in epc.members}


def test_every_person_position_names_a_known_organization(kb):
    for p in kb.persons.values():
        for pos in p.positions:
            assert pos.organization is None or pos.organization in kb.organizations, p.key


def test_organization_kinds_are_the_documented_ones(kb):
    allowed = {
        "intergovernmental", "military_alliance", "court", "agency", "company", "media",
        "party", "armed_group", "forum", "government", "military", "university", "other",
        "political",
    }  # fmt: skip
    assert {o.kind for o in kb.organizations.values()} <= allowed
    # platforms where statements are published are media, like the news outlets
    for key in ("telegram", "truth-social", "x-twitter", "youtube"):
        assert kb.organizations[key].kind == "media", key
    assert kb.organizations["bundestag"].kind == "government"
    assert kb.organizations["pla"].kind == "military"
    assert kb.organizations["isis"].abbreviation == "IS"


def test_a_membership_holds_on_its_first_and_last_day():
    from etl.knowledge_base import Membership

    left = Membership("GB", "member", date(1973, 1, 1), parse_date("2020-01-31", end=True))
    assert left.held_on(date(1973, 1, 1)) and left.held_on(date(2020, 1, 31))
    assert not left.held_on(date(2020, 2, 1)) and not left.held_on(date(1972, 12, 31))
    assert not left.held_on(None)  # an undated text cannot know that it still held
    assert Membership("FR", "member", date(1958, 1, 1)).held_on(None)


def test_version_covers_the_extractors_lexicons(tmp_path):
    import shutil

    root = tmp_path / "knowledge"
    shutil.copytree(DEFAULT_PATH, root)
    before = load_knowledge_base(root).version
    lexicon = root / "events.yaml"
    lexicon.write_text(lexicon.read_text(encoding="utf-8") + "\n# reviewed\n", encoding="utf-8")
    _load.cache_clear()  # the loader caches per folder
    assert load_knowledge_base(root).version != before


def test_every_state_code_in_the_knowledge_files_is_a_known_state():
    """YAML 1.1 reads a bare NO (Norway) as false: every code must come back as a state."""
    kb = load_knowledge_base()
    codes = set(kb.states)
    persons = [
        (p.key, s)
        for p in kb.persons.values()
        for s in [p.state, *(pos.state for pos in p.positions)]
        if s is not None
    ]
    members = [(o.key, m.state) for o in kb.organizations.values() for m in o.members]
    assert [x for x in persons + members if x[1] not in codes] == []
    assert kb.persons["jonas-gahr-store"].state == "NO"


def test_every_organization_seat_is_a_known_place(kb) -> None:
    seats = {o.key: o.seat for o in kb.organizations.values() if o.seat}
    assert seats["eu"] == "bruessel" and seats["un"] == "new-york"
    assert all(place in kb.places for place in seats.values())
