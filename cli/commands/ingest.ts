import { parseArgs } from 'node:util';
import { UsageError } from '../../core/errors.js';
import { importDir } from '../../ingest/files/importDir.js';
import { graphClientFromConfig } from '../../ingest/graph/fromConfig.js';
import { ingestFromGraph } from '../../ingest/graphIngest.js';
import { SOURCES, type SourceName } from '../../ingest/sources.js';
import { dateFlag, parseCommandArgs } from '../args.js';
import type { Command } from '../context.js';
import { withPipeline } from '../open.js';

export const INGEST_HELP = `usage: cqd-patterns ingest [--from-dir DIR] [--source callRecords,directRoutingCalls,pstnCalls,signIns] [--from ISO] [--to ISO]
  Without --from-dir: read Microsoft Graph (config 'graph'), from each source's watermark to now.
  --from-dir DIR: import saved Graph responses (DIR/callRecords/*.json[.gz], directRoutingCalls/, pstnCalls/, signIns/),
  DIR/tac/*.csv (Teams admin center PSTN / Direct Routing usage exports) and DIR/cqd/*.csv (CQD query-editor exports).`;

function parseSources(v: string | undefined): SourceName[] {
  if (!v) return [...SOURCES];
  return v.split(',').map((s) => {
    const t = s.trim();
    const found = SOURCES.find((x) => x === t);
    if (!found) throw new UsageError(`--source: unknown source '${t}' (known: ${SOURCES.join(', ')})`);
    return found;
  });
}

export const ingest: Command = async (ctx) => {
  const { values } = parseCommandArgs(() =>
    parseArgs({ args: ctx.argv, options: { 'from-dir': { type: 'string' }, source: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, help: { type: 'boolean' } }, strict: true }),
  );
  if (values.help) {
    ctx.stdout(INGEST_HELP + '\n');
    return 0;
  }
  const sources = parseSources(values.source);
  const from = dateFlag('from', values.from);
  const to = dateFlag('to', values.to);
  return withPipeline(ctx, async ({ db, keys, config }) => {
    const now = ctx.clock.now();
    if (values['from-dir']) {
      const s = await importDir(db, values['from-dir'], { keys, log: ctx.log, now, runId: `files-${now.toISOString()}` });
      ctx.stdout(`imported ${s.files} file(s): ${SOURCES.map((k) => `${k} ${s.accepted[k]}`).join(', ')}, cqd rows ${s.cqdRows}; ${s.rejected} quarantined\n`);
      return 0;
    }
    const client = graphClientFromConfig(config, ctx.log);
    const results = await ingestFromGraph({ db, client, keys, log: ctx.log, clock: ctx.clock, config, signal: ctx.signal }, { sources, ...(from ? { from } : {}), ...(to ? { to } : {}) });
    for (const r of results) ctx.stdout(`${r.source}: ${r.items} item(s) in ${r.windows} window(s), ${r.rejected} quarantined${r.error ? `, FAILED: ${r.error}` : ''}\n`);
    return results.some((r) => r.error) ? 1 : 0;
  });
};
