/** Pure text renderers for query results: aligned table, CSV (RFC 4180), JSON array, NDJSON. */
import type { SqlResult } from './result.js';

const NUMERIC = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|DECIMAL)/;

export function isNumericType(type: string): boolean {
  return NUMERIC.test(type);
}

const pad2 = (n: number | bigint): string => String(n).padStart(2, '0');

/** TIME arrives as microseconds since midnight. */
function timeOfDay(micros: bigint): string {
  const s = micros / 1_000_000n;
  const frac = micros % 1_000_000n;
  const base = `${pad2(s / 3600n)}:${pad2((s / 60n) % 60n)}:${pad2(s % 60n)}`;
  return frac === 0n ? base : `${base}.${String(frac).padStart(6, '0')}`;
}

/**
 * A value JSON can carry: bigint → number when safe, else string; Date → ISO (DATE → YYYY-MM-DD);
 * bytes → base64; lists and structs recursively.
 */
export function jsonValue(v: unknown, type = ''): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') {
    if (type === 'TIME') return timeOfDay(v);
    return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v.toString();
  }
  if (typeof v === 'number') return Number.isFinite(v) ? v : String(v);
  if (v instanceof Date) return type === 'DATE' ? v.toISOString().slice(0, 10) : v.toISOString();
  if (v instanceof Uint8Array) return Buffer.from(v).toString('base64');
  if (Array.isArray(v)) return v.map((x) => jsonValue(x));
  if (typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = jsonValue(x);
    return out;
  }
  return v;
}

/** The text of one cell (NULL shown as the empty string for CSV, 'NULL' for tables). */
export function cellText(v: unknown, type = ''): string | null {
  const j = jsonValue(v, type);
  if (j === null) return null;
  if (typeof j === 'string') return j;
  if (typeof j === 'object') return JSON.stringify(j);
  return String(j);
}

export interface TableOptions {
  /** Cells wider than this are cut with an ellipsis. */
  maxWidth?: number;
}

function truncate(s: string, max: number): string {
  const flat = s.replace(/[\r\n\t]+/g, ' ');
  return flat.length > max ? `${flat.slice(0, Math.max(1, max - 1))}…` : flat;
}

/** An aligned text table: numbers right-aligned, wide cells truncated, a row count at the end. */
export function formatTable(r: SqlResult, opts: TableOptions = {}): string {
  const max = opts.maxWidth ?? 40;
  const cells = r.rows.map((row) => r.columns.map((_c, i) => truncate(cellText(row[i], r.types[i]) ?? 'NULL', max)));
  const head = r.columns.map((c) => truncate(c, max));
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((row) => (row[i] ?? '').length)));
  const right = r.types.map(isNumericType);
  const line = (row: string[], header: boolean): string =>
    row
      .map((c, i) => (right[i] && !header ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join(' | ')
      .trimEnd();
  const sep = widths.map((w) => '-'.repeat(w)).join('-+-');
  const n = r.rows.length;
  return [line(head, true), sep, ...cells.map((row) => line(row, false)), `(${n} row${n === 1 ? '' : 's'})`].join('\n') + '\n';
}

function csvField(s: string | null): string {
  if (s === null) return '';
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replaceAll('"', '""')}"` : s;
}

/** RFC 4180 CSV with a header line and CRLF line ends; NULL is an empty field. */
export function formatCsv(r: SqlResult): string {
  const lines = [r.columns.map(csvField).join(',')];
  for (const row of r.rows) lines.push(r.columns.map((_c, i) => csvField(cellText(row[i], r.types[i]))).join(','));
  return lines.join('\r\n') + '\r\n';
}

/** One object per row, keys in column order. */
export function rowObjects(r: SqlResult): Record<string, unknown>[] {
  return r.rows.map((row) => {
    const o: Record<string, unknown> = {};
    r.columns.forEach((c, i) => (o[c] = jsonValue(row[i], r.types[i])));
    return o;
  });
}

export function formatJson(r: SqlResult): string {
  return JSON.stringify(rowObjects(r), null, 2) + '\n';
}

export function formatNdjson(r: SqlResult): string {
  return rowObjects(r)
    .map((o) => JSON.stringify(o) + '\n')
    .join('');
}
