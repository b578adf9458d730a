-- Unmapped subnets (CQD's Missing Subnet report): subnets of attempts that mapped to no building in
-- the window [from, to), with at least `min` attempts. Reads marts.setup_attempts (contract-attempts.md).
SELECT coalesce(nullif(site_subnet, ''), 'unknown') AS subnet,
       count(*)::INTEGER AS attempts,
       count(*) FILTER (WHERE is_failure)::INTEGER AS failures,
       count(DISTINCT user_p)::INTEGER AS users,
       strftime(min(attempt_ts) AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%SZ') AS first_seen,
       strftime(max(attempt_ts) AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%SZ') AS last_seen
FROM marts.setup_attempts
WHERE site_match = 'none'
  AND attempt_ts >= $from::TIMESTAMPTZ AND attempt_ts < $to::TIMESTAMPTZ
GROUP BY 1
HAVING count(*) >= $min
ORDER BY attempts DESC, failures DESC, subnet;
