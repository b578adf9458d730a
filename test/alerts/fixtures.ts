/** Seeded builders for clusters, snapshots and configs used by the alert tests and benchmarks. */
import { fingerprintOf, type Cluster, type Dimensions } from '../../transform/patterns/cluster.js';
import type { Snapshot } from '../../alerts/evaluateAll.js';
import { mulberry32 } from '../../demo/tenant/prng.js';

export function makeCluster(over: Partial<Cluster> & { dimensions?: Dimensions } = {}): Cluster {
  const dimensions = over.dimensions ?? { sbc: 'sbc3.contoso.com' };
  return {
    fingerprint: fingerprintOf(dimensions),
    dimensions,
    failures: 40,
    attempts: 400,
    users: 9,
    rate: 0.1,
    expected_failures: 8,
    baseline_rate: 0.02,
    score: 25,
    excess_share: 0.6,
    top_sip_codes: [{ value: '401', count: 30 }, { value: '407', count: 10 }],
    top_ms_codes: [{ value: '560401', count: 30 }],
    layers: [{ value: 'direct_routing', count: 40 }],
    origins: [{ value: 'sbc', count: 38 }, { value: 'microsoft', count: 2 }],
    first_seen: '2026-11-01T08:00:00.000Z',
    daily: [],
    trend: 'new',
    ...over,
  };
}

export function makeSnapshot(createdAt: string, clusters: Cluster[], over: Partial<Snapshot> = {}): Snapshot {
  const to = Date.parse(createdAt);
  return {
    runId: `run-${createdAt}`,
    createdAt,
    windowFrom: new Date(to - 86_400_000).toISOString(),
    windowTo: new Date(to).toISOString(),
    failure: 'auth',
    clusters,
    ...over,
  };
}


const LAYERS = ['client_sign_in', 'phone_config', 'sip_device', 'direct_routing', 'other'];

/** `n` distinct clusters with seeded numbers, for volume tests and the benchmark. */
export function manyClusters(n: number, seed = 1): Cluster[] {
  const r = rng(seed);
  const out: Cluster[] = [];
  for (let i = 0; i < n; i++) {
    const dimensions: Dimensions = { site: `EMEA/DE/B${i % 500}`, sbc: `sbc${i % 40}.contoso.com`, client_build: `teams/windows/${1000 + Math.floor(i / 20000)}.${i}` };
    const failures = Math.floor(r() * 80);
    const expected = r() * 30;
    out.push(
      makeCluster({
        dimensions,
        failures,
        users: Math.floor(r() * 12),
        expected_failures: expected,
        score: r() * 40,
        rate: r() * 0.3,
        layers: [{ value: LAYERS[i % LAYERS.length] ?? 'other', count: failures }],
      }),
    );
  }
  return out;
}

/** A deterministic pseudo-random generator (mulberry32). */
export const rng = mulberry32;
