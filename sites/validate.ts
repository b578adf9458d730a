/** All checks of a building file: per-row rules, then duplicates, overlaps and the VPN expansion limit. */
import { overlapProblems, vpnExpansionProblems } from './overlaps.js';
import type { FileRecord } from './parse.js';
import { byPosition, type Problem } from './problem.js';
import { validateRow, type NetworkRow, type RowExtent } from './validateRow.js';

export interface ValidationResult {
  /** Typed rows of the lines without errors (all of them when `errors` is empty). */
  rows: NetworkRow[];
  errors: Problem[];
  warnings: Problem[];
  /** 15, 14 (older form without VPN), or 'mixed'; undefined for an empty file. */
  columns: 14 | 15 | 'mixed' | undefined;
}

export function validateBuildingFile(records: readonly FileRecord[]): ValidationResult {
  const rows: NetworkRow[] = [];
  const extents: RowExtent[] = [];
  const problems: Problem[] = [];
  for (const rec of records) {
    const r = validateRow(rec);
    if (r.row) rows.push(r.row);
    if (r.extent) extents.push(r.extent);
    problems.push(...r.problems);
  }
  if (records.length === 0) problems.push({ severity: 'error', line: 1, column: 1, message: 'the file has no rows' });
  problems.push(...overlapProblems(extents), ...vpnExpansionProblems(extents, records.length));
  problems.sort(byPosition);
  const counts = new Set(records.map((r) => r.fields.length).filter((n) => n === 14 || n === 15));
  const columns = counts.size === 0 ? undefined : counts.size > 1 ? 'mixed' : counts.has(14) ? 14 : 15;
  return {
    rows,
    errors: problems.filter((p) => p.severity === 'error'),
    warnings: problems.filter((p) => p.severity === 'warning'),
    columns,
  };
}
