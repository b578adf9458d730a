import { afterEach, describe, expect, it } from 'vitest';
import { DeliveryError, globalFetch } from '../../../alerts/receivers/http.js';
import { IDEMPOTENCY_HEADER, sendWebhook, signBody, verifySignature, webhookBody } from '../../../alerts/receivers/webhook.js';
import { webhookReceiverSchema } from '../../../alerts/receiverConfig.js';
import { sampleMessage } from '../../../alerts/sample.js';
import { deadPort, startReceiver, type TestReceiver } from '../httpReceiver.js';

const msg = sampleMessage('hook', new Date('2026-11-28T05:00:00.000Z'), 'https://reports.example.com/weekly');
let rx: TestReceiver | undefined;
afterEach(async () => {
  await rx?.close();
  rx = undefined;
});

const cfg = (url: string, extra: Record<string, unknown> = {}) => webhookReceiverSchema.parse({ name: 'hook', type: 'webhook', url, ...extra });

describe('webhook receiver', () => {
  it('posts an Alertmanager-style body signed with HMAC-SHA256 over the raw bytes', async () => {
    rx = await startReceiver();
    await sendWebhook(globalFetch, cfg(rx.url, { secret: 'k3y', headers: { 'X-Team': 'voice' } }), msg);
    const req = rx.received[0];
    expect(req).toBeDefined();
    if (!req) return;
    const sig = req.headers['x-cqd-signature'];
    expect(typeof sig).toBe('string');
    expect(verifySignature(req.body, String(sig), 'k3y')).toBe(true);
    expect(verifySignature(req.body, String(sig), 'other')).toBe(false);
    expect(verifySignature(req.body + ' ', String(sig), 'k3y')).toBe(false);
    expect(req.headers[IDEMPOTENCY_HEADER.toLowerCase()]).toBe(msg.idempotencyKey);
    expect(req.headers['x-team']).toBe('voice');
    const body: unknown = JSON.parse(req.body);
    expect(body).toMatchObject({ version: '4', status: 'firing', receiver: 'hook', alerts: [{ status: 'firing', fingerprint: msg.fingerprint }] });
    expect(body).toMatchObject({ cqd: { kind: 'firing', values: { failures: 42 }, whatToCheck: { title: expect.stringMatching(/SBC/) } } });
  });

  it('sends no signature header without a secret', async () => {
    rx = await startReceiver();
    await sendWebhook(globalFetch, cfg(rx.url), msg);
    expect(rx.received[0]?.headers['x-cqd-signature']).toBeUndefined();
  });

  it('signs the exact bytes it sends', () => {
    const body = JSON.stringify(webhookBody(msg));
    expect(signBody(body, 's')).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifySignature(body, signBody(body, 's'), 's')).toBe(true);
    expect(verifySignature(body, undefined, 's')).toBe(false);
  });

  it('classifies failures: 500 and timeouts retry, 400 does not, connection refused retries', async () => {
    rx = await startReceiver((n) => (n === 0 ? 500 : n === 1 ? 400 : 'hang'));
    const err = async (timeout = '10s') => sendWebhook(globalFetch, cfg(rx?.url ?? '', { timeout }), msg).then(() => undefined, (e: unknown) => e);
    const e500 = await err();
    expect(e500).toBeInstanceOf(DeliveryError);
    expect(e500).toMatchObject({ permanent: false, status: 500 });
    expect(await err()).toMatchObject({ permanent: true, status: 400 });
    const timeout = await err('300ms');
    expect(timeout).toMatchObject({ permanent: false });
    expect(String((timeout as Error).message)).toMatch(/timed out after 300 ms/);
    const refused = await sendWebhook(globalFetch, cfg(`http://127.0.0.1:${await deadPort()}/x`), msg).then(() => undefined, (e: unknown) => e);
    expect(refused).toMatchObject({ permanent: false });
    expect(String((refused as Error).message)).toMatch(/connection failed/);
  });
});
