/** Test helper: per call record, the user side (subnet, site from the building file, client build, user id). */
import type { CallRecord, Endpoint, NetworkInfo } from '../../../ingest/graph/schemas.js';
import type { Tenant } from '../../../demo/tenant/index.js';

export interface UserSide { userId: string; subnet: string; site: string; build: string; platform: string }

function buildPath(e: Endpoint | null | undefined): string {
  const ua = e?.userAgent;
  if (!ua) return '';
  if (ua.platform === 'ipPhone') {
    const m = /^(\S+)\/(\S+) \((.+)\)$/.exec(ua.headerValue ?? '');
    return m ? `sipDevice/${m[3]}/${m[2]}` : 'sipDevice/?';
  }
  return `${ua.productFamily}/${ua.platform}/${ua.applicationVersion}`;
}

export function indexTenant(t: Tenant): Map<string, UserSide> {
  const siteBySubnet = new Map<string, string>();
  for (const line of t.buildingFile.trimEnd().split('\n')) {
    const c = line.split(',');
    if (c[14] === '0') siteBySubnet.set(c[0] ?? '', `${c[11]}/${c[9]}/${c[3]}`);
  }
  const out = new Map<string, UserSide>();
  for (const r of t.callRecords) out.set(r.id, userSide(r, siteBySubnet));
  return out;
}

function userSide(r: CallRecord, siteBySubnet: Map<string, string>): UserSide {
  const s = r.sessions?.[0];
  const media = s?.segments?.[0]?.media?.[0];
  const userIsCaller = s?.caller?.['@odata.type'] === '#microsoft.graph.callRecords.participantEndpoint';
  const ep = userIsCaller ? s?.caller : s?.callee;
  const net: NetworkInfo | null | undefined = userIsCaller ? media?.callerNetwork : media?.calleeNetwork;
  const subnet = net?.subnet ?? '';
  return {
    userId: ep?.associatedIdentity?.id ?? '',
    subnet,
    site: siteBySubnet.get(subnet) ?? (subnet.startsWith('10.250.') ? 'AMER/US/VPN-POOL' : `unmapped:${subnet}`),
    build: buildPath(ep),
    platform: ep?.userAgent?.platform ?? '',
  };
}
