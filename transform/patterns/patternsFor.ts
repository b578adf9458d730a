/** A pattern run over [from, to) with the configured dimensions, baseline and thresholds. */
import type { Config } from '../../core/config.js';
import type { Db } from '../../core/db.js';
import type { PatternResult } from './cluster.js';
import { runPatterns } from './runPatterns.js';

const DAY = 86_400_000;

export function patternsFor(
  db: Db,
  config: Pick<Config, 'patterns'>,
  o: { from: Date; to: Date; now: Date; store: boolean; failure?: string },
): Promise<PatternResult> {
  const p = config.patterns;
  return runPatterns(db, {
    from: o.from,
    to: o.to,
    baselineFrom: new Date(o.from.getTime() - p.baselineDays * DAY),
    dims: p.dims,
    failure: o.failure ?? 'auth',
    minUsers: p.minUsers,
    maxClusters: p.maxClusters,
    now: o.now,
    store: o.store,
  });
}
