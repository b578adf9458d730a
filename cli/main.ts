/**
 * cqd-patterns: the one entry point that owns the process. Parses global flags, dispatches to a
 * lazily imported command, and is the only place that turns an error into an exit code.
 *
 *   ingest ─► raw.* ─► build (staging → intermediate → marts) ─► patterns ─► report / alerts / sql
 */
import { fixedClock, systemClock } from '../core/clock.js';
import { loadConfig, type LoadedConfig } from '../core/config.js';
import { CqdError, UsageError, errorMessage, type ExitCode } from '../core/errors.js';
import { errorHint } from './errorHints.js';
import { createLogger } from '../core/log.js';
import type { Command, CommandContext } from './context.js';

const COMMANDS: Record<string, { help: string; load: () => Promise<Command> }> = {
  demo: { help: 'run the whole pipeline on the built-in synthetic tenant (no config, no credentials)', load: async () => (await import('./commands/demo.js')).demo },
  run: { help: 'one pass: ingest → build → patterns → alerts', load: async () => (await import('./commands/run.js')).run },
  daemon: { help: 'the collector: back-fill, then ingest hourly, purge the vault daily, report weekly', load: async () => (await import('./commands/daemon.js')).daemon },
  ingest: { help: 'capture call records, Direct Routing / PSTN logs and sign-ins (Graph, or --from-dir saved files)', load: async () => (await import('./commands/ingest.js')).ingest },
  sites: { help: 'CQD building file: import | check | diff | list | unmapped', load: async () => (await import('./commands/sites.js')).sites },
  build: { help: 'rebuild the SQL layers (staging → intermediate → marts) and run the data checks', load: async () => (await import('./commands/build.js')).build },
  doctor: { help: 'check config, keys, the tenant connection and the capture deadline per source', load: async () => (await import('./commands/doctor.js')).doctor },
  vault: { help: 'vault purge: delete clear EUII past the retention', load: async () => (await import('./commands/vault.js')).vault },
  patterns: { help: 'rank where failures cluster (site, SBC, client build, carrier path)', load: async () => (await import('./commands/patterns.js')).patterns },
  localize: { help: 'the pattern engine on any leaf CSV (CQD or TAC export, benchmark cases)', load: async () => (await import('./commands/localize.js')).localize },
  report: { help: 'report weekly [--week 2026-W47] [--out DIR] [--reveal]: the weekly pattern report (HTML, PNG charts, Markdown, JSON)', load: async () => (await import('./commands/report.js')).report },
  alerts: { help: 'alert rules: eval | deliver | test RECEIVER | silence | silences | expire', load: async () => (await import('./commands/alerts.js')).alerts },
  sql: { help: "analysts' read-only SQL on the analyst snapshot (table/CSV/JSON/NDJSON/Parquet/Arrow), --schema, interactive shell", load: async () => (await import('./commands/sql.js')).sql },
  migrate: { help: 'create or upgrade the database schema', load: async () => (await import('./commands/migrate.js')).migrateCommand },
};

export const USAGE = `usage: cqd-patterns <command> [options]

global options:
  --config PATH      config file (YAML or JSON; default ./cqd-patterns.yaml if present)
  --db PATH          DuckDB file (else $CQD_PATTERNS_DB, else config 'database', else ./data/cqd-patterns.duckdb)
  --log-format F     human | json (default: human on a terminal, json otherwise)
  --now ISO          pretend the current time is ISO (reproducible runs)
  --debug            show stacks for unexpected errors

commands:
${Object.entries(COMMANDS)
  .map(([k, v]) => `  ${k.padEnd(10)} ${v.help}`)
  .join('\n')}

exit codes: 0 ok, 1 failure, 2 usage/config error, 3 data check failed`;

export interface MainIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  env: Record<string, string | undefined>;
  cwd: string;
  signal: AbortSignal;
}

/** Split argv into global flags and the command's own argv. Global flags may appear anywhere. */
function splitGlobal(argv: string[]) {
  const globals: Record<string, string | boolean> = {};
  const rest: string[] = [];
  const withValue = new Set(['--config', '--db', '--log-format', '--now']);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(0, eq) : a;
    if (withValue.has(name)) {
      const v = eq > 0 ? a.slice(eq + 1) : argv[++i];
      if (v === undefined) throw new UsageError(`${name} needs a value`);
      globals[name.slice(2)] = v;
    } else if (a === '--debug') globals['debug'] = true;
    else rest.push(a);
  }
  return { globals, rest };
}

export async function main(argv: string[], io: MainIO): Promise<ExitCode> {
  let debug = false;
  try {
    const { globals, rest } = splitGlobal(argv);
    debug = globals['debug'] === true;
    const [name, ...cmdArgv] = rest;
    if (!name || name === 'help' || name === '--help' || name === '-h') {
      io.stdout(USAGE + '\n');
      return name ? 0 : 2;
    }
    const entry = COMMANDS[name];
    if (!entry) throw new UsageError(`unknown command '${name}'\n\n${USAGE}`);
    const fmt = globals['log-format'];
    if (fmt !== undefined && fmt !== 'human' && fmt !== 'json') throw new UsageError(`--log-format must be human or json`);
    const log = createLogger({ format: fmt ?? (io.stderrIsTTY ? 'human' : 'json'), level: debug ? 'debug' : 'info', write: (l) => io.stderr(l + '\n') });
    const now = globals['now'];
    if (typeof now === 'string' && Number.isNaN(Date.parse(now))) throw new UsageError(`--now: not a date: ${now}`);
    const clock = typeof now === 'string' ? fixedClock(now) : systemClock;
    let loaded: LoadedConfig | undefined;
    const ctx: CommandContext = {
      argv: cmdArgv,
      stdout: io.stdout,
      stderr: io.stderr,
      stdoutIsTTY: io.stdoutIsTTY,
      env: io.env,
      cwd: io.cwd,
      log,
      clock,
      signal: io.signal,
      config: () =>
        (loaded ??= loadConfig({
          file: typeof globals['config'] === 'string' ? globals['config'] : undefined,
          db: typeof globals['db'] === 'string' ? globals['db'] : undefined,
          env: io.env,
          cwd: io.cwd,
        })),
    };
    const command = await entry.load();
    return await command(ctx);
  } catch (e) {
    if (e instanceof CqdError) {
      io.stderr(`cqd-patterns: ${e.message}\n`);
      const hint = errorHint(`${e.message} ${e.cause === undefined ? '' : errorMessage(e.cause)}`);
      if (hint) io.stderr(`hint: ${hint}\n`);
      if (debug && e.cause) io.stderr(`${String((e.cause as Error).stack ?? e.cause)}\n`);
      return e.exitCode;
    }
    io.stderr(`cqd-patterns: unexpected error: ${errorMessage(e)}\n`);
    const hint = errorHint(errorMessage(e));
    if (hint) io.stderr(`hint: ${hint}\n`);
    if (debug && e instanceof Error) io.stderr(`${e.stack}\n`);
    else io.stderr('(run with --debug for the stack)\n');
    return 1;
  }
}

/** The process shell: real streams, signals, and the exit code. Only this file sets it. */
export async function runCli(): Promise<void> {
  const ac = new AbortController();
  process.once('SIGINT', () => ac.abort());
  process.once('SIGTERM', () => ac.abort());
  process.exitCode = await main(process.argv.slice(2), {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    env: process.env,
    cwd: process.cwd(),
    signal: ac.signal,
  });
}

if (import.meta.url === `file://${process.argv[1]}`) await runCli();
