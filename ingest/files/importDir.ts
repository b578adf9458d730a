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
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { Db } from '../../core/db.js';
import type { Logger } from '../../core/log.js';
import type { VaultKeys } from '../keys.js';
import { emptyRawLines } from '../rows/rawLines.js';
import { createPseudonymizer } from '../pseudonymizer.js';
import type { MapContext } from '../rows/context.js';
import { SOURCES, type SourceName } from '../sources.js';
import { createFileGroup } from './fileGroup.js';
import { createFileMapper } from './fileMapper.js';
import { createMapPool, type MapResult } from './mapPool.js';
import { importCsvFiles } from './importCsvFiles.js';
import { createVaultEncoder } from './vaultDelta.js';

export interface ImportSummary {
  files: number;
  accepted: Record<SourceName, number>;
  rejected: number;
  /** Rows imported from CQD query-editor exports (raw.cqd_rows). */
  cqdRows: number;
}

/** Rows per transaction (whole files only); 1 = one transaction per file. */
export const GROUP_ROWS = 200_000;
/**
 * Files asked of the mapping workers ahead of the one being added to the group. While the main thread
 * writes a group or waits for its commit it takes no file, and the workers stop once they are this far
 * ahead: at 64 files (~10k rows) a single worker sat idle for much of every group's write (4.6 s of 26 s
 * at 300k legs, when rows were still appended value by value); at 512 (about half a group of 200k rows)
 * it kept mapping (0.1 s idle).
 */
const LOOKAHEAD = 512;

export interface ImportDirDeps {
  keys: VaultKeys;
  log: Logger;
  now: Date;
  runId: string;
  groupRows?: number;
  /**
   * Worker threads that map the JSON files, so that reading, validation, mapping and pseudonymisation
   * run in parallel and overlap DuckDB's loads and merges; 0 maps them on this thread. Default:
   * one per core, at most MAX_MAP_WORKERS.
   */
  mapWorkers?: number;
}

/**
 * Mapping is the larger part of an import's work (at 1 M legs one worker was the critical path: busy
 * throughout while the main thread's writes took about 60 % of the time), so the default is a worker per core.
 * Measured on 2 cores only; the cap keeps a large machine from starting workers that DuckDB's loading and
 * merging of each group (one at a time) could not keep up with.
 */
export const MAX_MAP_WORKERS = 4;

/**
 * DuckDB checkpoints once its WAL passes checkpoint_threshold (16 MB by default), so every commit of a
 * large import checkpointed: its commit took 1.4-4.5 s of each 200k-row group at 1 M legs, measured while the raw tables
 * still had key indexes (migration 012), and 0.4-1.7 s once the threshold was raised. The import raises
 * it and checkpoints once at the end instead. A crash in between loses nothing: the WAL replays committed
 * groups on the next open.
 */
const IMPORT_CHECKPOINT_THRESHOLD = '4GB';

export async function importDir(db: Db, dir: string, deps: ImportDirDeps): Promise<ImportSummary> {
  await db.run(`SET checkpoint_threshold = '${IMPORT_CHECKPOINT_THRESHOLD}'`);
  try {
    const summary = await importFiles(db, dir, deps);
    await db.run('CHECKPOINT');
    return summary;
  } finally {
    await db.run('RESET checkpoint_threshold');
  }
}

async function importFiles(db: Db, dir: string, deps: ImportDirDeps): Promise<ImportSummary> {
  const p = createPseudonymizer(deps.keys.pseudonymKey);
  const groupRows = deps.groupRows ?? GROUP_ROWS;
  const group = createFileGroup(db, { runId: deps.runId, vaultKey: deps.keys.vaultKey, now: deps.now, minRows: groupRows });
  const summary: ImportSummary = { files: 0, accepted: { callRecords: 0, directRoutingCalls: 0, pstnCalls: 0, signIns: 0 }, rejected: 0, cqdRows: 0 };
  const ctx: MapContext = { p, runId: deps.runId, source: 'file', ingestedAt: deps.now.toISOString() };
  const files = jsonFiles(dir);
  const workers = deps.mapWorkers ?? Math.min(MAX_MAP_WORKERS, availableParallelism());
  const pool =
    workers < 1 || files.length === 0
      ? null
      : createMapPool({ pseudonymKey: deps.keys.pseudonymKey, vaultKey: deps.keys.vaultKey, runId: deps.runId, ingestedAt: ctx.ingestedAt, workers });
  // In-thread mapping answers the way a worker does (the same file mapper, with its own vault encoder).
  const here = createFileMapper(ctx, createVaultEncoder(deps.keys.vaultKey));
  try {
    const ahead: Promise<MapResult>[] = [];
    const ask = (i: number) => {
      const f = files[i];
      if (!pool || !f) return;
      const r = pool.map(f.source, f.path, i);
      r.catch(() => {}); // awaited in turn below; never an unhandled rejection if the import stops first
      ahead.push(r);
    };
    for (let i = 0; i < LOOKAHEAD; i++) ask(i);
    for (let i = 0; i < files.length; i++) {
      const f = files[i];
      if (!f) continue;
      ask(i + LOOKAHEAD);
      const r = pool ? await ahead.shift() : { ...here.map(f.source, f.path, i), worker: 0 };
      if (!r) throw new Error('importDir: lost track of a mapped file');
      summary.files++;
      if (r.kind === 'unreadable') {
        await group.add(emptyRawLines(), 1, [{ source: f.source, location: f.path, position: 'file', reason: r.reason, payload: r.bytes }], r.vault, r.worker);
        summary.rejected++;
        deps.log.warn(`rejected ${f.path}: ${r.reason}`);
        continue;
      }
      await group.add(r.lines, r.rows, r.rejects, r.vault, r.worker);
      summary.accepted[f.source] += r.accepted;
      summary.rejected += r.rejects.length;
      if (r.rejects.length) deps.log.warn(`${f.path}: ${r.rejects.length} item(s) quarantined in meta.rejects`);
    }
    await group.flush();
  } catch (e) {
    await group.idle();
    throw e;
  } finally {
    await pool?.close();
  }
  const csv = await importCsvFiles(db, dir, { ...deps, p });
  summary.files += csv.files;
  summary.accepted.directRoutingCalls += csv.accepted.directRoutingCalls;
  summary.accepted.pstnCalls += csv.accepted.pstnCalls;
  summary.cqdRows += csv.accepted.cqdRows;
  summary.rejected += csv.rejected;
  return summary;
}

/** The saved Graph files of every source folder, in import order. */
function jsonFiles(dir: string): { source: SourceName; path: string }[] {
  const out: { source: SourceName; path: string }[] = [];
  for (const source of SOURCES) {
    const sub = join(dir, source);
    if (!existsSync(sub)) continue;
    for (const f of readdirSync(sub).filter((n) => n.endsWith('.json') || n.endsWith('.json.gz')).sort()) out.push({ source, path: join(sub, f) });
  }
  return out;
}
