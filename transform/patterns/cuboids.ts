/**
 * Elements are attribute combinations at any level of each attribute's hierarchy. A "cuboid" picks, per attribute,
 * a level (0 = attribute absent); every leaf maps to at most one element of a cuboid. Values are dictionary-coded
 * per (attribute, level) so a cuboid key is one integer.
 */
import type { LeafTable } from './leafTable.js';

export interface AttributeLevels {
  /** codes[level-1][leaf] = id of the leaf's value prefix at that level, −1 when the path is shorter. */
  codes: Int32Array[];
  /** dicts[level-1][id] = the prefix text, e.g. 'EMEA/DE'. */
  dicts: string[][];
}

export interface Cuboid {
  /** Level per attribute (0 = not in the element). */
  levels: number[];
  depth: number;
}

/** Dictionary-code every attribute at every level of its hierarchy (paths are split once per distinct value). */
export function encodeLevels(t: LeafTable): AttributeLevels[] {
  return t.attributes.map((_, a) => {
    const col = t.values[a] ?? [];
    const hier = t.hierarchical?.[a] ?? false;
    const distinct = new Map<string, number>();
    const leafValue = Int32Array.from(col, (v) => distinct.get(v) ?? (distinct.set(v, distinct.size), distinct.size - 1));
    const parts = [...distinct.keys()].map((v) => (hier ? v.split('/') : [v]));
    const depth = parts.reduce((m, p) => Math.max(m, p.length), 1);
    const codes: Int32Array[] = [];
    const dicts: string[][] = [];
    for (let l = 1; l <= depth; l++) {
      const ids = new Map<string, number>();
      const dict: string[] = [];
      // Code of each distinct value's prefix at this level (−1 when the path is shorter).
      const byValue = Int32Array.from(parts, (p) => {
        if (p.length < l) return -1;
        const key = p.slice(0, l).join('/');
        let id = ids.get(key);
        if (id === undefined) {
          id = dict.length;
          ids.set(key, id);
          dict.push(key);
        }
        return id;
      });
      codes.push(Int32Array.from(leafValue, (d) => byValue[d] ?? -1));
      dicts.push(dict);
    }
    return { codes, dicts };
  });
}

/** All cuboids with 1..maxDepth attributes, ordered by depth then attribute order then level (deterministic). */
export function enumerateCuboids(levels: AttributeLevels[], maxDepth: number): Cuboid[] {
  const out: Cuboid[] = [];
  const walk = (a: number, acc: number[]): void => {
    if (a === levels.length) {
      const depth = acc.filter((l) => l > 0).length;
      if (depth >= 1 && depth <= maxDepth) out.push({ levels: [...acc], depth });
      return;
    }
    const n = levels[a]?.codes.length ?? 0;
    for (let l = 0; l <= n; l++) walk(a + 1, [...acc, l]);
  };
  walk(0, []);
  return out.sort((x, y) => x.depth - y.depth || cmpLevels(x.levels, y.levels));
}

/** Earlier attributes first; among equal attribute sets the coarser level first. */
export function cmpLevels(x: number[], y: number[]): number {
  for (let a = 0; a < x.length; a++) {
    const px = (x[a] ?? 0) > 0;
    const py = (y[a] ?? 0) > 0;
    if (px !== py) return px ? -1 : 1;
  }
  for (let a = 0; a < x.length; a++) if ((x[a] ?? 0) !== (y[a] ?? 0)) return (x[a] ?? 0) - (y[a] ?? 0);
  return 0;
}

/** Key of a leaf in a cuboid (−1 when the leaf has no value at a chosen level). Strides are mixed-radix. */
export function cuboidKeys(levels: AttributeLevels[], cub: Cuboid, n: number): Float64Array {
  const keys = new Float64Array(n);
  let stride = 1;
  for (let a = 0; a < levels.length; a++) {
    const l = cub.levels[a] ?? 0;
    if (l === 0) continue;
    const code = levels[a]?.codes[l - 1];
    const card = levels[a]?.dicts[l - 1]?.length ?? 0;
    if (!code) continue;
    for (let i = 0; i < n; i++) {
      const c = code[i] ?? -1;
      keys[i] = c < 0 || keys[i] === -1 ? -1 : (keys[i] ?? 0) + c * stride;
    }
    stride *= card;
  }
  if (stride > Number.MAX_SAFE_INTEGER) throw new Error('cuboid: too many distinct values to key with one number');
  return keys;
}

/** Decode a key back to attribute → value. */
export function decodeKey(levels: AttributeLevels[], cub: Cuboid, key: number, names: string[]): Record<string, string> {
  const el: Record<string, string> = {};
  let rest = key;
  for (let a = 0; a < levels.length; a++) {
    const l = cub.levels[a] ?? 0;
    if (l === 0) continue;
    const dict = levels[a]?.dicts[l - 1] ?? [];
    const id = rest % dict.length;
    rest = Math.floor(rest / dict.length);
    el[names[a] ?? String(a)] = dict[id] ?? '';
  }
  return el;
}
