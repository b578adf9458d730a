import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../core/db.js';
import { memoryLogger } from '../../../core/log.js';
import { generateTenant, writeTenantFiles } from '../../../demo/tenant/index.js';
import { importDir } from '../../../ingest/files/importDir.js';
import { tempStore } from '../../helpers/tempStore.js';

const keys = { vaultKey: Buffer.alloc(32, 1), pseudonymKey: Buffer.alloc(32, 2), origin: 'test' };
const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((c) => c()));

async function importWith(dir: string, groupRows: number, mapWorkers = 1): Promise<Db> {
  const s = await tempStore();
  cleanups.push(s.cleanup);
  await importDir(s.db, dir, { keys, log: memoryLogger(), now: new Date('2026-11-20T00:00:00Z'), runId: 'g', groupRows, mapWorkers });
  return s.db;
}

const dump = async (db: Db, sql: string) =>
  JSON.stringify((await db.queryRaw(sql)).rows, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v instanceof Date ? v.toISOString() : v));

describe('importDir file groups', () => {
  it('writes the same raw rows and vault ranges whether each file is its own transaction or files are grouped', async () => {
    const t = generateTenant({ users: 15, days: 8, seed: 11 });
    const dir = mkdtempSync(join(tmpdir(), 'cqd-group-'));
    writeTenantFiles(t, dir);
    const rec = t.callRecords[0];
    const dr = t.directRoutingCalls[0];
    if (!rec || !dr) throw new Error('empty tenant');
    // Later files carry a newer call-record version, an older one, and a changed DR row: the upsert order matters.
    writeFileSync(join(dir, 'callRecords', 'zz-1-newer.json'), JSON.stringify({ ...rec, version: rec.version + 1, sessions: rec.sessions?.slice(0, 1) }));
    writeFileSync(join(dir, 'callRecords', 'zz-2-older.json'), JSON.stringify({ ...rec, version: rec.version - 1, sessions: [] }));
    writeFileSync(join(dir, 'directRoutingCalls', 'zz-changed.json'), JSON.stringify({ value: [{ ...dr, trunkFullyQualifiedDomainName: 'changed.example.com' }] }));
    const perFile = await importWith(dir, 1);
    const grouped = await importWith(dir, 1_000_000);
    // Mapped on this thread instead of a worker, in groups of a few files: the same tables again.
    const inThread = await importWith(dir, 500, 0);
    // Three workers mapping files in turn (each with its own pseudonym numbering and seals), groups of a
    // few files that end on any worker's file: the same tables, one vault entry per pseudonym.
    const parallel = await importWith(dir, 300, 3);
    for (const sql of [
      'SELECT * EXCLUDE (ingested_at) FROM raw.call_records ORDER BY id',
      'SELECT * FROM raw.call_sessions ORDER BY call_record_id, session_id',
      'SELECT * EXCLUDE (ingested_at) FROM raw.direct_routing_calls ORDER BY id',
      'SELECT * EXCLUDE (ingested_at) FROM raw.pstn_calls ORDER BY id',
      'SELECT * EXCLUDE (ingested_at) FROM raw.sign_ins ORDER BY id',
      'SELECT * EXCLUDE (sealed) FROM vault.euii ORDER BY pseudonym',
    ]) {
      expect(await dump(grouped, sql), sql).toBe(await dump(perFile, sql));
      expect(await dump(inThread, sql), sql).toBe(await dump(perFile, sql));
      expect(await dump(parallel, sql), sql).toBe(await dump(perFile, sql));
    }
    expect(await dump(grouped, `SELECT version, session_count FROM raw.call_records WHERE id = '${rec.id}'`)).toBe(JSON.stringify([[String(rec.version + 1), 1]]));
    expect(await dump(grouped, `SELECT trunk_fqdn FROM raw.direct_routing_calls WHERE id = '${dr.id}'`)).toBe('[["changed.example.com"]]');
  });

  it('stops at a group that fails to write: earlier groups stay committed, that group and later ones are absent', async () => {
    const t = generateTenant({ users: 10, days: 8, seed: 5 });
    const [a, b, c] = t.directRoutingCalls;
    if (!a || !b || !c) throw new Error('tenant too small');
    const dir = mkdtempSync(join(tmpdir(), 'cqd-group-'));
    mkdirSync(join(dir, 'directRoutingCalls'));
    writeFileSync(join(dir, 'directRoutingCalls', '1.json'), JSON.stringify({ value: [a] }));
    // Valid to the schema (an integer), but too large for the INTEGER column: writing this group fails.
    writeFileSync(join(dir, 'directRoutingCalls', '2.json'), JSON.stringify({ value: [{ ...b, duration: 2 ** 40 }] }));
    writeFileSync(join(dir, 'directRoutingCalls', '3.json'), JSON.stringify({ value: [c] }));
    const s = await tempStore();
    cleanups.push(s.cleanup);
    await expect(importDir(s.db, dir, { keys, log: memoryLogger(), now: new Date('2026-11-20T00:00:00Z'), runId: 'g', groupRows: 1 })).rejects.toThrow(/raw\.direct_routing_calls.*1099511627776/);
    expect(await dump(s.db, 'SELECT id FROM raw.direct_routing_calls')).toBe(JSON.stringify([[a.id]]));
    expect(await dump(s.db, 'SELECT count(*)::INTEGER FROM land.direct_routing_calls')).toBe('[[0]]');
  });
});
