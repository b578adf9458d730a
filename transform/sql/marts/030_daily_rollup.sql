-- Daily rollup the reports read: attempts and failures per day and dimension combination.
-- Distinct users are left to queries on marts.setup_attempts: they do not add up across groups, and
-- counting them per group costs more than the rest of the rollup together. Grouped on layer and origin
-- as they are stored (ENUMs, compared as integers); named 'none' after grouping, and kept as ENUMs (cheaper
-- to write than text, and they compare and print as text).
CREATE OR REPLACE TABLE marts.daily_rollup__next AS
SELECT
  day, site, sbc, client_build, carrier_path,
  coalesce(layer::VARCHAR, 'none')::ENUM('client_sign_in', 'phone_config', 'sip_device', 'direct_routing', 'other', 'none') AS layer,
  coalesce(failure_origin::VARCHAR, 'none')::ENUM('sbc', 'client', 'microsoft', 'none') AS failure_origin,
  attempts, failures, auth_failures
FROM (
  SELECT
    day, site, sbc, client_build, carrier_path, layer, failure_origin,
    count(*)::BIGINT AS attempts,
    count(*) FILTER (WHERE is_failure)::BIGINT AS failures,
    count(*) FILTER (WHERE auth_linked)::BIGINT AS auth_failures
  FROM marts.setup_attempts__next
  GROUP BY ALL
);
