/**
 * The single-user list: one user failing is an account or device problem, not a pattern. It holds the users whose
 * failures made an element look like a cluster (set aside by runPatterns), and any user whose own failures are
 * surprising against the window's overall rate (Poisson deviance past a Bonferroni cut over the users looked at)
 * and whose usual place is not inside a reported cluster.
 */
import type { Db } from '../../core/db.js';
import type { Dimensions, SingleUser } from './cluster.js';
import { DIMENSIONS } from './cluster.js';
import { covers } from './describeClusters.js';
import { HIERARCHICAL, topUsers, type QueryWindow } from './patternQueries.js';
import { chi2OneUpper, poissonDeviance } from './stats.js';

export interface SingleUserInput {
  excluded: Map<string, string>;
  clusters: Dimensions[];
  totals: { attempts: number; failures: number };
  minUsers: number;
}

const NOTE = 'one user is not a pattern: check this account, its sign-in / licence / voice policy, or its device';

export async function singleUsers(db: Db, w: QueryWindow, predicate: string, input: SingleUserInput): Promise<SingleUser[]> {
  const rows = await topUsers(db, w, predicate, 2);
  const rate = input.totals.attempts > 0 ? input.totals.failures / input.totals.attempts : 0;
  const cut = chi2OneUpper(0.01 / Math.max(rows.length, 1));
  const out: SingleUser[] = [];
  for (const r of rows) {
    const dims: Dimensions = {};
    for (const d of DIMENSIONS) {
      const v = r[d];
      if (v !== null) dims[d] = v;
    }
    const reason = input.excluded.get(r.user);
    const expected = r.attempts * rate;
    const standsOut = r.failures >= input.minUsers && r.failures > 2 * expected && poissonDeviance(r.failures, expected) >= cut;
    const inCluster = input.clusters.some((c) => DIMENSIONS.every((d) => c[d] === undefined || covers(c[d] ?? '', dims[d] ?? '', HIERARCHICAL[d])));
    if (reason === undefined && (!standsOut || inCluster)) continue;
    out.push({
      user: r.user,
      failures: r.failures,
      attempts: r.attempts,
      dimensions: dims,
      top_sip_codes: (r.sip_codes ?? '')
        .split(',')
        .filter(Boolean)
        .slice(0, 5)
        .map((vc) => ({ value: vc.slice(0, vc.lastIndexOf(':')), count: Number(vc.slice(vc.lastIndexOf(':') + 1)) || 0 })),
      note: reason ? `${NOTE} (${reason})` : NOTE,
    });
  }
  return out;
}
