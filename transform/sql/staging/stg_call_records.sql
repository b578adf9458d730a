-- One row per call record (highest version), renamed and cast only.
CREATE OR REPLACE VIEW staging.stg_call_records AS
WITH source AS (SELECT * FROM raw.call_records)
SELECT
  id AS call_record_id,
  version,
  type AS call_type,
  modalities,
  start_ts,
  end_ts,
  organizer_p,
  session_count
FROM source;
