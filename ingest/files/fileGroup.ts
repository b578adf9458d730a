/**
 * Groups the mapped rows of consecutive whole files into one writeBatch (one transaction) of at least
 * `minRows` rows: a group ends at the file that brings it to `minRows`. A
 * transaction per small file (100 call records per saved page) costs ~20 statements of
 * fixed DuckDB overhead each, which dominated the offline import, so few large groups beat many small
 * ones (bench/ingest-files.ts). Grouped, a file is still never half
 * imported (a group holds whole files only, and a failed group rolls back entirely; a rerun upserts it
 * again). Upsert order is unchanged: writeBatch keeps the last copy of an id (the highest version for
 * call records), as the per-file merges did, and vault entries keep the widest seen range.
 * Groups are written one at a time, in order, but overlapped with reading and mapping the next files:
 * group k+1 begins only once group k has committed, and a failed group stops the import (flush throws).
 */
import type { Db } from '../../core/db.js';
import { appendRawLines, emptyRawLines, type RawLines } from '../rows/rawLines.js';
import { writeBatch, type Reject } from '../writeBatch.js';
import { createVaultAccumulator, mergeVaultEntries, type VaultAccumulator, type VaultDelta } from './vaultDelta.js';

export interface FileGroup {
  /**
   * One file's lines (`rows` rows, rejects counted), rejects and vault entries; `encoder` names the vault
   * encoder that encoded them (the mapping worker's number, or 0 in-thread): each encoder's deltas go to an
   * accumulator of their own.
   */
  add(lines: RawLines, rows: number, rejects: Reject[], vault: VaultDelta, encoder: number): Promise<void>;
  /** Write what is left and wait until every group has committed (throws the first failure). */
  flush(): Promise<void>;
  /** Wait for the group being written, if any, ignoring its outcome (before giving up on an error). */
  idle(): Promise<void>;
}

/** Let pending I/O callbacks run (the DuckDB steps of the group being written) between two files. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export function createFileGroup(db: Db, opts: { runId: string; vaultKey: Buffer; now: Date; minRows: number }): FileGroup {
  let lines = emptyRawLines();
  let rejects: Reject[] = [];
  // The group's vault entries, one per pseudonym with the widest seen range, sealed where they were mapped;
  // one accumulator per encoder, merged when the group is written.
  const vault = new Map<number, VaultAccumulator>();
  const accumulator = (encoder: number): VaultAccumulator => {
    let a = vault.get(encoder);
    if (!a) vault.set(encoder, (a = createVaultAccumulator()));
    return a;
  };
  let rows = 0;
  // The group being written, as a settled outcome (so a failure is never an unhandled rejection): while
  // DuckDB merges and commits group k on its own threads, the next files are read and mapped. At most one
  // group is in flight, and group k+1 starts only after group k committed, so commits stay in file order.
  let inFlight: Promise<{ error: unknown } | null> | null = null;
  const settle = async () => {
    if (!inFlight) return;
    const outcome = await inFlight;
    inFlight = null;
    if (outcome) throw outcome.error;
  };
  const push = <T>(into: T[], from: readonly T[]) => {
    for (const x of from) into.push(x);
  };
  const start = async () => {
    await settle();
    if (rows === 0) return; // rejects count as rows (fileRows)
    const b = { runId: opts.runId, lines, vault: mergeVaultEntries([...vault.values()].map((a) => a.take())), rejects };
    lines = emptyRawLines();
    rejects = [];
    rows = 0;
    inFlight = writeBatch(db, b, opts.vaultKey, opts.now).then(
      () => null,
      (error: unknown) => ({ error }),
    );
  };
  return {
    async add(l, n, r, v, encoder) {
      accumulator(encoder).add(v);
      appendRawLines(lines, l);
      push(rejects, r);
      rows += n;
      if (rows >= opts.minRows) await start();
      else if (inFlight) await yieldToEventLoop();
    },
    async flush() {
      await start();
      await settle();
    },
    async idle() {
      await inFlight;
      inFlight = null;
    },
  };
}
