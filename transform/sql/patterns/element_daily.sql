-- Per element and window day: attempts and failures (the daily series of a cluster), of the attempts the element
-- holds (held_attempts.sql).
__HELD_ATTEMPTS__
SELECT el, strftime(day, '%Y-%m-%d') AS day, count(*)::INTEGER AS attempts, count(*) FILTER (WHERE __FAILURE__)::INTEGER AS failures
FROM held_attempts
GROUP BY ALL
ORDER BY el, day
