-- Daily totals over the baseline days and the week (UTC days of marts.daily_rollup).
SELECT
  strftime(day, '%Y-%m-%d') AS day,
  sum(attempts)::INTEGER AS attempts,
  sum(failures)::INTEGER AS failures,
  sum(auth_failures)::INTEGER AS auth_failures
FROM marts.daily_rollup
WHERE day >= $baseline_from_day::DATE AND day < $to_day::DATE
GROUP BY day
ORDER BY day;
