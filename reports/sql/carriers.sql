-- Attempts and failures per carrier path in the week (VoIP and sign-in only attempts have none).
SELECT carrier_path, sum(attempts)::INTEGER AS attempts, sum(failures)::INTEGER AS failures
FROM marts.daily_rollup
WHERE day >= $from_day::DATE AND day < $to_day::DATE AND carrier_path <> 'none'
GROUP BY carrier_path
ORDER BY carrier_path;
