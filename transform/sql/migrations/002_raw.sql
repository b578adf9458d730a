-- Raw captures, as received and flattened, with EUII already replaced by pseudonyms (see ingest/rows/).
-- Columns ending in _p are keyed HMAC pseudonyms; the clear values live only in vault.euii.
CREATE SCHEMA IF NOT EXISTS raw;

CREATE TABLE raw.call_records (
  id                 VARCHAR PRIMARY KEY,
  version            BIGINT NOT NULL,
  type               VARCHAR NOT NULL,
  modalities         VARCHAR NOT NULL,         -- comma-separated modality enum values
  start_ts           TIMESTAMPTZ NOT NULL,
  end_ts             TIMESTAMPTZ,
  last_modified_ts   TIMESTAMPTZ,
  organizer_p        VARCHAR,
  session_count      INTEGER NOT NULL,
  source             VARCHAR NOT NULL,         -- graph | file
  run_id             VARCHAR NOT NULL,
  ingested_at        TIMESTAMPTZ NOT NULL
);

-- One row per (call record, session), from the highest version seen; network info from the first
-- segment media that carries it. caller_* / callee_* describe the two endpoints.
CREATE TABLE raw.call_sessions (
  call_record_id     VARCHAR NOT NULL,
  session_id         VARCHAR NOT NULL,
  start_ts           TIMESTAMPTZ,
  end_ts             TIMESTAMPTZ,
  modalities         VARCHAR,
  is_test            BOOLEAN,
  failure_stage      VARCHAR,
  failure_reason     VARCHAR,
  caller_kind        VARCHAR,                  -- participant | service
  caller_user_p      VARCHAR,                  -- pseudonym of lower(UPN), else of the Entra object id
  caller_device_p    VARCHAR,
  caller_platform    VARCHAR,
  caller_product_family VARCHAR,
  caller_app_version VARCHAR,
  caller_header      VARCHAR,
  caller_app_id      VARCHAR,
  caller_role        VARCHAR,
  caller_subnet      VARCHAR,
  caller_ip_p        VARCHAR,
  caller_ip_prefix   VARCHAR,                  -- IPv4 /28 or IPv6 /64 network of the endpoint address (not EUII)
  caller_connection  VARCHAR,
  callee_kind        VARCHAR,
  callee_user_p      VARCHAR,
  callee_device_p    VARCHAR,
  callee_platform    VARCHAR,
  callee_product_family VARCHAR,
  callee_app_version VARCHAR,
  callee_header      VARCHAR,
  callee_app_id      VARCHAR,
  callee_role        VARCHAR,
  callee_subnet      VARCHAR,
  callee_ip_p        VARCHAR,
  callee_ip_prefix   VARCHAR,
  callee_connection  VARCHAR,
  callee_phone_p     VARCHAR,
  callee_phone_country VARCHAR,
  PRIMARY KEY (call_record_id, session_id)
);

CREATE TABLE raw.direct_routing_calls (
  id                 VARCHAR PRIMARY KEY,
  correlation_id     VARCHAR,
  user_p             VARCHAR,
  user_id_p          VARCHAR,
  display_name_p     VARCHAR,
  start_ts           TIMESTAMPTZ NOT NULL,
  invite_ts          TIMESTAMPTZ,
  failure_ts         TIMESTAMPTZ,
  end_ts             TIMESTAMPTZ,
  duration_s         INTEGER,
  call_type          VARCHAR,
  successful_call    BOOLEAN,
  caller_number_p    VARCHAR,
  callee_number_p    VARCHAR,
  caller_country     VARCHAR,                  -- ISO 3166 alpha-2 from the E.164 prefix, derived before pseudonymising
  callee_country     VARCHAR,
  number_masked      BOOLEAN,                  -- Microsoft obfuscated the last digits
  media_path_location VARCHAR,
  signaling_location VARCHAR,
  final_sip_code     INTEGER,
  call_end_sub_reason BIGINT,
  final_sip_code_phrase VARCHAR,
  trunk_fqdn         VARCHAR,
  media_bypass_enabled BOOLEAN,
  source             VARCHAR NOT NULL,
  run_id             VARCHAR NOT NULL,
  ingested_at        TIMESTAMPTZ NOT NULL
);

CREATE TABLE raw.pstn_calls (
  id                 VARCHAR PRIMARY KEY,
  call_id            VARCHAR,
  user_p             VARCHAR,
  user_id_p          VARCHAR,
  display_name_p     VARCHAR,
  start_ts           TIMESTAMPTZ NOT NULL,
  end_ts             TIMESTAMPTZ,
  duration_s         INTEGER,
  call_type          VARCHAR,
  caller_number_p    VARCHAR,
  callee_number_p    VARCHAR,
  caller_country     VARCHAR,
  callee_country     VARCHAR,
  number_masked      BOOLEAN,
  charge             DOUBLE,
  connection_charge  DOUBLE,
  currency           VARCHAR,
  destination_context VARCHAR,
  destination_name   VARCHAR,
  conference_id      VARCHAR,
  license_capability VARCHAR,
  inventory_type     VARCHAR,
  operator           VARCHAR,
  call_duration_source VARCHAR,
  tenant_country_code VARCHAR,
  usage_country_code VARCHAR,
  source             VARCHAR NOT NULL,
  run_id             VARCHAR NOT NULL,
  ingested_at        TIMESTAMPTZ NOT NULL
);

CREATE TABLE raw.sign_ins (
  id                 VARCHAR PRIMARY KEY,
  created_ts         TIMESTAMPTZ NOT NULL,
  user_p             VARCHAR,
  user_id_p          VARCHAR,
  app_id             VARCHAR,
  app_display_name   VARCHAR,
  client_app_used    VARCHAR,
  is_interactive     BOOLEAN,
  event_type         VARCHAR,                  -- interactiveUser | nonInteractiveUser
  error_code         INTEGER NOT NULL,
  failure_reason     VARCHAR,
  conditional_access_status VARCHAR,
  ip_p               VARCHAR,
  ip_prefix          VARCHAR,
  device_os          VARCHAR,
  device_browser     VARCHAR,
  device_name_p      VARCHAR,
  location_country   VARCHAR,
  source             VARCHAR NOT NULL,
  run_id             VARCHAR NOT NULL,
  ingested_at        TIMESTAMPTZ NOT NULL
);
