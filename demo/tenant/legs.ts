/**
 * Renders PSTN attempts as getDirectRoutingCalls / getPstnCalls rows (reference §2.2, §2.3).
 * Direct Routing: callType 'ByotOut' / 'ByotIn'; successes finalSipCode 0, callEndSubReason 540000, phrase 'BYE',
 * failureDateTime '0001-01-01T00:00:00Z'; failures successfulCall false, failureDateTime set and endDateTime
 * '0001-01-01T00:00:00Z' (both mean null). startDateTime = inviteDateTime = the call record's startDateTime.
 * duration = seconds from invite to end / failure.
 * PSTN (Calling Plan operator 'Microsoft', Operator Connect operator name): one row per attempt, failed ones
 * included with duration 0 and endDateTime = startDateTime; no failure fields (failures show only in the call
 * record). startDateTime equals the call record's startDateTime and userId its organizer: join on both.
 * callType 'user_out' / 'user_in'. The far-end number is masked per MASKED_DIGITS of its own country.
 */
import type { DirectRoutingLogRow, PstnCallLogRow } from '../../ingest/graph/schemas.js';
import type { Rng } from './prng.js';
import type { Attempt } from './attempts.js';
import { maskNumber } from './numbers.js';
import { BYPASS_TRUNKS, COUNTRY_NAMES, CURRENCY, DATACENTERS } from './routing.js';

const iso = (ms: number): string => new Date(ms).toISOString();
export const NULL_DATE = '0001-01-01T00:00:00Z';

function numbers(a: Attempt): { callerNumber: string; calleeNumber: string } {
  const remote = maskNumber(a.remoteNumber ?? '', a.remoteCountry ?? '');
  const own = a.user.number ?? '';
  return a.direction === 'outbound' ? { callerNumber: own, calleeNumber: remote } : { callerNumber: remote, calleeNumber: own };
}

export function renderDirectRoutingRow(rng: Rng, a: Attempt): DirectRoutingLogRow {
  const f = a.failure;
  const failAt = a.start + a.ringSec * 1000;
  const end = a.start + (a.ringSec + a.talkSec) * 1000;
  const dcs = DATACENTERS[a.user.building.region];
  return {
    id: rng.guid(),
    correlationId: a.id,
    userId: a.user.id,
    userPrincipalName: a.user.upn,
    userDisplayName: a.user.displayName,
    startDateTime: iso(a.start),
    inviteDateTime: iso(a.start),
    failureDateTime: f ? iso(failAt) : NULL_DATE,
    endDateTime: f ? NULL_DATE : iso(end),
    duration: f ? a.ringSec : a.ringSec + a.talkSec,
    callType: a.direction === 'outbound' ? 'ByotOut' : 'ByotIn',
    successfulCall: !f,
    ...numbers(a),
    mediaPathLocation: rng.pick(dcs),
    signalingLocation: rng.pick(dcs),
    finalSipCode: f ? f.sip : 0,
    callEndSubReason: f ? f.ms : 540000,
    finalSipCodePhrase: f ? f.phrase : 'BYE',
    trunkFullyQualifiedDomainName: a.trunk ?? '',
    mediaBypassEnabled: BYPASS_TRUNKS.has(a.trunk ?? ''),
  };
}

export function renderPstnRow(rng: Rng, a: Attempt): PstnCallLogRow {
  const failed = a.failure !== undefined;
  const talk = failed ? 0 : a.talkSec;
  const out = a.direction === 'outbound';
  const intl = a.remoteCountry !== a.user.building.country;
  const cp = a.operator === 'Microsoft';
  return {
    id: rng.guid(),
    callId: `${rng.int(100000000, 2147483647)}_${rng.int(100000000, 999999999)}@52.112.${rng.int(0, 255)}.${rng.int(1, 254)}`,
    userId: a.user.id,
    userPrincipalName: a.user.upn,
    userDisplayName: a.user.displayName,
    startDateTime: iso(a.start),
    endDateTime: iso(a.start + talk * 1000),
    duration: talk,
    callType: out ? 'user_out' : 'user_in',
    ...numbers(a),
    charge: out && intl && !failed ? Math.round(talk * 0.25) / 100 : 0,
    connectionCharge: 0,
    currency: CURRENCY[a.user.building.country] ?? 'USD',
    destinationContext: out ? (intl ? 'International' : 'Domestic') : null,
    destinationName: out ? (COUNTRY_NAMES[a.remoteCountry ?? ''] ?? null) : null,
    conferenceId: null,
    licenseCapability: cp ? 'MCOPSTN1' : 'MCOEV',
    inventoryType: 'Subscriber',
    operator: a.operator ?? null,
    callDurationSource: cp ? 'microsoft' : 'operator',
    tenantCountryCode: 'DE',
    usageCountryCode: a.user.building.country,
  };
}
