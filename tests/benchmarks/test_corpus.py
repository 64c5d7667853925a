"""The benchmark corpus: reproducible, unique 2-6 KB articles that report a bounded world of
happenings, so that many articles report the same happening and dedup merges their reports.

Articles are spread over 11 years, so 300 consecutive ones hardly ever meet; the repetition
tests take the 300 articles of a 30-day window among the first 40,000 (the density of a corpus
of ~40,000 articles).
"""

import random
import re
import sys
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # benchmarks/ is a folder of scripts, not an installed package
    sys.path.insert(0, str(ROOT))

from benchmarks import corpus  # noqa: E402
from benchmarks.corpus import (  # noqa: E402
    MONTHS,
    WEEKDAYS,
    article_text,
    happenings_of,
    iter_articles,
    publication_day,
)
from etl.articles import ParsedArticle, parse_article  # noqa: E402
from etl.knowledge_base import KnowledgeBase, load_knowledge_base  # noqa: E402
from etl.load import group_events  # noqa: E402
from etl.parallel import Extractor  # noqa: E402

SEED = 5


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge_base()


@pytest.fixture(scope="module")
def window() -> list[int]:
    """Indices of 300 articles published within 30 days."""
    start = date(2019, 3, 1)
    days = [publication_day(SEED, i) for i in range(40_000)]
    picked = [i for i, d in enumerate(days) if start <= d < start + timedelta(days=30)][:300]
    assert len(picked) >= 250
    return picked


def test_an_article_is_the_same_however_it_is_generated(kb: KnowledgeBase) -> None:
    first = list(iter_articles(30, seed=SEED, kb=kb))
    assert first == list(iter_articles(30, seed=SEED, kb=kb))
    assert first != list(iter_articles(30, seed=SEED + 1, kb=kb))
    for i in (0, 7, 29):
        corpus._week.cache_clear()  # no happening left over from the articles generated before
        corpus._founding_of.cache_clear()
        assert list(iter_articles(1, seed=SEED, start=i, kb=kb)) == [first[i]]
        assert article_text(kb, SEED, i) == first[i][1]
    # later articles (an incremental batch) do not change earlier ones
    assert list(iter_articles(40, seed=SEED, kb=kb))[:30] == first


def test_articles_are_unique_and_2_to_6_kb(kb: KnowledgeBase) -> None:
    texts = [t for _, t in iter_articles(300, seed=SEED, kb=kb)]
    assert len(set(texts)) == 300
    for name, text in zip((corpus.file_name(SEED, i) for i in range(300)), texts, strict=True):
        parsed = parse_article(name, text.encode("utf-8"))
        assert isinstance(parsed, ParsedArticle)
        assert 2000 <= len(parsed.body.encode("utf-8")) <= 6000
        assert len(text.encode("utf-8")) <= 6500


def _check_phrase(phrase: str, day: date, end: date, published: date) -> None:
    """A date phrase names the happening's day as seen from the publication day."""
    ago = (published - day).days
    month = MONTHS[day.month - 1]
    if phrase == "heute":
        assert ago == 0
    elif phrase in ("gestern", "am Vortag"):
        assert ago == 1
    elif phrase.removeprefix("am ") in WEEKDAYS:
        assert 1 <= ago <= 6 and phrase == f"am {WEEKDAYS[day.weekday()]}"
    elif phrase == "in der vergangenen Woche":
        assert published.isocalendar()[:2] == (day + timedelta(days=7)).isocalendar()[:2]
    elif phrase == "in diesem Monat":
        assert (day.year, day.month) == (published.year, published.month)
    elif m := re.fullmatch(r"am (\d+)\. (\w+)( \d{4})?", phrase):
        assert (m[1], m[2], m[3] or f" {day.year}") == (str(day.day), month, f" {day.year}")
    elif re.fullmatch(r"am \d\d\.\d\d\.\d{4}", phrase):
        assert phrase == f"am {day:%d.%m.%Y}"
    elif m := re.fullmatch(r"(?:vom|am) (\d+)\. (?:bis|und) (\d+)\. (\w+)", phrase):
        assert (int(m[1]), int(m[2]), m[3]) == (day.day, end.day, month) and end > day
    elif m := re.fullmatch(r"(?:im|Anfang|Mitte|Ende) (\w+)( \d{4})?", phrase):
        assert (m[1], m[2] or f" {day.year}") == (month, f" {day.year}")
    else:
        raise AssertionError(f"unexpected date phrase {phrase!r}")


def test_dates_are_the_happenings_day_seen_from_the_publication_day(kb: KnowledgeBase) -> None:
    recent = checked = 0
    for i in range(200):
        a = corpus._Article(kb, SEED, random.Random(f"test:{i}"))
        if a.kind == "founding":  # dated by its year only ("wurde 1949 in Paris gegründet")
            continue
        checked += 1
        recent += (a.published - a.main.day).days <= corpus.MAIN_DAYS
        assert 0 <= (a.published - a.main.day).days <= corpus.RECALL_DAYS
        for h, background in [
            (a.main, False),
            (a.recall("meeting"), True),
            (a.recall("visit"), True),
        ]:
            if background:
                assert 1 <= (a.published - h.day).days < corpus.RECALL_DAYS
            for _ in range(30):
                phrase, vague = a.when(h, background)
                assert background or not vague  # the main story is never dated vaguely
                if not vague:
                    _check_phrase(phrase, h.day, h.end, a.published)
    assert recent >= 0.9 * checked  # the main story is of the last days (rarely, of the last weeks)


def test_articles_report_few_happenings_many_times(kb: KnowledgeBase, window: list[int]) -> None:
    reports = [happenings_of(SEED, i, kb) for i in window]
    assert reports == [happenings_of(SEED, i, kb) for i in window]
    sentences = sum(len(r) for r in reports)
    pairs = sum(len(set(r)) for r in reports)  # (article, happening) it reports
    articles = Counter(h for r in reports for h in set(r))
    assert sentences > 2 * pairs  # an article comes back to what it reports
    assert len(articles) < 0.6 * pairs  # and so do other articles
    assert sum(1 for n in articles.values() if n >= 2) > 0.4 * len(articles)
    assert max(articles.values()) >= 8
    # every article reporting a visit names its visitor (each visit template does)
    visits = [h for h, n in articles.most_common() if h[0] == "visit" and n >= 3][:5]
    assert visits
    for kind, week, slot in visits:
        visitor = corpus._happening(kb, SEED, kind, week, slot).cast[0][0]
        for i, r in zip(window, reports, strict=True):
            if (kind, week, slot) in r:
                assert visitor in article_text(kb, SEED, i)


def test_dedup_merges_the_reports_of_many_articles(kb: KnowledgeBase, window: list[int]) -> None:
    parsed = []
    for i in window:
        article = parse_article(corpus.file_name(SEED, i), article_text(kb, SEED, i).encode())
        assert isinstance(article, ParsedArticle)
        parsed.append(article)
    with Extractor(1) as ex:
        extracted = ex.extract(parsed)
    reports = sum(len(e.facts.events) for e in extracted)
    groups = group_events(extracted)
    assert len(groups) < 0.6 * reports
    merged = [g for g in groups if len({sha for sha, _ in g.members}) >= 2]
    assert len(merged) > 0.25 * len(groups)
