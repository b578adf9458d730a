-- Entra sign-in failures that matter for calling (benign interrupts such as MFA prompts and
-- "keep me signed in" are left out), with the meaning of the code.
CREATE OR REPLACE TEMP TABLE int_sign_in_failures AS
SELECT
  s.sign_in_id,
  s.created_ts,
  s.created_us,
  s.user_p,
  s.app_id,
  s.error_code,
  coalesce(c.meaning, 'AADSTS' || s.error_code::VARCHAR) AS meaning,
  s.conditional_access_status
FROM staging.stg_sign_ins s
LEFT JOIN meta.aadsts_codes c ON c.code = s.error_code
WHERE s.error_code <> 0
  AND s.user_p IS NOT NULL
  AND NOT coalesce(c.benign, false);
