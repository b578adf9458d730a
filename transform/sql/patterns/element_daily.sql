-- Per element and window day: attempts and failures (the daily series of a cluster), of the leaves the element
-- holds: a leaf counts for the first element (in rank order) it falls in, as in element_hits.sql and the engine.
WITH excluded AS (SELECT unnest(string_split($excluded, chr(10))) AS user_p),
win AS (
  SELECT site, sbc, client_build, carrier_path, day, __FAILURE__ AS failed FROM marts.setup_attempts
  WHERE attempt_ts >= $from::TIMESTAMPTZ AND attempt_ts < $to::TIMESTAMPTZ
    AND coalesce(user_p, '') NOT IN (SELECT user_p FROM excluded)
),
leaf_day AS (
  SELECT any_value(site) AS site, any_value(sbc) AS sbc, any_value(client_build) AS client_build, any_value(carrier_path) AS carrier_path,
    day, count(*) AS attempts, count(*) FILTER (WHERE failed) AS failures
  FROM win GROUP BY hash(site, sbc, client_build, carrier_path), day
),
held AS (
  SELECT e.el, l.day, l.attempts, l.failures
  FROM (SELECT *, row_number() OVER () AS lid FROM leaf_day) l JOIN patterns_elements e ON
  (e.site IS NULL OR coalesce(l.site, 'unknown') = e.site OR starts_with(l.site, e.site || '/'))
  AND (e.sbc IS NULL OR coalesce(l.sbc, 'unknown') = e.sbc)
  AND (e.client_build IS NULL OR coalesce(l.client_build, 'unknown') = e.client_build OR starts_with(l.client_build, e.client_build || '/'))
  AND (e.carrier_path IS NULL OR coalesce(l.carrier_path, 'unknown') = e.carrier_path OR starts_with(l.carrier_path, e.carrier_path || '/'))
  QUALIFY e.el = min(e.el) OVER (PARTITION BY l.lid)
)
SELECT el, strftime(day, '%Y-%m-%d') AS day, sum(attempts)::INTEGER AS attempts, sum(failures)::INTEGER AS failures
FROM held
GROUP BY ALL
ORDER BY el, day
