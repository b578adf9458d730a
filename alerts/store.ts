/** IO shell: read what an evaluation needs from DuckDB and write its outcome in one transaction. */
import { z } from 'zod';
import type { Db } from '../core/db.js';
import { CqdError } from '../core/errors.js';
import { loadSql } from '../core/sql.js';
import { clusterSchema } from '../transform/patterns/cluster.js';
import type { Snapshot } from './evaluateAll.js';
import { alertStateSchema, type AlertMessage, type AlertState, type Transition } from './types.js';

const sql = (name: string) => loadSql(`alerts/sql/${name}.sql`);

const snapshotRow = z.object({
  run_id: z.string(),
  created_at: z.string(),
  window_from: z.string(),
  window_to: z.string(),
  failure: z.string(),
  cluster_json: z.string().nullable(),
});

function parseJson<S extends z.ZodType>(text: string, schema: S, what: string): z.infer<S> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new CqdError(`${what}: not JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  const r = schema.safeParse(raw);
  if (!r.success) throw new CqdError(`${what}: ${r.error.issues[0]?.path.join('.') ?? ''}: ${r.error.issues[0]?.message ?? 'invalid'}`);
  return r.data;
}

/** The latest run per (failure, window length) created within `lookbackMs` before `now`, with its clusters. */
export async function loadSnapshots(db: Db, now: Date, lookbackMs: number): Promise<Snapshot[]> {
  const rows = await db.query(sql('latest_snapshots'), snapshotRow, { now: now.toISOString(), since: new Date(now.getTime() - lookbackMs).toISOString() });
  const byRun = new Map<string, Snapshot>();
  for (const r of rows) {
    let s = byRun.get(r.run_id);
    if (!s) {
      s = { runId: r.run_id, createdAt: r.created_at, windowFrom: r.window_from, windowTo: r.window_to, failure: r.failure, clusters: [] };
      byRun.set(r.run_id, s);
    }
    if (r.cluster_json !== null) s.clusters.push(parseJson(r.cluster_json, clusterSchema, `patterns.clusters run ${r.run_id}`));
  }
  return [...byRun.values()];
}

export async function loadStates(db: Db): Promise<AlertState[]> {
  const rows = await db.query(sql('load_states'), z.object({ state_json: z.string() }));
  return rows.map((r) => parseJson(r.state_json, alertStateSchema, 'alerts.state'));
}

export interface EvaluationOutcome {
  states: readonly AlertState[];
  notifications: readonly AlertMessage[];
  transitions: readonly Transition[];
}

/** History rows for transitions and enqueued notifications. */
export function historyRows(outcome: EvaluationOutcome, nowIso: string) {
  return [
    ...outcome.transitions.map((t) => ({
      event_at: t.at,
      rule: t.rule,
      fingerprint: t.fingerprint,
      event: t.to,
      from_status: t.from,
      notification_id: null,
      receiver: null,
      detail_json: JSON.stringify({ labels: t.labels, values: t.values }),
    })),
    ...outcome.notifications.map((n) => ({
      event_at: nowIso,
      rule: n.rule,
      fingerprint: n.fingerprint,
      event: 'enqueued',
      from_status: null,
      notification_id: n.idempotencyKey,
      receiver: n.receiver,
      detail_json: JSON.stringify({ kind: n.kind }),
    })),
  ];
}

/**
 * All-or-nothing: the new states replace the old, the notifications enter the outbox (an id already there
 * is kept as is), and the history gets the transitions. A crash before COMMIT leaves the previous evaluation
 * in place, and re-running yields the same notification ids.
 */
export async function commitEvaluation(db: Db, outcome: EvaluationOutcome, now: Date): Promise<void> {
  const nowIso = now.toISOString();
  await db.transaction(async (tx) => {
    await tx.run('DELETE FROM alerts.state');
    if (outcome.states.length) {
      const rows = outcome.states.map((s) => ({ rule: s.rule, fingerprint: s.fingerprint, status: s.status, updated_at: nowIso, state_json: JSON.stringify(s) }));
      await tx.run(sql('replace_states'), { rows: JSON.stringify(rows) });
    }
    if (outcome.notifications.length) {
      const rows = outcome.notifications.map((n) => ({
        notification_id: n.idempotencyKey,
        receiver: n.receiver,
        rule: n.rule,
        fingerprint: n.fingerprint,
        kind: n.kind,
        payload_json: JSON.stringify(n),
      }));
      await tx.run(sql('enqueue'), { rows: JSON.stringify(rows), now: nowIso });
    }
    const history = historyRows(outcome, nowIso);
    if (history.length) await tx.run(sql('append_history'), { rows: JSON.stringify(history) });
  });
}
