"""Glued words: boundaries inside tokens, without breaking compounds."""

from __future__ import annotations

import pytest

from etl import gazetteer, glue
from etl.entities import extract_entities
from etl.knowledge_base import load_knowledge_base


@pytest.fixture(scope="module")
def kb():
    return load_knowledge_base()


def test_camel_boundary():
    text = "Kanzler MüllerPolens Gast"
    assert glue.camel_boundaries(text) == [text.index("Polens")]
    assert glue.is_camel_boundary(text, text.index("Polens"))
    assert not glue.is_camel_boundary(text, text.index("üller"))


def test_glued_tail_is_a_function_word_only():
    assert glue.is_glued_tail("der")
    assert not glue.is_glued_tail("reise")
    assert glue.word_tail("Chinareise ist", 5) == "reise"


def _hits(text, kb):
    return [(m.surface, m.kind, m.keys[0], m.via) for m in gazetteer.match(text, kb)]


def test_glued_state_after_name_is_found_with_original_offsets(kb):
    text = "Der Gast sprach mit KanzlerinPolens Vertretern."
    hits = gazetteer.match(text, kb)
    m = next(h for h in hits if h.kind == "state")
    assert (m.keys[0], text[m.start : m.end]) == ("PL", "Polens")


def test_glued_function_word_after_a_state_name(kb):
    assert ("Ungarn", "state", "HU", "name") in _hits(
        "Er flog nach Ungarnund weiter nach Wien.", kb
    )


def test_real_compounds_stay_compounds(kb):
    assert _hits("Die Polenreise war kurz.", kb) == [("Polen", "state", "PL", "compound")]
    assert _hits("Er plante eine Russlandreise.", kb) == [("Russland", "state", "RU", "compound")]
    # a glued lower-case tail that is not a function word and too short is no compound
    assert _hits("Das Polenz-Gutachten", kb) == []


def test_glued_name_tail_needs_three_lower_case_letters():
    assert glue.is_glued_name_tail("ausgehandelt")
    assert not glue.is_glued_name_tail("e")
    assert not glue.is_glued_name_tail("Reise")


def test_full_person_name_glued_to_any_word(kb):
    text = "Der Machthaber Alexander Lukaschenkoausgehandelt hatte den Deal."
    hits = [(h.kind, h.keys[0], text[h.start : h.end]) for h in gazetteer.match(text, kb)]
    assert ("person", "alexander-lukaschenko", "Alexander Lukaschenko") in hits


def test_splits_cut_a_full_name_from_the_verb_glued_to_it(kb) -> None:
    text = "Präsident Joe Bidenempfing Gäste aus ModiIndiens Umfeld.\n"
    cuts = glue.splits(text, extract_entities(text, None, kb).mentions)
    assert text.index("empfing") in cuts  # a full name glued to a verb
    assert text.index("Indiens") in cuts  # a camel-case joint
    assert text.index("fing") not in cuts
