/**
 * Offline import: a folder of saved Graph responses, laid out as
 *   callRecords/*.json[.gz]  directRoutingCalls/*.json[.gz]  pstnCalls/*.json[.gz]  signIns/*.json[.gz]
 * Each file is an entity or a {"value":[…]} page. One transaction per file: a bad file never leaves a
 * half-imported batch; bad items are quarantined with file and position and the run goes on.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../../core/db.js';
import type { Logger } from '../../core/log.js';
import type { VaultKeys } from '../keys.js';
import { mapItems } from '../mapItems.js';
import { createPseudonymizer } from '../pseudonymizer.js';
import { SOURCES, type SourceName } from '../sources.js';
import { writeBatch } from '../writeBatch.js';
import { readJsonFile } from './readJsonFile.js';

export interface ImportSummary {
  files: number;
  accepted: Record<SourceName, number>;
  rejected: number;
}

export async function importDir(db: Db, dir: string, deps: { keys: VaultKeys; log: Logger; now: Date; runId: string }): Promise<ImportSummary> {
  const p = createPseudonymizer(deps.keys.pseudonymKey);
  const summary: ImportSummary = { files: 0, accepted: { callRecords: 0, directRoutingCalls: 0, pstnCalls: 0, signIns: 0 }, rejected: 0 };
  const ctx = { p, runId: deps.runId, source: 'file' as const, ingestedAt: deps.now.toISOString() };
  for (const source of SOURCES) {
    const sub = join(dir, source);
    if (!existsSync(sub)) continue;
    const files = readdirSync(sub).filter((f) => f.endsWith('.json') || f.endsWith('.json.gz')).sort();
    for (const f of files) {
      const path = join(sub, f);
      summary.files++;
      const read = readJsonFile(path);
      if (!read.ok) {
        await writeBatch(db, { runId: deps.runId, rejects: [{ source, location: path, position: 'file', reason: read.reason, payload: read.bytes }] }, deps.keys.vaultKey, deps.now);
        summary.rejected++;
        deps.log.warn(`rejected ${path}: ${read.reason}`);
        continue;
      }
      const m = mapItems(source, read.items, path, ctx);
      await writeBatch(db, { runId: deps.runId, ...m.batch, vault: p.drain(), rejects: m.rejects }, deps.keys.vaultKey, deps.now);
      summary.accepted[source] += m.accepted;
      summary.rejected += m.rejects.length;
      if (m.rejects.length) deps.log.warn(`${path}: ${m.rejects.length} item(s) quarantined in meta.rejects`);
    }
  }
  return summary;
}
