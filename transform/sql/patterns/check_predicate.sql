-- Type-check the failure predicate as a BOOLEAN over the attempts columns before any data is read.
SELECT (__FAILURE__)::BOOLEAN AS ok FROM marts.setup_attempts LIMIT 0
