-- Documentation of marts.daily_rollup (read by `cqd-patterns sql --schema` and docs/schema.md).
COMMENT ON TABLE marts.daily_rollup IS 'Attempts, failures and auth-linked failures per UTC day × site × sbc × client_build × carrier_path × layer × origin';
COMMENT ON COLUMN marts.daily_rollup.day IS 'UTC day';
COMMENT ON COLUMN marts.daily_rollup.site IS 'Site dimension value';
COMMENT ON COLUMN marts.daily_rollup.sbc IS 'SBC dimension value';
COMMENT ON COLUMN marts.daily_rollup.client_build IS 'Client build dimension value';
COMMENT ON COLUMN marts.daily_rollup.carrier_path IS 'Carrier path dimension value';
COMMENT ON COLUMN marts.daily_rollup.layer IS 'Failure layer, none for successful attempts';
COMMENT ON COLUMN marts.daily_rollup.failure_origin IS 'Failure origin (sbc | microsoft | client), none for successful attempts';
COMMENT ON COLUMN marts.daily_rollup.attempts IS 'Call-setup attempts';
COMMENT ON COLUMN marts.daily_rollup.failures IS 'Attempts with is_failure';
COMMENT ON COLUMN marts.daily_rollup.auth_failures IS 'Attempts with auth_linked';
