/**
 * Set-based site mapping (DuckDB, one pass): see the macros sites.match_endpoints (key → matched
 * building-file row) and sites.map_endpoints (the same with the row's names) in sites/map.sql.
 *
 * From TypeScript:  await mapEndpoints(db, 'staging.stg_endpoints')   → temp table int_endpoint_sites
 * From SQL (after installSiteMacros(db) ran once on this database):
 *   CREATE OR REPLACE TEMP TABLE int_endpoint_sites AS FROM sites.map_endpoints('staging.stg_endpoints');
 * The source relation needs columns key (unique), day DATE, subnet VARCHAR, ip_prefix VARCHAR.
 */
import { z } from 'zod';
import type { Db } from '../core/db.js';
import { loadSql, quoteIdent } from '../core/sql.js';

/** Create or replace the sites.* macros (idempotent; needs the sites schema from migration 004). */
export async function installSiteMacros(db: Db): Promise<void> {
  await db.exec(loadSql('sites/map.sql'));
}

/** Quote a possibly schema-qualified relation name: 'staging.stg_endpoints' → "staging"."stg_endpoints". */
export function quoteRelation(name: string): string {
  return name
    .split('.')
    .map((p) => quoteIdent(p))
    .join('.');
}

/**
 * (Re)build `target` (default temp.int_endpoint_sites, a temporary table of this connection) from the relation `source`: one row per
 * source key with site, site_region, site_country, site_building, site_subnet, site_network,
 * site_match ('subnet' | 'ip_range' | 'vpn' | 'none'), site_file_id, site_inside_corp. Returns its row count.
 */
export async function mapEndpoints(db: Db, source: string, target = 'temp.int_endpoint_sites'): Promise<number> {
  return materialize(db, 'map_endpoints', source, target);
}

/**
 * (Re)build `target` from the relation `source` with the match only: one row per source key with
 * site_file_id, site_line (the matched sites.networks row, NULL when none) and site_match. The narrow
 * form for millions of endpoints: join sites.networks on (file_id, line) for the names where needed.
 */
export async function matchEndpoints(db: Db, source: string, target: string): Promise<number> {
  return materialize(db, 'match_endpoints', source, target);
}

async function materialize(db: Db, macro: 'map_endpoints' | 'match_endpoints', source: string, target: string): Promise<number> {
  await installSiteMacros(db);
  const parts = target.split('.');
  // temp.<name>: a temporary table (DuckDB names those without the catalog when it creates them)
  const temp = parts.length === 2 && parts[0] === 'temp';
  if (parts.length === 2 && parts[0] && !temp) await db.run(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(parts[0])}`);
  const create = temp ? `TEMP TABLE ${quoteIdent(parts[1] ?? '')}` : `TABLE ${quoteRelation(target)}`;
  await db.run(`CREATE OR REPLACE ${create} AS FROM sites.${macro}($src)`, { src: source });
  const n = await db.query(`SELECT count(*)::BIGINT AS n FROM ${quoteRelation(target)}`, z.object({ n: z.bigint() }));
  return Number(n[0]?.n ?? 0n);
}
