import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateTenant } from '../../../demo/tenant/index.js';
import { createFileMapper } from '../../../ingest/files/fileMapper.js';
import { SEQ_STRIDE } from '../../../ingest/rows/rawLines.js';
import { createVaultAccumulator, createVaultEncoder } from '../../../ingest/files/vaultDelta.js';
import { createPseudonymizer } from '../../../ingest/pseudonymizer.js';

describe('file mapper', () => {
  it("hands over each file's vault entries with the file, each pseudonym sealed once", () => {
    const t = generateTenant({ users: 10, days: 8, seed: 3 });
    const [a] = t.directRoutingCalls;
    if (!a) throw new Error('tenant too small');
    const dir = mkdtempSync(join(tmpdir(), 'cqd-fm-'));
    // The same call three times: one user, one number pair, seen at one time.
    for (const n of [1, 2]) writeFileSync(join(dir, `${n}.json`), JSON.stringify({ value: [a, a] }));
    writeFileSync(join(dir, 'bad.json'), '{');
    const p = createPseudonymizer(Buffer.alloc(32, 2));
    const mapper = createFileMapper({ p, runId: 'r', source: 'file', ingestedAt: '2026-01-01T00:00:00.000Z' }, createVaultEncoder(Buffer.alloc(32, 1)));
    const acc = createVaultAccumulator();
    const f1 = mapper.map('directRoutingCalls', join(dir, '1.json'), 7);
    if (f1.kind !== 'mapped') throw new Error('not mapped');
    expect([f1.rows, f1.accepted, f1.rejects]).toEqual([2, 2, []]);
    // Lines for DuckDB's read_json: each row once, its place in the import as _seq, times in one form.
    const lines = f1.lines.direct_routing_calls.join('').trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l._seq)).toEqual([7 * SEQ_STRIDE, 7 * SEQ_STRIDE + 1]);
    expect(lines[0]?.start_ts).toBe(new Date(a.startDateTime).toISOString());
    expect(f1.lines.call_records).toEqual([]);
    // One entry per pseudonym the file touched (the row twice: still once), every one fresh and sealed.
    const pseudonyms = Object.entries(lines[0] ?? {}).filter(([k, v]) => k.endsWith('_p') && v !== null).map(([, v]) => v);
    expect(pseudonyms.length).toBeGreaterThan(2);
    expect(f1.vault.ids.length).toBe(new Set(pseudonyms).size);
    expect(f1.vault.fresh.map((f) => f.pseudonym).sort()).toEqual([...new Set(pseudonyms)].sort());
    // The second file touches the same pseudonyms: entries again (its own seen range), none fresh.
    const f2 = mapper.map('directRoutingCalls', join(dir, '2.json'), 8);
    expect([f2.vault.ids.length, f2.vault.fresh.length]).toEqual([f1.vault.ids.length, 0]);
    acc.add(f1.vault);
    acc.add(f2.vault);
    expect(acc.take().map((e) => e.pseudonym).sort()).toEqual([...new Set(pseudonyms)].sort());
    // An unreadable file has no entries, and counts one row (its reject).
    const bad = mapper.map('directRoutingCalls', join(dir, 'bad.json'), 9);
    expect([bad.kind, bad.vault.ids.length, bad.vault.fresh.length]).toEqual(['unreadable', 0, 0]);
  });
});
