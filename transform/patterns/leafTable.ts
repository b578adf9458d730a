/**
 * The engine's input: a columnar table of leaves (one row per full combination of the attributes).
 * Additive form: observed and expected per leaf (any coarser element's value is a sum).
 * Rate form: failures/attempts now and in the baseline; turned into the additive form by rateToLeafTable.
 */

/** attribute name → value, e.g. { site: 'EMEA/DE', client_build: 'teams/macOS' }. */
export type Element = Record<string, string>;

export interface LeafTable {
  /** Attribute names in their tie-break order (earlier = preferred when two elements cover the same leaves). */
  attributes: string[];
  /** Per attribute, the value of every leaf (full path when hierarchical). */
  values: string[][];
  /** Per attribute: values are '/'-joined paths (coarsest first) whose prefixes are elements too. */
  hierarchical?: boolean[];
  observed: Float64Array;
  expected: Float64Array;
  /** True when observed values are event counts: Poisson noise and likelihood apply. */
  counts: boolean;
}

export interface RateTable {
  attributes: string[];
  values: string[][];
  hierarchical?: boolean[];
  failures: Float64Array;
  attempts: Float64Array;
  baselineFailures: Float64Array;
  baselineAttempts: Float64Array;
}

/** Canonical text of an element: attribute=value pairs in the given attribute order, joined by '&'. */
export function elementKey(el: Element, order: readonly string[]): string {
  return order
    .filter((a) => el[a] !== undefined)
    .map((a) => `${a}=${el[a] ?? ''}`)
    .join('&');
}

/** Number of leaves; throws when columns disagree. */
export function leafCount(t: { values: string[][]; attributes: string[] }, measures: ArrayLike<number>[]): number {
  const n = measures[0]?.length ?? 0;
  if (t.values.length !== t.attributes.length) throw new Error('leaf table: one value column per attribute');
  for (const col of [...t.values, ...measures]) if (col.length !== n) throw new Error('leaf table: columns of different lengths');
  return n;
}

/** Observed values are counts when every value is a non-negative integer. */
export function looksLikeCounts(xs: Float64Array): boolean {
  for (const x of xs) if (x < 0 || !Number.isInteger(x)) return false;
  return true;
}
