-- v_evidence_counts: how many sentences of each article report each event, participation and
--                    membership; the one evidence count the other views build on.
-- grain: one row per fact (fact_kind x fact_id: event, participation or membership) x article
--        with at least one evidence sentence, current and superseded articles alike (the
--        loader retracts the evidence of a superseded version).
with evidence as (
    select 'event' as fact_kind, event_id as fact_id, sentence_id
    from event_evidence
    union all
    select 'participation', participation_id, sentence_id
    from participation_evidence
    union all
    select 'membership', membership_id, sentence_id
    from membership_evidence
)

select
    ev.fact_kind,
    ev.fact_id,
    s.article_id,
    count(*) as evidence_count
from evidence as ev
join sentence as s on s.id = ev.sentence_id
group by ev.fact_kind, ev.fact_id, s.article_id
