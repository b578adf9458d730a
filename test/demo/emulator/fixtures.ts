/**
 * Small hand-built tenant for emulator and Graph client tests. Every object is checked against the
 * zod schemas, so a drift in schemas.ts fails here first. No EUII-looking values (example.test only).
 */
import {
  callRecordSchema,
  directRoutingLogRowSchema,
  pstnCallLogRowSchema,
  signInSchema,
  type CallRecord,
  type DirectRoutingLogRow,
  type PstnCallLogRow,
  type SignIn,
} from '../../../ingest/graph/schemas.js';
import type { EmulatorData } from '../../../demo/emulator/types.js';

export const TENANT = '00000000-0000-4000-8000-00000000a11c';
export const CLIENT_ID = '00000000-0000-4000-8000-0000000c11e7';
export const SECRET = 'emulator-test-secret';
/** The emulator's "now". */
export const NOW = '2026-05-20T12:00:00Z';

export function guid(kind: number, i: number): string {
  const hex = (kind * 1_000_000 + i).toString(16).padStart(12, '0');
  return `00000000-0000-4000-8000-${hex}`;
}

const plus = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();

export function makeRecord(i: number, start: string, sessionCount = 1, sessionIds?: string[]): CallRecord {
  const ids = sessionIds ?? Array.from({ length: sessionCount }, (_, k) => guid(2, i * 1000 + k));
  return callRecordSchema.parse({
    id: guid(1, i),
    version: 1,
    type: 'peerToPeer',
    modalities: ['audio'],
    startDateTime: start,
    endDateTime: plus(start, 120_000),
    lastModifiedDateTime: plus(start, 600_000),
    sessions: ids.map((sid, k) => ({
      id: sid,
      modalities: ['audio'],
      startDateTime: start,
      endDateTime: plus(start, 120_000),
      segments: [{ id: guid(3, i * 1000 + k), startDateTime: start, endDateTime: plus(start, 120_000) }],
    })),
  });
}

export function makeDr(i: number, start: string): DirectRoutingLogRow {
  return directRoutingLogRowSchema.parse({
    id: guid(4, i),
    correlationId: guid(5, i),
    startDateTime: start,
    inviteDateTime: start,
    endDateTime: plus(start, 60_000),
    duration: 60,
    callType: 'ByotIn',
    successfulCall: true,
    finalSipCode: 0,
    callEndSubReason: 540000,
    finalSipCodePhrase: 'BYE',
    trunkFullyQualifiedDomainName: 'sbc1.example.test',
    mediaBypassEnabled: false,
  });
}

export function makePstn(i: number, start: string): PstnCallLogRow {
  return pstnCallLogRowSchema.parse({
    id: guid(6, i),
    callId: `call-${i}`,
    startDateTime: start,
    endDateTime: plus(start, 60_000),
    duration: 60,
    callType: 'user_out',
    operator: 'Microsoft',
    callDurationSource: 'microsoft',
  });
}

export function makeSignIn(i: number, created: string, interactive: boolean): SignIn {
  return signInSchema.parse({
    id: guid(7, i),
    createdDateTime: created,
    appId: '1fec8e78-bce4-4aaf-ab1b-5451cc387264',
    isInteractive: interactive,
    signInEventTypes: [interactive ? 'interactiveUser' : 'nonInteractiveUser'],
    status: { errorCode: 0 },
  });
}

/** Window used by the list tests: 150 records from 2026-05-19T00:00Z, one a minute. */
export const WINDOW_FROM = '2026-05-19T00:00:00.000Z';
export const WINDOW_TO = plus(WINDOW_FROM, 150 * 60_000);
/** The call-records list request for the window (relative to the client's /v1.0 base). */
export const LIST_CALL_RECORDS = `/communications/callRecords?$filter=startDateTime ge ${WINDOW_FROM} and startDateTime lt ${WINDOW_TO}`;

export function smallTenant(): EmulatorData {
  const callRecords: CallRecord[] = [];
  for (let i = 0; i < 150; i++) callRecords.push(makeRecord(i, plus(WINDOW_FROM, i * 60_000)));
  callRecords.push(makeRecord(900, WINDOW_TO)); // exactly at the exclusive end
  callRecords.push(makeRecord(901, plus(WINDOW_FROM, -1))); // 1 ms before the inclusive start
  callRecords.push(makeRecord(902, '2026-04-15T08:00:00.000Z')); // 35 days before NOW: gone
  callRecords.push(makeRecord(903, '2026-04-21T13:00:00.000Z')); // 29 days before NOW: still there
  // 130 sessions; the 60th id repeats as the 61st, so it straddles the first page boundary.
  const sids = Array.from({ length: 130 }, (_, k) => guid(8, k));
  sids.splice(60, 0, guid(8, 59));
  callRecords.push(makeRecord(904, '2026-05-18T10:00:00.000Z', 0, sids));

  const directRoutingCalls: DirectRoutingLogRow[] = [];
  for (let i = 0; i < 2500; i++) directRoutingCalls.push(makeDr(i, plus('2026-05-10T00:00:00.000Z', i * 10_000)));
  directRoutingCalls.push(makeDr(9000, '2026-05-11T00:00:00.000Z')); // equals toDateTime in the DR test
  const pstnCalls = [
    makePstn(0, '2026-05-10T00:00:00.000Z'),
    makePstn(1, '2026-05-10T12:00:00.000Z'),
    makePstn(2, '2026-05-11T00:00:00.000Z'), // equals toDateTime: included (inclusive end)
    makePstn(3, '2026-05-11T00:00:01.000Z'),
  ];
  const signIns: SignIn[] = [];
  for (let i = 0; i < 30; i++) signIns.push(makeSignIn(i, plus('2026-05-19T00:00:00.000Z', i * 60_000), i % 3 !== 0));
  return { tenantId: TENANT, callRecords, directRoutingCalls, pstnCalls, signIns };
}
