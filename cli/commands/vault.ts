import { parseArgs } from 'node:util';
import { UsageError } from '../../core/errors.js';
import { purgeVault } from '../../ingest/vault.js';
import { parseCommandArgs } from '../args.js';
import type { Command } from '../context.js';
import { withPipeline } from '../open.js';

/** `vault purge`: delete clear EUII older than the configured retention and checkpoint the file. */
export const vault: Command = async (ctx) => {
  const { positionals } = parseCommandArgs(() => parseArgs({ args: ctx.argv, options: {}, allowPositionals: true, strict: true }));
  if (positionals[0] !== 'purge') throw new UsageError('usage: cqd-patterns vault purge');
  return withPipeline(ctx, async ({ db, config }) => {
    const n = await purgeVault(db, ctx.clock.now(), config.vault.retentionDays);
    ctx.stdout(`purged ${n} clear value(s) last seen more than ${config.vault.retentionDays} days ago\n`);
    return 0;
  });
};
