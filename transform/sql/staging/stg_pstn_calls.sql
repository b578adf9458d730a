-- One row per Calling Plan / Operator Connect call, renamed and cast only.
CREATE OR REPLACE VIEW staging.stg_pstn_calls AS
WITH source AS (SELECT * FROM raw.pstn_calls)
SELECT
  id AS pstn_id,
  user_p,
  start_ts,
  end_ts,
  duration_s,
  call_type,
  caller_country,
  callee_country,
  number_masked,
  operator,
  destination_context
FROM source;
