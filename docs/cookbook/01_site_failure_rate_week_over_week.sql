-- Failure rate by site: the last 7 days of data vs the 7 days before, biggest change first.
WITH bounds AS (SELECT max(day) AS last_day FROM marts.daily_rollup),
weeks AS (
  SELECT site,
         sum(attempts) FILTER (WHERE day > last_day - 7) AS attempts_this,
         sum(failures) FILTER (WHERE day > last_day - 7) AS failures_this,
         sum(attempts) FILTER (WHERE day <= last_day - 7 AND day > last_day - 14) AS attempts_last,
         sum(failures) FILTER (WHERE day <= last_day - 7 AND day > last_day - 14) AS failures_last
  FROM marts.daily_rollup, bounds
  WHERE day > last_day - 14
  GROUP BY site
)
SELECT site,
       attempts_this, failures_this, round(100.0 * failures_this / nullif(attempts_this, 0), 2) AS pct_this,
       attempts_last, failures_last, round(100.0 * failures_last / nullif(attempts_last, 0), 2) AS pct_last,
       round(100.0 * failures_this / nullif(attempts_this, 0) - 100.0 * failures_last / nullif(attempts_last, 0), 2) AS pct_change
FROM weeks
ORDER BY pct_change DESC NULLS LAST, site;
