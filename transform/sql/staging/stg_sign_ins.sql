-- One row per Entra sign-in, renamed and cast only.
CREATE OR REPLACE VIEW staging.stg_sign_ins AS
WITH source AS (SELECT * FROM raw.sign_ins)
SELECT
  id AS sign_in_id,
  created_ts,
  epoch_us(created_ts) AS created_us,
  user_p,
  app_id,
  client_app_used,
  event_type,
  error_code,
  failure_reason,
  conditional_access_status,
  ip_prefix,
  device_os,
  location_country
FROM source;
