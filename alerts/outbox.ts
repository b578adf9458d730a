/**
 * Delivery from the durable outbox: due notifications are sent oldest first, each marked delivered right
 * after its receiver accepted it; failures wait with exponential backoff (capped by backoff_max) until
 * max_age, then become 'dead'. A receiver that fails is skipped for the rest of the pass (its other
 * notifications keep their turn, nothing is counted against them). Every retry of a notification carries
 * the same Idempotency-Key, so a crash between "sent" and "marked" duplicates nothing a receiver that
 * honours the key would show.
 */
import { z } from 'zod';
import type { Db } from '../core/db.js';
import { errorMessage } from '../core/errors.js';
import type { Logger } from '../core/log.js';
import { loadSql } from '../core/sql.js';
import type { ReceiverConfig } from './receiverConfig.js';
import { DeliveryError } from './receivers/http.js';
import { sendToReceiver, type SendDeps } from './receivers/send.js';
import type { DeliveryConfig } from './rules.js';
import { alertMessageSchema } from './types.js';

const SQL = new Map<string, string>();
/** The statements are read once per process (delivery runs them per notification). */
function sql(name: string): string {
  let text = SQL.get(name);
  if (text === undefined) SQL.set(name, (text = loadSql(`alerts/sql/${name}.sql`)));
  return text;
}

const dueRow = z.object({
  notification_id: z.string(),
  receiver: z.string(),
  rule: z.string(),
  fingerprint: z.string(),
  kind: z.string(),
  payload_json: z.string(),
  attempts: z.number().int(),
  created_at: z.string(),
});
type DueRow = z.infer<typeof dueRow>;

export interface DeliverDeps extends SendDeps {
  db: Db;
  now: () => Date;
  log?: Logger | undefined;
  /** Test hook: runs after a receiver accepted a notification and before it is marked delivered. */
  afterSend?: ((notificationId: string) => Promise<void> | void) | undefined;
}

export interface DeliverResult {
  delivered: number;
  retried: number;
  dead: number;
  /** Due but not tried this pass because their receiver had just failed. */
  deferred: number;
}

/** Wait before attempt n+1 after n failed attempts: initial · 2^(n-1), at most max. */
export function backoffMs(failedAttempts: number, cfg: Pick<DeliveryConfig, 'backoff_initial' | 'backoff_max'>): number {
  const exp = Math.min(30, Math.max(0, failedAttempts - 1));
  return Math.min(cfg.backoff_max, cfg.backoff_initial * 2 ** exp);
}

export async function deliverOutbox(deps: DeliverDeps, receivers: readonly ReceiverConfig[], delivery: DeliveryConfig, limit = 10_000): Promise<DeliverResult> {
  const due = await deps.db.query(sql('outbox_due'), dueRow, { now: deps.now().toISOString(), limit });
  const result: DeliverResult = { delivered: 0, retried: 0, dead: 0, deferred: 0 };
  const byReceiver = new Map<string, DueRow[]>();
  for (const r of due) {
    const list = byReceiver.get(r.receiver);
    if (list) list.push(r);
    else byReceiver.set(r.receiver, [r]);
  }
  // The single DuckDB connection serialises writes; sends run in parallel, bookkeeping one at a time.
  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const p = chain.then(fn);
    chain = p.catch(() => undefined);
    return p;
  };
  const history = (r: DueRow, event: string, detail: unknown) =>
    deps.db.run(sql('append_history'), {
      rows: JSON.stringify([{ event_at: deps.now().toISOString(), rule: r.rule, fingerprint: r.fingerprint, event, from_status: null, notification_id: r.notification_id, receiver: r.receiver, detail_json: JSON.stringify(detail) }]),
    });

  const settle = async (r: DueRow, err: unknown) => {
    const now = deps.now();
    const permanent = err instanceof DeliveryError && err.permanent;
    const tooOld = now.getTime() - Date.parse(r.created_at) >= delivery.max_age;
    const msg = errorMessage(err).slice(0, 200);
    const status = permanent || tooOld ? 'dead' : 'pending';
    const next = new Date(now.getTime() + backoffMs(r.attempts + 1, delivery)).toISOString();
    await serial(() =>
      deps.db.transaction(async () => {
        await deps.db.run(sql('outbox_failed'), { id: r.notification_id, status, next, error: msg });
        await history(r, status === 'dead' ? 'dead' : 'retry', { attempt: r.attempts + 1, error: msg, next: status === 'dead' ? null : next });
      }),
    );
    if (status === 'dead') result.dead++;
    else result.retried++;
    deps.log?.warn(status === 'dead' ? 'alert notification given up' : 'alert notification failed, will retry', { receiver: r.receiver, rule: r.rule, attempt: r.attempts + 1, error: msg });
  };

  const runReceiver = async (name: string, rows: DueRow[]) => {
    const cfg = receivers.find((x) => x.name === name);
    let down = false;
    let next = 0;
    const worker = async () => {
      while (!down && next < rows.length) {
        const r = rows[next++];
        if (!r) break;
        try {
          if (!cfg) throw new DeliveryError(`receiver '${name}' is no longer configured`, true);
          await sendToReceiver(deps, cfg, parsePayload(r.payload_json));
        } catch (e) {
          if (!(e instanceof DeliveryError && e.permanent)) down = true;
          await settle(r, e);
          continue;
        }
        await deps.afterSend?.(r.notification_id);
        // Mark and record in one transaction: one commit per notification instead of two.
        await serial(() =>
          deps.db.transaction(async () => {
            await deps.db.run(sql('outbox_delivered'), { id: r.notification_id, now: deps.now().toISOString() });
            await history(r, 'delivered', { attempt: r.attempts + 1 });
          }),
        );
        result.delivered++;
      }
    };
    const n = Math.min(cfg?.type === 'email' ? 1 : delivery.concurrency, rows.length);
    await Promise.all(Array.from({ length: n }, worker));
    result.deferred += rows.length - Math.min(next, rows.length);
  };
  await Promise.all([...byReceiver].map(([name, rows]) => runReceiver(name, rows)));
  await chain;
  return result;
}

/** A payload that no longer parses can never be sent: a permanent failure, not a receiver outage. */
function parsePayload(text: string) {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new DeliveryError('outbox payload is not JSON', true);
  }
  const r = alertMessageSchema.safeParse(raw);
  if (!r.success) throw new DeliveryError(`outbox payload does not match the notification schema: ${r.error.issues[0]?.path.join('.') ?? ''}`, true);
  return r.data;
}

const summaryRow = z.object({ receiver: z.string(), status: z.string(), n: z.number().int() });
export async function outboxSummary(db: Db): Promise<z.infer<typeof summaryRow>[]> {
  return db.query(loadSql('alerts/sql/outbox_summary.sql'), summaryRow);
}
