/**
 * The vault entries of one mapped file in a compact form for the offline import. A file drains an entry
 * for every pseudonym it touches (about three per row), almost all of them pseudonyms already seen in
 * earlier files; sent as objects they cost a structured clone, a string-keyed merge and a seal on the
 * main thread, which is the import's bottleneck. Instead each pseudonym is numbered the first time it is
 * encoded and sent once, already sealed (so its clear value never leaves the mapping thread); every file
 * then sends only numbers and seen ranges in typed arrays (copied, not cloned value by value).
 * Encoder and accumulator are a pair: the accumulator must see every delta of its encoder, in order. With
 * several mapping workers there is one pair per worker, and a group's entries are merged across them
 * (mergeVaultEntries).
 */
import type { EuiiKind, SeenValue } from '../pseudonymizer.js';
import { seal } from '../seal.js';
import type { SealedVaultEntry } from '../writeBatch.js';

export interface VaultDelta {
  /** Pseudonyms encoded for the first time, numbered on from the previous delta's last number. */
  fresh: { pseudonym: string; kind: EuiiKind; sealed: string }[];
  /** Per entry of the file: the pseudonym's number and its seen range (epoch milliseconds). */
  ids: Int32Array;
  first: Float64Array;
  last: Float64Array;
}

/** Encodes what a pseudonymizer drained (Pseudonymizer.drainSeen) as a delta. */
export function createVaultEncoder(vaultKey: Buffer): (seen: readonly SeenValue[]) => VaultDelta {
  const numbers = new Map<string, number>();
  return (seen) => {
    const n = seen.length;
    const d: VaultDelta = { fresh: [], ids: new Int32Array(n), first: new Float64Array(n), last: new Float64Array(n) };
    for (let i = 0; i < n; i++) {
      const e = seen[i];
      if (!e) continue;
      let id = numbers.get(e.pseudonym);
      if (id === undefined) {
        id = numbers.size;
        numbers.set(e.pseudonym, id);
        d.fresh.push({ pseudonym: e.pseudonym, kind: e.kind, sealed: seal(vaultKey, e.clear, e.pseudonym) });
      }
      d.ids[i] = id;
      d.first[i] = e.firstMs;
      d.last[i] = e.lastMs;
    }
    return d;
  };
}

export interface VaultAccumulator {
  /** Take one file's delta into the current group (widest seen range per pseudonym). */
  add(d: VaultDelta): void;
  /** The current group's entries, and start an empty group. */
  take(): SealedVaultEntry[];
}

export function createVaultAccumulator(): VaultAccumulator {
  const names: { pseudonym: string; kind: EuiiKind; sealed: string }[] = [];
  // Per pseudonym number: the group it was last seen in and its range there; `members` lists the group's numbers.
  const groupOf: number[] = [];
  const first: number[] = [];
  const last: number[] = [];
  let group = 0;
  let members: number[] = [];
  return {
    add(d) {
      for (const f of d.fresh) {
        names.push(f);
        groupOf.push(-1);
        first.push(0);
        last.push(0);
      }
      for (let i = 0; i < d.ids.length; i++) {
        const id = d.ids[i] ?? -1;
        const a = d.first[i] ?? 0;
        const b = d.last[i] ?? 0;
        if (id < 0 || id >= names.length) throw new Error('vault delta names a pseudonym it never sent');
        if (groupOf[id] !== group) {
          groupOf[id] = group;
          first[id] = a;
          last[id] = b;
          members.push(id);
        } else {
          if (a < (first[id] ?? a)) first[id] = a;
          if (b > (last[id] ?? b)) last[id] = b;
        }
      }
    },
    take() {
      const out: SealedVaultEntry[] = [];
      // Many pseudonyms of a group share a seen time (those of one record): each time formatted once.
      const times = new Map<number, string>();
      const iso = (t: number): string => {
        let s = times.get(t);
        if (s === undefined) times.set(t, (s = new Date(t).toISOString()));
        return s;
      };
      for (const id of members) {
        const nm = names[id];
        if (!nm) continue;
        out.push({ pseudonym: nm.pseudonym, kind: nm.kind, sealed: nm.sealed, firstSeen: iso(first[id] ?? 0), lastSeen: iso(last[id] ?? 0) });
      }
      members = [];
      group++;
      return out;
    },
  };
}

/**
 * The entries of one group taken from several accumulators (one per mapping worker): one entry per
 * pseudonym, with the widest seen range. Both workers may have sealed the same value; the first seal is kept.
 */
export function mergeVaultEntries(lists: readonly SealedVaultEntry[][]): SealedVaultEntry[] {
  const [only, ...rest] = lists;
  if (!only) return [];
  if (rest.every((l) => l.length === 0)) return only;
  const by = new Map<string, SealedVaultEntry>();
  for (const list of lists) {
    for (const e of list) {
      const prev = by.get(e.pseudonym);
      if (!prev) by.set(e.pseudonym, { ...e });
      else {
        if (e.firstSeen < prev.firstSeen) prev.firstSeen = e.firstSeen;
        if (e.lastSeen > prev.lastSeen) prev.lastSeen = e.lastSeen;
      }
    }
  }
  return [...by.values()];
}
