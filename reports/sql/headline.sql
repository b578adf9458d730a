-- Headline numbers of the week and the week before (distinct users need the attempts, not the rollup).
SELECT
  CASE WHEN attempt_ts >= $from::TIMESTAMPTZ THEN 'current' ELSE 'previous' END AS period,
  count(*)::INTEGER AS attempts,
  count(*) FILTER (WHERE is_failure)::INTEGER AS failures,
  count(*) FILTER (WHERE auth_linked)::INTEGER AS auth_failures,
  count(DISTINCT user_p)::INTEGER AS users,
  count(DISTINCT user_p) FILTER (WHERE auth_linked)::INTEGER AS auth_users
FROM marts.setup_attempts
WHERE attempt_ts >= $prev_from::TIMESTAMPTZ AND attempt_ts < $to::TIMESTAMPTZ
GROUP BY 1
ORDER BY 1;
