-- Build parameters and the layered schemas (transform/sql/{staging,intermediate,marts}).
CREATE SCHEMA IF NOT EXISTS staging;
CREATE SCHEMA IF NOT EXISTS intermediate;
CREATE SCHEMA IF NOT EXISTS marts;

-- Parameters of the last build, written by transform/build.ts before the models run (bound, never interpolated).
CREATE TABLE meta.build_params (
  key   VARCHAR PRIMARY KEY,
  value VARCHAR NOT NULL
);

-- Optional carrier names: a trunk FQDN (or trunk/country) → carrier, from config transform.carrierMap.
CREATE TABLE meta.carrier_map (
  match_key VARCHAR PRIMARY KEY,   -- 'sbc1.contoso.com' or 'sbc1.contoso.com/DE'
  carrier   VARCHAR NOT NULL
);

-- Entra error codes the layer model knows; benign ones (interrupts the user completes) link nothing.
CREATE TABLE meta.aadsts_codes (
  code    INTEGER PRIMARY KEY,
  meaning VARCHAR NOT NULL,
  benign  BOOLEAN NOT NULL
);
INSERT INTO meta.aadsts_codes VALUES
  (50053, 'Account locked or sign-in from a malicious IP', false),
  (50055, 'Password expired', false),
  (50057, 'User account disabled', false),
  (50074, 'Strong authentication required (interrupt)', true),
  (50076, 'MFA required (interrupt)', true),
  (50079, 'MFA enrollment required', false),
  (50126, 'Invalid username or password', false),
  (50131, 'Conditional Access failed', false),
  (50133, 'Session invalid after password change', false),
  (50140, 'Keep me signed in interrupt', true),
  (50158, 'External security challenge not satisfied', false),
  (50173, 'Grant revoked, fresh token needed', false),
  (53003, 'Blocked by Conditional Access', false);

-- Microsoft response codes that mean the user is not set up for PSTN calling (layer phone_config).
CREATE TABLE meta.phone_config_codes (
  ms_code BIGINT PRIMARY KEY,
  meaning VARCHAR NOT NULL
);
INSERT INTO meta.phone_config_codes VALUES
  (510560, 'User is not Enterprise Voice enabled'),
  (510562, 'User is not allowed to make outbound PSTN calls'),
  (510563, 'User is only allowed domestic calls');
