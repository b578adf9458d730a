/**
 * Entra interactive sign-ins of Teams clients (reference §3): ~2 per user per working day, low background
 * failures (50126, 50076, 50140, each followed by a successful retry), plus the Conditional Access (53003)
 * failures of the injected wave. IP phones (SIP Gateway) do not sign in through these apps and have none.
 * deviceDetail.operatingSystem: windows/web 'Windows10', macOS 'MacOs', iOS 'Ios', android 'Android'.
 */
import type { SignIn } from '../../ingest/graph/schemas.js';
import type { Rng } from './prng.js';
import type { User } from './users.js';
import type { CaFailure } from './incidents.js';
import { TEAMS_DESKTOP_APP_ID, TEAMS_WEB_APP_ID } from './clients.js';
import { VPN_POOL } from './topology.js';
import { DAY, type Period } from './attempts.js';

const HOUR = 3_600_000;
const TEAMS_SERVICES = { id: 'cc15fd57-2c6c-4117-a88c-83b1d56b4bbe', name: 'Microsoft Teams Services' };
const CA_POLICY = { id: '7d3f2a41-5b6c-4e8d-9f10-2a3b4c5d6e7f', displayName: 'Require compliant device for Teams' };

const OS: Record<string, string> = { windows: 'Windows10', web: 'Windows10', macOS: 'MacOs', iOS: 'Ios', android: 'Android' };

const FAILURES: Record<number, string> = {
  50126: 'Error validating credentials due to invalid username or password.',
  50076: 'Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access the resource.',
  50140: 'This error occurred due to "Keep me signed in" interrupt when the user was signing in.',
  53003: 'Access has been blocked by Conditional Access policies. The access policy does not allow token issuance.',
};

function signIn(rng: Rng, u: User, at: number, errorCode: number): SignIn {
  const web = u.client.platform === 'web';
  const blocked = errorCode === 53003;
  return {
    id: rng.guid(),
    createdDateTime: new Date(at).toISOString(),
    userPrincipalName: u.upn.toLowerCase(),
    userId: u.id,
    userDisplayName: u.displayName,
    appId: web ? TEAMS_WEB_APP_ID : TEAMS_DESKTOP_APP_ID,
    appDisplayName: web ? 'Microsoft Teams Web Client' : 'Microsoft Teams',
    clientAppUsed: web ? 'Browser' : 'Mobile Apps and Desktop clients',
    correlationId: rng.guid(),
    ipAddress: u.egressIp,
    isInteractive: true,
    signInEventTypes: ['interactiveUser'],
    status: { errorCode, failureReason: errorCode === 0 ? null : (FAILURES[errorCode] ?? 'Other.'), additionalDetails: null },
    conditionalAccessStatus: blocked ? 'failure' : errorCode === 0 ? 'success' : 'notApplied',
    appliedConditionalAccessPolicies: [{
      id: CA_POLICY.id, displayName: CA_POLICY.displayName, enforcedGrantControls: blocked ? ['Block'] : ['RequireCompliantDevice'],
      enforcedSessionControls: [], result: blocked ? 'failure' : errorCode === 0 ? 'success' : 'notApplied',
    }],
    deviceDetail: {
      deviceId: '', displayName: u.deviceName, operatingSystem: OS[u.client.platform] ?? 'Unknown',
      browser: web ? 'Edge 130.0.0' : '', isCompliant: !blocked, isManaged: !blocked, trustType: '',
    },
    location: u.location === 'vpn'
      ? { city: VPN_POOL.city, state: 'Virginia', countryOrRegion: VPN_POOL.country }
      : { city: u.building.city, state: u.building.state, countryOrRegion: u.building.country },
    resourceId: TEAMS_SERVICES.id,
    resourceDisplayName: TEAMS_SERVICES.name,
  };
}

export function makeSignIns(rng: Rng, users: readonly User[], period: Period, caFailures: readonly CaFailure[]): SignIn[] {
  const out: SignIn[] = [];
  for (let day = period.startMs; day < period.endMs; day += DAY) {
    const weekday = new Date(day).getUTCDay();
    const weekend = weekday === 0 || weekday === 6;
    for (const u of users) {
      if (u.client.platform === 'ipPhone') continue;
      const hours = weekend ? (rng.chance(0.3) ? [9 + rng.next() * 8] : []) : [7.5 + rng.next() * 2, 12 + rng.next() * 3];
      for (const h of hours) {
        let at = Math.round(day + (h - u.building.tz) * HOUR);
        if (at < period.startMs || at >= period.endMs) continue;
        const r = rng.next();
        const code = r < 0.005 ? 50126 : r < 0.015 ? 50076 : r < 0.023 ? 50140 : 0;
        if (code !== 0) {
          out.push(signIn(rng, u, at, code));
          at += rng.int(20, 300) * 1000;
        }
        if (at < period.endMs) out.push(signIn(rng, u, at, 0));
      }
    }
  }
  for (const f of caFailures) out.push(signIn(rng, f.user, f.at, 53003));
  return out;
}
