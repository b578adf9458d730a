-- Merge landed CQD export rows: upsert on the row hash (the newest import wins).
INSERT OR REPLACE INTO raw.cqd_rows SELECT * FROM land.cqd_rows;
DELETE FROM land.cqd_rows;
