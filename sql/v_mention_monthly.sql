-- v_mention_monthly: how often each entity is mentioned, month by month of publication.
-- grain: one row per entity (entity_kind x entity_id) x year x month of the article's
--        publication date, over current (not superseded) articles. month (first day of the
--        month) is null when the article's date is known only to the year; year and month are
--        both null for undated articles.
with mentions as (
    select
        m.entity_kind,
        coalesce(m.person_id, m.state_id, m.organization_id, m.place_id) as entity_id,
        s.article_id
    from mention as m
    join sentence as s on s.id = m.sentence_id
),

dated as (
    select
        mn.entity_kind,
        mn.entity_id,
        mn.article_id,
        year(a.published_date) as year,
        case
            when a.date_precision in ('month', 'day') then date_trunc('month', a.published_date)
        end as month
    from mentions as mn
    join article as a on a.id = mn.article_id
    where a.superseded_at is null
),

monthly as (
    select
        entity_kind,
        entity_id,
        year,
        month,
        count(*) as mention_count,
        count(distinct article_id) as article_count
    from dated
    group by entity_kind, entity_id, year, month
)

select
    mo.entity_kind,
    mo.entity_id,
    coalesce(p.key, st.code, o.key, pl.key) as entity_key,
    coalesce(p.name, st.name_de, o.name, pl.name) as entity_name,
    mo.year,
    cast(mo.month as date) as month,
    mo.mention_count,
    mo.article_count
from monthly as mo
left join person as p on mo.entity_kind = 'person' and p.id = mo.entity_id
left join state as st on mo.entity_kind = 'state' and st.id = mo.entity_id
left join organization as o on mo.entity_kind = 'organization' and o.id = mo.entity_id
left join place as pl on mo.entity_kind = 'place' and pl.id = mo.entity_id
