/**
 * The analyst snapshot: analytics.duckdb beside the live file, holding marts and patterns only
 * (pseudonyms, never the vault). DuckDB lets one process hold the live file, so analysts read this
 * copy instead. Published by writing a new file and renaming it into place: a reader sees the old
 * file or the new one, never a half-written one.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import type { Db } from '../core/db.js';
import { loadSql, quoteIdent, quoteString } from '../core/sql.js';

export const SNAPSHOT_FILE = 'analytics.duckdb';

export function snapshotPath(dbPath: string): string {
  return join(dirname(dbPath), SNAPSHOT_FILE);
}

export interface PublishedSnapshot {
  path: string;
  ms: number;
  /** Relations copied, as schema.table. */
  tables: string[];
}

export const relationRow = z.object({ schema_name: z.string(), table_name: z.string(), comment: z.string(), kind: z.enum(['table', 'view']) });
export const columnRow = z.object({ schema_name: z.string(), table_name: z.string(), column_name: z.string(), data_type: z.string(), comment: z.string() });
const nameRow = z.object({ name: z.string() });

function fsyncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Copy marts.* and patterns.* (with their comments) into a new file and rename it over the snapshot. */
export async function publishSnapshot(db: Db, dbPath: string): Promise<PublishedSnapshot> {
  const t0 = performance.now();
  const target = snapshotPath(dbPath);
  const suffix = `${process.pid}_${randomBytes(4).toString('hex')}`;
  const tmp = join(dirname(target), `.${SNAPSHOT_FILE}.${suffix}.tmp`);
  const alias = quoteIdent(`cqd_snapshot_${suffix}`);
  const live = quoteIdent((await db.query('SELECT current_database() AS name', nameRow))[0]?.name ?? 'memory');
  const relations = await db.query(loadSql('transform/sql/snapshot/relations.sql'), relationRow);
  const columns = await db.query(loadSql('transform/sql/snapshot/columns.sql'), columnRow);
  let attached = false;
  try {
    // DDL cannot bind parameters: the path and the comments go in as quoted literals.
    await db.run(`ATTACH ${quoteString(tmp)} AS ${alias}`);
    attached = true;
    await db.transaction(async (tx) => {
      for (const schema of [...new Set(relations.map((r) => r.schema_name))]) await tx.run(`CREATE SCHEMA ${alias}.${quoteIdent(schema)}`);
      for (const r of relations) {
        const name = `${quoteIdent(r.schema_name)}.${quoteIdent(r.table_name)}`;
        await tx.run(`CREATE TABLE ${alias}.${name} AS SELECT * FROM ${live}.${name}`);
        if (r.comment) await tx.run(`COMMENT ON TABLE ${alias}.${name} IS ${quoteString(r.comment)}`);
        for (const c of columns) {
          if (c.schema_name !== r.schema_name || c.table_name !== r.table_name || !c.comment) continue;
          await tx.run(`COMMENT ON COLUMN ${alias}.${name}.${quoteIdent(c.column_name)} IS ${quoteString(c.comment)}`);
        }
      }
    });
    await db.run(`CHECKPOINT ${alias}`);
    await db.run(`DETACH ${alias}`);
    attached = false;
    fsyncPath(tmp);
    // A WAL left beside the old snapshot would be replayed onto the new file: readers never write one, but be sure.
    if (existsSync(`${target}.wal`)) rmSync(`${target}.wal`, { force: true });
    renameSync(tmp, target);
    fsyncPath(dirname(target));
  } catch (e) {
    if (attached) await db.run(`DETACH ${alias}`).catch(() => undefined);
    rmSync(tmp, { force: true });
    rmSync(`${tmp}.wal`, { force: true });
    throw e;
  }
  return { path: target, ms: performance.now() - t0, tables: relations.map((r) => `${r.schema_name}.${r.table_name}`) };
}
