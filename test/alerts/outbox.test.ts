import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fixedClock } from '../../core/clock.js';
import { openDb, type Db } from '../../core/db.js';
import { migrate } from '../../core/migrate.js';
import { clusterCandidates } from '../../alerts/candidates.js';
import { evaluateRule } from '../../alerts/evaluate.js';
import { backoffMs, deliverOutbox, type DeliverDeps } from '../../alerts/outbox.js';
import { globalFetch } from '../../alerts/receivers/http.js';
import { parseAlertsConfig, type AlertsConfig } from '../../alerts/rules.js';
import { commitEvaluation } from '../../alerts/store.js';
import { makeCluster } from './fixtures.js';
import { startReceiver, type TestReceiver } from './httpReceiver.js';

const T0 = '2026-11-28T05:00:00.000Z';
let db: Db;
let rx: TestReceiver;
const clock = fixedClock(T0);

beforeEach(async () => {
  clock.set(T0);
  db = await openDb(':memory:');
  await migrate(db);
});
afterEach(async () => {
  db.close();
  await rx?.close();
});

function config(url: string, over: Record<string, unknown> = {}, timeout = '10s'): AlertsConfig {
  return parseAlertsConfig({ receivers: [{ name: 'hook', type: 'webhook', url, timeout, secret: 's' }], delivery: over });
}

/** Enqueue one firing notification for each of `n` distinct clusters. */
async function enqueue(cfg: AlertsConfig, n: number): Promise<string[]> {
  const rule = cfg.rules[0];
  if (!rule) throw new Error('no rule');
  const clusters = Array.from({ length: n }, (_, i) => makeCluster({ dimensions: { site: `EMEA/DE/B${i}` } }));
  const out = evaluateRule({ rule, receivers: ['hook'], previous: [], active: clusterCandidates(rule, clusters), silences: [], now: clock.now() });
  await commitEvaluation(db, out, clock.now());
  return out.notifications.map((m) => m.idempotencyKey);
}

const deps = (over: Partial<DeliverDeps> = {}): DeliverDeps => ({ db, fetch: globalFetch, now: () => clock.now(), ...over });
const advance = (ms: number) => clock.set(new Date(clock.now().getTime() + ms).toISOString());
const statusRows = () => db.query('SELECT status, count(*)::integer AS n FROM alerts.outbox GROUP BY status ORDER BY status', z.object({ status: z.string(), n: z.number() }));

/** Every enqueued key shows once at a deduplicating receiver, and the outbox has them all delivered. */
async function expectExactlyOnce(keys: string[]) {
  expect([...rx.visible.keys()].sort()).toEqual([...keys].sort());
  expect(await statusRows()).toEqual([{ status: 'delivered', n: keys.length }]);
}

describe('deliverOutbox', () => {
  it('delivers each notification once to a healthy receiver and records it', async () => {
    rx = await startReceiver();
    const cfg = config(rx.url);
    const keys = await enqueue(cfg, 5);
    expect(await deliverOutbox(deps(), cfg.receivers, cfg.delivery)).toEqual({ delivered: 5, retried: 0, dead: 0, deferred: 0 });
    expect(await deliverOutbox(deps(), cfg.receivers, cfg.delivery)).toEqual({ delivered: 0, retried: 0, dead: 0, deferred: 0 });
    await expectExactlyOnce(keys);
    expect([...rx.visible.values()].every((n) => n === 1)).toBe(true);
    const hist = await db.query("SELECT count(*)::integer AS n FROM alerts.history WHERE event = 'delivered'", z.object({ n: z.number() }));
    expect(hist[0]?.n).toBe(5);
  });

  it('retries after a 500 with backoff, then delivers', async () => {
    rx = await startReceiver((n) => (n === 0 ? 500 : 200));
    const cfg = config(rx.url, { concurrency: 1 });
    const keys = await enqueue(cfg, 3);
    const first = await deliverOutbox(deps(), cfg.receivers, cfg.delivery);
    expect(first).toEqual({ delivered: 0, retried: 1, dead: 0, deferred: 2 });
    const second = await deliverOutbox(deps(), cfg.receivers, cfg.delivery);
    expect(second.delivered).toBe(2); // the failed one waits for its backoff
    advance(30_000);
    expect((await deliverOutbox(deps(), cfg.receivers, cfg.delivery)).delivered).toBe(1);
    await expectExactlyOnce(keys);
  });

  it('treats a timeout as retryable', async () => {
    rx = await startReceiver((n) => (n === 0 ? 'hang' : 200));
    const cfg = config(rx.url, { concurrency: 1 }, '500ms');
    const keys = await enqueue(cfg, 2);
    expect((await deliverOutbox(deps(), cfg.receivers, cfg.delivery)).retried).toBe(1);
    const err = await db.query("SELECT last_error FROM alerts.outbox WHERE attempts = 1 AND status = 'pending'", z.object({ last_error: z.string() }));
    expect(err[0]?.last_error).toMatch(/timed out/);
    advance(60_000);
    await deliverOutbox(deps(), cfg.receivers, cfg.delivery);
    await deliverOutbox(deps(), cfg.receivers, cfg.delivery);
    await expectExactlyOnce(keys);
  });

  it('a receiver down for an hour gets every notification once it is back', async () => {
    rx = await startReceiver();
    const cfg = config(rx.url);
    await rx.kill();
    const keys = await enqueue(cfg, 8);
    for (let m = 0; m < 60; m += 5) {
      await deliverOutbox(deps(), cfg.receivers, cfg.delivery);
      advance(5 * 60_000);
    }
    expect(await statusRows()).toEqual([{ status: 'pending', n: 8 }]);
    await rx.restart();
    // Backoff is capped at 10 minutes: within that, everything goes out.
    for (let m = 0; m <= 10; m += 5) {
      await deliverOutbox(deps(), cfg.receivers, cfg.delivery);
      advance(5 * 60_000);
    }
    await expectExactlyOnce(keys);
  });

  it('survives a receiver killed mid-run', async () => {
    rx = await startReceiver();
    rx.setBehaviour((n) => {
      if (n === 4) {
        void rx.kill();
        return 'destroy';
      }
      return 200;
    });
    const cfg = config(rx.url, { concurrency: 2 });
    const keys = await enqueue(cfg, 12);
    const first = await deliverOutbox(deps(), cfg.receivers, cfg.delivery);
    expect(first.delivered).toBeGreaterThanOrEqual(3);
    expect(first.delivered).toBeLessThan(12);
    await rx.restart();
    rx.setBehaviour(() => 200);
    for (let i = 0; i < 4; i++) {
      advance(10 * 60_000);
      await deliverOutbox(deps(), cfg.receivers, cfg.delivery);
    }
    await expectExactlyOnce(keys);
  });

  it('a crash between send and mark resends with the same idempotency key, so nothing duplicates', async () => {
    rx = await startReceiver();
    const cfg = config(rx.url, { concurrency: 1 });
    const keys = await enqueue(cfg, 4);
    let sent = 0;
    const crashing = deps({
      afterSend: () => {
        if (++sent === 2) throw new Error('process killed');
      },
    });
    await expect(deliverOutbox(crashing, cfg.receivers, cfg.delivery)).rejects.toThrow(/process killed/);
    expect(rx.received).toHaveLength(2);
    await deliverOutbox(deps(), cfg.receivers, cfg.delivery);
    // The second notification reached the receiver twice, with the same key and the same bytes …
    const second = rx.received.filter((r) => r.headers['idempotency-key'] === rx.received[1]?.headers['idempotency-key']);
    expect(second).toHaveLength(2);
    expect(second[0]?.body).toBe(second[1]?.body);
    // … so a receiver that honours the key shows each notification once, and none is lost.
    await expectExactlyOnce(keys);
  });

  it('gives up at once on a 4xx and after max_age on anything else', async () => {
    rx = await startReceiver(() => 400);
    const cfg = config(rx.url, { concurrency: 1 });
    await enqueue(cfg, 1);
    expect((await deliverOutbox(deps(), cfg.receivers, cfg.delivery)).dead).toBe(1);
    await rx.close();
    rx = await startReceiver(() => 503);
    const cfg2 = config(rx.url, { concurrency: 1, max_age: '1h' });
    await db.run('DELETE FROM alerts.outbox');
    await enqueue(cfg2, 1);
    for (let i = 0; i < 8; i++) {
      await deliverOutbox(deps(), cfg2.receivers, cfg2.delivery);
      advance(10 * 60_000);
    }
    expect(await statusRows()).toEqual([{ status: 'dead', n: 1 }]);
  });

  it('gives up on a corrupt payload without holding back the others', async () => {
    rx = await startReceiver();
    const cfg = config(rx.url, { concurrency: 1 });
    const keys = await enqueue(cfg, 3);
    await db.run(`UPDATE alerts.outbox SET payload_json = '{"kind":1}' WHERE notification_id = $id`, { id: keys[0] ?? '' });
    expect(await deliverOutbox(deps(), cfg.receivers, cfg.delivery)).toEqual({ delivered: 2, retried: 0, dead: 1, deferred: 0 });
  });

  it('marks notifications of a receiver that was removed from the config as dead', async () => {
    rx = await startReceiver();
    const cfg = config(rx.url);
    await enqueue(cfg, 2);
    expect((await deliverOutbox(deps(), [], cfg.delivery)).dead).toBe(2);
    expect(rx.received).toHaveLength(0);
  });
});

describe('backoffMs', () => {
  it('doubles from the initial wait up to the cap', () => {
    const cfg = { backoff_initial: 30_000, backoff_max: 600_000 };
    expect([1, 2, 3, 4, 5, 6, 50].map((n) => backoffMs(n, cfg))).toEqual([30_000, 60_000, 120_000, 240_000, 480_000, 600_000, 600_000]);
  });
});
