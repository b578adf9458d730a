-- $rows: JSON array of history events.
insert into alerts.history (event_at, rule, fingerprint, event, from_status, notification_id, receiver, detail_json)
select r.event_at::timestamptz, r.rule, r.fingerprint, r.event, r.from_status, r.notification_id, r.receiver, r.detail_json
from (
    select unnest(from_json($rows::json, '[{"event_at":"VARCHAR","rule":"VARCHAR","fingerprint":"VARCHAR","event":"VARCHAR","from_status":"VARCHAR","notification_id":"VARCHAR","receiver":"VARCHAR","detail_json":"VARCHAR"}]')) as r
);
