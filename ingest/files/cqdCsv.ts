/**
 * CQD query-editor CSV export → raw.cqd_rows rows (positional, CQD_TABLE order). Only the dimensions and
 * measures in cqdColumns.ts are kept; a file with none of the mapped dimensions is rejected whole.
 * Key: the keyed hash of the header and the row (rowHash.ts) — a CQD row is an aggregate with no id.
 */
import type { SqlParam } from '../../core/db.js';
import type { Pseudonymizer } from '../pseudonymizer.js';
import { ipPrefix } from '../rows/ipPrefix.js';
import type { Reject } from '../writeBatch.js';
import { CQD_DIMENSIONS, CQD_MEASURES, CQD_TABLE, cqdKey, type CqdColumn } from './cqdColumns.js';
import { parseCsv } from './parseCsv.js';
import { rowHash } from './rowHash.js';

export interface CqdMapped {
  rows: SqlParam[][];
  rejects: Reject[];
  /** Header columns this importer does not map (names only). */
  ignored: string[];
}

export type CqdFileResult = ({ ok: true } & CqdMapped) | { ok: false; reason: string };

export interface CqdContext {
  p: Pseudonymizer;
  key: Buffer;
  runId: string;
  ingestedAt: string;
  /** Stored with each row: the file's name (not its path). */
  fileName: string;
}

type Conv = { ok: true; value: SqlParam } | { ok: false; reason: string };

function convert(col: CqdColumn, raw: string): Conv {
  const v = raw.trim();
  if (v === '') return { ok: true, value: null };
  switch (col.conv) {
    case 'text':
      return { ok: true, value: v };
    case 'lower':
      return { ok: true, value: v.toLowerCase() };
    case 'int':
    case 'bigint':
      return /^[+-]?\d+$/.test(v) ? { ok: true, value: col.conv === 'int' ? Number(v) : BigInt(v) } : { ok: false, reason: `${col.cqd}: expected an integer` };
    case 'num': {
      const n = Number(v.replace(/%$/, ''));
      return Number.isFinite(n) ? { ok: true, value: n } : { ok: false, reason: `${col.cqd}: expected a number` };
    }
    case 'time': {
      const t = Date.parse(v);
      return Number.isNaN(t) ? { ok: false, reason: `${col.cqd}: not a date-time` } : { ok: true, value: new Date(t).toISOString() };
    }
  }
}

export function mapCqdCsv(text: string, location: string, ctx: CqdContext): CqdFileResult {
  const parsed = parseCsv(text);
  if (!parsed.ok) return parsed;
  const byKey = new Map([...CQD_DIMENSIONS, ...CQD_MEASURES].map((c) => [cqdKey(c.cqd), c]));
  const used: { col: CqdColumn; i: number }[] = [];
  const ignored: string[] = [];
  const seen = new Set<string>();
  parsed.header.forEach((h, i) => {
    const col = byKey.get(cqdKey(h));
    if (col && !seen.has(col.column)) {
      seen.add(col.column);
      used.push({ col, i });
    } else ignored.push(h);
  });
  if (!used.some((u) => CQD_DIMENSIONS.includes(u.col))) {
    return { ok: false, reason: `unrecognised header (${parsed.header.length} columns): none of the CQD dimensions this importer maps (see ingest/files/cqdColumns.ts)` };
  }
  const slot = new Map(CQD_TABLE.map(([name], i) => [name, i]));
  const put = (row: SqlParam[], name: string, v: SqlParam) => {
    const i = slot.get(name);
    if (i !== undefined) row[i] = v;
  };
  const rows: SqlParam[][] = [];
  const rejects: Reject[] = [];
  const startCol = used.find((u) => u.col.column === 'start_ts');
  for (const r of parsed.records) {
    const reject = (reason: string) =>
      rejects.push({ source: 'cqd', location, position: `line ${r.line}`, reason, payload: r.fields.join(',') });
    if (r.fields.length !== parsed.header.length) {
      reject(`row has ${r.fields.length} fields, the header has ${parsed.header.length}`);
      continue;
    }
    const row: SqlParam[] = CQD_TABLE.map(() => null);
    const problems: string[] = [];
    // Vault entries remember when a value was seen: the row's start time when the export has one.
    const start = startCol ? Date.parse(r.fields[startCol.i] ?? '') : NaN;
    ctx.p.at(Number.isNaN(start) ? ctx.ingestedAt : new Date(start).toISOString());
    const values: { col: CqdColumn; value: SqlParam; raw: string }[] = [];
    for (const { col, i } of used) {
      const raw = r.fields[i] ?? '';
      const c = convert(col, raw);
      if (!c.ok) problems.push(c.reason);
      else values.push({ col, value: c.value, raw });
    }
    if (problems.length) {
      reject(problems.slice(0, 3).join('; '));
      continue;
    }
    for (const { col, value, raw } of values) {
      if (col.euii) {
        put(row, col.column, ctx.p.p(col.euii, typeof value === 'string' ? value : null));
        if (col.prefixColumn) put(row, col.prefixColumn, ipPrefix(raw));
      } else put(row, col.column, value);
    }
    put(row, 'row_hash', rowHash(ctx.key, `cqd\u0000${parsed.header.join('\u001f')}`, r.fields));
    put(row, 'source_file', ctx.fileName);
    put(row, 'line', r.line);
    put(row, 'run_id', ctx.runId);
    put(row, 'ingested_at', ctx.ingestedAt);
    rows.push(row);
  }
  return { ok: true, rows, rejects, ignored };
}
