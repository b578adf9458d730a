/**
 * The IO shell of a pattern run: aggregate marts.setup_attempts to leaves (SQL), localize (pure engine), check each
 * element's distinct users (SQL), move single-user problems aside and localize again without those users, then
 * describe the clusters (codes, layer/origin mix, first seen, daily series), store the run and return it.
 */
import type { Db } from '../../core/db.js';
import { CqdError, UsageError, errorMessage } from '../../core/errors.js';
import type { Dimension, PatternResult } from './cluster.js';
import { describeClusters, toDimensions } from './describeClusters.js';
import { failurePredicateSql } from './failurePredicate.js';
import { localize, type FoundElement } from './localize.js';
import { checkPredicate, elementUsers, requireAttempts, loadLeaves, setElements, type QueryWindow } from './patternQueries.js';
import { rateToLeafTable } from './rateToLeafTable.js';
import { singleUsers } from './singleUsers.js';
import { applyTrends, runIdOf, storeRun } from './storeRun.js';

export interface PatternOptions {
  from: Date;
  to: Date;
  baselineFrom: Date;
  dims: readonly Dimension[];
  /** 'auth' | 'any' | a SQL predicate over the attempts columns. */
  failure: string;
  minUsers: number;
  maxClusters: number;
  /** When the run is made (run id, created_at). */
  now: Date;
  /** Store into patterns.runs / patterns.clusters (default true). */
  store?: boolean;
}

/** Rounds of "set single users aside and localize again". */
const MAX_ROUNDS = 4;

/** Window [to − windowDays, to) and the baseline of baselineDays before it. */
export function defaultWindow(now: Date, windowDays: number, baselineDays: number, from?: Date, to?: Date, baselineDaysFlag?: number) {
  const end = to ?? now;
  const start = from ?? new Date(end.getTime() - windowDays * 86_400_000);
  if (start >= end) throw new UsageError('--from must be before --to');
  return { from: start, to: end, baselineFrom: new Date(start.getTime() - (baselineDaysFlag ?? baselineDays) * 86_400_000) };
}

export async function runPatterns(db: Db, opts: PatternOptions): Promise<PatternResult> {
  const predicate = failurePredicateSql(opts.failure);
  await requireAttempts(db);
  try {
    await checkPredicate(db, predicate);
  } catch (e) {
    throw new UsageError(`--failure: DuckDB rejects the predicate as a boolean over marts.setup_attempts: ${errorMessage(e).split('\n')[0] ?? ''}`);
  }
  const win: QueryWindow = { from: opts.from.toISOString(), to: opts.to.toISOString(), baselineFrom: opts.baselineFrom.toISOString(), excluded: '' };
  const excluded = new Map<string, string>();
  let kept: { el: FoundElement; users: number; firstSeen: string }[] = [];
  let totals = { attempts: 0, failures: 0, expected: 0, baselineRate: 0 };
  let globalChange = false;
  let leavesTable = await loadLeaves(db, win, predicate, opts.dims);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    if (round > 0) leavesTable = await loadLeaves(db, win, predicate, opts.dims);
    const rate = rateToLeafTable(leavesTable);
    const res = localize(rate.table, { direction: 'up', maxElements: opts.maxClusters * 2 });
    globalChange = res.globalChange;
    totals = {
      attempts: sum(leavesTable.attempts),
      failures: sum(leavesTable.failures),
      expected: sum(rate.table.expected) * res.globalRatio,
      baselineRate: rate.baselineRate,
    };
    await setElements(db, res.elements.map((e) => toDimensions(e.element)));
    const stats = new Map((await elementUsers(db, win, predicate)).map((s) => [s.el, s]));
    kept = [];
    let newlyExcluded = 0;
    res.elements.forEach((el, i) => {
      const s = stats.get(i);
      const excess = Math.max(el.observed - el.expected, 0);
      // One user is not a pattern: too few distinct users, or one user holds most of the excess.
      if (!s || s.users < opts.minUsers || s.top_user_failures > 0.5 * excess) {
        if (s && s.top_user && !excluded.has(s.top_user)) {
          excluded.set(s.top_user, `failures of ${el.key} came mostly from this user`);
          newlyExcluded++;
        }
        return;
      }
      kept.push({ el, users: s.users, firstSeen: s.first_seen ?? '' });
    });
    if (newlyExcluded === 0) break;
    win.excluded = [...excluded.keys()].sort().join('\n');
  }
  kept = kept.slice(0, opts.maxClusters);
  await setElements(db, kept.map((k) => toDimensions(k.el.element)));
  const clusters = await describeClusters(db, win, predicate, kept, leavesTable, totals.failures - totals.expected);
  const single = await singleUsers(db, win, predicate, { excluded, clusters: clusters.map((c) => c.dimensions), totals, minUsers: opts.minUsers });
  const result: PatternResult = {
    window: { from: win.from, to: win.to, baseline_from: win.baselineFrom },
    failure: opts.failure,
    totals: { attempts: totals.attempts, failures: totals.failures, expected_failures: totals.expected, baseline_rate: totals.baselineRate },
    global_change: globalChange,
    clusters,
    single_user: single,
  };
  const runId = runIdOf(result, opts.now);
  await applyTrends(db, result, runId);
  if (opts.store ?? true) {
    try {
      await storeRun(db, result, opts.dims, runId, opts.now);
    } catch (e) {
      throw new CqdError(`patterns: storing the run failed: ${errorMessage(e)}`, 1, { cause: e });
    }
  }
  return result;
}

function sum(xs: Float64Array): number {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}
