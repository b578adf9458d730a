-- Sign-in failures with no call attempt after them within the window: the user never got to dial.
-- They are attempts too, attributed to the user's last known site and client build (the session of the
-- user's most recent earlier call attempt, by an ASOF join) and to the user's last route (the Direct
-- Routing leg or PSTN row of the most recent earlier routed attempt: Direct Routing, Calling Plan,
-- Operator Connect), and marked attributed. Row ids only: the marts read the attributes.
CREATE OR REPLACE TABLE intermediate.int_sign_in_only_attempts AS
WITH params AS (
  SELECT coalesce(max(CASE WHEN key = 'sign_in_window_minutes' THEN value END), '15')::BIGINT * 60000000 AS window_us
  FROM meta.build_params
),
orphans AS (
  SELECT f.*
  FROM intermediate.int_sign_in_failures f
  WHERE NOT EXISTS (
    SELECT 1 FROM intermediate.int_attempts a
    WHERE a.user_p = f.user_p
      AND a.attempt_us >= f.created_us
      AND a.attempt_us <= f.created_us + (SELECT window_us FROM params)
  )
),
orphan_attempts AS (
  -- only the attempts of users with an orphan failure are searched (an ASOF join sorts all it is given)
  SELECT user_p, attempt_us, session_rid, dr_rid, pstn_rid, routed
  FROM intermediate.int_attempts
  WHERE user_p IN (SELECT user_p FROM orphans)
)
SELECT
  o.sign_in_id,
  o.created_ts AS attempt_ts,
  o.created_us AS attempt_us,
  o.user_p,
  o.error_code,
  a.session_rid,                                                         -- the last call's session
  CASE WHEN a.user_p IS NULL THEN 'none' ELSE 'last_known' END AS site_match,
  r.dr_rid AS route_dr_rid,                                              -- the last route, if any
  r.pstn_rid AS route_pstn_rid,
  r.user_p IS NOT NULL AS routed_attributed
FROM orphans o
ASOF LEFT JOIN orphan_attempts a ON a.user_p = o.user_p AND o.created_us >= a.attempt_us
ASOF LEFT JOIN (FROM orphan_attempts WHERE routed) r ON r.user_p = o.user_p AND o.created_us >= r.attempt_us;
