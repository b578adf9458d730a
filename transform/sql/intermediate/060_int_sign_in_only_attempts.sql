-- Sign-in failures with no call attempt after them within the window: the user never got to dial.
-- They are attempts too, attributed to the user's last known site and client build (ASOF join on the
-- user's most recent earlier call attempt), and marked attributed.
CREATE OR REPLACE TABLE intermediate.int_sign_in_only_attempts AS
WITH params AS (
  SELECT coalesce(max(CASE WHEN key = 'sign_in_window_minutes' THEN value END), '15')::INTEGER AS window_min
  FROM meta.build_params
),
orphans AS (
  SELECT f.*
  FROM intermediate.int_sign_in_failures f
  WHERE NOT EXISTS (
    SELECT 1 FROM intermediate.int_attempts a
    WHERE a.user_p = f.user_p
      AND a.attempt_ts >= f.created_ts
      AND a.attempt_ts <= f.created_ts + to_minutes((SELECT window_min FROM params))
  )
)
SELECT
  'si:' || o.sign_in_id AS attempt_id,
  'sign_in' AS source,
  o.created_ts AS attempt_ts,
  o.user_p,
  o.app_id,
  o.sign_in_id,
  o.error_code,
  a.site, a.site_region, a.site_country, a.site_building, a.site_subnet,
  CASE WHEN a.attempt_id IS NULL THEN 'none' ELSE 'last_known' END AS site_match,
  'none' AS sbc,                          -- no call was routed
  coalesce(a.client_family, 'unknown') AS client_family,
  coalesce(a.client_platform, 'unknown') AS client_platform,
  coalesce(a.client_version, 'unknown') AS client_version,
  coalesce(a.is_sip_device, false) AS is_sip_device
FROM orphans o
ASOF LEFT JOIN intermediate.int_attempts a
  ON a.user_p = o.user_p AND o.created_ts >= a.attempt_ts;
