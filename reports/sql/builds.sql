-- Failures per day and client build over the week and the week before it.
SELECT strftime(day, '%Y-%m-%d') AS day, client_build, sum(attempts)::INTEGER AS attempts, sum(failures)::INTEGER AS failures
FROM marts.daily_rollup
WHERE day >= $prev_from_day::DATE AND day < $to_day::DATE
GROUP BY day, client_build
ORDER BY day, client_build;
