/**
 * Maps one saved Graph file at a time (on a mapping worker, or in-thread with the same code) into raw
 * lines (rawLines.ts, loaded by DuckDB itself) and hands over the vault entries of the pseudonyms the file
 * touched, encoded by vaultDelta.ts: numbered, sealed once per encoder, their seen ranges in typed arrays.
 * Each file drains its own entries, so files can be mapped by several workers at once and a file group
 * (fileGroup.ts) can end at any file: the group's entries are the union of its files' entries.
 */
import type { BatchRows } from '../mapItems.js';
import { mapItems } from '../mapItems.js';
import type { MapContext } from '../rows/context.js';
import { emptyRawLines, rawLinesOf, SEQ_STRIDE, type RawLines } from '../rows/rawLines.js';
import type { SourceName } from '../sources.js';
import type { Reject } from '../writeBatch.js';
import { readJsonFile } from './readJsonFile.js';
import type { VaultDelta } from './vaultDelta.js';

export type MappedFile =
  | { kind: 'mapped'; lines: RawLines; rows: number; accepted: number; rejects: Reject[]; vault: VaultDelta }
  | { kind: 'unreadable'; reason: string; bytes: string; vault: VaultDelta };

export interface FileMapper {
  /**
   * File number `index` of the import (its bytes when already read): its rows as lines, their `_seq` from
   * index × SEQ_STRIDE on, with the vault entries of the pseudonyms it touched.
   */
  map(source: SourceName, path: string, index: number, bytes?: Buffer): MappedFile;
}

/** The rows a file adds to its group (a call record with its sessions; an unreadable file is one reject). */
function fileRows(b: BatchRows, rejects: readonly Reject[]): number {
  return b.callRecords.reduce((n, c) => n + 1 + c.sessions.length, 0) + b.directRouting.length + b.pstn.length + b.signIns.length + rejects.length;
}

export function createFileMapper(ctx: MapContext, encode: (seen: ReturnType<MapContext['p']['drainSeen']>) => VaultDelta): FileMapper {
  return {
    map(source, path, index, bytes) {
      const read = readJsonFile(path, bytes);
      if (!read.ok) return { kind: 'unreadable', reason: read.reason, bytes: read.bytes, vault: encode(ctx.p.drainSeen()) };
      if (read.items.length > SEQ_STRIDE) throw new Error(`${path}: more than ${SEQ_STRIDE} items in one file`);
      const m = mapItems(source, read.items, path, ctx);
      const rows = fileRows(m.batch, m.rejects);
      const lines = rows === m.rejects.length ? emptyRawLines() : rawLinesOf(m.batch, index * SEQ_STRIDE);
      return { kind: 'mapped', lines, rows, accepted: m.accepted, rejects: m.rejects, vault: encode(ctx.p.drainSeen()) };
    },
  };
}
