/**
 * Flatten nested CIDR networks into disjoint segments, each labelled with its most specific network,
 * so DuckDB can find the network containing an address with one ASOF join (greatest segment start
 * ≤ address, then address ≤ segment end) instead of testing every containing network.
 * Keys are UBIGINT-sized: the IPv4 address, or the top 64 bits of an IPv6 address. Only networks
 * with prefix ≤ /28 (IPv4) or ≤ /64 (IPv6) take part: endpoint addresses are kept only at that
 * granularity (see CONTAINMENT_MAX_PREFIX).
 */
import { CONTAINMENT_MAX_PREFIX, prefixSize, splitKey, type Family } from './ranges.js';

export interface Segment {
  family: Family;
  start: bigint;
  end: bigint;
  /** Line of the most specific network covering [start, end]. */
  line: number;
}

export interface SegmentInput {
  family: Family;
  value: bigint;
  prefix: number;
  line: number;
}

/** Segments for networks that nest or are disjoint (a validated file: no duplicates, no partial overlaps). */
export function flattenNetworks(networks: readonly SegmentInput[]): Segment[] {
  const out: Segment[] = [];
  for (const family of [4, 6] as const) {
    const xs = networks
      .filter((n) => n.family === family && n.prefix <= CONTAINMENT_MAX_PREFIX[family])
      .map((n) => {
        const start = splitKey(family, n.value).hi;
        const span = family === 4 ? prefixSize(4, n.prefix) : prefixSize(6, n.prefix) >> 64n;
        return { start, end: start + span - 1n, line: n.line };
      })
      .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.end > b.end ? -1 : a.end < b.end ? 1 : a.line - b.line));
    const stack: { start: bigint; end: bigint; line: number }[] = [];
    let cursor = 0n;
    const emit = (start: bigint, end: bigint, line: number) => {
      if (start <= end) out.push({ family, start, end, line });
    };
    const closeUntil = (limit: bigint | undefined) => {
      for (let top = stack.at(-1); top && (limit === undefined || top.end < limit); top = stack.at(-1)) {
        emit(cursor, top.end, top.line);
        cursor = top.end + 1n;
        stack.pop();
      }
    };
    for (const n of xs) {
      closeUntil(n.start);
      const top = stack.at(-1);
      if (top && n.end > top.end) continue; // partial overlap: refused by validation, ignored here
      if (top) emit(cursor, n.start - 1n, top.line);
      cursor = n.start;
      stack.push(n);
    }
    closeUntil(undefined);
  }
  return out;
}
