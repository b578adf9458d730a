-- Bookkeeping: ingest runs, per-source watermarks and captured windows, quarantined input, job locks.
CREATE SCHEMA IF NOT EXISTS meta;

CREATE TABLE meta.ingest_runs (
  run_id      VARCHAR PRIMARY KEY,
  source      VARCHAR NOT NULL,          -- callRecords | directRoutingCalls | pstnCalls | signIns | files
  started_at  TIMESTAMPTZ NOT NULL,
  finished_at TIMESTAMPTZ,
  status      VARCHAR NOT NULL,          -- running | ok | failed
  rows_in     BIGINT NOT NULL DEFAULT 0,
  rejected    BIGINT NOT NULL DEFAULT 0,
  error       VARCHAR                    -- redacted message
);

-- One row per (source, window) fully captured: the capture deadline watch reads the gaps.
CREATE TABLE meta.captured_windows (
  source       VARCHAR NOT NULL,
  window_start TIMESTAMPTZ NOT NULL,
  window_end   TIMESTAMPTZ NOT NULL,
  run_id       VARCHAR NOT NULL,
  rows_in      BIGINT NOT NULL,
  completed_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (source, window_start)
);

CREATE TABLE meta.watermarks (
  source         VARCHAR PRIMARY KEY,
  captured_until TIMESTAMPTZ NOT NULL,   -- everything before this instant has been captured once
  updated_at     TIMESTAMPTZ NOT NULL
);

-- Quarantine: never the clear payload (it may hold EUII), only where it was, why, and a hash.
CREATE SEQUENCE meta.rejects_seq;
CREATE TABLE meta.rejects (
  reject_id      BIGINT PRIMARY KEY DEFAULT nextval('meta.rejects_seq'),
  run_id         VARCHAR NOT NULL,
  source         VARCHAR NOT NULL,
  location       VARCHAR NOT NULL,       -- file path or request URL (query string without EUII)
  position       VARCHAR NOT NULL,       -- line, page index, item index
  reason         VARCHAR NOT NULL,
  payload_sha256 VARCHAR,
  rejected_at    TIMESTAMPTZ NOT NULL
);

CREATE TABLE meta.job_locks (
  job         VARCHAR PRIMARY KEY,
  pid         INTEGER NOT NULL,
  acquired_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE meta.job_status (
  job          VARCHAR PRIMARY KEY,
  last_start   TIMESTAMPTZ,
  last_success TIMESTAMPTZ,
  last_error   VARCHAR,
  consecutive_failures INTEGER NOT NULL DEFAULT 0
);
