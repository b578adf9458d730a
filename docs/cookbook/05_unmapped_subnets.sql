-- Subnets that map to no building: add them to the CQD building file (most traffic first).
SELECT site_subnet,
       count(*) AS attempts,
       count(*) FILTER (WHERE is_failure) AS failures,
       count(DISTINCT user_p) AS users,
       min(attempt_ts) AS first_seen,
       max(attempt_ts) AS last_seen
FROM marts.setup_attempts
WHERE starts_with(site, 'unmapped:')
GROUP BY site_subnet
ORDER BY attempts DESC, site_subnet;
