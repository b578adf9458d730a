-- $rows: a JSON array of {rule, fingerprint, status, updated_at, state_json}; the caller deletes first.
insert into alerts.state (rule, fingerprint, status, updated_at, state_json)
select r.rule, r.fingerprint, r.status, r.updated_at::timestamptz, r.state_json
from (
    select unnest(from_json($rows::json, '[{"rule":"VARCHAR","fingerprint":"VARCHAR","status":"VARCHAR","updated_at":"VARCHAR","state_json":"VARCHAR"}]')) as r
);
