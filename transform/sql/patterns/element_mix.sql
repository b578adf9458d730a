-- Per element: top SIP codes, Microsoft codes, layers and failure origins of its failing attempts in the window
-- (those no earlier element holds: held_attempts.sql).
__HELD_ATTEMPTS__,
counted AS (
  SELECT el, 'sip' AS kind, coalesce(final_sip_code::VARCHAR, 'none') AS value, count(*) AS n FROM hits GROUP BY ALL
  UNION ALL SELECT el, 'ms', coalesce(ms_code::VARCHAR, 'none'), count(*) FROM hits GROUP BY ALL
  UNION ALL SELECT el, 'layer', coalesce(layer, 'none'), count(*) FROM hits GROUP BY ALL
  UNION ALL SELECT el, 'origin', coalesce(failure_origin, 'none'), count(*) FROM hits GROUP BY ALL
)
SELECT el, kind, value, n::INTEGER AS count
FROM counted
QUALIFY row_number() OVER (PARTITION BY el, kind ORDER BY n DESC, value) <= 5
ORDER BY el, kind, count DESC, value
