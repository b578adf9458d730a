-- Columns of the snapshot's relations, in table order, with their COMMENT ON text. A text column stored as
-- an ENUM of the values a build found (marts/010) is shown as such, not with the values themselves (they
-- are data and change every build); the fixed vocabularies are shown with their values.
SELECT schema_name, table_name, column_name,
       CASE WHEN data_type LIKE 'ENUM(%' AND column_name NOT IN ('source', 'site_match', 'direction', 'failure_origin', 'layer')
            THEN 'ENUM (text: the values in the data)' ELSE data_type END AS data_type,
       coalesce(comment, '') AS comment
FROM duckdb_columns()
WHERE database_name = current_database() AND schema_name IN ('marts', 'patterns') AND NOT suffix(table_name, '__next')
ORDER BY schema_name, table_name, column_index
