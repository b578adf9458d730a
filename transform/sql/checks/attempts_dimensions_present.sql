-- Every attempt has all four dimensions and a user.
SELECT attempt_id, site, sbc, client_build, carrier_path FROM marts.setup_attempts
WHERE site IS NULL OR sbc IS NULL OR client_build IS NULL OR carrier_path IS NULL OR user_p IS NULL;
