import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { openDb, translateOpenError } from '../../core/db.js';
import { DatabaseInUseError } from '../../core/errors.js';

describe('db', () => {
  it('checks rows against the schema instead of casting', async () => {
    const db = await openDb(':memory:');
    const ok = await db.query('SELECT 41 + $a::INTEGER AS n', z.object({ n: z.number() }), { a: 1 });
    expect(ok).toEqual([{ n: 42 }]);
    await expect(db.query("SELECT 'x' AS n", z.object({ n: z.number() }))).rejects.toThrow(/unexpected row 1: n:/);
    db.close();
  });

  it('bounds DuckDB memory when asked to', async () => {
    const setting = z.object({ v: z.string() });
    const q = "SELECT current_setting('memory_limit') AS v";
    const small = await openDb(':memory:', { memoryLimit: '512MB' });
    expect(await small.query(q, setting)).toEqual([{ v: '488.2 MiB' }]);
    small.close();
  });

  it('rolls a failed transaction back', async () => {
    const db = await openDb(':memory:');
    await db.run('CREATE TABLE t (x INTEGER)');
    await expect(
      db.transaction(async (tx) => {
        await tx.run('INSERT INTO t VALUES (1)');
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await db.query('SELECT count(*)::INTEGER AS n FROM t', z.object({ n: z.number() }))).toEqual([{ n: 0 }]);
    db.close();
  });

  it('appends typed rows including timestamps', async () => {
    const db = await openDb(':memory:');
    await db.run('CREATE TABLE t (s VARCHAR, ts TIMESTAMPTZ, n BIGINT, b BOOLEAN)');
    await db.append('t', ['VARCHAR', 'TIMESTAMPTZ', 'BIGINT', 'BOOLEAN'], [['a', '2026-11-01T10:00:00.5Z', 5, true], [null, null, null, null]]);
    const rows = await db.query("SELECT s, strftime(ts AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%S.%g') AS ts FROM t ORDER BY s NULLS LAST", z.object({ s: z.string().nullable(), ts: z.string().nullable() }));
    expect(rows).toEqual([{ s: 'a', ts: '2026-11-01T10:00:00.500' }, { s: null, ts: null }]);
    // A repeated date-time is stored alike; a bad one right after a good one is refused, empty text too.
    await db.append('t', ['VARCHAR', 'TIMESTAMPTZ', 'BIGINT', 'BOOLEAN'], [['b', '2026-11-02T00:00:00Z', 1, true], ['c', '2026-11-02T00:00:00Z', 2, false]]);
    const same = await db.query(`SELECT count(DISTINCT ts)::INTEGER AS n, min(ts) = TIMESTAMPTZ '2026-11-02 00:00:00+00' AS ok FROM t WHERE s IN ('b', 'c')`, z.object({ n: z.number(), ok: z.boolean() }));
    expect(same).toEqual([{ n: 1, ok: true }]);
    for (const bad of ['', 'nope']) {
      await expect(db.append('t', ['VARCHAR', 'TIMESTAMPTZ', 'BIGINT', 'BOOLEAN'], [['d', '2026-11-03T00:00:00Z', 1, true], ['e', bad, 1, true]])).rejects.toThrow(/not a date-time/);
    }
    db.close();
  });

  it('appends many rows in data chunks the same as row by row into cast columns', async () => {
    const db = await openDb(':memory:');
    // Exact column types take the chunk path; a TIMESTAMP (not TZ) column makes the appender cast, row by row.
    await db.run('CREATE TABLE fast (s VARCHAR, ts TIMESTAMPTZ, i INTEGER, n BIGINT, d DOUBLE, b BOOLEAN)');
    await db.run('CREATE TABLE casted (s VARCHAR, ts TIMESTAMP, i INTEGER, n BIGINT, d DOUBLE, b BOOLEAN)');
    const rows = Array.from({ length: 5000 }, (_, k) =>
      k % 7 === 0
        ? [null, null, null, null, null, null]
        : [`v${k}`, new Date(Date.UTC(2026, 10, 1) + k * 1500).toISOString(), k - 2500, String(k * 1_000_000_007), k / 4, k % 2 === 0],
    );
    const types = ['VARCHAR', 'TIMESTAMPTZ', 'INTEGER', 'BIGINT', 'DOUBLE', 'BOOLEAN'] as const;
    expect(await db.append('fast', types, rows)).toBe(5000);
    expect(await db.append('casted', types, rows)).toBe(5000);
    const dump = (t: string) =>
      db.query(
        `SELECT count(*)::INTEGER AS n, count(s)::INTEGER AS s, sum(epoch_ms(ts::TIMESTAMP))::VARCHAR AS ts, sum(i)::VARCHAR AS i, sum(n)::VARCHAR AS big, sum(d) AS d, count_if(b)::INTEGER AS b FROM ${t}`,
        z.object({ n: z.number(), s: z.number(), ts: z.string(), i: z.string(), big: z.string(), d: z.number(), b: z.number() }),
      );
    const fast = await dump('fast');
    expect(fast[0]).toMatchObject({ n: 5000, s: 5000 - 715 });
    expect(fast).toEqual(await dump('casted'));
    await expect(db.append('fast', types, [['x', null, 1.5, null, null, null]])).rejects.toThrow(/integer/);
    db.close();
  });

  it('turns DuckDB lock errors into "in use by PID"', () => {
    const e = translateOpenError('/x.duckdb', new Error('IO Error: Could not set lock on file "/x.duckdb": Conflicting lock is held in /usr/bin/node (PID 4242) by user root.'));
    expect(e).toBeInstanceOf(DatabaseInUseError);
    expect(e.message).toContain('database /x.duckdb is in use by PID 4242');
  });

  it('a second process opening the file gets the clear message', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cqd-lock-'));
    const path = join(dir, 'l.duckdb');
    const db = await openDb(path);
    await db.run('CREATE TABLE t (x INTEGER)');
    const script = `import { openDb } from ${JSON.stringify(join(process.cwd(), 'core/db.ts'))};
      try { await openDb(${JSON.stringify(path)}); console.log('opened'); } catch (e) { console.log(e.message); }`;
    const out = await new Promise<string>((resolve) => {
      const p = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: process.cwd() });
      let s = '';
      p.stdout.on('data', (d: Buffer) => (s += d.toString()));
      p.on('close', () => resolve(s));
    });
    expect(out).toMatch(/is in use by PID \d+/);
    db.close();
  });
});
