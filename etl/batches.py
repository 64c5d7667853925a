"""Loading a large folder in bounded batches: memory follows the batch size, not the corpus.

`newsfacts run` (the Dagster graph) reads a whole folder as one batch, which is right for a
daily inbox but not for 100,000 files. `load_files` walks the files in batches of
``batch_size``: read and parse a batch, extract it (on an `etl.parallel.Extractor`, in parallel
when it has several processes), then plan and load it in one short transaction. While batch k is
loaded (the single DuckDB writer, this process), batch k+1 is already being extracted by the
workers, so with two processes extraction and loading overlap.

Extraction of batch k+1 starts before batch k is committed, so it is speculative: the plan
(`etl.load.plan_batch`: new, unchanged, changed) is made only after batch k is in, and only the
articles the plan wants are loaded. A file that repeats an earlier batch's text is therefore
extracted but skipped, exactly as in one big batch. Articles left stale by a knowledge change
are re-extracted in batches of the same size before the files.

Everything runs in one `extraction_run`; each batch commits on its own, so a crash loses at most
the batch in flight (and the caller, like the Dagster asset, works on a copy it publishes only
after success).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path

import duckdb

from etl import load, reference
from etl.articles import ParsedArticle, Rejection, read_article
from etl.knowledge_base import KnowledgeBase
from etl.parallel import Extractor, PendingBatch

Progress = Callable[[int], None]


@dataclass
class RunSummary:
    run_id: int
    files: int
    batches: int
    stats: load.LoadStats = field(default_factory=load.LoadStats)
    # seconds the single writer spent on each batch (plan, dedup, insert, commit), and waiting
    # for the extraction workers in all: which of the two bounds a run
    write_seconds: list[float] = field(default_factory=list)
    wait_seconds: float = 0.0


def chunks(items: Sequence[Path], size: int) -> Iterator[Sequence[Path]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def read_files(paths: Sequence[Path]) -> tuple[list[ParsedArticle], list[Rejection]]:
    parsed: list[ParsedArticle] = []
    rejected: list[Rejection] = []
    for path in paths:
        result = read_article(path)
        if isinstance(result, ParsedArticle):
            parsed.append(result)
        else:
            rejected.append(result)
    return parsed, rejected


def sync_reference(con: duckdb.DuckDBPyConnection, kb: KnowledgeBase) -> bool:
    """Load the knowledge base's dimensions if the warehouse has another version of them."""
    if load.reference_version(con) == kb.version:
        return False
    con.execute("begin")
    try:
        reference.sync_reference(con, kb)
        con.execute("commit")
    except BaseException:
        con.execute("rollback")
        raise
    return True


def _add(total: load.LoadStats, part: load.LoadStats) -> None:
    for k, v in part.as_dict().items():
        setattr(total, k, getattr(total, k) + v)


def load_extracted(
    con: duckdb.DuckDBPyConnection,
    parsed: Sequence[ParsedArticle],
    rejections: Sequence[Rejection],
    extracted: Sequence[load.ExtractedArticle],
    kb: KnowledgeBase,
    run_id: int,
) -> load.LoadStats:
    """Plan a batch against the warehouse as it is now, then load what the plan wants.

    ``extracted`` holds the facts of every parsed article, extracted before the plan was known
    (speculatively, or in another process or Dagster step); unchanged files are skipped here."""
    plan = load.plan_batch(con, parsed, kb.version)
    by_sha: dict[str, load.ExtractedArticle] = {}
    for e in extracted:
        by_sha.setdefault(e.article.sha256, e)
    wanted = [by_sha[a.sha256] for a in plan.to_extract]  # one per content, in plan order
    load.retract_articles(con, plan.superseded_ids, supersede=True)
    groups = load.group_events(wanted)
    return load.load_batch(con, wanted, groups, plan.skipped, rejections, kb, run_id)


def _reload_stale(
    con: duckdb.DuckDBPyConnection,
    extractor: Extractor,
    batch_size: int,
    run_id: int,
    progress: Progress | None,
) -> load.LoadStats:
    """Re-extract the articles a knowledge-base change left stale, a batch at a time."""
    kb = extractor.kb
    total = load.LoadStats()
    stale = load.plan_batch(con, [], kb.version).stale_ids
    for i in range(0, len(stale), batch_size):
        ids = stale[i : i + batch_size]
        articles = load.stale_articles(con, ids)
        extracted = extractor.extract(articles)
        load.retract_articles(con, ids)
        stats = load.load_batch(con, extracted, load.group_events(extracted), [], [], kb, run_id)
        _add(total, stats)
        if progress:
            progress(len(ids))
    return total


def load_files(
    con: duckdb.DuckDBPyConnection,
    files: Sequence[Path],
    extractor: Extractor,
    batch_size: int = 1000,
    progress: Progress | None = None,
) -> RunSummary:
    """Load ``files`` into the (migrated) warehouse behind ``con`` in batches, as one run."""
    kb = extractor.kb
    # DuckDB checkpoints whenever the WAL passes 16 MB, and a checkpoint rewrites the indexes
    # of the big fact tables: with the default, a commit of one batch could take a second on a
    # 10k-article warehouse. The caller checkpoints once at the end (`warehouse.publish` does).
    con.execute("set checkpoint_threshold = '1GB'")
    sync_reference(con, kb)
    run_id = load.start_run(con, version("newsfacts"), kb.version)
    summary = RunSummary(run_id, len(files), 0)
    try:
        _add(summary.stats, _reload_stale(con, extractor, batch_size, run_id, progress))
        previous: tuple[list[ParsedArticle], list[Rejection], PendingBatch] | None = None
        for batch in [*chunks(files, batch_size), None]:
            current = None
            if batch is not None:
                parsed, rejected = read_files(batch)
                current = (parsed, rejected, extractor.submit(parsed))
            if previous is not None:  # load k while the workers extract k+1
                parsed_k, rejected_k, pending_k = previous
                t0 = time.perf_counter()
                extracted = pending_k.result()
                t1 = time.perf_counter()
                stats = load_extracted(con, parsed_k, rejected_k, extracted, kb, run_id)
                summary.wait_seconds += t1 - t0
                summary.write_seconds.append(time.perf_counter() - t1)
                _add(summary.stats, stats)
                summary.batches += 1
                if progress:
                    progress(len(previous[0]) + len(previous[1]))
            previous = current
    except BaseException:
        load.finish_run(con, run_id, summary.stats, len(files), "failed")
        raise
    load.finish_run(con, run_id, summary.stats, len(files), "succeeded")
    return summary


def stage_batches(source: Path, root: Path, batch_size: int) -> list[str]:
    """Split a folder of article files into ingest batches: numbered subfolders of ``root``.

    An ingest batch is the unit of the partitioned Dagster assets (one partition each). Files are
    moved, in name order, into ``batch-NNNNNN`` folders after the highest existing number, so
    staging twice never renames a batch that may already be loaded. Returns the new batch names.
    """
    root.mkdir(parents=True, exist_ok=True)
    numbers = [int(p.name[6:]) for p in root.glob("batch-*") if p.name[6:].isdigit()]
    nxt = max(numbers, default=0) + 1
    names = []
    files = sorted(p for p in source.iterdir() if p.is_file() and not p.name.startswith("."))
    for group in chunks(files, batch_size):
        name = f"batch-{nxt:06d}"
        target = root / name
        target.mkdir()
        for f in group:
            f.rename(target / f.name)
        names.append(name)
        nxt += 1
    return names
