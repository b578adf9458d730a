/** Open what most commands need: the validated config, the migrated store, and the vault keys. */
import type { Config } from '../core/config.js';
import type { Db } from '../core/db.js';
import type { ExitCode } from '../core/errors.js';
import { openStore } from '../core/store.js';
import { loadKeys, type VaultKeys } from '../ingest/keys.js';
import type { CommandContext } from './context.js';

export interface Pipeline {
  config: Config;
  dbPath: string;
  db: Db;
  keys: VaultKeys;
}

export async function openPipeline(ctx: CommandContext): Promise<Pipeline> {
  const { config, dbPath } = ctx.config();
  const db = await openStore(dbPath, config.memoryLimit ? { memoryLimit: config.memoryLimit } : {});
  try {
    const keys = loadKeys({
      env: ctx.env,
      keyFile: config.vault.keyFile,
      dbPath,
      create: true,
      onCreate: (file) => ctx.log.warn(`created vault key file ${file} (mode 0600): keep it safe and out of backups of the database; without it pseudonyms cannot be revealed`),
    });
    if (!keys) throw new Error('unreachable: keys are created when missing');
    return { config, dbPath, db, keys };
  } catch (e) {
    db.close();
    throw e;
  }
}

/** Run a command body with an open pipeline and always close the database. */
export async function withPipeline(ctx: CommandContext, fn: (p: Pipeline) => Promise<ExitCode>): Promise<ExitCode> {
  const p = await openPipeline(ctx);
  try {
    return await fn(p);
  } finally {
    p.db.close();
  }
}
