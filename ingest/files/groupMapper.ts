/**
 * Maps saved Graph files one at a time and decides where a file group (fileGroup.ts) ends: at the file
 * that brings the group to `minRows` rows. Deciding it here, where files are mapped (the worker thread or,
 * in-thread, the same code), lets the pseudonymizer keep one drain window per group instead of per file:
 * a pseudonym gives one vault entry per group rather than one per file it appears in (about three per
 * row), which was most of the vault work of a large import. The group's entries come with its last file.
 */
import type { BatchRows, MappedItems } from '../mapItems.js';
import { mapItems } from '../mapItems.js';
import type { MapContext } from '../rows/context.js';
import type { SourceName } from '../sources.js';
import type { Reject } from '../writeBatch.js';
import { readJsonFile } from './readJsonFile.js';
import { emptyVaultDelta, type VaultDelta } from './vaultDelta.js';

export type MappedFile =
  | { kind: 'mapped'; mapped: MappedItems; closes: boolean; vault: VaultDelta }
  | { kind: 'unreadable'; reason: string; bytes: string; closes: boolean; vault: VaultDelta };

export interface GroupMapper {
  /** One file (its bytes when already read); `closes` marks the last file of a group, and then `vault` holds the group's entries. */
  map(source: SourceName, path: string, bytes?: Buffer): MappedFile;
  /** The vault entries of the group left open after the last file. */
  drain(): VaultDelta;
}

/** The rows a file adds to its group (a call record with its sessions; an unreadable file is one reject). */
export function fileRows(b: BatchRows, rejects: readonly Reject[]): number {
  return b.callRecords.reduce((n, c) => n + 1 + c.sessions.length, 0) + b.directRouting.length + b.pstn.length + b.signIns.length + rejects.length;
}

export function createGroupMapper(ctx: MapContext, encode: (entries: ReturnType<MapContext['p']['drain']>) => VaultDelta, minRows: number): GroupMapper {
  let rows = 0;
  const close = (added: number): { closes: boolean; vault: VaultDelta } => {
    rows += added;
    if (rows < minRows) return { closes: false, vault: emptyVaultDelta() };
    rows = 0;
    return { closes: true, vault: encode(ctx.p.drain()) };
  };
  return {
    map(source, path, bytes) {
      const read = readJsonFile(path, bytes);
      if (!read.ok) return { kind: 'unreadable', reason: read.reason, bytes: read.bytes, ...close(1) };
      const mapped = mapItems(source, read.items, path, ctx);
      return { kind: 'mapped', mapped, ...close(fileRows(mapped.batch, mapped.rejects)) };
    },
    drain() {
      rows = 0;
      return encode(ctx.p.drain());
    },
  };
}
