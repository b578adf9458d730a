/**
 * The interactive SQL shell: statements end at ';' and may span lines, dot-commands, history,
 * and Ctrl-C cancels the running query (db.interrupt) instead of leaving the shell.
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Db } from '../../core/db.js';
import { errorMessage } from '../../core/errors.js';
import { SHELL_HELP, schemaText, tablesText } from './dotCommands.js';
import { formatCsv, formatJson, formatNdjson, formatTable } from './format.js';
import type { SqlResult } from './result.js';
import { runQuery } from './runQuery.js';
import { splitStatements } from './statements.js';

export type TextFormat = 'table' | 'csv' | 'json' | 'ndjson';

export interface ShellDeps {
  db: Db;
  write: (text: string) => void;
  /** Row limit per query; undefined = all rows. */
  limit: number | undefined;
  format?: TextFormat;
  /** Post-process each result (e.g. --reveal). */
  transform?: (r: SqlResult) => Promise<SqlResult>;
}

export interface Shell {
  prompt(): string;
  /** Feed one input line; resolves 'quit' on .quit/.exit. */
  line(text: string): Promise<'continue' | 'quit'>;
  /** Ctrl-C: cancel the running query, else drop the unfinished statement. */
  sigint(): 'cancelled' | 'cleared' | 'idle';
}

export function renderText(r: SqlResult, format: TextFormat): string {
  if (format === 'csv') return formatCsv(r);
  if (format === 'json') return formatJson(r);
  if (format === 'ndjson') return formatNdjson(r);
  return formatTable(r);
}

export function createShell(deps: ShellDeps): Shell {
  let buffer = '';
  let running = false;
  let format: TextFormat = deps.format ?? 'table';
  const execute = async (sql: string): Promise<void> => {
    running = true;
    try {
      const { result, truncated } = await runQuery(deps.db, sql, deps.limit);
      const shown = deps.transform ? await deps.transform(result) : result;
      deps.write(renderText(shown, format));
      if (truncated) deps.write(`(only the first ${deps.limit} rows; start the shell with --all or --limit N for more)\n`);
    } catch (e) {
      deps.write(`error: ${errorMessage(e)}\n`);
    } finally {
      running = false;
    }
  };
  const dot = async (cmd: string): Promise<'continue' | 'quit'> => {
    const [name, ...args] = cmd.split(/\s+/);
    try {
      if (name === '.quit' || name === '.exit') return 'quit';
      if (name === '.help') deps.write(SHELL_HELP);
      else if (name === '.tables') deps.write(await tablesText(deps.db));
      else if (name === '.schema' && args[0]) deps.write(await schemaText(deps.db, args[0]));
      else if (name === '.format' && (args[0] === 'table' || args[0] === 'csv' || args[0] === 'json' || args[0] === 'ndjson')) format = args[0];
      else deps.write(`unknown or incomplete command ${cmd} (try .help)\n`);
    } catch (e) {
      deps.write(`error: ${errorMessage(e)}\n`);
    }
    return 'continue';
  };
  return {
    prompt: () => (buffer.trim() === '' ? 'sql> ' : '  -> '),
    async line(text) {
      if (buffer.trim() === '' && text.trim().startsWith('.')) return dot(text.trim());
      buffer += `${text}\n`;
      const { statements, rest } = splitStatements(buffer);
      buffer = rest.trim() === '' ? '' : rest;
      for (const s of statements) await execute(s);
      return 'continue';
    },
    sigint() {
      if (running) {
        deps.db.interrupt();
        deps.write('^C cancelling the query\n');
        return 'cancelled';
      }
      if (buffer.trim() !== '') {
        buffer = '';
        deps.write('^C\n');
        return 'cleared';
      }
      deps.write('(use .quit or Ctrl-D to leave)\n');
      return 'idle';
    },
  };
}

export interface ShellIO {
  input: Readable;
  output: Writable;
  terminal: boolean;
  /** Where to keep history between sessions (none when undefined). */
  historyFile?: string | undefined;
}

function loadHistory(file: string | undefined): string[] {
  if (!file || !existsSync(file)) return [];
  return readFileSync(file, 'utf8').split('\n').filter(Boolean).reverse().slice(0, 1000);
}

/** Drive a shell from a readable (a TTY or a test stream) until .quit or end of input. */
export async function runShell(shell: Shell, io: ShellIO): Promise<void> {
  const rl = createInterface({ input: io.input, output: io.output, terminal: io.terminal, history: loadHistory(io.historyFile), historySize: 1000 });
  rl.on('SIGINT', () => {
    if (shell.sigint() === 'cancelled') return;
    rl.setPrompt(shell.prompt());
    rl.prompt();
  });
  rl.setPrompt(shell.prompt());
  rl.prompt();
  try {
    for await (const text of rl) {
      if (io.historyFile && text.trim() !== '') {
        try {
          appendFileSync(io.historyFile, `${text.replace(/\n/g, ' ')}\n`, { mode: 0o600 });
        } catch {
          /* history is a convenience */
        }
      }
      if ((await shell.line(text)) === 'quit') break;
      rl.setPrompt(shell.prompt());
      rl.prompt();
    }
  } finally {
    rl.close();
  }
}
