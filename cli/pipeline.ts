/**
 * One pass of the pipeline, as `run` and the daemon's hourly job do it:
 * ingest (Graph) → build (SQL layers + checks) → analyst snapshot → patterns → alerts.
 */
import { errorMessage } from '../core/errors.js';
import { graphClientFromConfig } from '../ingest/graph/fromConfig.js';
import { ingestFromGraph, type SourceResult } from '../ingest/graphIngest.js';
import { recordJob } from '../ingest/jobStatus.js';
import { deliverOutbox } from '../alerts/outbox.js';
import { graphMailPoster } from './graphMail.js';
import { globalFetch } from '../alerts/receivers/http.js';
import { parseAlertsConfig } from '../alerts/rules.js';
import { runEvaluation } from '../alerts/runEvaluation.js';
import { loadSystemInputs } from '../alerts/systemInputs.js';
import type { EvaluateAllOutput } from '../alerts/evaluateAll.js';
import { build, type BuildSummary } from '../transform/build.js';
import type { PatternResult } from '../transform/patterns/cluster.js';
import { patternsFor } from '../transform/patterns/patternsFor.js';
import { publishSnapshot } from '../transform/snapshot.js';
import type { CommandContext } from './context.js';
import type { Pipeline } from './open.js';

export interface PassResult {
  ingest: SourceResult[];
  build: BuildSummary | undefined;
  patterns?: PatternResult;
  alerts?: EvaluateAllOutput;
}

export async function runPass(p: Pipeline, ctx: CommandContext, opts: { ingest: boolean }): Promise<PassResult> {
  const started = ctx.clock.now();
  const out: PassResult = { ingest: [], build: undefined };
  // The job a thrown error is recorded against (meta.job_status feeds the IngestFailing alert).
  let stage = opts.ingest ? 'ingest' : 'build';
  try {
    if (opts.ingest) {
      const client = graphClientFromConfig(p.config, ctx.log);
      out.ingest = await ingestFromGraph({ db: p.db, client, keys: p.keys, log: ctx.log, clock: ctx.clock, config: p.config, signal: ctx.signal });
      const failed = out.ingest.filter((r) => r.error);
      await recordJob(p.db, 'ingest', started, failed.length ? failed.map((f) => `${f.source}: ${f.error}`).join('; ') : undefined, ctx.clock.now());
    }
    if (ctx.signal.aborted) return out;
    stage = 'build';
    out.build = await build(p.db, { signInWindowMinutes: p.config.transform.signInWindowMinutes, carrierMap: p.config.transform.carrierMap, log: ctx.log });
    if (!out.build.skipped) await publishSnapshot(p.db, p.dbPath);
    await recordJob(p.db, 'build', started, undefined, ctx.clock.now());
    if (ctx.signal.aborted) return out;
    // The alerting run: the last day against its baseline, stored so rules and trends can read it.
    stage = 'patterns';
    const now = ctx.clock.now();
    out.patterns = await patternsFor(p.db, p.config, { from: new Date(now.getTime() - 86_400_000), to: now, now, store: true });
    const alertsConfig = parseAlertsConfig(p.config.alerts, 'config');
    const system = await loadSystemInputs(p.db, now, p.config);
    out.alerts = await runEvaluation({ db: p.db, config: alertsConfig, now, dryRun: false, externalUrl: alertsConfig.external_url ?? p.config.report.link ?? null, ...system });
    const delivered = await deliverOutbox({ db: p.db, fetch: globalFetch, mail: graphMailPoster(p.config, ctx.log), now: () => ctx.clock.now(), log: ctx.log }, alertsConfig.receivers, alertsConfig.delivery);
    ctx.log.info('alerts evaluated and delivered', { firing: out.alerts.states.filter((st) => st.status === 'firing').length, delivered: delivered.delivered, retried: delivered.retried });
    await recordJob(p.db, 'patterns', started, undefined, ctx.clock.now());
  } catch (e) {
    await recordJob(p.db, stage, started, errorMessage(e), ctx.clock.now()).catch(() => undefined);
    throw e;
  }
  return out;
}
