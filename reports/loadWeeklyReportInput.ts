/** IO shell: query the marts for one ISO week and return the typed, validated WeeklyReportInput. */
import type { Db } from '../core/db.js';
import { loadSql } from '../core/sql.js';
import { captureStatus, type CaptureStatus } from '../ingest/deadline.js';
import type { PatternResult } from '../transform/patterns/cluster.js';
import type { IsoWeek } from './isoWeek.js';
import {
  buildRowSchema,
  carrierRowSchema,
  dailyRowSchema,
  headlineRowSchema,
  heatRowSchema,
  layerRowSchema,
  unmappedRowSchema,
  type WeeklyReportInput,
} from './weeklyReportInput.js';

const DAY = 86_400_000;

export interface LoadWeeklyOptions {
  week: IsoWeek;
  timezone: string;
  now: Date;
  patterns: PatternResult;
  previousPatterns?: PatternResult;
  /** Days of daily totals before the week for the baseline band (default 28). */
  baselineDays?: number;
  /** An unmapped subnet is listed from this many attempts in the week (default 10). */
  minUnmappedAttempts?: number;
  /** Capture status per source; read from the store with these options when `capture` is not given. */
  capture?: CaptureStatus[];
  captureOptions?: { signInRetentionDays: number; marginDays: number };
  tenant?: string;
  revealed?: ReadonlyMap<string, string>;
}

const sql = (name: string): string => loadSql(`reports/sql/${name}.sql`);
const dayOf = (t: number): string => new Date(t).toISOString().slice(0, 10);

export async function loadWeeklyReportInput(db: Db, o: LoadWeeklyOptions): Promise<WeeklyReportInput> {
  const from = o.week.start.getTime();
  const to = o.week.end.getTime();
  const prevFrom = from - 7 * DAY;
  const inst = { from: new Date(from).toISOString(), to: new Date(to).toISOString() };
  const days = { from_day: dayOf(from), to_day: dayOf(to) };
  const headline = await db.query(sql('headline'), headlineRowSchema, { ...inst, prev_from: new Date(prevFrom).toISOString() });
  const daily = await db.query(sql('daily'), dailyRowSchema, { baseline_from_day: dayOf(from - (o.baselineDays ?? 28) * DAY), to_day: days.to_day });
  const heat = await db.query(sql('heat'), heatRowSchema, days);
  const builds = await db.query(sql('builds'), buildRowSchema, { prev_from_day: dayOf(prevFrom), to_day: days.to_day });
  const carriers = await db.query(sql('carriers'), carrierRowSchema, days);
  const layers = await db.query(sql('layers'), layerRowSchema, days);
  const unmapped = await db.query(sql('unmapped'), unmappedRowSchema, { ...inst, min_attempts: o.minUnmappedAttempts ?? 10 });
  const capture = o.capture ?? (await captureStatus(db, o.now, o.captureOptions ?? { signInRetentionDays: 30, marginDays: 7 }));
  const input: WeeklyReportInput = {
    week: o.week.label,
    timezone: o.timezone,
    window: inst,
    generatedAt: o.now.toISOString(),
    patterns: o.patterns,
    headline,
    daily,
    heat,
    builds,
    carriers,
    layers,
    capture,
    unmapped,
  };
  if (o.previousPatterns) input.previousPatterns = o.previousPatterns;
  if (o.tenant !== undefined) input.tenant = o.tenant;
  if (o.revealed) input.revealed = o.revealed;
  return input;
}
