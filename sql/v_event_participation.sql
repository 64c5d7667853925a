-- v_event_participation: who took part in which event, in which role, with the event's context.
-- grain: one row per event x participant (person, state or organization) x role.
with evidence_counts as (
    select
        fact_id as participation_id,
        cast(sum(evidence_count) as bigint) as evidence_count,
        count(*) as article_count
    from v_evidence_counts
    where fact_kind = 'participation'
    group by fact_id
)

select
    e.id as event_id,
    e.type as event_type,
    e.title as event_title,
    e.status as event_status,
    e.start_date,
    e.start_precision,
    e.end_date,
    e.end_precision,
    pl.name as place_name,
    est.code as event_state_code,
    eo.name as organizer_name,
    pa.id as participation_id,
    case
        when pa.person_id is not null then 'person'
        when pa.state_id is not null then 'state'
        else 'organization'
    end as participant_kind,
    coalesce(p.key, st.code, o.key) as participant_key,
    coalesce(p.name, st.name_de, o.name) as participant_name,
    pst.code as participant_state_code,
    pa.role,
    coalesce(ec.evidence_count, 0) as evidence_count,
    coalesce(ec.article_count, 0) as article_count
from participation as pa
join event as e on e.id = pa.event_id
left join person as p on p.id = pa.person_id
left join state as pst on pst.id = p.state_id
left join state as st on st.id = pa.state_id
left join organization as o on o.id = pa.organization_id
left join place as pl on pl.id = e.place_id
left join state as est on est.id = e.state_id
left join organization as eo on eo.id = e.organization_id
left join evidence_counts as ec on ec.participation_id = pa.id
