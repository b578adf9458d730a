-- A sign-in failure stops a call before it is routed, so its attempt has no SBC or carrier of its
-- own. Attribute it to the user's last routed attempt (Direct Routing, Calling Plan, Operator
-- Connect) before it, so the routing dimensions stay neutral instead of piling every sign-in failure
-- onto sbc = 'none'. Attempts that were routed keep their own route. (Sign-in only attempts take
-- their route in intermediate/060.) attempt_rid is the attempt's rowid in temp.int_attempts.
CREATE OR REPLACE TEMP TABLE int_attempt_routes AS
WITH unrouted AS (
  SELECT a.rowid AS attempt_rid, a.user_p, a.attempt_us
  FROM temp.int_attempts a
  SEMI JOIN temp.int_attempt_sign_in_links l ON l.attempt_rid = a.rowid
  WHERE a.sbc = 'none'
),
routed AS (
  -- only the routed attempts of users with an unrouted one (an ASOF join sorts all it is given)
  SELECT user_p, attempt_us, sbc, trunk_fqdn, operator, direction, caller_country, callee_country
  FROM temp.int_attempts
  WHERE sbc <> 'none' AND user_p IN (SELECT user_p FROM unrouted)
)
SELECT u.attempt_rid, r.sbc, r.trunk_fqdn, r.operator, r.direction, r.caller_country, r.callee_country
FROM unrouted u
ASOF JOIN routed r ON u.user_p = r.user_p AND u.attempt_us >= r.attempt_us;
