/**
 * `cqd-patterns localize FILE.csv --dims a,b,c,d (--observed COL --expected COL | --failures COL --attempts COL
 *  --baseline-failures COL --baseline-attempts COL) [--hier a,b] [--direction up|down|both] [--max-depth N] [--format json|table]`
 * The pattern engine on any leaf table, with the same defaults as `patterns`.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { UsageError, errorMessage } from '../../core/errors.js';
import { additiveTableFromCsv, parseCsv, rateTableFromCsv } from '../../transform/patterns/csvTable.js';
import type { LeafTable } from '../../transform/patterns/leafTable.js';
import { localize as runLocalize, type Direction } from '../../transform/patterns/localize.js';
import { rateToLeafTable } from '../../transform/patterns/rateToLeafTable.js';
import { intFlag, parseCommandArgs } from '../args.js';
import type { Command } from '../context.js';

const list = (s: string | undefined): string[] => (s ?? '').split(',').map((x) => x.trim()).filter(Boolean);

export const localize: Command = async (ctx) => {
  const { values, positionals } = parseCommandArgs(() =>
    parseArgs({
      args: ctx.argv,
      allowPositionals: true,
      options: {
        dims: { type: 'string' },
        hier: { type: 'string' },
        observed: { type: 'string' },
        expected: { type: 'string' },
        failures: { type: 'string' },
        attempts: { type: 'string' },
        'baseline-failures': { type: 'string' },
        'baseline-attempts': { type: 'string' },
        direction: { type: 'string', default: 'both' },
        'max-depth': { type: 'string' },
        format: { type: 'string', default: 'json' },
      },
    }),
  );
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new UsageError('localize: give exactly one CSV file');
  const dims = list(values.dims);
  if (dims.length === 0) throw new UsageError('localize: --dims a,b,... is required');
  const hier = list(values.hier);
  const hierarchical = dims.map((d) => hier.includes(d));
  const direction = values.direction;
  if (direction !== 'up' && direction !== 'down' && direction !== 'both') throw new UsageError(`--direction must be up, down or both, got '${direction}'`);
  if (values.format !== 'json' && values.format !== 'table') throw new UsageError(`--format must be json or table, got '${values.format}'`);
  let text: string;
  try {
    text = readFileSync(resolve(ctx.cwd, file), 'utf8');
  } catch (e) {
    throw new UsageError(`localize: cannot read ${file}: ${errorMessage(e)}`);
  }
  let table: LeafTable;
  try {
    const csv = parseCsv(text);
    if (values.observed !== undefined || values.expected !== undefined) {
      if (!values.observed || !values.expected) throw new UsageError('localize: --observed and --expected go together');
      table = additiveTableFromCsv(csv, dims, values.observed, values.expected, hierarchical);
    } else {
      const f = values.failures;
      const a = values.attempts;
      const bf = values['baseline-failures'];
      const ba = values['baseline-attempts'];
      if (!f || !a || !bf || !ba) throw new UsageError('localize: give --observed/--expected or all of --failures --attempts --baseline-failures --baseline-attempts');
      table = rateToLeafTable(rateTableFromCsv(csv, dims, { failures: f, attempts: a, baselineFailures: bf, baselineAttempts: ba }, hierarchical)).table;
    }
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`localize: ${file}: ${errorMessage(e)}`);
  }
  const maxDepth = intFlag('max-depth', values['max-depth'], dims.length);
  const res = runLocalize(table, { direction: direction satisfies Direction, maxDepth });
  if (values.format === 'json') {
    ctx.stdout(`${JSON.stringify({ elements: res.elements.map((e) => e.element), global_change: res.globalChange })}\n`);
    return 0;
  }
  const rows = res.elements.map((e) => [e.key, e.observed.toFixed(1), e.expected.toFixed(1), e.ratio.toFixed(3), e.score.toFixed(1)]);
  const head = ['element', 'observed', 'expected', 'ratio', 'score'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]): string => r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  ctx.stdout(`${[line(head), ...rows.map(line)].join('\n')}\n`);
  if (res.globalChange) ctx.stdout(`global change: the whole table moved by x${res.globalRatio.toFixed(3)}\n`);
  if (rows.length === 0) ctx.stdout('no element stands out\n');
  return 0;
};
