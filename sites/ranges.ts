/**
 * Pure IPv4 / IPv6 address arithmetic on bigints: parse and format text, align to a prefix, prefix →
 * [start, end]. DuckDB stores an address as a (hi, lo) pair of UBIGINTs: IPv4 → (value, 0), IPv6 →
 * (top 64 bits, low 64 bits). The inet extension cannot be installed here, so this is the whole toolkit.
 */
export type Family = 4 | 6;

export interface Address {
  family: Family;
  /** The address as an unsigned integer: < 2^32 for IPv4, < 2^128 for IPv6. */
  value: bigint;
}

const U64 = (1n << 64n) - 1n;

/**
 * Longest prefix that containment matching can use. Endpoint addresses are stored only as their
 * IPv4 /28 or IPv6 /64 network (the full address is EUII), so a network with a longer prefix cannot
 * be tested for containment: such rows (e.g. VPN /32 rows) match only by exact subnet.
 */
export const CONTAINMENT_MAX_PREFIX: Record<Family, number> = { 4: 28, 6: 64 };

export function addressBits(family: Family): 32 | 128 {
  return family === 4 ? 32 : 128;
}

const OCTET = /^\d{1,3}$/;

function parseIpv4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let v = 0;
  for (const p of parts) {
    if (!OCTET.test(p)) return undefined;
    const n = Number(p);
    if (n > 255) return undefined;
    v = v * 256 + n;
  }
  return BigInt(v);
}

function parseGroups(side: string): number[] | undefined {
  if (side === '') return [];
  const out: number[] = [];
  const parts = side.split(':');
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i] ?? '';
    if (i === parts.length - 1 && p.includes('.')) {
      const v4 = parseIpv4(p);
      if (v4 === undefined) return undefined;
      out.push(Number(v4 >> 16n), Number(v4 & 0xffffn));
      continue;
    }
    if (!/^[0-9a-fA-F]{1,4}$/.test(p)) return undefined;
    out.push(parseInt(p, 16));
  }
  return out;
}

function parseIpv6(text: string): bigint | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  let groups: number[];
  if (halves.length === 2) {
    const left = parseGroups(halves[0] ?? '');
    const right = parseGroups(halves[1] ?? '');
    if (!left || !right || left.length + right.length > 7) return undefined;
    groups = [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
  } else {
    const all = parseGroups(text);
    if (!all || all.length !== 8) return undefined;
    groups = all;
  }
  return groups.reduce((acc, g) => (acc << 16n) | BigInt(g), 0n);
}

/** Parse an IPv4 dotted quad or an IPv6 address (with '::' and an optional dotted IPv4 tail). */
export function parseAddress(text: string): Address | undefined {
  const t = text.trim();
  if (t.includes(':')) {
    const v = parseIpv6(t);
    return v === undefined ? undefined : { family: 6, value: v };
  }
  const v = parseIpv4(t);
  return v === undefined ? undefined : { family: 4, value: v };
}

/** Canonical text: dotted quad, or RFC 5952 IPv6 (lower case, longest zero run of ≥ 2 groups as '::'). */
export function formatAddress(a: Address): string {
  if (a.family === 4) {
    const v = Number(a.value);
    return `${Math.floor(v / 16777216) % 256}.${Math.floor(v / 65536) % 256}.${Math.floor(v / 256) % 256}.${v % 256}`;
  }
  const g: number[] = [];
  for (let i = 7; i >= 0; i--) g.push(Number((a.value >> BigInt(i * 16)) & 0xffffn));
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (g[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && g[j] === 0) j++;
    if (j - i > bestLen && j - i >= 2) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = (xs: number[]) => xs.map((x) => x.toString(16)).join(':');
  if (bestStart < 0) return hex(g);
  return `${hex(g.slice(0, bestStart))}::${hex(g.slice(bestStart + bestLen))}`;
}

/** Number of addresses in a prefix. */
export function prefixSize(family: Family, prefix: number): bigint {
  return 1n << BigInt(addressBits(family) - prefix);
}

/** The address with its host bits cleared. */
export function maskAddress(family: Family, value: bigint, prefix: number): bigint {
  return value & ~(prefixSize(family, prefix) - 1n);
}

export function isAligned(family: Family, value: bigint, prefix: number): boolean {
  return maskAddress(family, value, prefix) === value;
}

/** First and last address of value/prefix taken literally (value is not masked: misaligned rows keep their real extent). */
export function networkRange(family: Family, value: bigint, prefix: number): { start: bigint; end: bigint } {
  return { start: value, end: value + prefixSize(family, prefix) - 1n };
}

/** The (hi, lo) UBIGINT pair DuckDB stores: IPv4 → (value, 0), IPv6 → (top 64 bits, low 64 bits). */
export function splitKey(family: Family, value: bigint): { hi: bigint; lo: bigint } {
  return family === 4 ? { hi: value, lo: 0n } : { hi: value >> 64n, lo: value & U64 };
}

/** True when a/pa contains b/pb (same family). */
export function contains(family: Family, a: bigint, pa: number, b: bigint, pb: number): boolean {
  return pa <= pb && maskAddress(family, b, pa) === maskAddress(family, a, pa);
}
