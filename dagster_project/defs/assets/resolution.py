"""Resolve layer: the batch's event reports merged into one event per happening."""


from collections import Counter

import dagster as dg

from etl.load import EventGroup, ExtractedArticle, group_events


@dg.asset(
    group_name="resolve",
    kinds={"python"},
    description="Event reports of the batch deduplicated: one group per real-world happening, "
    "with every article's report kept as evidence. Loading merges these with the warehouse's "
    "existing events.",
)
def event_groups(article_facts: list[ExtractedArticle]) -> dg.Output[list[EventGroup]]:
    groups = group_events(article_facts)
    reports = sum(len(g.members) for g in groups)
    return dg.Output(
        groups,
        metadata={
            "event_reports": reports,
            "events": len(groups),
            "merged_away": reports - len(groups),
            "multi_article_events": sum(
                1 for g in groups if len({sha for sha, _ in g.members}) > 1
            ),
            "types": dict(Counter(g.merged.type for g in groups)),
        },
    )
