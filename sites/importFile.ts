/**
 * IO shell of `sites import` / `sites check`: read a building file, validate it, and (import) store it
 * as a new mapping version in ONE transaction. A file with errors stores nothing. The same content
 * with the same dates is a no-op.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Clock } from '../core/clock.js';
import type { Db } from '../core/db.js';
import { installSiteMacros } from './mapEndpoints.js';
import { parseBuildingFile } from './parse.js';
import type { Problem } from './problem.js';
import { flattenNetworks } from './segments.js';
import { listFiles, writeVersion } from './store.js';
import { validateBuildingFile, type ValidationResult } from './validate.js';

/** Start date of the first file when none is given: it then covers all captured history. */
export const FIRST_FILE_START = '1970-01-01';

export interface CheckedFile extends ValidationResult {
  name: string;
  sha256: string;
}

export async function checkBuildingFile(path: string): Promise<CheckedFile> {
  const bytes = await readFile(path);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const name = basename(path);
  const { records } = parseBuildingFile(bytes.toString('utf8'), name);
  return { name, sha256, ...validateBuildingFile(records) };
}

export interface ImportOptions {
  path: string;
  /** YYYY-MM-DD; default: today, or FIRST_FILE_START for the first file ever imported. */
  start?: string | undefined;
  /** YYYY-MM-DD, inclusive; default open-ended. */
  end?: string | undefined;
}

export type ImportResult =
  | { status: 'rejected'; errors: Problem[]; warnings: Problem[] }
  | { status: 'unchanged'; fileId: number; warnings: Problem[] }
  | { status: 'imported'; fileId: number; rows: number; segments: number; startDate: string; endDate: string | null; warnings: Problem[] };

export async function importBuildingFile(deps: { db: Db; clock: Clock }, opts: ImportOptions): Promise<ImportResult> {
  const checked = await checkBuildingFile(opts.path);
  const { errors, warnings } = checked;
  if (errors.length > 0) return { status: 'rejected', errors, warnings };
  const { db } = deps;
  await installSiteMacros(db);
  return db.transaction(async (tx): Promise<ImportResult> => {
    const files = await listFiles(tx);
    const latest = files.at(-1);
    const same =
      opts.start === undefined && opts.end === undefined
        ? latest?.sha256 === checked.sha256
          ? latest
          : undefined
        : files.findLast(
            (f) => f.sha256 === checked.sha256 && (opts.start === undefined || f.start_date === opts.start) && (opts.end === undefined || f.end_date === opts.end),
          );
    if (same) return { status: 'unchanged', fileId: same.file_id, warnings };
    const now = deps.clock.now();
    const startDate = opts.start ?? (latest ? now.toISOString().slice(0, 10) : FIRST_FILE_START);
    const endDate = opts.end ?? null;
    const segments = flattenNetworks(checked.rows);
    const fileId = await writeVersion(
      tx,
      {
        sha256: checked.sha256,
        fileName: checked.name,
        startDate,
        endDate,
        columns: checked.columns === 14 ? 14 : 15,
        warningCount: warnings.length,
        importedAt: now.toISOString(),
      },
      checked.rows,
      segments,
    );
    return { status: 'imported', fileId, rows: checked.rows.length, segments: segments.length, startDate, endDate, warnings };
  });
}
