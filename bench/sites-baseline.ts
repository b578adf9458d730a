/**
 * The straightforward per-row JS baseline for the sites benchmark: for each endpoint, parse the texts,
 * try an exact subnet match, else probe one Map per prefix length from the longest down (longest-prefix
 * match). Numbers for IPv4, bigints for IPv6 (top 64 bits, as the SQL path).
 */
import { CONTAINMENT_MAX_PREFIX, parseAddress, splitKey } from '../sites/ranges.js';

export interface BaselineNetwork {
  line: number;
  network: string;
  prefix: number;
}

export interface BaselineEndpoint {
  subnet: string | null;
  ip_prefix: string | null;
}

function ipv4(text: string): number | undefined {
  const p = text.split('.');
  if (p.length !== 4) return undefined;
  let v = 0;
  for (const s of p) {
    const n = Number(s);
    if (!Number.isInteger(n) || n < 0 || n > 255 || s === '') return undefined;
    v = v * 256 + n;
  }
  return v;
}

export function buildBaseline(networks: readonly BaselineNetwork[]) {
  const exact = new Map<string, { line: number; prefix: number }>();
  const v4 = new Map<number, Map<number, number>>();
  const v6 = new Map<number, Map<bigint, number>>();
  for (const n of networks) {
    const a = parseAddress(n.network);
    if (!a) continue;
    const k = `${a.family}:${a.value}`;
    const prev = exact.get(k);
    if (!prev || prev.prefix < n.prefix) exact.set(k, { line: n.line, prefix: n.prefix });
    if (n.prefix > CONTAINMENT_MAX_PREFIX[a.family]) continue;
    if (a.family === 4) {
      const m = v4.get(n.prefix) ?? new Map<number, number>();
      m.set(Number(a.value), n.line);
      v4.set(n.prefix, m);
    } else {
      const m = v6.get(n.prefix) ?? new Map<bigint, number>();
      m.set(splitKey(6, a.value).hi, n.line);
      v6.set(n.prefix, m);
    }
  }
  const v4Prefixes = [...v4.keys()].sort((a, b) => b - a);
  const v6Prefixes = [...v6.keys()].sort((a, b) => b - a);
  return { exact, v4, v6, v4Prefixes, v6Prefixes };
}

/** Line of the matched network per endpoint (undefined when unmapped). */
export function baselineLookup(index: ReturnType<typeof buildBaseline>, eps: readonly BaselineEndpoint[]): (number | undefined)[] {
  const out: (number | undefined)[] = new Array(eps.length);
  for (let i = 0; i < eps.length; i++) {
    const e = eps[i];
    if (!e) continue;
    let line: number | undefined;
    const s = e.subnet ? parseAddress(e.subnet) : undefined;
    if (s) line = index.exact.get(`${s.family}:${s.value}`)?.line;
    if (line === undefined && e.ip_prefix) {
      if (e.ip_prefix.includes(':')) {
        const a = parseAddress(e.ip_prefix);
        if (a) {
          const hi = splitKey(6, a.value).hi;
          for (const p of index.v6Prefixes) {
            line = index.v6.get(p)?.get(hi & ~((1n << BigInt(64 - p)) - 1n));
            if (line !== undefined) break;
          }
        }
      } else {
        const a = ipv4(e.ip_prefix);
        if (a !== undefined) {
          for (const p of index.v4Prefixes) {
            const size = 2 ** (32 - p);
            line = index.v4.get(p)?.get(a - (a % size));
            if (line !== undefined) break;
          }
        }
      }
    }
    out[i] = line;
  }
  return out;
}
