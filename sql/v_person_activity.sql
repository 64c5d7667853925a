-- v_person_activity: a person's timeline, the events they were part of month by month.
-- grain: one row per person x year x month of the event's start date. month (first day of
--        the month) is null when the date is known only to the year; year and month are both
--        null for undated events. Counts are of distinct events, whatever the person's role.
with person_events as (
    select
        pa.person_id,
        pa.event_id,
        bool_or(pa.role = 'host') as hosted,
        bool_or(pa.role = 'absent') as stayed_away
    from participation as pa
    where pa.person_id is not null
    group by pa.person_id, pa.event_id
),

abroad as (
    select distinct
        person_id,
        event_id
    from v_person_visits_abroad
),

dated as (
    select
        pe.person_id,
        pe.event_id,
        pe.hosted,
        pe.stayed_away,
        e.type,
        e.status,
        year(e.start_date) as year,
        case
            when e.start_precision in ('month', 'day') then date_trunc('month', e.start_date)
        end as month,
        ab.event_id is not null as is_abroad
    from person_events as pe
    join event as e on e.id = pe.event_id
    left join abroad as ab
        on ab.person_id = pe.person_id
        and ab.event_id = pe.event_id
),

monthly as (
    select
        person_id,
        year,
        month,
        count(*) as event_count,
        count(*) filter (where status = 'occurred') as occurred_count,
        count(*) filter (where status = 'planned') as planned_count,
        count(*) filter (where type in ('summit', 'meeting')) as meeting_count,
        count(*) filter (where type = 'visit') as visit_count,
        count(*) filter (where is_abroad) as abroad_count,
        count(*) filter (where hosted) as hosted_count,
        count(*) filter (where stayed_away) as absent_count,
        list_sort(list(distinct type)) as event_types
    from dated
    group by person_id, year, month
)

select
    p.id as person_id,
    p.key as person_key,
    p.name as person_name,
    st.code as person_state_code,
    m.year,
    cast(m.month as date) as month,
    m.event_count,
    m.occurred_count,
    m.planned_count,
    m.meeting_count,
    m.visit_count,
    m.abroad_count,
    m.hosted_count,
    m.absent_count,
    m.event_types
from monthly as m
join person as p on p.id = m.person_id
left join state as st on st.id = p.state_id
