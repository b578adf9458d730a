/**
 * The noise model of a leaf: how far observed may stray from expected by chance.
 * - counts (failures): Poisson plus a relative forecast error, var = f + c²f²  (c = 0 for a pure Poisson baseline);
 * - other additive measures: relative error only, var = c²(f² + s0²), s0 a small floor so an empty forecast is not exact.
 * c is estimated from the table itself, robustly (anomalous leaves are a minority), after removing a global ratio R
 * so a table-wide shift does not inflate it: no tuned constants.
 */
import { median } from './stats.js';

export interface NoiseModel {
  counts: boolean;
  /** Relative (multiplicative) forecast error. */
  c: number;
  /** Floor of the relative model (non-counts only). */
  s0: number;
  /** Robust global ratio observed/expected (used to calibrate; the search fits its own). */
  ratio: number;
}

/** Variance of a leaf (or an element: pass f and Σf² for the relative part). */
export function varianceOf(m: NoiseModel, f: number, f2: number = f * f): number {
  return m.counts ? f + m.c * m.c * f2 : m.c * m.c * (f2 + m.s0 * m.s0);
}

/** |z| above this marks a leaf as an outlier while calibrating (two-sided Gaussian tail ≈ 5e-4). */
const TRIM_Z = 3.5;

/** `only`: calibrate on these leaves (the ones no element explains), default all. */
export function calibrateNoise(v: Float64Array, f: Float64Array, counts: boolean, only?: ArrayLike<number>): NoiseModel {
  const n = v.length;
  const active: number[] = [];
  const idx = only ?? Array.from({ length: n }, (_, i) => i);
  for (let j = 0; j < idx.length; j++) {
    const i = idx[j] ?? 0;
    if ((f[i] ?? 0) > 0 || (v[i] ?? 0) > 0) active.push(i);
  }
  const pos = active.map((i) => f[i] ?? 0).filter((x) => x > 0);
  const s0 = counts ? 0 : 0.01 * (median(pos) || 1);
  const m: NoiseModel = { counts, c: 0, s0, ratio: 1 };
  let kept = active;
  if (counts) {
    // Robust start: the c that gives the median leaf |z| of a standard normal (anomalous leaves are a minority), so
    // the first trimming is not blinded by a c the anomalies inflated. The moment steps below refine it.
    m.ratio = robustRatio(v, f, active);
    const absZ = (c: number): number =>
      median(active.filter((i) => (f[i] ?? 0) >= 1).map((i) => {
        const e = m.ratio * (f[i] ?? 0);
        return Math.abs((v[i] ?? 0) - e) / Math.sqrt(e + c * c * e * e);
      }));
    if (absZ(0) > 0.6745) {
      let lo = 0;
      let hi = 10;
      for (let k = 0; k < 40; k++) {
        const mid = (lo + hi) / 2;
        if (absZ(mid) > 0.6745) lo = mid;
        else hi = mid;
      }
      m.c = hi;
    }
    kept = active.filter((i) => {
      const e = m.ratio * (f[i] ?? 0);
      const sd = Math.sqrt(varianceOf(m, e));
      return sd > 0 ? Math.abs((v[i] ?? 0) - e) / sd <= TRIM_Z : (v[i] ?? 0) === e;
    });
    if (kept.length === 0) kept = active;
  }
  for (let iter = 0; iter < 5; iter++) {
    let sv = 0;
    let sf = 0;
    for (const i of kept) {
      sv += v[i] ?? 0;
      sf += f[i] ?? 0;
    }
    m.ratio = sf > 0 && sv > 0 ? sv / sf : 1;
    if (counts) {
      // Moment estimate of the extra-Poisson part: E[(v − Rf)² − Rf] = c²(Rf)².
      let num = 0;
      let den = 0;
      for (const i of kept) {
        const e = m.ratio * (f[i] ?? 0);
        const d = (v[i] ?? 0) - e;
        num += d * d - e;
        den += e * e;
      }
      m.c = den > 0 && num > 0 ? Math.sqrt(num / den) : 0;
    } else {
      // Median absolute relative deviation, scaled to a standard deviation (robust without trimming).
      const rel = active.map((i) => {
        const e = m.ratio * (f[i] ?? 0);
        return Math.abs((v[i] ?? 0) - e) / Math.sqrt(e * e + s0 * s0);
      });
      m.c = Math.max(median(rel) / 0.6745, 1e-12);
    }
    const next = active.filter((i) => {
      const e = m.ratio * (f[i] ?? 0);
      const sd = Math.sqrt(varianceOf(m, e));
      return sd > 0 ? Math.abs((v[i] ?? 0) - e) / sd <= TRIM_Z : (v[i] ?? 0) === e;
    });
    if (next.length === kept.length || next.length === 0) break;
    kept = next;
  }
  return m;
}

/** Median of the leaf ratios v/f over leaves with f ≥ 1 (1 when there are none): a start that anomalies cannot drag. */
function robustRatio(v: Float64Array, f: Float64Array, active: number[]): number {
  const r = active.filter((i) => (f[i] ?? 0) >= 1).map((i) => (v[i] ?? 0) / (f[i] ?? 1));
  const m = median(r);
  return Number.isFinite(m) && m > 0 ? m : 1;
}
