import { describe, expect, it } from 'vitest';
import { captureStatusOf, firstGap } from '../../ingest/deadline.js';

const DAY = 86_400_000;
const now = new Date('2026-11-28T00:00:00Z');
const t = (daysAgo: number) => now.getTime() - daysAgo * DAY;

describe('capture deadline watch', () => {
  it('finds the first uncovered instant', () => {
    expect(firstGap([{ start: 0, end: 10 }, { start: 10, end: 20 }], 0, 20)).toBeNull();
    expect(firstGap([{ start: 0, end: 10 }, { start: 12, end: 20 }], 0, 20)).toBe(10);
    expect(firstGap([{ start: 5, end: 20 }], 0, 20)).toBe(0);
    expect(firstGap([{ start: 0, end: 8 }], 0, 20)).toBe(8);
  });

  it('says ok when everything retrievable is captured', () => {
    const s = captureStatusOf('callRecords', [{ start: t(29.99), end: t(0) }], '2026-11-28T00:00:00Z', now, { retentionDays: 30, marginDays: 7 });
    expect(s).toMatchObject({ level: 'ok', oldestUncaptured: null, daysLeft: null });
  });

  it('warns with days left when an old window was missed, and when nothing was ever captured', () => {
    const gap = [{ start: t(29.99), end: t(25) }, { start: t(20), end: t(0) }];
    const s = captureStatusOf('callRecords', gap, null, now, { retentionDays: 30, marginDays: 7 });
    expect(s.level).toBe('warn');
    expect(s.daysLeft).toBe(5);
    expect(s.oldestUncaptured).toBe(new Date(t(25)).toISOString());
    const never = captureStatusOf('signIns', [], null, now, { retentionDays: 7, marginDays: 2 });
    expect(never).toMatchObject({ level: 'warn', daysLeft: 0.1 });
  });

  it('does not count the newest hours, which the next run fetches', () => {
    const s = captureStatusOf('pstnCalls', [{ start: t(27.99), end: t(0.05) }], null, now, { retentionDays: 28, marginDays: 7 });
    expect(s.level).toBe('ok');
  });
});
