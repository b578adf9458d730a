/**
 * One pass of the pipeline, as `run` and the daemon's hourly job do it:
 * ingest (Graph) → build (SQL layers + checks) → analyst snapshot → patterns → alerts.
 */
import { errorMessage } from '../core/errors.js';
import { graphClientFromConfig } from '../ingest/graph/fromConfig.js';
import { ingestFromGraph, type SourceResult } from '../ingest/graphIngest.js';
import { recordJob } from '../ingest/jobStatus.js';
import { build, type BuildSummary } from '../transform/build.js';
import type { CommandContext } from './context.js';
import type { Pipeline } from './open.js';

export interface PassResult {
  ingest: SourceResult[];
  build: BuildSummary | undefined;
  error: string | undefined;
}

export async function runPass(p: Pipeline, ctx: CommandContext, opts: { ingest: boolean }): Promise<PassResult> {
  const started = ctx.clock.now();
  const out: PassResult = { ingest: [], build: undefined, error: undefined };
  try {
    if (opts.ingest) {
      const client = graphClientFromConfig(p.config, ctx.log);
      out.ingest = await ingestFromGraph({ db: p.db, client, keys: p.keys, log: ctx.log, clock: ctx.clock, config: p.config, signal: ctx.signal });
      const failed = out.ingest.filter((r) => r.error);
      await recordJob(p.db, 'ingest', started, failed.length ? failed.map((f) => `${f.source}: ${f.error}`).join('; ') : undefined, ctx.clock.now());
    }
    if (ctx.signal.aborted) return out;
    out.build = await build(p.db, { signInWindowMinutes: p.config.transform.signInWindowMinutes, carrierMap: p.config.transform.carrierMap, log: ctx.log });
    await recordJob(p.db, 'build', started, undefined, ctx.clock.now());
  } catch (e) {
    out.error = errorMessage(e);
    await recordJob(p.db, out.build ? 'patterns' : 'build', started, out.error, ctx.clock.now()).catch(() => undefined);
    throw e;
  }
  return out;
}
