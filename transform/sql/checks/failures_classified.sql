-- A failed attempt has a layer and an origin; a successful one has neither; 560 codes are SBC-origin.
SELECT attempt_id, outcome, layer, failure_origin, ms_code FROM marts.setup_attempts
WHERE (outcome = 'failure' AND (layer IS NULL OR failure_origin IS NULL))
   OR (outcome = 'success' AND (layer IS NOT NULL OR failure_origin IS NOT NULL OR auth_linked))
   OR (ms_code BETWEEN 560000 AND 560999 AND outcome = 'failure' AND failure_origin <> 'sbc');
