-- Sign-in failures with no call attempt after them within the window: the user never got to dial.
-- They are attempts too, attributed to the user's last known site and client build (the user's latest
-- call attempt at or before the failure) and to the user's last route (latest routed attempt: Direct
-- Routing, Calling Plan, Operator Connect), and marked attributed. Ties in time go to the greater
-- attempt_id, so a rebuild attributes alike.
-- Shape of the work: the orphan failures are few, so they are the hash table and the attempts stream
-- past it once, on three narrow columns; one aggregate then keeps both latest row ids per failure, and
-- the attributes are read by row id. (Two ASOF joins sorted all attempts of these users twice and took
-- longer at 10 M attempts.) The joined pairs number, per user, the user's orphan failures times the
-- user's earlier attempts: a user in a sign-in retry loop costs more here, not the whole tenant.
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
last_call AS (
  SELECT o.sign_in_id,
         arg_max(a.rowid, (a.attempt_us, a.attempt_id)) AS last_rid,
         arg_max(a.rowid, (a.attempt_us, a.attempt_id)) FILTER (WHERE a.sbc <> 'none') AS route_rid
  FROM orphans o
  JOIN temp.int_attempts a ON a.user_p = o.user_p AND a.attempt_us <= o.created_us
  GROUP BY o.sign_in_id
)
SELECT
  'si:' || o.sign_in_id AS attempt_id,
  'sign_in'::int_source_values AS source,
  o.created_ts AS attempt_ts,
  o.created_us AS attempt_us,
  DATE '1970-01-01' + (o.created_us // 86400000000)::INTEGER AS day,
  o.user_p,
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
LEFT JOIN last_call l USING (sign_in_id)   -- none: no earlier attempt
LEFT JOIN temp.int_attempts a ON a.rowid = l.last_rid
LEFT JOIN temp.int_attempts r ON r.rowid = l.route_rid;
