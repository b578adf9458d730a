-- The clusters of the latest pattern run: where auth-linked failures concentrate, observed vs expected.
SELECT c.rank, c.fingerprint, c.site, c.sbc, c.client_build, c.carrier_path,
       c.failures, c.attempts, c.users,
       round(100 * c.rate, 2) AS rate_pct,
       round(100 * c.baseline_rate, 2) AS baseline_pct,
       round(c.expected_failures, 1) AS expected_failures,
       round(c.score, 1) AS score,
       r.window_from, r.window_to
FROM patterns.clusters c
JOIN (SELECT * FROM patterns.runs ORDER BY created_at DESC LIMIT 1) r USING (run_id)
ORDER BY c.rank;
