import { describe, expect, it } from 'vitest';
import { generateTenant } from '../../../demo/tenant/index.js';
import { callRecordSchema, directRoutingLogRowSchema, pstnCallLogRowSchema, signInSchema } from '../../../ingest/graph/schemas.js';
import { UsageError } from '../../../core/errors.js';
import { indexTenant } from './tenantIndex.js';

const OPTS = { seed: 7, users: 100, days: 14 };
const t = generateTenant(OPTS);
const startMs = Date.parse(t.options.end) - OPTS.days * 86_400_000;
const endMs = Date.parse(t.options.end);

describe('generateTenant: determinism', () => {
  it('gives byte-identical JSON for the same options', () => {
    expect(JSON.stringify(generateTenant(OPTS))).toBe(JSON.stringify(t));
  });
  it('differs for another seed', () => {
    const other = generateTenant({ ...OPTS, seed: 8 });
    expect(other.tenantId).not.toBe(t.tenantId);
    expect(JSON.stringify(other.callRecords)).not.toBe(JSON.stringify(t.callRecords));
  });
  it('rejects bad options', () => {
    expect(() => generateTenant({ users: 5 })).toThrow(UsageError);
    expect(() => generateTenant({ days: 3 })).toThrow(UsageError);
    expect(() => generateTenant({ end: 'tomorrow' })).toThrow(UsageError);
  });
});

describe('generateTenant: Graph shapes', () => {
  it('produces every kind of object', () => {
    expect(t.callRecords.length).toBeGreaterThan(500);
    expect(t.directRoutingCalls.length).toBeGreaterThan(100);
    expect(t.pstnCalls.length).toBeGreaterThan(50);
    expect(t.signIns.length).toBeGreaterThan(1000);
  });
  it('passes the ingest zod schemas', () => {
    for (const r of t.callRecords) expect(callRecordSchema.safeParse(r).success).toBe(true);
    for (const r of t.directRoutingCalls) expect(directRoutingLogRowSchema.safeParse(r).success).toBe(true);
    for (const r of t.pstnCalls) expect(pstnCallLogRowSchema.safeParse(r).success).toBe(true);
    for (const r of t.signIns) expect(signInSchema.safeParse(r).success).toBe(true);
  });
  it('keeps timestamps ISO with Z and inside the period', () => {
    const starts = [...t.callRecords.map((r) => r.startDateTime), ...t.directRoutingCalls.map((r) => r.startDateTime),
      ...t.pstnCalls.map((r) => r.startDateTime), ...t.signIns.map((r) => r.createdDateTime)];
    for (const s of starts) {
      expect(s).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
      expect(Date.parse(s)).toBeGreaterThanOrEqual(startMs);
      expect(Date.parse(s)).toBeLessThan(endMs);
    }
  });
  it('gives every DR row a call record with id === correlationId and the same start', () => {
    const byId = new Map(t.callRecords.map((r) => [r.id, r]));
    expect(byId.size).toBe(t.callRecords.length);
    for (const dr of t.directRoutingCalls) {
      const r = byId.get(dr.correlationId ?? '');
      expect(r).toBeDefined();
      expect(r?.startDateTime).toBe(dr.inviteDateTime);
      const role = r?.sessions?.[0]?.[dr.callType === 'ByotOut' ? 'callee' : 'caller']?.userAgent?.role;
      expect(role).toBe('mediationServer');
    }
  });
  it('lets PSTN rows join their call record on organizer and start time', () => {
    const key = new Set(t.callRecords.map((r) => `${r.organizer_v2?.id}|${r.startDateTime}`));
    for (const p of t.pstnCalls) expect(key.has(`${p.userId}|${p.startDateTime}`)).toBe(true);
    expect(new Set(t.pstnCalls.map((p) => p.operator))).toContain('Microsoft');
    expect([...new Set(t.pstnCalls.map((p) => p.operator))].some((o) => o !== 'Microsoft')).toBe(true);
  });
  it('follows the DR success / failure conventions', () => {
    for (const dr of t.directRoutingCalls) {
      if (dr.successfulCall) {
        expect([dr.finalSipCode, dr.callEndSubReason, dr.finalSipCodePhrase, dr.failureDateTime]).toEqual([0, 540000, 'BYE', '0001-01-01T00:00:00Z']);
      } else {
        expect(dr.finalSipCode).toBeGreaterThanOrEqual(400);
        expect(dr.failureDateTime).not.toBe('0001-01-01T00:00:00Z');
      }
    }
  });
  it('starts every failure reason with its SIP code', () => {
    const failed = t.callRecords.flatMap((r) => r.sessions ?? []).filter((s) => s.failureInfo);
    expect(failed.length).toBeGreaterThan(10);
    for (const s of failed) {
      expect(s.failureInfo?.stage).toBe('callSetup');
      expect(s.failureInfo?.reason).toMatch(/^[3-6]\d\d [A-Z]/);
    }
  });
  it('masks only the last digits of DE and FR far-end numbers', () => {
    const numbers = [...t.directRoutingCalls, ...t.pstnCalls].flatMap((r) => [r.callerNumber ?? '', r.calleeNumber ?? '']);
    const masked = numbers.filter((n) => n.includes('*'));
    expect(masked.length).toBeGreaterThan(0);
    for (const n of masked) expect(n).toMatch(/^\+(49\d+\*\*\*|33\d+\*\*\*\*|31\d+\*\*\*|41\d+\*\*\*\*|39\d+\*\*\*|34\d+\*\*\*)$/);
    for (const n of numbers.filter((x) => x.startsWith('+1') || x.startsWith('+44'))) expect(n).not.toContain('*');
  });
});

describe('generateTenant: realism', () => {
  const sides = indexTenant(t);
  it('keeps normal failures at a few percent in the baseline', () => {
    const firstWeek = t.callRecords.filter((r) => Date.parse(r.startDateTime) < startMs + 7 * 86_400_000);
    const rate = firstWeek.filter((r) => r.sessions?.[0]?.failureInfo).length / firstWeek.length;
    expect(rate).toBeGreaterThan(0.02);
    expect(rate).toBeLessThan(0.1);
  });
  it('maps most traffic to buildings, some to the VPN row, a little to nothing', () => {
    const all = [...sides.values()];
    const unmapped = all.filter((s) => s.site.startsWith('unmapped:')).length / all.length;
    expect(unmapped).toBeGreaterThan(0);
    expect(unmapped).toBeLessThan(0.12);
    expect(all.filter((s) => s.site.startsWith('EMEA/')).length).toBeGreaterThan(all.length / 5);
  });
  it('has IP phones with a parseable SIP Gateway header', () => {
    const phones = [...sides.values()].filter((s) => s.platform === 'ipPhone');
    expect(phones.length).toBeGreaterThan(0);
    for (const p of phones) expect(p.build).toMatch(/^sipDevice\/[^/]+\/[\d.]+$/);
  });
  it('rolls the newest Windows build out over the period', () => {
    const newest = 'teams/windows/24277.3502.3201.2103';
    const share = (from: number, to: number): number => {
      const win = t.callRecords.filter((r) => { const s = Date.parse(r.startDateTime); return s >= from && s < to; })
        .map((r) => sides.get(r.id)).filter((s) => s?.platform === 'windows');
      return win.filter((s) => s?.build === newest).length / Math.max(1, win.length);
    };
    expect(share(startMs, startMs + 2 * 86_400_000)).toBeLessThan(0.2);
    expect(share(endMs - 3 * 86_400_000, endMs)).toBeGreaterThan(0.5);
  });
  it('uses the Teams app ids and matching operating systems in sign-ins', () => {
    for (const s of t.signIns) {
      expect(['1fec8e78-bce4-4aaf-ab1b-5451cc387264', '5e3ce6c0-2b1f-4285-8d4b-75ee78787346']).toContain(s.appId);
      expect(s.clientAppUsed).toBe(s.appId === '5e3ce6c0-2b1f-4285-8d4b-75ee78787346' ? 'Browser' : 'Mobile Apps and Desktop clients');
    }
    const failing = t.signIns.filter((s) => s.status.errorCode !== 0 && s.status.errorCode !== 53003).length / t.signIns.length;
    expect(failing).toBeGreaterThan(0);
    expect(failing).toBeLessThan(0.05);
  });
});
