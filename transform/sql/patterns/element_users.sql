-- Per element: its failing attempts in the window (those no earlier element holds), distinct failing users, the
-- busiest user's failures and first failure.
WITH excluded AS (SELECT unnest(string_split($excluded, chr(10))) AS user_p),
fails AS (
  SELECT * FROM marts.setup_attempts
  WHERE attempt_ts >= $from::TIMESTAMPTZ AND attempt_ts < $to::TIMESTAMPTZ AND __FAILURE__
    AND coalesce(user_p, '') NOT IN (SELECT user_p FROM excluded)
),
hits AS (
  SELECT e.el, f.user_p, f.attempt_ts
  FROM (SELECT *, row_number() OVER () AS fid FROM fails) f JOIN patterns_elements e ON
    (e.site IS NULL OR coalesce(f.site, 'unknown') = e.site OR starts_with(f.site, e.site || '/'))
    AND (e.sbc IS NULL OR coalesce(f.sbc, 'unknown') = e.sbc)
    AND (e.client_build IS NULL OR coalesce(f.client_build, 'unknown') = e.client_build OR starts_with(f.client_build, e.client_build || '/'))
    AND (e.carrier_path IS NULL OR coalesce(f.carrier_path, 'unknown') = e.carrier_path OR starts_with(f.carrier_path, e.carrier_path || '/'))
  -- a failure counts for the first element (in rank order) it falls in, as in the engine, where an element
  -- holds only the leaves no earlier element holds: users and codes describe the failures it counts
  QUALIFY e.el = min(e.el) OVER (PARTITION BY f.fid)
),
per_user AS (SELECT el, user_p, count(*) AS n FROM hits GROUP BY el, user_p)
SELECT
  el,
  sum(n)::INTEGER AS failures,
  count(DISTINCT user_p)::INTEGER AS users,
  max(n)::INTEGER AS top_user_failures,
  arg_max(coalesce(user_p, ''), n) AS top_user,
  (SELECT strftime(min(h.attempt_ts) AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%SZ') FROM hits h WHERE h.el = per_user.el) AS first_seen
FROM per_user
GROUP BY el
ORDER BY el
