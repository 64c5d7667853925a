-- v_membership: states' standing in organizations, as the articles assert it.
-- grain: one row per state x organization x membership kind.
with evidence as (
    select
        fact_id as membership_id,
        cast(sum(evidence_count) as bigint) as evidence_count,
        count(*) as article_count
    from v_evidence_counts
    where fact_kind = 'membership'
    group by fact_id
)

select
    m.id as membership_id,
    st.code as state_code,
    st.name_de as state_name,
    o.key as organization_key,
    o.name as organization_name,
    o.abbreviation as organization_abbreviation,
    m.kind,
    m.since_date,
    m.since_precision,
    m.until_date,
    m.until_precision,
    coalesce(ev.evidence_count, 0) as evidence_count,
    coalesce(ev.article_count, 0) as article_count
from membership as m
join state as st on st.id = m.state_id
join organization as o on o.id = m.organization_id
left join evidence as ev on ev.membership_id = m.id
