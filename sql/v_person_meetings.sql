-- v_person_meetings: who met whom, the persons who took part in the same events.
-- grain: one row per unordered pair of persons (person_a_id < person_b_id) who were both
--        present (role host or participant) at one or more events; absent, target and
--        perpetrator do not count as meeting. Each pair appears once, not twice.
with present as (
    select distinct
        event_id,
        person_id
    from participation
    where person_id is not null
      and role in ('host', 'participant')
),

pair_events as (
    select
        a.person_id as person_a_id,
        b.person_id as person_b_id,
        a.event_id
    from present as a
    join present as b
        on b.event_id = a.event_id
        and b.person_id > a.person_id
),

pairs as (
    select
        pe.person_a_id,
        pe.person_b_id,
        count(*) as event_count,
        count(*) filter (where e.status = 'occurred') as occurred_count,
        count(*) filter (where e.status = 'planned') as planned_count,
        min(e.start_date) as first_date,
        max(e.start_date) as last_date,
        list(e.id order by e.start_date nulls last, e.id) as event_ids,
        list_sort(list(distinct e.type)) as event_types,
        string_agg(e.title, '; ' order by e.start_date nulls last, e.id) as event_titles
    from pair_events as pe
    join event as e on e.id = pe.event_id
    group by pe.person_a_id, pe.person_b_id
)

select
    pr.person_a_id,
    pa.key as person_a_key,
    pa.name as person_a_name,
    sa.code as person_a_state_code,
    pr.person_b_id,
    pb.key as person_b_key,
    pb.name as person_b_name,
    sb.code as person_b_state_code,
    pr.event_count,
    pr.occurred_count,
    pr.planned_count,
    pr.first_date,
    pr.last_date,
    pr.event_ids,
    pr.event_types,
    pr.event_titles
from pairs as pr
join person as pa on pa.id = pr.person_a_id
join person as pb on pb.id = pr.person_b_id
left join state as sa on sa.id = pa.state_id
left join state as sb on sb.id = pb.state_id
