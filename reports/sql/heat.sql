-- Attempts and failures per site × SBC in the week.
SELECT site, sbc, sum(attempts)::INTEGER AS attempts, sum(failures)::INTEGER AS failures
FROM marts.daily_rollup
WHERE day >= $from_day::DATE AND day < $to_day::DATE
GROUP BY site, sbc
ORDER BY site, sbc;
