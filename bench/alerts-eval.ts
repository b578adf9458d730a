/**
 * Alert evaluation time: 10 k clusters × 100 rules through evaluateAll (the pure step of `alerts eval`
 * between reading and writing the database), with the previous evaluation's states as input.
 * Baseline in the same process: the same clusters under 1 rule. Two rule sets: "selective" (realistic
 * thresholds, few alerts) and "broad" (most clusters match most rules: ~190 k active alerts, a worst case).
 * CPU time (user+system) is reported beside wall time because the machine is shared.
 *   npx tsx bench/alerts-eval.ts [clusters] [rules]
 */
import { performance } from 'node:perf_hooks';
import { openDb } from '../core/db.js';
import { migrate } from '../core/migrate.js';
import { evaluateAll } from '../alerts/evaluateAll.js';
import { commitEvaluation, loadStates } from '../alerts/store.js';
import { parseAlertsConfig, type AlertsConfig } from '../alerts/rules.js';
import { makeSnapshot, manyClusters, rng } from '../test/alerts/fixtures.js';

const nClusters = Number(process.argv[2] ?? 10_000);
const nRules = Number(process.argv[3] ?? 100);
const now = new Date('2026-11-28T05:00:00.000Z');
const snapshot = makeSnapshot('2026-11-28T04:30:00.000Z', manyClusters(nClusters, 7));

function rules(n: number, broad: boolean): AlertsConfig {
  const r = rng(11);
  const layers = ['client_sign_in', 'phone_config', 'sip_device', 'direct_routing', 'other'];
  return parseAlertsConfig({
    receivers: [{ name: 'hook', type: 'webhook', url: 'http://127.0.0.1:1/x' }],
    rules: Array.from({ length: n }, (_, i) => ({
      name: `rule_${i}`,
      condition: {
        failures: { gte: broad ? Math.floor(r() * 60) : 60 + Math.floor(r() * 20) },
        users: broad ? Math.floor(r() * 6) : 8 + Math.floor(r() * 3),
        observed_over_expected: { gte: broad ? 1 + r() * 3 : 3 + r() * 3 },
        ...(i % 3 === 0 ? { layers: [layers[i % layers.length]] } : {}),
        ...(i % 4 === 0 ? { match: [`sbc=sbc${i % 10}.*`] } : {}),
      },
      annotations: { summary: '{{ $values.failures }} failures on {{ $labels.scope }}' },
      for: 1 + (i % 3),
    })),
  });
}

interface Timing {
  wall: number;
  cpu: number;
  states: number;
}

function time(cfg: AlertsConfig, rounds: number): Timing {
  let previous = evaluateAll({ config: cfg, snapshots: [snapshot], previous: [], silences: [], now }).states;
  const best: Timing = { wall: Infinity, cpu: Infinity, states: 0 };
  for (let i = 0; i < rounds; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const out = evaluateAll({ config: cfg, snapshots: [snapshot], previous, silences: [], now: new Date(now.getTime() + (i + 1) * 60_000) });
    const wall = performance.now() - t0;
    const c = process.cpuUsage(c0);
    best.wall = Math.min(best.wall, wall);
    best.cpu = Math.min(best.cpu, (c.user + c.system) / 1000);
    best.states = out.states.length;
    previous = out.states;
  }
  return best;
}

const fmt = (t: Timing) => `wall ${t.wall.toFixed(0).padStart(6)} ms  cpu ${t.cpu.toFixed(0).padStart(6)} ms  (${t.states} alerts)`;
console.log(`clusters=${nClusters} rules=${nRules}`);
for (const broad of [false, true]) {
  const base = time(rules(1, broad), 5);
  const full = time(rules(nRules, broad), 3);
  const label = broad ? 'broad' : 'selective';
  console.log(`${label.padEnd(9)} 1 rule:      ${fmt(base)}`);
  console.log(`${label.padEnd(9)} ${nRules} rules:  ${fmt(full)}`);
  console.log(`${label.padEnd(9)} ratio ${nRules} rules / 1 rule: cpu ${(full.cpu / base.cpu).toFixed(1)}x, wall ${(full.wall / base.wall).toFixed(1)}x; ${((full.cpu * 1e6) / (nClusters * nRules)).toFixed(0)} ns cpu per (rule, cluster)`);
}

// The IO around it: committing the selective outcome (states + outbox + history) and reading the states back.
const db = await openDb(':memory:');
await migrate(db);
const sel = rules(nRules, false);
const outcome = evaluateAll({ config: sel, snapshots: [snapshot], previous: [], silences: [], now });
let t = performance.now();
await commitEvaluation(db, outcome, now);
const commitMs = performance.now() - t;
t = performance.now();
const back = await loadStates(db);
const loadMs = performance.now() - t;
db.close();
console.log(`commit ${outcome.states.length} states + ${outcome.notifications.length} notifications: ${commitMs.toFixed(0)} ms wall; load ${back.length} states back: ${loadMs.toFixed(0)} ms wall`);
