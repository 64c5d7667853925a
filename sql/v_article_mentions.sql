-- v_article_mentions: which entities each current article mentions.
-- grain: one row per article x mentioned entity (person, state, organization or place).
with current_mentions as (
    select
        s.article_id,
        m.entity_kind,
        m.person_id,
        m.state_id,
        m.organization_id,
        m.place_id,
        count(*) as mention_count,
        min(m.char_start) as first_char_start
    from mention as m
    join sentence as s on s.id = m.sentence_id
    group by all
)

select
    a.id as article_id,
    a.file_name,
    cm.entity_kind,
    coalesce(p.key, st.code, o.key, pl.key) as entity_key,
    coalesce(p.name, st.name_de, o.name, pl.name) as entity_name,
    cm.person_id,
    cm.state_id,
    cm.organization_id,
    cm.place_id,
    cm.mention_count,
    cm.first_char_start
from current_mentions as cm
join article as a on a.id = cm.article_id
left join person as p on p.id = cm.person_id
left join state as st on st.id = cm.state_id
left join organization as o on o.id = cm.organization_id
left join place as pl on pl.id = cm.place_id
where a.superseded_at is null
