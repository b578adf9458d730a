/**
 * Write one ingest batch atomically: raw rows, vault entries, quarantined rejects, the captured
 * window and the watermark, all in one transaction. A crash anywhere leaves the batch out entirely,
 * so a rerun re-fetches it; a rerun of a committed batch changes nothing (upserts on natural keys).
 */
import { createHash } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db } from '../core/db.js';
import { CqdError } from '../core/errors.js';
import { loadSql, quoteString } from '../core/sql.js';
import type { EuiiKind, VaultEntry } from './pseudonymizer.js';
import type { MappedCallRecord } from './rows/mapCallRecord.js';
import { appendRawLines, landColumns, RAW_TABLE_NAMES, rawLinesOf, type RawLines } from './rows/rawLines.js';
import type { RawRow } from './rows/rawTables.js';
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
  /** Rows already written as lines (the offline import writes them where files are mapped); loaded after the rows above. */
  lines?: RawLines;
  vault?: (VaultEntry | SealedVaultEntry)[];
  rejects?: Reject[];
  /** Marks [start, end) of `source` as captured once this batch commits. */
  window?: { source: string; start: string; end: string; rows: number };
  /** Advance the source's watermark (never moves it back). */
  watermark?: { source: string; until: string };
}

/**
 * Load a batch's lines into land.* (one newline-delimited JSON file per table, read by DuckDB's read_json),
 * then merge them into raw.* (ingest/sql/merge_*.sql). The files are the batch's pseudonymised rows, no clear
 * EUII; they are removed once loaded.
 */
async function loadRaw(tx: Db, lines: RawLines): Promise<void> {
  const tables = RAW_TABLE_NAMES.filter((t) => lines[t].length > 0);
  if (tables.length === 0) return;
  const dir = mkdtempSync(join(tmpdir(), 'cqd-batch-'));
  try {
    for (const table of tables) {
      const path = join(dir, `${table}.ndjson`);
      const fd = openSync(path, 'w', 0o600);
      try {
        for (const chunk of lines[table]) writeSync(fd, chunk);
      } finally {
        closeSync(fd);
      }
      try {
        await tx.run(`INSERT INTO land.${table} BY NAME SELECT * FROM read_json(${quoteString(path)}, format = 'newline_delimited', columns = ${landColumns(table)})`);
      } catch (e) {
        // DuckDB names the file (gone once this returns) and its line; the table and the line in the batch say more.
        const m = e instanceof Error ? e.message : String(e);
        throw new CqdError(`writing raw.${table} failed: ${m.replaceAll(path, `raw.${table} rows of the batch`).split('\n')[0] ?? ''}`, 1, { cause: e });
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (lines.call_records.length || lines.call_sessions.length) await tx.exec(loadSql('ingest/sql/merge_call_records.sql'));
  if (lines.direct_routing_calls.length || lines.pstn_calls.length || lines.sign_ins.length) await tx.exec(loadSql('ingest/sql/merge_logs.sql'));
}

export async function writeBatch(db: Db, batch: Batch, vaultKey: Buffer, now: Date): Promise<void> {
  const nowIso = now.toISOString();
  const sealed = (v: VaultEntry | SealedVaultEntry): string => ('sealed' in v ? v.sealed : seal(vaultKey, v.clear, v.pseudonym));
  await db.transaction(async (tx) => {
    const lines = rawLinesOf({ callRecords: batch.callRecords ?? [], directRouting: batch.directRouting ?? [], pstn: batch.pstn ?? [], signIns: batch.signIns ?? [] });
    if (batch.lines) appendRawLines(lines, batch.lines);
    await loadRaw(tx, lines);
    const vault = batch.vault ?? [];
    if (vault.length) {
      const vaultTypes = ['VARCHAR', 'VARCHAR', 'VARCHAR', 'TIMESTAMPTZ', 'TIMESTAMPTZ'] as const;
      await tx.append('vault', vaultTypes, vault.map((v) => [v.pseudonym, v.kind, sealed(v), v.firstSeen, v.lastSeen]), 'land');
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
