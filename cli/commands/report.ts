/**
 * `cqd-patterns report weekly [--week 2026-W47] [--out DIR] [--reveal]`
 * Runs the pattern engine for the ISO week (default: the last complete week in report.timezone) and writes
 * weekly-<week>.html / .md / .json and charts/*.png into --out (default report.outDir).
 * --reveal shows single users' clear UPNs from the vault (needs the vault key); otherwise pseudonyms only.
 */
import { parseArgs } from 'node:util';
import { UsageError } from '../../core/errors.js';
import { reveal } from '../../ingest/vault.js';
import type { IsoWeek } from '../../reports/isoWeek.js';
import { writeWeeklyReport } from '../../reports/writeWeeklyReport.js';
import { patternsFor } from '../../transform/patterns/patternsFor.js';
import { parseCommandArgs } from '../args.js';
import type { Command } from '../context.js';
import { withPipeline } from '../open.js';


export const REPORT_USAGE = 'usage: cqd-patterns report weekly [--week 2026-W47] [--out DIR] [--reveal]';

export const report: Command = async (ctx) => {
  const [sub, ...rest] = ctx.argv;
  if (sub !== 'weekly') throw new UsageError(sub === undefined ? REPORT_USAGE : `unknown report '${sub}'\n${REPORT_USAGE}`);
  const { values } = parseCommandArgs(() =>
    parseArgs({
      args: rest,
      options: { week: { type: 'string' }, out: { type: 'string' }, reveal: { type: 'boolean', default: false } },
    }),
  );
  return withPipeline(ctx, async ({ config, db, keys }) => {
    const now = ctx.clock.now();
    const written = await writeWeeklyReport(db, {
      now,
      timezone: config.report.timezone,
      outDir: values.out ?? config.report.outDir,
      ...(values.week !== undefined ? { week: values.week } : {}),
      captureOptions: { signInRetentionDays: config.ingest.signInRetentionDays, marginDays: config.ingest.deadlineMarginDays },
      patterns: (week: IsoWeek) => patternsFor(db, config, { from: week.start, to: week.end, now, store: false }),
      ...(values.reveal ? { revealUsers: (ps: readonly string[]) => reveal(db, keys.vaultKey, ps) } : {}),
    });
    ctx.log.info('weekly report written', { week: written.week, pngs: written.pngs.length, ms: Math.round(written.timings.query + written.timings.render + written.timings.write + written.timings.patterns) });
    ctx.stdout(`${written.html}\n${written.markdown}\n${written.json}\n`);
    return 0;
  });
};
