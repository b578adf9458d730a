-- The clusters of the latest pattern run per (failure predicate, window length in hours) created in
-- [$since, $now]. Timestamps leave as ISO-8601 UTC strings.
with runs as (
    select
        run_id,
        created_at,
        window_from,
        window_to,
        failure,
        row_number() over (
            partition by failure, round((epoch(window_to) - epoch(window_from)) / 3600)
            order by created_at desc, run_id desc
        ) as rn
    from patterns.runs
    where created_at <= $now::timestamptz and created_at >= $since::timestamptz
)
select
    r.run_id as run_id,
    strftime(r.created_at at time zone 'UTC', '%Y-%m-%dT%H:%M:%S.%gZ') as created_at,
    strftime(r.window_from at time zone 'UTC', '%Y-%m-%dT%H:%M:%S.%gZ') as window_from,
    strftime(r.window_to at time zone 'UTC', '%Y-%m-%dT%H:%M:%S.%gZ') as window_to,
    r.failure as failure,
    c.cluster_json as cluster_json
from runs as r
left join patterns.clusters as c on c.run_id = r.run_id
where r.rn = 1
order by r.run_id, c.rank;
