import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSql } from '../../../cli/commands/sql.js';
import { openDb } from '../../../core/db.js';
import { CqdError } from '../../../core/errors.js';
import { quoteString } from '../../../core/sql.js';
import { ALICE, KEY_ENV, sqlCtx, sqlStore, stdinOf, type SqlStore } from '../sql/sqlStore.js';

let store: SqlStore;
beforeAll(async () => {
  store = await sqlStore();
});
afterAll(() => store.cleanup());

const run = (argv: string[], opts: { tty?: boolean; env?: Record<string, string>; stdin?: string } = {}) => {
  const ctx = sqlCtx(store, argv, opts);
  return { ctx, done: runSql(ctx, stdinOf(opts.stdin ?? '')) };
};
const ndjson = (out: string[]): Record<string, unknown>[] =>
  out
    .join('')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('sql: refused operations', () => {
  const refused: [string, RegExp][] = [
    ["SELECT * FROM read_csv('/etc/passwd')", /^refused: file access is disabled/],
    ["SELECT * FROM read_text('/etc/hostname')", /^refused: file access is disabled/],
    ["SELECT * FROM '/etc/passwd'", /^refused: file access is disabled/],
    ["SELECT * FROM glob('/etc/*')", /^refused: file access is disabled/],
    ["COPY marts.setup_attempts TO '/tmp/cqd-leak.csv'", /^refused: file access is disabled/],
    ["EXPORT DATABASE '/tmp/cqd-leak'", /^refused: file access is disabled/],
    ["ATTACH '/tmp/other.duckdb' AS o", /^refused: file access is disabled/],
    ['INSTALL inet', /^refused: installing or loading extensions/],
    ['LOAD inet', /^refused: installing or loading extensions/],
    ['CREATE TABLE marts.x (i INTEGER)', /^refused: the analyst connection is read-only \(CREATE/],
    ["INSERT INTO patterns.runs (run_id) VALUES ('x')", /^refused: the analyst connection is read-only \(INSERT/],
    ['DELETE FROM marts.setup_attempts', /^refused: the analyst connection is read-only \(DELETE/],
    ['SET enable_external_access = true', /^refused: settings are locked/],
  ];
  for (const [q, msg] of refused) {
    it(`refuses ${q}`, async () => {
      const err = await run([q]).done.catch((e: unknown) => e);
      expect(err).toBeInstanceOf(CqdError);
      expect((err as CqdError).message).toMatch(msg);
      expect((err as CqdError).exitCode).toBe(1);
    });
  }
  it('plain SQL errors are reported as such', async () => {
    await expect(run(['SELECT nope FROM marts.setup_attempts']).done).rejects.toThrow(/^SQL error: Binder Error/);
  });
});

describe('sql: queries and output', () => {
  it('prints NDJSON when piped, a table on a terminal', async () => {
    const q = 'SELECT site, count(*) AS n FROM marts.setup_attempts GROUP BY site ORDER BY site';
    const piped = run([q]);
    expect(await piped.done).toBe(0);
    const rows = ndjson(piped.ctx.out);
    expect(rows).toHaveLength(5);
    expect(rows.reduce((s, r) => s + Number(r['n']), 0)).toBe(3000);
    const tty = run([q], { tty: true });
    await tty.done;
    const text = tty.ctx.out.join('');
    expect(text).toMatch(/^site\s+\| n\n/);
    expect(text).toContain('(5 rows)');
  });

  it('limits rows unless --all', async () => {
    const a = run(['SELECT * FROM range(1500)']);
    await a.done;
    expect(ndjson(a.ctx.out)).toHaveLength(1000);
    expect(a.ctx.err.join('')).toMatch(/only the first 1000 rows/);
    const b = run(['SELECT * FROM range(1500)', '--all']);
    await b.done;
    expect(ndjson(b.ctx.out)).toHaveLength(1500);
    const c = run(['SELECT * FROM range(1500)', '--limit', '7', '--format', 'csv']);
    await c.done;
    expect(c.ctx.out.join('').split('\r\n').filter(Boolean)).toHaveLength(8);
  });

  it('reads a script from -f FILE and from stdin', async () => {
    const f = join(store.dir, 'q.sql');
    writeFileSync(f, '-- two statements\nSELECT 1 AS a;\nSELECT 2 AS b;\n');
    const a = run(['-f', f]);
    await a.done;
    expect(ndjson(a.ctx.out)).toEqual([{ a: 1 }, { b: 2 }]);
    const b = run(['-'], { stdin: 'SELECT 42 AS answer;' });
    await b.done;
    expect(ndjson(b.ctx.out)).toEqual([{ answer: 42 }]);
  });

  it('prints the schema documentation', async () => {
    const a = run(['--schema']);
    await a.done;
    expect(a.ctx.out.join('')).toContain('## marts.setup_attempts');
  });

  it('explains a missing snapshot and reads the live file with --live', async () => {
    await expect(run(['SELECT 1', '--snapshot', 'nowhere.duckdb']).done).rejects.toThrow(/no analyst snapshot at .*nowhere\.duckdb/);
    const a = run(['SELECT count(*) AS n FROM marts.setup_attempts', '--live']);
    await a.done;
    expect(ndjson(a.ctx.out)).toEqual([{ n: 3000 }]);
  });

  it('usage errors exit 2', async () => {
    for (const argv of [['SELECT 1', '--format', 'parquet'], ['SELECT 1', '--format', 'xml'], ['SELECT 1', '--all', '--limit', '3'], ['a', 'b']]) {
      const err = await run(argv).done.catch((e: unknown) => e);
      expect((err as CqdError).exitCode).toBe(2);
    }
  });
});

describe('sql: Parquet and Arrow round-trip', () => {
  const q = `SELECT attempt_id, attempt_ts, day, user_p, is_failure, final_sip_code, ms_code, auth_linked,
                    (attempt_ts - INTERVAL 1 HOUR)::TIMESTAMP AS naive_ts, 1.25::DECIMAL(6,2) AS dec, [1, 2] AS list
             FROM marts.setup_attempts ORDER BY attempt_id LIMIT 500`;
  const original = async () => {
    const db = await openDb(store.snapshot, { readOnly: true, sandbox: true });
    try {
      return await db.queryRaw(q);
    } finally {
      db.close();
    }
  };

  it('Parquet read back by DuckDB equals the query result', async () => {
    const out = join(store.dir, 'out.parquet');
    expect(await run([q, '--out', out]).done).toBe(0);
    const want = await original();
    const mem = await openDb(':memory:');
    try {
      const got = await mem.queryRaw(`SELECT * FROM read_parquet(${quoteString(out)})`);
      expect(got.columns).toEqual(want.columns);
      expect(got.types.slice(0, 10)).toEqual(want.types.slice(0, 10));
      expect(got.rows.map((r) => r.slice(0, 10))).toEqual(want.rows.map((r) => r.slice(0, 10)));
      expect(got.rows[0]?.[10]).toBe('[1,2]');
    } finally {
      mem.close();
    }
  });

  it('Arrow IPC read back by apache-arrow equals the query result', async () => {
    const out = join(store.dir, 'out.arrow');
    expect(await run([q, '--format', 'arrow', '--out', out]).done).toBe(0);
    const want = await original();
    const t = tableFromIPC(readFileSync(out));
    expect(t.numRows).toBe(500);
    expect(t.schema.fields.map((f) => f.name)).toEqual(want.columns);
    for (let i = 0; i < 500; i += 37) {
      const w = want.rows[i] ?? [];
      expect(t.getChild('attempt_id')?.get(i)).toBe(w[0]);
      expect(Number(t.getChild('attempt_ts')?.get(i)) / 1000).toBe((w[1] as Date).getTime());
      expect(t.getChild('day')?.get(i)).toBe((w[2] as Date).getTime());
      expect(t.getChild('is_failure')?.get(i)).toBe(w[4]);
      expect(t.getChild('final_sip_code')?.get(i)).toBe(w[5]);
      expect(t.getChild('ms_code')?.get(i)).toBe(w[6]);
      expect(t.getChild('dec')?.get(i)).toBe(1.25);
    }
  });
});

describe('sql --reveal', () => {
  const q = `SELECT DISTINCT user_p FROM marts.setup_attempts WHERE attempt_id IN ('dr:1', 'dr:8') ORDER BY 1`;
  it('fails with a clear message without the vault key', async () => {
    const err = await run([q, '--reveal']).done.catch((e: unknown) => e);
    expect((err as CqdError).message).toMatch(/^--reveal needs the vault key \(CQD_PATTERNS_VAULT_KEY or the key file .*live\.duckdb\.keys\.json\)/);
  });
  it('joins pseudonyms back to clear UPNs with the key, and only then', async () => {
    const plain = run([q], { env: KEY_ENV });
    await plain.done;
    expect(plain.ctx.out.join('')).not.toContain(ALICE);
    const a = run([q, '--reveal'], { env: KEY_ENV });
    await a.done;
    const users = ndjson(a.ctx.out).map((r) => r['user_p']);
    expect(users).toContain(ALICE);
    expect(users.filter((u) => u !== ALICE).every((u) => String(u).startsWith('u_'))).toBe(true);
  });
});
