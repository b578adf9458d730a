/**
 * `cqd-patterns patterns [--from ISO --to ISO] [--baseline-days N] [--dims site,sbc,client_build,carrier_path]
 *  [--failure auth|any|SQL-predicate] [--format table|json|md] [--no-store]`
 * Default window: the last patterns.windowDays (7) days; baseline: the patterns.baselineDays (28) days before it.
 */
import { parseArgs } from 'node:util';
import { UsageError } from '../../core/errors.js';
import { openStore } from '../../core/store.js';
import { DIMENSIONS, type Dimension } from '../../transform/patterns/cluster.js';
import { patternsMarkdown, patternsTable } from '../../transform/patterns/formatPatterns.js';
import { defaultWindow, runPatterns } from '../../transform/patterns/runPatterns.js';
import { dateFlag, intFlag, parseCommandArgs } from '../args.js';
import type { Command } from '../context.js';

function dimsFlag(value: string | undefined, fallback: readonly Dimension[]): Dimension[] {
  if (value === undefined) return [...fallback];
  const out: Dimension[] = [];
  for (const d of value.split(',').map((s) => s.trim()).filter(Boolean)) {
    const dim = DIMENSIONS.find((x) => x === d);
    if (!dim) throw new UsageError(`--dims: unknown dimension '${d}' (use ${DIMENSIONS.join(', ')})`);
    if (!out.includes(dim)) out.push(dim);
  }
  if (out.length === 0) throw new UsageError('--dims: give at least one dimension');
  // Keep the canonical order: it is the tie-break order of the engine.
  return DIMENSIONS.filter((d) => out.includes(d));
}

export const patterns: Command = async (ctx) => {
  const { values } = parseCommandArgs(() =>
    parseArgs({
      args: ctx.argv,
      options: {
        from: { type: 'string' },
        to: { type: 'string' },
        'baseline-days': { type: 'string' },
        dims: { type: 'string' },
        failure: { type: 'string', default: 'auth' },
        format: { type: 'string', default: 'table' },
        'no-store': { type: 'boolean', default: false },
      },
    }),
  );
  const format = values.format;
  if (format !== 'table' && format !== 'json' && format !== 'md') throw new UsageError(`--format must be table, json or md, got '${format}'`);
  const loaded = ctx.config();
  const cfg = loaded.config.patterns;
  const win = defaultWindow(ctx.clock.now(), cfg.windowDays, cfg.baselineDays, dateFlag('from', values.from), dateFlag('to', values.to), values['baseline-days'] === undefined ? undefined : intFlag('baseline-days', values['baseline-days'], cfg.baselineDays));
  const dims = dimsFlag(values.dims, cfg.dims);
  const db = await openStore(loaded.dbPath);
  try {
    const result = await runPatterns(db, {
      ...win,
      dims,
      failure: values.failure,
      minUsers: cfg.minUsers,
      maxClusters: cfg.maxClusters,
      now: ctx.clock.now(),
      store: !values['no-store'],
    });
    ctx.stdout(format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : format === 'md' ? patternsMarkdown(result) : patternsTable(result));
    return 0;
  } finally {
    db.close();
  }
};
