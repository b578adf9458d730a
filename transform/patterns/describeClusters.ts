/** Turn the engine's kept elements into Cluster objects: counts from the leaves, codes/mix/daily from SQL. */
import type { Db } from '../../core/db.js';
import { DIMENSIONS, fingerprintOf, type Cluster, type Dimensions } from './cluster.js';
import type { RateTable } from './leafTable.js';
import type { FoundElement } from './localize.js';
import { elementDaily, elementMix, type QueryWindow } from './patternQueries.js';

export interface KeptElement {
  el: FoundElement;
  users: number;
  firstSeen: string;
}

/** Does a leaf value fall under an element value ('EMEA/DE' covers 'EMEA/DE/BER')? */
export function covers(elValue: string, leafValue: string, hierarchical: boolean): boolean {
  return leafValue === elValue || (hierarchical && leafValue.startsWith(`${elValue}/`));
}

export function toDimensions(el: Record<string, string>): Dimensions {
  const d: Dimensions = {};
  for (const k of DIMENSIONS) if (el[k] !== undefined) d[k] = el[k];
  return d;
}

/**
 * A leaf belongs to the first kept element (in rank order) that covers it, as in the engine, where an element holds
 * only the leaves no earlier element holds: a cluster's attempts, baseline, daily series, users and codes all count
 * the same attempts as its failures (held_attempts.sql applies the same rule in SQL).
 */
export async function describeClusters(db: Db, w: QueryWindow, predicate: string, kept: KeptElement[], leaves: RateTable, totalExcess: number): Promise<Cluster[]> {
  const mix = await elementMix(db, w, predicate);
  const daily = await elementDaily(db, w, predicate);
  const held = new Uint8Array(leaves.failures.length);
  return kept.map((k, i): Cluster => {
    let attempts = 0;
    let bf = 0;
    let ba = 0;
    for (let j = 0; j < leaves.failures.length; j++) {
      if (held[j]) continue;
      const inside = leaves.attributes.every((a, ai) => {
        const v = k.el.element[a];
        return v === undefined || covers(v, leaves.values[ai]?.[j] ?? '', leaves.hierarchical?.[ai] ?? false);
      });
      if (!inside) continue;
      held[j] = 1;
      attempts += leaves.attempts[j] ?? 0;
      bf += leaves.baselineFailures[j] ?? 0;
      ba += leaves.baselineAttempts[j] ?? 0;
    }
    const dims = toDimensions(k.el.element);
    const failures = Math.round(k.el.observed);
    const expRate = attempts > 0 ? k.el.expected / attempts : 0;
    const top = (kind: string) => mix.filter((m) => m.el === i && m.kind === kind).map((m) => ({ value: m.value, count: m.count }));
    return {
      fingerprint: fingerprintOf(dims),
      dimensions: dims,
      failures,
      attempts: Math.round(attempts),
      users: k.users,
      rate: attempts > 0 ? failures / attempts : 0,
      expected_failures: k.el.expected,
      baseline_rate: ba > 0 ? bf / ba : 0,
      score: k.el.score,
      excess_share: totalExcess > 0 ? Math.min(Math.max((k.el.observed - k.el.expected) / totalExcess, 0), 1) : 0,
      top_sip_codes: top('sip'),
      top_ms_codes: top('ms'),
      layers: top('layer'),
      origins: top('origin'),
      first_seen: k.firstSeen,
      daily: daily.filter((d) => d.el === i).map((d) => ({ day: d.day, attempts: d.attempts, failures: d.failures, expected: d.attempts * expRate })),
      trend: 'new',
    };
  });
}
