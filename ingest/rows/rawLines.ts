/**
 * Raw rows as newline-delimited JSON, the form a batch is loaded in: DuckDB's read_json turns the lines
 * into land.* rows on its own threads (writeBatch.ts). Handing DuckDB rows value by value from JavaScript
 * cost one native call per text value on the main thread, and the rows had to cross from the mapping
 * workers as millions of small strings; lines cross as a few long strings and are made where rows are mapped.
 * Each line carries `_seq`, its place in the import (the later copy of an id wins, see ingest/sql/merge_*.sql);
 * a session has its call record's `_seq`. Times are written as Date.prototype.toISOString() gives them.
 */
import type { SqlParam } from '../../core/db.js';
import { canonicalIso } from '../canonicalIso.js';
import type { BatchRows } from '../mapItems.js';
import { RAW_TABLES, type ColumnSpec, type RawRow, type RawTable } from './rawTables.js';

/** Per raw table, chunks of lines (each chunk ends with a newline). */
export type RawLines = Record<RawTable, string[]>;

export const RAW_TABLE_NAMES = Object.keys(RAW_TABLES) as RawTable[];

/** Items of one file get `_seq` values from `seqBase` on: a file may hold this many items. */
export const SEQ_STRIDE = 2 ** 24;

export function emptyRawLines(): RawLines {
  return { call_records: [], call_sessions: [], direct_routing_calls: [], pstn_calls: [], sign_ins: [] };
}

export function appendRawLines(into: RawLines, from: RawLines): void {
  for (const t of RAW_TABLE_NAMES) for (const chunk of from[t]) into[t].push(chunk);
}

/** The read_json columns of a land table: the raw table's columns and `_seq`. */
export function landColumns(table: RawTable): string {
  const spec: ColumnSpec = RAW_TABLES[table];
  return `{${[...spec, ['_seq', 'BIGINT'] as const].map(([name, type]) => `'${name}': '${type}'`).join(', ')}}`;
}

/** A date-time as toISOString() gives it (what was validated as one parses with Date.parse). */
function isoTime(v: SqlParam): SqlParam {
  return typeof v === 'string' ? (canonicalIso(v) ?? v) : v;
}

/** The columns of a table whose values a line rewrites: times (to one form) and BIGINTs (JSON has no bigint). */
function fixOf(table: RawTable): { times: string[]; bigints: string[] } {
  const spec: ColumnSpec = RAW_TABLES[table];
  const of = (type: string) => spec.filter(([, t]) => t === type).map(([n]) => n);
  return { times: of('TIMESTAMPTZ'), bigints: of('BIGINT') };
}
const FIX: Record<RawTable, ReturnType<typeof fixOf>> = {
  call_records: fixOf('call_records'),
  call_sessions: fixOf('call_sessions'),
  direct_routing_calls: fixOf('direct_routing_calls'),
  pstn_calls: fixOf('pstn_calls'),
  sign_ins: fixOf('sign_ins'),
};

function line<K extends RawTable>(table: K, row: RawRow<K>, seq: number): string {
  const fix = FIX[table];
  // The row is copied only when a value needs rewriting (times mostly come in toISOString form already).
  let o: Record<string, SqlParam> = row;
  const set = (c: string, v: SqlParam) => {
    if (o === row) o = { ...row };
    o[c] = v;
  };
  for (const c of fix.times) {
    const v = o[c] ?? null;
    const iso = isoTime(v);
    if (iso !== v) set(c, iso);
  }
  for (const c of fix.bigints) {
    const v = o[c];
    if (typeof v === 'bigint') set(c, v.toString()); // read_json casts the text to the BIGINT column
  }
  return `{"_seq":${seq},${JSON.stringify(o).slice(1)}`;
}

const chunk = (lines: string[]): string[] => (lines.length ? [lines.join('\n') + '\n'] : []);

/** The lines of a batch's rows; the i-th row of a table gets `_seq` seqBase + i. */
export function rawLinesOf(rows: BatchRows, seqBase = 0): RawLines {
  const records: string[] = [];
  const sessions: string[] = [];
  rows.callRecords.forEach((c, i) => {
    records.push(line('call_records', c.record, seqBase + i));
    for (const s of c.sessions) sessions.push(line('call_sessions', s, seqBase + i));
  });
  return {
    call_records: chunk(records),
    call_sessions: chunk(sessions),
    direct_routing_calls: chunk(rows.directRouting.map((r, i) => line('direct_routing_calls', r, seqBase + i))),
    pstn_calls: chunk(rows.pstn.map((r, i) => line('pstn_calls', r, seqBase + i))),
    sign_ins: chunk(rows.signIns.map((r, i) => line('sign_ins', r, seqBase + i))),
  };
}
