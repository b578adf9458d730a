-- A sign-in failure stops a call before it is routed, so its attempt has no SBC or carrier of its
-- own. Attribute it to the user's last routed attempt (Direct Routing, Calling Plan, Operator
-- Connect) before it, so the routing dimensions stay neutral instead of piling every sign-in failure
-- onto sbc = 'none'. Attempts that were routed keep their own route.
CREATE OR REPLACE TABLE intermediate.int_attempt_routes AS
WITH routed AS (
  SELECT user_p, attempt_ts, sbc, trunk_fqdn, operator, direction, caller_country, callee_country
  FROM intermediate.int_attempts
  WHERE sbc <> 'none'
),
unrouted AS (
  SELECT a.attempt_id, a.user_p, a.attempt_ts
  FROM intermediate.int_attempts a
  JOIN intermediate.int_attempt_sign_in_links l USING (attempt_id)
  WHERE a.sbc = 'none'
  UNION ALL
  SELECT attempt_id, user_p, attempt_ts FROM intermediate.int_sign_in_only_attempts
)
SELECT u.attempt_id, r.sbc, r.trunk_fqdn, r.operator, r.direction, r.caller_country, r.callee_country
FROM unrouted u
ASOF JOIN routed r ON u.user_p = r.user_p AND u.attempt_ts >= r.attempt_ts;
