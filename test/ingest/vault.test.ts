import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createPseudonymizer } from '../../ingest/pseudonymizer.js';
import { purgeVault, reveal } from '../../ingest/vault.js';
import { writeBatch } from '../../ingest/writeBatch.js';
import { tempStore } from '../helpers/tempStore.js';

const key = Buffer.alloc(32, 5);
let cleanup = () => {};
afterEach(() => cleanup());

describe('vault', () => {
  it('purges values past retention, keeps recent ones, and no clear UPN is in the file', async () => {
    const s = await tempStore();
    cleanup = s.cleanup;
    const p = createPseudonymizer(Buffer.alloc(32, 2));
    p.at('2026-09-01T00:00:00Z');
    const old = p.p('upn', 'old.user@contoso.com');
    p.at('2026-11-20T00:00:00Z');
    const recent = p.p('upn', 'recent.user@contoso.com');
    await writeBatch(s.db, { runId: 'r', vault: p.drain() }, key, new Date('2026-11-21T00:00:00Z'));
    expect(await purgeVault(s.db, new Date('2026-11-21T00:00:00Z'), 28)).toBe(1);
    const clear = await reveal(s.db, key, [old!, recent!]);
    expect(clear.get(recent!)).toBe('recent.user@contoso.com');
    expect(clear.has(old!)).toBe(false);
    const bytes = readFileSync(s.path);
    expect(bytes.includes(Buffer.from('old.user@contoso.com'))).toBe(false);
    expect(bytes.includes(Buffer.from('recent.user@contoso.com'))).toBe(false);
  });

  it('cannot reveal with the wrong key', async () => {
    const s = await tempStore();
    cleanup = s.cleanup;
    const p = createPseudonymizer(Buffer.alloc(32, 2));
    const u = p.p('upn', 'someone@contoso.com');
    await writeBatch(s.db, { runId: 'r', vault: p.drain() }, key, new Date());
    await expect(reveal(s.db, Buffer.alloc(32, 6), [u!])).rejects.toThrow(/wrong vault key/);
  });
});
