/**
 * Replaces EUII with keyed HMAC pseudonyms and remembers each clear value once, for the vault.
 * Same key + same value → same pseudonym, so analysts count distinct users without seeing them.
 */
import { createHmac } from 'node:crypto';
import { canonicalIso } from './canonicalIso.js';

export type EuiiKind = 'upn' | 'user_id' | 'display_name' | 'ip' | 'phone' | 'device';

const PREFIX: Record<EuiiKind, string> = { upn: 'u', user_id: 'oid', display_name: 'n', ip: 'ip', phone: 'ph', device: 'dev' };

export interface VaultEntry {
  pseudonym: string;
  kind: EuiiKind;
  clear: string;
  /** Earliest and latest event time (not ingest time) at which the value was seen: retention runs on these. */
  firstSeen: string;
  lastSeen: string;
}

/** A pseudonym seen since the last drain, with its seen range in epoch milliseconds (Pseudonymizer.drainSeen). */
export interface SeenValue {
  readonly pseudonym: string;
  readonly kind: EuiiKind;
  readonly clear: string;
  readonly firstMs: number;
  readonly lastMs: number;
}

export interface Pseudonymizer {
  /** The pseudonym of a clear value (null/empty stays null). UPNs are lower-cased first, as Entra does. */
  p(kind: EuiiKind, value: string | null | undefined): string | null;
  /** The user key: UPN when known, else the Entra object id. */
  user(upn: string | null | undefined, objectId: string | null | undefined): string | null;
  /** The event time of the record being mapped (ISO); entries remember the range of times they were seen. */
  at(iso: string): void;
  /** Clear values seen since the last drain. */
  drain(): VaultEntry[];
  /**
   * The same as drain, without building entries: the values seen since the last drain, read before the
   * next call to p (the offline import drains every file and encodes them at once, vaultDelta.ts).
   */
  drainSeen(): readonly SeenValue[];
}

export function normalizeEuii(kind: EuiiKind, value: string): string {
  return kind === 'upn' ? value.trim().toLowerCase() : value.trim();
}

/** One pseudonym: its clear value and its seen range in the current drain window (if seen in it). */
interface Slot {
  pseudonym: string;
  kind: EuiiKind;
  clear: string;
  /** The drain window the range below belongs to. */
  window: number;
  first: string;
  last: string;
  firstMs: number;
  lastMs: number;
}

export function createPseudonymizer(key: Buffer): Pseudonymizer {
  let pending: Slot[] = [];
  let window = 0;
  let now = new Date(0).toISOString();
  let nowMs = 0;
  // Per kind: the value as received → its slot, so a repeated value skips normalising, hashing and the
  // pending lookup (the bulk of a large import repeats the same users and devices). Values that normalise
  // alike (UPN case) share one slot through `slots`.
  const seen: Record<EuiiKind, Map<string, Slot>> = {
    upn: new Map(), user_id: new Map(), display_name: new Map(), ip: new Map(), phone: new Map(), device: new Map(),
  };
  const slots = new Map<string, Slot>();
  const resolve = (kind: EuiiKind, value: string): Slot | null => {
    if (value.trim() === '') return null;
    const clear = normalizeEuii(kind, value);
    const pseudonym = `${PREFIX[kind]}_${createHmac('sha256', key).update(`${kind}\u0000${clear}`).digest('hex').slice(0, 20)}`;
    let slot = slots.get(pseudonym);
    if (!slot) slots.set(pseudonym, (slot = { pseudonym, kind, clear, window: -1, first: now, last: now, firstMs: nowMs, lastMs: nowMs }));
    seen[kind].set(value, slot);
    return slot;
  };
  const p = (kind: EuiiKind, value: string | null | undefined): string | null => {
    if (value === null || value === undefined) return null;
    const slot = seen[kind].get(value) ?? resolve(kind, value);
    if (!slot) return null;
    if (slot.window !== window) {
      slot.window = window;
      slot.first = slot.last = now;
      slot.firstMs = slot.lastMs = nowMs;
      pending.push(slot);
    } else if (nowMs > slot.lastMs) {
      slot.last = now;
      slot.lastMs = nowMs;
    } else if (nowMs < slot.firstMs) {
      slot.first = now;
      slot.firstMs = nowMs;
    }
    return slot.pseudonym;
  };
  const take = (): Slot[] => {
    const out = pending;
    pending = [];
    window++;
    return out;
  };
  return {
    p,
    user: (upn, objectId) => p('upn', upn) ?? p('user_id', objectId),
    at(iso) {
      const c = canonicalIso(iso);
      if (c === null) throw new RangeError(`not a date-time: ${iso}`);
      now = c;
      nowMs = Date.parse(now);
    },
    drain: () => take().map((s) => ({ pseudonym: s.pseudonym, kind: s.kind, clear: s.clear, firstSeen: s.first, lastSeen: s.last })),
    drainSeen: take,
  };
}
