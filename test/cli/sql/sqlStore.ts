/** A temp live store with seeded marts, one revealable user, and a published analyst snapshot. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { CommandContext } from '../../../cli/context.js';
import { fixedClock } from '../../../core/clock.js';
import { loadConfig } from '../../../core/config.js';
import { memoryLogger } from '../../../core/log.js';
import { openStore } from '../../../core/store.js';
import { PSEUDONYM_KEY_ENV, VAULT_KEY_ENV } from '../../../ingest/keys.js';
import { createPseudonymizer } from '../../../ingest/pseudonymizer.js';
import { writeBatch } from '../../../ingest/writeBatch.js';
import { publishSnapshot } from '../../../transform/snapshot.js';
import { seedMarts } from './fixtureStore.js';

export const VAULT_KEY = Buffer.alloc(32, 7);
export const PSEUDONYM_KEY = Buffer.alloc(32, 8);
export const KEY_ENV = { [VAULT_KEY_ENV]: VAULT_KEY.toString('base64'), [PSEUDONYM_KEY_ENV]: PSEUDONYM_KEY.toString('base64') };
export const ALICE = 'alice.example@contoso.test';

export interface SqlStore {
  dir: string;
  livePath: string;
  snapshot: string;
  alice: string;
  cleanup: () => void;
}

/** The live DB is closed again when this returns, as when the daemon is stopped. */
export async function sqlStore(n = 3000): Promise<SqlStore> {
  const dir = mkdtempSync(join(tmpdir(), 'cqd-sql-'));
  const livePath = join(dir, 'live.duckdb');
  const db = await openStore(livePath);
  try {
    await seedMarts(db, n);
    const p = createPseudonymizer(PSEUDONYM_KEY);
    p.at('2026-11-20T00:00:00Z');
    const alice = p.p('upn', ALICE) ?? '';
    await writeBatch(db, { runId: 'r', vault: p.drain() }, VAULT_KEY, new Date('2026-11-20T00:00:00Z'));
    await db.run(`UPDATE marts.setup_attempts SET user_p = $a WHERE attempt_id IN ('dr:1', 'cr:2', 'dr:3', 'cr:4', 'si:5', 'dr:6', 'cr:7')`, { a: alice });
    const pub = await publishSnapshot(db, livePath);
    return { dir, livePath, snapshot: pub.path, alice, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
  } finally {
    db.close();
  }
}

export interface TestCtx extends CommandContext {
  out: string[];
  err: string[];
}

export function sqlCtx(store: SqlStore, argv: string[], opts: { tty?: boolean; env?: Record<string, string> } = {}): TestCtx {
  const out: string[] = [];
  const err: string[] = [];
  const env = opts.env ?? {};
  return {
    argv,
    out,
    err,
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    stdoutIsTTY: opts.tty ?? false,
    env,
    cwd: store.dir,
    log: memoryLogger(),
    clock: fixedClock('2026-11-21T00:00:00Z'),
    config: () => loadConfig({ db: store.livePath, env, cwd: store.dir }),
    signal: new AbortController().signal,
  };
}

export function stdinOf(text: string): { stdin: PassThrough; stdinIsTTY: boolean; stdoutStream: PassThrough } {
  const stdin = new PassThrough();
  stdin.end(text);
  return { stdin, stdinIsTTY: false, stdoutStream: new PassThrough() };
}
