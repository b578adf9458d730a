-- One row per Calling Plan / Operator Connect call, renamed and cast only (pstn_rid: the raw rowid).
CREATE OR REPLACE VIEW staging.stg_pstn_calls AS
WITH source AS (SELECT rowid AS pstn_rid, * FROM raw.pstn_calls)
SELECT
  pstn_rid,
  id AS pstn_id,
  user_p,
  start_ts,
  epoch_us(start_ts) AS start_us,
  end_ts,
  duration_s,
  call_type,
  caller_country,
  callee_country,
  number_masked,
  operator,
  destination_context
FROM source;
