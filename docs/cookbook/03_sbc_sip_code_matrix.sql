-- SBC × final SIP code matrix of failed setups in the last 7 days (one column per common code).
WITH bounds AS (SELECT max(day) AS last_day FROM marts.setup_attempts)
SELECT sbc,
       count(*) FILTER (WHERE final_sip_code = 401) AS sip_401,
       count(*) FILTER (WHERE final_sip_code = 403) AS sip_403,
       count(*) FILTER (WHERE final_sip_code = 404) AS sip_404,
       count(*) FILTER (WHERE final_sip_code = 407) AS sip_407,
       count(*) FILTER (WHERE final_sip_code = 408) AS sip_408,
       count(*) FILTER (WHERE final_sip_code = 488) AS sip_488,
       count(*) FILTER (WHERE final_sip_code = 500) AS sip_500,
       count(*) FILTER (WHERE final_sip_code = 503) AS sip_503,
       count(*) FILTER (WHERE final_sip_code NOT IN (401, 403, 404, 407, 408, 488, 500, 503)) AS other_code,
       count(*) FILTER (WHERE final_sip_code IS NULL) AS no_code,
       count(*) AS failures
FROM marts.setup_attempts, bounds
WHERE is_failure AND day > last_day - 7
GROUP BY sbc
ORDER BY failures DESC, sbc;
