"""Where facts come from: runs, articles, the files that carried them, sentences."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    String,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, in_values, surrogate_key

DATE_PRECISIONS = ("year", "month", "day")
REJECTION_REASONS = (
    "empty",
    "binary",
    "too_large",
    "undecodable",
    "unreadable",
    "bad_header",
    "not_german",
    "html",
)


def _counter() -> Mapped[int]:
    return mapped_column(Integer, nullable=False, server_default=text("0"))


class ExtractionRun(Base):
    """One pipeline run: which code and knowledge produced the facts it loaded."""

    __tablename__ = "extraction_run"
    __table_args__ = (
        CheckConstraint(in_values("status", ("running", "succeeded", "failed")), name="status"),
    )

    id: Mapped[int] = surrogate_key("extraction_run")
    started_at: Mapped[datetime] = mapped_column(DateTime, nullable=False)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime)
    code_version: Mapped[str] = mapped_column(String, nullable=False)
    knowledge_version: Mapped[str] = mapped_column(String, nullable=False)
    status: Mapped[str] = mapped_column(String, nullable=False)
    articles_seen: Mapped[int] = _counter()
    articles_loaded: Mapped[int] = _counter()
    articles_skipped: Mapped[int] = _counter()
    articles_rejected: Mapped[int] = _counter()
    mentions: Mapped[int] = _counter()
    events: Mapped[int] = _counter()
    memberships: Mapped[int] = _counter()


class Article(Base):
    """One distinct article text (by content hash); its facts hang off it."""

    __tablename__ = "article"
    __table_args__ = (
        CheckConstraint(
            f"date_precision is null or {in_values('date_precision', DATE_PRECISIONS)}",
            name="date_precision",
        ),
        CheckConstraint(
            "(published_date is null) = (date_precision is null)", name="date_and_precision"
        ),
    )

    id: Mapped[int] = surrogate_key("article")
    file_name: Mapped[str] = mapped_column(String, nullable=False)
    sha256: Mapped[str] = mapped_column(String(64), nullable=False, unique=True)
    title: Mapped[str] = mapped_column(String, nullable=False)
    lead: Mapped[str | None] = mapped_column(String)
    body: Mapped[str] = mapped_column(String, nullable=False)
    published_date: Mapped[date | None] = mapped_column(Date)
    date_precision: Mapped[str | None] = mapped_column(String)
    encoding: Mapped[str] = mapped_column(String, nullable=False)
    warnings: Mapped[str | None] = mapped_column(String)
    ingested_at: Mapped[datetime] = mapped_column(DateTime, nullable=False)
    superseded_at: Mapped[datetime | None] = mapped_column(DateTime)
    knowledge_version: Mapped[str | None] = mapped_column(String)
    run_id: Mapped[int] = mapped_column(ForeignKey("extraction_run.id"), nullable=False)


class ArticleFile(Base):
    """Every file name under which an article's content was seen (same text, two names)."""

    __tablename__ = "article_file"
    __table_args__ = (UniqueConstraint("article_id", "file_name"),)

    id: Mapped[int] = surrogate_key("article_file")
    article_id: Mapped[int] = mapped_column(ForeignKey("article.id"), nullable=False)
    file_name: Mapped[str] = mapped_column(String, nullable=False)
    first_seen_at: Mapped[datetime] = mapped_column(DateTime, nullable=False)


class RejectedArticle(Base):
    """A file that could not be loaded, and why: nothing is dropped silently."""

    __tablename__ = "rejected_article"
    __table_args__ = (
        CheckConstraint(in_values("reason", REJECTION_REASONS), name="reason"),
        UniqueConstraint("file_name", "sha256"),
    )

    id: Mapped[int] = surrogate_key("rejected_article")
    file_name: Mapped[str] = mapped_column(String, nullable=False)
    sha256: Mapped[str] = mapped_column(String(64), nullable=False)
    reason: Mapped[str] = mapped_column(String, nullable=False)
    detail: Mapped[str] = mapped_column(String, nullable=False)
    seen_at: Mapped[datetime] = mapped_column(DateTime, nullable=False)
    run_id: Mapped[int] = mapped_column(ForeignKey("extraction_run.id"), nullable=False)


class SentenceRow(Base):
    """A sentence as offsets into its article's body; the text is derived, not copied."""

    __tablename__ = "sentence"
    __table_args__ = (
        UniqueConstraint("article_id", "idx"),
        CheckConstraint("char_start >= 0 and char_end >= char_start", name="offsets"),
    )

    id: Mapped[int] = surrogate_key("sentence")
    article_id: Mapped[int] = mapped_column(ForeignKey("article.id"), nullable=False)
    idx: Mapped[int] = mapped_column(Integer, nullable=False)
    char_start: Mapped[int] = mapped_column(Integer, nullable=False)
    char_end: Mapped[int] = mapped_column(Integer, nullable=False)
