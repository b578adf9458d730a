import { parseArgs } from 'node:util';
import { parseCommandArgs } from '../args.js';
import type { Command } from '../context.js';
import { withPipeline } from '../open.js';
import { runPass } from '../pipeline.js';

/** `run`: one pass of ingest → build → patterns → alerts (`--no-ingest` to work on what is stored). */
export const run: Command = async (ctx) => {
  const { values } = parseCommandArgs(() => parseArgs({ args: ctx.argv, options: { 'no-ingest': { type: 'boolean' } }, strict: true }));
  return withPipeline(ctx, async (p) => {
    const r = await runPass(p, ctx, { ingest: !values['no-ingest'] });
    for (const s of r.ingest) ctx.stdout(`${s.source}: ${s.items} item(s)${s.error ? `, FAILED: ${s.error}` : ''}\n`);
    if (r.build) ctx.stdout(`build: ${r.build.attempts} attempts, ${r.build.failures} failures, ${r.build.authLinked} auth-linked\n`);
    return r.ingest.some((s) => s.error) ? 1 : 0;
  });
};
