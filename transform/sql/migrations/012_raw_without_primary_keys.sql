-- The raw tables lose their primary keys. Keeping a key index cost more than anything else in a batch's
-- merge: inserting a 200k-row group's records and sessions took 1.5-2.3 s at 300 k legs, nearly all of it
-- index upkeep, and every checkpoint rewrote the growing indexes. An id is still stored once: every write goes
-- through ingest/sql/merge_*.sql, which keeps one copy per id in the batch and replaces the stored row
-- (and a record's sessions) by it; test/ingest covers re-imports, duplicates within a batch and kills.
-- DuckDB cannot drop a constraint, so each table is copied; the NOT NULL constraints are put back.

CREATE TABLE raw.call_records__v12 AS SELECT * FROM raw.call_records;
DROP TABLE raw.call_records;
ALTER TABLE raw.call_records__v12 RENAME TO call_records;
ALTER TABLE raw.call_records ALTER COLUMN id SET NOT NULL;
ALTER TABLE raw.call_records ALTER COLUMN version SET NOT NULL;
ALTER TABLE raw.call_records ALTER COLUMN type SET NOT NULL;
ALTER TABLE raw.call_records ALTER COLUMN modalities SET NOT NULL;
ALTER TABLE raw.call_records ALTER COLUMN start_ts SET NOT NULL;
ALTER TABLE raw.call_records ALTER COLUMN session_count SET NOT NULL;
ALTER TABLE raw.call_records ALTER COLUMN source SET NOT NULL;
ALTER TABLE raw.call_records ALTER COLUMN run_id SET NOT NULL;
ALTER TABLE raw.call_records ALTER COLUMN ingested_at SET NOT NULL;

CREATE TABLE raw.call_sessions__v12 AS SELECT * FROM raw.call_sessions;
DROP TABLE raw.call_sessions;
ALTER TABLE raw.call_sessions__v12 RENAME TO call_sessions;
ALTER TABLE raw.call_sessions ALTER COLUMN call_record_id SET NOT NULL;
ALTER TABLE raw.call_sessions ALTER COLUMN session_id SET NOT NULL;

CREATE TABLE raw.direct_routing_calls__v12 AS SELECT * FROM raw.direct_routing_calls;
DROP TABLE raw.direct_routing_calls;
ALTER TABLE raw.direct_routing_calls__v12 RENAME TO direct_routing_calls;
ALTER TABLE raw.direct_routing_calls ALTER COLUMN id SET NOT NULL;
ALTER TABLE raw.direct_routing_calls ALTER COLUMN start_ts SET NOT NULL;
ALTER TABLE raw.direct_routing_calls ALTER COLUMN source SET NOT NULL;
ALTER TABLE raw.direct_routing_calls ALTER COLUMN run_id SET NOT NULL;
ALTER TABLE raw.direct_routing_calls ALTER COLUMN ingested_at SET NOT NULL;

CREATE TABLE raw.pstn_calls__v12 AS SELECT * FROM raw.pstn_calls;
DROP TABLE raw.pstn_calls;
ALTER TABLE raw.pstn_calls__v12 RENAME TO pstn_calls;
ALTER TABLE raw.pstn_calls ALTER COLUMN id SET NOT NULL;
ALTER TABLE raw.pstn_calls ALTER COLUMN start_ts SET NOT NULL;
ALTER TABLE raw.pstn_calls ALTER COLUMN source SET NOT NULL;
ALTER TABLE raw.pstn_calls ALTER COLUMN run_id SET NOT NULL;
ALTER TABLE raw.pstn_calls ALTER COLUMN ingested_at SET NOT NULL;

CREATE TABLE raw.sign_ins__v12 AS SELECT * FROM raw.sign_ins;
DROP TABLE raw.sign_ins;
ALTER TABLE raw.sign_ins__v12 RENAME TO sign_ins;
ALTER TABLE raw.sign_ins ALTER COLUMN id SET NOT NULL;
ALTER TABLE raw.sign_ins ALTER COLUMN created_ts SET NOT NULL;
ALTER TABLE raw.sign_ins ALTER COLUMN error_code SET NOT NULL;
ALTER TABLE raw.sign_ins ALTER COLUMN source SET NOT NULL;
ALTER TABLE raw.sign_ins ALTER COLUMN run_id SET NOT NULL;
ALTER TABLE raw.sign_ins ALTER COLUMN ingested_at SET NOT NULL;
