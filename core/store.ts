/** Open the pipeline's database and bring its schema up to date. */
import { openDb, type Db, type OpenOptions } from './db.js';
import { migrate } from './migrate.js';

export async function openStore(path: string, opts: OpenOptions = {}): Promise<Db> {
  const db = await openDb(path, opts);
  if (!opts.readOnly) {
    try {
      await migrate(db);
    } catch (e) {
      db.close();
      throw e;
    }
  }
  return db;
}
