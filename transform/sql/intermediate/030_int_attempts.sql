-- Call-setup attempts from calls (before sign-in linking): one row per Direct Routing leg, plus one row
-- per call record that has no Direct Routing leg (Calling Plan, Operator Connect, Teams VoIP).
-- Shape of the work, for speed at tens of millions of sessions: which session each DR leg and each
-- DR-less record takes, and which PSTN row that session takes, were chosen on narrow columns in
-- intermediate/026 and 027; the user sessions are read once here and joined to their DR legs (legs
-- whose record has no user session are added on their own). Times are compared as integer microseconds:
-- TIMESTAMPTZ arithmetic goes through the time zone library and costs several times more per row.
CREATE OR REPLACE TABLE intermediate.int_attempts AS
WITH legs AS (
  -- the DR legs that found a session, and the columns their attempts take from the leg
  SELECT true AS is_dr, d.dr_id, d.user_p AS dr_user_p, d.attempt_ts AS dr_attempt_ts, d.attempt_us AS dr_attempt_us,
         d.call_type AS dr_call_type, d.successful_call AS dr_successful_call, d.final_sip_code AS dr_final_sip_code,
         d.ms_code AS dr_ms_code, d.trunk_fqdn, d.caller_country AS dr_caller_country, d.callee_country AS dr_callee_country,
         p.session_rid
  FROM staging.stg_direct_routing_calls d
  JOIN intermediate.int_dr_session_picks p USING (dr_id)
),
record_calls AS (
  SELECT r.session_rid, p.operator, p.call_type AS pstn_call_type, p.caller_country, p.callee_country
  FROM intermediate.int_record_session_picks r
  LEFT JOIN staging.stg_pstn_calls p ON p.pstn_rid = r.pstn_rid
),
sessions AS (
  -- site_rid: the rowid of the session's row in intermediate.int_session_sites (the marts read the site there)
  SELECT u.session_rid, u.call_record_id, u.start_ts, u.start_us, u.user_p, u.app_id, u.failure_stage, u.reason_sip_code,
         u.callee_phone_country, u.is_sip_device, u.client_family, u.client_platform, u.client_version, s.rowid AS site_rid
  FROM intermediate.int_user_sessions u
  LEFT JOIN intermediate.int_session_sites s
    ON s.day = u.day AND s.subnet IS NOT DISTINCT FROM u.subnet AND s.ip_prefix IS NOT DISTINCT FROM u.ip_prefix
),
joined AS (
  SELECT s.*, coalesce(d.is_dr, false) AS is_dr, d.* EXCLUDE (is_dr, session_rid),
         c.operator, c.pstn_call_type, c.caller_country AS pstn_caller_country, c.callee_country AS pstn_callee_country
  FROM sessions s
  LEFT JOIN legs d ON d.session_rid = s.session_rid
  LEFT JOIN record_calls c ON c.session_rid = s.session_rid
  WHERE d.dr_id IS NOT NULL OR c.session_rid IS NOT NULL   -- sessions neither a leg nor a DR-less record took are not attempts
  UNION ALL BY NAME
  -- legs whose call record has no user session
  SELECT true AS is_dr, d.dr_id, d.user_p AS dr_user_p, d.attempt_ts AS dr_attempt_ts, d.attempt_us AS dr_attempt_us,
         d.call_type AS dr_call_type, d.successful_call AS dr_successful_call, d.final_sip_code AS dr_final_sip_code,
         d.ms_code AS dr_ms_code, d.trunk_fqdn, d.caller_country AS dr_caller_country, d.callee_country AS dr_callee_country
  FROM staging.stg_direct_routing_calls d
  ANTI JOIN intermediate.int_dr_session_picks p USING (dr_id)
)
SELECT
  CASE WHEN is_dr THEN 'dr:' || dr_id ELSE 'cr:' || call_record_id END AS attempt_id,
  CASE WHEN is_dr THEN 'direct_routing' ELSE 'call_record' END AS source,
  CASE WHEN is_dr THEN dr_attempt_ts ELSE start_ts END AS attempt_ts,
  CASE WHEN is_dr THEN dr_attempt_us ELSE start_us END AS attempt_us,
  DATE '1970-01-01' + (CASE WHEN is_dr THEN dr_attempt_us ELSE start_us END // 86400000000)::INTEGER AS day,
  CASE WHEN is_dr THEN coalesce(dr_user_p, user_p) ELSE user_p END AS user_p,
  app_id,
  site_rid,
  CASE
    WHEN is_dr THEN coalesce(trunk_fqdn, 'unknown')
    WHEN operator IS NULL THEN 'none'
    WHEN lower(operator) = 'microsoft' THEN 'microsoft'
    ELSE 'oc:' || operator
  END AS sbc,
  coalesce(client_family, 'unknown') AS client_family,
  coalesce(client_platform, 'unknown') AS client_platform,
  coalesce(client_version, 'unknown') AS client_version,
  coalesce(is_sip_device, false) AS is_sip_device,
  CASE
    WHEN is_dr THEN CASE WHEN regexp_matches(lower(coalesce(dr_call_type, '')), '(^|_)in($|_)|^byotin') THEN 'inbound' ELSE 'outbound' END
    WHEN operator IS NULL THEN 'internal'
    WHEN regexp_matches(lower(coalesce(pstn_call_type, '')), '_in$|^conf_in') THEN 'inbound'
    ELSE 'outbound'
  END AS direction,
  CASE WHEN is_dr THEN dr_call_type ELSE coalesce(pstn_call_type, 'voip') END AS call_type,
  trunk_fqdn,
  CASE WHEN NOT is_dr THEN operator END AS operator,
  CASE WHEN is_dr THEN dr_successful_call ELSE failure_stage IS DISTINCT FROM 'callSetup' END AS successful_call,
  CASE WHEN NOT is_dr THEN failure_stage END AS session_failure_stage,
  CASE WHEN is_dr THEN dr_final_sip_code ELSE reason_sip_code END AS final_sip_code,
  CASE WHEN is_dr THEN dr_ms_code END AS ms_code,
  CASE WHEN is_dr THEN dr_caller_country ELSE pstn_caller_country END AS caller_country,
  CASE WHEN is_dr THEN dr_callee_country ELSE coalesce(pstn_callee_country, callee_phone_country) END AS callee_country
FROM joined;
