-- A cluster's failing users over time: the top cluster of the latest pattern run (change the
-- fingerprint filter to follow another one), its daily attempts, auth-linked failures and distinct users.
WITH cluster AS (
  SELECT c.* FROM patterns.clusters c
  JOIN (SELECT run_id FROM patterns.runs ORDER BY created_at DESC LIMIT 1) r USING (run_id)
  ORDER BY c.rank LIMIT 1
)
SELECT cluster.fingerprint, a.day,
       count(*) AS attempts,
       count(*) FILTER (WHERE a.auth_linked) AS auth_failures,
       count(DISTINCT a.user_p) FILTER (WHERE a.auth_linked) AS failing_users,
       count(DISTINCT a.user_p) AS users
FROM marts.setup_attempts a, cluster
WHERE (cluster.site IS NULL OR a.site = cluster.site OR starts_with(a.site, cluster.site || '/'))
  AND (cluster.sbc IS NULL OR a.sbc = cluster.sbc)
  AND (cluster.client_build IS NULL OR a.client_build = cluster.client_build OR starts_with(a.client_build, cluster.client_build || '/'))
  AND (cluster.carrier_path IS NULL OR a.carrier_path = cluster.carrier_path OR starts_with(a.carrier_path, cluster.carrier_path || '/'))
GROUP BY cluster.fingerprint, a.day
ORDER BY a.day;
