/**
 * Rate measure → additive counts: expected failures of a leaf = its window attempts × its baseline rate, where the
 * baseline rate is never the leaf's own ratio alone (with ~5 events that ratio is noise). Empirical Bayes:
 *  1. a main-effects prior q_i = p0 · Π_a m_a(value): a Poisson log-linear fit (iterative proportional fitting) of the
 *     baseline failures on each attribute's values, each factor pulled toward 1 by one pseudo-failure so thin values
 *     stay near the overall rate. A site that is always worse gets its own factor, so it is expected, not "hot";
 *  2. the leaf's rate shrunk toward its prior: p̂_i = (bf_i + k q_i)/(ba_i + k), with the prior strength k (in attempts)
 *     estimated from the data by the method of moments of a beta-binomial (no tuned constant).
 * Observed = window failures; the result is a count table (Poisson noise) when failures are integers, else the
 * relative-error model applies (a numerator that is itself a forecast or a scaled measure).
 */
import { leafCount, looksLikeCounts, type LeafTable, type RateTable } from './leafTable.js';

const IPF_ITERATIONS = 8;
/** Pseudo-failures pulling each main-effect factor toward 1 (a weak prior: one event). */
const PSEUDO_FAILURES = 1;

export interface RateExpectation {
  table: LeafTable;
  baselineRate: number;
  priorStrength: number;
}

export function rateToLeafTable(t: RateTable): RateExpectation {
  const n = leafCount(t, [t.failures, t.attempts, t.baselineFailures, t.baselineAttempts]);
  const bf = t.baselineFailures;
  const ba = t.baselineAttempts;
  let sbf = 0;
  let sba = 0;
  for (let i = 0; i < n; i++) {
    sbf += bf[i] ?? 0;
    sba += ba[i] ?? 0;
  }
  // With no baseline at all, fall back to the window's own overall rate (then only relative hot spots show).
  let p0 = sba > 0 ? sbf / sba : 0;
  if (!(sba > 0 && sbf > 0)) {
    let wf = 0;
    let wa = 0;
    for (let i = 0; i < n; i++) {
      wf += t.failures[i] ?? 0;
      wa += t.attempts[i] ?? 0;
    }
    p0 = wa > 0 ? Math.max(wf, 0.5) / wa : 0;
  }
  const codes = t.values.map((col) => {
    const ids = new Map<string, number>();
    const code = Int32Array.from(col, (v) => ids.get(v) ?? (ids.set(v, ids.size), ids.size - 1));
    return { code, factor: new Float64Array(ids.size).fill(1) };
  });
  const q = new Float64Array(n).fill(p0);
  const refresh = (): void => {
    for (let i = 0; i < n; i++) {
      let r = p0;
      for (const { code, factor } of codes) r *= factor[code[i] ?? 0] ?? 1;
      q[i] = Math.min(r, 0.999);
    }
  };
  for (let it = 0; it < IPF_ITERATIONS; it++) {
    for (const { code, factor } of codes) {
      // Poisson-gamma posterior mean of the value's factor given the other factors: (O + λ)/(E_without_it + λ).
      const obs = new Float64Array(factor.length);
      const exp = new Float64Array(factor.length);
      for (let i = 0; i < n; i++) {
        const c = code[i] ?? 0;
        obs[c] = (obs[c] ?? 0) + (bf[i] ?? 0);
        exp[c] = (exp[c] ?? 0) + ((ba[i] ?? 0) * (q[i] ?? 0)) / (factor[c] ?? 1);
      }
      for (let c = 0; c < factor.length; c++) factor[c] = ((obs[c] ?? 0) + PSEUDO_FAILURES) / ((exp[c] ?? 0) + PSEUDO_FAILURES);
      refresh();
    }
  }
  const k = priorStrength(bf, ba, q);
  const expected = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const rate = k === Infinity ? (q[i] ?? 0) : ((bf[i] ?? 0) + k * (q[i] ?? 0)) / ((ba[i] ?? 0) + k);
    expected[i] = (t.attempts[i] ?? 0) * rate;
  }
  return {
    table: { attributes: t.attributes, values: t.values, hierarchical: t.hierarchical, observed: Float64Array.from(t.failures), expected, counts: looksLikeCounts(t.failures) },
    baselineRate: p0,
    priorStrength: k,
  };
}

/**
 * Beta-binomial method of moments around the prior q: E[ba (p − q)² / (q(1−q))] = 1 + (ba − 1)ρ, ρ = 1/(k+1).
 * Returns k (Infinity when the leaves vary no more than binomial noise: the prior alone is the estimate).
 */
export function priorStrength(bf: Float64Array, ba: Float64Array, q: Float64Array): number {
  let s = 0;
  let m = 0;
  let extra = 0;
  for (let i = 0; i < ba.length; i++) {
    const a = ba[i] ?? 0;
    const qi = q[i] ?? 0;
    if (a < 2 || qi <= 0 || qi >= 1) continue;
    const p = (bf[i] ?? 0) / a;
    s += (a * (p - qi) ** 2) / (qi * (1 - qi));
    m++;
    extra += a - 1;
  }
  if (m === 0 || extra <= 0) return Infinity;
  const rho = (s - m) / extra;
  if (rho <= 0) return Infinity;
  return Math.max(1 / Math.min(rho, 1) - 1, 0);
}
