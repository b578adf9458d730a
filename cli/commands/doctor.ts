import { parseArgs } from 'node:util';
import { z } from 'zod';
import { captureStatus, type CaptureStatus } from '../../ingest/deadline.js';
import { graphClientFromConfig } from '../../ingest/graph/fromConfig.js';
import { probeGraph } from '../../ingest/graphProbe.js';
import { parseCommandArgs } from '../args.js';
import type { Command } from '../context.js';
import { withPipeline } from '../open.js';

export function formatCapture(rows: readonly CaptureStatus[]): string {
  const lines = rows.map((r) => {
    const missing = r.oldestUncaptured === null ? 'nothing retrievable is missing' : `oldest uncaptured ${r.oldestUncaptured.slice(0, 16)}Z, ${r.daysLeft} day(s) before it is gone`;
    const tag = r.level === 'ok' ? 'ok  ' : r.level === 'warn' ? 'WARN' : 'LOST';
    return `  ${tag} ${r.source.padEnd(19)} retention ${String(r.retentionDays).padStart(2)}d  captured until ${r.capturedUntil ?? 'never'}; ${missing}`;
  });
  return `capture deadline watch:\n${lines.join('\n')}\n`;
}

export const doctor: Command = async (ctx) => {
  const { values } = parseCommandArgs(() => parseArgs({ args: ctx.argv, options: { offline: { type: 'boolean' } }, strict: true }));
  const { file } = ctx.config();
  return withPipeline(ctx, async ({ db, dbPath, config, keys }) => {
    const v = await db.query('SELECT max(version)::INTEGER AS v FROM meta.migrations', z.object({ v: z.number() }));
    ctx.stdout(`config: ${file ?? '(defaults, no file)'}\ndatabase: ${dbPath} (schema version ${v[0]?.v ?? 0})\nvault keys: from ${keys.origin}\n`);
    const status = await captureStatus(db, ctx.clock.now(), { signInRetentionDays: config.ingest.signInRetentionDays, marginDays: config.ingest.deadlineMarginDays });
    ctx.stdout(formatCapture(status));
    let failed = status.some((s) => s.level !== 'ok');
    if (!values.offline && config.graph.tenantId) {
      const probes = await probeGraph(graphClientFromConfig(config, ctx.log), ctx.clock.now());
      ctx.stdout('graph:\n' + probes.map((p) => `  ${p.ok ? 'ok  ' : 'FAIL'} ${p.check.padEnd(19)} ${p.detail}`).join('\n') + '\n');
      failed ||= probes.some((p) => !p.ok);
    } else if (!config.graph.tenantId) {
      ctx.stdout('graph: not configured (graph.tenantId / clientId / clientSecret); offline imports only\n');
    }
    return failed ? 1 : 0;
  });
};
