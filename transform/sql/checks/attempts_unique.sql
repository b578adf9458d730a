-- Every attempt appears once.
SELECT attempt_id, count(*) AS copies FROM marts.setup_attempts GROUP BY attempt_id HAVING count(*) > 1;
