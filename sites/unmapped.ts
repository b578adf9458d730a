/** Unmapped subnets report: subnets with at least `min` attempts in a window that map to no building. */
import { z } from 'zod';
import type { Db } from '../core/db.js';
import { loadSql } from '../core/sql.js';

export const unmappedRowSchema = z.object({
  subnet: z.string(),
  attempts: z.number().int(),
  failures: z.number().int(),
  users: z.number().int(),
  first_seen: z.string(),
  last_seen: z.string(),
});
export type UnmappedRow = z.infer<typeof unmappedRowSchema>;

export interface UnmappedOptions {
  /** Window start (inclusive) and end (exclusive). */
  from: Date;
  to: Date;
  /** CQD's Missing Subnet report uses 10 streams. */
  min: number;
}

export async function unmappedSubnets(db: Db, opts: UnmappedOptions): Promise<UnmappedRow[]> {
  return db.query(loadSql('sites/unmapped.sql'), unmappedRowSchema, { from: opts.from.toISOString(), to: opts.to.toISOString(), min: opts.min });
}

export function formatUnmapped(rows: readonly UnmappedRow[]): string {
  const header = ['subnet', 'attempts', 'failures', 'users', 'last_seen'];
  const body = rows.map((r) => [r.subnet, String(r.attempts), String(r.failures), String(r.users), r.last_seen]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] ?? '').length)));
  const fmt = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ').trimEnd();
  return [fmt(header), ...body.map(fmt)].join('\n') + '\n';
}
