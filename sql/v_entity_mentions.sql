-- v_entity_mentions: how much each entity is talked about, over all current articles.
-- grain: one row per mentioned entity (entity_kind x entity_id); entities never mentioned
--        have no row.
with mentions as (
    select
        m.entity_kind,
        coalesce(m.person_id, m.state_id, m.organization_id, m.place_id) as entity_id,
        m.surface,
        m.via,
        a.id as article_id,
        a.published_date
    from mention as m
    join sentence as s on s.id = m.sentence_id
    join article as a on a.id = s.article_id
    where a.superseded_at is null
),

totals as (
    select
        entity_kind,
        entity_id,
        count(*) as mention_count,
        count(distinct article_id) as article_count,
        count(distinct surface) as surface_count,
        count(*) filter (where via not in ('name', 'alias')) as indirect_count,
        min(published_date) as first_published,
        max(published_date) as last_published
    from mentions
    group by entity_kind, entity_id
)

select
    t.entity_kind,
    t.entity_id,
    coalesce(p.key, st.code, o.key, pl.key) as entity_key,
    coalesce(p.name, st.name_de, o.name, pl.name) as entity_name,
    t.mention_count,
    t.article_count,
    t.surface_count,
    t.indirect_count,
    t.first_published,
    t.last_published
from totals as t
left join person as p on t.entity_kind = 'person' and p.id = t.entity_id
left join state as st on t.entity_kind = 'state' and st.id = t.entity_id
left join organization as o on t.entity_kind = 'organization' and o.id = t.entity_id
left join place as pl on t.entity_kind = 'place' and pl.id = t.entity_id
