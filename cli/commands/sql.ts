/**
 * `cqd-patterns sql [QUERY | -f FILE | -] [--format table|csv|json|ndjson|parquet|arrow] [--out FILE]
 *   [--all | --limit N] [--schema] [--live | --snapshot FILE] [--reveal]`
 * Analysts' SQL on the snapshot (analytics.duckdb), read-only with file access off. No query on a terminal: a shell.
 */
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { openDb } from '../../core/db.js';
import { CqdError, UsageError, errorMessage } from '../../core/errors.js';
import { schemaMarkdown } from '../../transform/schemaDoc.js';
import { snapshotPath } from '../../transform/snapshot.js';
import { intFlag, parseCommandArgs } from '../args.js';
import type { Command, CommandContext } from '../context.js';
import { chooseFormat, writeResult } from '../sql/output.js';
import type { SqlResult } from '../sql/result.js';
import { requireVaultKey, revealResult } from '../sql/reveal.js';
import { runQuery } from '../sql/runQuery.js';
import { createShell, runShell, type TextFormat } from '../sql/shell.js';
import { scriptStatements } from '../sql/statements.js';

export const DEFAULT_ROW_LIMIT = 1000;

export interface SqlIO {
  stdin: Readable;
  stdinIsTTY: boolean;
  /** Shell output (prompts, results) when interactive. */
  stdoutStream: Writable;
}

async function readAll(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(typeof c === 'string' ? Buffer.from(c) : Buffer.from(c as Uint8Array));
  return Buffer.concat(chunks).toString('utf8');
}

export async function runSql(ctx: CommandContext, io: SqlIO): Promise<0 | 1 | 2 | 3> {
  const { values, positionals } = parseCommandArgs(() =>
    parseArgs({
      args: ctx.argv,
      allowPositionals: true,
      options: {
        file: { type: 'string', short: 'f' },
        format: { type: 'string' },
        out: { type: 'string', short: 'o' },
        all: { type: 'boolean', default: false },
        limit: { type: 'string' },
        schema: { type: 'boolean', default: false },
        live: { type: 'boolean', default: false },
        snapshot: { type: 'string' },
        reveal: { type: 'boolean', default: false },
      },
    }),
  );
  if (positionals.length > 1) throw new UsageError("sql: give one query (quote it), -f FILE, or '-' for stdin");
  if (positionals.length === 1 && values.file !== undefined) throw new UsageError('sql: give a query or -f FILE, not both');
  if (values.live && values.snapshot !== undefined) throw new UsageError('sql: --live and --snapshot exclude each other');
  if (values.all && values.limit !== undefined) throw new UsageError('sql: --all and --limit exclude each other');
  const limit = values.all ? undefined : intFlag('limit', values.limit, DEFAULT_ROW_LIMIT);
  const out = values.out === undefined ? undefined : resolve(ctx.cwd, values.out);
  const format = chooseFormat(values.format, out, ctx.stdoutIsTTY);

  const { config, dbPath } = ctx.config();
  const vaultKey = values.reveal ? requireVaultKey({ env: ctx.env, keyFile: config.vault.keyFile, livePath: dbPath }) : undefined;
  const target = values.live ? dbPath : values.snapshot !== undefined ? resolve(ctx.cwd, values.snapshot) : snapshotPath(dbPath);
  if (!existsSync(target)) {
    throw new CqdError(values.live ? `no database at ${target}` : `no analyst snapshot at ${target} yet: 'cqd-patterns build' publishes it (or use --live when the pipeline is stopped)`);
  }
  const db = await openDb(target, { readOnly: true, sandbox: true });
  try {
    if (values.schema) {
      ctx.stdout(await schemaMarkdown(db));
      return 0;
    }
    const transform = vaultKey
      ? async (r: SqlResult): Promise<SqlResult> => {
          const shown = await revealResult(r, vaultKey, dbPath);
          ctx.log.info('sql --reveal: pseudonyms replaced by clear values in this output');
          return shown;
        }
      : undefined;
    let script: string | undefined;
    const q = positionals[0];
    if (values.file !== undefined) {
      try {
        script = readFileSync(resolve(ctx.cwd, values.file), 'utf8');
      } catch (e) {
        throw new UsageError(`sql: cannot read ${values.file}: ${errorMessage(e)}`);
      }
    } else if (q === '-' || (q === undefined && !io.stdinIsTTY)) script = await readAll(io.stdin);
    else if (q !== undefined) script = q;

    if (script === undefined) {
      if (out !== undefined || (format !== 'table' && format !== 'csv' && format !== 'json' && format !== 'ndjson')) throw new UsageError('sql: --out needs a query');
      const shellFormat: TextFormat = values.format === undefined ? 'table' : format;
      const shell = createShell({ db, write: (s) => io.stdoutStream.write(s), limit, format: shellFormat, ...(transform ? { transform } : {}) });
      io.stdoutStream.write(`cqd-patterns sql on ${target} (read-only, file access off). .help for help, .quit to leave.\n`);
      await runShell(shell, { input: io.stdin, output: io.stdoutStream, terminal: true, historyFile: join(ctx.env['HOME'] ?? homedir(), '.cqd_patterns_sql_history') });
      return 0;
    }
    const statements = scriptStatements(script);
    if (statements.length === 0) throw new UsageError('sql: the query is empty');
    for (const [i, s] of statements.entries()) {
      const last = i === statements.length - 1;
      const { result, truncated } = await runQuery(db, s, limit);
      if (!last && out !== undefined) continue;
      const shown = transform ? await transform(result) : result;
      await writeResult(shown, format, out, ctx.stdout);
      if (truncated) ctx.stderr(`(only the first ${limit} rows; use --all or --limit N for more)\n`);
    }
    return 0;
  } finally {
    db.close();
  }
}

export const sql: Command = async (ctx) => runSql(ctx, { stdin: process.stdin, stdinIsTTY: Boolean(process.stdin.isTTY), stdoutStream: process.stdout });
