/** The shapes shared by evaluation, the store, the outbox and the receivers. */
import { z } from 'zod';
import { matcherSchema } from './matcher.js';

export const ALERT_STATUSES = ['pending', 'firing', 'resolved'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

const valuesSchema = z.record(z.string(), z.union([z.number(), z.string()]));
const adviceSchema = z.object({ title: z.string(), steps: z.array(z.string()) });

/** One (rule, fingerprint) alert as kept between evaluations (Prometheus' active alert + Alertmanager's notify log). */
export const alertStateSchema = z.object({
  rule: z.string(),
  fingerprint: z.string(),
  status: z.enum(ALERT_STATUSES),
  labels: z.record(z.string(), z.string()),
  annotations: z.record(z.string(), z.string()),
  /** The numbers of the last evaluation where the condition held. */
  values: valuesSchema,
  advice: adviceSchema.nullable(),
  /** Consecutive evaluations the condition held (drives `for`). */
  activeCount: z.number().int(),
  /** First evaluation of the current streak. */
  activeAt: z.string(),
  /** When it went firing: the episode; null while pending. */
  firedAt: z.string().nullable(),
  lastActiveAt: z.string(),
  /** First evaluation the condition no longer held while firing (Prometheus' KeepFiringSince). */
  keepFiringSince: z.string().nullable().default(null),
  /** Last firing or reminder notification enqueued. */
  lastNotifiedAt: z.string().nullable(),
  /** A firing notification was enqueued for this episode (a silenced alert has none until the silence ends). */
  notified: z.boolean(),
  resolvedAt: z.string().nullable(),
  /** Ids of the silences that muted it at the last evaluation. */
  silencedBy: z.array(z.string()),
});
export type AlertState = z.infer<typeof alertStateSchema>;

/** What a rule sees as "condition holds now" for one fingerprint. */
export interface Candidate {
  fingerprint: string;
  labels: Record<string, string>;
  /** Already rendered from the rule's templates. */
  annotations: Record<string, string>;
  values: Record<string, number | string>;
  advice: { title: string; steps: string[] } | null;
}

export type NotificationKind = 'firing' | 'reminder' | 'resolved';

/** The body every receiver renders from (stored as JSON in the outbox). */
export const alertMessageSchema = z.object({
  idempotencyKey: z.string(),
  kind: z.enum(['firing', 'reminder', 'resolved']),
  status: z.enum(['firing', 'resolved']),
  receiver: z.string(),
  rule: z.string(),
  fingerprint: z.string(),
  labels: z.record(z.string(), z.string()),
  annotations: z.record(z.string(), z.string()),
  values: valuesSchema,
  advice: adviceSchema.nullable(),
  startsAt: z.string(),
  endsAt: z.string().nullable(),
  externalUrl: z.string().nullable(),
  sentAt: z.string(),
});
export type AlertMessage = z.infer<typeof alertMessageSchema>;

export interface Transition {
  rule: string;
  fingerprint: string;
  from: AlertStatus | 'inactive';
  to: AlertStatus | 'inactive';
  at: string;
  labels: Record<string, string>;
  values: Record<string, number | string>;
}

export const silenceSchema = z.object({
  id: z.string(),
  matchers: z.array(matcherSchema),
  startsAt: z.string(),
  endsAt: z.string(),
  createdBy: z.string(),
  comment: z.string(),
});
export type Silence = z.infer<typeof silenceSchema>;

/** The settings the state machine needs from any rule (cluster or built-in). */
export interface RuleTiming {
  name: string;
  for: number;
  keep_firing_for: number;
  repeat_interval: number;
  send_resolved: boolean;
}
