/**
 * Seeded synthetic RATE cases with small leaves (~5 failures per leaf in the window): 4 attributes, stable
 * per-value rate effects (some values are always worse), binomial noise, 1–3 injected root causes at depth 1–3
 * multiplying the failure rate of their leaves. Ground truth = the injected elements.
 */
import type { RateTable } from '../transform/patterns/leafTable.js';
import { mulberry32 } from '../demo/tenant/prng.js';


function poisson(rnd: () => number, lambda: number): number {
  if (lambda > 60) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * gauss(rnd)));
  const l = Math.exp(-lambda);
  let k = 0;
  let p = 1;
  do {
    k++;
    p *= rnd();
  } while (p > l);
  return k - 1;
}
function gauss(rnd: () => number): number {
  return Math.sqrt(-2 * Math.log(rnd() + 1e-12)) * Math.cos(2 * Math.PI * rnd());
}
function binomial(rnd: () => number, n: number, p: number): number {
  let k = 0;
  for (let i = 0; i < n; i++) if (rnd() < p) k++;
  return k;
}

export interface RateCase {
  table: RateTable;
  truth: string[];
}

const CARD = [6, 12, 8, 5];
const ATTRS = ['a', 'b', 'c', 'd'];

export function makeRateCase(seed: number, eventsPerLeaf = 5): RateCase {
  const rnd = mulberry32(seed);
  const effects = CARD.map((c) => Array.from({ length: c }, () => Math.exp(0.3 * gauss(rnd))));
  const nRoot = 1 + Math.floor(rnd() * 3);
  const roots: Record<string, number>[] = [];
  const truth: string[] = [];
  while (roots.length < nRoot) {
    const depth = 1 + Math.floor(rnd() * 3);
    const attrs = [0, 1, 2, 3].sort(() => rnd() - 0.5).slice(0, depth).sort();
    const el: Record<string, number> = {};
    for (const a of attrs) el[String(a)] = Math.floor(rnd() * (CARD[a] ?? 1));
    const key = attrs.map((a) => `${ATTRS[a]}=${ATTRS[a]}${(el[String(a)] ?? 0) + 1}`).join('&');
    if (truth.includes(key)) continue;
    roots.push(el);
    truth.push(key);
  }
  const mult = roots.map(() => 1.6 + rnd() * 1.4);
  const vals: string[][] = ATTRS.map(() => []);
  const cols = { f: [] as number[], a: [] as number[], bf: [] as number[], ba: [] as number[] };
  const base = 0.1;
  for (let i0 = 0; i0 < (CARD[0] ?? 0); i0++)
    for (let i1 = 0; i1 < (CARD[1] ?? 0); i1++)
      for (let i2 = 0; i2 < (CARD[2] ?? 0); i2++)
        for (let i3 = 0; i3 < (CARD[3] ?? 0); i3++) {
          const idx = [i0, i1, i2, i3];
          let p = base;
          idx.forEach((v, a) => (p *= effects[a]?.[v] ?? 1));
          p = Math.min(p * Math.exp(0.1 * gauss(rnd)), 0.9);
          let pw = p;
          roots.forEach((r, k) => {
            if (Object.entries(r).every(([a, v]) => idx[Number(a)] === v)) pw = Math.min(pw * (mult[k] ?? 1), 0.95);
          });
          const size = Math.exp(0.5 * gauss(rnd)) * (eventsPerLeaf / base);
          const att = poisson(rnd, size);
          const batt = poisson(rnd, size * 4);
          idx.forEach((v, a) => vals[a]?.push(`${ATTRS[a]}${v + 1}`));
          cols.a.push(att);
          cols.f.push(binomial(rnd, att, pw));
          cols.ba.push(batt);
          cols.bf.push(binomial(rnd, batt, p));
        }
  return {
    table: {
      attributes: ATTRS,
      values: vals,
      failures: Float64Array.from(cols.f),
      attempts: Float64Array.from(cols.a),
      baselineFailures: Float64Array.from(cols.bf),
      baselineAttempts: Float64Array.from(cols.ba),
    },
    truth,
  };
}
export { mulberry32 };
