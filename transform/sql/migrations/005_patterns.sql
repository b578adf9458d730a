-- Pattern engine runs and their clusters (transform/patterns/). cluster_json holds the full Cluster
-- object (transform/patterns/cluster.ts); the typed columns are there for SQL users.
CREATE SCHEMA IF NOT EXISTS patterns;

CREATE TABLE patterns.runs (
  run_id        VARCHAR PRIMARY KEY,
  created_at    TIMESTAMPTZ NOT NULL,
  window_from   TIMESTAMPTZ NOT NULL,
  window_to     TIMESTAMPTZ NOT NULL,
  baseline_from TIMESTAMPTZ NOT NULL,
  failure       VARCHAR NOT NULL,          -- auth | any | a SQL predicate
  dims          VARCHAR NOT NULL,          -- comma-separated dimension names
  global_change BOOLEAN NOT NULL,
  result_json   VARCHAR NOT NULL           -- the whole PatternResult
);

CREATE TABLE patterns.clusters (
  run_id            VARCHAR NOT NULL,
  rank              INTEGER NOT NULL,
  fingerprint       VARCHAR NOT NULL,
  site              VARCHAR,
  sbc               VARCHAR,
  client_build      VARCHAR,
  carrier_path      VARCHAR,
  failures          INTEGER NOT NULL,
  attempts          INTEGER NOT NULL,
  users             INTEGER NOT NULL,
  rate              DOUBLE NOT NULL,
  expected_failures DOUBLE NOT NULL,
  baseline_rate     DOUBLE NOT NULL,
  score             DOUBLE NOT NULL,
  cluster_json      VARCHAR NOT NULL,
  PRIMARY KEY (run_id, fingerprint)
);
