/**
 * Groups the mapped rows of consecutive whole files into one writeBatch (one transaction) of at least
 * `minRows` rows. A transaction per small file (100 call records per saved page) costs ~20 statements of
 * fixed DuckDB overhead each, which dominated the offline import, and every commit past DuckDB's WAL
 * threshold checkpoints (rewriting the growing primary-key indexes), so few large groups beat many
 * small ones (bench/ingest-files.ts). Grouped, a file is still never half
 * imported (a group holds whole files only, and a failed group rolls back entirely; a rerun upserts it
 * again). Upsert order is unchanged: writeBatch keeps the last copy of an id (the highest version for
 * call records), as the per-file merges did, and vault entries keep the widest seen range.
 */
import type { Db } from '../../core/db.js';
import { emptyBatchRows, type BatchRows } from '../mapItems.js';
import type { Pseudonymizer } from '../pseudonymizer.js';
import { writeBatch, type Reject } from '../writeBatch.js';

export interface FileGroup {
  add(rows: BatchRows, rejects: Reject[]): Promise<void>;
  flush(): Promise<void>;
}

export function createFileGroup(db: Db, p: Pseudonymizer, opts: { runId: string; vaultKey: Buffer; now: Date; minRows: number }): FileGroup {
  let batch = emptyBatchRows();
  let rejects: Reject[] = [];
  let rows = 0;
  const push = <T>(into: T[], from: readonly T[]) => {
    for (const x of from) into.push(x);
  };
  const flush = async () => {
    if (rows === 0 && rejects.length === 0) return;
    await writeBatch(db, { runId: opts.runId, ...batch, vault: p.drain(), rejects }, opts.vaultKey, opts.now);
    batch = emptyBatchRows();
    rejects = [];
    rows = 0;
  };
  return {
    async add(b, r) {
      push(batch.callRecords, b.callRecords);
      push(batch.directRouting, b.directRouting);
      push(batch.pstn, b.pstn);
      push(batch.signIns, b.signIns);
      push(rejects, r);
      rows += b.callRecords.reduce((n, c) => n + 1 + c.sessions.length, 0) + b.directRouting.length + b.pstn.length + b.signIns.length + r.length;
      if (rows >= opts.minRows) await flush();
    },
    flush,
  };
}
