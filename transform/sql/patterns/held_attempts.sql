-- The window's attempts (the single users left out), each with its leaf (the four dimensions, 'unknown' for NULL)
-- and the element that holds it: the first element, in rank order, whose values cover the leaf, as in the engine,
-- where an element holds only the leaves no earlier element holds. Spliced in for __HELD_ATTEMPTS__ by
-- patternQueries.ts, so a cluster's failures, users, codes and daily series all count the same attempts.
WITH excluded AS (SELECT unnest(string_split($excluded, chr(10))) AS user_p),
window_attempts AS (
  SELECT *, coalesce(site, 'unknown') AS leaf_site, coalesce(sbc, 'unknown') AS leaf_sbc,
         coalesce(client_build, 'unknown') AS leaf_build, coalesce(carrier_path, 'unknown') AS leaf_path
  FROM marts.setup_attempts
  WHERE attempt_ts >= $from::TIMESTAMPTZ AND attempt_ts < $to::TIMESTAMPTZ
    AND coalesce(user_p, '') NOT IN (SELECT user_p FROM excluded)
),
leaf_elements AS (
  SELECT l.leaf_site, l.leaf_sbc, l.leaf_build, l.leaf_path, min(e.el) AS el
  FROM (SELECT DISTINCT leaf_site, leaf_sbc, leaf_build, leaf_path FROM window_attempts) l
  JOIN patterns_elements e ON
    (e.site IS NULL OR l.leaf_site = e.site OR starts_with(l.leaf_site, e.site || '/'))
    AND (e.sbc IS NULL OR l.leaf_sbc = e.sbc)
    AND (e.client_build IS NULL OR l.leaf_build = e.client_build OR starts_with(l.leaf_build, e.client_build || '/'))
    AND (e.carrier_path IS NULL OR l.leaf_path = e.carrier_path OR starts_with(l.leaf_path, e.carrier_path || '/'))
  GROUP BY ALL
),
held_attempts AS (
  SELECT a.*, l.el FROM window_attempts a JOIN leaf_elements l USING (leaf_site, leaf_sbc, leaf_build, leaf_path)
),
-- the failing attempts each element holds
hits AS (SELECT * FROM held_attempts WHERE __FAILURE__)
