-- Alert rule state, outbox, history, silences (alerts/).
CREATE SCHEMA IF NOT EXISTS alerts;

-- One row per (rule, fingerprint) alert that is pending, firing or recently resolved.
-- state_json holds the whole AlertState (alerts/types.ts); the other columns are there for SQL users.
CREATE TABLE alerts.state (
  rule        VARCHAR NOT NULL,
  fingerprint VARCHAR NOT NULL,
  status      VARCHAR NOT NULL,            -- pending | firing | resolved
  updated_at  TIMESTAMPTZ NOT NULL,
  state_json  VARCHAR NOT NULL,
  PRIMARY KEY (rule, fingerprint)
);

-- Durable outbox: written in the same transaction as the state change, delivered later with retries.
-- notification_id is the idempotency key (sent as the Idempotency-Key header): one per
-- (alert, state change, receiver), so re-running an evaluation never enqueues a notification twice.
CREATE TABLE alerts.outbox (
  notification_id VARCHAR PRIMARY KEY,
  created_at      TIMESTAMPTZ NOT NULL,
  receiver        VARCHAR NOT NULL,
  rule            VARCHAR NOT NULL,
  fingerprint     VARCHAR NOT NULL,
  kind            VARCHAR NOT NULL,        -- firing | reminder | resolved
  payload_json    VARCHAR NOT NULL,        -- AlertMessage (no EUII: pseudonyms, sites, trunks, builds only)
  status          VARCHAR NOT NULL,        -- pending | delivered | dead
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TIMESTAMPTZ NOT NULL,
  last_error      VARCHAR,
  delivered_at    TIMESTAMPTZ
);

-- Append-only: every state transition and every delivery outcome.
CREATE SEQUENCE alerts.history_seq;
CREATE TABLE alerts.history (
  event_id        BIGINT PRIMARY KEY DEFAULT nextval('alerts.history_seq'),
  event_at        TIMESTAMPTZ NOT NULL,
  rule            VARCHAR NOT NULL,
  fingerprint     VARCHAR NOT NULL,
  event           VARCHAR NOT NULL,        -- pending | firing | resolved | inactive | enqueued | delivered | retry | dead
  from_status     VARCHAR,
  notification_id VARCHAR,
  receiver        VARCHAR,
  detail_json     VARCHAR                  -- labels and values, or the delivery error
);

CREATE TABLE alerts.silences (
  silence_id  VARCHAR PRIMARY KEY,
  matchers    VARCHAR NOT NULL,            -- JSON array of {name, op, value}
  starts_at   TIMESTAMPTZ NOT NULL,
  ends_at     TIMESTAMPTZ NOT NULL,
  created_by  VARCHAR NOT NULL,
  comment     VARCHAR NOT NULL,
  created_at  TIMESTAMPTZ NOT NULL
);
