"""The project's scorer follows the facts-format matching rules."""

from etl.evaluation import format_report, norm, score

GOLD = {
    "persons": [
        {"name": "Emmanuel Macron", "key": "macron", "aliases": ["Macron"], "state": "FR"},
        {"name": "Olaf Scholz", "key": "scholz", "aliases": [], "state": "DE"},
    ],
    "organizations": [{"key": "EU", "names": ["Europäische Union", "EU"]}],
    "memberships": [{"state": "FR", "organization": "EU", "kind": "member"}],
    "negatives": [{"fact": "membership", "state": "NO", "organization": "EU", "kind": "member"}],
    "events": [
        {
            "id": "paris",
            "type": "meeting",
            "start": "2024-03",
            "state": "FR",
            "participants": [
                {"person": "Emmanuel Macron", "role": "host"},
                {"person": "Olaf Scholz", "role": "participant"},
            ],
        },
        {
            "id": "rome",
            "type": "summit",
            "start": "2024-05-02",
            "state": "IT",
            "participants": [{"state": "IT", "role": "host"}],
        },
    ],
    "articles": [
        {
            "file": "a.txt",
            "date": "2024-03",
            "persons": ["Emmanuel Macron"],
            "states": ["FR", "DE"],
            "organizations": ["EU"],
        }
    ],
}


def test_norm_folds_case_accents_sharp_s_and_punctuation() -> None:
    assert norm("Straße-Öl  Café!") == "strasse ol cafe"


def test_matching_by_alias_key_and_type_group_with_duplicates() -> None:
    export = {
        "persons": [
            {"name": "Präsident Emmanuel Macron", "aliases": []},
            {"name": "Olaf Scholz", "aliases": []},
        ],
        "organizations": [{"name": "Europäische Union", "abbreviation": "EU", "aliases": []}],
        "memberships": [
            {"state": "FR", "organization": "EU", "kind": "member"},
            {"state": "NO", "organization": "EU", "kind": "member"},
        ],
        "events": [
            {
                "type": "visit",
                "start": "2024-03-14",
                "state": "FR",
                "participants": [
                    {"person": "Präsident Emmanuel Macron", "role": "host"},
                    {"person": "Olaf Scholz", "role": "absent"},
                ],
            },
            {
                "type": "meeting",
                "start": "2024",
                "state": "FR",
                "participants": [{"person": "Olaf Scholz", "role": "participant"}],
            },
            {
                "type": "summit",
                "start": "2024-06",
                "state": "IT",
                "participants": [{"state": "IT", "role": "host"}],
            },
        ],
        "articles": [
            {
                "file": "a.txt",
                "date": "2024-03",
                "persons": ["Präsident Emmanuel Macron"],
                "states": ["FR"],
                "organizations": ["EU"],
            }
        ],
    }
    report = score(export, GOLD)
    s = report.scores
    assert (s["mentions.persons"].tp, s["mentions.persons"].fp) == (1, 0)  # key "macron" matches
    assert (s["mentions.states"].tp, s["mentions.states"].fn) == (1, 1)
    assert (s["memberships"].tp, s["memberships"].fp) == (1, 1)
    assert report.figures_extra["negatives_asserted"] == "1/1"
    # visit ~ meeting (same group) matches "paris"; the second meeting is a duplicate;
    # the June summit does not overlap the 2 May gold date.
    assert (s["events"].tp, s["events"].fp, s["events"].fn) == (1, 1, 1)
    assert report.figures_extra["event_duplicates"] == 1
    assert [d[:3] for d in s["events"].duplicates] == [("paris", "meeting", "2024")]
    assert "duplicate of paris" in format_report(report, details=True)
    assert (s["participation"].tp, s["participation"].fp) == (1, 1)
    assert report.figures_extra["exact_day_dates"] == "0/1"
