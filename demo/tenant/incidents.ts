/**
 * Injected incidents with ground truth, all but the elevated-site decoy inside the last 7 days of data
 * (day N = N days after end - 7 days):
 *   1 sbc-407            day 1 09:00-15:00Z: sbc3 answers 407 / 560407 (origin sbc) for 70 % of its calls
 *   2 site-build-401     days 2-4: the office building with the most Windows DR users x the newest Windows build:
 *                        60 % of its DR calls fail 401 / callEndSubReason 0 (origin microsoft)
 *   3 trunk-country-401  day 0 06:00Z - day 3 18:00Z: sbc1 outbound to US numbers, 90 % DR 401 / 560401 (origin sbc)
 *   4 signin-53003       day 3 13:00-14:30Z: every macOS user gets 1-3 Conditional Access 53003 sign-in failures;
 *                        their outbound attempts in the wave fail and 20 % of them call 1-10 min after their first block
 *                        (call record only, failureInfo '401 Unauthorized', no DR/PSTN leg)
 *   5 heavy-user         decoy: one user, 40 x DR 401 / 0 over the week        -> single_user
 *   6 elevated-site      decoy: CHI-01 has a steady 3 % 401 rate for the whole period -> not_a_pattern
 * Each incident-made failure is retried by the user 30-180 s later with probability 0.4 (up to twice).
 */
import type { Rng } from './prng.js';
import type { User } from './users.js';
import type { Incident } from './types.js';
import { BUILDINGS, sitePath } from './topology.js';
import { TEAMS_BUILDS } from './clients.js';
import { SBC1, SBC3 } from './routing.js';
import { DAY, businessHour, fail, newAttempt, type Attempt, type Failure, type Period } from './attempts.js';

export interface CaFailure { user: User; at: number }
export interface InjectResult { incidents: Incident[]; extra: Attempt[]; caFailures: CaFailure[] }

interface Rule {
  id: string;
  from: number;
  to: number;
  p: number;
  match: (a: Attempt) => boolean;
  failure: Failure;
  noLeg?: boolean;
}

const HOUR = 3_600_000;
const iso = (ms: number): string => new Date(ms).toISOString();
export const ELEVATED_BUILDING = 'CHI-01';
const NEW_WINDOWS_BUILD = `teams/windows/${TEAMS_BUILDS.windows[TEAMS_BUILDS.windows.length - 1] ?? ''}`;

/** The office building with the most Direct Routing users on Windows who take new builds (not the decoy site). */
function siteBuildTarget(users: readonly User[]): string {
  let best = '';
  let bestCount = -1;
  for (const b of BUILDINGS) {
    if (b.name === ELEVATED_BUILDING) continue;
    const n = users.filter((u) => u.building === b && u.location === 'office' && u.voice === 'dr' && u.client.platform === 'windows' && !u.client.laggard).length;
    if (n > bestCount) { best = sitePath(b); bestCount = n; }
  }
  return best;
}

export function injectIncidents(rng: Rng, users: readonly User[], attempts: readonly Attempt[], period: Period): InjectResult {
  const w0 = period.endMs - 7 * DAY;
  const site = siteBuildTarget(users);
  const elevatedSite = sitePath(BUILDINGS.find((b) => b.name === ELEVATED_BUILDING) ?? { region: 'AMER', country: 'US', name: ELEVATED_BUILDING });
  const wave = { from: w0 + 3 * DAY + 13 * HOUR, to: w0 + 3 * DAY + 14.5 * HOUR };
  const rules: Rule[] = [
    { id: 'sbc-407', from: w0 + DAY + 9 * HOUR, to: w0 + DAY + 15 * HOUR, p: 0.7, failure: fail(407, 560407),
      match: (a) => a.kind === 'dr' && a.trunk === SBC3 },
    { id: 'site-build-401', from: w0 + 2 * DAY, to: w0 + 5 * DAY, p: 0.6, failure: fail(401, 0),
      match: (a) => a.kind === 'dr' && a.user.site === site && a.build.path === NEW_WINDOWS_BUILD },
    { id: 'trunk-country-401', from: w0 + 6 * HOUR, to: w0 + 3 * DAY + 18 * HOUR, p: 0.9, failure: fail(401, 560401),
      match: (a) => a.kind === 'dr' && a.trunk === SBC1 && a.direction === 'outbound' && a.remoteCountry === 'US' },
    { id: 'signin-53003', from: wave.from, to: wave.to, p: 1, failure: fail(401, 0), noLeg: true,
      match: (a) => a.user.client.platform === 'macOS' && a.direction === 'outbound' },
  ];
  const extra: Attempt[] = [];
  const apply = (a: Attempt, rule: Rule, depth: number): void => {
    a.failure = rule.failure;
    a.incident = rule.id;
    if (rule.noLeg && a.kind !== 'p2p') a.noLeg = true;
    if (depth < 2 && rng.chance(0.4)) {
      const retry: Attempt = { ...a, id: rng.guid(), start: a.start + rng.int(30, 180) * 1000, ringSec: rng.int(2, 15) };
      delete retry.failure;
      delete retry.incident;
      extra.push(retry);
      if (rng.chance(rule.p)) apply(retry, rule, depth + 1);
    }
  };
  for (const a of attempts) {
    const rule = rules.find((r) => a.start >= r.from && a.start < r.to && r.match(a));
    if (rule && rng.chance(rule.p)) apply(a, rule, 0);
    else if (a.user.site === elevatedSite && !a.failure && rng.chance(0.03)) {
      a.failure = fail(401, 0);
      a.incident = 'elevated-site';
    }
  }

  // 4: the Conditional Access wave hits every macOS user; some try to call minutes later.
  const caFailures: CaFailure[] = [];
  const waveRule = rules[3];
  for (const u of users) {
    if (u.client.platform !== 'macOS' || !waveRule) continue;
    const times = Array.from({ length: rng.int(1, 3) }, () => wave.from + Math.floor(rng.next() * (wave.to - wave.from))).sort((x, y) => x - y);
    for (const at of times) caFailures.push({ user: u, at });
    const first = times[0];
    if (first !== undefined && rng.chance(0.2)) {
      const a = newAttempt(rng, u, first + rng.int(60, 600) * 1000, period, users, u.voice !== 'teams' && rng.chance(0.6) ? u.voice : 'p2p');
      a.direction = 'outbound';
      extra.push(a);
      apply(a, waveRule, 0);
    }
  }

  // 5: one user failing alone, many times.
  const heavy = users.find((u) => u.voice === 'dr' && u.location === 'office' && u.building.region === 'AMER'
    && u.building.name !== ELEVATED_BUILDING && u.client.platform === 'windows') ?? users.find((u) => u.voice === 'dr');
  if (heavy) {
    for (let i = 0; i < 40; i++) {
      let day = w0 + rng.int(0, 6) * DAY;
      while ([0, 6].includes(new Date(day).getUTCDay())) day -= DAY;
      const start = Math.round(day + (businessHour(rng) - heavy.building.tz) * HOUR);
      if (start < period.startMs || start >= period.endMs) continue;
      const a = newAttempt(rng, heavy, start, period, users, 'dr');
      a.direction = 'outbound';
      a.failure = fail(401, 0);
      a.incident = 'heavy-user';
      extra.push(a);
    }
  }

  const all = [...attempts, ...extra];
  const injected = (id: string): Incident['injected'] => {
    const hit = all.filter((a) => a.incident === id);
    return { failures: hit.length, users: new Set(hit.map((a) => a.user.id)).size };
  };
  const base = (id: string, from: number, to: number) => ({ id, start: iso(from), end: iso(to), injected: injected(id) });
  const [r1, r2, r3] = rules;
  const incidents: Incident[] = [
    { ...base('sbc-407', r1?.from ?? w0, r1?.to ?? w0), kind: 'sbc', expected: 'cluster', layer: 'direct_routing', origin: 'sbc',
      description: `${SBC3} answers 407 Proxy Authentication Required (560407) for most of its calls, all sites and builds`,
      dimensions: { sbc: SBC3 } },
    { ...base('site-build-401', r2?.from ?? w0, r2?.to ?? w0), kind: 'site_x_build', expected: 'cluster', layer: 'direct_routing', origin: 'microsoft',
      description: 'One building on one Teams build fails Direct Routing calls with 401 (Microsoft code 0); the build elsewhere and the site on other builds stay normal',
      dimensions: { site, client_build: NEW_WINDOWS_BUILD } },
    { ...base('trunk-country-401', r3?.from ?? w0, r3?.to ?? w0), kind: 'carrier_path', expected: 'cluster', layer: 'direct_routing', origin: 'sbc',
      description: `${SBC1} outbound calls to US numbers get 401 from the SBC (560401); other countries on the trunk stay normal`,
      dimensions: { carrier_path: `${SBC1}/US` } },
    { ...base('signin-53003', wave.from, wave.to), kind: 'sign_in', expected: 'cluster', layer: 'client_sign_in', origin: 'client',
      description: 'Conditional Access blocks every macOS Teams client (53003); their call attempts fail minutes later',
      dimensions: { client_build: 'teams/macOS' } },
  ];
  const wi = incidents[3]?.injected;
  if (wi) wi.signInFailures = caFailures.length;
  if (heavy) {
    incidents.push({ ...base('heavy-user', w0, period.endMs), kind: 'single_user', expected: 'single_user', layer: 'direct_routing', origin: 'microsoft',
      description: 'One user fails 40 times with 401 on Direct Routing; nobody else is affected',
      dimensions: { site: heavy.site, client_build: heavy.client.phone ? `sipDevice/${heavy.client.phone.model}` : `teams/${heavy.client.platform}` },
      user: heavy.upn });
  }
  incidents.push({ ...base('elevated-site', period.startMs, period.endMs), kind: 'elevated_baseline', expected: 'not_a_pattern', layer: 'other', origin: 'microsoft',
    description: `${ELEVATED_BUILDING} has a steady 3 % 401 rate through the whole period, baseline and window alike`,
    dimensions: { site: elevatedSite } });
  return { incidents, extra, caFailures };
}
