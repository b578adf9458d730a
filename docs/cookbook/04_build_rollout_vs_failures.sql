-- Client build rollout vs failures: per day and build, its share of the day's users (the rollout curve)
-- next to its auth-linked failure rate. A new build whose rate climbs with its share is the suspect.
WITH per_build AS (
  SELECT day, client_build,
         count(DISTINCT user_p) AS users,
         count(*) AS attempts,
         count(*) FILTER (WHERE auth_linked) AS auth_failures
  FROM marts.setup_attempts
  GROUP BY day, client_build
),
per_day AS (SELECT day, count(DISTINCT user_p) AS day_users FROM marts.setup_attempts GROUP BY day)
SELECT b.day, b.client_build, b.users,
       round(100.0 * b.users / d.day_users, 1) AS pct_of_day_users,
       b.attempts, b.auth_failures,
       round(100.0 * b.auth_failures / b.attempts, 2) AS auth_failure_pct
FROM per_build b JOIN per_day d USING (day)
ORDER BY b.day, b.client_build;
