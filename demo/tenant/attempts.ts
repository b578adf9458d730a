/**
 * Call-setup attempts: the generator's internal model, one per call made or received by a tenant user,
 * before rendering into Graph shapes. Normal traffic and normal failure noise live here; incidents.ts
 * changes and adds attempts afterwards.
 */
import type { Rng } from './prng.js';
import type { User } from './users.js';
import { buildAt, type ClientBuild } from './clients.js';
import { DR_ROUTES, OC_OPERATORS, remoteCountry } from './routing.js';
import { makeNumber } from './numbers.js';

export type CallKind = 'dr' | 'cp' | 'oc' | 'p2p';

/** A failed setup: SIP code, Microsoft code (Direct Routing callEndSubReason; 0 elsewhere), phrase. */
export interface Failure {
  sip: number;
  ms: number;
  phrase: string;
}

export interface Attempt {
  /** Call record id; for Direct Routing also the DR row correlationId. */
  id: string;
  user: User;
  /** Invite time, epoch ms. */
  start: number;
  kind: CallKind;
  direction: 'outbound' | 'inbound';
  build: ClientBuild;
  peer?: User;
  peerBuild?: ClientBuild;
  trunk?: string;
  operator?: string;
  remoteNumber?: string;
  remoteCountry?: string;
  ringSec: number;
  talkSec: number;
  failure?: Failure;
  /** True when the client failed before any PSTN leg existed: call record only, no DR / PSTN row. */
  noLeg?: boolean;
  /** Id of the incident that made this attempt fail (or added it). */
  incident?: string;
}

export const PHRASES: Record<number, string> = {
  401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 407: 'Proxy Authentication Required', 408: 'Request Timeout',
  480: 'Temporarily Unavailable', 486: 'Busy Here', 487: 'Request Terminated', 503: 'Service Unavailable',
};

export const fail = (sip: number, ms: number): Failure => ({ sip, ms, phrase: PHRASES[sip] ?? 'Unknown' });

const DR_NOISE_OUT: readonly (readonly [readonly [number, number], number])[] = [
  [[487, 540487], 25], [[486, 560486], 15], [[480, 540480], 15], [[408, 560408], 10], [[503, 560503], 8], [[403, 510560], 3], [[403, 510562], 4],
];
const DR_NOISE_IN: readonly (readonly [readonly [number, number], number])[] = [
  [[487, 540487], 25], [[486, 560486], 12], [[480, 540480], 15], [[408, 560408], 8], [[503, 560503], 6], [[404, 511404], 6],
];
const OTHER_NOISE: readonly (readonly [number, number])[] = [[487, 30], [486, 15], [480, 20], [408, 10], [503, 6]];
const DR_AUTH: readonly (readonly [readonly [number, number], number])[] = [[[407, 560407], 4], [[401, 560401], 3], [[401, 0], 3]];

/** Normal failure noise: ~5 % mixed non-auth reasons, ~0.3 % 401/407 spread over everything. */
export function noiseFailure(rng: Rng, kind: CallKind, direction: Attempt['direction']): Failure | undefined {
  const r = rng.next();
  if (r < 0.003) {
    if (kind === 'dr') { const [s, m] = rng.weighted(DR_AUTH); return fail(s, m); }
    return fail(rng.chance(0.6) ? 401 : 407, 0);
  }
  if (r < 0.053) {
    if (kind === 'dr') { const [s, m] = rng.weighted(direction === 'inbound' ? DR_NOISE_IN : DR_NOISE_OUT); return fail(s, m); }
    return fail(rng.weighted(OTHER_NOISE), 0);
  }
  return undefined;
}

const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

function poisson(rng: Rng, mean: number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  for (let p = rng.next(); p > limit; p *= rng.next()) k++;
  return k;
}

/** Local business time of day in hours: morning and afternoon peaks. */
export function businessHour(rng: Rng): number {
  return rng.chance(0.5) ? 8.5 + rng.next() * 3.5 : 13 + rng.next() * 4.5;
}

export function talkSeconds(rng: Rng): number {
  return Math.round(Math.min(3600, Math.max(5, Math.exp(4.6 + rng.gauss() * 0.9))));
}

export interface Period { startMs: number; endMs: number }

/** One new attempt of `user` at `start` (ms), outcome success; callers set failures. */
export function newAttempt(rng: Rng, user: User, start: number, period: Period, users: readonly User[], forceKind?: CallKind): Attempt {
  const t = (start - period.startMs) / (period.endMs - period.startMs);
  const pstn = user.voice !== 'teams' && (forceKind ? forceKind !== 'p2p' : rng.chance(0.6));
  const a: Attempt = {
    id: rng.guid(), user, start, kind: 'p2p', direction: 'outbound', build: buildAt(user.client, t),
    ringSec: rng.int(2, 15), talkSec: talkSeconds(rng),
  };
  if (!pstn || user.voice === 'teams') {
    let peer = rng.pick(users);
    if (peer === user && users.length > 1) peer = users[(user.index + 1) % users.length] ?? peer;
    a.peer = peer;
    a.peerBuild = buildAt(peer.client, t);
    return a;
  }
  a.kind = user.voice;
  a.direction = rng.chance(0.6) ? 'outbound' : 'inbound';
  const region = user.building.region;
  if (user.voice === 'dr') a.trunk = rng.weighted(DR_ROUTES[region]);
  else a.operator = user.voice === 'cp' ? 'Microsoft' : OC_OPERATORS[region];
  a.remoteCountry = remoteCountry(rng, user.building.country);
  a.remoteNumber = makeNumber(rng, a.remoteCountry);
  return a;
}

/** Normal traffic: ~1.2 calls per user per working day, ~0.15 on weekend days, in local business hours. */
export function normalAttempts(rng: Rng, users: readonly User[], period: Period): Attempt[] {
  const out: Attempt[] = [];
  for (let day = period.startMs; day < period.endMs; day += DAY) {
    const weekday = new Date(day).getUTCDay();
    const mean = weekday === 0 || weekday === 6 ? 0.15 : 1.2;
    for (const user of users) {
      const n = poisson(rng, mean);
      for (let i = 0; i < n; i++) {
        const start = Math.round(day + (businessHour(rng) - user.building.tz) * HOUR);
        if (start < period.startMs || start >= period.endMs) continue;
        const a = newAttempt(rng, user, start, period, users);
        const f = noiseFailure(rng, a.kind, a.direction);
        if (f) a.failure = f;
        out.push(a);
      }
    }
  }
  return out;
}
