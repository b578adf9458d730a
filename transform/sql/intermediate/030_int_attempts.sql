-- Call-setup attempts from calls (before sign-in linking): one row per Direct Routing leg, plus one row
-- per call record that has no Direct Routing leg (Calling Plan, Operator Connect, Teams VoIP).
CREATE OR REPLACE TABLE intermediate.int_attempts AS
WITH sessions AS (
  SELECT u.*, s.site, s.site_region, s.site_country, s.site_building, s.site_subnet, s.site_match
  FROM intermediate.int_user_sessions u
  LEFT JOIN intermediate.int_session_sites s USING (call_record_id, session_id)
),
dr_legs AS (
  -- A DR leg joins its call record on correlationId (not unique across legs): take the same user's
  -- session (any session when the leg names no user) closest in time. Equality join only: an OR in the
  -- join condition would turn the hash join into a nested loop.
  SELECT d.*, s.session_id, s.user_p AS session_user_p, s.app_id, s.is_sip_device, s.client_family, s.client_platform,
         s.client_version, s.site, s.site_region, s.site_country, s.site_building, s.site_subnet, s.site_match
  FROM staging.stg_direct_routing_calls d
  LEFT JOIN sessions s ON s.call_record_id = d.correlation_id
  QUALIFY row_number() OVER (
    PARTITION BY d.dr_id
    ORDER BY (s.user_p = d.user_p) DESC NULLS LAST, abs(epoch(s.start_ts) - epoch(d.attempt_ts)) NULLS LAST, s.session_id
  ) = 1
),
dr AS (
  SELECT
    'dr:' || dr_id AS attempt_id,
    'direct_routing' AS source,
    attempt_ts,
    coalesce(user_p, session_user_p) AS user_p,
    app_id,
    site, site_region, site_country, site_building, site_subnet, site_match,
    coalesce(trunk_fqdn, 'unknown') AS sbc,
    coalesce(client_family, 'unknown') AS client_family,
    coalesce(client_platform, 'unknown') AS client_platform,
    coalesce(client_version, 'unknown') AS client_version,
    coalesce(is_sip_device, false) AS is_sip_device,
    CASE WHEN regexp_matches(lower(coalesce(call_type, '')), '(^|_)in($|_)|^byotin') THEN 'inbound' ELSE 'outbound' END AS direction,
    call_type,
    trunk_fqdn,
    NULL::VARCHAR AS operator,
    successful_call,
    NULL::VARCHAR AS session_failure_stage,
    final_sip_code,
    ms_code,
    caller_country,
    callee_country
  FROM dr_legs
),
record_only AS (
  -- Call records with no DR leg: the session that failed at setup if any, else the first one.
  SELECT s.*
  FROM sessions s
  WHERE NOT EXISTS (SELECT 1 FROM staging.stg_direct_routing_calls d WHERE d.correlation_id = s.call_record_id)
  QUALIFY row_number() OVER (
    PARTITION BY s.call_record_id
    ORDER BY (s.failure_stage = 'callSetup') DESC NULLS LAST, s.start_ts, s.session_id
  ) = 1
),
record_pstn AS (
  -- Calling Plan / Operator Connect: the same user's PSTN row starting closest to the session, within 2 minutes.
  SELECT r.*, p.operator, p.call_type AS pstn_call_type, p.caller_country, p.callee_country
  FROM record_only r
  LEFT JOIN staging.stg_pstn_calls p
    ON p.user_p = r.user_p
   AND p.start_ts BETWEEN r.start_ts - INTERVAL 2 MINUTE AND r.start_ts + INTERVAL 2 MINUTE
  QUALIFY row_number() OVER (
    PARTITION BY r.call_record_id
    ORDER BY abs(epoch(p.start_ts) - epoch(r.start_ts)) NULLS LAST, p.pstn_id
  ) = 1
),
cr AS (
  SELECT
    'cr:' || call_record_id AS attempt_id,
    'call_record' AS source,
    start_ts AS attempt_ts,
    user_p,
    app_id,
    site, site_region, site_country, site_building, site_subnet, site_match,
    CASE
      WHEN operator IS NULL THEN 'none'
      WHEN lower(operator) = 'microsoft' THEN 'microsoft'
      ELSE 'oc:' || operator
    END AS sbc,
    client_family, client_platform, client_version, is_sip_device,
    CASE
      WHEN operator IS NULL THEN 'internal'
      WHEN regexp_matches(lower(coalesce(pstn_call_type, '')), '_in$|^conf_in') THEN 'inbound'
      ELSE 'outbound'
    END AS direction,
    coalesce(pstn_call_type, 'voip') AS call_type,
    NULL::VARCHAR AS trunk_fqdn,
    operator,
    (failure_stage IS DISTINCT FROM 'callSetup') AS successful_call,
    failure_stage AS session_failure_stage,
    reason_sip_code AS final_sip_code,
    NULL::BIGINT AS ms_code,
    caller_country,
    coalesce(callee_country, callee_phone_country) AS callee_country
  FROM record_pstn
)
SELECT * FROM dr
UNION ALL BY NAME
SELECT * FROM cr;
