-- Silences that have not ended before $since (all when $since is far in the past), newest first.
select
    silence_id,
    matchers,
    strftime(starts_at at time zone 'UTC', '%Y-%m-%dT%H:%M:%S.%gZ') as starts_at,
    strftime(ends_at at time zone 'UTC', '%Y-%m-%dT%H:%M:%S.%gZ') as ends_at,
    created_by,
    comment
from alerts.silences
where ends_at > $since::timestamptz
order by starts_at desc, silence_id;
