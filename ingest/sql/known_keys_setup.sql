-- Keys of one batch, to learn which are already stored (known_keys.sql): rows with a new key are appended
-- straight to raw.* / vault.euii; only the others go through land.* and the merge (merge_*.sql). TEMP:
-- in memory, never in the WAL or the file.
CREATE TEMP TABLE IF NOT EXISTS ingest_keys (tbl VARCHAR NOT NULL, id VARCHAR NOT NULL);
DELETE FROM temp.ingest_keys;
