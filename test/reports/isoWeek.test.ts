import { describe, expect, it } from 'vitest';
import { isoWeekOf, lastCompleteWeek, parseIsoWeek } from '../../reports/isoWeek.js';

describe('ISO weeks', () => {
  it('labels weeks and year boundaries', () => {
    expect(isoWeekOf(new Date('2026-11-18T12:00:00Z'), 'UTC').label).toBe('2026-W47');
    expect(isoWeekOf(new Date('2027-01-01T12:00:00Z'), 'UTC').label).toBe('2026-W53');
    expect(isoWeekOf(new Date('2024-12-30T12:00:00Z'), 'UTC').label).toBe('2025-W01');
  });

  it('parses a label into [Monday 00:00, next Monday 00:00) in the timezone', () => {
    const w = parseIsoWeek('2026-W47', 'UTC');
    expect([w.start.toISOString(), w.end.toISOString(), w.startDate]).toEqual(['2026-11-16T00:00:00.000Z', '2026-11-23T00:00:00.000Z', '2026-11-16']);
    const b = parseIsoWeek('2026-W47', 'Europe/Berlin');
    expect(b.start.toISOString()).toBe('2026-11-15T23:00:00.000Z');
    const dst = parseIsoWeek('2026-W13', 'Europe/Berlin');
    expect([dst.start.toISOString(), dst.end.toISOString()]).toEqual(['2026-03-22T23:00:00.000Z', '2026-03-29T22:00:00.000Z']);
  });

  it('the Monday-morning run reports the last complete week in the configured timezone', () => {
    expect(lastCompleteWeek(new Date('2026-11-23T07:00:00Z'), 'UTC').label).toBe('2026-W47');
    // 23:30 UTC on Sunday is already Monday in Berlin.
    expect(lastCompleteWeek(new Date('2026-11-22T23:30:00Z'), 'Europe/Berlin').label).toBe('2026-W47');
    expect(lastCompleteWeek(new Date('2026-11-22T23:30:00Z'), 'UTC').label).toBe('2026-W46');
  });

  it('rejects malformed weeks and timezones', () => {
    expect(() => parseIsoWeek('2026-47', 'UTC')).toThrow(/2026-W47/);
    expect(() => parseIsoWeek('2025-W53', 'UTC')).toThrow(/does not exist/);
    expect(() => parseIsoWeek('2026-W47', 'Mars/Base')).toThrow(/timezone/);
  });
});
