-- The keyed tables that hold any row: a key can only be stored already in one of these (known_keys.sql is
-- asked about them only; on a first import every key is new and nothing needs asking).
SELECT 'call_records' AS tbl WHERE EXISTS (SELECT 1 FROM raw.call_records)
UNION ALL SELECT 'direct_routing_calls' WHERE EXISTS (SELECT 1 FROM raw.direct_routing_calls)
UNION ALL SELECT 'pstn_calls' WHERE EXISTS (SELECT 1 FROM raw.pstn_calls)
UNION ALL SELECT 'sign_ins' WHERE EXISTS (SELECT 1 FROM raw.sign_ins)
UNION ALL SELECT 'vault' WHERE EXISTS (SELECT 1 FROM vault.euii)
