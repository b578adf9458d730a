/**
 * The `alerts` section of the config, validated here (core/config.ts leaves it untyped).
 * Vocabulary and semantics follow Prometheus/Alertmanager: for, keep_firing_for, repeat_interval,
 * labels, annotations, receivers, send_resolved. Durations are strings such as '30s', '15m', '4h', '1d'.
 */
import { z } from 'zod';
import { ConfigError } from '../core/errors.js';
import { parseDuration } from './duration.js';
import { parseMatcher, type Matcher } from './matcher.js';
import { receiverSchema } from './receiverConfig.js';

/** A duration string → milliseconds; `fallback` is the default written the same way. */
export function durationField(fallback: string) {
  return z
    .string()
    .transform((s, ctx) => {
      const ms = parseDuration(s);
      if (ms === undefined) {
        ctx.addIssue({ code: 'custom', message: `not a duration: '${s}' (use e.g. 30s, 15m, 4h, 1d)` });
        return z.NEVER;
      }
      return ms;
    })
    .default(parseDuration(fallback) ?? 0);
}

const matcherField = z.string().transform((s, ctx): Matcher => {
  const m = parseMatcher(s);
  if (typeof m === 'string') {
    ctx.addIssue({ code: 'custom', message: m });
    return z.NEVER;
  }
  return m;
});

/** A number means ">= number"; otherwise any of gt/gte/lt/lte. */
export interface Threshold {
  gt?: number | undefined;
  gte?: number | undefined;
  lt?: number | undefined;
  lte?: number | undefined;
}
const thresholdSchema = z.union([
  z.number().transform((n): Threshold => ({ gte: n })),
  z
    .object({ gt: z.number().optional(), gte: z.number().optional(), lt: z.number().optional(), lte: z.number().optional() })
    .strict(),
]);

export const METRICS = [
  'failures',
  'attempts',
  'users',
  'rate',
  'expected_failures',
  'baseline_rate',
  'score',
  'excess_share',
  /** failures / expected_failures (observed vs expected). */
  'observed_over_expected',
] as const;
export type Metric = (typeof METRICS)[number];

export const conditionSchema = z
  .object({
    failures: thresholdSchema.optional(),
    attempts: thresholdSchema.optional(),
    users: thresholdSchema.optional(),
    rate: thresholdSchema.optional(),
    expected_failures: thresholdSchema.optional(),
    baseline_rate: thresholdSchema.optional(),
    score: thresholdSchema.optional(),
    excess_share: thresholdSchema.optional(),
    observed_over_expected: thresholdSchema.optional(),
    /** Dominant layer (first of the cluster's `layers`) must be one of these. */
    layers: z.array(z.enum(['client_sign_in', 'phone_config', 'sip_device', 'direct_routing', 'other', 'unknown'])).transform((a): string[] => a).optional(),
    /** Dominant origin (first of `origins`) must be one of these: sbc | microsoft | client. */
    origins: z.array(z.string()).optional(),
    trends: z.array(z.enum(['new', 'growing', 'shrinking', 'steady'])).optional(),
    /** Matchers on the dimension labels (site, sbc, client_build, carrier_path), e.g. 'site=~EMEA/.*'. */
    match: z.array(matcherField).default([]),
  })
  .strict();
export type Condition = z.infer<typeof conditionSchema>;

const NAME_RE = /^[A-Za-z_][A-Za-z0-9_.:-]*$/;

/** What every rule (cluster or built-in) shares. */
const commonFields = {
  /** Pending → firing only after the condition held on this many consecutive evaluations (0 and 1: at once). */
  for: z.number().int().nonnegative().default(1),
  /** Stay firing this long after the condition stops holding (damps flapping). */
  keep_firing_for: durationField('0'),
  /** Remind while still firing, at most this often. */
  repeat_interval: durationField('4h'),
  send_resolved: z.boolean().default(true),
  labels: z.record(z.string(), z.string()).default({}),
  annotations: z.record(z.string(), z.string()).default({}),
  /** Receiver names; absent = every configured receiver. */
  receivers: z.array(z.string()).optional(),
};

export const ruleSchema = z
  .object({
    name: z.string().regex(NAME_RE, 'letters, digits, _ . : - (starting with a letter or _)'),
    condition: conditionSchema.default({ match: [] }),
    /** Evaluate the latest pattern run whose detection window has this length… */
    window: durationField('1d'),
    /** …and this failure predicate (auth | any | …), as stored in patterns.runs.failure. */
    failure: z.string().default('auth'),
    /** A run older than this is not fresh: the rule is skipped (states kept) rather than resolved. */
    stale_after: durationField('3h'),
    ...commonFields,
  })
  .strict();
export type Rule = z.infer<typeof ruleSchema>;

const captureDeadlineSchema = z
  .object({
    enabled: z.boolean().default(true),
    /** Fire when the oldest uncaptured data of a source is this many days (or fewer) from its retention edge. */
    days_left_below: z.number().nonnegative().default(7),
    ...commonFields,
    repeat_interval: durationField('24h'),
  })
  .strict();

const ingestFailuresSchema = z
  .object({
    enabled: z.boolean().default(true),
    /** Fire when a job (ingest source) failed this many runs in a row. */
    consecutive_failures: z.number().int().positive().default(3),
    ...commonFields,
    repeat_interval: durationField('12h'),
  })
  .strict();

const deliverySchema = z
  .object({
    /** Give up on a notification (status 'dead') after trying this long. */
    max_age: durationField('24h'),
    backoff_initial: durationField('30s'),
    /** Retries never wait longer than this, so a receiver back after an outage hears within it. */
    backoff_max: durationField('10m'),
    concurrency: z.number().int().positive().max(32).default(4),
  })
  .strict();

export const alertsConfigSchema = z
  .object({
    rules: z.array(ruleSchema).optional(),
    receivers: z.array(receiverSchema).default([]),
    capture_deadline: captureDeadlineSchema.default(() => captureDeadlineSchema.parse({})),
    ingest_failures: ingestFailuresSchema.default(() => ingestFailuresSchema.parse({})),
    delivery: deliverySchema.default(() => deliverySchema.parse({})),
    /** Link put in every notification (default: report.link). */
    external_url: z.string().optional(),
    /** Resolved alert states are forgotten after this long (history keeps them). */
    resolved_retention: durationField('7d'),
  })
  .strict();
export type AlertsConfig = Omit<z.infer<typeof alertsConfigSchema>, 'rules'> & { rules: Rule[] };
export type CaptureDeadlineConfig = z.infer<typeof captureDeadlineSchema>;
export type IngestFailuresConfig = z.infer<typeof ingestFailuresSchema>;
export type DeliveryConfig = z.infer<typeof deliverySchema>;

/**
 * The rule that ships: an authentication-linked cluster (the default pattern run) that
 * - has at least 10 failures and 3 distinct users in the day window (below that it is one person's bad day,
 *   and the engine already lists single users apart),
 * - fails at least twice as often as expected (observed vs expected is scale-free, so it works for any
 *   tenant size; `score` is left at "> 0" because its scale belongs to the engine),
 * - fires on the first evaluation (`for: 1`): the cluster is already a day aggregate, and on-call want to
 *   hear within the hour,
 * - stays firing for 2h after it drops out (`keep_firing_for`) so a cluster at the edge of the thresholds
 *   does not flap, and reminds once a day (`repeat_interval: 24h`): a day-window fact does not change hourly.
 */
export const DEFAULT_RULE_SPEC = {
  name: 'AuthFailureCluster',
  condition: { failures: { gte: 10 }, users: { gte: 3 }, observed_over_expected: { gte: 2 }, score: { gt: 0 } },
  window: '1d',
  failure: 'auth',
  for: 1,
  keep_firing_for: '2h',
  repeat_interval: '24h',
  labels: { severity: 'warning' },
  annotations: {
    summary: '{{ $values.failures }} auth-linked call-setup failures for {{ $values.users }} users on {{ $labels.scope }}',
    description: '{{ $values.observed_over_expected }}x the expected failures ({{ $values.expected_failures }}); dominant layer {{ $labels.layer }}, origin {{ $labels.origin }}.',
  },
} as const;

export const DEFAULT_RULE: Rule = ruleSchema.parse(DEFAULT_RULE_SPEC);

/** Pure: validate `config.alerts`, fill defaults, check cross references; a ConfigError names the key. */
export function parseAlertsConfig(spec: unknown, where = 'config'): AlertsConfig {
  const r = alertsConfigSchema.safeParse(spec ?? {});
  if (!r.success) {
    throw new ConfigError(r.error.issues.map((i) => `${where}: alerts.${i.path.map(String).join('.')}: ${i.message}`).join('\n'));
  }
  const cfg: AlertsConfig = { ...r.data, rules: r.data.rules ?? [DEFAULT_RULE] };
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const rule of cfg.rules) {
    if (seen.has(rule.name)) problems.push(`alerts.rules: duplicate rule name '${rule.name}'`);
    seen.add(rule.name);
  }
  const receiverNames = new Set<string>();
  for (const rc of cfg.receivers) {
    if (receiverNames.has(rc.name)) problems.push(`alerts.receivers: duplicate receiver name '${rc.name}'`);
    receiverNames.add(rc.name);
  }
  const refs: [string, string[] | undefined][] = [
    ...cfg.rules.map((rl): [string, string[] | undefined] => [`alerts.rules.${rl.name}.receivers`, rl.receivers]),
    ['alerts.capture_deadline.receivers', cfg.capture_deadline.receivers],
    ['alerts.ingest_failures.receivers', cfg.ingest_failures.receivers],
  ];
  for (const [key, names] of refs) {
    for (const n of names ?? []) if (!receiverNames.has(n)) problems.push(`${key}: no receiver named '${n}'`);
  }
  if (problems.length) throw new ConfigError(problems.map((p) => `${where}: ${p}`).join('\n'));
  return cfg;
}
