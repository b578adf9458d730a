-- The Entra app id (a GUID) as a 64-bit hash, NULL when there is none: it is only compared (the sessions'
-- against the sign-ins' in intermediate/050), and 8 bytes a row instead of 36 characters keeps the
-- attempts (temp.int_attempts) smaller in memory.
CREATE OR REPLACE TEMP MACRO int_app_key(app_id) AS CASE WHEN app_id IS NOT NULL THEN hash(app_id) END;

-- The user side of every call session: who, on which client build, from which network.
-- The user is the caller when the caller is a participant with an identity, else the callee.
-- A view: the site mapping (020), the picks (026, 027) and the attempts (030) each read only the columns
-- they need. The client build is left to the macros below.
CREATE OR REPLACE TEMP VIEW int_user_sessions AS
WITH sessions AS (
  SELECT *, (caller_kind = 'participant' AND caller_user_p IS NOT NULL) AS caller_is_user
  FROM staging.stg_call_sessions
),
user_side AS (
  SELECT
    session_rid,
    call_record_id,
    session_id,
    start_ts,
    start_us,
    failure_stage,
    reason_sip_code,
    CASE WHEN caller_is_user THEN caller_user_p ELSE callee_user_p END AS user_p,
    CASE WHEN caller_is_user THEN caller_product_family ELSE callee_product_family END AS product_family,
    CASE WHEN caller_is_user THEN caller_platform ELSE callee_platform END AS platform,
    CASE WHEN caller_is_user THEN caller_app_version ELSE callee_app_version END AS app_version,
    CASE WHEN caller_is_user THEN caller_header ELSE callee_header END AS header,
    CASE WHEN caller_is_user THEN caller_app_id ELSE callee_app_id END AS app_id,
    CASE WHEN caller_is_user THEN caller_subnet ELSE callee_subnet END AS subnet,
    CASE WHEN caller_is_user THEN caller_ip_prefix ELSE callee_ip_prefix END AS ip_prefix,
    callee_phone_country
  FROM sessions
),
builds AS (
  SELECT *, (platform = 'ipPhone') AS is_sip_device FROM user_side
)
SELECT
  session_rid,
  call_record_id,
  session_id,
  start_ts,
  start_us,
  DATE '1970-01-01' + (start_us // 86400000000)::INTEGER AS day,  -- UTC day without time zone arithmetic
  failure_stage,
  reason_sip_code,
  user_p,
  int_app_key(app_id) AS app_key,
  subnet,
  ip_prefix,
  callee_phone_country,
  is_sip_device,
  product_family,
  platform,
  app_version,
  header
FROM builds
WHERE user_p IS NOT NULL;

-- The client build of a session, from its user side above: product family, platform and version.
-- Macros rather than view columns: the attempts (intermediate/030) apply them after the picks, to the
-- sessions they keep, instead of to every session their joins read (at 10 M sessions, reading the three
-- through the view took 1.6 s against 0.25 s for the row ids alone).
-- SIP devices / IP phones: model and firmware from the user-agent header, e.g.
-- 'PolyCCX/8.1.3.1301 (CCX 500)' -> model 'CCX 500', firmware '8.1.3.1301'. The header is parsed inside
-- the CASE branches that read it, so only the rows that need it pay for the regular expressions.
-- All three give 'unknown', not NULL, for a missing session (every argument NULL).
CREATE OR REPLACE TEMP MACRO int_client_family(is_sip_device, product_family) AS
  CASE WHEN is_sip_device THEN 'sipDevice' ELSE coalesce(product_family, 'unknown') END;
CREATE OR REPLACE TEMP MACRO int_client_platform(is_sip_device, platform, header) AS
  CASE WHEN is_sip_device
       THEN coalesce(nullif(regexp_extract(header, '\(([^)]+)\)', 1), ''), nullif(split_part(header, '/', 1), ''), 'unknown')
       ELSE coalesce(platform, 'unknown') END;
-- a client's own version when it reports one; an IP phone's firmware from the header first
CREATE OR REPLACE TEMP MACRO int_client_version(is_sip_device, app_version, header) AS
  CASE WHEN is_sip_device IS NOT TRUE AND app_version IS NOT NULL THEN app_version
       ELSE coalesce(nullif(regexp_extract(header, '/([0-9][0-9A-Za-z.\-]*)', 1), ''), app_version, 'unknown') END;
