/**
 * Weekly report generation time: query the marts, build the model, render 5 charts (SVG + PNG) and write
 * HTML/MD/JSON, on a copy of a given store (e.g. the demo tenant's) or on a generated N-attempt store
 * (35 days, seeded, the pattern tests' generator). The pattern run for the week is timed separately.
 * Baseline in the same process: one full scan of marts.setup_attempts, so ratios are machine-independent.
 * Run: npx tsx bench/report-weekly.ts --store PATH [--week 2026-W47]
 *      npx tsx bench/report-weekly.ts --attempts 10000000
 */
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { openDb, type Db } from '../core/db.js';
import { migrate } from '../core/migrate.js';
import { loadSql } from '../core/sql.js';
import { parseIsoWeek } from '../reports/isoWeek.js';
import { writeWeeklyReport } from '../reports/writeWeeklyReport.js';
import { fillReportStore } from '../test/reports/storeFixture.js';
import { DIMENSIONS } from '../transform/patterns/cluster.js';
import { runPatterns } from '../transform/patterns/runPatterns.js';

const { values } = parseArgs({ options: { store: { type: 'string' }, attempts: { type: 'string' }, week: { type: 'string', default: '2026-W47' }, runs: { type: 'string', default: '2' } } });
const dir = mkdtempSync(join(tmpdir(), 'cqd-report-bench-'));
const path = join(dir, 'bench.duckdb');
const ms = (t: number): string => `${t.toFixed(0)} ms`;

async function prepare(): Promise<{ db: Db; label: string }> {
  if (values.store) {
    if (!existsSync(values.store)) throw new Error(`no store at ${values.store}`);
    copyFileSync(values.store, path);
    const db = await openDb(path);
    await migrate(db);
    return { db, label: `store ${values.store}` };
  }
  const n = Number(values.attempts ?? 1_000_000);
  const db = await openDb(path);
  await migrate(db);
  const t = performance.now();
  await fillReportStore(db, n);
  await db.run('CHECKPOINT');
  console.log(`generated ${n} attempts in ${ms(performance.now() - t)}`);
  return { db, label: `${n} generated attempts` };
}

const { db, label } = await prepare();
try {
  const hasRollup = await db.query(`SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE schema_name = 'marts' AND table_name = 'daily_rollup'`, z.object({ n: z.number() }));
  // a store from an older build, or none: the rollup as the build writes it, in place (no __next swap)
  if (!hasRollup[0]?.n) await db.exec(loadSql('transform/sql/marts/030_daily_rollup.sql').replaceAll('__next', ''));
  const rows = await db.query('SELECT count(*)::INTEGER AS n FROM marts.setup_attempts', z.object({ n: z.number() }));
  const week = parseIsoWeek(values.week, 'UTC');
  const now = new Date(week.end.getTime() + 7 * 3_600_000);
  console.log(`${label}: ${rows[0]?.n ?? 0} attempts, week ${week.label}`);
  for (let run = 1; run <= Number(values.runs); run++) {
    let t = performance.now();
    await db.queryRaw('SELECT count(*), sum(is_failure::INTEGER), count(DISTINCT site) FROM marts.setup_attempts');
    const scan = performance.now() - t;
    t = performance.now();
    const patterns = await runPatterns(db, { from: week.start, to: week.end, baselineFrom: new Date(week.start.getTime() - 28 * 86_400_000), dims: DIMENSIONS, failure: 'auth', minUsers: 3, maxClusters: 20, now, store: false });
    const pat = performance.now() - t;
    t = performance.now();
    const w = await writeWeeklyReport(db, { week, timezone: 'UTC', now, outDir: join(dir, 'out'), patterns, captureOptions: { signInRetentionDays: 30, marginDays: 7 } });
    const report = performance.now() - t;
    const tm = w.timings;
    console.log(
      `run ${run}: report ${ms(report)} (query ${ms(tm.query)}, render ${ms(tm.render)}, write ${ms(tm.write)}) = ${(report / scan).toFixed(1)}x full scan (${ms(scan)}); ` +
        `patterns ${ms(pat)} (${patterns.clusters.length} clusters); report + patterns ${ms(report + pat)}`,
    );
  }
} finally {
  db.close();
  rmSync(dir, { recursive: true, force: true });
}
