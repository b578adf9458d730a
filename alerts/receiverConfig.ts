/** Receiver definitions of the `alerts.receivers` list (validated with the rest in rules.ts). */
import { z } from 'zod';
import { parseDuration } from './duration.js';

const timeout = z
  .string()
  .default('10s')
  .transform((s, ctx) => {
    const ms = parseDuration(s);
    if (ms === undefined || ms <= 0) {
      ctx.addIssue({ code: 'custom', message: `not a positive duration: '${s}'` });
      return z.NEVER;
    }
    return ms;
  });

const name = z.string().regex(/^[A-Za-z0-9_.-]+$/, 'letters, digits, _ . -');

export const webhookReceiverSchema = z
  .object({
    name,
    type: z.literal('webhook'),
    url: z.url(),
    /** HMAC-SHA256 key; the body is signed in the X-CQD-Signature header when set. Use ${ENV}. */
    secret: z.string().min(1).optional(),
    timeout,
    headers: z.record(z.string(), z.string()).default({}),
  })
  .strict();

export const teamsReceiverSchema = z
  .object({
    name,
    type: z.literal('teams'),
    /** The Teams Workflows "When a Teams webhook request is received" URL (contains its own signature: use ${ENV}). */
    url: z.url(),
    timeout,
  })
  .strict();

export const emailReceiverSchema = z
  .object({
    name,
    type: z.literal('email'),
    /** Mailbox (UPN or object id) the app sends as, via Graph POST /users/{sender}/sendMail (Mail.Send). */
    sender: z.string().min(1),
    to: z.array(z.string().min(3)).min(1),
    subject_prefix: z.string().default('[cqd-patterns]'),
    timeout,
  })
  .strict();

export const receiverSchema = z.discriminatedUnion('type', [webhookReceiverSchema, teamsReceiverSchema, emailReceiverSchema]);
export type ReceiverConfig = z.infer<typeof receiverSchema>;
export type WebhookReceiverConfig = z.infer<typeof webhookReceiverSchema>;
export type TeamsReceiverConfig = z.infer<typeof teamsReceiverSchema>;
export type EmailReceiverConfig = z.infer<typeof emailReceiverSchema>;
