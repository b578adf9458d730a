/**
 * Generic webhook receiver: an Alertmanager-style JSON body (version 4, one alert per message) plus a
 * `cqd` block with the numbers and what to check. Signed with HMAC-SHA256 over the raw body:
 *   X-CQD-Signature: sha256=<hex>        (verify with verifySignature)
 *   Idempotency-Key: <notification id>   (the same on every retry of one notification)
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { WebhookReceiverConfig } from '../receiverConfig.js';
import type { AlertMessage } from '../types.js';
import { postJson, type FetchLike } from './http.js';

export const SIGNATURE_HEADER = 'X-CQD-Signature';
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

export function webhookBody(m: AlertMessage): object {
  return {
    version: '4',
    groupKey: `${m.rule}:${m.fingerprint}`,
    status: m.status,
    receiver: m.receiver,
    groupLabels: { alertname: m.rule },
    commonLabels: m.labels,
    commonAnnotations: m.annotations,
    externalURL: m.externalUrl ?? '',
    truncatedAlerts: 0,
    alerts: [
      {
        status: m.status,
        labels: m.labels,
        annotations: m.annotations,
        startsAt: m.startsAt,
        endsAt: m.endsAt ?? '0001-01-01T00:00:00Z',
        generatorURL: m.externalUrl ?? '',
        fingerprint: m.fingerprint,
      },
    ],
    cqd: { kind: m.kind, idempotencyKey: m.idempotencyKey, values: m.values, whatToCheck: m.advice, sentAt: m.sentAt },
  };
}

export function signBody(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** Constant-time check of a signature header against the raw body (what a receiver does). */
export function verifySignature(body: string, header: string | undefined, secret: string): boolean {
  if (!header) return false;
  const expected = Buffer.from(signBody(body, secret));
  const got = Buffer.from(header);
  return expected.length === got.length && timingSafeEqual(expected, got);
}

export async function sendWebhook(fetchImpl: FetchLike, cfg: WebhookReceiverConfig, m: AlertMessage): Promise<void> {
  const body = JSON.stringify(webhookBody(m));
  const headers: Record<string, string> = { ...cfg.headers, [IDEMPOTENCY_HEADER]: m.idempotencyKey };
  if (cfg.secret) headers[SIGNATURE_HEADER] = signBody(body, cfg.secret);
  await postJson(fetchImpl, cfg.url, body, headers, cfg.timeout);
}
