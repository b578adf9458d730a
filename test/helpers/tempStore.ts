import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db } from '../../core/db.js';
import { openStore } from '../../core/store.js';

/** A migrated DuckDB file in a fresh temp folder; call cleanup() in afterEach/afterAll. */
export async function tempStore(): Promise<{ db: Db; dir: string; path: string; cleanup: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'cqd-test-'));
  const path = join(dir, 'test.duckdb');
  const db = await openStore(path);
  return {
    db,
    dir,
    path,
    cleanup: () => {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
