-- Landing tables: each ingest batch is appended here, then merged into raw.* and vault.euii inside
-- the same transaction (ingest/sql/merge_*.sql) and emptied. Never read by anything else.
CREATE SCHEMA IF NOT EXISTS land;
CREATE TABLE land.call_records AS SELECT * FROM raw.call_records LIMIT 0;
CREATE TABLE land.call_sessions AS SELECT * FROM raw.call_sessions LIMIT 0;
CREATE TABLE land.direct_routing_calls AS SELECT * FROM raw.direct_routing_calls LIMIT 0;
CREATE TABLE land.pstn_calls AS SELECT * FROM raw.pstn_calls LIMIT 0;
CREATE TABLE land.sign_ins AS SELECT * FROM raw.sign_ins LIMIT 0;
CREATE TABLE land.vault AS SELECT * FROM vault.euii LIMIT 0;
