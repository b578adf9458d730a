-- The pseudonyms of temp.ingest_keys that vault.euii holds already.
SELECT k.id AS pseudonym FROM temp.ingest_keys k
WHERE EXISTS (SELECT 1 FROM vault.euii v WHERE v.pseudonym = k.id)
