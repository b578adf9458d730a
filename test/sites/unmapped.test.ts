import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../core/db.js';
import { formatUnmapped, unmappedSubnets } from '../../sites/unmapped.js';
import { memoryDb } from './fixtures.js';

let db: Db;
beforeEach(async () => {
  db = await memoryDb();
  await db.exec(`CREATE SCHEMA IF NOT EXISTS marts;
    CREATE TABLE marts.setup_attempts (attempt_id VARCHAR, attempt_ts TIMESTAMPTZ, user_p VARCHAR, site VARCHAR, site_subnet VARCHAR, site_match VARCHAR, is_failure BOOLEAN);`);
  // 12 attempts from 10.9.9.0 (3 failures, 2 users), 9 from 10.8.8.0, 15 mapped ones, 11 outside the window
  await db.exec(`
    INSERT INTO marts.setup_attempts SELECT 'a' || i, TIMESTAMPTZ '2026-03-10 00:00:00+00' + INTERVAL (i) HOUR, 'u' || (i % 2), 'unmapped:10.9.9.0', '10.9.9.0', 'none', i < 3 FROM range(12) t(i);
    INSERT INTO marts.setup_attempts SELECT 'b' || i, TIMESTAMPTZ '2026-03-10 00:00:00+00', 'u1', 'unmapped:10.8.8.0', '10.8.8.0', 'none', true FROM range(9) t(i);
    INSERT INTO marts.setup_attempts SELECT 'c' || i, TIMESTAMPTZ '2026-03-10 00:00:00+00', 'u1', 'EMEA/DE/BER', '10.1.0.0', 'subnet', true FROM range(15) t(i);
    INSERT INTO marts.setup_attempts SELECT 'd' || i, TIMESTAMPTZ '2026-01-01 00:00:00+00', 'u1', 'unmapped:10.7.7.0', '10.7.7.0', 'none', true FROM range(11) t(i);`);
});
afterEach(() => db.close());

describe('unmappedSubnets', () => {
  it('lists subnets with at least N unmapped attempts in the window, with attempt and failure counts', async () => {
    const rows = await unmappedSubnets(db, { from: new Date('2026-03-01T00:00:00Z'), to: new Date('2026-03-29T00:00:00Z'), min: 10 });
    expect(rows).toEqual([{ subnet: '10.9.9.0', attempts: 12, failures: 3, users: 2, first_seen: '2026-03-10T00:00:00Z', last_seen: '2026-03-10T11:00:00Z' }]);
    const low = await unmappedSubnets(db, { from: new Date('2026-03-01T00:00:00Z'), to: new Date('2026-03-29T00:00:00Z'), min: 1 });
    expect(low.map((r) => [r.subnet, r.attempts, r.failures])).toEqual([['10.9.9.0', 12, 3], ['10.8.8.0', 9, 9]]);
    expect(formatUnmapped(low).split('\n')[1]).toMatch(/^10\.9\.9\.0\s+12\s+3\s+2\s+2026-03-10T11:00:00Z$/);
  });
});
