import { describe, expect, it } from 'vitest';
import { BUILDINGS, UNMAPPED_NETWORKS, buildingFile } from '../../../demo/tenant/topology.js';

const ipv4ToInt = (ip: string): number => ip.split('.').reduce((acc, p) => acc * 256 + Number(p), 0);

describe('buildingFile', () => {
  const lines = buildingFile().trimEnd().split('\n');
  const rows = lines.map((l) => l.split(','));

  it('has 15 columns on every line and no header', () => {
    for (const r of rows) expect(r).toHaveLength(15);
    expect(rows[0]?.[0]).toMatch(/^[0-9a-f.:]+$/);
  });

  it('uses 0/1 booleans, numeric prefixes and aligned network addresses', () => {
    for (const r of rows) {
      expect(r.slice(12).every((b) => b === '0' || b === '1')).toBe(true);
      const prefix = Number(r[2]);
      expect(Number.isInteger(prefix)).toBe(true);
      if (!r[0]?.includes(':')) expect(ipv4ToInt(r[0] ?? '') % 2 ** (32 - prefix)).toBe(0);
    }
  });

  it('covers ~12 buildings in 3 regions, one IPv6 /64, /26 subnets and one VPN row', () => {
    expect(new Set(rows.filter((r) => r[14] === '0').map((r) => r[3])).size).toBe(BUILDINGS.length);
    expect(new Set(rows.map((r) => r[11]))).toEqual(new Set(['EMEA', 'AMER', 'APAC']));
    expect(rows.filter((r) => r[0]?.includes(':') && r[2] === '64')).toHaveLength(1);
    expect(rows.some((r) => r[2] === '26')).toBe(true);
    expect(rows.filter((r) => r[14] === '1')).toHaveLength(1);
  });

  it('leaves the unmapped networks out', () => {
    for (const n of UNMAPPED_NETWORKS) expect(rows.some((r) => r[0] === n.network)).toBe(false);
  });
});
