"""Parallel extraction changes nothing: the same facts, in the same order, with 1 and 2 processes.

The corpus is the benchmark's generator (benchmarks/corpus.py) on a small N, so the test covers
the variety the benchmark measures (many persons, states, organizations, event types, dates).
"""

import shutil
import sys
from pathlib import Path

import duckdb
import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # benchmarks/ is a folder of scripts, not an installed package
    sys.path.insert(0, str(ROOT))

from benchmarks.corpus import iter_articles, write_corpus  # noqa: E402
from etl import warehouse  # noqa: E402
from etl.articles import ParsedArticle, parse_article  # noqa: E402
from etl.batches import load_files, stage_batches  # noqa: E402
from etl.knowledge_base import DEFAULT_PATH  # noqa: E402
from etl.parallel import Extractor, extract_batch  # noqa: E402

N = 40


@pytest.fixture(scope="module")
def corpus() -> list[ParsedArticle]:
    out = []
    for name, text in iter_articles(N, seed=7):
        parsed = parse_article(name, text.encode("utf-8"))
        assert isinstance(parsed, ParsedArticle)
        out.append(parsed)
    return out


def test_corpus_is_reproducible_and_unique() -> None:
    first = list(iter_articles(5, seed=3))
    assert first == list(iter_articles(5, seed=3))
    assert first != list(iter_articles(5, seed=4))
    texts = [t for _, t in iter_articles(50, seed=3)]
    assert len(set(texts)) == 50
    assert all(2000 <= len(t.encode()) <= 6500 for t in texts)


def test_two_processes_extract_exactly_what_one_does(corpus: list[ParsedArticle]) -> None:
    one = extract_batch(corpus, processes=1)
    with Extractor(processes=2, chunk_size=3) as ex:
        ex.warm_up()
        two = ex.extract(corpus)
        again = ex.submit(corpus[:7]).result()  # a small batch still spans both workers
    assert [e.article for e in two] == corpus
    assert [e.facts for e in two] == [e.facts for e in one]
    assert [e.facts for e in again] == [e.facts for e in one[:7]]
    assert sum(len(e.facts.events) for e in one) > 0


def test_workers_refuse_knowledge_edited_after_the_parent_read_it(
    tmp_path: Path, corpus: list[ParsedArticle]
) -> None:
    """Workers read the knowledge files when they start: an edit after the parent read them
    (another session, a checkout) must fail the extraction, not yield other facts."""
    knowledge = tmp_path / "knowledge"
    shutil.copytree(DEFAULT_PATH, knowledge)
    with Extractor(processes=2, chunk_size=1, knowledge=knowledge) as ex:  # parent reads here
        with (knowledge / "states.yaml").open("a", encoding="utf-8") as f:
            f.write("# edited\n")  # before the first submit starts the workers
        with pytest.raises(RuntimeError, match="differs from the parent"):
            ex.extract(corpus[:2])


def _dump(db: Path) -> dict[str, list[tuple]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        out = {}
        for t in ("article", "sentence", "mention", "person", "event", "participation",
                  "event_evidence", "membership", "membership_evidence"):  # fmt: skip
            cols = [
                r[0]
                for r in con.execute(
                    "select column_name from information_schema.columns where table_name = ?",
                    [t],
                ).fetchall()
                if r[0] not in ("ingested_at", "run_id", "id")
            ]
            out[t] = con.execute(f"select {', '.join(cols)} from {t} order by all").fetchall()
        return out
    finally:
        con.close()


def test_batched_parallel_load_equals_one_process(tmp_path: Path) -> None:
    """The batched loader with 2 processes (extraction overlapping loads) writes what 1 does."""
    folder = tmp_path / "corpus"
    write_corpus(folder, 24, seed=11)
    dumps = []
    for processes in (1, 2):
        db = tmp_path / f"w{processes}.duckdb"
        warehouse.migrate(db)
        con = duckdb.connect(str(db))
        try:
            with Extractor(processes, chunk_size=4) as ex:
                summary = load_files(con, sorted(folder.iterdir()), ex, batch_size=10)
        finally:
            con.close()
        assert summary.batches == 3 and summary.stats.articles_loaded == 24
        dumps.append(_dump(db))
    assert dumps[0] == dumps[1]


def test_stage_batches_numbers_after_existing(tmp_path: Path) -> None:
    src = tmp_path / "in"
    write_corpus(src, 5, seed=2)
    root = tmp_path / "batches"
    assert stage_batches(src, root, 2) == ["batch-000001", "batch-000002", "batch-000003"]
    write_corpus(src, 1, seed=2, start=5)
    assert stage_batches(src, root, 2) == ["batch-000004"]
    assert sum(len(list(p.iterdir())) for p in root.iterdir()) == 6
