import { describe, expect, it } from 'vitest';
import { callRecordSchema, directRoutingLogRowSchema, signInSchema } from '../../../ingest/graph/schemas.js';
import { createPseudonymizer } from '../../../ingest/pseudonymizer.js';
import type { MapContext } from '../../../ingest/rows/context.js';
import { isIPv4 } from 'node:net';
import { ipPrefix } from '../../../ingest/rows/ipPrefix.js';
import { mapCallRecord } from '../../../ingest/rows/mapCallRecord.js';
import { mapDirectRouting } from '../../../ingest/rows/mapDirectRouting.js';
import { mapSignIn } from '../../../ingest/rows/mapSignIn.js';
import { phoneFacts } from '../../../ingest/rows/phone.js';

const ctx = (): MapContext => ({ p: createPseudonymizer(Buffer.alloc(32, 7)), runId: 'r1', source: 'graph', ingestedAt: '2026-11-01T00:00:00Z' });

const user = { id: '821809f5-0000-0000-0000-3b5136c0e777', displayName: 'Abbie Wilkins', userPrincipalName: 'Abbie.Wilkins@contoso.com' };
const participant = {
  '@odata.type': '#microsoft.graph.callRecords.participantEndpoint',
  name: 'LAPTOP-ABBIE',
  associatedIdentity: user,
  userAgent: { '@odata.type': '#microsoft.graph.callRecords.clientUserAgent', platform: 'macOS', productFamily: 'teams', applicationVersion: '24215.1007.3082.1590' },
};
const service = { '@odata.type': '#microsoft.graph.callRecords.serviceEndpoint', userAgent: { '@odata.type': '#microsoft.graph.callRecords.serviceUserAgent', role: 'mediationServer' } };
const session = {
  id: 's1',
  modalities: ['audio'],
  caller: participant,
  callee: service,
  failureInfo: { stage: 'callSetup', reason: '401 Unauthorized' },
  segments: [{ id: 'g1', media: [{ label: 'main-audio', callerNetwork: { ipAddress: '10.150.3.77', subnet: '10.150.3.0', connectionType: 'wifi' } }] }],
};
const record = callRecordSchema.parse({
  id: 'rec-1', version: 2, type: 'peerToPeer', modalities: ['audio'], startDateTime: '2026-11-01T10:00:00Z', endDateTime: '2026-11-01T10:01:00Z',
  sessions: [session, session],
});

describe('row mappers', () => {
  it('flattens a call record, de-duplicates repeated sessions, and keeps no clear EUII', () => {
    const c = ctx();
    const m = mapCallRecord(record, c);
    expect(m.sessions).toHaveLength(1);
    const s = m.sessions[0]!;
    expect(s.caller_platform).toBe('macOS');
    expect(s.caller_subnet).toBe('10.150.3.0');
    expect(s.caller_ip_prefix).toBe('10.150.3.64');
    expect(s.failure_reason).toBe('401 Unauthorized');
    expect(s.callee_kind).toBe('service');
    expect(JSON.stringify(m)).not.toMatch(/abbie|10\.150\.3\.77|LAPTOP/i);
    const vault = c.p.drain();
    expect(vault.map((v) => v.kind).sort()).toEqual(['device', 'ip', 'upn']);
    expect(vault.find((v) => v.kind === 'upn')?.clear).toBe('abbie.wilkins@contoso.com');
  });

  it('gives the same user the same pseudonym across sources (UPN case-insensitive)', () => {
    const c = ctx();
    const s = mapCallRecord(record, c).sessions[0]!;
    const dr = mapDirectRouting(
      directRoutingLogRowSchema.parse({ id: 'd1', userPrincipalName: 'abbie.wilkins@CONTOSO.com', startDateTime: '2026-11-01T10:00:00Z', calleeNumber: '+4930123456***', failureDateTime: '0001-01-01T00:00:00Z', trunkFullyQualifiedDomainName: 'SBC1.Contoso.com' }),
      c,
    );
    expect(dr.user_p).toBe(s.caller_user_p);
    expect(dr.callee_country).toBe('DE');
    expect(dr.number_masked).toBe(true);
    expect(dr.failure_ts).toBeNull();
    expect(dr.trunk_fqdn).toBe('sbc1.contoso.com');
  });

  it('maps a sign-in failure with its error code and IP prefix only', () => {
    const c = ctx();
    const row = mapSignIn(
      signInSchema.parse({ id: 'x', createdDateTime: '2026-11-01T09:59:00Z', userPrincipalName: user.userPrincipalName, ipAddress: '203.0.113.77', status: { errorCode: 53003, failureReason: 'Blocked by CA' }, conditionalAccessStatus: 'failure' }),
      c,
    );
    expect(row.error_code).toBe(53003);
    expect(row.ip_prefix).toBe('203.0.113.64');
    expect(String(row.ip_p)).toMatch(/^ip_/);
  });

  it('derives phone countries from E.164 prefixes, masked or not', () => {
    expect(phoneFacts('+14165550123')).toEqual({ country: 'CA', masked: false });
    expect(phoneFacts('+33 1 23 45 6****').country).toBe('FR');
    expect(phoneFacts('4711')).toEqual({ country: null, masked: false });
  });

  it('keeps an IPv4 /28 and an IPv6 /64', () => {
    expect(ipPrefix('192.168.1.200')).toBe('192.168.1.192');
    expect(ipPrefix('2001:db8:0:12::5')).toBe('2001:db8:0:12::');
    expect(ipPrefix('not-an-ip')).toBeNull();
    // IPv4 is what node:net's isIPv4 accepts: no leading zeros, parts up to 255, four parts.
    for (const ip of ['0.0.0.0', '255.255.255.255', ' 10.1.2.31 ', '10.1.2.47']) expect(ipPrefix(ip), ip).toBe(isIPv4(ip.trim()) ? ip.trim().replace(/\.(\d+)$/, (_m, d: string) => `.${Number(d) & 0xf0}`) : null);
    for (const ip of ['01.2.3.4', '256.1.1.1', '1.2.3', '1.2.3.4.5', '1.2.3.-4', '1.2.3.4/24']) expect([ip, isIPv4(ip), ipPrefix(ip)]).toEqual([ip, false, null]);
    expect(ipPrefix('::ffff:10.1.2.200')).toBe('0:0:0:0::');
  });
});
