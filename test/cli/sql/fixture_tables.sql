-- The fact table's shape (contract-attempts.md); the derived marts come from the real transform/sql/marts files.
CREATE TABLE marts.setup_attempts (
  attempt_id VARCHAR, source VARCHAR, attempt_ts TIMESTAMPTZ, day DATE, user_p VARCHAR,
  site VARCHAR, site_region VARCHAR, site_country VARCHAR, site_building VARCHAR, site_subnet VARCHAR, site_match VARCHAR,
  sbc VARCHAR, client_build VARCHAR, client_family VARCHAR, client_platform VARCHAR, client_version VARCHAR,
  carrier_path VARCHAR, carrier VARCHAR, dest_country VARCHAR, direction VARCHAR, call_type VARCHAR, outcome VARCHAR,
  is_failure BOOLEAN, failure_stage VARCHAR, final_sip_code INTEGER, ms_code BIGINT, failure_origin VARCHAR, layer VARCHAR,
  auth_linked BOOLEAN, sign_in_error_code INTEGER, attributed BOOLEAN
);
