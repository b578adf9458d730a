/** A store with marts.setup_attempts (seeded, via the pattern tests' generator) and marts.daily_rollup. */
import type { Db } from '../../core/db.js';
import { loadSql } from '../../core/sql.js';
import { fillAttempts } from '../transform/patterns/attemptsFixture.js';
import { EVIL_SITE } from './fixtures.js';

export const STORE_END = '2026-11-23T00:00:00Z';

export async function fillReportStore(db: Db, attempts = 60_000): Promise<void> {
  await fillAttempts(db, { attempts, users: 1500, end: STORE_END, heavyUser: true, incidents: [{ where: "site LIKE 'EMEA/DE/%'", mult: 4 }] });
  // A building with a hostile name, and traffic from a subnet missing from the building file.
  await db.run(`UPDATE marts.setup_attempts SET site = $evil WHERE site = 'EMEA/DE/MUC'`, { evil: EVIL_SITE });
  await db.run(`UPDATE marts.setup_attempts SET site = 'unmapped:10.9.8.0/24', site_match = 'none' WHERE hash(attempt_id) % 50 = 0`);
  // The build writes the rollup as marts.daily_rollup__next and swaps it in; the fixture writes it in place.
  await db.exec(loadSql('transform/sql/marts/030_daily_rollup.sql').replaceAll('__next', ''));
  await db.exec(loadSql('transform/sql/comments/daily_rollup.sql'));
}
