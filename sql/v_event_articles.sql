-- v_event_articles: the articles that report each event.
-- grain: one row per event x current article, with the number of supporting sentences.
select
    ec.fact_id as event_id,
    a.id as article_id,
    a.file_name,
    a.published_date,
    a.date_precision,
    ec.evidence_count
from v_evidence_counts as ec
join article as a on a.id = ec.article_id
where ec.fact_kind = 'event'
  and a.superseded_at is null
