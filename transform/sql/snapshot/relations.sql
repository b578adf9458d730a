-- Tables and views the analyst snapshot carries and documents: schemas marts and patterns only
-- (never vault, raw, land, meta, staging or intermediate), without the marts a build is still writing
-- (marts.<name>__next, see transform/build.ts). Views are copied as tables.
SELECT schema_name, table_name, coalesce(comment, '') AS comment, 'table' AS kind
FROM duckdb_tables()
WHERE database_name = current_database() AND schema_name IN ('marts', 'patterns') AND NOT temporary AND NOT suffix(table_name, '__next')
UNION ALL
SELECT schema_name, view_name AS table_name, coalesce(comment, '') AS comment, 'view' AS kind
FROM duckdb_views()
WHERE database_name = current_database() AND schema_name IN ('marts', 'patterns') AND NOT internal AND NOT temporary
ORDER BY schema_name, table_name
