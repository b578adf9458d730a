import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { afterEach, describe, expect, it } from 'vitest';
import { callRecordSchema } from '../../ingest/graph/schemas.js';
import { createPseudonymizer } from '../../ingest/pseudonymizer.js';
import { mapCallRecord } from '../../ingest/rows/mapCallRecord.js';
import { RAW_TABLES } from '../../ingest/rows/rawTables.js';
import { unseal } from '../../ingest/seal.js';
import { writeBatch } from '../../ingest/writeBatch.js';
import { tempStore } from '../helpers/tempStore.js';

const key = Buffer.alloc(32, 3);
let cleanup: () => void = () => {};
afterEach(() => cleanup());

const rec = (version: number, sessions: string[]) =>
  callRecordSchema.parse({
    id: 'rec-1', version, type: 'groupCall', modalities: ['audio'], startDateTime: '2026-11-01T10:00:00Z',
    sessions: sessions.map((id) => ({ id, caller: { '@odata.type': '#microsoft.graph.callRecords.participantEndpoint', associatedIdentity: { userPrincipalName: 'zed@contoso.com' } } })),
  });

const count = z.object({ n: z.number() });

describe('writeBatch', () => {
  it('matches the raw table definitions column for column', async () => {
    const s = await tempStore();
    cleanup = s.cleanup;
    for (const [table, spec] of Object.entries(RAW_TABLES)) {
      const cols = await s.db.query(
        `SELECT column_name AS name FROM duckdb_columns() WHERE schema_name = 'raw' AND table_name = $t ORDER BY column_index`,
        z.object({ name: z.string() }),
        { t: table },
      );
      expect(cols.map((c) => c.name), table).toEqual(spec.map(([n]) => n));
    }
  });

  it('keeps the highest version, replaces its sessions, and is idempotent', async () => {
    const s = await tempStore();
    cleanup = s.cleanup;
    const p = createPseudonymizer(Buffer.alloc(32, 1));
    const ctx = { p, runId: 'r', source: 'graph' as const, ingestedAt: '2026-11-01T12:00:00Z' };
    const now = new Date('2026-11-01T12:00:00Z');
    await writeBatch(s.db, { runId: 'r', callRecords: [mapCallRecord(rec(2, ['a', 'b', 'c']), ctx)], vault: p.drain() }, key, now);
    await writeBatch(s.db, { runId: 'r', callRecords: [mapCallRecord(rec(1, ['a']), ctx)] }, key, now);
    let n = await s.db.query('SELECT count(*)::INTEGER AS n FROM raw.call_sessions', count);
    expect(n[0]?.n).toBe(3);
    await writeBatch(s.db, { runId: 'r', callRecords: [mapCallRecord(rec(3, ['a', 'd']), ctx)] }, key, now);
    await writeBatch(s.db, { runId: 'r', callRecords: [mapCallRecord(rec(3, ['a', 'd']), ctx)] }, key, now);
    n = await s.db.query('SELECT count(*)::INTEGER AS n FROM raw.call_sessions', count);
    expect(n[0]?.n).toBe(2);
    const v = await s.db.query('SELECT version::INTEGER AS n FROM raw.call_records', count);
    expect(v).toEqual([{ n: 3 }]);
  });

  it('stores clear values only sealed in the vault, and the file holds no clear UPN', async () => {
    const s = await tempStore();
    cleanup = s.cleanup;
    const p = createPseudonymizer(Buffer.alloc(32, 1));
    const m = mapCallRecord(rec(1, ['a']), { p, runId: 'r', source: 'graph', ingestedAt: '2026-11-01T12:00:00Z' });
    await writeBatch(s.db, { runId: 'r', callRecords: [m], vault: p.drain() }, key, new Date('2026-11-01T12:00:00Z'));
    const rows = await s.db.query('SELECT pseudonym, sealed FROM vault.euii', z.object({ pseudonym: z.string(), sealed: z.string() }));
    expect(rows).toHaveLength(1);
    expect(unseal(key, rows[0]!.sealed, rows[0]!.pseudonym)).toBe('zed@contoso.com');
    await s.db.run('CHECKPOINT');
    expect(readFileSync(s.path).includes(Buffer.from('zed@contoso.com'))).toBe(false);
  });

  it('leaves nothing behind when a batch fails half-way', async () => {
    const s = await tempStore();
    cleanup = s.cleanup;
    const p = createPseudonymizer(Buffer.alloc(32, 1));
    const m = mapCallRecord(rec(1, ['a']), { p, runId: 'r', source: 'graph', ingestedAt: '2026-11-01T12:00:00Z' });
    const bad = { ...m, record: { ...m.record, start_ts: 'not a date' } };
    await expect(writeBatch(s.db, { runId: 'r', callRecords: [bad], window: { source: 'callRecords', start: '2026-11-01T00:00:00Z', end: '2026-11-02T00:00:00Z', rows: 1 } }, key, new Date())).rejects.toThrow();
    const n = await s.db.query('SELECT (SELECT count(*) FROM raw.call_records)::INTEGER + (SELECT count(*) FROM meta.captured_windows)::INTEGER + (SELECT count(*) FROM land.call_records)::INTEGER AS n', count);
    expect(n[0]?.n).toBe(0);
  });
});
