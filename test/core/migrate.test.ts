import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../core/db.js';
import { checksum, migrate, readMigrations, type Migration } from '../../core/migrate.js';

const mig = (version: number, sql: string): Migration => ({ version, name: `m${version}`, sql, checksum: checksum(sql) });

describe('migrations', () => {
  it('applies the project migrations once; a second run is a no-op', async () => {
    const db = await openDb(':memory:');
    const first = await migrate(db);
    expect(first.length).toBe(readMigrations().length);
    expect(await migrate(db)).toEqual([]);
    const n = await db.query('SELECT count(*)::INTEGER AS n FROM meta.migrations', z.object({ n: z.number() }));
    expect(n[0]?.n).toBe(first.length);
    db.close();
  });

  it('refuses a migration whose file changed after it was applied', async () => {
    const db = await openDb(':memory:');
    await migrate(db, [mig(1, 'CREATE TABLE a (x INTEGER);')]);
    await expect(migrate(db, [mig(1, 'CREATE TABLE a (x BIGINT);')])).rejects.toThrow(/was changed after it was applied/);
    db.close();
  });

  it('rolls back a failing migration entirely', async () => {
    const db = await openDb(':memory:');
    await expect(migrate(db, [mig(1, 'CREATE TABLE ok (x INTEGER); SELECT * FROM no_such_table;')])).rejects.toThrow();
    const t = await db.query("SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name = 'ok'", z.object({ n: z.number() }));
    expect(t[0]?.n).toBe(0);
    db.close();
  });

  it('refuses a gap in the numbering', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cqd-mig-'));
    writeFileSync(join(dir, '001_a.sql'), 'SELECT 1;');
    writeFileSync(join(dir, '003_c.sql'), 'SELECT 1;');
    expect(() => readMigrations(dir)).toThrow(/expected version 2/);
  });
});
