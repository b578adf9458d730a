-- Link each call attempt to the latest sign-in failure of the same user within the configured window
-- before it, narrowed to the same Entra app when both sides name one.
CREATE OR REPLACE TABLE intermediate.int_attempt_sign_in_links AS
WITH params AS (
  SELECT coalesce(max(CASE WHEN key = 'sign_in_window_minutes' THEN value END), '15')::INTEGER AS window_min
  FROM meta.build_params
)
SELECT
  a.attempt_id,
  f.sign_in_id,
  f.error_code,
  f.created_ts AS sign_in_ts
FROM intermediate.int_attempts a
JOIN intermediate.int_sign_in_failures f
  ON f.user_p = a.user_p
 AND f.created_ts <= a.attempt_ts
 AND f.created_ts >= a.attempt_ts - to_minutes((SELECT window_min FROM params))
 AND (a.app_id IS NULL OR f.app_id IS NULL OR a.app_id = f.app_id)
QUALIFY row_number() OVER (PARTITION BY a.attempt_id ORDER BY f.created_ts DESC, f.sign_in_id) = 1;
