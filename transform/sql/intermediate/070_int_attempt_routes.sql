-- A sign-in failure stops a call before it is routed, so its attempt has no SBC or carrier of its
-- own. Attribute it to the user's last routed attempt (Direct Routing, Calling Plan, Operator
-- Connect) at or before it, so the routing dimensions stay neutral instead of piling every sign-in
-- failure onto sbc = 'none'. Attempts that were routed keep their own route. (Sign-in only attempts take
-- their route in intermediate/060.) attempt_rid is the attempt's rowid in temp.int_attempts.
-- As in intermediate/060: the unrouted attempts (few) are the hash table, the routed attempts stream
-- past it, one aggregate keeps the latest (ties to the greater attempt_id), and the route is read by row id.
CREATE OR REPLACE TEMP TABLE int_attempt_routes AS
WITH unrouted AS (
  SELECT a.rowid AS attempt_rid, a.user_p, a.attempt_us
  FROM temp.int_attempts a
  SEMI JOIN temp.int_attempt_sign_in_links l ON l.attempt_rid = a.rowid
  WHERE a.sbc = 'none'
),
last_route AS (
  SELECT u.attempt_rid, arg_max(r.rowid, (r.attempt_us, r.attempt_id)) AS route_rid
  FROM unrouted u
  JOIN temp.int_attempts r ON r.user_p = u.user_p AND r.attempt_us <= u.attempt_us
  WHERE r.sbc <> 'none'
  GROUP BY u.attempt_rid
)
SELECT l.attempt_rid, r.sbc, r.trunk_fqdn, r.operator, r.direction, r.caller_country, r.callee_country
FROM last_route l
JOIN temp.int_attempts r ON r.rowid = l.route_rid;
