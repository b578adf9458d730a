/**
 * The pattern engine's output contract, read by reports, alerts and the JSON output of `patterns`.
 * Validated with zod wherever it crosses a boundary (database, files).
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';

export const DIMENSIONS = ['site', 'sbc', 'client_build', 'carrier_path'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** Dimension → value at the level that explains the surge, e.g. { site: 'EMEA/DE', client_build: 'teams/macOS' }. */
export const dimensionsSchema = z.object({
  site: z.string().optional(),
  sbc: z.string().optional(),
  client_build: z.string().optional(),
  carrier_path: z.string().optional(),
});
export type Dimensions = z.infer<typeof dimensionsSchema>;

const countOf = z.object({ value: z.string(), count: z.number().int().nonnegative() });

export const clusterSchema = z.object({
  fingerprint: z.string(),
  dimensions: dimensionsSchema,
  failures: z.number().int().nonnegative(),
  attempts: z.number().int().nonnegative(),
  users: z.number().int().nonnegative(),
  rate: z.number(),
  expected_failures: z.number(),
  baseline_rate: z.number(),
  score: z.number(),
  /** Share of the window's excess failures this cluster explains (0..1). */
  excess_share: z.number(),
  top_sip_codes: z.array(countOf),
  top_ms_codes: z.array(countOf),
  layers: z.array(countOf),
  origins: z.array(countOf),
  first_seen: z.string(),
  daily: z.array(z.object({ day: z.string(), attempts: z.number().int(), failures: z.number().int(), expected: z.number() })),
  /** new | growing | shrinking | steady, against the previous run with the same fingerprint. */
  trend: z.enum(['new', 'growing', 'shrinking', 'steady']).default('new'),
});
export type Cluster = z.infer<typeof clusterSchema>;

export const singleUserSchema = z.object({
  user: z.string(),
  failures: z.number().int(),
  attempts: z.number().int(),
  dimensions: dimensionsSchema,
  top_sip_codes: z.array(countOf),
  note: z.string(),
});
export type SingleUser = z.infer<typeof singleUserSchema>;

export const patternResultSchema = z.object({
  window: z.object({ from: z.string(), to: z.string(), baseline_from: z.string() }),
  failure: z.string(),
  totals: z.object({ attempts: z.number().int(), failures: z.number().int(), expected_failures: z.number(), baseline_rate: z.number() }),
  /** True when the surge is spread evenly over everything: reported as global, not as a cluster. */
  global_change: z.boolean(),
  clusters: z.array(clusterSchema),
  single_user: z.array(singleUserSchema),
});
export type PatternResult = z.infer<typeof patternResultSchema>;

/** Stable id of a dimension combination: the same element gets the same fingerprint week after week. */
export function fingerprintOf(dims: Dimensions): string {
  const key = DIMENSIONS.filter((d) => dims[d] !== undefined)
    .map((d) => `${d}=${dims[d] ?? ''}`)
    .join('&');
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}
