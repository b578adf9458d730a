/**
 * Renders an attempt as a Graph callRecord with sessions and segments expanded (reference §1.14).
 *  - Teams-to-Teams: one session caller participant -> callee participant; session id = segment id = record id.
 *  - PSTN (Direct Routing, Calling Plan, Operator Connect): one session between the user's participantEndpoint and
 *    a serviceEndpoint (role 'mediationServer' for Direct Routing, 'gateway' for Calling Plan / Operator Connect);
 *    outbound: user is caller; inbound: service is caller. organizer_v2 is the tenant user in every case.
 *  - A failed attempt: session and segment failureInfo { stage: 'callSetup', reason: '<SIP code> <phrase>' },
 *    e.g. '401 Unauthorized'; the SIP code is always the first token of reason. No media streams then.
 *  - The user side network sits in segments[0].media[0].callerNetwork (outbound / Teams-to-Teams caller) or
 *    calleeNetwork (inbound PSTN): ipAddress, subnet (network address, no prefix), reflexiveIPAddress (egress),
 *    port, connectionType.
 */
import type { CallRecord, Endpoint, NetworkInfo, Session } from '../../ingest/graph/schemas.js';
import type { Rng } from './prng.js';
import type { User } from './users.js';
import type { ClientBuild } from './clients.js';
import type { Attempt } from './attempts.js';

const iso = (ms: number): string => new Date(ms).toISOString();

export function participant(u: User, build: ClientBuild, tenantId: string): Endpoint {
  const userAgent: Record<string, string> = {
    '@odata.type': '#microsoft.graph.callRecords.clientUserAgent',
    headerValue: build.headerValue,
    applicationVersion: build.applicationVersion,
    platform: build.platform,
    productFamily: build.productFamily,
  };
  if (build.azureADAppId) userAgent.azureADAppId = build.azureADAppId;
  return {
    '@odata.type': '#microsoft.graph.callRecords.participantEndpoint',
    name: u.deviceName,
    userAgent,
    associatedIdentity: { id: u.id, displayName: u.displayName, tenantId, userPrincipalName: u.upn },
  };
}

function service(role: 'mediationServer' | 'gateway', dc: string): Endpoint {
  return {
    '@odata.type': '#microsoft.graph.callRecords.serviceEndpoint',
    userAgent: {
      '@odata.type': '#microsoft.graph.callRecords.serviceUserAgent',
      headerValue: `Microsoft.PSTNHub.SIPProxy v.2024.44.1.2 i.${dc}.3`,
      role,
    },
  };
}

function userNetwork(rng: Rng, u: User): NetworkInfo {
  return { ipAddress: u.ipAddress, subnet: u.subnet, reflexiveIPAddress: u.egressIp, port: rng.int(50000, 50059), connectionType: u.connectionType };
}

function serviceNetwork(rng: Rng): NetworkInfo {
  const third = rng.int(0, 255);
  return { ipAddress: `52.113.${third}.${rng.int(1, 254)}`, subnet: `52.113.${third}.0`, port: rng.int(49152, 53247), connectionType: 'wired' };
}

export function renderCallRecord(rng: Rng, a: Attempt, tenantId: string, dc: string): CallRecord {
  const failed = a.failure !== undefined;
  const end = a.start + (a.ringSec + (failed ? 0 : a.talkSec)) * 1000;
  const user = participant(a.user, a.build, tenantId);
  let caller: Endpoint;
  let callee: Endpoint;
  let callerNetwork: NetworkInfo;
  let calleeNetwork: NetworkInfo;
  if (a.kind === 'p2p') {
    const peer = a.peer ?? a.user;
    caller = user;
    callee = participant(peer, a.peerBuild ?? a.build, tenantId);
    callerNetwork = userNetwork(rng, a.user);
    calleeNetwork = userNetwork(rng, peer);
  } else {
    const svc = service(a.kind === 'dr' ? 'mediationServer' : 'gateway', dc);
    const out = a.direction === 'outbound';
    caller = out ? user : svc;
    callee = out ? svc : user;
    callerNetwork = out ? userNetwork(rng, a.user) : serviceNetwork(rng);
    calleeNetwork = out ? serviceNetwork(rng) : userNetwork(rng, a.user);
  }
  const failureInfo = a.failure ? { stage: 'callSetup' as const, reason: `${a.failure.sip} ${a.failure.phrase}` } : undefined;
  const sessionId = a.kind === 'p2p' ? a.id : rng.guid();
  const streams = failed ? [] : [{
    streamId: String(rng.int(100000000, 2147483647)), streamDirection: 'callerToCallee',
    averageJitter: `PT0.0${rng.int(10, 39)}S`, averagePacketLossRate: rng.int(0, 20) / 1000,
    averageRoundTripTime: `PT0.0${rng.int(20, 99)}S`, wasMediaBypassed: a.kind === 'dr' && a.trunk !== 'sbc3.contoso.com',
  }];
  const session: Session = {
    id: sessionId, modalities: ['audio'], isTest: false, startDateTime: iso(a.start), endDateTime: iso(end), caller, callee,
    ...(failureInfo ? { failureInfo } : {}),
    segments: [{
      id: sessionId, startDateTime: iso(a.start), endDateTime: iso(end), caller, callee,
      ...(failureInfo ? { failureInfo } : {}),
      media: [{ label: 'main-audio', callerNetwork, calleeNetwork, streams }],
    }],
  };
  return {
    id: a.id, version: 1, type: 'peerToPeer', modalities: ['audio'],
    lastModifiedDateTime: iso(end + rng.int(300, 2700) * 1000),
    startDateTime: iso(a.start), endDateTime: iso(end),
    organizer_v2: { id: a.user.id, identity: { user: { id: a.user.id, displayName: a.user.displayName, tenantId } } },
    sessions: [session],
  };
}
