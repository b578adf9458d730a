/**
 * Parent or child? The greedy search takes the element with the best score, so a parent whose children all deviate
 * but by different amounts (an SBC failing for every region, busiest in one) can lose to its hottest child. After
 * the search every chosen element e is checked against each of its ancestors p (the coarser elements holding it).
 * e is replaced by p when
 *  - the rest of p (its leaves that neither e nor any other chosen element explains; chosen elements holding e are
 *    candidate parents, not other explanations) deviates in e's direction: the engine's own score, one-sided,
 *    Bonferroni at level alpha over every rest tested in the round, and
 *  - p is pure, as the search requires of the whole table: e and the rest are consistent with one ratio, p's own
 *    (the likelihood-ratio statistic of "two ratios" against "p's ratio", the sum of both parts' scores against it,
 *    stays under the search's threshold). Different amounts are fine while the data cannot tell them apart.
 * A child stays when the rest of every ancestor is at its expectation, or when child and rest clearly differ.
 */
import { addLeaves, rootSums, type CuboidSums } from './aggregates.js';
import type { NoiseModel } from './noise.js';
import { normalUpper } from './stats.js';

/** An element: its cuboid (index into the sums) and its id in that cuboid. */
export interface Chosen {
  cub: number;
  id: number;
}

export interface PromoteContext {
  sums: CuboidSums[];
  /** The leaves taking part (not excluded). */
  base: readonly number[];
  v: Float64Array;
  f: Float64Array;
  noise: NoiseModel;
  /** The engine's score and ratio of a sum of leaves. */
  gainOf: (V: number, F: number, FF: number, N: number, D: number) => number;
  ratioOf: (V: number, F: number, N: number, D: number) => number;
  /** Score of the sums of some leaves against a ratio R (their expectation scaled by R). */
  against: (t: Totals, R: number) => number;
  alpha: number;
  /** The search's stopping score (Bonferroni at level alpha over every candidate element). */
  threshold: number;
}

export type Totals = ReturnType<typeof rootSums>;

/** Sums (V, F, FF, N, D, L) of some leaves, as the search keeps them. */
export function totalsOf(ctx: PromoteContext, leaves: readonly number[]): Totals {
  const t = rootSums();
  addLeaves(t, leaves, ctx.v, ctx.f, ctx.noise, 1, true);
  return t;
}

const gain = (ctx: PromoteContext, t: Totals): number => ctx.gainOf(t.V[0] ?? 0, t.F[0] ?? 0, t.FF[0] ?? 0, t.N[0] ?? 0, t.D[0] ?? 0);
const ratio = (ctx: PromoteContext, t: Totals): number => ctx.ratioOf(t.V[0] ?? 0, t.F[0] ?? 0, t.N[0] ?? 0, t.D[0] ?? 0);

/** Cuboid indices strictly coarser than cuboid ci (every attribute at the same or a coarser level, or absent). */
function ancestorCuboids(sums: CuboidSums[], ci: number): number[] {
  const own = sums[ci]?.cuboid.levels ?? [];
  const out: number[] = [];
  sums.forEach((s, cj) => {
    if (cj !== ci && s.cuboid.levels.every((l, a) => l <= (own[a] ?? 0))) out.push(cj);
  });
  return out;
}

/** Whether element a holds element b (a is coarser and holds b's leaf rep). */
function isAncestor(sums: CuboidSums[], a: Chosen, b: Chosen, rep: number | undefined): boolean {
  const la = sums[a.cub]?.cuboid.levels ?? [];
  const lb = sums[b.cub]?.cuboid.levels ?? [];
  if (rep === undefined || a.cub === b.cub || !la.every((l, x) => l <= (lb[x] ?? 0))) return false;
  return sums[a.cub]?.ids[rep] === a.id;
}

/** A possible promotion: the ancestor, the one-sided p-value of its rest, its score on the leaves e may explain. */
interface Option {
  to: Chosen;
  p: number;
  score: number;
}

/** Tests the rest of every ancestor of one element (`tests`: how many); options: the rests moving e's way. */
function optionsOf(ctx: PromoteContext, cur: Chosen, mine: readonly number[], free: (i: number) => boolean): { tests: number; options: Option[] } {
  const { sums, base } = ctx;
  const rep = mine[0];
  if (rep === undefined) return { tests: 0, options: [] };
  const inMine = new Uint8Array(ctx.v.length);
  for (const i of mine) inMine[i] = 1;
  const own = totalsOf(ctx, mine.filter(free));
  const up = ratio(ctx, own) > 1;
  let tests = 0;
  const options: Option[] = [];
  for (const cj of ancestorCuboids(sums, cur.cub)) {
    const ids = sums[cj]?.ids;
    const pid = ids?.[rep] ?? -1;
    if (!ids || pid < 0) continue;
    const rest: number[] = [];
    const all: number[] = [];
    for (const i of base) {
      if (ids[i] !== pid || !free(i)) continue;
      all.push(i);
      if (!inMine[i]) rest.push(i);
    }
    if (rest.length === 0) continue;
    tests++;
    const t = totalsOf(ctx, rest);
    const r = ratio(ctx, t);
    if (r === 1 || r > 1 !== up) continue;
    const whole = totalsOf(ctx, all);
    // One ratio for the whole of p: the likelihood-ratio test of "e and the rest differ" must not reject it.
    const R = ratio(ctx, whole);
    if (ctx.against(own, R) + ctx.against(t, R) >= ctx.threshold) continue;
    options.push({ to: { cub: cj, id: pid }, p: normalUpper(Math.sqrt(gain(ctx, t))), score: gain(ctx, whole) });
  }
  return { tests, options };
}

/**
 * The chosen elements after promotion, one per input element in the same order (two may become the same).
 * The family of the Bonferroni correction is every rest tested in a round (all ancestors of all chosen elements).
 * Promotions are made one at a time, the best-supported (smallest p) first, and everything is tested again after
 * each: a rest may deviate only because it holds part of another element's incident not promoted yet. The element
 * moves to its passing ancestor that scores best on the leaves no other chosen element explains.
 */
export function promoteParents(ctx: PromoteContext, chosen: readonly Chosen[]): Chosen[] {
  const { sums, base } = ctx;
  const leavesOf = (c: Chosen): number[] => {
    const ids = sums[c.cub]?.ids;
    return ids ? base.filter((i) => ids[i] === c.id) : [];
  };
  const out = [...chosen];
  const sets = out.map(leavesOf);
  const cover = new Int32Array(ctx.v.length);
  for (const s of sets) for (const i of s) cover[i] = (cover[i] ?? 0) + 1;
  for (;;) {
    let family = 0;
    const all = out.map((cur, j) => {
      // Leaves this element may explain: those no other chosen element covers, except the chosen elements that hold
      // it (they are candidate parents, not other explanations).
      const holders = out.map((o, k) => k === j || isAncestor(sums, o, cur, sets[j]?.[0]));
      const local = Int32Array.from(cover);
      holders.forEach((h, k) => {
        if (h) for (const i of sets[k] ?? []) local[i] = (local[i] ?? 0) - 1;
      });
      const res = optionsOf(ctx, cur, sets[j] ?? [], (i) => (local[i] ?? 0) === 0);
      family += res.tests;
      return res.options;
    });
    let best: { j: number; p: number; to: Chosen } | undefined;
    all.forEach((options, j) => {
      const passing = options.filter((o) => o.p * family <= ctx.alpha);
      if (passing.length === 0) return;
      const p = Math.min(...passing.map((o) => o.p));
      const to = passing.reduce((a, b) => (b.score > a.score ? b : a)).to;
      if (!best || p < best.p) best = { j, p, to };
    });
    if (!best) return out;
    const { j, to } = best;
    for (const i of sets[j] ?? []) cover[i] = (cover[i] ?? 0) - 1;
    out[j] = to;
    sets[j] = leavesOf(to);
    for (const i of sets[j] ?? []) cover[i] = (cover[i] ?? 0) + 1;
  }
}
