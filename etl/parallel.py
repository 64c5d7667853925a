"""Extraction of article batches on several processes, with results in input order.

Extraction (`etl.pipeline.extract_article`) is a pure function of an article and the knowledge
base: no database, no shared state. It is also CPU-bound pure Python, so threads do not help
(the GIL) and processes do. An `Extractor` keeps a pool of worker processes for a whole run,
because starting one costs about a second (imports, knowledge base, automata) and must not be
paid per batch. Work is sent in chunks of articles, which keeps the pickling overhead per article
small, and results come back in input order: the facts of a batch do not depend on the number of
processes (tests/etl/test_parallel.py proves it on a generated corpus), so the load that follows
is identical too.

Workers are started with ``spawn``, not ``fork``: the parent usually holds an open DuckDB
connection (with its own threads) or runs inside Dagster, and forking a threaded process can
deadlock the child.

`Extractor.submit` returns at once, so that a caller can extract batch k+1 while it loads batch k
into the single-writer warehouse (`etl.batches`).
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

from etl.articles import ParsedArticle
from etl.facts import ArticleFacts
from etl.knowledge_base import KnowledgeBase, load_knowledge_base
from etl.load import ExtractedArticle
from etl.pipeline import extract_article

DEFAULT_CHUNK = 16  # articles per task: ~0.1 s of work at ~150 articles/s, pickling stays <2 %

_worker_kb: KnowledgeBase | None = None


def _knowledge_path() -> str | None:
    return os.environ.get("NEWSFACTS_KNOWLEDGE") or None


def _init_worker(knowledge: str | None) -> None:
    global _worker_kb
    _worker_kb = load_knowledge_base(knowledge)


def _warm(_: int) -> str:
    """Build the worker's automata and caches before timed work; returns its knowledge version."""
    assert _worker_kb is not None
    extract_article(
        ParsedArticle("warmup", "", "Warmup", None, "Olaf Scholz traf Emmanuel Macron in Paris.",
                      None, "utf-8"),
        _worker_kb,
    )  # fmt: skip
    return _worker_kb.version


def _extract_chunk(articles: list[ParsedArticle], version: str) -> list[ArticleFacts]:
    """Extract a chunk with the worker's knowledge base, which must be the parent's ``version``.

    A worker reads the knowledge files when it starts, the parent when it made the `Extractor`
    (and caches them): an edit in between would give facts of other knowledge, stored under the
    parent's ``knowledge_version`` and different from what one process extracts. Checked per
    chunk, since a run need not call `Extractor.warm_up`."""
    assert _worker_kb is not None
    if _worker_kb.version != version:
        raise RuntimeError(
            f"worker knowledge base {_worker_kb.version} differs from the parent's {version}"
        )
    return [extract_article(a, _worker_kb) for a in articles]


class PendingBatch:
    """A batch being extracted; `result` waits for it (and, with one process, does the work)."""

    def __init__(
        self,
        articles: Sequence[ParsedArticle],
        futures: list[Future[list[ArticleFacts]]] | None,
        kb: KnowledgeBase,
    ) -> None:
        self._articles, self._futures, self._kb = articles, futures, kb

    def result(self) -> list[ExtractedArticle]:
        if self._futures is None:
            facts = [extract_article(a, self._kb) for a in self._articles]
        else:
            facts = [f for fut in self._futures for f in fut.result()]
        return [ExtractedArticle(a, f) for a, f in zip(self._articles, facts, strict=True)]


class Extractor:
    """Extracts batches on ``processes`` processes (1: in this process, no pool at all)."""

    def __init__(
        self,
        processes: int = 1,
        chunk_size: int = DEFAULT_CHUNK,
        kb: KnowledgeBase | None = None,
        knowledge: str | Path | None = None,
    ) -> None:
        self.processes = max(1, processes)
        self.chunk_size = max(1, chunk_size)
        path = str(knowledge) if knowledge is not None else _knowledge_path()
        self.kb = kb or load_knowledge_base(path)
        self._pool: ProcessPoolExecutor | None = None
        if self.processes > 1:
            self._pool = ProcessPoolExecutor(
                max_workers=self.processes,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_init_worker,
                initargs=(path,),
            )

    def warm_up(self) -> None:
        """Start every worker and build its caches now, so that timings measure extraction.

        Also checks that the workers read the same knowledge base as this process: facts from
        another version would be stored under the wrong ``knowledge_version``."""
        if self._pool is None:
            _ = self.submit(
                [
                    ParsedArticle(
                        "warmup",
                        "",
                        "Warmup",
                        None,
                        "Olaf Scholz traf Emmanuel Macron in Paris.",
                        None,
                        "utf-8",
                    )
                ]
            ).result()
            return
        versions = set(self._pool.map(_warm, range(self.processes * 4)))
        if versions != {self.kb.version}:
            raise RuntimeError(
                f"worker knowledge base {versions} differs from the parent's {self.kb.version}"
            )

    def submit(self, articles: Sequence[ParsedArticle]) -> PendingBatch:
        if self._pool is None or not articles:
            return PendingBatch(articles, None, self.kb)
        # Small batches still use every worker: never fewer chunks than processes.
        size = max(1, min(self.chunk_size, -(-len(articles) // self.processes)))
        futures = [
            self._pool.submit(_extract_chunk, list(articles[i : i + size]), self.kb.version)
            for i in range(0, len(articles), size)
        ]
        return PendingBatch(articles, futures, self.kb)

    def extract(self, articles: Sequence[ParsedArticle]) -> list[ExtractedArticle]:
        return self.submit(articles).result()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> Extractor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def extract_batch(
    articles: Sequence[ParsedArticle], processes: int = 1, chunk_size: int = DEFAULT_CHUNK
) -> list[ExtractedArticle]:
    """Extract one batch on a fresh pool (for one-off calls; runs should keep an `Extractor`)."""
    with Extractor(processes, chunk_size) as ex:
        return ex.extract(articles)
