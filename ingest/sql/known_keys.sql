-- The keys of temp.ingest_keys already present in their table.
SELECT k.tbl, k.id FROM temp.ingest_keys k
WHERE k.tbl = 'call_records' AND EXISTS (SELECT 1 FROM raw.call_records r WHERE r.id = k.id)
UNION ALL
SELECT k.tbl, k.id FROM temp.ingest_keys k
WHERE k.tbl = 'direct_routing_calls' AND EXISTS (SELECT 1 FROM raw.direct_routing_calls r WHERE r.id = k.id)
UNION ALL
SELECT k.tbl, k.id FROM temp.ingest_keys k
WHERE k.tbl = 'pstn_calls' AND EXISTS (SELECT 1 FROM raw.pstn_calls r WHERE r.id = k.id)
UNION ALL
SELECT k.tbl, k.id FROM temp.ingest_keys k
WHERE k.tbl = 'sign_ins' AND EXISTS (SELECT 1 FROM raw.sign_ins r WHERE r.id = k.id)
UNION ALL
SELECT k.tbl, k.id FROM temp.ingest_keys k
WHERE k.tbl = 'vault' AND EXISTS (SELECT 1 FROM vault.euii v WHERE v.pseudonym = k.id)
