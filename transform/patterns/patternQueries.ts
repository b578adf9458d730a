/**
 * The SQL side of a pattern run: leaf rows, per-element details and candidate single users, from
 * marts.setup_attempts. Every query is a .sql file under transform/sql/patterns/; the only text spliced in is the
 * whitelisted failure predicate (failurePredicate.ts), everything else is bound.
 */
import { z } from 'zod';
import type { Db } from '../../core/db.js';
import { CqdError } from '../../core/errors.js';
import { loadSql } from '../../core/sql.js';
import { DIMENSIONS, type Dimension, type Dimensions } from './cluster.js';
import type { RateTable } from './leafTable.js';

export interface QueryWindow {
  from: string;
  to: string;
  baselineFrom: string;
  /** Newline-separated user pseudonyms to leave out. */
  excluded: string;
}

/** Hierarchical dimensions: values are '/'-joined paths (contract-attempts.md). */
export const HIERARCHICAL: Record<Dimension, boolean> = { site: true, sbc: false, client_build: true, carrier_path: true };

/** A query file, with the shared attempts each element holds (held_attempts.sql) and the failure predicate spliced in. */
const sql = (file: string, predicate: string): string =>
  loadSql(`transform/sql/patterns/${file}`)
    .replaceAll('__HELD_ATTEMPTS__', loadSql('transform/sql/patterns/held_attempts.sql').trim())
    .replaceAll('__FAILURE__', predicate);
const params = (w: QueryWindow): Record<string, string> => ({ from: w.from, to: w.to, excluded: w.excluded || '\u0000' });

const leavesBlob = z.object({ n: z.number().int(), blob: z.string() });

/** Parse one leaf line: 4 dimension values then 4 non-negative integer counts. */
function parseLeaf(line: string, i: number): { dims: string[]; counts: number[] } {
  const parts = line.split('\u001f');
  const counts = parts.slice(4).map(Number);
  if (parts.length !== 8 || counts.some((c) => !Number.isInteger(c) || c < 0)) throw new CqdError(`patterns: leaf row ${i + 1} is malformed`);
  return { dims: parts.slice(0, 4), counts };
}

/** Leaves over the chosen dimensions (the SQL groups by all four; unchosen ones are summed away here). */
export async function loadLeaves(db: Db, w: QueryWindow, predicate: string, dims: readonly Dimension[]): Promise<RateTable> {
  const [row] = await db.query(sql('leaves.sql', predicate), leavesBlob, { ...params(w), baseline_from: w.baselineFrom });
  const lines = row && row.n > 0 ? row.blob.split('\u001e') : [];
  if (lines.length !== (row?.n ?? 0)) throw new CqdError('patterns: leaf rows do not parse (a dimension value holds a control character)');
  const pick = dims.map((d) => DIMENSIONS.indexOf(d));
  const idx = new Map<string, number>();
  const vals: string[][] = dims.map(() => []);
  const m = { f: [] as number[], a: [] as number[], bf: [] as number[], ba: [] as number[] };
  lines.forEach((line, li) => {
    const { dims: values, counts } = parseLeaf(line, li);
    const chosen = pick.map((p) => values[p] ?? '');
    const key = chosen.join('\u0001');
    let i = idx.get(key);
    if (i === undefined) {
      i = m.f.length;
      idx.set(key, i);
      chosen.forEach((v, k) => vals[k]?.push(v));
      m.f.push(0);
      m.a.push(0);
      m.bf.push(0);
      m.ba.push(0);
    }
    m.a[i] = (m.a[i] ?? 0) + (counts[0] ?? 0);
    m.f[i] = (m.f[i] ?? 0) + (counts[1] ?? 0);
    m.ba[i] = (m.ba[i] ?? 0) + (counts[2] ?? 0);
    m.bf[i] = (m.bf[i] ?? 0) + (counts[3] ?? 0);
  });
  return {
    attributes: [...dims],
    values: vals,
    hierarchical: dims.map((d) => HIERARCHICAL[d]),
    failures: Float64Array.from(m.f),
    attempts: Float64Array.from(m.a),
    baselineFailures: Float64Array.from(m.bf),
    baselineAttempts: Float64Array.from(m.ba),
  };
}

/** Load the elements into the temp table the per-element queries join on. */
export async function setElements(db: Db, elements: Dimensions[]): Promise<void> {
  await db.exec(loadSql('transform/sql/patterns/elements.sql'));
  for (const [el, d] of elements.entries()) {
    await db.run('INSERT INTO patterns_elements VALUES ($el, $site, $sbc, $client_build, $carrier_path)', {
      el,
      ...Object.fromEntries(DIMENSIONS.map((k) => [k, d[k] ?? null])),
    });
  }
}

const usersRow = z.object({
  el: z.number(),
  failures: z.number(),
  users: z.number(),
  top_user_failures: z.number(),
  top_user: z.string(),
  first_seen: z.string().nullable(),
});
export const elementUsers = (db: Db, w: QueryWindow, predicate: string) => db.query(sql('element_users.sql', predicate), usersRow, params(w));

const mixRow = z.object({ el: z.number(), kind: z.enum(['sip', 'ms', 'layer', 'origin']), value: z.string(), count: z.number() });
export const elementMix = (db: Db, w: QueryWindow, predicate: string) => db.query(sql('element_mix.sql', predicate), mixRow, params(w));

const dailyRow = z.object({ el: z.number(), day: z.string(), attempts: z.number(), failures: z.number() });
export const elementDaily = (db: Db, w: QueryWindow, predicate: string) => db.query(sql('element_daily.sql', predicate), dailyRow, params(w));

const userRow = z.object({
  user: z.string(),
  attempts: z.number(),
  failures: z.number(),
  site: z.string().nullable(),
  sbc: z.string().nullable(),
  client_build: z.string().nullable(),
  carrier_path: z.string().nullable(),
  sip_codes: z.string().nullable(),
});
export type UserRow = z.infer<typeof userRow>;
export const topUsers = (db: Db, w: QueryWindow, predicate: string, minFailures: number) =>
  db.query(sql('users.sql', predicate), userRow, { from: w.from, to: w.to, min_failures: minFailures });

const prevRow = z.object({ fingerprint: z.string(), failures: z.number(), days: z.number() });
export const previousClusters = (db: Db, failure: string, to: string, runId: string) =>
  db.query(loadSql('transform/sql/patterns/previous_clusters.sql'), prevRow, { failure, to, run_id: runId });

/** Throws when marts.setup_attempts is not built yet. */
export async function requireAttempts(db: Db): Promise<void> {
  const [row] = await db.query(loadSql('transform/sql/patterns/has_attempts.sql'), z.object({ n: z.number() }));
  if (!row || row.n === 0) throw new CqdError("patterns: marts.setup_attempts does not exist yet; run 'cqd-patterns build' first");
}

/** Type-check the predicate as a BOOLEAN over the attempts columns before reading any data. */
export async function checkPredicate(db: Db, predicate: string): Promise<void> {
  await db.run(sql('check_predicate.sql', predicate));
}
