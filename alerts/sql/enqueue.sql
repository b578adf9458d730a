-- $rows: JSON array of outbox rows. An id already present is left alone (idempotent re-evaluation).
insert into alerts.outbox (notification_id, created_at, receiver, rule, fingerprint, kind, payload_json, status, attempts, next_attempt_at)
select r.notification_id, $now::timestamptz, r.receiver, r.rule, r.fingerprint, r.kind, r.payload_json, 'pending', 0, $now::timestamptz
from (
    select unnest(from_json($rows::json, '[{"notification_id":"VARCHAR","receiver":"VARCHAR","rule":"VARCHAR","fingerprint":"VARCHAR","kind":"VARCHAR","payload_json":"VARCHAR"}]')) as r
)
on conflict do nothing;
