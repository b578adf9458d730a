/**
 * The CSV half of the offline import: DIR/tac/*.csv (Teams admin center PSTN / Direct Routing usage
 * exports, kind told by the header) and DIR/cqd/*.csv (CQD query-editor exports). One transaction per file;
 * a file that cannot be read or recognised is one reject (position `file`), a bad row is one reject
 * (position `line N`), and the run goes on.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Db } from '../../core/db.js';
import type { Logger } from '../../core/log.js';
import { loadSql } from '../../core/sql.js';
import type { VaultKeys } from '../keys.js';
import type { Pseudonymizer } from '../pseudonymizer.js';
import type { MapContext } from '../rows/context.js';
import { writeBatch, type Reject } from '../writeBatch.js';
import { CQD_TABLE } from './cqdColumns.js';
import { mapCqdCsv } from './cqdCsv.js';
import { mapTacCsv } from './tacCsv.js';

export interface CsvImportDeps {
  keys: VaultKeys;
  log: Logger;
  now: Date;
  runId: string;
  p: Pseudonymizer;
}

export interface CsvImportSummary {
  files: number;
  accepted: { directRoutingCalls: number; pstnCalls: number; cqdRows: number };
  rejected: number;
}

function csvFiles(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.toLowerCase().endsWith('.csv')).sort() : [];
}

function readText(path: string): { ok: true; text: string } | { ok: false; reason: string } {
  try {
    return { ok: true, text: readFileSync(path, 'utf8') };
  } catch (e) {
    return { ok: false, reason: `cannot read: ${e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e)}` };
  }
}

async function rejectFile(db: Db, deps: CsvImportDeps, source: string, path: string, reason: string): Promise<void> {
  const r: Reject = { source, location: path, position: 'file', reason };
  await writeBatch(db, { runId: deps.runId, rejects: [r] }, deps.keys.vaultKey, deps.now);
  deps.log.warn(`rejected ${path}: ${reason}`);
}

export async function importCsvFiles(db: Db, dir: string, deps: CsvImportDeps): Promise<CsvImportSummary> {
  const s: CsvImportSummary = { files: 0, accepted: { directRoutingCalls: 0, pstnCalls: 0, cqdRows: 0 }, rejected: 0 };
  const ctx: MapContext = { p: deps.p, runId: deps.runId, source: 'tac_csv', ingestedAt: deps.now.toISOString() };
  for (const f of csvFiles(join(dir, 'tac'))) {
    const path = join(dir, 'tac', f);
    s.files++;
    const read = readText(path);
    const m = read.ok ? mapTacCsv(read.text, path, ctx, deps.keys.pseudonymKey) : read;
    if (!m.ok) {
      await rejectFile(db, deps, 'tac', path, m.reason);
      s.rejected++;
      continue;
    }
    const { batch, rejects, accepted } = m.mapped;
    await writeBatch(db, { runId: deps.runId, ...batch, vault: deps.p.drain(), rejects }, deps.keys.vaultKey, deps.now);
    s.accepted[m.kind] += accepted;
    s.rejected += rejects.length;
    if (rejects.length) deps.log.warn(`${path}: ${rejects.length} row(s) quarantined in meta.rejects`);
  }
  for (const f of csvFiles(join(dir, 'cqd'))) {
    const path = join(dir, 'cqd', f);
    s.files++;
    const read = readText(path);
    const m = read.ok
      ? mapCqdCsv(read.text, path, { p: deps.p, key: deps.keys.pseudonymKey, runId: deps.runId, ingestedAt: ctx.ingestedAt, fileName: basename(path) })
      : read;
    if (!m.ok) {
      await rejectFile(db, deps, 'cqd', path, m.reason);
      s.rejected++;
      continue;
    }
    // Identical rows share a hash: keep one, so the upsert sees each key once.
    const rows = [...new Map(m.rows.map((r) => [r[0], r])).values()];
    await db.transaction(async (tx) => {
      if (rows.length) {
        await tx.append('cqd_rows', CQD_TABLE.map(([, t]) => t), rows, 'land');
        await tx.exec(loadSql('ingest/files/sql/merge_cqd_rows.sql'));
      }
      await writeBatch(tx, { runId: deps.runId, vault: deps.p.drain(), rejects: m.rejects }, deps.keys.vaultKey, deps.now);
    });
    s.accepted.cqdRows += m.rows.length;
    s.rejected += m.rejects.length;
    if (m.ignored.length) deps.log.info(`${path}: columns not imported: ${m.ignored.map((c) => `"${c}"`).join(', ')}`);
    if (m.rejects.length) deps.log.warn(`${path}: ${m.rejects.length} row(s) quarantined in meta.rejects`);
  }
  return s;
}
