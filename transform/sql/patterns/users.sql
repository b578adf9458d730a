-- Users with the most failures in the window (candidates for the single-user list): attempts, failures, their usual
-- dimensions (most frequent among their failures) and top SIP codes as 'code:count,...'. Only failing rows are
-- grouped in full; attempts are counted for the (at most 200) users kept.
WITH fails AS (
  SELECT user_p, site, sbc, client_build, carrier_path, final_sip_code
  FROM marts.setup_attempts
  WHERE attempt_ts >= $from::TIMESTAMPTZ AND attempt_ts < $to::TIMESTAMPTZ AND user_p IS NOT NULL AND __FAILURE__
),
top AS (
  SELECT user_p, count(*) AS failures FROM fails GROUP BY user_p
  HAVING count(*) >= $min_failures ORDER BY failures DESC, user_p LIMIT 200
),
att AS (
  SELECT user_p, count(*) AS attempts FROM marts.setup_attempts
  WHERE attempt_ts >= $from::TIMESTAMPTZ AND attempt_ts < $to::TIMESTAMPTZ AND user_p IN (SELECT user_p FROM top)
  GROUP BY user_p
),
codes AS (
  SELECT user_p, coalesce(final_sip_code::VARCHAR, 'none') AS code, count(*) AS n
  FROM fails WHERE user_p IN (SELECT user_p FROM top) GROUP BY ALL
),
codes_agg AS (
  SELECT user_p, string_agg(code || ':' || n, ',' ORDER BY n DESC, code) AS sip_codes FROM codes GROUP BY user_p
),
dims AS (
  SELECT user_p, mode(coalesce(site, 'unknown')) AS site, mode(coalesce(sbc, 'unknown')) AS sbc,
    mode(coalesce(client_build, 'unknown')) AS client_build, mode(coalesce(carrier_path, 'unknown')) AS carrier_path
  FROM fails WHERE user_p IN (SELECT user_p FROM top) GROUP BY user_p
)
SELECT t.user_p AS user, a.attempts::INTEGER AS attempts, t.failures::INTEGER AS failures,
  d.site, d.sbc, d.client_build, d.carrier_path, c.sip_codes
FROM top t JOIN att a USING (user_p) JOIN dims d USING (user_p) LEFT JOIN codes_agg c USING (user_p)
ORDER BY failures DESC, user
