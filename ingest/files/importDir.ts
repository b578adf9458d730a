/**
 * Offline import: a folder of saved Graph responses, laid out as
 *   callRecords/*.json[.gz]  directRoutingCalls/*.json[.gz]  pstnCalls/*.json[.gz]  signIns/*.json[.gz]
 * Each file is an entity or a {"value":[…]} page. Whole files are written together, one transaction per
 * group of files of at least `groupRows` rows (fileGroup.ts): a bad file never leaves a half-imported
 * batch; bad items are quarantined with file and position and the run goes on.
 * Also tac/*.csv (Teams admin center PSTN / Direct Routing exports) and cqd/*.csv (CQD query-editor
 * exports), see importCsvFiles.ts; their DR/PSTN rows count in `accepted` like Graph rows.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../../core/db.js';
import type { Logger } from '../../core/log.js';
import type { VaultKeys } from '../keys.js';
import { emptyBatchRows, mapItems } from '../mapItems.js';
import { createPseudonymizer } from '../pseudonymizer.js';
import type { MapContext } from '../rows/context.js';
import { SOURCES, type SourceName } from '../sources.js';
import { createFileGroup, type FileGroup } from './fileGroup.js';
import { importCsvFiles } from './importCsvFiles.js';
import { readJsonFile } from './readJsonFile.js';

export interface ImportSummary {
  files: number;
  accepted: Record<SourceName, number>;
  rejected: number;
  /** Rows imported from CQD query-editor exports (raw.cqd_rows). */
  cqdRows: number;
}

/** Rows per transaction (whole files only); 1 = one transaction per file. */
export const GROUP_ROWS = 200_000;

export async function importDir(
  db: Db,
  dir: string,
  deps: { keys: VaultKeys; log: Logger; now: Date; runId: string; groupRows?: number },
): Promise<ImportSummary> {
  const p = createPseudonymizer(deps.keys.pseudonymKey);
  const group = createFileGroup(db, p, { runId: deps.runId, vaultKey: deps.keys.vaultKey, now: deps.now, minRows: deps.groupRows ?? GROUP_ROWS });
  const summary: ImportSummary = { files: 0, accepted: { callRecords: 0, directRoutingCalls: 0, pstnCalls: 0, signIns: 0 }, rejected: 0, cqdRows: 0 };
  const ctx = { p, runId: deps.runId, source: 'file' as const, ingestedAt: deps.now.toISOString() };
  try {
    await importJsonFiles(dir, group, summary, deps.log, ctx);
  } catch (e) {
    await group.idle();
    throw e;
  }
  await group.flush();
  const csv = await importCsvFiles(db, dir, { ...deps, p });
  summary.files += csv.files;
  summary.accepted.directRoutingCalls += csv.accepted.directRoutingCalls;
  summary.accepted.pstnCalls += csv.accepted.pstnCalls;
  summary.cqdRows += csv.accepted.cqdRows;
  summary.rejected += csv.rejected;
  return summary;
}

async function importJsonFiles(dir: string, group: FileGroup, summary: ImportSummary, log: Logger, ctx: MapContext): Promise<void> {
  for (const source of SOURCES) {
    const sub = join(dir, source);
    if (!existsSync(sub)) continue;
    const files = readdirSync(sub).filter((f) => f.endsWith('.json') || f.endsWith('.json.gz')).sort();
    for (const f of files) {
      const path = join(sub, f);
      summary.files++;
      const read = readJsonFile(path);
      if (!read.ok) {
        await group.add(emptyBatchRows(), [{ source, location: path, position: 'file', reason: read.reason, payload: read.bytes }]);
        summary.rejected++;
        log.warn(`rejected ${path}: ${read.reason}`);
        continue;
      }
      const m = mapItems(source, read.items, path, ctx);
      await group.add(m.batch, m.rejects);
      summary.accepted[source] += m.accepted;
      summary.rejected += m.rejects.length;
      if (m.rejects.length) log.warn(`${path}: ${m.rejects.length} item(s) quarantined in meta.rejects`);
    }
  }
}
