-- The central fact: one row per call-setup attempt from any source, with the four pattern dimensions
-- and the failure classification (layer, origin, auth link).
-- Written as marts.setup_attempts__next outside any transaction (build.ts swaps the marts in at the end,
-- in one transaction). Writing text to the database file is the costly part of a build (a copy of the
-- mart with its text columns as ENUMs took half the time of one with VARCHARs, and grouping the rollup
-- on them a third), so every text column with a bounded set of values is an ENUM: a fixed vocabulary
-- where there is one, else a dictionary of the values this build can produce, made below from the
-- intermediate tables the rows are made from (in text order, so ORDER BY sorts as text). A dictionary
-- may hold values no row takes (the carrier paths are every carrier with every destination); a value
-- missing from one fails the insert, loudly. ENUM columns compare, filter and print as text: site = 'X'
-- and site LIKE 'unmapped:%' work as on VARCHAR. The columns that follow from others are computed on read
-- (VIRTUAL): client_version from client_build, carrier from carrier_path, outcome from failure_stage.
-- attempt_id and user_p stay text (one value per attempt, per user). The fixed vocabularies are named
-- types (source and direction come so from intermediate/030), so the CASEs below yield ENUM constants
-- and no row's text is looked up.
CREATE OR REPLACE TEMP TYPE int_site_match_values AS ENUM ('subnet', 'ip_range', 'vpn', 'last_known', 'none');
CREATE OR REPLACE TEMP TYPE int_failure_origin_values AS ENUM ('sbc', 'client', 'microsoft');
CREATE OR REPLACE TEMP TYPE int_layer_values AS ENUM ('client_sign_in', 'phone_config', 'sip_device', 'direct_routing', 'other');
CREATE OR REPLACE TEMP TABLE int_site_names AS
SELECT coalesce(site, 'unmapped:' || coalesce(site_subnet, 'unknown')) AS site, site_region, site_country, site_building, site_subnet
FROM temp.int_session_sites
UNION ALL SELECT 'unmapped:unknown', NULL, NULL, NULL, NULL;             -- attempts with no session site
CREATE OR REPLACE TEMP TYPE int_site_values AS ENUM (SELECT DISTINCT site FROM temp.int_site_names ORDER BY 1);
CREATE OR REPLACE TEMP TYPE int_site_region_values AS ENUM (SELECT DISTINCT site_region FROM temp.int_site_names WHERE site_region IS NOT NULL ORDER BY 1);
CREATE OR REPLACE TEMP TYPE int_site_country_values AS ENUM (SELECT DISTINCT site_country FROM temp.int_site_names WHERE site_country IS NOT NULL ORDER BY 1);
CREATE OR REPLACE TEMP TYPE int_site_building_values AS ENUM (SELECT DISTINCT site_building FROM temp.int_site_names WHERE site_building IS NOT NULL ORDER BY 1);
CREATE OR REPLACE TEMP TYPE int_site_subnet_values AS ENUM (SELECT DISTINCT site_subnet FROM temp.int_site_names WHERE site_subnet IS NOT NULL ORDER BY 1);
-- Sign-in only attempts and unrouted ones take their route and client from other rows of int_attempts.
CREATE OR REPLACE TEMP TYPE int_sbc_values AS ENUM (
  SELECT sbc FROM temp.int_attempts UNION SELECT 'none' ORDER BY 1
);
CREATE OR REPLACE TEMP TABLE int_client_names AS
SELECT DISTINCT client_family, client_platform, client_version FROM temp.int_attempts
UNION SELECT 'unknown', 'unknown', 'unknown';
CREATE OR REPLACE TEMP TYPE int_client_build_values AS ENUM (
  SELECT DISTINCT client_family || '/' || client_platform || '/' || client_version FROM temp.int_client_names ORDER BY 1
);
CREATE OR REPLACE TEMP TYPE int_client_family_values AS ENUM (SELECT DISTINCT client_family FROM temp.int_client_names ORDER BY 1);
CREATE OR REPLACE TEMP TYPE int_client_platform_values AS ENUM (SELECT DISTINCT client_platform FROM temp.int_client_names ORDER BY 1);
CREATE OR REPLACE TEMP TABLE int_dest_names AS
SELECT caller_country AS dest_country FROM temp.int_attempts WHERE caller_country IS NOT NULL
UNION SELECT callee_country FROM temp.int_attempts WHERE callee_country IS NOT NULL
UNION SELECT 'unknown';
CREATE OR REPLACE TEMP TYPE int_dest_country_values AS ENUM (SELECT dest_country FROM temp.int_dest_names ORDER BY 1);
CREATE OR REPLACE TEMP TYPE int_carrier_path_values AS ENUM (
  WITH carriers AS (
    SELECT trunk_fqdn AS carrier FROM temp.int_attempts WHERE trunk_fqdn IS NOT NULL
    UNION SELECT operator FROM temp.int_attempts WHERE operator IS NOT NULL
    UNION SELECT 'Microsoft'
    UNION SELECT carrier FROM meta.carrier_map
  )
  SELECT c.carrier || '/' || d.dest_country FROM carriers c CROSS JOIN temp.int_dest_names d
  UNION SELECT 'none'
  ORDER BY 1
);
CREATE OR REPLACE TEMP TYPE int_call_type_values AS ENUM (
  SELECT call_type FROM temp.int_attempts WHERE call_type IS NOT NULL UNION SELECT 'sign_in' ORDER BY 1
);
CREATE OR REPLACE TEMP TYPE int_failure_stage_values AS ENUM (
  SELECT session_failure_stage FROM temp.int_attempts WHERE session_failure_stage IS NOT NULL UNION SELECT 'callSetup' ORDER BY 1
);

CREATE OR REPLACE TABLE marts.setup_attempts__next (
  -- FSST is what DuckDB picks for these anyway (ids and pseudonyms are near unique per row); naming it
  -- spares the write from also trying a dictionary on every segment, a quarter of the write's cost
  attempt_id VARCHAR USING COMPRESSION fsst,
  source int_source_values,
  attempt_ts TIMESTAMPTZ,
  day DATE,
  user_p VARCHAR USING COMPRESSION fsst,
  site int_site_values,
  site_region int_site_region_values,
  site_country int_site_country_values,
  site_building int_site_building_values,
  site_subnet int_site_subnet_values,
  site_match int_site_match_values,
  sbc int_sbc_values,
  client_build int_client_build_values,
  client_family int_client_family_values,
  client_platform int_client_platform_values,
  client_version VARCHAR GENERATED ALWAYS AS (
    substr(client_build::VARCHAR, length(client_family::VARCHAR) + length(client_platform::VARCHAR) + 3)
  ) VIRTUAL,
  carrier_path int_carrier_path_values,
  carrier VARCHAR GENERATED ALWAYS AS (
    CASE WHEN carrier_path = 'none' THEN 'none'
         ELSE substr(carrier_path::VARCHAR, 1, length(carrier_path::VARCHAR) - length(dest_country::VARCHAR) - 1) END
  ) VIRTUAL,
  dest_country int_dest_country_values,
  direction int_direction_values,
  call_type int_call_type_values,
  outcome VARCHAR GENERATED ALWAYS AS (CASE WHEN failure_stage IS NULL THEN 'success' ELSE 'failure' END) VIRTUAL,
  is_failure BOOLEAN,
  failure_stage int_failure_stage_values,
  final_sip_code INTEGER,
  ms_code BIGINT,
  failure_origin int_failure_origin_values,
  layer int_layer_values,
  auth_linked BOOLEAN,
  sign_in_error_code INTEGER,
  attributed BOOLEAN
);

INSERT INTO marts.setup_attempts__next BY NAME
WITH calls AS (
  -- Call attempts, with their sign-in link and, when a sign-in failure stopped them before routing,
  -- the user's last route (temp.int_attempt_routes); joined on the attempt's rowid.
  SELECT
    a.attempt_id, a.source, a.attempt_ts, a.day, a.user_p, a.site_rid, NULL::int_site_match_values AS site_match,
    coalesce(r.sbc, a.sbc) AS sbc, a.client_family, a.client_platform, a.client_version, a.is_sip_device,
    CASE WHEN r.attempt_rid IS NULL THEN a.direction ELSE r.direction END AS direction,
    a.call_type,
    coalesce(r.trunk_fqdn, a.trunk_fqdn) AS trunk_fqdn,
    coalesce(r.operator, a.operator) AS operator,
    a.successful_call, a.session_failure_stage, a.final_sip_code, a.ms_code,
    CASE WHEN r.attempt_rid IS NULL THEN a.caller_country ELSE r.caller_country END AS caller_country,
    CASE WHEN r.attempt_rid IS NULL THEN a.callee_country ELSE r.callee_country END AS callee_country,
    l.sign_in_id, l.error_code AS sign_in_error_code,
    r.attempt_rid IS NOT NULL AS attributed
  FROM temp.int_attempts a
  LEFT JOIN temp.int_attempt_sign_in_links l ON l.attempt_rid = a.rowid
  LEFT JOIN temp.int_attempt_routes r ON r.attempt_rid = a.rowid
),
all_attempts AS (
  SELECT * FROM calls
  UNION ALL BY NAME
  SELECT
    attempt_id, source, attempt_ts, day, user_p, site_rid, site_match::int_site_match_values AS site_match,
    sbc, client_family, client_platform, client_version, is_sip_device, direction, 'sign_in' AS call_type,
    trunk_fqdn, operator, false AS successful_call, 'callSetup' AS session_failure_stage,
    NULL::INTEGER AS final_sip_code, NULL::BIGINT AS ms_code, caller_country, callee_country,
    sign_in_id, error_code AS sign_in_error_code, (site_match = 'last_known' OR routed_attributed) AS attributed
  FROM temp.int_sign_in_only_attempts
),
sites AS (
  -- the site names as the mart's ENUMs, made once per network and day rather than once per attempt
  SELECT rowid AS site_rid,
         coalesce(site, 'unmapped:' || coalesce(site_subnet, 'unknown'))::int_site_values AS site,
         site_region::int_site_region_values AS site_region, site_country::int_site_country_values AS site_country,
         site_building::int_site_building_values AS site_building, site_subnet::int_site_subnet_values AS site_subnet,
         site_match::int_site_match_values AS site_match
  FROM temp.int_session_sites
),
with_sites AS (
  -- the site of the session (or, for sign-in only attempts, of the user's last call) by its row in
  -- temp.int_session_sites; an attempt with none is unmapped:unknown
  SELECT a.* EXCLUDE (site_rid, site_match),
         coalesce(s.site, 'unmapped:unknown'::int_site_values) AS site, s.site_region, s.site_country, s.site_building, s.site_subnet,
         coalesce(a.site_match, s.site_match) AS site_match
  FROM all_attempts a
  LEFT JOIN sites s ON s.site_rid = a.site_rid
),
carriers AS (
  SELECT
    a.*,
    CASE WHEN direction = 'inbound' THEN caller_country ELSE callee_country END AS dest_country_raw,
    CASE
      WHEN sbc = 'none' THEN NULL
      WHEN trunk_fqdn IS NOT NULL THEN trunk_fqdn
      WHEN sbc = 'microsoft' THEN 'Microsoft'
      ELSE operator
    END AS carrier_base
  FROM with_sites a
),
classified AS (
  SELECT
    c.*,
    coalesce(cm_country.carrier, cm_trunk.carrier, c.carrier_base) AS carrier,
    coalesce(c.dest_country_raw, 'unknown') AS dest_country,
    -- Outcomes users cause on purpose (busy, cancelled, declined, unavailable) are not setup faults.
    (NOT coalesce(c.successful_call, false)) AS failed,
    (NOT coalesce(c.successful_call, false)) AND coalesce(c.final_sip_code, 0) NOT IN (480, 486, 487, 603) AS is_failure,
    coalesce(c.ms_code BETWEEN 560000 AND 560999, false) AS sbc_code,   -- 560xxx: the final response came from the SBC
    c.ms_code IN (SELECT ms_code FROM meta.phone_config_codes) AS phone_config_code,
    (c.sign_in_id IS NOT NULL) AS sign_in_linked
  FROM carriers c
  LEFT JOIN meta.carrier_map cm_country ON cm_country.match_key = c.carrier_base || '/' || c.dest_country_raw
  LEFT JOIN meta.carrier_map cm_trunk ON cm_trunk.match_key = c.carrier_base
)
SELECT
  attempt_id,
  source,
  attempt_ts,
  day,
  user_p,
  site,
  site_region,
  site_country,
  site_building,
  site_subnet,
  coalesce(site_match, 'none'::int_site_match_values) AS site_match,
  sbc,
  client_family || '/' || client_platform || '/' || client_version AS client_build,
  client_family,
  client_platform,
  CASE WHEN carrier IS NULL THEN 'none' ELSE carrier || '/' || dest_country END AS carrier_path,
  dest_country,
  direction,
  call_type,
  is_failure,
  CASE WHEN failed THEN coalesce(session_failure_stage, 'callSetup') END AS failure_stage,
  final_sip_code,
  ms_code,
  CASE
    WHEN NOT failed THEN NULL
    WHEN sbc_code THEN 'sbc'::int_failure_origin_values
    WHEN sign_in_linked OR source = 'sign_in' THEN 'client'::int_failure_origin_values
    ELSE 'microsoft'::int_failure_origin_values
  END AS failure_origin,
  CASE
    WHEN NOT failed THEN NULL
    WHEN sign_in_linked OR source = 'sign_in' THEN 'client_sign_in'::int_layer_values
    WHEN phone_config_code THEN 'phone_config'::int_layer_values
    WHEN is_sip_device THEN 'sip_device'::int_layer_values
    WHEN source = 'direct_routing' THEN 'direct_routing'::int_layer_values
    ELSE 'other'::int_layer_values
  END AS layer,
  failed AND (
    final_sip_code IN (401, 407) OR ms_code IN (560401, 560407) OR sign_in_linked OR source = 'sign_in'
  ) AS auth_linked,
  sign_in_error_code,
  attributed
FROM classified;
