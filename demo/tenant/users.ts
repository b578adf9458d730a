/**
 * Users of the demo tenant: identity, home building, network position (office subnet, VPN pool or an
 * unmapped subnet), client and voice routing.
 */
import type { Rng } from './prng.js';
import { BUILDINGS, UNMAPPED_NETWORKS, VPN_POOL, sitePath, type Building, type Network } from './topology.js';
import { makeClient, type Client } from './clients.js';
import { makeNumber } from './numbers.js';

export type Voice = 'dr' | 'cp' | 'oc' | 'teams';

export interface User {
  index: number;
  id: string;
  upn: string;
  displayName: string;
  deviceName: string;
  building: Building;
  /** Where the user's traffic comes from. */
  location: 'office' | 'vpn' | 'unmapped';
  ipAddress: string;
  /** networkInfo.subnet as the client reports it (network address, no prefix). */
  subnet: string;
  connectionType: 'wired' | 'wifi' | 'mobile' | 'tunnel';
  egressIp: string;
  /** Contract value of the site dimension for this user's traffic. */
  site: string;
  client: Client;
  voice: Voice;
  /** The user's own DID (E.164) when PSTN-enabled. */
  number?: string;
}

const FIRST = ['anna', 'ben', 'clara', 'david', 'elena', 'felix', 'grace', 'hugo', 'ines', 'jonas', 'kira', 'liam', 'mia', 'noah',
  'olivia', 'paul', 'quinn', 'rosa', 'samuel', 'tara', 'ugo', 'vera', 'william', 'xenia', 'yusuf', 'zoe', 'amir', 'bianca', 'chen',
  'daria', 'emil', 'fatima', 'george', 'hanna', 'ivan', 'julia', 'kenji', 'lena', 'marco', 'nora'];
const LAST = ['adams', 'becker', 'costa', 'dubois', 'evans', 'fischer', 'garcia', 'hoffmann', 'ito', 'jensen', 'klein', 'lambert',
  'martin', 'nguyen', 'olsen', 'patel', 'quinto', 'richter', 'schmidt', 'tan', 'underwood', 'vogel', 'wagner', 'xu', 'young', 'zimmer',
  'bauer', 'chan', 'dupont', 'ellis', 'foster', 'gupta', 'harris', 'ivanova', 'jones', 'kowalski', 'lee', 'moreau', 'novak', 'ortiz'];

const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

function ipv4ToInt(ip: string): number {
  return ip.split('.').reduce((acc, part) => acc * 256 + Number(part), 0);
}
function intToIpv4(n: number): string {
  return [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');
}

/** A host address inside an IPv4 network (never the network or broadcast address). */
export function hostIn(rng: Rng, n: Network): string {
  const size = 2 ** (32 - n.prefix);
  return intToIpv4(ipv4ToInt(n.network) + rng.int(1, size - 2));
}

/** The /24 network address of an IPv4 address (what a VPN client wrongly reports as its subnet). */
function slash24(ip: string): string {
  return ip.split('.').slice(0, 3).join('.') + '.0';
}

const hex4 = (rng: Rng): string => rng.int(0, 0xffff).toString(16);

function deviceName(rng: Rng, c: Client): string {
  const n = rng.int(1000, 9999);
  switch (c.platform) {
    case 'windows': case 'web': return `CONTOSO-LT-${n}`;
    case 'macOS': return `CONTOSO-MBP-${n}`;
    case 'iOS': return `iPhone-${n}`;
    case 'android': return `Pixel-${n}`;
    case 'ipPhone': return `${(c.phone?.model ?? 'PHONE').replace(/\s+/g, '')}-${n}`;
  }
}

export function makeUsers(rng: Rng, count: number): User[] {
  const users: User[] = [];
  const seen = new Set<string>();
  const buildingWeights = BUILDINGS.map((b) => [b, b.weight] as const);
  for (let index = 0; index < count; index++) {
    const first = rng.pick(FIRST);
    const last = rng.pick(LAST);
    let local = `${first}.${last}`;
    for (let k = 2; seen.has(local); k++) local = `${first}.${last}${k}`;
    seen.add(local);
    const building = rng.weighted(buildingWeights);
    const client = makeClient(rng);
    // Stratified by index so every tenant size has some: ~3 % unmapped, ~4 % VPN.
    const location: User['location'] = index % 33 === 5 ? 'unmapped' : index % 25 === 12 ? 'vpn' : 'office';
    const mobile = client.platform === 'iOS' || client.platform === 'android';
    let ipAddress: string;
    let subnet: string;
    let connectionType: User['connectionType'] = client.platform === 'ipPhone' ? 'wired' : mobile ? 'wifi' : rng.chance(0.55) ? 'wired' : 'wifi';
    let egressIp = building.egressIp;
    let site: string;
    if (location === 'vpn') {
      ipAddress = hostIn(rng, VPN_POOL.network);
      subnet = slash24(ipAddress);
      connectionType = 'tunnel';
      egressIp = VPN_POOL.egressIp;
      site = sitePath(VPN_POOL);
    } else if (location === 'unmapped') {
      const n = rng.pick(UNMAPPED_NETWORKS);
      ipAddress = hostIn(rng, n);
      subnet = n.network;
      site = `unmapped:${n.network}`;
    } else {
      const v6 = building.networks.find((n) => n.family === 6);
      const v4s = building.networks.filter((n) => n.family === 4);
      if (v6 && client.platform !== 'ipPhone' && rng.chance(0.3)) {
        ipAddress = `${v6.network.replace(/::$/, '')}:${hex4(rng)}:${hex4(rng)}:${hex4(rng)}:${hex4(rng)}`;
        subnet = v6.network;
      } else {
        const n = rng.pick(v4s);
        ipAddress = hostIn(rng, n);
        subnet = n.network;
      }
      site = sitePath(building);
    }
    const voice = rng.weighted([['dr', 50], ['cp', 25], ['oc', 10], ['teams', 15]] as const);
    const user: User = {
      index, id: rng.guid(), upn: `${local}@contoso.com`, displayName: `${cap(first)} ${cap(last)}`,
      deviceName: deviceName(rng, client), building, location, ipAddress, subnet, connectionType, egressIp, site, client, voice,
    };
    if (voice !== 'teams') user.number = makeNumber(rng, building.country);
    users.push(user);
  }
  return users;
}
