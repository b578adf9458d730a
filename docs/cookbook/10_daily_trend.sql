-- Daily attempts, failures and auth-linked failures with a 7-day moving failure rate, last 28 days.
WITH bounds AS (SELECT max(day) AS last_day FROM marts.daily_rollup),
daily AS (
  SELECT day, sum(attempts) AS attempts, sum(failures) AS failures, sum(auth_failures) AS auth_failures
  FROM marts.daily_rollup, bounds
  WHERE day > last_day - 28
  GROUP BY day
)
SELECT day, attempts, failures, auth_failures,
       round(100.0 * failures / attempts, 2) AS failure_pct,
       round(100.0 * sum(failures) OVER w / sum(attempts) OVER w, 2) AS failure_pct_7d
FROM daily
WINDOW w AS (ORDER BY day ROWS BETWEEN 6 PRECEDING AND CURRENT ROW)
ORDER BY day;
