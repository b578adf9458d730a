-- Every call-setup attempt with its attributes and its classification, in the columns of
-- marts.setup_attempts, which writes it once. The intermediate attempts are narrow (row ids, user,
-- time, and the links and routes found on them); every attribute is read here, once, from its source
-- row by row id: the session (site, client build, call record failure), the route's Direct Routing leg
-- or PSTN row. Writing text is the costly part of a build (~0.2 µs a value), so nothing is written twice.
CREATE OR REPLACE VIEW intermediate.int_attempts_classified AS
WITH attempts AS (
  -- Call attempts with their sign-in link and, when a sign-in failure stopped them before routing, the
  -- user's last route (intermediate/070); every attempt's route is one Direct Routing leg or PSTN row.
  SELECT
    CASE WHEN a.dr_rid IS NULL THEN 'call_record' ELSE 'direct_routing' END AS source,
    a.session_rid, a.user_p, NULL::TIMESTAMPTZ AS attempt_ts, NULL::VARCHAR AS sign_in_id, NULL::VARCHAR AS site_match,
    CASE WHEN r.attempt_rid IS NULL THEN a.dr_rid ELSE r.route_dr_rid END AS route_dr_rid,
    CASE WHEN r.attempt_rid IS NULL THEN a.pstn_rid ELSE r.route_pstn_rid END AS route_pstn_rid,
    r.own_call_type,
    l.sign_in_id AS linked_sign_in_id, l.error_code AS sign_in_error_code,
    r.attempt_rid IS NOT NULL AS attributed
  FROM intermediate.int_attempts a
  LEFT JOIN intermediate.int_attempt_sign_in_links l ON l.attempt_rid = a.rowid
  LEFT JOIN intermediate.int_attempt_routes r ON r.attempt_rid = a.rowid
  UNION ALL BY NAME
  -- Sign-in only attempts: the session of the user's last call (site, build) and the last route.
  SELECT
    'sign_in' AS source, session_rid, user_p, attempt_ts, sign_in_id, site_match, route_dr_rid, route_pstn_rid,
    NULL::VARCHAR AS own_call_type, sign_in_id AS linked_sign_in_id, error_code AS sign_in_error_code,
    (site_match = 'last_known' OR routed_attributed) AS attributed
  FROM intermediate.int_sign_in_only_attempts
),
resolved AS (
  SELECT
    CASE a.source WHEN 'direct_routing' THEN 'dr:' || d.dr_id WHEN 'call_record' THEN 'cr:' || s.call_record_id ELSE 'si:' || a.sign_in_id END AS attempt_id,
    a.source,
    CASE a.source WHEN 'direct_routing' THEN d.attempt_ts WHEN 'call_record' THEN s.start_ts ELSE a.attempt_ts END AS attempt_ts,
    a.user_p,
    ss.site, ss.site_region, ss.site_country, ss.site_building, ss.site_subnet,
    coalesce(a.site_match, ss.site_match) AS site_match,
    coalesce(s.client_family, 'unknown') AS client_family,
    coalesce(s.client_platform, 'unknown') AS client_platform,
    coalesce(s.client_version, 'unknown') AS client_version,
    coalesce(s.is_sip_device, false) AS is_sip_device,
    -- the route: a Direct Routing leg (trunk), a PSTN row with an operator (Calling Plan, Operator Connect), or none
    CASE
      WHEN d.dr_rid IS NOT NULL THEN coalesce(d.trunk_fqdn, 'unknown')
      WHEN p.operator IS NULL THEN 'none'
      WHEN lower(p.operator) = 'microsoft' THEN 'microsoft'
      ELSE 'oc:' || p.operator
    END AS sbc,
    d.trunk_fqdn,
    p.operator,
    CASE
      WHEN d.dr_rid IS NOT NULL THEN CASE WHEN regexp_matches(lower(coalesce(d.call_type, '')), '(^|_)in($|_)|^byotin') THEN 'inbound' ELSE 'outbound' END
      WHEN p.operator IS NOT NULL THEN CASE WHEN regexp_matches(lower(coalesce(p.call_type, '')), '_in$|^conf_in') THEN 'inbound' ELSE 'outbound' END
      WHEN a.source = 'sign_in' THEN 'outbound'
      ELSE 'internal'
    END AS direction,
    CASE a.source
      WHEN 'direct_routing' THEN d.call_type
      WHEN 'call_record' THEN coalesce(CASE WHEN a.attributed THEN a.own_call_type ELSE p.call_type END, 'voip')
      ELSE 'sign_in'
    END AS call_type,
    CASE a.source WHEN 'direct_routing' THEN d.successful_call WHEN 'call_record' THEN s.failure_stage IS DISTINCT FROM 'callSetup' ELSE false END AS successful_call,
    CASE a.source WHEN 'call_record' THEN s.failure_stage WHEN 'sign_in' THEN 'callSetup' END AS session_failure_stage,
    CASE a.source WHEN 'direct_routing' THEN d.final_sip_code WHEN 'call_record' THEN s.reason_sip_code END AS final_sip_code,
    CASE WHEN a.source = 'direct_routing' THEN d.ms_code END AS ms_code,
    CASE WHEN d.dr_rid IS NOT NULL THEN d.caller_country ELSE p.caller_country END AS caller_country,
    -- a PSTN row without the far end's country falls back to the number the call record's own session dialled
    CASE WHEN d.dr_rid IS NOT NULL THEN d.callee_country
         ELSE coalesce(p.callee_country, CASE WHEN a.source = 'call_record' THEN s.callee_phone_country END) END AS callee_country,
    a.linked_sign_in_id AS sign_in_id,
    a.sign_in_error_code,
    a.attributed
  FROM attempts a
  LEFT JOIN intermediate.int_user_session_sites s ON s.session_rid = a.session_rid
  LEFT JOIN intermediate.int_session_sites ss ON ss.rowid = s.site_rid
  LEFT JOIN staging.stg_direct_routing_calls d ON d.dr_rid = a.route_dr_rid
  LEFT JOIN staging.stg_pstn_calls p ON p.pstn_rid = a.route_pstn_rid
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
  FROM resolved a
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
  DATE '1970-01-01' + (epoch_us(attempt_ts) // 86400000000)::INTEGER AS day,   -- UTC day without time zone arithmetic
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
