/** The EUII vault: retention purge and re-identification for admins who hold the key. */
import { z } from 'zod';
import type { Db } from '../core/db.js';
import { unseal } from './seal.js';

/** Delete clear values last seen before the retention edge, then checkpoint so the file drops them. */
export async function purgeVault(db: Db, now: Date, retentionDays: number): Promise<number> {
  const edge = new Date(now.getTime() - retentionDays * 86_400_000).toISOString();
  const n = await db.query('SELECT count(*)::INTEGER AS n FROM vault.euii WHERE last_seen < $edge::TIMESTAMPTZ', z.object({ n: z.number() }), { edge });
  await db.run('DELETE FROM vault.euii WHERE last_seen < $edge::TIMESTAMPTZ', { edge });
  await db.run('CHECKPOINT');
  return n[0]?.n ?? 0;
}

const sealedRow = z.object({ pseudonym: z.string(), kind: z.string(), sealed: z.string() });

/** Clear values for the given pseudonyms (those still in the vault); needs the vault key. */
export async function reveal(db: Db, vaultKey: Buffer, pseudonyms: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (pseudonyms.length === 0) return out;
  const unique = [...new Set(pseudonyms)];
  for (let i = 0; i < unique.length; i += 1000) {
    const chunk = unique.slice(i, i + 1000);
    const rows = await db.query(
      'SELECT pseudonym, kind, sealed FROM vault.euii WHERE list_contains(string_split($list, chr(31)), pseudonym)',
      sealedRow,
      { list: chunk.join('\u001f') },
    );
    for (const r of rows) out.set(r.pseudonym, unseal(vaultKey, r.sealed, r.pseudonym));
  }
  return out;
}
