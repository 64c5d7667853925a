-- v_person_visits_abroad: the events a person attended outside their own state.
-- grain: one row per person x event where the person was host or participant and the event
--        took place in a state other than the person's. The event's state is its own state,
--        else its place's state, else the state that hosted it; events whose location or
--        whose person's state is unknown are left out.
with hosting_state as (
    select
        event_id,
        min(state_id) as state_id
    from participation
    where state_id is not null
      and role = 'host'
    group by event_id
),

event_location as (
    select
        e.id as event_id,
        coalesce(e.state_id, pl.state_id, hs.state_id) as state_id
    from event as e
    left join place as pl on pl.id = e.place_id
    left join hosting_state as hs on hs.event_id = e.id
),

attended as (
    select
        person_id,
        event_id,
        string_agg(distinct role, ', ') as roles
    from participation
    where person_id is not null
      and role in ('host', 'participant')
    group by person_id, event_id
)

select
    p.id as person_id,
    p.key as person_key,
    p.name as person_name,
    home.code as person_state_code,
    e.id as event_id,
    e.type as event_type,
    e.title as event_title,
    e.status as event_status,
    e.start_date,
    e.start_precision,
    dest.code as destination_state_code,
    dest.name_de as destination_state_name,
    pl.name as place_name,
    att.roles
from attended as att
join person as p on p.id = att.person_id
join event as e on e.id = att.event_id
join event_location as loc on loc.event_id = e.id
join state as home on home.id = p.state_id
join state as dest on dest.id = loc.state_id
left join place as pl on pl.id = e.place_id
where loc.state_id <> p.state_id
