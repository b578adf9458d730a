/** Trends against the previous run with the same failure predicate, then store patterns.runs / patterns.clusters. */
import { createHash } from 'node:crypto';
import type { Db } from '../../core/db.js';
import type { Cluster, Dimension, PatternResult } from './cluster.js';
import { previousClusters } from './patternQueries.js';

export function runIdOf(result: PatternResult, now: Date): string {
  return createHash('sha256').update(`${now.toISOString()}|${result.window.from}|${result.window.to}|${result.failure}`).digest('hex').slice(0, 16);
}

/** new | growing | shrinking | steady from failures per day (±25% is "steady"). */
export function trendOf(cur: number, curDays: number, prev: number | undefined, prevDays: number): Cluster['trend'] {
  if (prev === undefined) return 'new';
  const a = cur / Math.max(curDays, 1e-9);
  const b = prev / Math.max(prevDays, 1e-9);
  return a > 1.25 * b ? 'growing' : a < 0.8 * b ? 'shrinking' : 'steady';
}

export async function applyTrends(db: Db, result: PatternResult, runId: string): Promise<void> {
  const prev = new Map((await previousClusters(db, result.failure, result.window.to, runId)).map((p) => [p.fingerprint, p]));
  const days = (Date.parse(result.window.to) - Date.parse(result.window.from)) / 86_400_000;
  for (const c of result.clusters) {
    const p = prev.get(c.fingerprint);
    c.trend = trendOf(c.failures, days, p?.failures, p?.days ?? days);
  }
}

/** Store a run (idempotent on its run id); trends must be applied first. */
export async function storeRun(db: Db, result: PatternResult, dims: readonly Dimension[], runId: string, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.run('DELETE FROM patterns.clusters WHERE run_id = $run_id', { run_id: runId });
    await tx.run('DELETE FROM patterns.runs WHERE run_id = $run_id', { run_id: runId });
    await tx.run(
      `INSERT INTO patterns.runs VALUES ($run_id, $created_at::TIMESTAMPTZ, $from::TIMESTAMPTZ, $to::TIMESTAMPTZ, $baseline_from::TIMESTAMPTZ,
        $failure, $dims, $global_change, $result_json)`,
      {
        run_id: runId,
        created_at: now.toISOString(),
        from: result.window.from,
        to: result.window.to,
        baseline_from: result.window.baseline_from,
        failure: result.failure,
        dims: dims.join(','),
        global_change: result.global_change,
        result_json: JSON.stringify(result),
      },
    );
    for (const [rank, c] of result.clusters.entries()) {
      await tx.run(
        `INSERT INTO patterns.clusters VALUES ($run_id, $rank, $fingerprint, $site, $sbc, $client_build, $carrier_path, $failures, $attempts,
          $users, $rate, $expected, $baseline_rate, $score, $json)`,
        {
          run_id: runId,
          rank: rank + 1,
          fingerprint: c.fingerprint,
          site: c.dimensions.site ?? null,
          sbc: c.dimensions.sbc ?? null,
          client_build: c.dimensions.client_build ?? null,
          carrier_path: c.dimensions.carrier_path ?? null,
          failures: c.failures,
          attempts: c.attempts,
          users: c.users,
          rate: c.rate,
          expected: c.expected_failures,
          baseline_rate: c.baseline_rate,
          score: c.score,
          json: JSON.stringify(c),
        },
      );
    }
  });
}
