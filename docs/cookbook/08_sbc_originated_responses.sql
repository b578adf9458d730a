-- Direct Routing failures whose final response came from the SBC (Microsoft code 560xxx), by SBC and
-- the SIP code in the last three digits, last 7 days.
WITH bounds AS (SELECT max(day) AS last_day FROM marts.setup_attempts)
SELECT sbc,
       ms_code,
       ms_code % 1000 AS sbc_sip_code,
       count(*) AS failures,
       count(DISTINCT user_p) AS users
FROM marts.setup_attempts, bounds
WHERE failure_origin = 'sbc' AND day > last_day - 7
GROUP BY sbc, ms_code
ORDER BY failures DESC, sbc, ms_code;
