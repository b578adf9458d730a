/**
 * Write one ingest batch atomically: raw rows, vault entries, quarantined rejects, the captured
 * window and the watermark, all in one transaction. A crash anywhere leaves the batch out entirely,
 * so a rerun re-fetches it; a rerun of a committed batch changes nothing (upserts on natural keys).
 */
import { createHash } from 'node:crypto';
import type { Db, SqlParam } from '../core/db.js';
import { loadSql } from '../core/sql.js';
import type { VaultEntry } from './pseudonymizer.js';
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

export interface Batch {
  runId: string;
  callRecords?: MappedCallRecord[];
  directRouting?: RawRow<'direct_routing_calls'>[];
  pstn?: RawRow<'pstn_calls'>[];
  signIns?: RawRow<'sign_ins'>[];
  vault?: VaultEntry[];
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

async function land<K extends RawTable>(db: Db, table: K, rows: RawRow<K>[]): Promise<void> {
  if (rows.length === 0) return;
  await db.append(table, typesOf(table), rows.map((r) => toPositional(table, r)), 'land');
}

export interface WriteBatchOptions {
  /**
   * Sealed vault values by pseudonym, kept across the batches of one import: a value seen again in a later
   * batch (the same users, devices and numbers recur all along an import) reuses its sealed form instead of
   * being encrypted again. The merge keeps an existing sealed value anyway; only the seen range widens.
   */
  sealed?: Map<string, string>;
}

export async function writeBatch(db: Db, batch: Batch, vaultKey: Buffer, now: Date, opts: WriteBatchOptions = {}): Promise<void> {
  const nowIso = now.toISOString();
  const sealOnce = (v: VaultEntry): string => {
    let s = opts.sealed?.get(v.pseudonym);
    if (s === undefined) {
      s = seal(vaultKey, v.clear, v.pseudonym);
      opts.sealed?.set(v.pseudonym, s);
    }
    return s;
  };
  await db.transaction(async (tx) => {
    const records = dedupe(
      (batch.callRecords ?? []).map((c) => ({ id: c.record.id, c })),
      (a, b) => Number(a.c.record.version) >= Number(b.c.record.version),
    ).map((x) => x.c);
    if (records.length) {
      await land(tx, 'call_records', records.map((c) => c.record));
      await land(tx, 'call_sessions', records.flatMap((c) => c.sessions));
      await tx.exec(loadSql('ingest/sql/merge_call_records.sql'));
    }
    const dr = dedupe(batch.directRouting ?? []);
    const pstn = dedupe(batch.pstn ?? []);
    const si = dedupe(batch.signIns ?? []);
    if (dr.length || pstn.length || si.length) {
      await land(tx, 'direct_routing_calls', dr);
      await land(tx, 'pstn_calls', pstn);
      await land(tx, 'sign_ins', si);
      await tx.exec(loadSql('ingest/sql/merge_logs.sql'));
    }
    const vault = batch.vault ?? [];
    if (vault.length) {
      await tx.append(
        'vault',
        ['VARCHAR', 'VARCHAR', 'VARCHAR', 'TIMESTAMPTZ', 'TIMESTAMPTZ'],
        vault.map((v) => [v.pseudonym, v.kind, sealOnce(v), v.firstSeen, v.lastSeen]),
        'land',
      );
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
