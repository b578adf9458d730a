update alerts.outbox
set status = 'delivered', attempts = attempts + 1, delivered_at = $now::timestamptz, last_error = null
where notification_id = $id and status = 'pending';
