import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../core/db.js';
import { memoryLogger } from '../../../core/log.js';
import { generateTenant } from '../../../demo/tenant/index.js';
import { CQD_TABLE } from '../../../ingest/files/cqdColumns.js';
import { importDir, type ImportSummary } from '../../../ingest/files/importDir.js';
import { tempStore } from '../../helpers/tempStore.js';
import { csvText, tacCsvOf } from './tacFixtures.js';

let db: Db;
let cleanup = () => {};
let summary: ImportSummary;
const keys = { vaultKey: Buffer.alloc(32, 1), pseudonymKey: Buffer.alloc(32, 2), origin: 'test' };
const tenant = generateTenant({ users: 20, days: 8, seed: 9 });
const dr = tenant.directRoutingCalls.slice(0, 25);
const pstn = tenant.pstnCalls.slice(0, 15);

const CQD_HEADER = [
  'Start Time', 'Second UPN', 'Second IP Address', 'Second Subnet', 'Second Building Name', 'Second Client App Version',
  'PSTN Trunk FQDN', 'PSTN Call End Reason', 'PSTN Call End Sub Reason', 'AllStreams.Media Type', 'Some Other Dimension',
  'Total Stream Count', 'Measures.Total Call Setup Failed Stream Count',
];
const CQD_ROWS = [
  ['2026-11-18T09:00:00Z', 'secret.person@contoso.com', '10.20.30.77', '10.20.30.0', 'Berlin, HQ', '1415/25101617722', 'SBC1.contoso.com', '403', '560403', 'Audio', 'x', '12', '3'],
  ['2026-11-18T10:00:00Z', 'other@contoso.com', '', '10.20.31.0', 'Berlin, HQ', '1415/25101617722', '', '', '', 'Audio', 'y', '7', '0'],
  ['2026-11-18T11:00:00Z', 'secret.person@contoso.com', '10.20.30.78', '10.20.30.0', 'Berlin, HQ', '1415/25101617722', '', '', '', 'Audio', 'z', 'many', '0'],
];

beforeAll(async () => {
  const s = await tempStore();
  db = s.db;
  cleanup = s.cleanup;
  const dir = mkdtempSync(join(tmpdir(), 'cqd-csv-'));
  mkdirSync(join(dir, 'tac'));
  mkdirSync(join(dir, 'cqd'));
  const bad = { ...dr[0], correlationId: 'bad', startDateTime: 'yesterday', userPrincipalName: 'secret.person@contoso.com' };
  writeFileSync(join(dir, 'tac', 'DirectRouting.calls.2026-11-20.csv'), tacCsvOf('directRoutingCalls', [...dr.slice(0, 10), bad, ...dr.slice(10)]));
  writeFileSync(join(dir, 'tac', 'PSTN.calls.2026-11-20.csv'), tacCsvOf('pstnCalls', pstn, { bom: false }));
  writeFileSync(join(dir, 'tac', 'notes.csv'), 'Who,Phone\r\nsecret.person@contoso.com,+4930123456\r\n');
  writeFileSync(join(dir, 'cqd', 'subnets.csv'), csvText(CQD_HEADER, CQD_ROWS));
  writeFileSync(join(dir, 'cqd', 'measures-only.csv'), csvText(['Total Stream Count'], [['5']]));
  const deps = (runId: string) => ({ keys, log: memoryLogger(), now: new Date('2026-11-20T00:00:00Z'), runId });
  summary = await importDir(db, dir, deps('csv-1'));
  await importDir(db, dir, deps('csv-2')); // the same files again change nothing
});
afterAll(() => cleanup());

const n = z.object({ n: z.number() });
const count = async (sql: string) => (await db.query(sql, n))[0]?.n;

describe('importDir: TAC and CQD CSV exports', () => {
  it('imports good TAC rows once through the Graph row mappers, even when run twice', async () => {
    expect(summary.accepted.directRoutingCalls).toBe(dr.length);
    expect(summary.accepted.pstnCalls).toBe(pstn.length);
    expect(await count(`SELECT count(*)::INTEGER AS n FROM raw.direct_routing_calls WHERE source = 'tac_csv'`)).toBe(dr.length);
    expect(await count(`SELECT count(*)::INTEGER AS n FROM raw.pstn_calls WHERE source = 'tac_csv'`)).toBe(pstn.length);
    expect(await count(`SELECT count(*)::INTEGER AS n FROM raw.pstn_calls WHERE id IN (${pstn.map((p) => `'${p.id}'`).join(',')})`)).toBe(pstn.length);
  });

  it('imports the mapped CQD dimensions and measures, pseudonymising EUII', async () => {
    expect(summary.cqdRows).toBe(2);
    const rows = await db.query(
      `SELECT second_user_p, second_ip_p, second_ip_prefix, second_subnet, second_building_name, second_client_app_version,
              pstn_trunk_fqdn, pstn_call_end_reason, pstn_call_end_sub_reason::INTEGER AS sub, media_type,
              total_stream_count::INTEGER AS streams, call_setup_failed_stream_count::INTEGER AS failed, line
       FROM raw.cqd_rows ORDER BY line`,
      z.object({
        second_user_p: z.string(), second_ip_p: z.string().nullable(), second_ip_prefix: z.string().nullable(), second_subnet: z.string(),
        second_building_name: z.string(), second_client_app_version: z.string(), pstn_trunk_fqdn: z.string().nullable(),
        pstn_call_end_reason: z.number().nullable(), sub: z.number().nullable(), media_type: z.string(), streams: z.number(), failed: z.number(), line: z.number(),
      }),
    );
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      second_user_p: expect.stringMatching(/^u_/), second_ip_p: expect.stringMatching(/^ip_/), second_ip_prefix: '10.20.30.64',
      second_subnet: '10.20.30.0', second_building_name: 'Berlin, HQ', pstn_trunk_fqdn: 'sbc1.contoso.com',
      pstn_call_end_reason: 403, sub: 560403, media_type: 'Audio', streams: 12, failed: 3, line: 2,
    });
    expect(rows[1]).toMatchObject({ second_ip_p: null, pstn_trunk_fqdn: null, streams: 7, line: 3 });
    expect(await count(`SELECT count(*)::INTEGER AS n FROM vault.euii WHERE pseudonym = '${rows[0]?.second_user_p}'`)).toBe(1);
  });

  it('quarantines bad rows with file and line, unknown files whole, and never stores clear EUII there', async () => {
    const rows = await db.query(
      `SELECT location, position, reason FROM meta.rejects WHERE run_id = 'csv-1' ORDER BY location, position`,
      z.object({ location: z.string(), position: z.string(), reason: z.string() }),
    );
    const at = (f: string) => rows.filter((r) => r.location.endsWith(f));
    expect(at('DirectRouting.calls.2026-11-20.csv')).toEqual([expect.objectContaining({ position: 'line 12', reason: expect.stringMatching(/startDateTime/) })]);
    expect(at('notes.csv')).toEqual([expect.objectContaining({ position: 'file', reason: expect.stringMatching(/^unrecognised header/) })]);
    expect(at('subnets.csv')).toEqual([expect.objectContaining({ position: 'line 4', reason: 'Total Stream Count: expected an integer' })]);
    expect(at('measures-only.csv')).toEqual([expect.objectContaining({ position: 'file', reason: expect.stringMatching(/none of the CQD dimensions/) })]);
    expect(rows).toHaveLength(4);
    expect(summary.rejected).toBe(4);
    expect(JSON.stringify(rows)).not.toMatch(/secret|4930|10\.20\.30\.78/);
    const raw = await db.queryRaw(`SELECT * FROM raw.cqd_rows`);
    expect(JSON.stringify(raw.rows, (_k, v: unknown) => (typeof v === 'bigint' ? Number(v) : v))).not.toMatch(/secret|10\.20\.30\.77/);
  });

  it('raw.cqd_rows matches the column list the importer appends (migration 010)', async () => {
    const cols = await db.query(
      `SELECT column_name AS name, data_type AS type FROM duckdb_columns() WHERE schema_name = 'raw' AND table_name = 'cqd_rows' ORDER BY column_index`,
      z.object({ name: z.string(), type: z.string() }),
    );
    expect(cols.map((c) => [c.name, c.type === 'TIMESTAMP WITH TIME ZONE' ? 'TIMESTAMPTZ' : c.type])).toEqual(CQD_TABLE.map(([a, b]) => [a, b]));
  });
});
