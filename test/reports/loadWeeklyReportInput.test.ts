import { afterEach, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../core/db.js';
import { migrate } from '../../core/migrate.js';
import { parseIsoWeek } from '../../reports/isoWeek.js';
import { loadWeeklyReportInput } from '../../reports/loadWeeklyReportInput.js';
import { fakePatterns } from './fixtures.js';
import { fillReportStore } from './storeFixture.js';

let db: Db | undefined;
afterEach(() => db?.close());

describe('loadWeeklyReportInput', () => {
  it('queries the marts for the week with bound parameters and validated rows', async () => {
    db = await openDb(':memory:');
    await migrate(db);
    await fillReportStore(db);
    const week = parseIsoWeek('2026-W47', 'UTC');
    const input = await loadWeeklyReportInput(db, { week, timezone: 'UTC', now: new Date('2026-11-23T07:00:00Z'), patterns: fakePatterns(), minUnmappedAttempts: 5 });
    expect(input.window).toEqual({ from: '2026-11-16T00:00:00.000Z', to: '2026-11-23T00:00:00.000Z' });
    expect(input.headline.map((h) => h.period)).toEqual(['current', 'previous']);
    const cur = input.headline[0];
    expect(cur?.attempts).toBeGreaterThan(10_000);
    expect(cur?.failures).toBeGreaterThan(0);
    // 28 baseline days + 7 window days, in order.
    expect(input.daily).toHaveLength(35);
    expect(input.daily[0]?.day).toBe('2026-10-19');
    expect(input.daily.at(-1)?.day).toBe('2026-11-22');
    expect(input.builds.every((b) => b.day >= '2026-11-09' && b.day < '2026-11-23')).toBe(true);
    expect(input.heat.some((h) => h.site.includes('<script>'))).toBe(true);
    expect(input.carriers.every((c) => c.carrier_path !== 'none')).toBe(true);
    expect(new Set(input.layers.map((l) => l.layer))).toEqual(new Set(['direct_routing', 'client_sign_in']));
    expect(input.unmapped).toEqual([expect.objectContaining({ site: 'unmapped:10.9.8.0/24' })]);
    expect(input.capture.map((c) => c.source)).toEqual(['callRecords', 'directRoutingCalls', 'pstnCalls', 'signIns']);
  });
});
