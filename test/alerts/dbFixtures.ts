/** Database fixtures: a pattern run with its clusters, written by the pattern engine's own storeRun. */
import type { Db } from '../../core/db.js';
import type { Cluster } from '../../transform/patterns/cluster.js';
import { storeRun } from '../../transform/patterns/storeRun.js';

export async function insertRun(d: Db, runId: string, createdAt: string, clusters: Cluster[], windowHours = 24, failure = 'auth'): Promise<void> {
  const to = Date.parse(createdAt);
  await storeRun(
    d,
    {
      window: { from: new Date(to - windowHours * 3_600_000).toISOString(), to: createdAt, baseline_from: new Date(to - 28 * 86_400_000).toISOString() },
      failure,
      totals: { attempts: 0, failures: 0, expected_failures: 0, baseline_rate: 0 },
      global_change: false,
      clusters,
      single_user: [],
    },
    ['site', 'sbc'],
    runId,
    new Date(createdAt),
  );
}
