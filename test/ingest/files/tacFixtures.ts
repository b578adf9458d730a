/** Seeded TAC export CSVs built from demo-tenant Graph rows (the inverse of ingest/files/tacColumns.ts). */
import { COLUMNS, type TacKind } from '../../../ingest/files/tacColumns.js';

export function csvField(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'boolean' ? (v ? 'Yes' : 'No') : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function csvText(header: readonly string[], rows: readonly (readonly unknown[])[], eol = '\r\n', bom = true): string {
  return (bom ? '\uFEFF' : '') + [header.map(csvField).join(','), ...rows.map((r) => r.map(csvField).join(','))].join(eol) + eol;
}

/** Graph rows as the TAC export of `kind` would list them (every documented column, in documented order). */
export function tacCsvOf(kind: TacKind, rows: readonly Record<string, unknown>[], opts: { bom?: boolean } = {}): string {
  const cols = COLUMNS[kind];
  return csvText(
    cols.map((c) => c.csv),
    rows.map((r) => cols.map((c) => (c.graph ? r[c.graph] : ''))),
    '\r\n',
    opts.bom ?? true,
  );
}
