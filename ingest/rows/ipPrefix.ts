/**
 * The network of an endpoint address kept in clear: IPv4 /28, IPv6 /64. A full IP address is EUII
 * (CQD clears it after 28 days); its /28 or /64 is no more identifying than the subnet the client
 * already reports, and it lets sites map calls by containment for building networks up to /28.
 */
import { isIPv6 } from 'node:net';

/** What node:net's isIPv4 accepts (0-255, no leading zeros), with the four parts captured: one match per address. */
const OCTET = '(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])';
const IPV4 = new RegExp(`^${OCTET}\\.${OCTET}\\.${OCTET}\\.${OCTET}$`);

export function ipPrefix(ip: string | null | undefined): string | null {
  if (!ip) return null;
  const s = ip.trim();
  const v4 = IPV4.exec(s);
  if (v4) return `${v4[1]}.${v4[2]}.${v4[3]}.${Number(v4[4]) & 0xf0}`;
  if (isIPv6(s)) {
    const groups = expandIPv6(s).slice(0, 4).map((g) => g.replace(/^0+(?=.)/, ''));
    return `${groups.join(':')}::`;
  }
  return null;
}

/** The eight 16-bit groups of an IPv6 address, as lowercase hex (an embedded IPv4 tail is converted). */
export function expandIPv6(ip: string): string[] {
  let s = ip.toLowerCase().split('%')[0] ?? '';
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (v4?.[1]) {
    const n = v4[1].split('.').map(Number);
    s = s.slice(0, -v4[1].length) + `${(((n[0] ?? 0) << 8) | (n[1] ?? 0)).toString(16)}:${(((n[2] ?? 0) << 8) | (n[3] ?? 0)).toString(16)}`;
  }
  const [head = '', tail] = s.split('::');
  const h = head ? head.split(':') : [];
  const t = tail !== undefined && tail !== '' ? tail.split(':') : [];
  const fill = tail === undefined ? [] : Array<string>(8 - h.length - t.length).fill('0');
  return [...h, ...fill, ...t].map((g) => g.padStart(4, '0'));
}
