-- v_discovered_persons: persons found in the text but not in the knowledge base, the
--                       candidates for review (add to the knowledge base, or fix a rule).
-- grain: one row per discovered person (person.discovered); state_code is null when the text
--        gave no nationality (unresolved).
with aliases as (
    select
        person_id,
        list_sort(list(alias)) as aliases
    from person_alias
    group by person_id
),

mentions as (
    select
        m.person_id,
        count(*) as mention_count,
        count(distinct s.article_id) as article_count,
        min(a.published_date) as first_published,
        max(a.published_date) as last_published
    from mention as m
    join sentence as s on s.id = m.sentence_id
    join article as a on a.id = s.article_id
    where m.person_id is not null
      and a.superseded_at is null
    group by m.person_id
),

events as (
    select
        person_id,
        count(distinct event_id) as event_count
    from participation
    where person_id is not null
    group by person_id
)

select
    p.id as person_id,
    p.key as person_key,
    p.name as person_name,
    p.title,
    st.code as state_code,
    st.code is null as state_unresolved,
    coalesce(al.aliases, []) as aliases,
    coalesce(m.mention_count, 0) as mention_count,
    coalesce(m.article_count, 0) as article_count,
    coalesce(ev.event_count, 0) as event_count,
    m.first_published,
    m.last_published
from person as p
left join state as st on st.id = p.state_id
left join aliases as al on al.person_id = p.id
left join mentions as m on m.person_id = p.id
left join events as ev on ev.person_id = p.id
where p.discovered
