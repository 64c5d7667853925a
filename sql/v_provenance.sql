-- v_provenance: every fact traced to the article file, sentence text and character offsets.
-- grain: one row per evidence span (mention, event, participation or membership evidence).
with spans as (
    select 'mention' as fact_kind, id as fact_id, sentence_id, char_start, char_end, surface
    from mention
    union all
    select 'event', event_id, sentence_id, char_start, char_end, surface
    from event_evidence
    union all
    select 'participation', participation_id, sentence_id, char_start, char_end, surface
    from participation_evidence
    union all
    select 'membership', membership_id, sentence_id, char_start, char_end, surface
    from membership_evidence
)

select
    sp.fact_kind,
    sp.fact_id,
    a.id as article_id,
    a.file_name,
    a.published_date,
    s.idx as sentence_index,
    substr(a.body, s.char_start + 1, s.char_end - s.char_start) as sentence_text,
    sp.char_start,
    sp.char_end,
    sp.surface
from spans as sp
join sentence as s on s.id = sp.sentence_id
join article as a on a.id = s.article_id
