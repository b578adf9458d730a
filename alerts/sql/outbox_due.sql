-- Pending notifications whose next attempt is due, oldest first.
select
    notification_id,
    receiver,
    rule,
    fingerprint,
    kind,
    payload_json,
    attempts,
    strftime(created_at at time zone 'UTC', '%Y-%m-%dT%H:%M:%S.%gZ') as created_at
from alerts.outbox
where status = 'pending' and next_attempt_at <= $now::timestamptz
order by created_at, notification_id
limit $limit;
