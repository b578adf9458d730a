import { describe, expect, it } from 'vitest';
import {
  createGraphRateLimits,
  createRateLimiter,
  GRAPH_LIMITS,
  limitFamilyOf,
  mapConcurrent,
  type LimiterClock,
} from '../../../ingest/graph/rateLimiter.js';

/** A fake clock: sleep() resolves only when advance() passes its due time. */
function fakeClock(): LimiterClock & { advance(ms: number): Promise<void> } {
  let t = 0;
  let sleepers: { due: number; resolve: () => void }[] = [];
  const flush = async () => {
    for (let i = 0; i < 20; i++) await Promise.resolve();
  };
  return {
    now: () => t,
    sleep: (ms) => new Promise<void>((resolve) => sleepers.push({ due: t + ms, resolve })),
    async advance(ms) {
      t += ms;
      const due = sleepers.filter((s) => s.due <= t);
      sleepers = sleepers.filter((s) => s.due > t);
      for (const s of due) s.resolve();
      await flush();
    },
  };
}

async function settle() {
  for (let i = 0; i < 50; i++) await Promise.resolve();
}

describe('createRateLimiter', () => {
  it('grants `requests` at once, then one more each time the oldest grant leaves the window', async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ requests: 5, perMs: 10_000, clock });
    const granted: number[] = [];
    for (let i = 0; i < 8; i++) void limiter.acquire().then(() => granted.push(i));
    await settle();
    expect(granted).toEqual([0, 1, 2, 3, 4]);
    await clock.advance(9_999);
    expect(granted).toHaveLength(5);
    await clock.advance(1);
    expect(granted).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(limiter.inWindow()).toBe(3); // the first five left the window at t = 10 s
  });

  it('never exceeds the limit in any window (sliding, not fixed buckets)', async () => {
    const clock = fakeClock();
    const { requests, perMs } = GRAPH_LIMITS.pstnCallLogs;
    const limiter = createRateLimiter({ requests, perMs, clock });
    const times: number[] = [];
    for (let i = 0; i < 650; i++) void limiter.acquire().then(() => times.push(clock.now()));
    for (let step = 0; step < 400 && times.length < 650; step++) await clock.advance(500);
    expect(times).toHaveLength(650);
    for (let i = requests; i < times.length; i++) expect((times[i] ?? 0) - (times[i - requests] ?? 0)).toBeGreaterThanOrEqual(perMs);
  });

  it('grants in arrival order', async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ requests: 1, perMs: 100, clock });
    const order: string[] = [];
    void limiter.acquire().then(() => order.push('a'));
    void limiter.acquire().then(() => order.push('b'));
    void limiter.acquire().then(() => order.push('c'));
    await settle();
    await clock.advance(100);
    await clock.advance(100);
    expect(order).toEqual(['a', 'b', 'c']);
  });

  it('rejects nonsense limits', () => {
    expect(() => createRateLimiter({ requests: 0, perMs: 1000 })).toThrow(RangeError);
    expect(() => createRateLimiter({ requests: 1, perMs: 0 })).toThrow(RangeError);
  });
});

describe('mapConcurrent', () => {
  it('keeps at most n in flight and returns results in input order', async () => {
    let inFlight = 0;
    let peak = 0;
    const out = await mapConcurrent([5, 1, 4, 2, 3, 0, 6], 3, async (x, i) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      for (let k = 0; k < x * 3; k++) await Promise.resolve();
      inFlight--;
      return `${i}:${x}`;
    });
    expect(out).toEqual(['0:5', '1:1', '2:4', '3:2', '4:3', '5:0', '6:6']);
    expect(peak).toBe(3);
  });

  it('stops starting work after the first failure and rethrows it', async () => {
    const started: number[] = [];
    await expect(
      mapConcurrent([0, 1, 2, 3, 4, 5], 2, async (x) => {
        started.push(x);
        await Promise.resolve();
        if (x === 1) throw new Error('boom');
        return x;
      }),
    ).rejects.toThrow('boom');
    expect(started.length).toBeLessThan(6);
  });

  it('handles empty input', async () => {
    expect(await mapConcurrent([], 4, async () => 1)).toEqual([]);
  });
});

describe('Graph limit families', () => {
  it('maps request URLs to the published limit they count against', () => {
    const g = 'https://graph.microsoft.com/v1.0';
    expect(limitFamilyOf(`${g}/communications/callRecords?$filter=startDateTime ge 2026-05-01T00:00:00Z`)).toBe('callRecords');
    expect(limitFamilyOf(`${g}/communications/callRecords/abc?$expand=sessions($expand=segments)`)).toBe('callRecords');
    expect(limitFamilyOf(`${g}/communications/callRecords('abc')/sessions?$skiptoken=x`)).toBe('callRecords');
    expect(limitFamilyOf(`${g}/communications/callRecords/getPstnCalls(fromDateTime=2026-05-01,toDateTime=2026-05-02)`)).toBe('pstnCallLogs');
    expect(limitFamilyOf(`${g}/communications/callRecords/microsoft.graph.callRecords.getDirectRoutingCalls(fromDateTime=2026-05-01,toDateTime=2026-05-02)?$skip=1000`)).toBe('pstnCallLogs');
    expect(limitFamilyOf('https://graph.microsoft.com/beta/auditLogs/signIns?$top=1000')).toBe('signIns');
    expect(limitFamilyOf(`${g}/me`)).toBeUndefined();
  });

  it('paces each family on its own limiter', async () => {
    const clock = fakeClock();
    const limits = createGraphRateLimits({ signIns: { requests: 1, perMs: 10_000 } }, clock);
    const done: string[] = [];
    const g = 'https://graph.microsoft.com/v1.0';
    void limits.acquireFor(`${g}/auditLogs/signIns`).then(() => done.push('s1'));
    void limits.acquireFor(`${g}/auditLogs/signIns`).then(() => done.push('s2'));
    void limits.acquireFor(`${g}/communications/callRecords`).then(() => done.push('cr'));
    await settle();
    expect(done.sort()).toEqual(['cr', 's1']);
    await clock.advance(10_000);
    expect(done).toContain('s2');
  });
});
