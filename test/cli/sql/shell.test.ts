import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createShell, runShell } from '../../../cli/sql/shell.js';
import { openDb, type Db } from '../../../core/db.js';
import { sqlStore, type SqlStore } from './sqlStore.js';

let store: SqlStore;
let db: Db;
beforeAll(async () => {
  store = await sqlStore(1000);
  db = await openDb(store.snapshot, { readOnly: true, sandbox: true });
});
afterAll(() => {
  db.close();
  store.cleanup();
});

function shell() {
  const out: string[] = [];
  const sh = createShell({ db, write: (s) => out.push(s), limit: 100 });
  return { sh, out, text: () => out.join('') };
}

describe('createShell', () => {
  it('runs multi-line statements ending at ;, with a continuation prompt', async () => {
    const { sh, text } = shell();
    expect(sh.prompt()).toBe('sql> ');
    await sh.line('SELECT 40 + 2');
    expect(sh.prompt()).toBe('  -> ');
    expect(text()).toBe('');
    await sh.line('  AS answer; SELECT 7 AS seven;');
    expect(sh.prompt()).toBe('sql> ');
    expect(text()).toMatch(/answer\n-+\n\s*42\n\(1 row\)/);
    expect(text()).toMatch(/seven\n-+\n\s*7\n/);
  });

  it('has .tables, .schema, .format, .help and keeps going after errors', async () => {
    const { sh, text, out } = shell();
    await sh.line('.tables');
    expect(text()).toContain('marts.setup_attempts');
    expect(text()).toContain('patterns.clusters');
    out.length = 0;
    await sh.line('.schema marts.setup_attempts');
    expect(text()).toMatch(/marts\.setup_attempts \| user_p\s+\| VARCHAR\s+\| User pseudonym/);
    out.length = 0;
    await sh.line('.schema nope');
    expect(text()).toContain('no table named nope');
    await sh.line('.help');
    expect(text()).toContain('.schema NAME');
    out.length = 0;
    await sh.line("SELECT * FROM read_csv('/etc/passwd');");
    expect(text()).toMatch(/^error: refused: file access is disabled/);
    out.length = 0;
    await sh.line('.format csv');
    await sh.line("SELECT 'a,b' AS x;");
    expect(text()).toBe('x\r\n"a,b"\r\n');
    expect(await sh.line('.quit')).toBe('quit');
  });

  it('Ctrl-C cancels the running query, not the shell; on a partial statement it clears it', async () => {
    const { sh, text, out } = shell();
    const running = sh.line('SELECT sum(range) FROM range(1000000000000);');
    await new Promise((r) => setTimeout(r, 300));
    expect(sh.sigint()).toBe('cancelled');
    await running;
    expect(text()).toMatch(/error: query cancelled/);
    out.length = 0;
    await sh.line('SELECT 1 AS again;');
    expect(text()).toContain('again');
    await sh.line('SELECT');
    expect(sh.sigint()).toBe('cleared');
    expect(sh.prompt()).toBe('sql> ');
    expect(sh.sigint()).toBe('idle');
  });
});

describe('runShell', () => {
  it('reads lines from a stream until .quit and keeps history', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let printed = '';
    output.on('data', (d: Buffer) => (printed += d.toString()));
    const { sh, text } = shell();
    const historyFile = join(store.dir, 'history');
    input.end('SELECT 2\n  AS b;\n.quit\nSELECT 3 AS never;\n');
    await runShell(sh, { input, output, terminal: false, historyFile });
    expect(printed).toContain('sql> ');
    expect(text()).toMatch(/b\n-+\n\s*2\n/);
    expect(text()).not.toContain('never');
    expect(readFileSync(historyFile, 'utf8')).toBe('SELECT 2\n  AS b;\n.quit\n');
  });
});
