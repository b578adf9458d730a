/** Per-row checks of a building file record: column count, address, prefix, alignment, booleans. */
import type { FileRecord } from './parse.js';
import type { Problem } from './problem.js';
import { formatAddress, isAligned, maskAddress, networkRange, parseAddress, type Family } from './ranges.js';

/** One building-file row, typed. `network` is the canonical text of the address. */
export interface NetworkRow {
  line: number;
  family: Family;
  value: bigint;
  prefix: number;
  network: string;
  networkName: string;
  buildingName: string;
  ownership: string;
  buildingType: string;
  officeType: string;
  city: string;
  zip: string;
  country: string;
  state: string;
  region: string;
  insideCorp: boolean;
  expressRoute: boolean;
  vpn: boolean;
}

/** The literal extent of a row whose address and prefix parse (aligned or not), for the cross-row checks. */
export interface RowExtent {
  line: number;
  family: Family;
  start: bigint;
  end: bigint;
  prefix: number;
  text: string;
  vpn: boolean;
}

const BOOL_COLUMNS = [13, 14, 15] as const;

/** Check one record; returns the typed row when it has no errors (warnings may still be present). */
export function validateRow(rec: FileRecord): { row: NetworkRow | undefined; extent: RowExtent | undefined; problems: Problem[] } {
  const problems: Problem[] = [];
  const { line, fields } = rec;
  const err = (column: number, message: string) => problems.push({ severity: 'error', line, column, message });
  const warn = (column: number, message: string) => problems.push({ severity: 'warning', line, column, message });
  const n = fields.length;
  if (n !== 14 && n !== 15) {
    err(n < 14 ? n + 1 : 16, `expected 15 columns (or 14 without VPN), found ${n}`);
    return { row: undefined, extent: undefined, problems };
  }
  const f = (col: number) => fields[col - 1] ?? '';
  const ipText = f(1);
  const addr = ipText === '' ? undefined : parseAddress(ipText);
  const looksLikeHeader = line === 1 && addr === undefined && !/^\d+$/.test(f(3));
  const hint = looksLikeHeader ? ' (the building file has no header row: line 1 must be data)' : '';
  if (ipText === '') err(1, 'NetworkIP is required');
  else if (!addr) err(1, `NetworkIP '${ipText}' is not an IPv4 or IPv6 address${hint}`);
  const rangeText = f(3);
  let prefix: number | undefined;
  if (!/^\d+$/.test(rangeText)) err(3, `NetworkRange must be a whole number (the prefix length), got '${rangeText}'${hint}`);
  else prefix = Number(rangeText);
  if (addr && prefix !== undefined) {
    const max = addr.family === 4 ? 32 : 128;
    if (prefix > max) {
      err(3, `NetworkRange ${prefix} is out of range for an IPv${addr.family} network (0–${max})`);
      prefix = undefined;
    } else if (!isAligned(addr.family, addr.value, prefix)) {
      const base = formatAddress({ family: addr.family, value: maskAddress(addr.family, addr.value, prefix) });
      err(1, `${ipText}/${prefix} is not aligned to its prefix: the network address is ${base}`);
    } else if (addr.family === 4 && (prefix < 8 || prefix > 28)) {
      warn(3, `IPv4 /${prefix} is outside the /8–/28 range CQD supports for supernets` + (prefix > 28 ? '; here it matches only by exact subnet' : ''));
    } else if (addr.family === 6 && prefix > 64) {
      warn(3, `IPv6 /${prefix} is longer than /64; here it matches only by exact subnet`);
    }
  }
  if (f(2) === '') warn(2, 'NetworkName is empty (required by the CQD templates)');
  if (f(4) === '') err(4, 'BuildingName is required');
  else if (f(4).includes('/')) warn(4, `BuildingName '${f(4)}' contains '/', shown as '-' in the site path`);
  for (const col of BOOL_COLUMNS) {
    if (col === 15 && n === 14) continue;
    const v = f(col);
    if (v !== '0' && v !== '1') err(col, `${col === 13 ? 'InsideCorp' : col === 14 ? 'ExpressRoute' : 'VPN'} must be 0 or 1, got '${v}'`);
  }
  const extent: RowExtent | undefined =
    addr && prefix !== undefined
      ? { line, family: addr.family, prefix, vpn: n === 15 && f(15) === '1', text: `${ipText}/${prefix}`, ...networkRange(addr.family, addr.value, prefix) }
      : undefined;
  if (problems.some((p) => p.severity === 'error') || !addr || prefix === undefined) return { row: undefined, extent, problems };
  return {
    extent,
    row: {
      line,
      family: addr.family,
      value: addr.value,
      prefix,
      network: formatAddress(addr),
      networkName: f(2),
      buildingName: f(4),
      ownership: f(5),
      buildingType: f(6),
      officeType: f(7),
      city: f(8),
      zip: f(9),
      country: f(10),
      state: f(11),
      region: f(12),
      insideCorp: f(13) === '1',
      expressRoute: f(14) === '1',
      vpn: n === 15 && f(15) === '1',
    },
    problems,
  };
}
