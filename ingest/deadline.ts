/**
 * Capture deadline watch: per source, the oldest window not yet captured and the days left before it
 * falls off Microsoft's retention edge (28-day EUII, 30-day call records, 7/30-day sign-ins).
 */
import { z } from 'zod';
import type { Db } from '../core/db.js';
import { SOURCES, retentionDays, type SourceName } from './sources.js';

export interface CaptureStatus {
  source: SourceName;
  retentionDays: number;
  /** Latest instant captured contiguously back from now (the watermark), if any. */
  capturedUntil: string | null;
  /** Oldest instant still retrievable but not captured; null when nothing retrievable is missing. */
  oldestUncaptured: string | null;
  /** Days before `oldestUncaptured` falls off the edge; null when nothing is missing. */
  daysLeft: number | null;
  level: 'ok' | 'warn' | 'lost';
}

const DAY = 86_400_000;

export interface Interval {
  start: number;
  end: number;
}

/** Pure: the first uncovered instant in [edge, now) given captured intervals, or null. */
export function firstGap(intervals: readonly Interval[], edge: number, now: number): number | null {
  let cursor = edge;
  for (const iv of [...intervals].sort((a, b) => a.start - b.start)) {
    if (iv.end <= cursor) continue;
    if (iv.start > cursor) return cursor;
    cursor = iv.end;
    if (cursor >= now) return null;
  }
  return cursor < now ? cursor : null;
}

export function captureStatusOf(
  source: SourceName,
  intervals: readonly Interval[],
  capturedUntil: string | null,
  now: Date,
  opts: { retentionDays: number; marginDays: number; ingestEveryHours?: number },
): CaptureStatus {
  const edge = now.getTime() - opts.retentionDays * DAY;
  // The newest hours are not "missing" yet: the next scheduled run fetches them. The last two hours
  // before the edge are already out of reach in practice (ingest starts an hour inside it).
  const horizon = now.getTime() - (opts.ingestEveryHours ?? 2) * 3_600_000;
  const gap = firstGap(intervals, edge + 2 * 3_600_000, horizon);
  const daysLeft = gap === null ? null : (gap - edge) / DAY;
  const level = daysLeft === null ? 'ok' : daysLeft <= 0 ? 'lost' : daysLeft <= opts.marginDays ? 'warn' : 'ok';
  return {
    source,
    retentionDays: opts.retentionDays,
    capturedUntil,
    oldestUncaptured: gap === null ? null : new Date(gap).toISOString(),
    daysLeft: daysLeft === null ? null : Math.round(daysLeft * 10) / 10,
    level,
  };
}

const windowRow = z.object({ source: z.string(), s: z.number(), e: z.number() });
const markRow = z.object({ source: z.string(), until: z.string() });

/** IO shell: read captured windows and watermarks, return one status per source. */
export async function captureStatus(db: Db, now: Date, opts: { signInRetentionDays: number; marginDays: number }): Promise<CaptureStatus[]> {
  const windows = await db.query(
    `SELECT source, epoch_ms(window_start)::DOUBLE AS s, epoch_ms(window_end)::DOUBLE AS e FROM meta.captured_windows ORDER BY source, window_start`,
    windowRow,
  );
  const marks = await db.query(`SELECT source, strftime(captured_until AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%SZ') AS until FROM meta.watermarks`, markRow);
  return SOURCES.map((source) =>
    captureStatusOf(
      source,
      windows.filter((w) => w.source === source).map((w) => ({ start: w.s, end: w.e })),
      marks.find((m) => m.source === source)?.until ?? null,
      now,
      { retentionDays: retentionDays(source, opts.signInRetentionDays), marginDays: opts.marginDays },
    ),
  );
}
