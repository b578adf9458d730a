-- Merge landed call records (one batch, loaded with _seq): per id the highest version wins, the last copy
-- (_seq) among equal versions, and never one older than the stored version; a winning copy replaces the
-- stored record and all its sessions, and only the sessions of the winning copy are kept. After this, an
-- id is stored once and a record's sessions are those of one copy (raw.* have no primary key to check it:
-- see migrations/012_raw_without_primary_keys.sql).
DELETE FROM land.call_records l
WHERE EXISTS (SELECT 1 FROM raw.call_records r WHERE r.id = l.id AND r.version > l.version);
DELETE FROM land.call_records l
WHERE EXISTS (
  SELECT 1 FROM land.call_records o
  WHERE o.id = l.id AND (o.version > l.version OR (o.version = l.version AND o._seq > l._seq))
);
DELETE FROM land.call_sessions s
WHERE NOT EXISTS (SELECT 1 FROM land.call_records l WHERE l.id = s.call_record_id AND l._seq = s._seq);
DELETE FROM raw.call_sessions WHERE call_record_id IN (SELECT id FROM land.call_records);
DELETE FROM raw.call_records WHERE id IN (SELECT id FROM land.call_records);
INSERT INTO raw.call_records SELECT * EXCLUDE (_seq) FROM land.call_records;
INSERT INTO raw.call_sessions SELECT * EXCLUDE (_seq) FROM land.call_sessions;
DELETE FROM land.call_records;
DELETE FROM land.call_sessions;
