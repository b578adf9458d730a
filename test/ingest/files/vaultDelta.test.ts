import { describe, expect, it } from 'vitest';
import { createVaultAccumulator, createVaultEncoder, mergeVaultEntries } from '../../../ingest/files/vaultDelta.js';
import type { SeenValue } from '../../../ingest/pseudonymizer.js';
import { unseal } from '../../../ingest/seal.js';

const key = Buffer.alloc(32, 7);
const entry = (pseudonym: string, clear: string, firstSeen: string, lastSeen: string): SeenValue => ({ pseudonym, kind: 'upn', clear, firstMs: Date.parse(firstSeen), lastMs: Date.parse(lastSeen) });

describe('vault deltas', () => {
  it('sends each pseudonym once, sealed, and keeps the widest seen range per group', () => {
    const encode = createVaultEncoder(key);
    const acc = createVaultAccumulator();
    const d1 = encode([entry('u_a', 'a@x', '2026-01-02T00:00:00.000Z', '2026-01-03T00:00:00.000Z'), entry('u_b', 'b@x', '2026-01-05T00:00:00.000Z', '2026-01-05T00:00:00.000Z')]);
    const d2 = encode([entry('u_a', 'a@x', '2026-01-01T00:00:00.000Z', '2026-01-02T12:00:00.000Z')]);
    expect(d1.fresh.map((f) => f.pseudonym)).toEqual(['u_a', 'u_b']);
    expect(d2.fresh).toEqual([]);
    expect(JSON.stringify(d1)).not.toContain('a@x');
    acc.add(d1);
    acc.add(d2);
    const g1 = acc.take();
    expect(g1.map(({ sealed: _s, ...e }) => e)).toEqual([
      { pseudonym: 'u_a', kind: 'upn', firstSeen: '2026-01-01T00:00:00.000Z', lastSeen: '2026-01-03T00:00:00.000Z' },
      { pseudonym: 'u_b', kind: 'upn', firstSeen: '2026-01-05T00:00:00.000Z', lastSeen: '2026-01-05T00:00:00.000Z' },
    ]);
    expect(g1.map((e) => unseal(key, e.sealed, e.pseudonym))).toEqual(['a@x', 'b@x']);
    // The next group starts empty and holds only its own range, with the pseudonym's sealed form kept.
    acc.add(encode([entry('u_b', 'b@x', '2026-02-01T00:00:00.000Z', '2026-02-02T00:00:00.000Z')]));
    const g2 = acc.take();
    expect(g2.map((e) => [e.pseudonym, e.firstSeen, e.lastSeen, e.sealed])).toEqual([['u_b', '2026-02-01T00:00:00.000Z', '2026-02-02T00:00:00.000Z', g1[1]?.sealed]]);
    expect(acc.take()).toEqual([]);
  });

  it('refuses a delta naming a pseudonym its encoder never sent', () => {
    const acc = createVaultAccumulator();
    const other = createVaultEncoder(key);
    other(Array.from({ length: 3 }, (_, i) => entry(`u_${i}`, `${i}@x`, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')));
    const d = other([entry('u_new', 'n@x', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')]);
    expect(() => acc.add({ ...d, fresh: [] })).toThrow(/never sent/);
  });

  it('merges one group taken from several encoders into one entry per pseudonym with the widest range', () => {
    const [encA, encB] = [createVaultEncoder(key), createVaultEncoder(key)];
    const [accA, accB] = [createVaultAccumulator(), createVaultAccumulator()];
    accA.add(encA([entry('u_a', 'a@x', '2026-01-02T00:00:00.000Z', '2026-01-03T00:00:00.000Z'), entry('u_b', 'b@x', '2026-01-05T00:00:00.000Z', '2026-01-05T00:00:00.000Z')]));
    accB.add(encB([entry('u_c', 'c@x', '2026-01-04T00:00:00.000Z', '2026-01-04T00:00:00.000Z'), entry('u_a', 'a@x', '2026-01-01T00:00:00.000Z', '2026-01-02T12:00:00.000Z')]));
    const a = accA.take();
    const merged = mergeVaultEntries([a, accB.take()]);
    expect(merged.map(({ sealed: _s, ...e }) => e)).toEqual([
      { pseudonym: 'u_a', kind: 'upn', firstSeen: '2026-01-01T00:00:00.000Z', lastSeen: '2026-01-03T00:00:00.000Z' },
      { pseudonym: 'u_b', kind: 'upn', firstSeen: '2026-01-05T00:00:00.000Z', lastSeen: '2026-01-05T00:00:00.000Z' },
      { pseudonym: 'u_c', kind: 'upn', firstSeen: '2026-01-04T00:00:00.000Z', lastSeen: '2026-01-04T00:00:00.000Z' },
    ]);
    expect(merged.map((e) => unseal(key, e.sealed, e.pseudonym))).toEqual(['a@x', 'b@x', 'c@x']);
    // The accumulator's own entries are left as they were taken.
    expect(a[0]?.firstSeen).toBe('2026-01-02T00:00:00.000Z');
    expect(mergeVaultEntries([])).toEqual([]);
  });
});
