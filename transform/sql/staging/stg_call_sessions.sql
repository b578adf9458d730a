-- One row per call session with both endpoints, renamed and cast only.
-- session_rid is the raw row's rowid: a cheap integer handle for joins within one build.
CREATE OR REPLACE VIEW staging.stg_call_sessions AS
WITH source AS (SELECT rowid AS session_rid, * FROM raw.call_sessions)
SELECT
  session_rid,
  call_record_id,
  session_id,
  start_ts,
  epoch_us(start_ts) AS start_us,
  end_ts,
  failure_stage,
  nullif(trim(failure_reason), '') AS failure_reason,
  try_cast(regexp_extract(failure_reason, '^\s*([1-6][0-9][0-9])\b', 1) AS INTEGER) AS reason_sip_code,
  caller_kind, caller_user_p, caller_platform, caller_product_family, caller_app_version, caller_header, caller_app_id,
  caller_role, caller_subnet, caller_ip_prefix, caller_connection,
  callee_kind, callee_user_p, callee_platform, callee_product_family, callee_app_version, callee_header, callee_app_id,
  callee_role, callee_subnet, callee_ip_prefix, callee_connection,
  callee_phone_country
FROM source;
