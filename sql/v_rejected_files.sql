-- v_rejected_files: the files the pipeline could not load, why, and whether a fixed version
--                   of the file has loaded since.
-- grain: one row per rejected file name x content (sha256); the same bad file seen again by
--        a later run adds no row.
with loaded_names as (
    select distinct file_name
    from article_file
)

select
    r.id as rejection_id,
    r.file_name,
    r.sha256,
    r.reason,
    r.detail,
    r.seen_at,
    r.run_id,
    run.started_at as run_started_at,
    ln.file_name is not null as loaded_later
from rejected_article as r
join extraction_run as run on run.id = r.run_id
left join loaded_names as ln on ln.file_name = r.file_name
