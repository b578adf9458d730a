/** Pure planning of ingest windows: which day windows to fetch for a source on this run. */

export interface WindowPlanInput {
  now: Date;
  /** Everything before this was captured once (meta.watermarks), if the source ran before. */
  watermark: Date | undefined;
  /** Re-scan this many hours before the watermark (records gain versions, logs arrive late). */
  trailingHours: number;
  /** How far back a first run reaches. */
  backfillDays: number;
  /** Microsoft's retention for the source: nothing older can be fetched. */
  retentionDays: number;
  /** Optional explicit range (CLI --from/--to). */
  from?: Date | undefined;
  to?: Date | undefined;
}

export interface Window {
  start: Date;
  end: Date;
}

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** Day-aligned (UTC) windows from the start to now; the last one ends at `now`. */
export function planWindows(i: WindowPlanInput): Window[] {
  // A little inside the retention edge: a window starting exactly on it would be half gone by the time it is read.
  const edge = i.now.getTime() - i.retentionDays * DAY + HOUR;
  let start = i.from?.getTime() ?? (i.watermark ? i.watermark.getTime() - i.trailingHours * HOUR : i.now.getTime() - i.backfillDays * DAY);
  start = Math.max(start, edge);
  const end = Math.min(i.to?.getTime() ?? i.now.getTime(), i.now.getTime());
  const out: Window[] = [];
  let s = start;
  while (s < end) {
    const nextDay = Math.floor(s / DAY) * DAY + DAY;
    const e = Math.min(nextDay, end);
    out.push({ start: new Date(s), end: new Date(e) });
    s = e;
  }
  return out;
}

/** Graph wants UTC date-times without milliseconds noise: 2026-11-01T00:00:00Z. */
export function graphTime(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
