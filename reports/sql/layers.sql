-- Failures per layer and failure origin in the week.
SELECT layer, failure_origin, sum(failures)::INTEGER AS failures
FROM marts.daily_rollup
WHERE day >= $from_day::DATE AND day < $to_day::DATE AND layer <> 'none'
GROUP BY layer, failure_origin
HAVING sum(failures) > 0
ORDER BY layer, failure_origin;
