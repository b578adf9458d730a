/** A query result as the sql command handles it: column names, DuckDB type names, rows of plain JS values. */
export interface SqlResult {
  columns: string[];
  types: string[];
  rows: unknown[][];
}

/** Output formats of `cqd-patterns sql`. */
export const SQL_FORMATS = ['table', 'csv', 'json', 'ndjson', 'parquet', 'arrow'] as const;
export type SqlFormat = (typeof SQL_FORMATS)[number];

export function isSqlFormat(s: string): s is SqlFormat {
  return (SQL_FORMATS as readonly string[]).includes(s);
}

/** Formats that are bytes, not text: they need --out. */
export function isBinaryFormat(f: SqlFormat): boolean {
  return f === 'parquet' || f === 'arrow';
}
