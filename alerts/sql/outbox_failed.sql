-- One failed attempt: retry at $next, or give up ($status = 'dead').
update alerts.outbox
set status = $status, attempts = attempts + 1, next_attempt_at = $next::timestamptz, last_error = $error
where notification_id = $id and status = 'pending';
