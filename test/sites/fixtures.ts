/** Building-file fixtures built in code. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb, type Db } from '../../core/db.js';
import { migrate, readMigrations } from '../../core/migrate.js';

export interface LineSpec {
  ip: string;
  range: number | string;
  building?: string;
  name?: string;
  country?: string;
  region?: string;
  city?: string;
  inside?: string;
  express?: string;
  vpn?: string | undefined;
}

/** One CSV row (15 columns; 14 when vpn is explicitly undefined and `old` is set). */
export function line(s: LineSpec, old = false): string {
  const b = s.building ?? 'HQ';
  const cols = [s.ip, s.name ?? `net/${b}`, String(s.range), b, 'Contoso', 'Office', 'Eng', s.city ?? 'Berlin', '10115', s.country ?? 'DE', 'BE', s.region ?? 'EMEA', s.inside ?? '1', s.express ?? '0'];
  if (!old) cols.push(s.vpn ?? '0');
  return cols.join(',');
}

export function csv(lines: readonly string[]): string {
  return lines.join('\n') + '\n';
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'cqd-sites-'));
}

export function writeTemp(dir: string, name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

/** An in-memory database with migrations 001–004 (meta … sites): later ones belong to other work. */
export async function memoryDb(): Promise<Db> {
  const db = await openDb(':memory:');
  await migrate(db, readMigrations().filter((m) => m.version <= 4));
  return db;
}
