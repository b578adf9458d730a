-- Dimension tables: every value seen, with its hierarchy levels and attempt counts.
CREATE OR REPLACE TABLE marts.dim_site AS
SELECT site, any_value(site_region) AS region, any_value(site_country) AS country, any_value(site_building) AS building,
       starts_with(site, 'unmapped:') AS unmapped, count(*)::BIGINT AS attempts, min(attempt_ts) AS first_seen, max(attempt_ts) AS last_seen
FROM marts.setup_attempts GROUP BY site;

CREATE OR REPLACE TABLE marts.dim_sbc AS
SELECT sbc, CASE WHEN sbc = 'microsoft' THEN 'calling_plan' WHEN starts_with(sbc, 'oc:') THEN 'operator_connect'
                 WHEN sbc = 'none' THEN 'none' ELSE 'direct_routing' END AS kind,
       count(*)::BIGINT AS attempts, min(attempt_ts) AS first_seen, max(attempt_ts) AS last_seen
FROM marts.setup_attempts GROUP BY sbc;

CREATE OR REPLACE TABLE marts.dim_client_build AS
SELECT client_build, any_value(client_family) AS family, any_value(client_platform) AS platform, any_value(client_version) AS version,
       count(*)::BIGINT AS attempts, count(DISTINCT user_p)::BIGINT AS users, min(attempt_ts) AS first_seen, max(attempt_ts) AS last_seen
FROM marts.setup_attempts GROUP BY client_build;

CREATE OR REPLACE TABLE marts.dim_carrier_path AS
SELECT carrier_path, any_value(carrier) AS carrier, any_value(dest_country) AS dest_country,
       count(*)::BIGINT AS attempts, min(attempt_ts) AS first_seen, max(attempt_ts) AS last_seen
FROM marts.setup_attempts GROUP BY carrier_path;

COMMENT ON TABLE marts.dim_site IS 'Every site value seen in attempts, with region/country/building and counts';
COMMENT ON TABLE marts.dim_sbc IS 'Every SBC value seen: direct_routing trunk, calling_plan (microsoft), operator_connect, none';
COMMENT ON TABLE marts.dim_client_build IS 'Every client build seen, with family/platform/version, users and first/last seen (rollouts)';
COMMENT ON TABLE marts.dim_carrier_path IS 'Every carrier path seen, with carrier and destination country';
