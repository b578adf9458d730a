import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { schemaMarkdown } from '../../transform/schemaDoc.js';
import { build as runBuild } from '../../transform/build.js';
import { publishSnapshot } from '../../transform/snapshot.js';
import { parseCommandArgs } from '../args.js';
import type { Command } from '../context.js';
import { withPipeline } from '../open.js';

/**
 * `build [--force] [--docs PATH]`: rebuild the SQL layers, run the checks, publish the analyst snapshot,
 * and regenerate the schema documentation (docs/schema.md when a docs/ folder is here, or --docs PATH).
 */
export const build: Command = async (ctx) => {
  const { values } = parseCommandArgs(() => parseArgs({ args: ctx.argv, options: { force: { type: 'boolean' }, docs: { type: 'string' } }, strict: true }));
  return withPipeline(ctx, async ({ db, config, dbPath }) => {
    const s = await runBuild(db, { signInWindowMinutes: config.transform.signInWindowMinutes, carrierMap: config.transform.carrierMap, force: values.force ?? false, log: ctx.log });
    ctx.stdout(
      `${s.skipped ? 'up to date' : `built ${s.models} models`}: ${s.attempts} attempts, ${s.failures} failures, ${s.authLinked} auth-linked (${Math.round(s.ms)} ms)\n`,
    );
    if (!s.skipped) {
      const snap = await publishSnapshot(db, dbPath);
      ctx.stdout(`analyst snapshot: ${snap.path} (${snap.tables.length} tables, ${Math.round(snap.ms)} ms)\n`);
    }
    const docs = values.docs ?? (existsSync(join(ctx.cwd, 'docs')) ? 'docs/schema.md' : undefined);
    if (docs) {
      writeFileSync(resolve(ctx.cwd, docs), await schemaMarkdown(db));
      ctx.stdout(`schema documentation: ${docs}\n`);
    }
    return 0;
  });
};
