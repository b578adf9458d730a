/**
 * int_pick_key (transform/sql/intermediate/026): one HUGEINT that must order exactly as the tuple
 * (rank, us, hash(id)) it stands for, so the session and PSTN picks choose what a struct ordering would.
 */
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../core/db.js';
import { loadSql } from '../../core/sql.js';

const sql = loadSql('transform/sql/intermediate/026_int_dr_session_picks.sql');
const macro = sql.slice(sql.indexOf('CREATE OR REPLACE TEMP MACRO int_pick_key'), sql.indexOf(';', sql.indexOf('CREATE OR REPLACE TEMP MACRO int_pick_key')) + 1);

describe('int_pick_key', () => {
  it('orders as (rank, microseconds, id hash) for ranks 0-3 and times from 1900 to 2040 and far beyond, ties included', async () => {
    const db = await openDb(':memory:');
    expect(macro).toMatch(/^CREATE OR REPLACE TEMP MACRO int_pick_key\(rank, us, id\) AS/);
    await db.exec(macro);
    // Seeded rows: ranks 0-3, times as µs since 1970 (negative before it; many equal), ids with repeats.
    await db.exec(`CREATE TEMP TABLE t AS
      SELECT (hash(i * 3 + 1) % 4)::INTEGER AS rank,
             CASE WHEN i % 7 = 0 THEN 0 WHEN i % 101 = 0 THEN 9223372036854775807 WHEN i % 103 = 0 THEN -9223372036854775807 ELSE (hash(i * 5 + 2) % 4418064000000000)::BIGINT - 2208988800000000 END AS us,
             's-' || (hash(i * 11 + 3) % 500)::VARCHAR AS id
      FROM range(20000) r(i)`);
    const r = await db.query(
      `SELECT count(*) FILTER (WHERE a <> b)::INTEGER AS misordered, count(DISTINCT k)::INTEGER AS keys, count(DISTINCT (rank, us, hash(id)))::INTEGER AS tuples
       FROM (SELECT rank, us, id, int_pick_key(rank, us, id) AS k,
                    dense_rank() OVER (ORDER BY int_pick_key(rank, us, id)) AS a,
                    dense_rank() OVER (ORDER BY rank, us, hash(id)) AS b FROM t)`,
      z.object({ misordered: z.number(), keys: z.number(), tuples: z.number() }),
    );
    expect(r[0]).toEqual({ misordered: 0, keys: r[0]?.tuples, tuples: expect.any(Number) });
    expect(r[0]?.tuples).toBeGreaterThan(15000);
    db.close();
  });
});
