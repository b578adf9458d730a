import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateTenant } from '../../../demo/tenant/index.js';
import { createGroupMapper } from '../../../ingest/files/groupMapper.js';
import { createVaultAccumulator, createVaultEncoder } from '../../../ingest/files/vaultDelta.js';
import { createPseudonymizer } from '../../../ingest/pseudonymizer.js';

describe('group mapper', () => {
  it('closes a group at the file reaching minRows and sends each pseudonym once per group', () => {
    const t = generateTenant({ users: 10, days: 8, seed: 3 });
    const [a] = t.directRoutingCalls;
    if (!a) throw new Error('tenant too small');
    const dir = mkdtempSync(join(tmpdir(), 'cqd-gm-'));
    // The same call three times: one user, one number pair, seen at one time.
    for (const n of [1, 2, 3]) writeFileSync(join(dir, `${n}.json`), JSON.stringify({ value: [a] }));
    writeFileSync(join(dir, 'bad.json'), '{');
    const p = createPseudonymizer(Buffer.alloc(32, 2));
    const mapper = createGroupMapper({ p, runId: 'r', source: 'file', ingestedAt: '2026-01-01T00:00:00.000Z' }, createVaultEncoder(Buffer.alloc(32, 1)), 2);
    const acc = createVaultAccumulator();
    const f1 = mapper.map('directRoutingCalls', join(dir, '1.json'));
    expect([f1.closes, f1.vault.ids.length]).toEqual([false, 0]);
    const f2 = mapper.map('directRoutingCalls', join(dir, '2.json'));
    expect(f2.closes).toBe(true);
    acc.add(f1.vault);
    acc.add(f2.vault);
    const g1 = acc.take();
    expect(f2.vault.ids.length).toBe(g1.length);
    expect(new Set(g1.map((e) => e.pseudonym)).size).toBe(g1.length);
    expect(g1.length).toBeGreaterThan(0);
    // An unreadable file counts one row (its reject): with file 3 it closes the next group.
    const f3 = mapper.map('directRoutingCalls', join(dir, '3.json'));
    const bad = mapper.map('directRoutingCalls', join(dir, 'bad.json'));
    expect([f3.closes, bad.kind, bad.closes]).toEqual([false, 'unreadable', true]);
    expect(bad.vault.fresh).toEqual([]);
    acc.add(f3.vault);
    acc.add(bad.vault);
    expect(acc.take().map((e) => e.pseudonym)).toEqual(g1.map((e) => e.pseudonym));
    expect(mapper.drain().ids.length).toBe(0);
  });
});
