import { describe, expect, it } from 'vitest';
import type { RateTable } from '../../../transform/patterns/leafTable.js';
import { localize } from '../../../transform/patterns/localize.js';
import { rateToLeafTable } from '../../../transform/patterns/rateToLeafTable.js';

/** Seeded generator so the fixtures are the same on every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
function binomial(r: () => number, n: number, p: number): number {
  let k = 0;
  for (let i = 0; i < n; i++) if (r() < p) k++;
  return k;
}

const SITES = ['EMEA/DE/BER', 'EMEA/DE/MUC', 'EMEA/FR/PAR', 'AMER/US/NYC', 'AMER/US/SEA', 'APAC/JP/TYO'];
const SBCS = ['sbc1', 'sbc2', 'sbc3'];
const BUILDS = ['teams/windows/1', 'teams/windows/2', 'teams/macOS/1', 'teams/macOS/2'];
const CARRIERS = ['c1/DE', 'c1/FR', 'c2/US'];

type Leaf = { site: string; sbc: string; client_build: string; carrier_path: string };
/** A call-data-like rate table: every leaf 200 window attempts, 800 baseline, rate 5%, times mult(leaf) in the window. */
function table(mult: (l: Leaf) => number, seed = 7, attempts = 200, rate = 0.05): RateTable {
  const r = rng(seed);
  const vals: string[][] = [[], [], [], []];
  const f: number[] = [];
  const a: number[] = [];
  const bf: number[] = [];
  const ba: number[] = [];
  for (const site of SITES)
    for (const sbc of SBCS)
      for (const client_build of BUILDS)
        for (const carrier_path of CARRIERS) {
          const leaf = { site, sbc, client_build, carrier_path };
          [site, sbc, client_build, carrier_path].forEach((v, i) => vals[i]?.push(v));
          a.push(attempts);
          ba.push(attempts * 4);
          f.push(binomial(r, attempts, Math.min(rate * mult(leaf), 1)));
          bf.push(binomial(r, attempts * 4, rate));
        }
  return {
    attributes: ['site', 'sbc', 'client_build', 'carrier_path'],
    values: vals,
    hierarchical: [true, false, true, true],
    failures: Float64Array.from(f),
    attempts: Float64Array.from(a),
    baselineFailures: Float64Array.from(bf),
    baselineAttempts: Float64Array.from(ba),
  };
}
const run = (t: RateTable) => localize(rateToLeafTable(t).table, { direction: 'up' });
const keys = (t: RateTable) => run(t).elements.map((e) => e.key);

describe('localize', () => {
  it('reports nothing when nothing changed', () => {
    const res = run(table(() => 1));
    expect(res.elements).toEqual([]);
    expect(res.globalChange).toBe(false);
  });

  it('finds a single hot leaf', () => {
    const hot = (l: Leaf) => l.site === 'EMEA/DE/MUC' && l.sbc === 'sbc2' && l.client_build === 'teams/windows/1' && l.carrier_path === 'c1/FR';
    expect(keys(table((l) => (hot(l) ? 6 : 1)))).toEqual(['site=EMEA/DE/MUC&sbc=sbc2&client_build=teams/windows/1&carrier_path=c1/FR']);
  });

  it('reports a hot parent, not its uniform children', () => {
    expect(keys(table((l) => (l.client_build.startsWith('teams/macOS/') ? 3 : 1)))).toEqual(['client_build=teams/macOS']);
    expect(keys(table((l) => (l.site.startsWith('EMEA/DE/') ? 3 : 1)))).toEqual(['site=EMEA/DE']);
  });

  it('reports the one hot child under a large parent', () => {
    expect(keys(table((l) => (l.site === 'AMER/US/SEA' ? 3 : 1)))).toEqual(['site=AMER/US/SEA']);
  });

  it('separates two independent incidents', () => {
    const k = keys(table((l) => (l.sbc === 'sbc3' && l.site.startsWith('APAC') ? 4 : l.client_build === 'teams/windows/2' ? 2.5 : 1)));
    expect(k.sort()).toEqual(['client_build=teams/windows/2', 'site=APAC&sbc=sbc3'].sort());
  });

  it('reports a parent whose children all deviate by different amounts, not its hottest child', () => {
    // Sparse leaves (0.4 expected failures each). sbc3 fails in every region, most in EMEA (busier when it failed):
    // the rest of sbc3 is elevated too, and the data cannot tell EMEA's ratio from the rest's.
    const sparse = (mult: (l: Leaf) => number, seed: number) => table(mult, seed, 20, 0.02);
    // (Seed 10: the greedy search alone takes site=EMEA&sbc=sbc3, the hottest child, which scores best.)
    const all = (l: Leaf) => (l.sbc !== 'sbc3' ? 1 : l.site.startsWith('EMEA') ? 6 : 3);
    for (const seed of [7, 9, 10, 11]) expect(keys(sparse(all, seed))).toEqual(['sbc=sbc3']);
    // Only EMEA's sbc3 leaves fail, the rest of sbc3 stays at its baseline: the child is reported.
    const one = (l: Leaf) => (l.sbc === 'sbc3' && l.site.startsWith('EMEA') ? 6 : 1);
    for (const seed of [7, 9, 10, 11]) expect(keys(sparse(one, seed))).toEqual(['site=EMEA&sbc=sbc3']);
  });

  it('calls a surge shared by everything a global change and names nothing', () => {
    const res = run(table(() => 2));
    expect(res.elements).toEqual([]);
    expect(res.globalChange).toBe(true);
    expect(res.globalRatio).toBeGreaterThan(1.8);
  });

  it('ignores sparse noise (a couple of extra failures on one thin leaf)', () => {
    const t = table(() => 1, 11, 5, 0.2);
    t.failures[17] = (t.failures[17] ?? 0) + 2;
    expect(run(t).elements).toEqual([]);
  });

  it('breaks ties of identical coverage by fewer dimensions, then dimension order, then coarser level', () => {
    // site=APAC/JP/TYO is the only building of APAC: the three levels cover the same leaves; the coarsest wins.
    expect(keys(table((l) => (l.site === 'APAC/JP/TYO' ? 3 : 1)))).toEqual(['site=APAC']);
  });

  it('works on an additive table (falling values, relative noise)', () => {
    const r = rng(3);
    const vals: string[][] = [[], []];
    const obs: number[] = [];
    const exp: number[] = [];
    for (let x = 0; x < 8; x++)
      for (let y = 0; y < 8; y++) {
        vals[0]?.push(`x${x}`);
        vals[1]?.push(`y${y}`);
        const e = 100 + 50 * x + 10 * y;
        exp.push(e);
        obs.push(e * (1 + 0.01 * (r() - 0.5)) * (x === 2 ? 0.6 : 1) * (x === 5 && y === 1 ? 1.5 : 1));
      }
    const res = localize({ attributes: ['x', 'y'], values: vals, observed: Float64Array.from(obs), expected: Float64Array.from(exp), counts: false });
    expect(res.elements.map((e) => e.key).sort()).toEqual(['x=x2', 'x=x5&y=y1']);
  });
});
