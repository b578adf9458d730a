-- Which layer and origin failures come from, per week: read the layer first (sign-in, phone config,
-- SIP device, Direct Routing) before chasing a 401.
SELECT date_trunc('week', day) AS week, layer, failure_origin,
       sum(failures) AS failures,
       sum(auth_failures) AS auth_failures
FROM marts.daily_rollup
WHERE layer <> 'none'
GROUP BY ALL
ORDER BY week, failures DESC, layer, failure_origin;
