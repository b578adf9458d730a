/**
 * The demo tenant's places: regions, buildings, their networks, the VPN pool and the unmapped subnets,
 * and the CQD building file built from them (reference §4.1: 15 columns, no header, comma-separated).
 */
export type Region = 'EMEA' | 'AMER' | 'APAC';

export interface Network {
  /** Network address without prefix length, as Graph reports networkInfo.subnet. */
  network: string;
  prefix: number;
  family: 4 | 6;
}

export interface Building {
  name: string;
  city: string;
  zip: string;
  country: string;
  state: string;
  region: Region;
  /** Fixed UTC offset in hours for November (no DST handling: the data spans one season). */
  tz: number;
  /** Relative share of users. */
  weight: number;
  officeType: string;
  networks: Network[];
  /** Public egress address (documentation range), seen by Entra sign-ins and as reflexive IP. */
  egressIp: string;
}

const v4 = (network: string, prefix: number): Network => ({ network, prefix, family: 4 });

export const BUILDINGS: readonly Building[] = [
  { name: 'BER-HQ', city: 'Berlin', zip: '10117', country: 'DE', state: 'BE', region: 'EMEA', tz: 1, weight: 14, officeType: 'Headquarters',
    networks: [v4('10.10.1.0', 24), v4('10.10.2.0', 24), v4('10.10.3.64', 26), { network: '2001:db8:10:1::', prefix: 64, family: 6 }], egressIp: '203.0.113.10' },
  { name: 'MUC-01', city: 'Munich', zip: '80331', country: 'DE', state: 'BY', region: 'EMEA', tz: 1, weight: 7, officeType: 'Sales',
    networks: [v4('10.11.1.0', 24)], egressIp: '203.0.113.11' },
  { name: 'PAR-01', city: 'Paris', zip: '75008', country: 'FR', state: 'IDF', region: 'EMEA', tz: 1, weight: 9, officeType: 'Sales',
    networks: [v4('10.12.1.0', 24), v4('10.12.2.0', 24)], egressIp: '203.0.113.12' },
  { name: 'LON-01', city: 'London', zip: 'EC2A 4NE', country: 'GB', state: 'ENG', region: 'EMEA', tz: 0, weight: 11, officeType: 'Finance',
    networks: [v4('10.13.1.0', 24), v4('10.13.2.128', 26)], egressIp: '203.0.113.13' },
  { name: 'MAN-01', city: 'Manchester', zip: 'M1 1AE', country: 'GB', state: 'ENG', region: 'EMEA', tz: 0, weight: 5, officeType: 'Support',
    networks: [v4('10.14.1.0', 24)], egressIp: '203.0.113.14' },
  { name: 'SEA-01', city: 'Seattle', zip: '98101', country: 'US', state: 'WA', region: 'AMER', tz: -8, weight: 11, officeType: 'Engineering',
    networks: [v4('10.20.1.0', 24), v4('10.20.2.0', 24)], egressIp: '203.0.113.20' },
  { name: 'NYC-01', city: 'New York', zip: '10001', country: 'US', state: 'NY', region: 'AMER', tz: -5, weight: 10, officeType: 'Sales',
    networks: [v4('10.21.1.0', 24), v4('10.21.2.0', 26)], egressIp: '203.0.113.21' },
  { name: 'CHI-01', city: 'Chicago', zip: '60601', country: 'US', state: 'IL', region: 'AMER', tz: -6, weight: 7, officeType: 'Support',
    networks: [v4('10.22.1.0', 24)], egressIp: '203.0.113.22' },
  { name: 'TOR-01', city: 'Toronto', zip: 'M5H 2N2', country: 'CA', state: 'ON', region: 'AMER', tz: -5, weight: 6, officeType: 'Sales',
    networks: [v4('10.23.1.0', 24)], egressIp: '203.0.113.23' },
  { name: 'SIN-01', city: 'Singapore', zip: '018956', country: 'SG', state: '', region: 'APAC', tz: 8, weight: 8, officeType: 'Sales',
    networks: [v4('10.30.1.0', 24), v4('10.30.2.0', 24)], egressIp: '203.0.113.30' },
  { name: 'SYD-01', city: 'Sydney', zip: '2000', country: 'AU', state: 'NSW', region: 'APAC', tz: 11, weight: 7, officeType: 'Engineering',
    networks: [v4('10.31.1.0', 24)], egressIp: '203.0.113.31' },
  { name: 'MEL-01', city: 'Melbourne', zip: '3000', country: 'AU', state: 'VIC', region: 'APAC', tz: 11, weight: 5, officeType: 'Support',
    networks: [v4('10.32.1.0', 24)], egressIp: '203.0.113.32' },
];

/** The remote-access VPN pool: one VPN=1 row; clients report a wrong /24 inside it, so only IP containment maps them. */
export const VPN_POOL = {
  name: 'VPN-POOL', city: 'Ashburn', zip: '20147', country: 'US', state: 'VA', region: 'AMER' as Region,
  network: v4('10.250.0.0', 22), egressIp: '198.51.100.200',
};

/** Networks deliberately absent from the building file (a new floor, a lab): traffic maps to 'unmapped:<subnet>'. */
export const UNMAPPED_NETWORKS: readonly Network[] = [v4('10.99.5.0', 24), v4('172.20.14.0', 24)];

/** CQD site path for a building: '<Region>/<Country>/<BuildingName>'. */
export function sitePath(b: { region: string; country: string; name: string }): string {
  return `${b.region}/${b.country}/${b.name}`;
}

const COUNTRY_LONG: Record<string, string> = { DE: 'Germany', FR: 'France', GB: 'UK', US: 'USA', CA: 'Canada', SG: 'Singapore', AU: 'Australia' };

/** The CQD building file: one row per network, 15 columns, no header, '\n' line ends, trailing newline. */
export function buildingFile(): string {
  const rows: string[][] = [];
  for (const b of BUILDINGS) {
    for (const n of b.networks) {
      rows.push([n.network, `${COUNTRY_LONG[b.country] ?? b.country}/${b.city}/${b.name}`, String(n.prefix), b.name, 'Contoso', 'Office',
        b.officeType, b.city, b.zip, b.country, b.state, b.region, '1', '0', '0']);
    }
  }
  const v = VPN_POOL;
  rows.push([v.network.network, `VPN/${v.city}/${v.name}`, String(v.network.prefix), v.name, 'Contoso', 'VPN', 'Remote Access',
    v.city, v.zip, v.country, v.state, v.region, '1', '0', '1']);
  return rows.map((r) => r.join(',')).join('\n') + '\n';
}
