-- Sign-in failures with no call attempt after them within the window: the user never got to dial.
-- They are attempts too, attributed to the user's last known site and client build (ASOF join on the
-- user's most recent earlier call attempt) and to the user's last route (most recent earlier routed
-- attempt: Direct Routing, Calling Plan, Operator Connect), and marked attributed. The ASOF joins find
-- row ids on narrow columns; the attributes are then read by row id.
CREATE OR REPLACE TEMP TABLE int_sign_in_only_attempts AS
WITH params AS (
  SELECT coalesce(max(CASE WHEN key = 'sign_in_window_minutes' THEN value END), '15')::BIGINT * 60000000 AS window_us
  FROM meta.build_params
),
orphans AS (
  SELECT f.*
  FROM temp.int_sign_in_failures f
  WHERE NOT EXISTS (
    SELECT 1 FROM temp.int_attempts a
    WHERE a.user_p = f.user_p
      AND a.attempt_us >= f.created_us
      AND a.attempt_us <= f.created_us + (SELECT window_us FROM params)
  )
),
orphan_attempts AS (
  -- only the attempts of users with an orphan failure are searched (an ASOF join sorts all it is given)
  SELECT rowid AS rid, user_p, attempt_us, sbc <> 'none' AS routed
  FROM temp.int_attempts
  WHERE user_p IN (SELECT user_p FROM orphans)
),
last_call AS (
  SELECT o.sign_in_id, a.rid AS last_rid, r.rid AS route_rid
  FROM orphans o
  ASOF LEFT JOIN orphan_attempts a ON a.user_p = o.user_p AND o.created_us >= a.attempt_us
  ASOF LEFT JOIN (FROM orphan_attempts WHERE routed) r ON r.user_p = o.user_p AND o.created_us >= r.attempt_us
)
SELECT
  'si:' || o.sign_in_id AS attempt_id,
  'sign_in'::int_source_values AS source,
  o.created_ts AS attempt_ts,
  o.created_us AS attempt_us,
  DATE '1970-01-01' + (o.created_us // 86400000000)::INTEGER AS day,
  o.user_p,
  o.app_id,
  o.sign_in_id,
  o.error_code,
  a.site_rid,
  CASE WHEN a.attempt_id IS NULL THEN 'none' ELSE 'last_known' END AS site_match,
  coalesce(r.sbc, 'none') AS sbc,         -- no call was routed: the user's last route, if any
  r.trunk_fqdn,
  r.operator,
  coalesce(r.direction, 'outbound'::int_direction_values) AS direction,
  r.caller_country,
  r.callee_country,
  r.sbc IS NOT NULL AS routed_attributed,
  coalesce(a.client_family, 'unknown') AS client_family,
  coalesce(a.client_platform, 'unknown') AS client_platform,
  coalesce(a.client_version, 'unknown') AS client_version,
  coalesce(a.is_sip_device, false) AS is_sip_device
FROM orphans o
JOIN last_call l USING (sign_in_id)
LEFT JOIN temp.int_attempts a ON a.rowid = l.last_rid
LEFT JOIN temp.int_attempts r ON r.rowid = l.route_rid;
