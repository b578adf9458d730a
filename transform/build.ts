/**
 * `build`: raw → staging (views) → intermediate → marts (tables), then the data checks.
 * The marts are written beside the old ones (marts.<name>__next) and swapped in by one transaction that
 * also applies their comments and runs the checks, so readers see the old marts or the new ones, never
 * half a build, and a failed check leaves the old marts in place.
 * Skips the work when nothing it reads changed since the last successful build.
 */
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Db } from '../core/db.js';
import { DataCheckError } from '../core/errors.js';
import type { Logger } from '../core/log.js';
import { PROJECT_ROOT, loadSql, quoteIdent } from '../core/sql.js';
import { mapEndpoints } from '../sites/mapEndpoints.js';

export interface BuildOptions {
  signInWindowMinutes: number;
  carrierMap: Record<string, string>;
  /** Rebuild even when the inputs look unchanged. */
  force?: boolean;
  log: Logger;
}

export interface BuildSummary {
  skipped: boolean;
  attempts: number;
  failures: number;
  authLinked: number;
  models: number;
  ms: number;
}

const LAYERS = ['staging', 'intermediate', 'marts', 'comments'] as const;
/** Suffix of the marts a build writes before it swaps them in. */
const NEXT = '__next';

function sqlFiles(layer: string): string[] {
  const dir = join(PROJECT_ROOT, 'transform', 'sql', layer);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((f) => `transform/sql/${layer}/${f}`);
}

const fingerprintRow = z.object({ fp: z.string() });

/** A cheap fingerprint of everything the build reads: raw row counts and latest ingest, site files, params. */
async function inputFingerprint(db: Db, opts: BuildOptions): Promise<string> {
  const rows = await db.query(
    `SELECT concat_ws('|',
       (SELECT count(*) || ':' || coalesce(max(ingested_at)::VARCHAR, '') FROM raw.call_records),
       (SELECT count(*) FROM raw.call_sessions),
       (SELECT count(*) || ':' || coalesce(max(ingested_at)::VARCHAR, '') FROM raw.direct_routing_calls),
       (SELECT count(*) || ':' || coalesce(max(ingested_at)::VARCHAR, '') FROM raw.pstn_calls),
       (SELECT count(*) || ':' || coalesce(max(ingested_at)::VARCHAR, '') FROM raw.sign_ins),
       (SELECT count(*) || ':' || coalesce(max(imported_at)::VARCHAR, '') || ':' || coalesce(max(end_date)::VARCHAR, '') FROM sites.files),
       (SELECT max(version) FROM meta.migrations)) AS fp`,
    fingerprintRow,
  );
  const files = LAYERS.flatMap(sqlFiles).map((f) => loadSql(f)).join('\n');
  return createHash('sha256')
    .update(rows[0]?.fp ?? '')
    .update(JSON.stringify([opts.signInWindowMinutes, Object.entries(opts.carrierMap).sort()]))
    .update(files)
    .digest('hex');
}

const countsRow = z.object({ attempts: z.number(), failures: z.number(), auth: z.number() });

export async function build(db: Db, opts: BuildOptions): Promise<BuildSummary> {
  const t0 = performance.now();
  const fp = await inputFingerprint(db, opts);
  const last = await db.query(`SELECT value AS fp FROM meta.build_params WHERE key = 'input_fingerprint'`, fingerprintRow);
  if (!opts.force && last[0]?.fp === fp) {
    opts.log.info('build: inputs unchanged since the last build, nothing to do (use --force to rebuild)');
    return { skipped: true, ...(await counts(db)), models: 0, ms: performance.now() - t0 };
  }
  let models = 0;
  const runLayer = async (target: Db, layer: (typeof LAYERS)[number]) => {
    for (const file of sqlFiles(layer)) {
      opts.log.debug(`build: ${file}`);
      await target.exec(loadSql(file));
      // Written marts are flushed, so the next model gets the whole memory budget (intermediate tables are temporary).
      if (layer === 'marts') await target.run('CHECKPOINT');
      models++;
      if (file.endsWith('020_int_session_endpoints.sql')) {
        await mapEndpoints(target, 'temp.int_session_endpoints', 'temp.int_endpoint_sites');
        models++;
      }
      // The other marts and the checks read the fact table only: the intermediate layer's memory goes to them.
      if (file.endsWith('marts/010_setup_attempts.sql')) await dropIntermediate(target);
    }
  };
  // The parameters first; dropping the fingerprint with them marks a build in progress, so a build that
  // stops half-way is redone by the next one.
  await db.transaction(async (tx) => {
    await tx.run('DELETE FROM meta.build_params');
    await tx.run(`INSERT INTO meta.build_params VALUES ('sign_in_window_minutes', $v)`, { v: String(opts.signInWindowMinutes) });
    await tx.run('DELETE FROM meta.carrier_map');
    for (const [k, v] of Object.entries(opts.carrierMap)) {
      await tx.run('INSERT INTO meta.carrier_map VALUES ($k, $v)', { k: k.toLowerCase().replace(/\/([a-z]{2})$/, (_m, c: string) => `/${c.toUpperCase()}`), v });
    }
  });
  // Staging views and the intermediate layer are the build's own scratch (nothing else reads them). The
  // intermediate tables and views are temporary (temp.int_*, dropped at the end): they never reach the
  // database file, which spares writing and compressing them (a 10 M-row table took a third of the time
  // to write), and DuckDB spills them to its temp directory when memory is short. The marts are written as
  // marts.<name>__next. Every model is committed as it is made, so the next one reads a committed table
  // with statistics, which DuckDB scans and plans far better than tables still private to an open
  // transaction (2-3x at 1 M attempts), and no model's output is held by a transaction.
  // No model depends on the order rows are written in; letting DuckDB write in any order lets both cores
  // write and keeps less in memory.
  await dropNextMarts(db); // left by a build that stopped half-way
  await db.run('SET preserve_insertion_order = false');
  try {
    await runLayer(db, 'staging');
    await runLayer(db, 'intermediate');
    await runLayer(db, 'marts');
    // The swap, the comments, the checks and the fingerprint in one transaction.
    await db.transaction(async (tx) => {
      opts.log.debug('build: swap');
      for (const name of await nextMarts(tx)) {
        const base = name.slice(0, -NEXT.length);
        await tx.run(`DROP TABLE IF EXISTS marts.${quoteIdent(base)}`);
        await tx.run(`ALTER TABLE marts.${quoteIdent(name)} RENAME TO ${quoteIdent(base)}`);
      }
      await runLayer(tx, 'comments');
      opts.log.debug('build: data checks');
      await runChecks(tx);
      await tx.run(`INSERT INTO meta.build_params VALUES ('input_fingerprint', $fp)`, { fp });
      opts.log.debug('build: commit');
    });
  } finally {
    await dropNextMarts(db); // after a failed check or model: the old marts stay as they were
    await dropIntermediate(db);
    await db.run('RESET preserve_insertion_order');
  }
  const c = await counts(db);
  return { skipped: false, ...c, models, ms: performance.now() - t0 };
}

const tableName = z.object({ table_name: z.string() });

/** The marts this build wrote and has not swapped in yet (marts.<name>__next). */
async function nextMarts(db: Db): Promise<string[]> {
  const rows = await db.query(
    `SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = 'marts' AND suffix(table_name, $next) ORDER BY 1`,
    tableName,
    { next: NEXT },
  );
  return rows.map((r) => r.table_name);
}

async function dropNextMarts(db: Db): Promise<void> {
  for (const name of await nextMarts(db)) await db.run(`DROP TABLE marts.${quoteIdent(name)}`);
}

const relationRow = z.object({ name: z.string(), kind: z.enum(['TABLE', 'VIEW', 'TYPE', 'MACRO']) });

/**
 * The intermediate layer's temporary objects (temp.int_*): its tables, views and macros, and the ENUM
 * types it and marts/010 make (a column holds its ENUM by value, so the types are not needed once the
 * mart exists). Memory the connection would otherwise keep.
 */
async function dropIntermediate(db: Db): Promise<void> {
  const rows = await db.query(
    `SELECT view_name AS name, 'VIEW' AS kind FROM duckdb_views() WHERE temporary AND starts_with(view_name, 'int_')
     UNION ALL
     SELECT table_name, 'TABLE' FROM duckdb_tables() WHERE temporary AND starts_with(table_name, 'int_')
     UNION ALL
     SELECT type_name, 'TYPE' FROM duckdb_types() WHERE database_name = 'temp' AND starts_with(type_name, 'int_')
     UNION ALL
     SELECT DISTINCT function_name, 'MACRO' FROM duckdb_functions()
     WHERE database_name = 'temp' AND function_type = 'macro' AND starts_with(function_name, 'int_')`,
    relationRow,
  );
  for (const r of rows) await db.run(`DROP ${r.kind} IF EXISTS temp.${quoteIdent(r.name)}`);
}

async function counts(db: Db): Promise<{ attempts: number; failures: number; authLinked: number }> {
  const r = await db.query(
    `SELECT count(*)::INTEGER AS attempts, count(*) FILTER (WHERE is_failure)::INTEGER AS failures,
            count(*) FILTER (WHERE auth_linked)::INTEGER AS auth
     FROM marts.setup_attempts`,
    countsRow,
  );
  return { attempts: r[0]?.attempts ?? 0, failures: r[0]?.failures ?? 0, authLinked: r[0]?.auth ?? 0 };
}

/** Run every check in transform/sql/checks/: each must return zero rows. */
export async function runChecks(db: Db): Promise<void> {
  const failed: string[] = [];
  for (const file of sqlFiles('checks')) {
    const { columns, rows } = await db.queryRaw(`SELECT * FROM (${loadSql(file).trim().replace(/;$/, '')}) LIMIT 5`);
    if (rows.length === 0) continue;
    const sample = rows.map((r) => columns.map((c, i) => `${c}=${String(r[i])}`).join(' ')).join('\n    ');
    failed.push(`${file}: ${rows.length === 5 ? '5 or more' : rows.length} offending row(s), e.g.\n    ${sample}`);
  }
  if (failed.length) throw new DataCheckError(`data checks failed:\n  ${failed.join('\n  ')}`);
}
