import { describe, expect, it } from 'vitest';
import { contains, formatAddress, isAligned, maskAddress, networkRange, parseAddress, splitKey } from '../../sites/ranges.js';

describe('parseAddress / formatAddress', () => {
  it('parses IPv4 to an integer and back', () => {
    expect(parseAddress('10.1.2.3')).toEqual({ family: 4, value: 0x0a010203n });
    expect(parseAddress(' 255.255.255.255 ')).toEqual({ family: 4, value: 0xffffffffn });
    expect(formatAddress({ family: 4, value: 0x0a010203n })).toBe('10.1.2.3');
  });
  it('rejects malformed IPv4', () => {
    for (const bad of ['10.1.2', '10.1.2.3.4', '256.1.1.1', '1.2.3.x', '', '1..2.3', '1.2.3.1234']) expect(parseAddress(bad), bad).toBeUndefined();
  });
  it('parses IPv6 with ::, upper case and a dotted tail', () => {
    expect(parseAddress('2001:db8::1')?.value).toBe((0x20010db8n << 96n) | 1n);
    expect(parseAddress('::')).toEqual({ family: 6, value: 0n });
    expect(parseAddress('2001:DB8:0:0:0:0:0:1')?.value).toBe(parseAddress('2001:db8::1')?.value);
    expect(parseAddress('::ffff:10.1.2.3')?.value).toBe((0xffffn << 32n) | 0x0a010203n);
  });
  it('rejects malformed IPv6', () => {
    for (const bad of ['2001:db8::1::2', '2001:db8:1:2:3:4:5:6:7', '12345::', 'g::1', '1:2:3:4:5:6:7', 'fe80::1%eth0']) expect(parseAddress(bad), bad).toBeUndefined();
  });
  it('formats IPv6 per RFC 5952 (longest zero run, lower case, no lone ::)', () => {
    const f = (s: string) => {
      const a = parseAddress(s);
      if (!a) throw new Error(s);
      return formatAddress(a);
    };
    expect(f('2001:0DB8:0000:0000:0001:0000:0000:0001')).toBe('2001:db8::1:0:0:1');
    expect(f('2001:db8:0:1:0:0:0:0')).toBe('2001:db8:0:1::');
    expect(f('2001:db8:0:1:1:1:1:1')).toBe('2001:db8:0:1:1:1:1:1');
    expect(f('0:0:0:0:0:0:0:0')).toBe('::');
  });
  it('round-trips random addresses (seeded)', () => {
    let seed = 42n;
    const next = () => (seed = (seed * 6364136223846793005n + 1442695040888963407n) & ((1n << 64n) - 1n));
    for (let i = 0; i < 500; i++) {
      const v6 = (next() << 64n) | next();
      const zeroed = i % 3 === 0 ? v6 & ~(0xffffffffn << 32n) : v6;
      expect(parseAddress(formatAddress({ family: 6, value: zeroed }))?.value).toBe(zeroed);
      const v4 = next() & 0xffffffffn;
      expect(parseAddress(formatAddress({ family: 4, value: v4 }))?.value).toBe(v4);
    }
  });
});

describe('prefix arithmetic', () => {
  it('masks, checks alignment and computes ranges', () => {
    const a = 0x0a010280n; // 10.1.2.128
    expect(maskAddress(4, a, 24)).toBe(0x0a010200n);
    expect(isAligned(4, a, 25)).toBe(true);
    expect(isAligned(4, a, 24)).toBe(false);
    expect(networkRange(4, 0x0a000000n, 8)).toEqual({ start: 0x0a000000n, end: 0x0affffffn });
    expect(networkRange(6, 0n, 64)).toEqual({ start: 0n, end: (1n << 64n) - 1n });
    expect(isAligned(4, 0n, 0)).toBe(true);
  });
  it('splits into the (hi, lo) pair DuckDB stores', () => {
    expect(splitKey(4, 0x0a000000n)).toEqual({ hi: 0x0a000000n, lo: 0n });
    expect(splitKey(6, (5n << 64n) | 7n)).toEqual({ hi: 5n, lo: 7n });
  });
  it('tests containment', () => {
    expect(contains(4, 0x0a000000n, 8, 0x0a010200n, 24)).toBe(true);
    expect(contains(4, 0x0a010200n, 24, 0x0a000000n, 8)).toBe(false);
    expect(contains(4, 0x0b000000n, 8, 0x0a010200n, 24)).toBe(false);
  });
});
