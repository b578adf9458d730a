import { describe, expect, it } from 'vitest';
import { generateTenant } from '../../../demo/tenant/index.js';
import type { DirectRoutingLogRow } from '../../../ingest/graph/schemas.js';
import { indexTenant } from './tenantIndex.js';

const DAY = 86_400_000;
const t = generateTenant({ seed: 3, users: 400, days: 14 });
const sides = indexTenant(t);
const endMs = Date.parse(t.options.end);
const windowStart = endMs - 7 * DAY;
const byId = new Map(t.incidents.map((i) => [i.id, i]));
const inc = (id: string) => {
  const i = byId.get(id);
  if (!i) throw new Error(`missing incident ${id}`);
  return { ...i, from: Date.parse(i.start), to: Date.parse(i.end) };
};
const at = (r: DirectRoutingLogRow): number => Date.parse(r.startDateTime);
const rate = (rows: readonly DirectRoutingLogRow[], pred: (r: DirectRoutingLogRow) => boolean): number =>
  rows.filter(pred).length / Math.max(1, rows.length);

describe('injected incidents: ground truth', () => {
  it('lists the four clusters and two decoys with ISO windows', () => {
    expect(t.incidents.map((i) => [i.id, i.expected])).toEqual([
      ['sbc-407', 'cluster'], ['site-build-401', 'cluster'], ['trunk-country-401', 'cluster'], ['signin-53003', 'cluster'],
      ['heavy-user', 'single_user'], ['elevated-site', 'not_a_pattern'],
    ]);
    const clusters = t.incidents.filter((i) => i.expected === 'cluster');
    for (const i of clusters) expect(Date.parse(i.start)).toBeGreaterThanOrEqual(windowStart);
    expect(new Set(clusters.map((i) => i.start.slice(0, 10))).size).toBe(clusters.length);
  });

  it('sbc-407: the SBC answers 560407 far above its baseline', () => {
    const i = inc('sbc-407');
    const sbc = t.directRoutingCalls.filter((r) => r.trunkFullyQualifiedDomainName === i.dimensions.sbc);
    const is407 = (r: DirectRoutingLogRow): boolean => r.finalSipCode === 407 && r.callEndSubReason === 560407;
    const inWin = sbc.filter((r) => at(r) >= i.from && at(r) < i.to);
    const base = sbc.filter((r) => at(r) < windowStart);
    expect(inWin.filter(is407).length).toBeGreaterThanOrEqual(8);
    expect(rate(inWin, is407)).toBeGreaterThan(10 * Math.max(rate(base, is407), 0.005));
    const other = t.directRoutingCalls.filter((r) => r.trunkFullyQualifiedDomainName !== i.dimensions.sbc && at(r) >= i.from && at(r) < i.to);
    expect(rate(other, is407)).toBeLessThan(0.05);
  });

  it('site-build-401: only the combination of site and build fails', () => {
    const i = inc('site-build-401');
    const { site, client_build: build } = i.dimensions;
    const win = t.directRoutingCalls.filter((r) => at(r) >= i.from && at(r) < i.to);
    const is401 = (r: DirectRoutingLogRow): boolean => r.finalSipCode === 401 && r.callEndSubReason === 0;
    const side = (r: DirectRoutingLogRow) => sides.get(r.correlationId ?? '');
    const combo = win.filter((r) => side(r)?.site === site && side(r)?.build === build);
    const sameBuildElsewhere = win.filter((r) => side(r)?.site !== site && side(r)?.build === build && side(r)?.site !== 'AMER/US/CHI-01');
    const sameSiteOtherBuild = win.filter((r) => side(r)?.site === site && side(r)?.build !== build);
    expect(combo.filter(is401).length).toBeGreaterThanOrEqual(5);
    expect(rate(combo, is401)).toBeGreaterThan(0.3);
    expect(rate(sameSiteOtherBuild, is401)).toBeLessThan(0.05);
    // the heavy user's own 401s are excluded: they are a different decoy
    const heavy = inc('heavy-user');
    expect(rate(sameBuildElsewhere.filter((r) => r.userPrincipalName !== heavy.user), is401)).toBeLessThan(0.05);
  });

  it('trunk-country-401: one trunk to one country, the rest of the trunk normal', () => {
    const i = inc('trunk-country-401');
    const [trunk, cc] = (i.dimensions.carrier_path ?? '').split('/');
    expect(cc).toBe('US');
    const out = t.directRoutingCalls.filter((r) => r.trunkFullyQualifiedDomainName === trunk && r.callType === 'ByotOut' && at(r) >= i.from && at(r) < i.to);
    const us = (r: DirectRoutingLogRow): boolean => /^\+1(206|212|312|415)/.test(r.calleeNumber ?? '');
    const is401 = (r: DirectRoutingLogRow): boolean => r.finalSipCode === 401 && r.callEndSubReason === 560401;
    expect(out.filter((r) => us(r) && is401(r)).length).toBeGreaterThanOrEqual(5);
    expect(rate(out.filter(us), is401)).toBeGreaterThan(0.5);
    expect(rate(out.filter((r) => !us(r)), is401)).toBeLessThan(0.05);
    expect(trunk).not.toBe(inc('sbc-407').dimensions.sbc);
  });

  it('signin-53003: every macOS user is blocked, and failed calls follow within minutes', () => {
    const i = inc('signin-53003');
    const blocked = t.signIns.filter((s) => s.status.errorCode === 53003);
    expect(blocked.length).toBeGreaterThan(0);
    for (const s of blocked) {
      expect(s.conditionalAccessStatus).toBe('failure');
      expect(s.deviceDetail?.operatingSystem).toBe('MacOs');
      expect(Date.parse(s.createdDateTime)).toBeGreaterThanOrEqual(i.from);
      expect(Date.parse(s.createdDateTime)).toBeLessThan(i.to);
    }
    const macUsers = new Set([...sides.values()].filter((s) => s.platform === 'macOS').map((s) => s.userId));
    const blockedUsers = new Set(blocked.map((s) => s.userId));
    for (const u of macUsers) expect(blockedUsers.has(u)).toBe(true);
    const failedMacCalls = t.callRecords.filter((r) => {
      const s = Date.parse(r.startDateTime);
      return s >= i.from && s < i.to + 15 * 60_000 && r.sessions?.[0]?.failureInfo && sides.get(r.id)?.platform === 'macOS';
    });
    expect(failedMacCalls.length).toBeGreaterThanOrEqual(3);
    const drIds = new Set(t.directRoutingCalls.map((r) => r.correlationId));
    for (const r of failedMacCalls) expect(drIds.has(r.id)).toBe(false);
  });

  it('heavy-user: 40 failures from one user only', () => {
    const i = inc('heavy-user');
    expect(i.user).toMatch(/@contoso\.com$/);
    const per = new Map<string, number>();
    for (const r of t.directRoutingCalls) {
      if (at(r) < windowStart || r.finalSipCode !== 401 || r.callEndSubReason !== 0) continue;
      per.set(r.userPrincipalName ?? '', (per.get(r.userPrincipalName ?? '') ?? 0) + 1);
    }
    expect(per.get(i.user ?? '')).toBeGreaterThanOrEqual(40);
    const others = [...per.entries()].filter(([u]) => u !== i.user).map(([, n]) => n);
    expect(Math.max(0, ...others)).toBeLessThan(10);
  });

  it('elevated-site: a steady auth failure rate, the same before and during the window', () => {
    const i = inc('elevated-site');
    const siteCalls = t.callRecords.filter((r) => sides.get(r.id)?.site === i.dimensions.site);
    const auth = (from: number, to: number): number => {
      const c = siteCalls.filter((r) => { const s = Date.parse(r.startDateTime); return s >= from && s < to; });
      return c.filter((r) => /^40[17] /.test(r.sessions?.[0]?.failureInfo?.reason ?? '')).length / Math.max(1, c.length);
    };
    const before = auth(endMs - 14 * DAY, windowStart);
    const during = auth(windowStart, endMs);
    expect(before).toBeGreaterThan(0.01);
    expect(during).toBeGreaterThan(0.01);
    expect(Math.abs(before - during)).toBeLessThan(0.04);
  });

  it('counts what it injected', () => {
    for (const i of t.incidents) expect(i.injected?.failures ?? 0).toBeGreaterThan(0);
    expect(inc('heavy-user').injected?.users).toBe(1);
  });
});
