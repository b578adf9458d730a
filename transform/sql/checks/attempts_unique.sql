-- Every attempt appears once. (Grouped by a 64-bit hash first, which is far cheaper than grouping the
-- text ids; only the rare hash duplicates are then compared by their text.)
WITH dup_hashes AS (
  SELECT hash(attempt_id) AS h FROM marts.setup_attempts GROUP BY 1 HAVING count(*) > 1
)
SELECT attempt_id, count(*) AS copies FROM marts.setup_attempts
WHERE hash(attempt_id) IN (SELECT h FROM dup_hashes)
GROUP BY attempt_id HAVING count(*) > 1;
