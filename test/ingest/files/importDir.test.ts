import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../core/db.js';
import { memoryLogger } from '../../../core/log.js';
import { generateTenant, writeTenantFiles, type Tenant } from '../../../demo/tenant/index.js';
import { importDir, type ImportSummary } from '../../../ingest/files/importDir.js';
import { tempStore } from '../../helpers/tempStore.js';

let db: Db;
let cleanup = () => {};
let tenant: Tenant;
let summary: ImportSummary;
const keys = { vaultKey: Buffer.alloc(32, 1), pseudonymKey: Buffer.alloc(32, 2), origin: 'test' };

beforeAll(async () => {
  const s = await tempStore();
  db = s.db;
  cleanup = s.cleanup;
  tenant = generateTenant({ users: 20, days: 8, seed: 3 });
  const dir = mkdtempSync(join(tmpdir(), 'cqd-files-'));
  writeTenantFiles(tenant, dir);
  // Bad input beside the good: a truncated page, a gzip page with one bad item, one record with an unknown enum.
  writeFileSync(join(dir, 'signIns', 'zz-truncated.json'), '{"value":[{"id":"x","createdDateTime":"2026-11-01T00:00:00Z"');
  const badItem = { id: 'bad-1', startDateTime: 'yesterday', userPrincipalName: 'secret.person@contoso.com' };
  const good = tenant.directRoutingCalls[0];
  writeFileSync(join(dir, 'directRoutingCalls', 'zz-mixed.json.gz'), gzipSync(JSON.stringify({ value: [badItem, { ...good, id: 'extra-good' }] })));
  mkdirSync(join(dir, 'callRecords'), { recursive: true });
  writeFileSync(join(dir, 'callRecords', 'zz-enum.json'), JSON.stringify({ ...tenant.callRecords[0], id: 'enum-bad', type: 'conferenceCall' }));
  summary = await importDir(db, dir, { keys, log: memoryLogger(), now: new Date('2026-11-20T00:00:00Z'), runId: 'files-1' });
  // Importing the same folder again changes nothing.
  await importDir(db, dir, { keys, log: memoryLogger(), now: new Date('2026-11-20T00:00:00Z'), runId: 'files-2' });
});
afterAll(() => cleanup());

const n = z.object({ n: z.number() });
const count = async (sql: string) => (await db.query(sql, n))[0]?.n;

describe('importDir (offline Graph pages)', () => {
  it('imports every good item once, even when run twice', async () => {
    expect(summary.accepted.callRecords).toBe(tenant.callRecords.length);
    expect(await count('SELECT count(*)::INTEGER AS n FROM raw.call_records')).toBe(tenant.callRecords.length);
    expect(await count('SELECT count(*)::INTEGER AS n FROM raw.direct_routing_calls')).toBe(tenant.directRoutingCalls.length + 1);
    expect(await count('SELECT count(*)::INTEGER AS n FROM raw.sign_ins')).toBe(tenant.signIns.length);
  });

  it('quarantines bad files and items with file, position and reason, and no clear EUII', async () => {
    const rows = await db.query(
      `SELECT location, position, reason FROM meta.rejects WHERE run_id = 'files-1' ORDER BY location, position`,
      z.object({ location: z.string(), position: z.string(), reason: z.string() }),
    );
    expect(rows).toHaveLength(3);
    expect(rows.find((r) => r.location.endsWith('zz-truncated.json'))).toMatchObject({ position: 'file', reason: expect.stringMatching(/invalid JSON/) });
    expect(rows.find((r) => r.location.endsWith('zz-mixed.json.gz'))).toMatchObject({ position: 'item 0', reason: expect.stringMatching(/startDateTime/) });
    expect(rows.find((r) => r.location.endsWith('zz-enum.json'))).toMatchObject({ reason: expect.stringMatching(/type: unknown enum value/) });
    expect(JSON.stringify(rows)).not.toContain('secret.person');
    expect(summary.rejected).toBe(3);
  });
});
