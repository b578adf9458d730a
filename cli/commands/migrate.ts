import { openDb } from '../../core/db.js';
import { migrate } from '../../core/migrate.js';
import type { Command } from '../context.js';

/** `cqd-patterns migrate`: apply pending migrations and say which. */
export const migrateCommand: Command = async (ctx) => {
  const { dbPath } = ctx.config();
  const db = await openDb(dbPath);
  try {
    const applied = await migrate(db);
    ctx.stdout(applied.length ? `applied migrations ${applied.join(', ')} to ${dbPath}\n` : `${dbPath} is up to date\n`);
    return 0;
  } finally {
    db.close();
  }
};
