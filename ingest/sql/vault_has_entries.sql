-- Whether vault.euii holds any entry: only then can one of a batch's pseudonyms be stored already
-- (stored_pseudonyms.sql is not asked on a first import).
SELECT EXISTS (SELECT 1 FROM vault.euii) AS stored
