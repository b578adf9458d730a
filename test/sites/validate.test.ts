import { describe, expect, it } from 'vitest';
import { overlapProblems, vpnExpansionProblems } from '../../sites/overlaps.js';
import { parseDelimited } from '../../sites/parse.js';
import { validateBuildingFile } from '../../sites/validate.js';
import { csv, line } from './fixtures.js';

const check = (lines: string[]) => validateBuildingFile(parseDelimited(csv(lines), ','));
const at = (ps: { line: number; column: number; message: string }[]) => ps.map((p) => `${p.line}:${p.column} ${p.message}`);

describe('validateBuildingFile: per-row rules', () => {
  it('accepts a clean 15-column file and types the rows', () => {
    const r = check([line({ ip: '10.1.0.0', range: 16, vpn: '1' }), line({ ip: '2001:DB8:1::', range: 48, building: 'V6' })]);
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.columns).toBe(15);
    expect(r.rows[0]).toMatchObject({ line: 1, family: 4, prefix: 16, network: '10.1.0.0', vpn: true, insideCorp: true, expressRoute: false, region: 'EMEA' });
    expect(r.rows[1]).toMatchObject({ line: 2, family: 6, network: '2001:db8:1::', vpn: false });
  });
  it('accepts the older 14-column form (VPN defaults to 0)', () => {
    const r = check([line({ ip: '10.1.0.0', range: 16 }, true)]);
    expect(r.errors).toEqual([]);
    expect(r.columns).toBe(14);
    expect(r.rows[0]?.vpn).toBe(false);
  });
  it('reports a wrong column count with line and column', () => {
    const r = check([line({ ip: '10.1.0.0', range: 16 }), '10.2.0.0,n,16,B', line({ ip: '10.3.0.0', range: 16 }) + ',extra']);
    expect(at(r.errors)).toEqual(['2:5 expected 15 columns (or 14 without VPN), found 4', '3:16 expected 15 columns (or 14 without VPN), found 16']);
  });
  it('reports a non-numeric or out-of-range NetworkRange', () => {
    const r = check([line({ ip: '10.1.0.0', range: 'x16' }), line({ ip: '10.2.0.0', range: 33 }), line({ ip: '2001:db8::', range: 129 })]);
    expect(at(r.errors)).toEqual([
      "1:3 NetworkRange must be a whole number (the prefix length), got 'x16'",
      '2:3 NetworkRange 33 is out of range for an IPv4 network (0–32)',
      '3:3 NetworkRange 129 is out of range for an IPv6 network (0–128)',
    ]);
  });
  it('reports a bad address and hints at a header row on line 1', () => {
    const r = check(['NetworkIP,NetworkName,NetworkRange,BuildingName,a,b,c,d,e,f,g,h,1,0,0', line({ ip: '10.1.0.300', range: 24 })]);
    expect(r.errors[0]?.message).toMatch(/^NetworkIP 'NetworkIP' is not an IPv4 or IPv6 address \(the building file has no header row/);
    expect(at(r.errors).slice(-1)).toEqual(["2:1 NetworkIP '10.1.0.300' is not an IPv4 or IPv6 address"]);
  });
  it('reports bad booleans in InsideCorp, ExpressRoute and VPN', () => {
    const r = check([line({ ip: '10.1.0.0', range: 16, inside: 'yes' }), line({ ip: '10.2.0.0', range: 16, express: '2' }), line({ ip: '10.3.0.0', range: 16, vpn: 'true' })]);
    expect(at(r.errors)).toEqual(["1:13 InsideCorp must be 0 or 1, got 'yes'", "2:14 ExpressRoute must be 0 or 1, got '2'", "3:15 VPN must be 0 or 1, got 'true'"]);
  });
  it('reports a network address not aligned to its prefix', () => {
    const r = check([line({ ip: '10.1.2.3', range: 24 }), line({ ip: '2001:db8::1', range: 64 })]);
    expect(at(r.errors)).toEqual([
      '1:1 10.1.2.3/24 is not aligned to its prefix: the network address is 10.1.2.0',
      '2:1 2001:db8::1/64 is not aligned to its prefix: the network address is 2001:db8::',
    ]);
  });
  it('warns about IPv4 prefixes outside /8–/28 and IPv6 longer than /64', () => {
    const r = check([line({ ip: '10.0.0.0', range: 7 }), line({ ip: '12.0.0.1', range: 32 }), line({ ip: '2001:db8::', range: 96 })]);
    expect(r.errors).toEqual([]);
    expect(at(r.warnings)).toEqual([
      '1:3 IPv4 /7 is outside the /8–/28 range CQD supports for supernets',
      '2:3 IPv4 /32 is outside the /8–/28 range CQD supports for supernets; here it matches only by exact subnet',
      '3:3 IPv6 /96 is longer than /64; here it matches only by exact subnet',
    ]);
  });
  it('requires BuildingName and warns on an empty NetworkName', () => {
    const r = check([line({ ip: '10.1.0.0', range: 16, building: '' }), line({ ip: '10.2.0.0', range: 16, name: '' })]);
    expect(at(r.errors)).toEqual(['1:4 BuildingName is required']);
    expect(at(r.warnings)).toEqual(['2:2 NetworkName is empty (required by the CQD templates)']);
  });
  it('rejects an empty file', () => {
    expect(at(validateBuildingFile([]).errors)).toEqual(['1:1 the file has no rows']);
  });
  it('returns no rows to import when any error exists, only the valid ones', () => {
    const r = check([line({ ip: '10.1.0.0', range: 16 }), line({ ip: '10.2.0.1', range: 16 })]);
    expect(r.errors).toHaveLength(1);
    expect(r.rows.map((x) => x.line)).toEqual([1]);
  });
});

describe('validateBuildingFile: cross-row rules', () => {
  it('reports duplicate networks naming both lines', () => {
    const r = check([line({ ip: '10.1.0.0', range: 16 }), line({ ip: '10.9.0.0', range: 16 }), line({ ip: '10.1.0.0', range: 16, building: 'X' })]);
    expect(at(r.errors)).toEqual(['3:1 duplicate network: 10.1.0.0/16 (line 3) repeats 10.1.0.0/16 (line 1)']);
  });
  it('warns on nested overlaps (supernet + specific subnet), naming both lines, innermost container', () => {
    const r = check([line({ ip: '10.1.2.0', range: 24 }), line({ ip: '10.0.0.0', range: 8 }), line({ ip: '10.1.0.0', range: 16 }), line({ ip: '10.0.0.0', range: 24 })]);
    expect(r.errors).toEqual([]);
    expect(at(r.warnings)).toEqual([
      '1:1 10.1.2.0/24 (line 1) overlaps 10.1.0.0/16 (line 3): nested inside that supernet, the more specific network wins',
      '3:1 10.1.0.0/16 (line 3) overlaps 10.0.0.0/8 (line 2): nested inside that supernet, the more specific network wins',
      '4:1 10.0.0.0/24 (line 4) overlaps 10.0.0.0/8 (line 2): nested inside that supernet, the more specific network wins',
    ]);
  });
  it('reports partial overlaps (misaligned ranges) as errors naming both lines', () => {
    const r = check([line({ ip: '10.0.0.128', range: 24 }), line({ ip: '10.0.1.0', range: 24 })]);
    expect(at(r.errors)).toContain('2:1 10.0.1.0/24 (line 2) partially overlaps 10.0.0.128/24 (line 1)');
  });
  it('keeps families apart', () => {
    expect(overlapProblems([
      { line: 1, family: 4, start: 0n, end: 255n, prefix: 24, text: 'a', vpn: false },
      { line: 2, family: 6, start: 0n, end: 255n, prefix: 120, text: 'b', vpn: false },
    ])).toEqual([]);
  });
  it('reports VPN rows that expand past the 1,000,000-row limit', () => {
    const r = check([line({ ip: '10.0.0.0', range: 13, vpn: '1' }), line({ ip: '10.8.0.0', range: 13, vpn: '1' }), line({ ip: '11.0.0.0', range: 24 })]);
    expect(at(r.errors)).toEqual([
      "2:15 VPN row 10.8.0.0/13 expands to 524288 addresses; the file would expand to 1048577 rows, past CQD's 1,000,000-row limit",
    ]);
    const v6 = vpnExpansionProblems([{ line: 4, family: 6, start: 0n, end: (1n << 64n) - 1n, prefix: 64, text: '2001:db8::/64', vpn: true }], 1);
    expect(v6[0]?.line).toBe(4);
  });
  it('does not count non-VPN supernets as expanded', () => {
    expect(check([line({ ip: '10.0.0.0', range: 8 })]).errors).toEqual([]);
  });
});
