import { parseArgs } from 'node:util';
import { build as runBuild } from '../../transform/build.js';
import { parseCommandArgs } from '../args.js';
import type { Command } from '../context.js';
import { withPipeline } from '../open.js';

export const build: Command = async (ctx) => {
  const { values } = parseCommandArgs(() => parseArgs({ args: ctx.argv, options: { force: { type: 'boolean' } }, strict: true }));
  return withPipeline(ctx, async ({ db, config }) => {
    const s = await runBuild(db, { signInWindowMinutes: config.transform.signInWindowMinutes, carrierMap: config.transform.carrierMap, force: values.force ?? false, log: ctx.log });
    ctx.stdout(
      `${s.skipped ? 'up to date' : `built ${s.models} models`}: ${s.attempts} attempts, ${s.failures} failures, ${s.authLinked} auth-linked (${Math.round(s.ms)} ms)\n`,
    );
    return 0;
  });
};
