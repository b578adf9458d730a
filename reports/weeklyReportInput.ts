/**
 * The typed input of the weekly report: everything `buildWeeklyReport` needs, already queried.
 * Rows from the database are validated with these schemas in `loadWeeklyReportInput`.
 */
import { z } from 'zod';
import type { CaptureStatus } from '../ingest/deadline.js';
import type { PatternResult } from '../transform/patterns/cluster.js';

export const headlineRowSchema = z.object({
  period: z.enum(['current', 'previous']),
  attempts: z.number().int(),
  failures: z.number().int(),
  auth_failures: z.number().int(),
  users: z.number().int(),
  auth_users: z.number().int(),
});
export type HeadlineRow = z.infer<typeof headlineRowSchema>;

/** Daily totals over the window and the baseline before it (UTC days). */
export const dailyRowSchema = z.object({ day: z.string(), attempts: z.number().int(), failures: z.number().int(), auth_failures: z.number().int() });
export type DailyRow = z.infer<typeof dailyRowSchema>;

export const heatRowSchema = z.object({ site: z.string(), sbc: z.string(), attempts: z.number().int(), failures: z.number().int() });
export type HeatRow = z.infer<typeof heatRowSchema>;

/** Failures per day and client build (window and the week before, so rollouts show as steps). */
export const buildRowSchema = z.object({ day: z.string(), client_build: z.string(), attempts: z.number().int(), failures: z.number().int() });
export type BuildRow = z.infer<typeof buildRowSchema>;

export const carrierRowSchema = z.object({ carrier_path: z.string(), attempts: z.number().int(), failures: z.number().int() });
export type CarrierRow = z.infer<typeof carrierRowSchema>;

export const layerRowSchema = z.object({ layer: z.string(), failure_origin: z.string(), failures: z.number().int() });
export type LayerRow = z.infer<typeof layerRowSchema>;

export const unmappedRowSchema = z.object({ site: z.string(), attempts: z.number().int(), failures: z.number().int(), users: z.number().int() });
export type UnmappedRow = z.infer<typeof unmappedRowSchema>;

export interface WeeklyReportInput {
  /** ISO week label in the configured timezone, e.g. '2026-W47'. */
  week: string;
  timezone: string;
  /** [from, to) of the week, ISO instants. */
  window: { from: string; to: string };
  generatedAt: string;
  tenant?: string;
  patterns: PatternResult;
  previousPatterns?: PatternResult;
  headline: HeadlineRow[];
  daily: DailyRow[];
  heat: HeatRow[];
  builds: BuildRow[];
  carriers: CarrierRow[];
  layers: LayerRow[];
  capture: CaptureStatus[];
  unmapped: UnmappedRow[];
  /** Pseudonym → clear value; only with the vault key and --reveal. Absent: pseudonyms are shown. */
  revealed?: ReadonlyMap<string, string>;
}
