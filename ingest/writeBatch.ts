/**
 * Write one ingest batch atomically: raw rows, vault entries, quarantined rejects, the captured
 * window and the watermark, all in one transaction. A crash anywhere leaves the batch out entirely,
 * so a rerun re-fetches it; a rerun of a committed batch changes nothing (upserts on natural keys).
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Db, SqlParam } from '../core/db.js';
import { loadSql } from '../core/sql.js';
import type { EuiiKind, VaultEntry } from './pseudonymizer.js';
import type { MappedCallRecord } from './rows/mapCallRecord.js';
import { toPositional, typesOf, type RawRow, type RawTable } from './rows/rawTables.js';
import { seal } from './seal.js';

export interface Reject {
  source: string;
  location: string;
  position: string;
  reason: string;
  /** The offending payload, hashed (never stored: it may hold EUII). */
  payload?: string;
}

/** A vault entry whose clear value was sealed already (the offline import seals on its mapping thread). */
export interface SealedVaultEntry {
  pseudonym: string;
  kind: EuiiKind;
  sealed: string;
  firstSeen: string;
  lastSeen: string;
}

export interface Batch {
  runId: string;
  callRecords?: MappedCallRecord[];
  directRouting?: RawRow<'direct_routing_calls'>[];
  pstn?: RawRow<'pstn_calls'>[];
  signIns?: RawRow<'sign_ins'>[];
  vault?: (VaultEntry | SealedVaultEntry)[];
  rejects?: Reject[];
  /** Marks [start, end) of `source` as captured once this batch commits. */
  window?: { source: string; start: string; end: string; rows: number };
  /** Advance the source's watermark (never moves it back). */
  watermark?: { source: string; until: string };
}

/** Rows keyed by id: the last copy wins (for call records, the highest version). */
function dedupe<T extends { id: SqlParam }>(rows: T[], better: (a: T, b: T) => boolean = () => true): T[] {
  const m = new Map<SqlParam, T>();
  for (const r of rows) {
    const prev = m.get(r.id);
    if (!prev || better(r, prev)) m.set(r.id, r);
  }
  return [...m.values()];
}

/** Rows into raw.<table> (keys not stored yet: no landing, no merge) or land.<table> (to be merged). */
async function appendTo<K extends RawTable>(db: Db, schema: 'raw' | 'land', table: K, rows: RawRow<K>[]): Promise<void> {
  if (rows.length === 0) return;
  await db.append(table, typesOf(table), rows.map((r) => toPositional(table, r)), schema);
}

const KEYED_TABLES = ['call_records', 'direct_routing_calls', 'pstn_calls', 'sign_ins', 'vault'] as const;
type KeyedTable = (typeof KEYED_TABLES)[number];
const knownRow = z.object({ tbl: z.enum(KEYED_TABLES), id: z.string() });
const storedRow = z.object({ tbl: z.enum(KEYED_TABLES) });

/**
 * Which of the batch's keys are already stored, per table. Keys new to the store (all of them on a first
 * import) can be appended directly: the primary key still refuses a duplicate, and nothing else writes
 * these tables inside the transaction.
 */
async function knownKeys(tx: Db, keys: Record<KeyedTable, readonly string[]>): Promise<Record<KeyedTable, Set<string>>> {
  const known: Record<KeyedTable, Set<string>> = { call_records: new Set(), direct_routing_calls: new Set(), pstn_calls: new Set(), sign_ins: new Set(), vault: new Set() };
  // Only tables holding rows can hold one of these keys (an empty table, as on a first import, is not asked).
  const stored = new Set((await tx.query(loadSql('ingest/sql/stored_tables.sql'), storedRow)).map((r) => r.tbl));
  if (stored.size === 0) return known;
  await tx.exec(loadSql('ingest/sql/known_keys_setup.sql'));
  const rows: [string, string][] = [];
  for (const tbl of KEYED_TABLES) if (stored.has(tbl)) for (const id of keys[tbl]) rows.push([tbl, id]);
  if (rows.length === 0) return known;
  await tx.append('ingest_keys', ['VARCHAR', 'VARCHAR'], rows);
  for (const r of await tx.query(loadSql('ingest/sql/known_keys.sql'), knownRow)) {
    known[r.tbl].add(r.id);
  }
  await tx.run('DELETE FROM temp.ingest_keys');
  return known;
}

export async function writeBatch(db: Db, batch: Batch, vaultKey: Buffer, now: Date): Promise<void> {
  const nowIso = now.toISOString();
  const sealed = (v: VaultEntry | SealedVaultEntry): string => ('sealed' in v ? v.sealed : seal(vaultKey, v.clear, v.pseudonym));
  await db.transaction(async (tx) => {
    const records = dedupe(
      (batch.callRecords ?? []).map((c) => ({ id: c.record.id, c })),
      (a, b) => Number(a.c.record.version) >= Number(b.c.record.version),
    ).map((x) => x.c);
    const dr = dedupe(batch.directRouting ?? []);
    const pstn = dedupe(batch.pstn ?? []);
    const si = dedupe(batch.signIns ?? []);
    const vault = batch.vault ?? [];
    const known = await knownKeys(tx, {
      call_records: records.map((c) => String(c.record.id)),
      direct_routing_calls: dr.map((r) => String(r.id)),
      pstn_calls: pstn.map((r) => String(r.id)),
      sign_ins: si.map((r) => String(r.id)),
      vault: vault.map((v) => v.pseudonym),
    });
    const isKnown = (t: KeyedTable) => (id: SqlParam) => known[t].has(String(id));
    const split = <T>(rows: T[], key: (r: T) => SqlParam, t: KeyedTable): [fresh: T[], stored: T[]] => {
      const has = isKnown(t);
      const fresh: T[] = [];
      const stored: T[] = [];
      for (const r of rows) (has(key(r)) ? stored : fresh).push(r);
      return [fresh, stored];
    };
    const [newRecords, oldRecords] = split(records, (c) => c.record.id, 'call_records');
    await appendTo(tx, 'raw', 'call_records', newRecords.map((c) => c.record));
    await appendTo(tx, 'raw', 'call_sessions', newRecords.flatMap((c) => c.sessions));
    if (oldRecords.length) {
      await appendTo(tx, 'land', 'call_records', oldRecords.map((c) => c.record));
      await appendTo(tx, 'land', 'call_sessions', oldRecords.flatMap((c) => c.sessions));
      await tx.exec(loadSql('ingest/sql/merge_call_records.sql'));
    }
    const [newDr, oldDr] = split(dr, (r) => r.id, 'direct_routing_calls');
    const [newPstn, oldPstn] = split(pstn, (r) => r.id, 'pstn_calls');
    const [newSi, oldSi] = split(si, (r) => r.id, 'sign_ins');
    await appendTo(tx, 'raw', 'direct_routing_calls', newDr);
    await appendTo(tx, 'raw', 'pstn_calls', newPstn);
    await appendTo(tx, 'raw', 'sign_ins', newSi);
    if (oldDr.length || oldPstn.length || oldSi.length) {
      await appendTo(tx, 'land', 'direct_routing_calls', oldDr);
      await appendTo(tx, 'land', 'pstn_calls', oldPstn);
      await appendTo(tx, 'land', 'sign_ins', oldSi);
      await tx.exec(loadSql('ingest/sql/merge_logs.sql'));
    }
    const [newVault, oldVault] = split(vault, (v) => v.pseudonym, 'vault');
    const vaultTypes = ['VARCHAR', 'VARCHAR', 'VARCHAR', 'TIMESTAMPTZ', 'TIMESTAMPTZ'] as const;
    const vaultRow = (v: VaultEntry | SealedVaultEntry) => [v.pseudonym, v.kind, sealed(v), v.firstSeen, v.lastSeen];
    if (newVault.length) await tx.append('euii', vaultTypes, newVault.map(vaultRow), 'vault');
    if (oldVault.length) {
      await tx.append('vault', vaultTypes, oldVault.map(vaultRow), 'land');
      await tx.exec(loadSql('ingest/sql/merge_vault.sql'));
    }
    for (const r of batch.rejects ?? []) {
      await tx.run(
        `INSERT INTO meta.rejects (run_id, source, location, position, reason, payload_sha256, rejected_at)
         VALUES ($run, $source, $location, $position, $reason, $sha, $at::TIMESTAMPTZ)`,
        {
          run: batch.runId,
          source: r.source,
          location: r.location,
          position: r.position,
          reason: r.reason,
          sha: r.payload === undefined ? null : createHash('sha256').update(r.payload).digest('hex'),
          at: nowIso,
        },
      );
    }
    if (batch.window) {
      const w = batch.window;
      await tx.run(
        `INSERT OR REPLACE INTO meta.captured_windows (source, window_start, window_end, run_id, rows_in, completed_at)
         VALUES ($source, $start::TIMESTAMPTZ, $end::TIMESTAMPTZ, $run, $rows, $at::TIMESTAMPTZ)`,
        { source: w.source, start: w.start, end: w.end, run: batch.runId, rows: w.rows, at: nowIso },
      );
    }
    if (batch.watermark) {
      await tx.run(
        `INSERT INTO meta.watermarks (source, captured_until, updated_at) VALUES ($source, $until::TIMESTAMPTZ, $at::TIMESTAMPTZ)
         ON CONFLICT (source) DO UPDATE SET captured_until = greatest(meta.watermarks.captured_until, excluded.captured_until),
           updated_at = excluded.updated_at`,
        { source: batch.watermark.source, until: batch.watermark.until, at: nowIso },
      );
    }
  });
}
