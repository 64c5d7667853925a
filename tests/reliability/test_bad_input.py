"""Every kind of bad input in one folder, through the real `newsfacts run` in its own process.

The unit tests (tests/etl/test_articles.py) prove the parser's verdicts; this proves what an
analyst relies on: each bad file ends up in `rejected_article` with its reason and a readable
detail, every good file of the same batch is loaded, nothing is loaded twice, a re-run changes
no row, and a file edited after loading replaces its old version instead of adding to it.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from types import SimpleNamespace

import pytest

SQL_NAME = "Robert'); DROP TABLE article;--"
TEN_MB = 10 * 1024 * 1024

# file -> reason
REJECTED = {
    "empty.txt": "empty",
    "blank.txt": "empty",
    "nur-kopfzeile.txt": "empty",
    "bild.png": "binary",
    "nul.txt": "binary",
    "seite.html": "html",
    "riesig.txt": "too_large",
    "monat-13.txt": "bad_header",
    "monat-00.txt": "bad_header",
    "datum-kaputt.txt": "bad_header",
    "english.txt": "not_german",
    "kaputt-kodiert.txt": "undecodable",
    f"{SQL_NAME}-leer.txt": "empty",
}


def build_folder(folder: Path, nf: SimpleNamespace) -> dict[str, str]:
    """Write the attack folder; return the good files and the text each must load as."""
    folder.mkdir()
    good: dict[str, str] = {}

    def put(name: str | bytes, data: bytes) -> None:
        path = os.path.join(os.fsencode(folder), os.fsencode(name))
        with open(path, "wb") as f:
            f.write(data)

    # Good files, each in another legitimate shape.
    for i, name in enumerate(["gut-1.txt", "gut-2.txt"]):
        put(name, nf.german_article(i).encode("utf-8"))
        good[name] = f"(Meldung {i})"
    legacy = nf.german_article(2).replace("Meldung", "Größere Meldung „Süd“")
    put("latin1.txt", legacy.encode("cp1252"))
    good["latin1.txt"] = "Größere Meldung „Süd“"
    put("bom.txt", b"\xef\xbb\xbf" + nf.german_article(3).encode("utf-8"))
    good["bom.txt"] = "(Meldung 3)"
    put("crlf.txt", nf.german_article(4).replace("\n", "\r\n").encode("utf-8"))
    good["crlf.txt"] = "(Meldung 4)"
    put("cr.txt", nf.german_article(5).replace("\n", "\r").encode("utf-8"))
    good["cr.txt"] = "(Meldung 5)"
    twin = nf.german_article(6).encode("utf-8")
    put("zwilling-a.txt", twin)
    put("zwilling-b.txt", twin)
    good["zwilling-a.txt"] = good["zwilling-b.txt"] = "(Meldung 6)"
    sql_text = f"{SQL_NAME} trifft den Außenminister. " + nf.german_article(7)
    put(f"{SQL_NAME}.txt", sql_text.encode("utf-8"))
    good[f"{SQL_NAME}.txt"] = "(Meldung 7)"
    # A cp1252 file name (unzipped from Windows): not valid UTF-8 as a name.
    put(b"caf\xe9.txt", nf.german_article(8).encode("utf-8"))
    good["caf\\xe9.txt"] = "(Meldung 8)"

    # Bad files.
    put("empty.txt", b"")
    put("blank.txt", b"  \n\t\r\n   \n")
    put("nur-kopfzeile.txt", b" date 2024-05\n")
    put("bild.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    put("nul.txt", b"Ein Text mit \x00 darin, " * 20)
    put(
        "seite.html",
        b"<!DOCTYPE html>\n<html><head><title>Gipfel</title></head><body><p>Die Minister"
        b" trafen sich in Wien.</p></body></html>\n",
    )
    with open(folder / "riesig.txt", "wb") as f:  # sparse: 10 MB on paper, nothing on disk
        f.truncate(TEN_MB)
    put("monat-13.txt", b" date 2024-13 Unm\xc3\xb6glich. " + nf.german_article(9).encode())
    put("monat-00.txt", b" date 2024-00 Auch unm\xc3\xb6glich. " + nf.german_article(10).encode())
    put("datum-kaputt.txt", b" date 2024/05 Schr\xc3\xa4g. " + nf.german_article(11).encode())
    put(
        "english.txt",
        b"Summit in Vienna. The foreign ministers of the two countries met on Monday in Vienna"
        b" and they talked about the trade and the security of the region.\n",
    )
    put("kaputt-kodiert.txt", b"\x81\x8d\x8f\x90\x9d" * 20)
    put(f"{SQL_NAME}-leer.txt", b"")
    return good


def test_every_bad_file_is_recorded_and_the_rest_of_the_batch_loads(
    tmp_path: Path, nf: SimpleNamespace, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, db = tmp_path / "eingang", tmp_path / "wh.duckdb"
    good = build_folder(folder, nf)
    files = len(os.listdir(folder))

    first = nf.run_cli(folder, db)
    assert first.returncode == 0, first.stderr

    rejected = nf.query(db, "select file_name, reason, detail, sha256 from rejected_article")
    assert {(r[0], r[1]) for r in rejected} == set(REJECTED.items())
    details = {r[0]: r[2] for r in rejected}
    assert all(d and len(d) > 10 for d in details.values())
    assert f"{TEN_MB:,} bytes" in details["riesig.txt"] and "limit" in details["riesig.txt"]
    assert "2024-13" in details["monat-13.txt"] and "2024-00" in details["monat-00.txt"]
    assert "NUL" in details["nul.txt"] and "HTML" in details["seite.html"]
    assert "English" in details["english.txt"]
    for name in REJECTED:  # the user sees every rejection with its reason
        assert f"rejected {name}: {REJECTED[name]}" in first.stdout

    # Every good file loaded, under every name it came with; the twins once.
    names = dict(nf.query(db, "select file_name, article_id from article_file"))
    assert set(names) == set(good)
    assert names["zwilling-a.txt"] == names["zwilling-b.txt"]
    articles = nf.query(
        db, "select id, body, encoding, warnings, published_date, title from article"
    )
    assert len(articles) == len(good) - 1
    by_id = {a[0]: a for a in articles}
    for name, text in good.items():
        assert text in by_id[names[name]][1], name
    assert all("\r" not in a[1] for a in articles)
    assert by_id[names["latin1.txt"]][2] == "cp1252" and by_id[names["latin1.txt"]][3]
    assert by_id[names["bom.txt"]][2] == "utf-8-sig"
    assert by_id[names["bom.txt"]][4] is not None  # the header behind the BOM was read
    assert by_id[names[f"{SQL_NAME}.txt"]][5].startswith(SQL_NAME)  # verbatim, not executed
    # Offsets still point into the normalized body (CR/CRLF files included).
    bad_offsets = nf.query(
        db,
        "select count(*) from sentence as s join article as a on a.id = s.article_id"
        " where s.char_end > length(a.body) or s.char_start >= s.char_end",
    )
    assert bad_offsets == [(0,)]
    assert nf.query(db, "select count(*) from sentence")[0][0] >= len(articles)
    run = nf.query(
        db, "select articles_seen, articles_loaded, articles_rejected, status from extraction_run"
    )
    assert run == [(files, len(articles), len(REJECTED), "succeeded")]

    # The same folder again: no row changes (only the run is recorded).
    before = nf.snapshot(db, exclude=("extraction_run",))
    again = nf.run_in_process(folder, db, capsys)
    assert again.returncode == 0, again.stderr
    assert nf.snapshot(db, exclude=("extraction_run",)) == before
    assert "0 loaded" in again.stdout and "0 newly rejected" in again.stdout

    # A file edited after loading: a new version; the old one is superseded, not duplicated.
    facts = ("mention", "event", "participation", "event_evidence", "membership_evidence")
    counts_before = {t: len(before[t]) for t in facts}
    edited = nf.german_article(0).replace("den Handel", "den Außenhandel")
    (folder / "gut-1.txt").write_text(edited, encoding="utf-8")
    third = nf.run_in_process(folder, db, capsys)
    assert third.returncode == 0, third.stderr
    versions = nf.query(
        db,
        "select a.superseded_at is null, a.body from article as a"
        " join article_file as f on f.article_id = a.id where f.file_name = 'gut-1.txt'"
        " order by a.id",
    )
    assert [v[0] for v in versions] == [False, True]
    assert "Außenhandel" in versions[1][1] and "Außenhandel" not in versions[0][1]
    assert nf.query(
        db,
        "select count(*) from sentence as s join article as a on a.id = s.article_id"
        " where a.superseded_at is not null",
    ) == [(0,)]
    after = nf.snapshot(db)
    assert {t: len(after[t]) for t in facts} == counts_before
    assert len(after["article"]) == len(articles) + 1


def test_a_ten_megabyte_file_is_refused_by_its_size_without_being_read(tmp_path: Path) -> None:
    """The size check comes first, so a huge file costs one stat, not a read."""
    from etl.articles import read_article

    huge = tmp_path / "riesig.txt"
    with open(huge, "wb") as f:
        f.truncate(TEN_MB)
    started = time.perf_counter()
    result = read_article(huge)
    assert time.perf_counter() - started < 0.05
    assert result.reason == "too_large"  # type: ignore[union-attr]
    assert result.detail == "10,485,760 bytes is over the 2,000,000-byte limit for an article"  # type: ignore[union-attr]
