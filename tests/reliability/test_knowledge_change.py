"""A knowledge-base change re-extracts the loaded articles through the real pipeline and
replaces their facts: nothing duplicated, nothing of other articles lost, and a re-run with the
same knowledge changes no row.

The edited copy of the knowledge base is selected with ``NEWSFACTS_KNOWLEDGE``, the setting a
reviewer would use.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest

import etl.knowledge_base as knowledge_base

NEW_PERSON = """
- key: ingrid-falkensee
  name: "Ingrid Falkensee"
  short: ["Falkensee"]
  gender: f
  state: AT
  positions:
    - {title: "Außenministerin", role: foreign_minister, state: AT, from: 2020-01-01, to: null}
"""
ARTICLE = (
    " date 2024-06 Besuch in Rom.\nDie österreichische Außenministerin Ingrid Falkensee traf"
    " in Rom ihren italienischen Kollegen.\nFalkensee sprach über die Lage in der Region.\n"
)
DUPLICATES = {
    "mention": "sentence_id, char_start, char_end, entity_kind",
    "event_evidence": "event_id, sentence_id, char_start, char_end",
    "participation_evidence": "participation_id, sentence_id, char_start, char_end",
    "membership_evidence": "membership_id, sentence_id, char_start, char_end",
    "participation": "event_id, person_id, state_id, organization_id, role",
    "article": "sha256",
}


def mentions_by_article(db: Path, nf: SimpleNamespace) -> dict[str, list[tuple[object, ...]]]:
    rows = nf.query(
        db,
        "select a.file_name, m.char_start, m.char_end, m.surface, m.entity_kind,"
        " coalesce(p.key, st.code, o.key, pl.key) from mention as m"
        " join sentence as s on s.id = m.sentence_id join article as a on a.id = s.article_id"
        " left join person as p on p.id = m.person_id left join state as st on st.id = m.state_id"
        " left join organization as o on o.id = m.organization_id"
        " left join place as pl on pl.id = m.place_id order by all",
    )
    out: dict[str, list[tuple[object, ...]]] = {}
    for r in rows:
        out.setdefault(r[0], []).append(r[1:])
    return out


def test_knowledge_change_reextracts_and_replaces_without_duplicates(
    tmp_path: Path,
    nf: SimpleNamespace,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder, db = tmp_path / "in", tmp_path / "wh.duckdb"
    nf.write_articles(folder, range(3))
    (folder / "falkensee.txt").write_text(ARTICLE, encoding="utf-8")
    assert nf.run_in_process(folder, db, capsys).returncode == 0
    before = nf.snapshot(db)
    mentions_before = mentions_by_article(db, nf)
    old_version = nf.query(db, "select distinct knowledge_version from article")

    edited = tmp_path / "knowledge"
    shutil.copytree(knowledge_base.DEFAULT_PATH, edited)
    with open(edited / "persons" / "europe_americas.yaml", "a", encoding="utf-8") as f:
        f.write(NEW_PERSON)
    monkeypatch.setenv("NEWSFACTS_KNOWLEDGE", str(edited))
    try:
        run = nf.run_in_process(folder, db, capsys)
        assert run.returncode == 0, run.stderr
        assert "4 loaded" in run.stdout  # every article re-extracted with the new knowledge
        new_version = nf.query(db, "select distinct knowledge_version from article")
        assert len(new_version) == 1 and new_version != old_version

        after = nf.snapshot(db)
        for table in ("article", "article_file", "sentence", "rejected_article"):
            assert len(after[table]) == len(before[table]), table
        for table, key in DUPLICATES.items():
            dups = nf.query(db, f"select {key} from {table} group by all having count(*) > 1")
            assert dups == [], table
        assert nf.query(
            db, "select discovered from person where key = 'ingrid-falkensee'"
        ) == [(False,)]
        mentions_after = mentions_by_article(db, nf)
        falkensee = [m for m in mentions_after["falkensee.txt"] if m[-1] == "ingrid-falkensee"]
        assert len(falkensee) >= 1
        for name, rows in mentions_before.items():  # articles the change does not touch
            if name != "falkensee.txt":
                assert mentions_after[name] == rows, name

        settled = nf.snapshot(db, exclude=("extraction_run",))
        again = nf.run_in_process(folder, db, capsys)
        assert again.returncode == 0 and "0 loaded" in again.stdout
        assert nf.snapshot(db, exclude=("extraction_run",)) == settled
    finally:
        monkeypatch.undo()
