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

events as (
    select
        s.article_id,
        count(distinct ee.event_id) as event_count
    from event_evidence as ee
    join sentence as s on s.id = ee.sentence_id
    group by s.article_id
),

participations as (
    select
        s.article_id,
        count(distinct pe.participation_id) as participation_count
    from participation_evidence as pe
    join sentence as s on s.id = pe.sentence_id
    group by s.article_id
),

memberships as (
    select
        s.article_id,
        count(distinct me.membership_id) as membership_count
    from membership_evidence as me
    join sentence as s on s.id = me.sentence_id
    group by s.article_id
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
    coalesce(e.event_count, 0) as event_count,
    coalesce(pa.participation_count, 0) as participation_count,
    coalesce(ms.membership_count, 0) as membership_count
from article as a
left join files as f on f.article_id = a.id
left join sentences as s on s.article_id = a.id
left join mentions as m on m.article_id = a.id
left join events as e on e.article_id = a.id
left join participations as pa on pa.article_id = a.id
left join memberships as ms on ms.article_id = a.id
