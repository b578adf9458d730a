/**
 * Teams admin center PSTN / Direct Routing usage CSV exports → the same Graph row objects the API returns
 * (pstnCallLogRow / directRoutingLogRow), then the shared mapItems: validation, pseudonymisation and
 * rejects work exactly as for Graph pages. The export is recognised from its header (tacColumns.ts).
 *
 * Ids: a PSTN row's UsageId is its Graph id ("Unique call identifier"). The Direct Routing export has no
 * unique id (CorrelationId repeats across legs), so its id is `tac-dr-` + the keyed row hash (rowHash.ts);
 * a PSTN row with an empty UsageId gets `tac-pstn-` + the row hash the same way.
 */
import { mapItems, type MappedItems } from '../mapItems.js';
import type { MapContext } from '../rows/context.js';
import type { Reject } from '../writeBatch.js';
import { headerKey, parseCsv, type CsvRecord } from './parseCsv.js';
import { rowHash } from './rowHash.js';
import { COLUMNS, SIGNATURE, type Conv, type TacKind } from './tacColumns.js';

export type TacDetect = { ok: true; kind: TacKind } | { ok: false; reason: string };

/** Which export a header belongs to; the reason lists the missing signature columns (names only, never values). */
export function detectTacKind(header: readonly string[]): TacDetect {
  const have = new Set(header.map(headerKey));
  const missing = (k: TacKind) => SIGNATURE[k].filter((c) => !have.has(headerKey(c)));
  const dr = missing('directRoutingCalls');
  const pstn = missing('pstnCalls');
  if (dr.length === 0) return { ok: true, kind: 'directRoutingCalls' };
  if (pstn.length === 0) return { ok: true, kind: 'pstnCalls' };
  return {
    ok: false,
    reason:
      `unrecognised header (${header.length} columns): not a Teams admin center Direct Routing export ` +
      `(missing ${dr.map((c) => `"${c}"`).join(', ')}) nor a PSTN export (missing ${pstn.map((c) => `"${c}"`).join(', ')})`,
  };
}

function convert(conv: Conv, raw: string): unknown {
  const v = raw.trim();
  if (v === '') return undefined;
  switch (conv) {
    case 'text':
      return v;
    case 'int':
      return /^[+-]?\d+$/.test(v) ? Number(v) : v; // not a number → left as text, the schema rejects the row
    case 'num': {
      const n = Number(v);
      return Number.isFinite(n) ? n : v;
    }
    case 'yesNo': {
      const l = v.toLowerCase();
      return l === 'yes' || l === 'true' ? true : l === 'no' || l === 'false' ? false : v;
    }
  }
}

/** One CSV record → the Graph row object of its export kind (not yet validated). */
export function tacRecordToGraph(kind: TacKind, header: readonly string[], fields: readonly string[], key: Buffer): Record<string, unknown> {
  const at = new Map(header.map((h, i) => [headerKey(h), i]));
  const row: Record<string, unknown> = {};
  for (const col of COLUMNS[kind]) {
    if (!col.graph) continue;
    const i = at.get(headerKey(col.csv));
    const raw = i === undefined ? undefined : fields[i];
    if (raw === undefined) continue;
    const v = convert(col.conv, raw);
    if (v !== undefined) row[col.graph] = v;
  }
  if (row.id === undefined) row.id = `${kind === 'directRoutingCalls' ? 'tac-dr' : 'tac-pstn'}-${rowHash(key, kind, fields)}`;
  return row;
}

export type TacFileResult = { ok: true; kind: TacKind; mapped: MappedItems } | { ok: false; reason: string };

/**
 * A whole export file → mapped rows and rejects (position `line N`, the file line where the record starts).
 * A file whose header matches no export is rejected whole.
 */
export function mapTacCsv(text: string, location: string, ctx: MapContext, key: Buffer): TacFileResult {
  const parsed = parseCsv(text);
  if (!parsed.ok) return parsed;
  const kind = detectTacKind(parsed.header);
  if (!kind.ok) return kind;
  const good: CsvRecord[] = [];
  const rejects: Reject[] = [];
  for (const r of parsed.records) {
    if (r.fields.length !== parsed.header.length) {
      rejects.push({
        source: kind.kind, location, position: `line ${r.line}`,
        reason: `row has ${r.fields.length} fields, the header has ${parsed.header.length}`, payload: r.fields.join(','),
      });
    } else good.push(r);
  }
  const items = good.map((r) => tacRecordToGraph(kind.kind, parsed.header, r.fields, key));
  const m = mapItems(kind.kind, items, location, ctx);
  // mapItems names the item index; a CSV user needs the file line.
  for (const rej of m.rejects) {
    const idx = /^item (\d+)$/.exec(rej.position)?.[1];
    const rec = idx === undefined ? undefined : good[Number(idx)];
    rejects.push({ ...rej, position: rec ? `line ${rec.line}` : rej.position });
  }
  rejects.sort((a, b) => lineOf(a) - lineOf(b));
  return { ok: true, kind: kind.kind, mapped: { batch: m.batch, rejects, accepted: m.accepted } };
}

function lineOf(r: Reject): number {
  return Number(/^line (\d+)$/.exec(r.position)?.[1] ?? 0);
}
