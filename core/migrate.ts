/** Numbered, forward-only SQL migrations with checksums recorded in meta.migrations. */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Db } from './db.js';
import { CqdError } from './errors.js';
import { PROJECT_ROOT } from './sql.js';

export const MIGRATIONS_DIR = join(PROJECT_ROOT, 'transform', 'sql', 'migrations');

export interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

const FILE_RE = /^(\d{3,})_([a-z0-9_]+)\.sql$/;

export function checksum(sql: string): string {
  return createHash('sha256').update(sql).digest('hex');
}

/** Read migration files from a folder, in version order; refuses gaps and duplicate numbers. */
export function readMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  const out: Migration[] = [];
  for (const f of readdirSync(dir).sort()) {
    const m = FILE_RE.exec(f);
    if (!m || !m[1] || !m[2]) continue;
    const sql = readFileSync(join(dir, f), 'utf8');
    out.push({ version: Number(m[1]), name: m[2], sql, checksum: checksum(sql) });
  }
  out.sort((a, b) => a.version - b.version);
  out.forEach((mig, i) => {
    if (mig.version !== i + 1) throw new CqdError(`migrations: expected version ${i + 1}, found ${mig.version}_${mig.name}.sql in ${dir}`);
  });
  return out;
}

const appliedRow = z.object({ version: z.number(), name: z.string(), checksum: z.string() });

/** Apply every migration not yet applied, each in its own transaction. Returns the versions applied. */
export async function migrate(db: Db, migrations: Migration[] = readMigrations()): Promise<number[]> {
  await db.exec(`
    CREATE SCHEMA IF NOT EXISTS meta;
    CREATE TABLE IF NOT EXISTS meta.migrations (
      version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, checksum VARCHAR NOT NULL,
      applied_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp);`);
  const applied = await db.query('SELECT version, name, checksum FROM meta.migrations ORDER BY version', appliedRow);
  const byVersion = new Map(applied.map((a) => [a.version, a]));
  for (const a of applied) {
    const file = migrations.find((m) => m.version === a.version);
    if (!file) throw new CqdError(`migrations: the database has version ${a.version} (${a.name}) but no such file exists; this build is older than the database`);
    if (file.checksum !== a.checksum) {
      throw new CqdError(
        `migrations: ${String(a.version).padStart(3, '0')}_${a.name}.sql was changed after it was applied (checksum differs); migrations are forward-only, add a new one instead`,
      );
    }
  }
  const done: number[] = [];
  for (const m of migrations) {
    if (byVersion.has(m.version)) continue;
    await db.transaction(async (tx) => {
      await tx.exec(m.sql);
      await tx.run('INSERT INTO meta.migrations (version, name, checksum) VALUES ($v, $n, $c)', { v: m.version, n: m.name, c: m.checksum });
    });
    done.push(m.version);
  }
  return done;
}
