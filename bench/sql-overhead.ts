/**
 * `cqd-patterns sql` overhead and snapshot publish time at scale.
 *   npx tsx bench/sql-overhead.ts [ATTEMPTS=10000000] [REPEATS=3]
 * Seeds marts.setup_attempts (+ the real dims/rollup SQL), publishes the analyst snapshot (timed), then runs
 * one GROUP BY over all attempts (a) directly through the DuckDB connection (baseline) and (b) through the
 * sql command (sandboxed open, limit wrapper, NDJSON output); prints medians and the ratio b/a.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { runSql } from '../cli/commands/sql.js';
import type { CommandContext } from '../cli/context.js';
import { fixedClock } from '../core/clock.js';
import { loadConfig } from '../core/config.js';
import { openDb } from '../core/db.js';
import { memoryLogger } from '../core/log.js';
import { openStore } from '../core/store.js';
import { publishSnapshot } from '../transform/snapshot.js';
import { seedMarts } from '../test/cli/sql/fixtureStore.js';

const n = Number(process.argv[2] ?? 10_000_000);
const repeats = Number(process.argv[3] ?? 3);
const QUERY = `SELECT site, sbc, count(*) AS attempts, count(*) FILTER (WHERE is_failure) AS failures,
  count(DISTINCT user_p) AS users, round(100.0 * count(*) FILTER (WHERE auth_linked) / count(*), 3) AS auth_pct
FROM marts.setup_attempts GROUP BY site, sbc ORDER BY site, sbc`;

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

const dir = mkdtempSync(join(tmpdir(), 'cqd-bench-sql-'));
try {
  const livePath = join(dir, 'live.duckdb');
  const db = await openStore(livePath);
  const seedMs = await time(() => seedMarts(db, n, 28));
  const publishes: number[] = [];
  let snapshot = '';
  for (let i = 0; i < 2; i++) {
    const pub = await publishSnapshot(db, livePath);
    publishes.push(pub.ms);
    snapshot = pub.path;
  }
  db.close();
  console.log(`attempts ${n.toLocaleString('en')}: seed ${(seedMs / 1000).toFixed(1)} s; snapshot ${(statSync(snapshot).size / 1e6).toFixed(0)} MB`);
  console.log(`publishSnapshot: ${publishes.map((m) => `${(m / 1000).toFixed(2)} s`).join(', ')}`);

  const direct: number[] = [];
  const viaSql: number[] = [];
  for (let i = 0; i < repeats; i++) {
    direct.push(
      await time(async () => {
        const d = await openDb(snapshot, { readOnly: true });
        try {
          await d.queryRaw(QUERY);
        } finally {
          d.close();
        }
      }),
    );
    viaSql.push(
      await time(async () => {
        const out: string[] = [];
        const ctx: CommandContext = {
          argv: [QUERY],
          stdout: (t) => out.push(t),
          stderr: () => undefined,
          stdoutIsTTY: false,
          env: {},
          cwd: dir,
          log: memoryLogger(),
          clock: fixedClock('2026-11-21T00:00:00Z'),
          config: () => loadConfig({ db: livePath, env: {}, cwd: dir }),
          signal: new AbortController().signal,
        };
        await runSql(ctx, { stdin: new PassThrough(), stdinIsTTY: false, stdoutStream: new PassThrough() });
      }),
    );
  }
  const a = median(direct);
  const b = median(viaSql);
  console.log(`GROUP BY (open + query), median of ${repeats}: direct ${a.toFixed(0)} ms, via sql ${b.toFixed(0)} ms, ratio ${(b / a).toFixed(2)}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
