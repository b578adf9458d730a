-- Per element: its failing attempts in the window (those no earlier element holds: held_attempts.sql), distinct
-- failing users, the busiest user's failures and first failure.
__HELD_ATTEMPTS__,
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
