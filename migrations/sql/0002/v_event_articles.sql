-- v_event_articles: the articles that report each event.
-- grain: one row per event x current article, with the number of supporting sentences.
select
    ee.event_id,
    a.id as article_id,
    a.file_name,
    a.published_date,
    a.date_precision,
    count(*) as evidence_count
from event_evidence as ee
join sentence as s on s.id = ee.sentence_id
join article as a on a.id = s.article_id
where a.superseded_at is null
group by all
