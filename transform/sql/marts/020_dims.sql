-- Dimension tables: every value seen, with its hierarchy levels and attempt counts.
CREATE OR REPLACE TABLE marts.dim_site__next AS
SELECT site, any_value(site_region) AS region, any_value(site_country) AS country, any_value(site_building) AS building,
       starts_with(site, 'unmapped:') AS unmapped, count(*)::BIGINT AS attempts, min(attempt_ts) AS first_seen, max(attempt_ts) AS last_seen
FROM marts.setup_attempts__next GROUP BY site;

CREATE OR REPLACE TABLE marts.dim_sbc__next AS
SELECT sbc, CASE WHEN sbc = 'microsoft' THEN 'calling_plan' WHEN starts_with(sbc, 'oc:') THEN 'operator_connect'
                 WHEN sbc = 'none' THEN 'none' ELSE 'direct_routing' END AS kind,
       count(*)::BIGINT AS attempts, min(attempt_ts) AS first_seen, max(attempt_ts) AS last_seen
FROM marts.setup_attempts__next GROUP BY sbc;

-- version is cut from the build once per build rather than read per attempt (a computed column)
CREATE OR REPLACE TABLE marts.dim_client_build__next AS
SELECT client_build, family, platform,
       substr(client_build::VARCHAR, length(family::VARCHAR) + length(platform::VARCHAR) + 3) AS version,
       attempts, users, first_seen, last_seen
FROM (
  SELECT client_build, any_value(client_family) AS family, any_value(client_platform) AS platform,
         count(*)::BIGINT AS attempts, count(DISTINCT user_p)::BIGINT AS users, min(attempt_ts) AS first_seen, max(attempt_ts) AS last_seen
  FROM marts.setup_attempts__next GROUP BY client_build
);

-- carrier likewise once per path (the mart's computed column, by the same rule)
CREATE OR REPLACE TABLE marts.dim_carrier_path__next AS
SELECT carrier_path,
       CASE WHEN carrier_path = 'none' THEN 'none'
            ELSE substr(carrier_path::VARCHAR, 1, length(carrier_path::VARCHAR) - length(dest_country::VARCHAR) - 1) END AS carrier,
       dest_country, attempts, first_seen, last_seen
FROM (
  SELECT carrier_path, any_value(dest_country) AS dest_country,
         count(*)::BIGINT AS attempts, min(attempt_ts) AS first_seen, max(attempt_ts) AS last_seen
  FROM marts.setup_attempts__next GROUP BY carrier_path
);
