"""The extraction pipeline as plain functions: files in, facts per article out.

Dagster assets and the benchmark call these; nothing here knows about Dagster or the database.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from etl.articles import ParsedArticle, Rejection, list_article_files, read_article
from etl.entities import extract_entities
from etl.events import extract_events
from etl.facts import ArticleFacts
from etl.knowledge_base import KnowledgeBase
from etl.load import ExtractedArticle

Progress = Callable[[int], None]


def read_folder(
    folder: Path, progress: Progress | None = None
) -> tuple[list[ParsedArticle], list[Rejection]]:
    """Read and parse every file of a folder; bad files become rejections, never exceptions."""
    parsed: list[ParsedArticle] = []
    rejected: list[Rejection] = []
    for path in list_article_files(folder):
        result = read_article(path)
        (parsed if isinstance(result, ParsedArticle) else rejected).append(result)  # type: ignore[arg-type]
        if progress:
            progress(1)
    return parsed, rejected


def extract_article(article: ParsedArticle, kb: KnowledgeBase) -> ArticleFacts:
    entities = extract_entities(article.body, article.published, kb)
    events = extract_events(
        article.body, entities, article.published, kb, headline_end=article.headline_end
    )
    return ArticleFacts(
        sentences=entities.sentences,
        mentions=entities.mentions,
        persons=entities.persons,
        memberships=entities.memberships,
        events=events,
    )


def extract_all(
    articles: Iterable[ParsedArticle], kb: KnowledgeBase, progress: Progress | None = None
) -> list[ExtractedArticle]:
    out = []
    for article in articles:
        out.append(ExtractedArticle(article, extract_article(article, kb)))
        if progress:
            progress(1)
    return out
