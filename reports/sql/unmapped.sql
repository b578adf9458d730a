-- Subnets not in the building file with at least $min_attempts attempts in the week.
SELECT
  site,
  count(*)::INTEGER AS attempts,
  count(*) FILTER (WHERE is_failure)::INTEGER AS failures,
  count(DISTINCT user_p)::INTEGER AS users
FROM marts.setup_attempts
WHERE site LIKE 'unmapped:%' AND attempt_ts >= $from::TIMESTAMPTZ AND attempt_ts < $to::TIMESTAMPTZ
GROUP BY site
HAVING count(*) >= $min_attempts
ORDER BY attempts DESC, site
LIMIT 50;
