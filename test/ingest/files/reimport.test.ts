import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
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

const dump = async (db: Db, sql: string) =>
  JSON.stringify((await db.queryRaw(sql)).rows, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v instanceof Date ? v.toISOString() : v));

const TABLES = [
  'SELECT * EXCLUDE (ingested_at, run_id) FROM raw.call_records ORDER BY id',
  'SELECT * FROM raw.call_sessions ORDER BY call_record_id, session_id',
  'SELECT * EXCLUDE (ingested_at, run_id) FROM raw.direct_routing_calls ORDER BY id',
  'SELECT * EXCLUDE (ingested_at, run_id) FROM raw.pstn_calls ORDER BY id',
  'SELECT * EXCLUDE (ingested_at, run_id) FROM raw.sign_ins ORDER BY id',
  'SELECT * EXCLUDE (sealed) FROM vault.euii ORDER BY pseudonym',
];

describe('importDir re-imports (keys already stored take the merge, new keys are appended)', () => {
  it('exactly once: a second import of the same pages leaves every table identical', async () => {
    const t = generateTenant({ users: 12, days: 8, seed: 21 });
    const dir = mkdtempSync(join(tmpdir(), 'cqd-reimport-'));
    writeTenantFiles(t, dir);
    const s = await tempStore();
    cleanups.push(s.cleanup);
    const run = (runId: string) => importDir(s.db, dir, { keys, log: memoryLogger(), now: new Date('2026-11-20T00:00:00Z'), runId, groupRows: 300 });
    await run('a');
    const first = await Promise.all(TABLES.map((q) => dump(s.db, q)));
    await run('b');
    expect(await Promise.all(TABLES.map((q) => dump(s.db, q)))).toEqual(first);
    const dupes = await dump(
      s.db,
      `SELECT (SELECT count(*) - count(DISTINCT id) FROM raw.call_records) + (SELECT count(*) - count(DISTINCT id) FROM raw.direct_routing_calls)
        + (SELECT count(*) - count(DISTINCT (call_record_id, session_id)) FROM raw.call_sessions) + (SELECT count(*) - count(DISTINCT pseudonym) FROM vault.euii)`,
    );
    expect(dupes).toBe('[["0"]]');
  });

  it('a newer version re-imported later replaces the record and its sessions; duplicates inside one batch collapse to the last copy', async () => {
    const t = generateTenant({ users: 12, days: 8, seed: 22 });
    const dir = mkdtempSync(join(tmpdir(), 'cqd-reimport-'));
    writeTenantFiles(t, dir);
    const rec = t.callRecords.find((c) => (c.sessions?.length ?? 0) >= 1);
    const [dr1, dr2] = t.directRoutingCalls;
    if (!rec || !dr1 || !dr2) throw new Error('tenant too small');
    const s = await tempStore();
    cleanups.push(s.cleanup);
    const now = new Date('2026-11-20T00:00:00Z');
    await importDir(s.db, dir, { keys, log: memoryLogger(), now, runId: 'a' });

    // Later: the same pages again, plus one page with a newer version of `rec` (one new session only),
    // an older version of it, and a DR row twice (the later copy changed).
    const later = mkdtempSync(join(tmpdir(), 'cqd-reimport-'));
    cpSync(dir, later, { recursive: true });
    const newSession = { ...(rec.sessions?.[0] ?? {}), id: 'sess-new' };
    writeFileSync(
      join(later, 'callRecords', 'zz-update.json'),
      JSON.stringify({ value: [{ ...rec, version: rec.version + 1, sessions: [newSession] }, { ...rec, version: rec.version - 1, sessions: [] }] }),
    );
    writeFileSync(
      join(later, 'directRoutingCalls', 'zz-dupes.json'),
      JSON.stringify({ value: [{ ...dr1, trunkFullyQualifiedDomainName: 'first.example.com' }, dr2, { ...dr1, trunkFullyQualifiedDomainName: 'second.example.com' }] }),
    );
    await importDir(s.db, later, { keys, log: memoryLogger(), now, runId: 'b' });

    expect(await dump(s.db, `SELECT version, session_count FROM raw.call_records WHERE id = '${rec.id}'`)).toBe(JSON.stringify([[String(rec.version + 1), 1]]));
    expect(await dump(s.db, `SELECT session_id FROM raw.call_sessions WHERE call_record_id = '${rec.id}'`)).toBe('[["sess-new"]]');
    expect(await dump(s.db, `SELECT trunk_fqdn FROM raw.direct_routing_calls WHERE id = '${dr1.id}'`)).toBe('[["second.example.com"]]');
    expect(await dump(s.db, 'SELECT count(*)::INTEGER FROM raw.call_records')).toBe(`[[${t.callRecords.length}]]`);
    expect(await dump(s.db, 'SELECT count(*)::INTEGER FROM raw.direct_routing_calls')).toBe(`[[${t.directRoutingCalls.length}]]`);
  });
});
