/** A migrated store with seeded marts (setup_attempts + the real dims/rollup/comments SQL) and a pattern run. */
import type { Db } from '../../../core/db.js';
import { loadSql } from '../../../core/sql.js';
import { ATTEMPTS_DDL } from '../../transform/patterns/attemptsFixture.js';

export const FIXTURE_END = '2026-11-21T00:00:00Z';

export async function seedMarts(db: Db, n = 20_000, days = 21, end = FIXTURE_END): Promise<void> {
  await db.exec('DROP TABLE IF EXISTS marts.setup_attempts');
  await db.exec(ATTEMPTS_DDL); // the fact table's shape, shared with the pattern engine's fixture
  await db.run(loadSql('test/cli/sql/fixture_attempts.sql'), { n, days, end });
  for (const f of ['020_setup_attempts_comments.sql', '030_dims.sql', '040_daily_rollup.sql']) await db.exec(loadSql(`transform/sql/marts/${f}`));
  await db.exec('DELETE FROM patterns.clusters; DELETE FROM patterns.runs;');
  for (const stmt of loadSql('test/cli/sql/fixture_patterns.sql').split(';').filter((s) => s.trim())) await db.run(stmt, stmt.includes('$end') ? { end } : undefined);
}
