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
COMMENT ON COLUMN marts.dim_site.site IS 'Site dimension value (Region/Country/Building or unmapped:<subnet>)';
COMMENT ON COLUMN marts.dim_site.region IS 'Building file Region';
COMMENT ON COLUMN marts.dim_site.country IS 'Building file Country';
COMMENT ON COLUMN marts.dim_site.building IS 'Building file BuildingName';
COMMENT ON COLUMN marts.dim_site.unmapped IS 'True when no building network matched';
COMMENT ON COLUMN marts.dim_site.attempts IS 'Attempts with this site';
COMMENT ON COLUMN marts.dim_site.first_seen IS 'First attempt seen';
COMMENT ON COLUMN marts.dim_site.last_seen IS 'Last attempt seen';
COMMENT ON COLUMN marts.dim_sbc.sbc IS 'SBC dimension value';
COMMENT ON COLUMN marts.dim_sbc.kind IS 'direct_routing | calling_plan | operator_connect | none';
COMMENT ON COLUMN marts.dim_sbc.attempts IS 'Attempts through this SBC';
COMMENT ON COLUMN marts.dim_sbc.first_seen IS 'First attempt seen';
COMMENT ON COLUMN marts.dim_sbc.last_seen IS 'Last attempt seen';
COMMENT ON COLUMN marts.dim_client_build.client_build IS 'Client build dimension value';
COMMENT ON COLUMN marts.dim_client_build.family IS 'Product family, or sipDevice';
COMMENT ON COLUMN marts.dim_client_build.platform IS 'Client platform, or the IP phone model';
COMMENT ON COLUMN marts.dim_client_build.version IS 'Application version or firmware';
COMMENT ON COLUMN marts.dim_client_build.attempts IS 'Attempts on this build';
COMMENT ON COLUMN marts.dim_client_build.users IS 'Distinct users on this build';
COMMENT ON COLUMN marts.dim_client_build.first_seen IS 'First attempt seen (a rollout starts here)';
COMMENT ON COLUMN marts.dim_client_build.last_seen IS 'Last attempt seen';
COMMENT ON COLUMN marts.dim_carrier_path.carrier_path IS 'Carrier path dimension value';
COMMENT ON COLUMN marts.dim_carrier_path.carrier IS 'Carrier or trunk';
COMMENT ON COLUMN marts.dim_carrier_path.dest_country IS 'Destination country';
COMMENT ON COLUMN marts.dim_carrier_path.attempts IS 'Attempts on this path';
COMMENT ON COLUMN marts.dim_carrier_path.first_seen IS 'First attempt seen';
COMMENT ON COLUMN marts.dim_carrier_path.last_seen IS 'Last attempt seen';
