-- The EUII vault: pseudonym -> clear value, encrypted with AES-256-GCM (format: base64 iv.tag.ciphertext).
CREATE SCHEMA IF NOT EXISTS vault;

CREATE TABLE vault.euii (
  pseudonym  VARCHAR PRIMARY KEY,
  kind       VARCHAR NOT NULL,      -- upn | user_id | display_name | ip | phone | device
  sealed     VARCHAR NOT NULL,
  first_seen TIMESTAMPTZ NOT NULL,
  last_seen  TIMESTAMPTZ NOT NULL
);
