-- No clear UPN or IPv4 address leaks into the user column of the marts.
SELECT attempt_id, 'user_p' AS col FROM marts.setup_attempts
WHERE user_p LIKE '%@%' OR (user_p LIKE '%.%.%.%' AND regexp_matches(user_p, '^\d+\.\d+\.\d+\.\d+$'));
