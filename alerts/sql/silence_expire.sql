-- Expire = end now (kept for the record). Only silences still in force change.
update alerts.silences
set ends_at = $now::timestamptz
where silence_id = $id and ends_at > $now::timestamptz
returning silence_id;
