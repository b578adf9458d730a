import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fixedClock } from '../../core/clock.js';
import type { Db } from '../../core/db.js';
import { importBuildingFile } from '../../sites/importFile.js';
import { installSiteMacros, mapEndpoints, matchEndpoints } from '../../sites/mapEndpoints.js';
import { formatAddress, maskAddress, parseAddress, splitKey } from '../../sites/ranges.js';
import { csv, line, memoryDb, tempDir, writeTemp } from './fixtures.js';

let db: Db;
let dir: string;
const clock = fixedClock('2026-03-15T10:00:00Z');
beforeEach(async () => {
  db = await memoryDb();
  dir = tempDir();
});
afterEach(() => db.close());

const resultSchema = z.object({
  key: z.number(),
  site: z.string(),
  site_region: z.string().nullable(),
  site_country: z.string().nullable(),
  site_building: z.string().nullable(),
  site_subnet: z.string().nullable(),
  site_network: z.string().nullable(),
  site_match: z.string(),
  site_file_id: z.number().nullable(),
});

type Ep = [key: number, day: string, subnet: string | null, ipPrefix: string | null];
async function mapRows(eps: Ep[]) {
  await db.run('CREATE OR REPLACE TABLE main.eps (key INTEGER, day DATE, subnet VARCHAR, ip_prefix VARCHAR)');
  for (const [key, day, subnet, ipPrefix] of eps) await db.run('INSERT INTO main.eps VALUES ($k, $d::DATE, $s, $p)', { k: key, d: day, s: subnet, p: ipPrefix });
  const n = await mapEndpoints(db, 'main.eps');
  expect(n).toBe(eps.length);
  const rows = await db.query('SELECT key, site, site_region, site_country, site_building, site_subnet, site_network, site_match, site_file_id FROM temp.int_endpoint_sites ORDER BY key', resultSchema);
  // the narrow match names the same building-file row, with the same method, for every key
  expect(await matchEndpoints(db, 'main.eps', 'main.eps_match')).toBe(eps.length);
  const narrow = await db.query(
    `SELECT m.key, m.site_match, m.site_file_id, n.network || '/' || n.prefix AS site_network
     FROM main.eps_match m LEFT JOIN sites.networks n ON n.file_id = m.site_file_id AND n.line = m.site_line ORDER BY m.key`,
    z.object({ key: z.number(), site_match: z.string(), site_file_id: z.number().nullable(), site_network: z.string().nullable() }),
  );
  expect(narrow).toEqual(rows.map((r) => ({ key: r.key, site_match: r.site_match, site_file_id: r.site_file_id, site_network: r.site_network })));
  return new Map(rows.map((r) => [r.key, r]));
}

const FILE = csv([
  line({ ip: '10.0.0.0', range: 8, building: 'SUPER', region: 'EMEA', country: 'DE' }),
  line({ ip: '10.1.0.0', range: 16, building: 'BER-HQ', region: 'EMEA', country: 'DE' }),
  line({ ip: '10.1.2.0', range: 24, building: 'BER-LAB', region: 'EMEA', country: 'DE' }),
  line({ ip: '172.16.0.0', range: 20, building: 'VPN-POOL', region: 'NA', country: 'US', vpn: '1' }),
  line({ ip: '192.168.1.0', range: 24, building: 'HOME-OFFICE', region: 'NA', country: 'US' }),
  line({ ip: '172.31.0.7', range: 32, building: 'VPN-32', region: 'NA', country: 'US', vpn: '1' }),
  line({ ip: '2001:db8:1::', range: 48, building: 'V6-SUPER', region: 'APAC', country: 'JP' }),
  line({ ip: '2001:db8:1:2::', range: 64, building: 'V6-FLOOR', region: 'APAC', country: 'JP' }),
  line({ ip: '10.9.0.0', range: 16, building: 'A/B', region: '', country: 'DE' }),
]);

describe('mapEndpoints', () => {
  it('matches exact subnet first, then the most specific containing network, VPN rows, IPv6, else unmapped', async () => {
    await importBuildingFile({ db, clock }, { path: writeTemp(dir, 'b.csv', FILE) });
    const m = await mapRows([
      [1, '2026-03-01', '10.1.0.0', '10.1.2.16'], // exact subnet beats the more specific /24 containing the address
      [2, '2026-03-01', '10.200.0.0', '10.1.2.16'], // no exact: most specific (/24)
      [3, '2026-03-01', '10.200.0.0', '10.1.9.0'], // /16
      [4, '2026-03-01', '10.200.0.0', '10.77.0.0'], // /8 supernet
      [5, '2026-03-01', '100.64.0.0', '172.16.5.32'], // VPN row, any address in range
      [6, '2026-03-01', '192.168.1.0', '8.8.8.0'], // exact subnet even though the address is elsewhere
      [7, '2026-03-01', '2001:DB8:1:2:0:0:0:0', '2001:db8:9::'], // IPv6 exact (text form differs)
      [8, '2026-03-01', 'fe80::', '2001:db8:1:2::'], // IPv6 containment, most specific /64
      [9, '2026-03-01', 'fe80::', '2001:db8:1:ff::'], // IPv6 /48
      [10, '2026-03-01', '8.8.8.0', '8.8.8.0'], // unmapped
      [11, '2026-03-01', null, null],
      [12, '2026-03-01', '172.31.0.7', '172.31.0.0'], // /32 VPN row: exact subnet only
      [13, '2026-03-01', '172.31.0.0', '172.31.0.0'], // its /28 prefix alone cannot match a /32
      [14, '2026-03-01', 'garbage', 'also:garbage'],
      [15, '2026-03-01', '10.9.0.0', '10.9.0.0'],
    ]);
    const pick = (k: number) => {
      const r = m.get(k);
      return r && [r.site, r.site_match, r.site_network];
    };
    expect(pick(1)).toEqual(['EMEA/DE/BER-HQ', 'subnet', '10.1.0.0/16']);
    expect(pick(2)).toEqual(['EMEA/DE/BER-LAB', 'ip_range', '10.1.2.0/24']);
    expect(pick(3)).toEqual(['EMEA/DE/BER-HQ', 'ip_range', '10.1.0.0/16']);
    expect(pick(4)).toEqual(['EMEA/DE/SUPER', 'ip_range', '10.0.0.0/8']);
    expect(pick(5)).toEqual(['NA/US/VPN-POOL', 'vpn', '172.16.0.0/20']);
    expect(pick(6)).toEqual(['NA/US/HOME-OFFICE', 'subnet', '192.168.1.0/24']);
    expect(pick(7)).toEqual(['APAC/JP/V6-FLOOR', 'subnet', '2001:db8:1:2::/64']);
    expect(pick(8)).toEqual(['APAC/JP/V6-FLOOR', 'ip_range', '2001:db8:1:2::/64']);
    expect(pick(9)).toEqual(['APAC/JP/V6-SUPER', 'ip_range', '2001:db8:1::/48']);
    expect(pick(10)).toEqual(['unmapped:8.8.8.0', 'none', null]);
    expect(pick(11)).toEqual(['unmapped:unknown', 'none', null]);
    expect(pick(12)).toEqual(['NA/US/VPN-32', 'subnet', '172.31.0.7/32']);
    expect(pick(13)).toEqual(['unmapped:172.31.0.0', 'none', null]);
    expect(pick(14)).toEqual(['unmapped:garbage', 'none', null]);
    expect(pick(15)).toEqual(['unknown/DE/A-B', 'subnet', '10.9.0.0/16']);
    expect(m.get(2)).toMatchObject({ site_region: 'EMEA', site_country: 'DE', site_building: 'BER-LAB', site_subnet: '10.200.0.0', site_file_id: 1 });
  });

  it('maps each row with the file in force on its day', async () => {
    await importBuildingFile({ db, clock }, { path: writeTemp(dir, 'a.csv', csv([line({ ip: '10.1.0.0', range: 16, building: 'OLD' })])), start: '2026-01-01' });
    await importBuildingFile({ db, clock }, { path: writeTemp(dir, 'b.csv', csv([line({ ip: '10.1.0.0', range: 16, building: 'NEW' })])), start: '2026-02-01', end: '2026-02-28' });
    const m = await mapRows([
      [1, '2025-12-31', '10.1.0.0', '10.1.0.0'],
      [2, '2026-01-31', '10.1.0.0', '10.1.0.0'],
      [3, '2026-02-01', '10.1.0.0', '10.1.0.0'],
      [4, '2026-02-28', '10.200.0.0', '10.1.0.16'],
      [5, '2026-03-01', '10.1.0.0', '10.1.0.0'],
    ]);
    expect([...m.values()].map((r) => [r.key, r.site, r.site_file_id])).toEqual([
      [1, 'unmapped:10.1.0.0', null],
      [2, 'EMEA/DE/OLD', 1],
      [3, 'EMEA/DE/NEW', 2],
      [4, 'EMEA/DE/NEW', 2],
      [5, 'unmapped:10.1.0.0', null], // file 1 was ended on 2026-01-31; file 2 ended on 2026-02-28: nothing in force
    ]);
  });

  it('parses addresses in SQL (the mapping\'s own parse stage) exactly like sites/ranges.ts (seeded random texts)', async () => {
    await installSiteMacros(db);
    let seed = 99n;
    const next = () => (seed = (seed * 6364136223846793005n + 1442695040888963407n) & ((1n << 64n) - 1n));
    const texts: string[] = [];
    for (let i = 0; i < 300; i++) {
      texts.push(formatAddress({ family: 4, value: next() & 0xffffffffn }));
      const v6 = maskAddress(6, (next() << 64n) | next(), [128, 64, 48, 16][i % 4] ?? 128);
      const t = formatAddress({ family: 6, value: v6 });
      texts.push(i % 2 ? t.toUpperCase() : t);
    }
    texts.push('2001:0db8:0000:0000:0000:0000:0000:0001', '::1', '::', '1::');
    // the parse stage the mapping itself uses: each text as both the subnet and the ip_prefix of an endpoint
    await db.run('CREATE OR REPLACE TABLE main.texts (key INTEGER, day DATE, subnet VARCHAR, ip_prefix VARCHAR)');
    await db.append('texts', ['INTEGER', 'VARCHAR', 'VARCHAR', 'VARCHAR'], texts.map((t, i) => [i, '2026-03-01', t, t] as const), 'main');
    const got = await db.query(
      `SELECT t.subnet AS t, p.s_fam::INTEGER AS fam, p.s_hi::VARCHAR AS hi, p.s_lo::VARCHAR AS lo,
              p.p_fam::INTEGER AS p_fam, p.p_key::VARCHAR AS p_key
       FROM sites.parse_endpoints('main.texts') p JOIN main.texts t USING (key)`,
      z.object({ t: z.string(), fam: z.number(), hi: z.string(), lo: z.string(), p_fam: z.number(), p_key: z.string() }),
    );
    expect(got).toHaveLength(texts.length);
    for (const g of got) {
      const a = parseAddress(g.t);
      if (!a) throw new Error(`unparseable fixture ${g.t}`);
      const k = splitKey(a.family, a.value);
      expect([g.t, g.fam, g.hi, g.lo, g.p_fam, g.p_key]).toEqual([g.t, a.family, String(k.hi), String(k.lo), a.family, String(k.hi)]);
    }
  });
});
