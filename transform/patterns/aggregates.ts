/**
 * Per-cuboid running sums of every element over the leaves still unexplained, in typed arrays. Built once (one pass
 * per cuboid), then updated incrementally: when an element is chosen only its leaves are subtracted, so each greedy
 * step costs a scan of the element sums, not a new pass over all leaves.
 */
import { cuboidKeys, type AttributeLevels, type Cuboid } from './cuboids.js';
import { varianceOf, type NoiseModel } from './noise.js';

export interface CuboidSums {
  cuboid: Cuboid;
  /** Element id of every leaf (−1: the leaf has no value at a chosen level). */
  ids: Int32Array;
  /** Mixed-radix key of every element (to decode its values). */
  keys: Float64Array;
  V: Float64Array;
  F: Float64Array;
  FF: Float64Array;
  N: Float64Array;
  D: Float64Array;
  L: Int32Array;
}

export function buildSums(levels: AttributeLevels[], cuboid: Cuboid, n: number): CuboidSums {
  const leafKeys = cuboidKeys(levels, cuboid, n);
  const space = cuboid.levels.reduce((p, l, a) => (l > 0 ? p * (levels[a]?.dicts[l - 1]?.length ?? 1) : p), 1);
  const ids = new Int32Array(n);
  const keys: number[] = [];
  if (space <= 8 * n + 1024) {
    // Small key space: a dense lookup table instead of a hash map.
    const table = new Int32Array(space).fill(-1);
    for (let i = 0; i < n; i++) {
      const k = leafKeys[i] ?? -1;
      if (k < 0) {
        ids[i] = -1;
        continue;
      }
      let id = table[k] ?? -1;
      if (id < 0) {
        id = keys.length;
        table[k] = id;
        keys.push(k);
      }
      ids[i] = id;
    }
  } else {
    const index = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      const k = leafKeys[i] ?? -1;
      if (k < 0) {
        ids[i] = -1;
        continue;
      }
      let id = index.get(k);
      if (id === undefined) {
        id = keys.length;
        index.set(k, id);
        keys.push(k);
      }
      ids[i] = id;
    }
  }
  const m = keys.length;
  return {
    cuboid,
    ids,
    keys: Float64Array.from(keys),
    V: new Float64Array(m),
    F: new Float64Array(m),
    FF: new Float64Array(m),
    N: new Float64Array(m),
    D: new Float64Array(m),
    L: new Int32Array(m),
  };
}

/** Add (sign 1) or remove (sign −1) leaves from the sums. Root sums use ids = null (one element). */
export function addLeaves(s: Omit<CuboidSums, 'cuboid' | 'keys'> | CuboidSums, leaves: ArrayLike<number>, v: Float64Array, f: Float64Array, noise: NoiseModel, sign: 1 | -1, root = false): void {
  const { ids, V, F, FF, N, D, L } = s;
  for (let j = 0; j < leaves.length; j++) {
    const i = leaves[j] ?? 0;
    const id = root ? 0 : (ids[i] ?? -1);
    if (id < 0) continue;
    const fi = f[i] ?? 0;
    const vi = v[i] ?? 0;
    V[id] = (V[id] ?? 0) + sign * vi;
    F[id] = (F[id] ?? 0) + sign * fi;
    FF[id] = (FF[id] ?? 0) + sign * fi * fi;
    L[id] = (L[id] ?? 0) + sign;
    if (!noise.counts) {
      const w = fi / varianceOf(noise, fi);
      N[id] = (N[id] ?? 0) + sign * (vi - fi) * w;
      D[id] = (D[id] ?? 0) + sign * fi * w;
    }
  }
}

export function resetSums(s: { V: Float64Array; F: Float64Array; FF: Float64Array; N: Float64Array; D: Float64Array; L: Int32Array }): void {
  s.V.fill(0);
  s.F.fill(0);
  s.FF.fill(0);
  s.N.fill(0);
  s.D.fill(0);
  s.L.fill(0);
}

export function rootSums(): Omit<CuboidSums, 'cuboid' | 'keys'> {
  return { ids: new Int32Array(0), V: new Float64Array(1), F: new Float64Array(1), FF: new Float64Array(1), N: new Float64Array(1), D: new Float64Array(1), L: new Int32Array(1) };
}
