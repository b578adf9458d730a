-- The central fact: one row per call-setup attempt from any source, with the four pattern
-- dimensions and the failure classification (layer, origin, auth link).
-- Written as marts.setup_attempts__next outside any transaction (build.ts swaps the marts in at the end,
-- in one transaction). Written once, from intermediate.int_attempts_classified. Text is the costly part of writing a row
-- (about 0.2 µs a value), so columns with a fixed vocabulary are ENUMs (they compare and print as
-- text), and the columns that follow from others are computed on read (VIRTUAL): client_version from
-- client_build, carrier from carrier_path, outcome from failure_stage.
CREATE OR REPLACE TABLE marts.setup_attempts__next (
  attempt_id VARCHAR,
  source ENUM('direct_routing', 'call_record', 'sign_in'),
  attempt_ts TIMESTAMPTZ,
  day DATE,
  user_p VARCHAR,
  site VARCHAR,
  site_region VARCHAR,
  site_country VARCHAR,
  site_building VARCHAR,
  site_subnet VARCHAR,
  site_match ENUM('subnet', 'ip_range', 'vpn', 'last_known', 'none'),
  sbc VARCHAR,
  client_build VARCHAR,
  client_family VARCHAR,
  client_platform VARCHAR,
  client_version VARCHAR GENERATED ALWAYS AS (substr(client_build, length(client_family) + length(client_platform) + 3)) VIRTUAL,
  carrier_path VARCHAR,
  carrier VARCHAR GENERATED ALWAYS AS (
    CASE WHEN carrier_path = 'none' THEN 'none' ELSE substr(carrier_path, 1, length(carrier_path) - length(dest_country) - 1) END
  ) VIRTUAL,
  dest_country VARCHAR,
  direction ENUM('inbound', 'outbound', 'internal'),
  call_type VARCHAR,
  outcome VARCHAR GENERATED ALWAYS AS (CASE WHEN failure_stage IS NULL THEN 'success' ELSE 'failure' END) VIRTUAL,
  is_failure BOOLEAN,
  failure_stage VARCHAR,
  final_sip_code INTEGER,
  ms_code BIGINT,
  failure_origin ENUM('sbc', 'client', 'microsoft'),
  layer ENUM('client_sign_in', 'phone_config', 'sip_device', 'direct_routing', 'other'),
  auth_linked BOOLEAN,
  sign_in_error_code INTEGER,
  attributed BOOLEAN
);

INSERT INTO marts.setup_attempts__next BY NAME SELECT * FROM intermediate.int_attempts_classified;
