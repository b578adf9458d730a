-- Clusters of the latest earlier run with the same failure predicate (for the trend of each fingerprint).
WITH prev AS (
  SELECT run_id, window_from, window_to FROM patterns.runs
  WHERE failure = $failure AND window_to <= $to::TIMESTAMPTZ AND run_id <> $run_id
  ORDER BY window_to DESC, created_at DESC LIMIT 1
)
SELECT c.fingerprint, c.failures::DOUBLE AS failures,
  (epoch(p.window_to) - epoch(p.window_from))::DOUBLE / 86400 AS days
FROM patterns.clusters c JOIN prev p USING (run_id)
ORDER BY c.fingerprint
