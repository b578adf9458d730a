-- A sign-in failure stops a call before it is routed, so its attempt has no SBC or carrier of its
-- own. Attribute it to the user's last routed attempt (Direct Routing, Calling Plan, Operator
-- Connect) before it, so the routing dimensions stay neutral instead of piling every sign-in failure
-- onto sbc = 'none'. Attempts that were routed keep their own route. (Sign-in only attempts take
-- their route in intermediate/060.) attempt_rid is the attempt's rowid in intermediate.int_attempts;
-- the route is the routed attempt's Direct Routing leg or PSTN row (the marts read their columns).
-- own_call_type keeps the attempt's own PSTN call type (a PSTN row without an operator is unrouted).
CREATE OR REPLACE TABLE intermediate.int_attempt_routes AS
WITH unrouted AS (
  SELECT a.rowid AS attempt_rid, a.user_p, a.attempt_us, a.pstn_rid
  FROM intermediate.int_attempts a
  SEMI JOIN intermediate.int_attempt_sign_in_links l ON l.attempt_rid = a.rowid
  WHERE NOT a.routed
),
routed AS (
  -- only the routed attempts of users with an unrouted one (an ASOF join sorts all it is given)
  SELECT user_p, attempt_us, dr_rid, pstn_rid
  FROM intermediate.int_attempts
  WHERE routed AND user_p IN (SELECT user_p FROM unrouted)
)
SELECT u.attempt_rid, r.dr_rid AS route_dr_rid, r.pstn_rid AS route_pstn_rid, p.call_type AS own_call_type
FROM unrouted u
ASOF JOIN routed r ON u.user_p = r.user_p AND u.attempt_us >= r.attempt_us
LEFT JOIN staging.stg_pstn_calls p ON p.pstn_rid = u.pstn_rid;
