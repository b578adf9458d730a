-- Daily rollup the reports read: attempts and failures per day and dimension combination.
-- Distinct users are left to queries on marts.setup_attempts: they do not add up across groups, and
-- counting them per group costs more than the rest of the rollup together.
CREATE OR REPLACE TABLE marts.daily_rollup AS
SELECT
  day, site, sbc, client_build, carrier_path, coalesce(layer, 'none') AS layer, coalesce(failure_origin, 'none') AS failure_origin,
  count(*)::BIGINT AS attempts,
  count(*) FILTER (WHERE is_failure)::BIGINT AS failures,
  count(*) FILTER (WHERE auth_linked)::BIGINT AS auth_failures
FROM marts.setup_attempts
GROUP BY ALL;

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
