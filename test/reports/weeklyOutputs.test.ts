import { describe, expect, it } from 'vitest';
import { buildWeeklyReport } from '../../reports/buildWeeklyReport.js';
import { weeklyJson } from '../../reports/weeklyJson.js';
import { weeklyMarkdown } from '../../reports/weeklyMarkdown.js';
import { EVIL, fakeInput, fakePatterns } from './fixtures.js';
import { expectGolden } from './golden.js';

describe('weekly Markdown and JSON', () => {
  const report = buildWeeklyReport(fakeInput());

  it('Markdown matches its golden file', () => {
    expectGolden('weekly-2026-W47.md', weeklyMarkdown(report));
  });

  it('JSON matches its golden file', () => {
    expectGolden('weekly-2026-W47.json', weeklyJson(report));
  });

  it('headline compares with the previous week', () => {
    const failures = report.headline.find((h) => h.key === 'failures');
    expect(failures).toMatchObject({ current: 1150, previous: 900, change: 0.278 });
  });

  it('clusters carry layer, origin, code meanings and what to check first', () => {
    const [first, second] = report.clusters;
    expect(first?.layer).toBe('client_sign_in');
    expect(first?.check.steps.join(' ')).toMatch(/Conditional Access/);
    expect(second?.origin).toBe('sbc');
    expect(second?.codes.find((c) => c.code === '560407')?.meaning).toBe('from the SBC: SIP 407 Proxy Authentication Required');
    expect(second?.check.steps.join(' ')).toMatch(/SBC logs/);
  });

  it('computes the trend against the previous week when given', () => {
    const prev = fakePatterns();
    prev.clusters = prev.clusters.slice(0, 2).map((c, i) => ({ ...c, failures: i === 0 ? 100 : 150 }));
    const r = buildWeeklyReport({ ...fakeInput(), previousPatterns: prev });
    expect(r.clusters.map((c) => c.trend)).toEqual(['growing', 'steady', 'new']);
    expect(r.headline.find((h) => h.key === 'clusters')?.previous).toBe(2);
  });

  it('shows pseudonyms unless revealed', () => {
    expect(weeklyMarkdown(report)).toContain('u_3f9a1c0d');
    const r = buildWeeklyReport({ ...fakeInput(), revealed: new Map([['u_3f9a1c0d', 'ann@contoso.com']]) });
    expect(r.pseudonymised).toBe(false);
    expect(r.single_users[0]?.user).toBe('ann@contoso.com');
  });

  it('escapes tenant names in Markdown', () => {
    const md = weeklyMarkdown(report);
    expect(md).not.toContain(EVIL);
    expect(md).not.toContain('<script>');
    expect(md).toContain('&lt;script&gt;');
  });
});
