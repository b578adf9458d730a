/** A migrated store with seeded marts (setup_attempts + the real dims/rollup/comments SQL) and a pattern run. */
import type { Db } from '../../../core/db.js';
import { loadSql } from '../../../core/sql.js';
import { ATTEMPTS_DDL } from '../../transform/patterns/attemptsFixture.js';

export const FIXTURE_END = '2026-11-21T00:00:00Z';

export async function seedMarts(db: Db, n = 20_000, days = 21, end = FIXTURE_END): Promise<void> {
  await db.exec('DROP TABLE IF EXISTS marts.setup_attempts');
  await db.exec(ATTEMPTS_DDL); // the fact table's shape, shared with the pattern engine's fixture
  await db.run(loadSql('test/cli/sql/fixture_attempts.sql'), { n, days, end });
  // The build writes the marts as marts.<name>__next and swaps them in; the fixture writes them in place.
  for (const f of ['marts/020_dims.sql', 'marts/030_daily_rollup.sql', 'comments/setup_attempts.sql', 'comments/dims.sql', 'comments/daily_rollup.sql']) {
    await db.exec(loadSql(`transform/sql/${f}`).replaceAll('__next', ''));
  }
  await db.exec('DELETE FROM patterns.clusters; DELETE FROM patterns.runs;');
  for (const stmt of loadSql('test/cli/sql/fixture_patterns.sql').split(';').filter((s) => s.trim())) await db.run(stmt, stmt.includes('$end') ? { end } : undefined);
}
