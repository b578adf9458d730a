-- One row per Direct Routing leg, renamed and cast only (dr_rid: the raw rowid, a cheap join handle within one build).
CREATE OR REPLACE VIEW staging.stg_direct_routing_calls AS
WITH source AS (SELECT rowid AS dr_rid, * FROM raw.direct_routing_calls)
SELECT
  dr_rid,
  id AS dr_id,
  correlation_id,
  user_p,
  coalesce(invite_ts, start_ts) AS attempt_ts,
  epoch_us(coalesce(invite_ts, start_ts)) AS attempt_us,
  start_ts,
  failure_ts,
  end_ts,
  call_type,
  successful_call,
  caller_country,
  callee_country,
  number_masked,
  final_sip_code,
  call_end_sub_reason AS ms_code,
  final_sip_code_phrase,
  trunk_fqdn,
  signaling_location
FROM source;
