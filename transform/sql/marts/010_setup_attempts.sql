-- The central fact: one row per call-setup attempt from any source, with the four pattern
-- dimensions and the failure classification (layer, origin, auth link).
CREATE OR REPLACE TABLE marts.setup_attempts AS
WITH calls AS (
  -- Call attempts, with their sign-in link and, when a sign-in failure stopped them before routing,
  -- the user's last route (intermediate.int_attempt_routes); joined on the attempt's rowid.
  SELECT
    a.attempt_id, a.source, a.attempt_ts, a.day, a.user_p, a.site_rid, NULL::VARCHAR AS site_match,
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
  FROM intermediate.int_attempts a
  LEFT JOIN intermediate.int_attempt_sign_in_links l ON l.attempt_rid = a.rowid
  LEFT JOIN intermediate.int_attempt_routes r ON r.attempt_rid = a.rowid
),
all_attempts AS (
  SELECT * FROM calls
  UNION ALL BY NAME
  SELECT
    attempt_id, source, attempt_ts, day, user_p, site_rid, site_match,
    sbc, client_family, client_platform, client_version, is_sip_device, direction, 'sign_in' AS call_type,
    trunk_fqdn, operator, false AS successful_call, 'callSetup' AS session_failure_stage,
    NULL::INTEGER AS final_sip_code, NULL::BIGINT AS ms_code, caller_country, callee_country,
    sign_in_id, error_code AS sign_in_error_code, (site_match = 'last_known' OR routed_attributed) AS attributed
  FROM intermediate.int_sign_in_only_attempts
),
with_sites AS (
  -- the site of the session (or, for sign-in only attempts, of the user's last call) by its row in
  -- intermediate.int_session_sites
  SELECT a.* EXCLUDE (site_rid, site_match),
         s.site, s.site_region, s.site_country, s.site_building, s.site_subnet,
         coalesce(a.site_match, s.site_match) AS site_match
  FROM all_attempts a
  LEFT JOIN intermediate.int_session_sites s ON s.rowid = a.site_rid
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
  coalesce(site, 'unmapped:' || coalesce(site_subnet, 'unknown')) AS site,
  site_region,
  site_country,
  site_building,
  site_subnet,
  coalesce(site_match, 'none') AS site_match,
  sbc,
  client_family || '/' || client_platform || '/' || client_version AS client_build,
  client_family,
  client_platform,
  client_version,
  CASE WHEN carrier IS NULL THEN 'none' ELSE carrier || '/' || dest_country END AS carrier_path,
  coalesce(carrier, 'none') AS carrier,
  dest_country,
  direction,
  call_type,
  CASE WHEN failed THEN 'failure' ELSE 'success' END AS outcome,
  is_failure,
  CASE WHEN failed THEN coalesce(session_failure_stage, 'callSetup') END AS failure_stage,
  final_sip_code,
  ms_code,
  CASE
    WHEN NOT failed THEN NULL
    WHEN sbc_code THEN 'sbc'
    WHEN sign_in_linked OR source = 'sign_in' THEN 'client'
    ELSE 'microsoft'
  END AS failure_origin,
  CASE
    WHEN NOT failed THEN NULL
    WHEN sign_in_linked OR source = 'sign_in' THEN 'client_sign_in'
    WHEN phone_config_code THEN 'phone_config'
    WHEN is_sip_device THEN 'sip_device'
    WHEN source = 'direct_routing' THEN 'direct_routing'
    ELSE 'other'
  END AS layer,
  failed AND (
    final_sip_code IN (401, 407) OR ms_code IN (560401, 560407) OR sign_in_linked OR source = 'sign_in'
  ) AS auth_linked,
  sign_in_error_code,
  attributed
FROM classified;
