/** Database fixtures: a pattern run with its clusters, as the pattern engine writes them. */
import type { Db } from '../../core/db.js';
import type { Cluster } from '../../transform/patterns/cluster.js';

export async function insertRun(d: Db, runId: string, createdAt: string, clusters: Cluster[], windowHours = 24, failure = 'auth'): Promise<void> {
  const to = Date.parse(createdAt);
  await d.run(
    `INSERT INTO patterns.runs VALUES ($id, $c::timestamptz, $f::timestamptz, $t::timestamptz, $b::timestamptz, $failure, 'site,sbc', false, '{}')`,
    { id: runId, c: createdAt, f: new Date(to - windowHours * 3_600_000).toISOString(), t: createdAt, b: new Date(to - 28 * 86_400_000).toISOString(), failure },
  );
  for (const [i, c] of clusters.entries()) {
    await d.run(
      `INSERT INTO patterns.clusters VALUES ($id, $rank, $fp, $site, $sbc, NULL, NULL, $failures, $attempts, $users, $rate, $exp, $base, $score, $json)`,
      {
        id: runId,
        rank: i + 1,
        fp: c.fingerprint,
        site: c.dimensions.site ?? null,
        sbc: c.dimensions.sbc ?? null,
        failures: c.failures,
        attempts: c.attempts,
        users: c.users,
        rate: c.rate,
        exp: c.expected_failures,
        base: c.baseline_rate,
        score: c.score,
        json: JSON.stringify(c),
      },
    );
  }
}

