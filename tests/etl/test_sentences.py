"""Sentence splitting and tokenization keep offsets into the body."""

from __future__ import annotations

from etl.sentences import split_sentences, tokenize

BODY = (
    "Neue Gespräche in Wien\n\n"
    "Die Ministerin traf am Montag (3. März) u. a. Vertreter aus Chile. Dr. Weber sagte, "
    "das sei z. B. für Bauern wichtig. Der Vertrag gilt seit 1995. Wer zahlt?\n"
    "  • Erster Punkt der Liste\n"
    "„Wir sind bereit.“ Das erklärte sie."
)


def test_split_respects_abbreviations_dates_and_lines():
    texts = [s.text for s in split_sentences(BODY)]
    assert texts == [
        "Neue Gespräche in Wien",
        "Die Ministerin traf am Montag (3. März) u. a. Vertreter aus Chile.",
        "Dr. Weber sagte, das sei z. B. für Bauern wichtig.",
        "Der Vertrag gilt seit 1995.",
        "Wer zahlt?",
        "Erster Punkt der Liste",
        "„Wir sind bereit.“",
        "Das erklärte sie.",
    ]


def test_offsets_point_into_the_body():
    for i, s in enumerate(split_sentences(BODY)):
        assert s.index == i
        assert BODY[s.start : s.end] == s.text


def test_tokenize_keeps_hyphen_compounds_and_applies_splits():
    text = "Das Nato-Mitglied und Partei- und Staatschef MusterWien"
    toks = tokenize(text, splits=[text.index("Wien")])
    assert [t.text for t in toks] == [
        "Das",
        "Nato-Mitglied",
        "und",
        "Partei-",
        "und",
        "Staatschef",
        "Muster",
        "Wien",
    ]
    assert all(text[t.start : t.end] == t.text for t in toks)


def test_a_regnal_number_ends_no_sentence_unless_a_new_one_opens() -> None:
    texts = [s.text for s in split_sentences(
        "Dann empfing Leo XIV. Selenskyj zu einer Audienz. Zuvor sprach Papst Leo XIV. "
        "Er mahnte Frieden an. Es kam Karl III. Die Queen war tot."
    )]  # fmt: skip
    assert texts == [
        "Dann empfing Leo XIV. Selenskyj zu einer Audienz.",
        "Zuvor sprach Papst Leo XIV.",
        "Er mahnte Frieden an.",
        "Es kam Karl III.",
        "Die Queen war tot.",
    ]
