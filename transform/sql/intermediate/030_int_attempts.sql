-- Call-setup attempts from calls (before sign-in linking): one row per Direct Routing leg, plus one row
-- per call record that has no Direct Routing leg (Calling Plan, Operator Connect, Teams VoIP).
-- Times are compared as integer microseconds (attempt_us): TIMESTAMPTZ arithmetic goes through the
-- time zone library and costs several times more per row.
CREATE OR REPLACE TABLE intermediate.int_attempts AS
WITH sessions AS (
  -- site_rid: the rowid of the session's row in intermediate.int_session_sites (the marts read the site there)
  SELECT u.session_rid, u.call_record_id, u.start_ts, u.start_us, u.user_p, u.app_id, u.failure_stage, u.reason_sip_code,
         u.callee_phone_country, u.is_sip_device, u.client_family, u.client_platform, u.client_version, s.rowid AS site_rid
  FROM intermediate.int_user_sessions u
  LEFT JOIN intermediate.int_session_sites s
    ON s.day = u.day AND s.subnet IS NOT DISTINCT FROM u.subnet AND s.ip_prefix IS NOT DISTINCT FROM u.ip_prefix
),
dr_pick AS (
  -- A DR leg joins its call record on correlationId (not unique across legs): take the same user's
  -- session (any session when the leg names no user) closest in time. Chosen on narrow columns by
  -- arg_min, then joined back on the session's row id.
  SELECT d.dr_id,
         arg_min(u.session_rid, (u.user_p IS DISTINCT FROM d.user_p, abs(u.start_us - d.attempt_us), u.session_id)) AS session_rid
  FROM staging.stg_direct_routing_calls d
  JOIN intermediate.int_user_sessions u ON u.call_record_id = d.correlation_id
  GROUP BY d.dr_id
),
dr AS (
  SELECT
    'dr:' || d.dr_id AS attempt_id,
    'direct_routing' AS source,
    d.attempt_ts,
    d.attempt_us,
    coalesce(d.user_p, s.user_p) AS user_p,
    s.app_id,
    s.site_rid,
    coalesce(d.trunk_fqdn, 'unknown') AS sbc,
    coalesce(s.client_family, 'unknown') AS client_family,
    coalesce(s.client_platform, 'unknown') AS client_platform,
    coalesce(s.client_version, 'unknown') AS client_version,
    coalesce(s.is_sip_device, false) AS is_sip_device,
    CASE WHEN regexp_matches(lower(coalesce(d.call_type, '')), '(^|_)in($|_)|^byotin') THEN 'inbound' ELSE 'outbound' END AS direction,
    d.call_type,
    d.trunk_fqdn,
    NULL::VARCHAR AS operator,
    d.successful_call,
    NULL::VARCHAR AS session_failure_stage,
    d.final_sip_code,
    d.ms_code,
    d.caller_country,
    d.callee_country
  FROM staging.stg_direct_routing_calls d
  LEFT JOIN dr_pick p USING (dr_id)
  LEFT JOIN sessions s ON s.session_rid = p.session_rid
),
record_pick AS (
  -- Call records with no DR leg: the session that failed at setup if any, else the first one.
  SELECT arg_min(u.session_rid, (CASE WHEN u.failure_stage = 'callSetup' THEN 0 WHEN u.failure_stage IS NOT NULL THEN 1 ELSE 2 END,
                                 u.start_us, u.session_id)) AS session_rid
  FROM intermediate.int_user_sessions u
  WHERE NOT EXISTS (SELECT 1 FROM staging.stg_direct_routing_calls d WHERE d.correlation_id = u.call_record_id)
  GROUP BY u.call_record_id
),
record_only AS (
  SELECT s.* FROM sessions s SEMI JOIN record_pick p ON p.session_rid = s.session_rid
),
pstn AS (
  -- each PSTN row under its own 2-minute bucket and both neighbours, so a session finds every PSTN row
  -- within 2 minutes of it by an equality join on (user, bucket): no per-user cross product, no sort
  SELECT pstn_rid, user_p, start_us, pstn_id, unnest([b - 1, b, b + 1]) AS bucket
  FROM (SELECT pstn_rid, user_p, start_us, pstn_id, start_us // 120000000 AS b FROM staging.stg_pstn_calls)
),
pstn_pick AS (
  -- Calling Plan / Operator Connect: the same user's PSTN row starting closest to the session, within 2 minutes.
  SELECT r.session_rid, arg_min(p.pstn_rid, (abs(p.start_us - r.start_us), p.pstn_id)) AS pstn_rid
  FROM record_only r
  JOIN pstn p ON p.user_p = r.user_p AND p.bucket = r.start_us // 120000000
  WHERE abs(p.start_us - r.start_us) <= 120000000
  GROUP BY r.session_rid
),
record_pstn AS (
  SELECT r.*, p.operator, p.call_type AS pstn_call_type, p.caller_country, p.callee_country
  FROM record_only r
  LEFT JOIN pstn_pick k ON k.session_rid = r.session_rid
  LEFT JOIN staging.stg_pstn_calls p ON p.pstn_rid = k.pstn_rid
),
cr AS (
  SELECT
    'cr:' || call_record_id AS attempt_id,
    'call_record' AS source,
    start_ts AS attempt_ts,
    start_us AS attempt_us,
    user_p,
    app_id,
    site_rid,
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
SELECT *, DATE '1970-01-01' + (attempt_us // 86400000000)::INTEGER AS day FROM dr
UNION ALL BY NAME
SELECT *, DATE '1970-01-01' + (attempt_us // 86400000000)::INTEGER AS day FROM cr;
