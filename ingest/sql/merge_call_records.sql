-- Merge landed call records: keep the highest version per id; a new version replaces all its sessions.
DELETE FROM land.call_records l
WHERE EXISTS (SELECT 1 FROM raw.call_records r WHERE r.id = l.id AND r.version > l.version);
DELETE FROM land.call_sessions s
WHERE NOT EXISTS (SELECT 1 FROM land.call_records l WHERE l.id = s.call_record_id);
DELETE FROM raw.call_sessions WHERE call_record_id IN (SELECT id FROM land.call_records);
INSERT OR REPLACE INTO raw.call_records SELECT * FROM land.call_records;
INSERT INTO raw.call_sessions SELECT * FROM land.call_sessions;
DELETE FROM land.call_records;
DELETE FROM land.call_sessions;
