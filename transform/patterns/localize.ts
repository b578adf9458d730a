/**
 * The pattern engine's core: given leaves with observed and expected values, name the few elements (attribute
 * combinations, at any hierarchy level) that explain the deviation.
 *
 * Model: outside the chosen elements every leaf keeps its expectation; inside an element every leaf is scaled by the
 * element's own ratio r (the "ripple effect": a root cause moves all its leaves proportionally). An element's score is
 * the likelihood-ratio statistic of "own r" vs "r = 1" on the leaves not yet explained:
 *  - counts: Poisson deviance 2[V ln(V/F) − (V − F)], divided by the over-dispersion factor (F + c²Σf²)/F;
 *  - other measures: weighted least squares with var = c²(f² + s0²): N²/D, N = Σ(v−f)f/var, D = Σf²/var.
 * Both sum over the element's leaves, so many small noisy leaves add up to evidence while no single leaf ratio does.
 * A parent whose children all move alike scores the sum of its children (reported instead of them); a parent with
 * one hot child scores less than that child (the child is reported). Greedy: take the best element, remove its
 * leaves, repeat; stop when the best score is what the largest of M null χ²₁ statistics would reach (Bonferroni at
 * level alpha over the M candidate elements). The whole table (the "root") competes too, but it is taken only when
 * it is pure: while some element stands out beyond the table-wide ratio R (several incidents together lift the
 * whole table), the element standing out most beyond R is taken instead. A pure root means a global change: R is
 * folded into the expectation and the search goes on for anything beyond it.
 * Then a chosen child gives way to an ancestor whose rest deviates too when child and rest are consistent with the
 * ancestor's one ratio (promoteParents.ts). For counts, the over-dispersion c is then re-estimated on the leaves no
 * element explains and the search rerun.
 */
import { addLeaves, buildSums, resetSums, rootSums, type CuboidSums } from './aggregates.js';
import { decodeKey, encodeLevels, enumerateCuboids, type Cuboid } from './cuboids.js';
import { elementKey, leafCount, type Element, type LeafTable } from './leafTable.js';
import { calibrateNoise, type NoiseModel } from './noise.js';
import { promoteParents, totalsOf, type Chosen, type Totals } from './promoteParents.js';
import { chi2OneUpper, poissonDeviance } from './stats.js';

export type Direction = 'up' | 'down' | 'both';

export interface LocalizeOptions {
  /** Most attributes in one element (default: all). */
  maxDepth?: number;
  /** Which deviations count: failures surge = 'up' (default 'both'). */
  direction?: Direction;
  /** Family-wise false-alarm level of the stopping rule (default 0.01). */
  alpha?: number;
  maxElements?: number;
  /** Relative change of the whole table from which it is called a global change (default 0.1). */
  globalShift?: number;
  /** Leaves to leave out (e.g. those a rejected element covered). */
  exclude?: Uint8Array;
}

export interface FoundElement {
  element: Element;
  key: string;
  depth: number;
  observed: number;
  expected: number;
  ratio: number;
  score: number;
  leaves: number;
  /** Share of the table's absolute excess |V − F| this element explains. */
  excessShare: number;
}

export interface LocalizeResult {
  elements: FoundElement[];
  globalChange: boolean;
  /** Ratio observed/expected of the table beyond the elements (1 when no global term was needed). */
  globalRatio: number;
  threshold: number;
  candidates: number;
  noise: NoiseModel;
}

interface Best {
  gain: number;
  cub: number;
  key: number;
  label: string;
  v: number;
  f: number;
  leaves: number;
}

/**
 * For counts the over-dispersion c is re-estimated on the leaves no element explains and the search is run again
 * until c settles (at most 4 passes): strong incidents in many big leaves would otherwise inflate c and hide
 * themselves. Additive measures use the median-based c directly (robust already).
 */
export function localize(table: LeafTable, opts: LocalizeOptions = {}): LocalizeResult {
  let noise = calibrateNoise(table.observed, table.expected, table.counts);
  let res = search(table, opts, noise);
  for (let pass = 1; table.counts && pass < 4; pass++) {
    const next = calibrateNoise(table.observed, res.finalExpected, true, res.unexplained);
    if (Math.abs(next.c - noise.c) <= 0.05 * Math.max(noise.c, 1e-3)) break;
    noise = next;
    res = search(table, opts, noise);
  }
  return res.result;
}

function search(table: LeafTable, opts: LocalizeOptions, noise: NoiseModel): { result: LocalizeResult; finalExpected: Float64Array; unexplained: number[] } {
  const n = leafCount(table, [table.observed, table.expected]);
  const names = table.attributes;
  const levels = encodeLevels(table);
  const cuboids = enumerateCuboids(levels, Math.min(opts.maxDepth ?? names.length, names.length));
  const direction = opts.direction ?? 'both';
  const v = table.observed;
  const f = Float64Array.from(table.expected);

  let open: number[] = [];
  for (let i = 0; i < n; i++) if (!opts.exclude?.[i]) open.push(i);
  let totalAbsExcess = 0;
  for (const i of open) totalAbsExcess += Math.abs((v[i] ?? 0) - (f[i] ?? 0));
  const sums = cuboids.map((c) => buildSums(levels, c, n));
  const root = rootSums();
  const fill = (): void => {
    for (const s of [...sums, root]) resetSums(s);
    for (const s of sums) addLeaves(s, open, v, f, noise, 1);
    addLeaves(root, open, v, f, noise, 1, true);
  };
  fill();
  let candidates = 0;
  for (const s of sums) candidates += s.keys.length;
  const threshold = chi2OneUpper((opts.alpha ?? 0.01) / Math.max(candidates + 1, 1));

  const gainOf = (V: number, F: number, FF: number, N: number, D: number): number => {
    if (table.counts) return F > 0 || V > 0 ? poissonDeviance(V, Math.max(F, 1e-9)) * (F / Math.max(F + noise.c * noise.c * FF, 1e-12)) : 0;
    return D > 0 ? (N * N) / D : 0;
  };
  // Score of some leaves against a ratio R (their expectation scaled by R), and beyond R: how far they stand out from
  // R in R's direction (0 when they do not).
  const gainAt = (V: number, F: number, FF: number, N: number, D: number, R: number): number =>
    table.counts ? gainOf(V, R * F, R * R * FF, 0, 0) : ((N - (R - 1) * D) / R) ** 2 / Math.max(D, 1e-300);
  const gainBeyond = (V: number, F: number, FF: number, N: number, D: number, R: number): number => {
    const r = F > 0 ? V / F : Infinity;
    return Math.abs(r - 1) > Math.abs(R - 1) && (r - 1) * (R - 1) >= 0 ? gainAt(V, F, FF, N, D, R) : 0;
  };
  const ratioOf = (V: number, F: number, N: number, D: number): number => (table.counts ? (F > 0 ? V / F : Infinity) : D > 0 ? 1 + N / D : 1);
  const wanted = (r: number): boolean => (direction === 'up' ? r > 1 : direction === 'down' ? r < 1 : r !== 1);
  const labelOf = (ci: number, id: number): string => elementKey(decodeKey(levels, cuboids[ci] as Cuboid, sums[ci]?.keys[id] ?? 0, names), names);

  let globalRatio = 1;
  let rootUsed = false;
  const found: FoundElement[] = [];
  const chosen: Chosen[] = [];
  const base = [...open];
  const toFound = (ci: number, id: number, V: number, F: number, gain: number, leaves: number): FoundElement => {
    const s = sums[ci] as CuboidSums;
    const element = decodeKey(levels, s.cuboid, s.keys[id] ?? 0, names);
    const excessShare = totalAbsExcess > 0 ? Math.abs(V - F) / totalAbsExcess : 0;
    return { element, key: labelOf(ci, id), depth: s.cuboid.depth, observed: V, expected: F, ratio: F > 0 ? V / F : Infinity, score: gain, leaves, excessShare };
  };
  const maxElements = opts.maxElements ?? 20;

  while (found.length < maxElements && open.length > 0) {
    let best: Best | undefined;
    const rootGain = rootUsed ? 0 : gainOf(root.V[0] ?? 0, root.F[0] ?? 0, root.FF[0] ?? 0, root.N[0] ?? 0, root.D[0] ?? 0);
    const R = (root.F[0] ?? 0) > 0 ? (root.V[0] ?? 0) / (root.F[0] ?? 1) : 1;
    // While the whole table is lifted (the root scores at least as well as any element), the root is a minimal
    // explanation only if it is pure: no element stands out beyond the table-wide ratio R in its own direction.
    // If some do (several incidents together lift the table), the element standing out most beyond R is taken.
    const rootInPlay = !rootUsed && rootGain >= threshold;
    let beyond: Best | undefined;
    for (let ci = 0; ci < sums.length; ci++) {
      const s = sums[ci] as CuboidSums;
      for (let id = 0; id < s.keys.length; id++) {
        if ((s.L[id] ?? 0) <= 0) continue;
        const V = s.V[id] ?? 0;
        const F = s.F[id] ?? 0;
        const N = s.N[id] ?? 0;
        const D = s.D[id] ?? 0;
        if (!wanted(ratioOf(V, F, N, D))) continue;
        const g = gainOf(V, F, s.FF[id] ?? 0, N, D);
        if (rootInPlay && g >= threshold) {
          const gb = gainBeyond(V, F, s.FF[id] ?? 0, N, D, R);
          if (gb >= threshold && (!beyond || gb > beyond.gain * (1 + 1e-9) || (gb >= beyond.gain * (1 - 1e-9) && beyond.cub === ci && labelOf(ci, id) < beyond.label)))
            beyond = { gain: gb, cub: ci, key: id, label: labelOf(ci, id), v: V, f: F, leaves: s.L[id] ?? 0 };
        }
        // Ties (same coverage): earlier cuboid wins (fewer attributes, attribute order, coarser level), then the label.
        if (best && g < best.gain * (1 + 1e-9)) {
          if (g <= best.gain * (1 - 1e-9) || best.cub !== ci || labelOf(ci, id) >= best.label) continue;
        }
        best = { gain: g, cub: ci, key: id, label: labelOf(ci, id), v: V, f: F, leaves: s.L[id] ?? 0 };
      }
    }
    if (rootInPlay && rootGain >= (best?.gain ?? 0) * (1 - 1e-9) && beyond) best = beyond; // its score: the gain beyond R
    else if (rootInPlay && rootGain >= (best?.gain ?? 0) * (1 - 1e-9)) {
      // A table-wide shift explains at least as much as any element: fold it into the expectation and go on.
      for (const i of open) f[i] = (f[i] ?? 0) * R;
      globalRatio *= R;
      rootUsed = true;
      fill();
      continue;
    }
    if (!best || best.gain < threshold) break;
    const s = sums[best.cub] as CuboidSums;
    const id = best.key;
    found.push(toFound(best.cub, id, best.v, best.f, best.gain, best.leaves));
    chosen.push({ cub: best.cub, id });
    const covered = open.filter((i) => s.ids[i] === id);
    open = open.filter((i) => s.ids[i] !== id);
    for (const t of sums) addLeaves(t, covered, v, f, noise, -1);
    addLeaves(root, covered, v, f, noise, -1, true);
  }
  // Parent or child: a chosen element is replaced by an ancestor whose rest deviates too (promoteParents.ts); a promoted
  // element counts the leaves no earlier element holds, as the search does. The noise is re-estimated on the leaves
  // the search left unexplained, before promotion: a promotion must not feed back into the noise it was tested with.
  const against = (t: Totals, R: number): number => gainAt(t.V[0] ?? 0, t.F[0] ?? 0, t.FF[0] ?? 0, t.N[0] ?? 0, t.D[0] ?? 0, R);
  const ctx = { sums, base, v, f, noise, gainOf, ratioOf, against, alpha: opts.alpha ?? 0.01, threshold };
  const taken = new Uint8Array(n);
  const final: FoundElement[] = [];
  const seen = new Set<string>();
  promoteParents(ctx, chosen).forEach((c, j) => {
    const ids = (sums[c.cub] as CuboidSums).ids;
    const mine = base.filter((i) => ids[i] === c.id && !taken[i]);
    for (const i of mine) taken[i] = 1;
    const was = chosen[j];
    if (seen.has(`${c.cub}:${c.id}`)) return;
    seen.add(`${c.cub}:${c.id}`);
    if (was && was.cub === c.cub && was.id === c.id) final.push(found[j] as FoundElement);
    else if (mine.length > 0) {
      const t = totalsOf(ctx, mine);
      final.push(toFound(c.cub, c.id, t.V[0] ?? 0, t.F[0] ?? 0, gainOf(t.V[0] ?? 0, t.F[0] ?? 0, t.FF[0] ?? 0, t.N[0] ?? 0, t.D[0] ?? 0), mine.length));
    }
  });
  const globalChange = Math.abs(globalRatio - 1) >= (opts.globalShift ?? 0.1);
  return { result: { elements: final, globalChange, globalRatio, threshold, candidates, noise }, finalExpected: f, unexplained: open };
}
