"""Extract layer: entities, memberships and events read from each article (pure Python)."""


from collections import Counter

import dagster as dg
from tqdm import tqdm

from dagster_project.defs.assets.articles import ParsedBatch
from etl.knowledge_base import load_knowledge_base
from etl.load import ExtractedArticle
from etl.pipeline import extract_article


class ExtractConfig(dg.Config):
    progress: bool = False  # a progress bar on the terminal (the CLI turns it on)


@dg.asset(
    group_name="extract",
    kinds={"python"},
    description="Sentences, entity mentions (resolved to persons, states, organizations, "
    "places), memberships and events of every new or stale article.",
)
def article_facts(
    context: dg.AssetExecutionContext, config: ExtractConfig, parsed_articles: ParsedBatch
) -> dg.Output[list[ExtractedArticle]]:
    kb = load_knowledge_base()
    out = []
    for article in tqdm(
        parsed_articles.plan.to_extract, desc="extracting", unit="article",
        disable=not config.progress,
    ):
        out.append(ExtractedArticle(article, extract_article(article, kb)))
    types = Counter(ev.type for e in out for ev in e.facts.events)
    return dg.Output(
        out,
        metadata={
            "articles": len(out),
            "mentions": sum(len(e.facts.mentions) for e in out),
            "memberships": sum(len(e.facts.memberships) for e in out),
            "event_reports": sum(len(e.facts.events) for e in out),
            "event_types": dict(types),
            "knowledge_version": kb.version,
        },
    )
