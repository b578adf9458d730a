import { describe, expect, it } from 'vitest';
import { contains, maskAddress } from '../../sites/ranges.js';
import { flattenNetworks, type SegmentInput } from '../../sites/segments.js';

const v4 = (s: string) => s.split('.').reduce((a, o) => (a << 8n) | BigInt(o), 0n);

function lookup(segs: ReturnType<typeof flattenNetworks>, family: 4 | 6, key: bigint): number | undefined {
  return segs.find((s) => s.family === family && s.start <= key && key <= s.end)?.line;
}

describe('flattenNetworks', () => {
  it('labels every address with its most specific network', () => {
    const nets: SegmentInput[] = [
      { family: 4, value: v4('10.0.0.0'), prefix: 8, line: 1 },
      { family: 4, value: v4('10.1.0.0'), prefix: 16, line: 2 },
      { family: 4, value: v4('10.1.2.0'), prefix: 24, line: 3 },
      { family: 4, value: v4('10.0.0.0'), prefix: 24, line: 4 },
      { family: 4, value: v4('192.168.1.0'), prefix: 24, line: 5 },
    ];
    const segs = flattenNetworks(nets);
    expect(lookup(segs, 4, v4('10.0.0.16'))).toBe(4);
    expect(lookup(segs, 4, v4('10.0.1.0'))).toBe(1);
    expect(lookup(segs, 4, v4('10.1.2.16'))).toBe(3);
    expect(lookup(segs, 4, v4('10.1.3.0'))).toBe(2);
    expect(lookup(segs, 4, v4('10.255.255.240'))).toBe(1);
    expect(lookup(segs, 4, v4('11.0.0.0'))).toBeUndefined();
    expect(lookup(segs, 4, v4('192.168.1.240'))).toBe(5);
    // disjoint and sorted
    for (let i = 1; i < segs.length; i++) expect(segs[i - 1]!.end < segs[i]!.start).toBe(true);
  });
  it('leaves out networks longer than /28 (IPv4) and /64 (IPv6), keys IPv6 on its top 64 bits', () => {
    const segs = flattenNetworks([
      { family: 4, value: v4('10.0.0.1'), prefix: 32, line: 1 },
      { family: 6, value: 0x20010db8n << 96n, prefix: 32, line: 2 },
      { family: 6, value: (0x20010db8n << 96n) | (1n << 64n), prefix: 64, line: 3 },
      { family: 6, value: 0x20010db8n << 96n, prefix: 96, line: 4 },
    ]);
    expect(segs.filter((s) => s.family === 4)).toEqual([]);
    expect(lookup(segs, 6, (0x20010db8n << 32n) | 1n)).toBe(3);
    expect(lookup(segs, 6, (0x20010db8n << 32n) | 2n)).toBe(2);
    expect(segs.some((s) => s.line === 4)).toBe(false);
  });
  it('agrees with a brute-force longest-prefix match on random nested networks (seeded)', () => {
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
    const nets: SegmentInput[] = [];
    const seen = new Set<string>();
    for (let i = 0; nets.length < 300; i++) {
      const prefix = 8 + rnd(21);
      const value = maskAddress(4, (BigInt(10 + rnd(4)) << 24n) | BigInt(rnd(1 << 24)), prefix);
      const k = `${value}/${prefix}`;
      if (seen.has(k)) continue;
      seen.add(k);
      nets.push({ family: 4, value, prefix, line: nets.length + 1 });
    }
    const segs = flattenNetworks(nets);
    for (let i = 0; i < 2000; i++) {
      const addr = maskAddress(4, (BigInt(10 + rnd(4)) << 24n) | BigInt(rnd(1 << 24)), 28);
      const best = nets.filter((n) => contains(4, n.value, n.prefix, addr, 32)).sort((a, b) => b.prefix - a.prefix)[0];
      expect(lookup(segs, 4, addr)).toBe(best?.line);
    }
  });
});
