import { afterEach, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../../core/db.js';
import { migrate } from '../../../core/migrate.js';
import { DIMENSIONS, patternResultSchema } from '../../../transform/patterns/cluster.js';
import { runPatterns, type PatternOptions } from '../../../transform/patterns/runPatterns.js';
import { fillAttempts, type FixtureOptions } from './attemptsFixture.js';

let db: Db | undefined;
afterEach(() => db?.close());

async function setup(o: FixtureOptions): Promise<Db> {
  db = await openDb(':memory:');
  await migrate(db);
  await fillAttempts(db, o);
  return db;
}
const opts = (over: Partial<PatternOptions> = {}): PatternOptions => ({
  from: new Date('2026-02-22T00:00:00Z'),
  to: new Date('2026-03-01T00:00:00Z'),
  baselineFrom: new Date('2026-01-25T00:00:00Z'),
  dims: DIMENSIONS,
  failure: 'auth',
  minUsers: 3,
  maxClusters: 20,
  now: new Date('2026-03-01T01:00:00Z'),
  ...over,
});
const keys = (r: { clusters: { dimensions: Record<string, string | undefined> }[] }) =>
  r.clusters.map((c) => Object.entries(c.dimensions).map(([k, v]) => `${k}=${v}`).join('&'));

describe('runPatterns', () => {
  it('finds injected incidents at their level and ignores the decoys', async () => {
    const d = await setup({
      attempts: 200_000,
      heavyUser: true,
      incidents: [
        { where: "site LIKE 'EMEA/DE/%'", mult: 4 },
        { where: "client_build LIKE 'teams/macOS/%' AND sbc = 'sbc3.contoso.com'", mult: 5 },
      ],
    });
    const res = await runPatterns(d, opts());
    expect(patternResultSchema.parse(res)).toBeTruthy();
    const top = keys(res).slice(0, 5);
    expect(top).toContain('site=EMEA/DE');
    expect(top).toContain('sbc=sbc3.contoso.com&client_build=teams/macOS');
    expect(keys(res).some((k) => k.includes('AMER/US/SEA'))).toBe(false);
    expect(keys(res).some((k) => k.includes('EMEA/FR'))).toBe(false);
    expect(res.single_user.map((u) => u.user)).toContain('u-heavy');
    expect(res.global_change).toBe(false);
    const de = res.clusters.find((c) => c.dimensions.site === 'EMEA/DE');
    expect(de?.users).toBeGreaterThanOrEqual(3);
    expect(de?.daily.length).toBe(7);
    expect(de?.top_sip_codes[0]?.value).toBe('401');
    expect(de?.trend).toBe('new');
    const stored = await d.queryRaw('SELECT count(*)::INTEGER FROM patterns.clusters');
    expect(stored.rows[0]?.[0]).toBe(res.clusters.length);
    // A second run a week later sees the same fingerprint again.
    const again = await runPatterns(d, opts({ now: new Date('2026-03-02T01:00:00Z') }));
    expect(again.clusters.find((c) => c.dimensions.site === 'EMEA/DE')?.trend).toBe('steady');
  });

  it('counts the attempts, failures, days, users and codes a cluster holds, not those an earlier cluster holds', async () => {
    // Two overlapping incidents: macOS failures (also on sbc3) and sbc3 failures. Each failure belongs to the first
    // cluster it falls in, so a later cluster's users come from its own failures only.
    const d = await setup({
      attempts: 200_000,
      incidents: [
        { where: "client_build LIKE 'teams/macOS/%'", mult: 6 },
        { where: "sbc = 'sbc3.contoso.com'", mult: 4 },
      ],
    });
    const res = await runPatterns(d, opts());
    expect(res.clusters.length).toBeGreaterThanOrEqual(2);
    const match = (c: (typeof res.clusters)[number]) =>
      Object.entries(c.dimensions)
        .map(([k, v]) => `(coalesce(${k}, 'unknown') = '${v}' OR starts_with(${k}, '${v}/'))`)
        .join(' AND ');
    for (let k = 0; k < res.clusters.length; k++) {
      const c = res.clusters[k];
      if (!c) continue;
      const earlier = res.clusters.slice(0, k).map((e) => `NOT (${match(e)})`);
      const r = await d.queryRaw(
        `SELECT count(DISTINCT user_p)::INTEGER FROM marts.setup_attempts
         WHERE attempt_ts >= '2026-02-22' AND attempt_ts < '2026-03-01' AND coalesce(auth_linked, false)
           AND ${[match(c), ...earlier].join(' AND ')}`,
      );
      expect({ cluster: k, users: c.users }).toEqual({ cluster: k, users: r.rows[0]?.[0] });
      expect(c.users).toBeLessThanOrEqual(c.failures);
      // Attempts, failures and the daily series count the same attempts: those the cluster holds.
      const held = await d.queryRaw(
        `SELECT count(*)::INTEGER, (count(*) FILTER (WHERE coalesce(auth_linked, false)))::INTEGER FROM marts.setup_attempts
         WHERE attempt_ts >= '2026-02-22' AND attempt_ts < '2026-03-01' AND ${[match(c), ...earlier].join(' AND ')}`,
      );
      const sum = (f: (x: { attempts: number; failures: number }) => number) => c.daily.reduce((n, x) => n + f(x), 0);
      expect({ cluster: k, attempts: c.attempts, failures: c.failures }).toEqual({ cluster: k, attempts: held.rows[0]?.[0], failures: held.rows[0]?.[1] });
      expect({ cluster: k, attempts: sum((x) => x.attempts), failures: sum((x) => x.failures) }).toEqual({ cluster: k, attempts: c.attempts, failures: c.failures });
      expect(c.rate).toBeCloseTo(c.failures / c.attempts, 12);
    }
  });

  it('reports nothing specific for a global surge', async () => {
    const d = await setup({ attempts: 150_000, globalMult: 2 });
    const res = await runPatterns(d, opts({ store: false }));
    expect(res.global_change).toBe(true);
    expect(res.clusters).toEqual([]);
  });

  it('reports nothing when nothing changed', async () => {
    const d = await setup({ attempts: 150_000 });
    const res = await runPatterns(d, opts({ store: false }));
    expect(res.clusters).toEqual([]);
    expect(res.global_change).toBe(false);
  });

  it('accepts a SQL predicate and rejects unsafe ones', async () => {
    const d = await setup({ attempts: 50_000, incidents: [{ where: "sbc = 'sbc1.contoso.com'", mult: 5 }] });
    const res = await runPatterns(d, opts({ store: false, failure: "final_sip_code IN (401, 407) AND layer = 'direct_routing'" }));
    expect(keys(res)[0]).toBe('sbc=sbc1.contoso.com');
    await expect(runPatterns(d, opts({ failure: 'true; DROP TABLE patterns.runs' }))).rejects.toThrow(/;/);
    await expect(runPatterns(d, opts({ failure: "(SELECT count(*) FROM read_csv('x')) > 0" }))).rejects.toThrow(/not a column/);
    await expect(runPatterns(d, opts({ failure: "site || 'x'" }))).rejects.toThrow(/DuckDB rejects|unexpected/);
  });
});
