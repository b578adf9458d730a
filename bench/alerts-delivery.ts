/**
 * Delivery throughput from the outbox to a local webhook receiver (127.0.0.1), against a baseline in the
 * same process: the same signed bodies POSTed with plain fetch, no outbox bookkeeping.
 *   npx tsx bench/alerts-delivery.ts [notifications]
 */
import { performance } from 'node:perf_hooks';
import { openDb } from '../core/db.js';
import { migrate } from '../core/migrate.js';
import { clusterCandidates } from '../alerts/candidates.js';
import { evaluateRule } from '../alerts/evaluate.js';
import { deliverOutbox } from '../alerts/outbox.js';
import { globalFetch } from '../alerts/receivers/http.js';
import { sendWebhook } from '../alerts/receivers/webhook.js';
import { parseAlertsConfig } from '../alerts/rules.js';
import { commitEvaluation } from '../alerts/store.js';
import { manyClusters } from '../test/alerts/fixtures.js';
import { startReceiver } from '../test/alerts/httpReceiver.js';

const n = Number(process.argv[2] ?? 500);
const rx = await startReceiver();
const now = new Date('2026-11-28T05:00:00.000Z');

async function run(concurrency: number): Promise<{ raw: number; outbox: number }> {
  const cfg = parseAlertsConfig({
    receivers: [{ name: 'hook', type: 'webhook', url: rx.url, secret: 'bench' }],
    rules: [{ name: 'Bench', condition: {} }],
    delivery: { concurrency },
  });
  const rule = cfg.rules[0];
  const receiver = cfg.receivers[0];
  if (!rule || !receiver || receiver.type !== 'webhook') throw new Error('bench config');
  const out = evaluateRule({ rule, receivers: ['hook'], previous: [], active: clusterCandidates(rule, manyClusters(n, concurrency)), silences: [], now });

  // Baseline: the same messages, plain signed POSTs, same concurrency.
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < out.notifications.length) {
        const m = out.notifications[next++];
        if (m) await sendWebhook(globalFetch, receiver, m);
      }
    }),
  );
  const raw = performance.now() - t0;

  const db = await openDb(':memory:');
  await migrate(db);
  await commitEvaluation(db, out, now);
  const t1 = performance.now();
  const r = await deliverOutbox({ db, fetch: globalFetch, now: () => now }, cfg.receivers, cfg.delivery);
  const outbox = performance.now() - t1;
  db.close();
  if (r.delivered !== n) throw new Error(`delivered ${r.delivered} of ${n}`);
  return { raw, outbox };
}

console.log(`notifications=${n}`);
for (const c of [1, 4]) {
  const { raw, outbox } = await run(c);
  const rate = (ms: number) => ((n * 1000) / ms).toFixed(0);
  console.log(
    `concurrency ${c}: plain POST ${rate(raw)}/s (${raw.toFixed(0)} ms) · outbox ${rate(outbox)}/s (${outbox.toFixed(0)} ms) · outbox/plain time ratio ${(outbox / raw).toFixed(2)}x`,
  );
}
await rx.close();
