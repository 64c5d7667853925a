-- v_article_facts: how many facts each article yielded (articles with none stand out).
-- grain: one row per article (distinct text), current and superseded alike; status says
--        which: current, superseded (the file changed) or stale (awaiting re-extraction).
with sentences as (
    select
        article_id,
        count(*) as sentence_count
    from sentence
    group by article_id
),

mentions as (
    select
        s.article_id,
        count(*) as mention_count,
        count(distinct m.entity_kind || ':' || cast(
            coalesce(m.person_id, m.state_id, m.organization_id, m.place_id) as varchar
        )) as entity_count
    from mention as m
    join sentence as s on s.id = m.sentence_id
    group by s.article_id
),

facts as (
    select
        article_id,
        count(*) filter (where fact_kind = 'event') as event_count,
        count(*) filter (where fact_kind = 'participation') as participation_count,
        count(*) filter (where fact_kind = 'membership') as membership_count
    from v_evidence_counts
    group by article_id
),

files as (
    select
        article_id,
        count(*) as file_count
    from article_file
    group by article_id
)

select
    a.id as article_id,
    a.file_name,
    coalesce(f.file_count, 0) as file_count,
    a.title,
    a.published_date,
    a.date_precision,
    a.encoding,
    a.warnings,
    case
        when a.superseded_at is not null then 'superseded'
        when a.knowledge_version is null then 'stale'
        else 'current'
    end as status,
    a.ingested_at,
    coalesce(s.sentence_count, 0) as sentence_count,
    coalesce(m.mention_count, 0) as mention_count,
    coalesce(m.entity_count, 0) as entity_count,
    coalesce(fa.event_count, 0) as event_count,
    coalesce(fa.participation_count, 0) as participation_count,
    coalesce(fa.membership_count, 0) as membership_count
from article as a
left join files as f on f.article_id = a.id
left join sentences as s on s.article_id = a.id
left join mentions as m on m.article_id = a.id
left join facts as fa on fa.article_id = a.id
