/** IO shell of `alerts eval`: load → evaluateAll (pure) → commit in one transaction (unless dry-run). */
import type { Db } from '../core/db.js';
import { evaluateAll, type EvaluateAllOutput } from './evaluateAll.js';
import type { AlertsConfig } from './rules.js';
import { listSilences } from './silences.js';
import { commitEvaluation, loadSnapshots, loadStates } from './store.js';
import type { CaptureDeadlineInput, JobFailureInput } from './systemAlerts.js';

export interface RunEvaluationOptions {
  db: Db;
  config: AlertsConfig;
  now: Date;
  dryRun: boolean;
  externalUrl?: string | null | undefined;
  captureDeadlines?: readonly CaptureDeadlineInput[] | undefined;
  jobFailures?: readonly JobFailureInput[] | undefined;
}

export async function runEvaluation(o: RunEvaluationOptions): Promise<EvaluateAllOutput> {
  const lookback = Math.max(3_600_000, ...o.config.rules.map((r) => r.stale_after));
  const snapshots = await loadSnapshots(o.db, o.now, lookback);
  const previous = await loadStates(o.db);
  const silences = await listSilences(o.db, o.now);
  const out = evaluateAll({
    config: o.config,
    snapshots,
    previous,
    silences,
    now: o.now,
    captureDeadlines: o.captureDeadlines,
    jobFailures: o.jobFailures,
    externalUrl: o.externalUrl ?? o.config.external_url ?? null,
  });
  if (!o.dryRun) await commitEvaluation(o.db, out, o.now);
  return out;
}
