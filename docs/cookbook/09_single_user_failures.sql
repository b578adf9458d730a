-- Users failing repeatedly (account or device problems rather than patterns), last 7 days.
-- Users are pseudonyms; an admin with the vault key adds --reveal to see the UPNs.
WITH bounds AS (SELECT max(day) AS last_day FROM marts.setup_attempts)
SELECT user_p,
       count(*) FILTER (WHERE auth_linked) AS auth_failures,
       count(*) AS attempts,
       count(DISTINCT site) AS sites,
       count(DISTINCT client_build) AS builds,
       arg_max(client_build, attempt_ts) AS latest_build,
       max(attempt_ts) FILTER (WHERE auth_linked) AS last_failure
FROM marts.setup_attempts, bounds
WHERE day > last_day - 7
GROUP BY user_p
HAVING count(*) FILTER (WHERE auth_linked) >= 3
ORDER BY auth_failures DESC, user_p
LIMIT 50;
