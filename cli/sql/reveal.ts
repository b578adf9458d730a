/**
 * --reveal: admins with the vault key see clear UPNs in place of user pseudonyms in their output.
 * The vault is never in the analyst snapshot, so the live database is opened read-only for the lookup.
 */
import { openDb } from '../../core/db.js';
import type { Env } from '../../core/config.js';
import { CqdError, DatabaseInUseError } from '../../core/errors.js';
import { defaultKeyFile, loadKeys, VAULT_KEY_ENV } from '../../ingest/keys.js';
import { reveal } from '../../ingest/vault.js';
import type { SqlResult } from './result.js';

/** User pseudonyms (UPN or Entra object id) as the pseudonymizer writes them. */
const USER_PSEUDONYM = /^(u|oid)_[0-9a-f]{20}$/;

export function userPseudonyms(r: SqlResult): string[] {
  const out = new Set<string>();
  for (const row of r.rows) for (const v of row) if (typeof v === 'string' && USER_PSEUDONYM.test(v)) out.add(v);
  return [...out];
}

/** The same result with every known pseudonym replaced by its clear value (unknown ones stay). */
export function applyReveal(r: SqlResult, clear: ReadonlyMap<string, string>): SqlResult {
  return { ...r, rows: r.rows.map((row) => row.map((v) => (typeof v === 'string' ? (clear.get(v) ?? v) : v))) };
}

export interface RevealDeps {
  env: Env;
  keyFile: string | undefined;
  /** The live pipeline database (holds the vault). */
  livePath: string;
}

/** Fails with a clear message before any query runs when the key is missing. */
export function requireVaultKey(deps: RevealDeps): Buffer {
  const keys = loadKeys({ env: deps.env, keyFile: deps.keyFile, dbPath: deps.livePath, create: false });
  if (!keys) {
    throw new CqdError(`--reveal needs the vault key (${VAULT_KEY_ENV} or the key file ${deps.keyFile ?? defaultKeyFile(deps.livePath)}); without it pseudonyms stay pseudonyms`, 1);
  }
  return keys.vaultKey;
}

export async function revealResult(r: SqlResult, vaultKey: Buffer, livePath: string): Promise<SqlResult> {
  const pseudonyms = userPseudonyms(r);
  if (pseudonyms.length === 0) return r;
  let db;
  try {
    db = await openDb(livePath, { readOnly: true });
  } catch (e) {
    if (e instanceof DatabaseInUseError) throw new CqdError(`--reveal reads the vault in the live database: ${e.message}`, 1, { cause: e });
    throw e;
  }
  try {
    return applyReveal(r, await reveal(db, vaultKey, pseudonyms));
  } finally {
    db.close();
  }
}
