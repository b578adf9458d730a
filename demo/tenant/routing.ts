/**
 * Voice routing of the demo tenant: Direct Routing trunks per region (per-call load balancing between two
 * trunks, so sbc3 serves every region), Operator Connect carriers per region, and call destinations.
 *
 *   EMEA: sbc1.contoso.com 60 %, sbc3.contoso.com 40 %   OC operator 'BT'
 *   AMER: sbc2.contoso.com 60 %, sbc3.contoso.com 40 %   OC operator 'Lumen'
 *   APAC: sbc3.contoso.com 60 %, sbc1.contoso.com 40 %   OC operator 'Telstra'
 *   Calling Plan rows carry operator 'Microsoft'.
 */
import type { Rng } from './prng.js';
import type { Region } from './topology.js';

export const SBC1 = 'sbc1.contoso.com';
export const SBC2 = 'sbc2.contoso.com';
export const SBC3 = 'sbc3.contoso.com';

export const DR_ROUTES: Record<Region, readonly (readonly [string, number])[]> = {
  EMEA: [[SBC1, 60], [SBC3, 40]],
  AMER: [[SBC2, 60], [SBC3, 40]],
  APAC: [[SBC3, 60], [SBC1, 40]],
};

/** Trunks with media bypass enabled. */
export const BYPASS_TRUNKS: ReadonlySet<string> = new Set([SBC1, SBC2]);

export const OC_OPERATORS: Record<Region, string> = { EMEA: 'BT', AMER: 'Lumen', APAC: 'Telstra' };

/** Microsoft datacenters (signaling, media) by region. */
export const DATACENTERS: Record<Region, readonly string[]> = { EMEA: ['EUNO', 'EUWE'], AMER: ['USEA', 'USWE'], APAC: ['APSE', 'APSE'] };

/** International destinations (and origins of inbound calls) by relative weight. */
const INTERNATIONAL: readonly (readonly [string, number])[] = [
  ['US', 30], ['GB', 12], ['DE', 10], ['FR', 8], ['NL', 6], ['CH', 5], ['IT', 5], ['ES', 5], ['JP', 5], ['IN', 6], ['SG', 4], ['AU', 4], ['CA', 3],
];

/** Far-end country of a PSTN call: 70 % domestic, else international (never the home country). */
export function remoteCountry(rng: Rng, home: string): string {
  if (rng.chance(0.7)) return home;
  return rng.weighted(INTERNATIONAL.filter(([c]) => c !== home));
}

export const COUNTRY_NAMES: Record<string, string> = {
  DE: 'Germany', FR: 'France', GB: 'United Kingdom', US: 'United States', CA: 'Canada', SG: 'Singapore', AU: 'Australia',
  NL: 'Netherlands', CH: 'Switzerland', IT: 'Italy', ES: 'Spain', JP: 'Japan', IN: 'India',
};

export const CURRENCY: Record<string, string> = { DE: 'EUR', FR: 'EUR', GB: 'GBP', US: 'USD', CA: 'CAD', SG: 'SGD', AU: 'AUD' };
