-- Link each call attempt to the latest sign-in failure of the same user within the configured window
-- before it, narrowed to the same Entra app when both sides name one (compared as hashes: int_app_key in
-- intermediate/010). attempt_rid is the attempt's rowid in temp.int_attempts (an integer join key for the
-- marts).
CREATE OR REPLACE TEMP TABLE int_attempt_sign_in_links AS
WITH params AS (
  SELECT coalesce(max(CASE WHEN key = 'sign_in_window_minutes' THEN value END), '15')::BIGINT * 60000000 AS window_us
  FROM meta.build_params
),
attempts AS (
  SELECT rowid AS attempt_rid, user_p, attempt_us, app_key FROM temp.int_attempts
)
SELECT
  a.attempt_rid,
  arg_max(f.sign_in_id, (f.created_us, f.sign_in_id)) AS sign_in_id,
  arg_max(f.error_code, (f.created_us, f.sign_in_id)) AS error_code
FROM attempts a
JOIN temp.int_sign_in_failures f
  ON f.user_p = a.user_p
 AND f.created_us <= a.attempt_us
 AND f.created_us >= a.attempt_us - (SELECT window_us FROM params)
 AND (a.app_key IS NULL OR f.app_id IS NULL OR a.app_key = int_app_key(f.app_id))
GROUP BY a.attempt_rid;
