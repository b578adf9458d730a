/**
 * Seeded synthetic building file for the sites benchmark: mixed prefixes, ~5% IPv6, supernets with
 * specific subnets nested inside, some VPN rows (/24–/26 and /32). Aligned CIDRs only: nested or disjoint.
 */
import { formatAddress, maskAddress, type Family } from '../sites/ranges.js';
import { mulberry32 } from '../demo/tenant/prng.js';


interface Net {
  family: Family;
  value: bigint;
  prefix: number;
  vpn: boolean;
}

const REGIONS = [['EMEA', 'DE'], ['EMEA', 'FR'], ['NA', 'US'], ['NA', 'CA'], ['APAC', 'JP'], ['APAC', 'AU'], ['LATAM', 'BR']] as const;

/** `count` networks as building-file CSV text (15 columns, no header). */
export function syntheticBuildingFile(count: number, seed = 1): { text: string; networks: number } {
  const rnd = mulberry32(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const big = (bits: number) => {
    let v = 0n;
    for (let b = 0; b < bits; b += 16) v = (v << 16n) | BigInt(int(0, 0xffff));
    return v & ((1n << BigInt(bits)) - 1n);
  };
  const seen = new Set<string>();
  const nets: Net[] = [];
  const add = (n: Net) => {
    const k = `${n.family}:${n.value}/${n.prefix}`;
    if (seen.has(k)) return;
    seen.add(k);
    nets.push(n);
  };
  const v6Count = Math.round(count * 0.05);
  const v4Count = count - v6Count;
  const v4Super: Net[] = [];
  while (v4Super.length < Math.max(10, Math.round(v4Count * 0.015))) {
    const prefix = int(8, 16);
    const n: Net = { family: 4, value: maskAddress(4, BigInt(int(1, 223)) << 24n | big(24), prefix), prefix, vpn: false };
    v4Super.push(n);
    add(n);
  }
  while (nets.length < v4Count) {
    const r = rnd();
    if (r < 0.002) {
      add({ family: 4, value: big(32), prefix: 32, vpn: true });
      continue;
    }
    const inside = r < 0.7 ? v4Super[int(0, v4Super.length - 1)] : undefined;
    const prefix = inside ? int(Math.max(inside.prefix + 1, 17), 28) : int(17, 28);
    const base = inside ? inside.value | (big(32) & ((1n << BigInt(32 - inside.prefix)) - 1n)) : big(32);
    add({ family: 4, value: maskAddress(4, base, prefix), prefix, vpn: prefix >= 24 && prefix <= 26 && rnd() < 0.05 });
  }
  const v6Super: Net[] = [];
  const v6Base = 0x2001n << 112n;
  while (v6Super.length < Math.max(5, Math.round(v6Count * 0.1))) {
    const prefix = int(32, 48);
    const n: Net = { family: 6, value: maskAddress(6, v6Base | (big(16) << 96n) | (big(32) << 64n), prefix), prefix, vpn: false };
    v6Super.push(n);
    add(n);
  }
  while (nets.length < count) {
    const inside = rnd() < 0.8 ? v6Super[int(0, v6Super.length - 1)] : undefined;
    const prefix = inside ? int(Math.max(inside.prefix + 1, 52), 64) : int(52, 64);
    const base = inside ? inside.value | (big(64) << 64n & ((1n << BigInt(128 - inside.prefix)) - 1n)) : v6Base | (big(16) << 96n) | (big(32) << 64n);
    add({ family: 6, value: maskAddress(6, base, prefix), prefix, vpn: false });
  }
  const lines = nets.map((n, i) => {
    const [region, country] = REGIONS[i % REGIONS.length] ?? ['EMEA', 'DE'];
    const b = `B${String(i % 20000).padStart(5, '0')}`;
    return [formatAddress(n), `${region}/${country}/${b}`, n.prefix, b, 'Contoso', 'Office', 'Eng', 'City', '00000', country, '', region, '1', '0', n.vpn ? '1' : '0'].join(',');
  });
  return { text: lines.join('\n') + '\n', networks: nets.length };
}
