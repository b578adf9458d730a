-- A batch's pseudonyms, to learn which vault.euii holds already (stored_pseudonyms.sql): entries with a new
-- pseudonym are appended straight to vault.euii; only the others go through land.vault and merge_vault.sql.
-- TEMP: in memory, never in the WAL or the file.
CREATE TEMP TABLE IF NOT EXISTS ingest_keys (id VARCHAR NOT NULL);
DELETE FROM temp.ingest_keys;
