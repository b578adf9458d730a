-- The intermediate layer is now the build's own temporary tables and views (temp.int_*, on the build's
-- connection, never written to the database file): the persistent schema and what builds left in it go.
DROP SCHEMA IF EXISTS intermediate CASCADE;
