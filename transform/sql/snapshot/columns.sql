-- Columns of the snapshot's relations, in table order, with their COMMENT ON text.
SELECT schema_name, table_name, column_name, data_type, coalesce(comment, '') AS comment
FROM duckdb_columns()
WHERE database_name = current_database() AND schema_name IN ('marts', 'patterns') AND NOT suffix(table_name, '__next')
ORDER BY schema_name, table_name, column_index
