/**
 * Clients of the demo tenant: Teams platforms with builds rolling out over the weeks, and IP phones behind
 * the SIP Gateway.
 *
 * IP phone userAgent.headerValue format (parse with /^(\S+)\/(\S+) \((.+)\)$/):
 *   '<ProductToken>/<firmware> (<model>)', e.g. 'PolyCCX/8.1.3.1301 (Poly CCX 500)'
 *   group 2 = firmware, group 3 = model (vendor + model, may contain spaces, never '/', ')' or ',').
 *   client_build for these = 'sipDevice/<model>/<firmware>'. applicationVersion also carries the firmware;
 *   platform 'ipPhone', productFamily 'unknown', no azureADAppId.
 * Teams clients: platform + productFamily 'teams' + applicationVersion (no '/' in any version string).
 */
import type { Rng } from './prng.js';

export type Platform = 'windows' | 'macOS' | 'web' | 'iOS' | 'android' | 'ipPhone';

export const TEAMS_DESKTOP_APP_ID = '1fec8e78-bce4-4aaf-ab1b-5451cc387264';
export const TEAMS_WEB_APP_ID = '5e3ce6c0-2b1f-4285-8d4b-75ee78787346';

/** Share of users per platform. */
export const PLATFORM_WEIGHTS: readonly (readonly [Platform, number])[] = [
  ['windows', 52], ['macOS', 15], ['web', 10], ['iOS', 8], ['android', 7], ['ipPhone', 8],
];

/** Builds per Teams platform, oldest first; the last one is rolling out. */
export const TEAMS_BUILDS: Record<Exclude<Platform, 'ipPhone'>, readonly string[]> = {
  windows: ['24215.1007.3082.1590', '24243.1309.3132.617', '24277.3502.3201.2103'],
  macOS: ['24215.1007.3082.1590', '24243.1309.3132.617', '24277.3502.3201.2103'],
  web: ['24243.1309.3132.617', '24277.3502.3201.2103'],
  iOS: ['6.19.0', '6.21.1', '6.23.0'],
  android: ['1.0.0.2024173801', '1.0.0.2024203402'],
};

export interface PhoneModel {
  token: string;
  model: string;
  /** Firmwares, oldest first; the last one is rolling out. */
  firmwares: readonly string[];
}

export const PHONE_MODELS: readonly PhoneModel[] = [
  { token: 'PolyCCX', model: 'Poly CCX 500', firmwares: ['8.1.3.1301', '8.3.1.1075'] },
  { token: 'PolyVVX', model: 'Poly VVX 450', firmwares: ['6.4.3.5156', '6.4.6.2151'] },
  { token: 'Yealink-T58W', model: 'Yealink T58W', firmwares: ['150.86.0.5', '150.87.0.12'] },
  { token: 'AudioCodes-C450HD', model: 'AudioCodes C450HD', firmwares: ['3.4.6.604', '3.4.8.221'] },
];

export interface Client {
  platform: Platform;
  phone?: PhoneModel;
  /** Per-user rollout position in [0,1): lower values take new builds first. */
  rollout: number;
  /** Users above this position stay on the oldest build for the whole period. */
  laggard: boolean;
}

export function makeClient(rng: Rng): Client {
  const platform = rng.weighted(PLATFORM_WEIGHTS);
  const rollout = rng.next();
  const client: Client = { platform, rollout, laggard: rollout > 0.92 };
  if (platform === 'ipPhone') client.phone = rng.pick(PHONE_MODELS);
  return client;
}

/** Share of users on the newest build at fraction `t` (0..1) of the period: 0 for the first 10%, then up to 85%. */
export function newBuildShare(t: number): number {
  return Math.max(0, Math.min(0.85, ((t - 0.1) / 0.85) * 0.85));
}

export interface ClientBuild {
  platform: Platform;
  productFamily: 'teams' | 'unknown';
  applicationVersion: string;
  headerValue: string;
  azureADAppId?: string;
  /** Contract value for the client_build dimension. */
  path: string;
}

/** The build a user runs at fraction `t` of the period. */
export function buildAt(c: Client, t: number): ClientBuild {
  if (c.platform === 'ipPhone') {
    const phone = c.phone ?? PHONE_MODELS[0];
    if (!phone) throw new RangeError('no phone model');
    const fw = phone.firmwares[c.rollout < newBuildShare(t) * 0.6 ? phone.firmwares.length - 1 : 0] ?? '';
    return {
      platform: 'ipPhone', productFamily: 'unknown', applicationVersion: fw,
      headerValue: `${phone.token}/${fw} (${phone.model})`, path: `sipDevice/${phone.model}/${fw}`,
    };
  }
  const builds = TEAMS_BUILDS[c.platform];
  let idx: number;
  if (c.laggard) idx = 0;
  else if (c.rollout < newBuildShare(t)) idx = builds.length - 1;
  else idx = Math.max(0, builds.length - 2);
  const version = builds[idx] ?? '';
  return {
    platform: c.platform, productFamily: 'teams', applicationVersion: version,
    headerValue: teamsHeader(c.platform, version),
    azureADAppId: c.platform === 'web' ? TEAMS_WEB_APP_ID : TEAMS_DESKTOP_APP_ID,
    path: `teams/${c.platform}/${version}`,
  };
}

const OS_HEADER: Record<Exclude<Platform, 'ipPhone'>, string> = {
  windows: 'os=Windows; osVer=10.0.22631; deviceType=computer',
  macOS: 'os=macOS; osVer=14.6.1; deviceType=computer',
  web: 'os=Windows; osVer=10.0.22631; deviceType=computer; browser=edge; browserVer=130.0',
  iOS: 'os=iOS; osVer=18.1; deviceType=phone',
  android: 'os=Android; osVer=14; deviceType=phone',
};

function teamsHeader(platform: Exclude<Platform, 'ipPhone'>, version: string): string {
  return `RTCC/2024.40.01.9 (${OS_HEADER[platform]}) Teams/${version}`;
}
