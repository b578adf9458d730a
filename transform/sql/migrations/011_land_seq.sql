-- Batches are loaded into land.* from newline-delimited JSON (ingest/rows/rawLines.ts) and merged into raw.*
-- in SQL (ingest/sql/merge_*.sql). _seq is a row's place in the import: of several copies of one id in a
-- batch the merge keeps the last (for call records, the last of the highest version), and a session goes
-- with the copy of its call record that carries the same _seq.
ALTER TABLE land.call_records ADD COLUMN _seq BIGINT;
ALTER TABLE land.call_sessions ADD COLUMN _seq BIGINT;
ALTER TABLE land.direct_routing_calls ADD COLUMN _seq BIGINT;
ALTER TABLE land.pstn_calls ADD COLUMN _seq BIGINT;
ALTER TABLE land.sign_ins ADD COLUMN _seq BIGINT;
