/** SQL helpers: load .sql files from the tree, quote identifiers. Parameters are always bound, never interpolated. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root (one level above core/). */
export const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Read a .sql file given relative to the project root, e.g. 'transform/sql/marts/setup_attempts.sql'. */
export function loadSql(relPath: string): string {
  return readFileSync(join(PROJECT_ROOT, relPath), 'utf8');
}

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export function quoteString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}
