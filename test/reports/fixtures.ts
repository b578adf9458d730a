/**
 * Seeded weekly-report fixtures: a small fake PatternResult and mart rows for week 2026-W47
 * (Mon 16 – Sun 22 Nov 2026, UTC), with a hostile building name to prove escaping.
 */
import type { CaptureStatus } from '../../ingest/deadline.js';
import { fingerprintOf, type Cluster, type Dimensions, type PatternResult } from '../../transform/patterns/cluster.js';
import type { WeeklyReportInput } from '../../reports/weeklyReportInput.js';
import { mulberry32 } from '../../demo/tenant/prng.js';

export const EVIL = '<script>alert("x")</script> & Co';
export const EVIL_SITE = `EMEA/DE/${EVIL}`;


const WEEK_DAYS = ['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20', '2026-11-21', '2026-11-22'];
const SITES = ['AMER/US/SEA', 'APAC/JP/TYO', 'EMEA/DE/BER-HQ', EVIL_SITE, 'EMEA/FR/PAR'];
const SBCS = ['sbc1.contoso.com', 'sbc2.contoso.com', 'microsoft', 'none'];
const BUILDS = ['teams/windows/24215.1', 'teams/windows/24300.2', 'teams/macOS/24215.1', 'sipDevice/Poly VVX 450/6.4.3'];
const CARRIERS = ['sbc1.contoso.com/DE', 'sbc1.contoso.com/FR', 'Microsoft/US', 'sbc2.contoso.com/GB'];

function dayList(from: string, n: number): string[] {
  const t0 = Date.parse(`${from}T00:00:00Z`);
  return Array.from({ length: n }, (_, i) => new Date(t0 + i * 86_400_000).toISOString().slice(0, 10));
}

function cluster(dims: Dimensions, o: Partial<Cluster> & { failures: number; expected: number; seed: number }): Cluster {
  const r = rng(o.seed);
  const daily = WEEK_DAYS.map((day, i) => {
    const exp = o.expected / 7;
    const failures = Math.round(exp * (i < 3 ? 1 : 1 + (o.failures / o.expected - 1) * 1.7) * (0.8 + 0.4 * r()));
    return { day, attempts: 400 + Math.floor(r() * 50), failures, expected: Math.round(exp * 10) / 10 };
  });
  const { seed: _s, expected, ...rest } = o;
  return {
    fingerprint: fingerprintOf(dims),
    dimensions: dims,
    attempts: 3000,
    users: 25,
    rate: o.failures / 3000,
    expected_failures: expected,
    baseline_rate: expected / 3000,
    score: 10,
    excess_share: 0.4,
    top_sip_codes: [],
    top_ms_codes: [],
    layers: [],
    origins: [],
    first_seen: '2026-11-18T08:12:00Z',
    daily,
    trend: 'new',
    ...rest,
  };
}

export function fakePatterns(): PatternResult {
  return {
    window: { from: '2026-11-16T00:00:00.000Z', to: '2026-11-23T00:00:00.000Z', baseline_from: '2026-10-19T00:00:00.000Z' },
    failure: 'auth',
    totals: { attempts: 40_000, failures: 1_150, expected_failures: 800, baseline_rate: 0.02 },
    global_change: false,
    clusters: [
      cluster({ site: 'EMEA/DE', client_build: 'teams/macOS/24215.1' }, {
        failures: 240, expected: 60, seed: 1, users: 31,
        top_sip_codes: [{ value: '401', count: 180 }, { value: '403', count: 40 }],
        layers: [{ value: 'client_sign_in', count: 200 }, { value: 'direct_routing', count: 40 }],
        origins: [{ value: 'client', count: 200 }, { value: 'sbc', count: 40 }],
      }),
      cluster({ sbc: 'sbc1.contoso.com', carrier_path: 'sbc1.contoso.com/FR' }, {
        failures: 150, expected: 50, seed: 2, trend: 'growing', first_seen: '2026-11-02T10:00:00Z',
        top_sip_codes: [{ value: '407', count: 120 }],
        top_ms_codes: [{ value: '560407', count: 120 }, { value: '510560', count: 5 }],
        layers: [{ value: 'direct_routing', count: 150 }],
        origins: [{ value: 'sbc', count: 150 }],
      }),
      cluster({ site: EVIL_SITE }, {
        failures: 90, expected: 40, seed: 3, trend: 'shrinking',
        top_ms_codes: [{ value: '510560', count: 70 }],
        layers: [{ value: 'phone_config', count: 90 }],
        origins: [{ value: 'microsoft', count: 90 }],
      }),
    ],
    single_user: [
      { user: 'u_3f9a1c0d', failures: 42, attempts: 44, dimensions: { site: 'EMEA/FR/PAR', client_build: 'sipDevice/Poly VVX 450/6.4.3' }, top_sip_codes: [{ value: '401', count: 42 }], note: 'one device retrying with stale credentials' },
    ],
  };
}

export function fakeCapture(): CaptureStatus[] {
  return [
    { source: 'callRecords', retentionDays: 30, capturedUntil: '2026-11-23T06:00:00Z', oldestUncaptured: null, daysLeft: null, level: 'ok' },
    { source: 'directRoutingCalls', retentionDays: 30, capturedUntil: '2026-11-23T06:00:00Z', oldestUncaptured: '2026-10-30T00:00:00.000Z', daysLeft: 5.5, level: 'warn' },
    { source: 'pstnCalls', retentionDays: 30, capturedUntil: null, oldestUncaptured: '2026-10-24T07:00:00.000Z', daysLeft: 0, level: 'lost' },
    { source: 'signIns', retentionDays: 30, capturedUntil: '2026-11-23T06:00:00Z', oldestUncaptured: null, daysLeft: null, level: 'ok' },
  ];
}

export function fakeInput(): WeeklyReportInput {
  const r = rng(47);
  const days = dayList('2026-10-19', 35);
  const daily = days.map((day, i) => {
    const attempts = 5000 + Math.floor(r() * 400);
    const auth = Math.round(80 + r() * 20 + (i >= 28 && i >= 30 ? 60 : 0));
    return { day, attempts, failures: auth + 40, auth_failures: auth };
  });
  const heat = SITES.flatMap((site, i) => SBCS.map((sbc, j) => ({ site, sbc, attempts: 500 + 37 * i + 11 * j, failures: 5 + ((i * 7 + j * 13) % 23) * 3 })));
  const builds = dayList('2026-11-09', 14).flatMap((day, i) =>
    BUILDS.map((b, j) => ({ day, client_build: b, attempts: 800, failures: j === 1 ? (i >= 9 ? 5 : 0) : j === 0 ? (i >= 9 ? 8 : 20) : 4 + j + (i % 3) })),
  );
  const carriers = CARRIERS.map((carrier_path, i) => ({ carrier_path, attempts: 2000 + i * 300, failures: 30 + ((i * 17) % 40) }));
  const layers = [
    { layer: 'client_sign_in', failure_origin: 'client', failures: 520 },
    { layer: 'direct_routing', failure_origin: 'sbc', failures: 310 },
    { layer: 'direct_routing', failure_origin: 'microsoft', failures: 95 },
    { layer: 'phone_config', failure_origin: 'microsoft', failures: 110 },
    { layer: 'sip_device', failure_origin: 'microsoft', failures: 60 },
    { layer: 'other', failure_origin: 'microsoft', failures: 55 },
  ];
  return {
    week: '2026-W47',
    timezone: 'UTC',
    window: { from: '2026-11-16T00:00:00.000Z', to: '2026-11-23T00:00:00.000Z' },
    generatedAt: '2026-11-23T07:00:00.000Z',
    tenant: 'Contoso <demo>',
    patterns: fakePatterns(),
    headline: [
      { period: 'current', attempts: 40_000, failures: 1_150, auth_failures: 820, users: 2_900, auth_users: 310 },
      { period: 'previous', attempts: 39_000, failures: 900, auth_failures: 610, users: 2_850, auth_users: 240 },
    ],
    daily,
    heat,
    builds,
    carriers,
    layers,
    capture: fakeCapture(),
    unmapped: [{ site: 'unmapped:10.20.30.0', attempts: 120, failures: 9, users: 14 }],
  };
}

/** Small deterministic PRNG (mulberry32). */
export const rng = mulberry32;
