/** Arrow IPC (file format) from a materialized result, through apache-arrow. */
import { Bool, DateDay, Float64, Int32, Int64, Table, TimestampMicrosecond, Utf8, tableToIPC, vectorFromArray, type DataType, type Vector } from 'apache-arrow';
import { cellText } from './format.js';
import type { SqlResult } from './result.js';

function arrowColumn(type: string, values: unknown[]): Vector {
  const pick = (t: DataType, conv: (v: unknown) => unknown): Vector => vectorFromArray(values.map((v) => (v === null || v === undefined ? null : conv(v))), t);
  if (type === 'BOOLEAN') return pick(new Bool(), (v) => Boolean(v));
  if (/^(TINYINT|SMALLINT|INTEGER|UTINYINT|USMALLINT)$/.test(type)) return pick(new Int32(), (v) => Number(v));
  if (/^(BIGINT|UINTEGER)$/.test(type)) return pick(new Int64(), (v) => BigInt(v as bigint | number));
  if (/^(FLOAT|DOUBLE|DECIMAL)/.test(type)) return pick(new Float64(), (v) => Number(v));
  if (type === 'DATE') return pick(new DateDay(), (v) => v);
  // Microseconds since the epoch, as DuckDB stores them (the JS Date values carry milliseconds).
  if (type === 'TIMESTAMP WITH TIME ZONE') return pick(new TimestampMicrosecond('UTC'), (v) => (v instanceof Date ? v.getTime() * 1000 : v));
  if (type === 'TIMESTAMP') return pick(new TimestampMicrosecond(), (v) => (v instanceof Date ? v.getTime() * 1000 : v));
  return pick(new Utf8(), (v) => cellText(v, type));
}

export function resultToArrow(r: SqlResult): Table {
  const cols: Record<string, Vector> = {};
  r.columns.forEach((c, i) => {
    let name = c;
    for (let k = 2; name in cols; k++) name = `${c}_${k}`;
    cols[name] = arrowColumn(r.types[i] ?? 'VARCHAR', r.rows.map((row) => row[i]));
  });
  return new Table(cols);
}

export function arrowIpc(r: SqlResult): Uint8Array {
  return tableToIPC(resultToArrow(r), 'file');
}
