/**
 * `cqd-patterns sites import|check|diff|list|unmapped`: the CQD building file and the site mapping.
 */
import { parseArgs } from 'node:util';
import { openDb, type Db } from '../../core/db.js';
import { DataCheckError, UsageError } from '../../core/errors.js';
import { migrate } from '../../core/migrate.js';
import { diffSites, formatDiff } from '../../sites/diff.js';
import { checkBuildingFile, importBuildingFile } from '../../sites/importFile.js';
import { formatProblem, type Problem } from '../../sites/problem.js';
import { fileInForce, listFiles, loadNetworks } from '../../sites/store.js';
import { formatUnmapped, unmappedSubnets } from '../../sites/unmapped.js';
import { dateFlag, intFlag, parseCommandArgs } from '../args.js';
import type { Command, CommandContext } from '../context.js';

export const SITES_USAGE = `usage: cqd-patterns sites <subcommand> [options]

  import FILE [--start DATE] [--end DATE]   store a CQD building file (CSV/TSV, no header, 15 or 14 columns)
                                            as a new mapping version; the open file ends the day before DATE.
                                            Default start: today (the first file ever: 1970-01-01)
  check FILE                                validate only; exit 3 when errors exist
  diff FILE [--at DATE]                     changes against the mapping in force on DATE (default today)
  list [--buildings] [--at DATE]            imported versions, or the buildings in force on DATE
  unmapped [--min N] [--days N | --from DATE --to DATE]
                                            subnets with >= N (default 10) attempts mapped to no building
                                            in the window (default the last 28 days)
  options: --json   machine-readable output`;

const OPTIONS = {
  start: { type: 'string' },
  end: { type: 'string' },
  at: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  min: { type: 'string' },
  days: { type: 'string' },
  buildings: { type: 'boolean' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

const day = (name: string, v: string | undefined) => dateFlag(name, v)?.toISOString().slice(0, 10);
const json = (v: unknown) => JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? x.toString() : x), 2) + '\n';

async function withDb<T>(ctx: CommandContext, fn: (db: Db) => Promise<T>): Promise<T> {
  const db = await openDb(ctx.config().dbPath);
  try {
    await migrate(db);
    return await fn(db);
  } finally {
    db.close();
  }
}

function printProblems(out: (s: string) => void, file: string, problems: readonly Problem[], limit = Infinity): void {
  for (const p of problems.slice(0, limit)) out(formatProblem(file, p) + '\n');
  if (problems.length > limit) out(`… and ${problems.length - limit} more (run 'sites check ${file}' for all)\n`);
}

export const sites: Command = async (ctx) => {
  const { values, positionals } = parseCommandArgs(() => parseArgs({ args: ctx.argv, options: OPTIONS, allowPositionals: true, strict: true }));
  const [sub, file, ...extra] = positionals;
  if (values.help || !sub) {
    ctx.stdout(SITES_USAGE + '\n');
    return values.help ? 0 : 2;
  }
  const needFile = () => {
    if (!file || extra.length) throw new UsageError(`sites ${sub}: expected exactly one FILE\n\n${SITES_USAGE}`);
    return file;
  };
  const today = ctx.clock.now().toISOString().slice(0, 10);
  switch (sub) {
    case 'check': {
      const checked = await checkBuildingFile(needFile());
      if (values.json) ctx.stdout(json({ file: checked.name, rows: checked.rows.length, errors: checked.errors, warnings: checked.warnings }));
      else {
        printProblems(ctx.stdout, file ?? '', [...checked.errors, ...checked.warnings].sort((a, b) => a.line - b.line || a.column - b.column));
        ctx.stdout(`${checked.rows.length} valid rows, ${checked.errors.length} errors, ${checked.warnings.length} warnings\n`);
      }
      return checked.errors.length ? 3 : 0;
    }
    case 'import': {
      const path = needFile();
      const start = day('start', values.start);
      const end = day('end', values.end);
      if (start && end && end < start) throw new UsageError(`--end ${end} is before --start ${start}`);
      const result = await withDb(ctx, (db) => importBuildingFile({ db, clock: ctx.clock }, { path, start, end }));
      if (result.status === 'rejected') {
        printProblems(ctx.stderr, path, result.errors, 200);
        throw new DataCheckError(`${path}: ${result.errors.length} errors, nothing imported (the mapping in force is unchanged)`);
      }
      if (values.json) ctx.stdout(json({ ...result, warnings: result.warnings.length }));
      else if (result.status === 'unchanged') ctx.stdout(`${path}: same content and dates as file ${result.fileId}; nothing to do\n`);
      else {
        printProblems(ctx.stderr, path, result.warnings, 20);
        ctx.stdout(
          `imported ${path} as file ${result.fileId}: ${result.rows} networks, ${result.segments} segments, ` +
            `in force ${result.startDate} → ${result.endDate ?? 'open'}, ${result.warnings.length} warnings\n`,
        );
      }
      return 0;
    }
    case 'diff': {
      const path = needFile();
      const at = day('at', values.at) ?? today;
      const checked = await checkBuildingFile(path);
      const d = await withDb(ctx, async (db) => {
        const current = await fileInForce(db, at);
        return diffSites(current ? await loadNetworks(db, current.file_id) : [], checked.rows);
      });
      if (checked.errors.length) ctx.stderr(`${path}: ${checked.errors.length} errors (rows with errors are left out of the diff; see 'sites check')\n`);
      ctx.stdout(values.json ? json(d) : formatDiff(d));
      return 0;
    }
    case 'list': {
      const at = day('at', values.at) ?? today;
      await withDb(ctx, async (db) => {
        const current = await fileInForce(db, at);
        if (values.buildings) {
          const rows = current ? await loadNetworks(db, current.file_id) : [];
          const counts = new Map<string, number>();
          for (const r of rows) counts.set(r.buildingName, (counts.get(r.buildingName) ?? 0) + 1);
          const out = [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([building, networks]) => ({ building, networks }));
          ctx.stdout(values.json ? json(out) : out.map((o) => `${o.building}\t${o.networks}`).join('\n') + (out.length ? '\n' : ''));
          return;
        }
        const files = (await listFiles(db)).map((f) => ({ ...f, in_force: f.file_id === current?.file_id }));
        if (values.json) ctx.stdout(json(files));
        else
          for (const f of files)
            ctx.stdout(
              `${f.in_force ? '*' : ' '} ${f.file_id}\t${f.start_date} → ${f.end_date ?? 'open'}\t${f.row_count} rows\t${f.sha256.slice(0, 12)}\t${f.file_name}\n`,
            );
      });
      return 0;
    }
    case 'unmapped': {
      const min = intFlag('min', values.min, 10);
      const to = dateFlag('to', values.to) ?? ctx.clock.now();
      const from = dateFlag('from', values.from) ?? new Date(to.getTime() - intFlag('days', values.days, 28) * 86_400_000);
      const rows = await withDb(ctx, (db) => unmappedSubnets(db, { from, to, min }));
      ctx.stdout(values.json ? json(rows) : formatUnmapped(rows));
      return 0;
    }
    default:
      throw new UsageError(`sites: unknown subcommand '${sub}'\n\n${SITES_USAGE}`);
  }
};
