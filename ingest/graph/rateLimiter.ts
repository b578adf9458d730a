/**
 * Client-side pacing under Graph's published limits: a sliding-window limiter (at most `requests`
 * grants in any `perMs` window, granted first come first served) and a bounded-concurrency map.
 * Pure apart from the injected clock, so tests drive it with a fake one.
 */

export interface LimiterClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemLimiterClock: LimiterClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** Published per-app-per-tenant limits (learn.microsoft.com/graph/throttling-limits). */
export const GRAPH_LIMITS = {
  /** Call records: 1,500 requests / 20 s per application per tenant. */
  callRecords: { requests: 1500, perMs: 20_000 },
  /** PSTN / Direct Routing call logs: 200 requests / 60 s per application per tenant. */
  pstnCallLogs: { requests: 200, perMs: 60_000 },
  /** Identity and access reports (sign-ins): 5 requests / 10 s per application per tenant. */
  signIns: { requests: 5, perMs: 10_000 },
} as const;

export interface RateLimiter {
  /** Resolves when one more request may go out. */
  acquire(): Promise<void>;
  /** Grants in the current window (for logs and tests). */
  inWindow(): number;
}

export function createRateLimiter(opts: { requests: number; perMs: number; clock?: LimiterClock }): RateLimiter {
  const { requests, perMs } = opts;
  if (!Number.isInteger(requests) || requests < 1) throw new RangeError(`rate limiter: requests must be a positive integer, got ${requests}`);
  if (!(perMs > 0)) throw new RangeError(`rate limiter: perMs must be positive, got ${perMs}`);
  const clock = opts.clock ?? systemLimiterClock;
  /** Grant times, oldest first; `head` skips expired ones without shifting the array each time. */
  let grants: number[] = [];
  let head = 0;
  let tail: Promise<void> = Promise.resolve();

  const expire = (t: number) => {
    while (head < grants.length && (grants[head] ?? 0) <= t - perMs) head++;
    if (head > 1024 && head * 2 > grants.length) {
      grants = grants.slice(head);
      head = 0;
    }
  };

  const grant = async () => {
    for (;;) {
      const t = clock.now();
      expire(t);
      if (grants.length - head < requests) {
        grants.push(t);
        return;
      }
      await clock.sleep((grants[head] ?? t) + perMs - t);
    }
  };

  return {
    acquire() {
      const p = tail.then(grant);
      tail = p.catch(() => undefined);
      return p;
    },
    inWindow() {
      expire(clock.now());
      return grants.length - head;
    },
  };
}

/**
 * `fn` over `items` with at most `n` calls in flight; results in input order. On the first failure no
 * new calls start, the running ones are awaited, and the first error is thrown.
 */
export async function mapConcurrent<T, R>(items: readonly T[], n: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`mapConcurrent: n must be a positive integer, got ${n}`);
  const results = new Array<R>(items.length);
  let next = 0;
  let failed: { error: unknown } | undefined;
  const worker = async () => {
    while (!failed && next < items.length) {
      const i = next++;
      try {
        results[i] = await fn(items[i] as T, i);
      } catch (error) {
        failed ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, worker));
  if (failed) throw failed.error;
  return results;
}

export type GraphLimitFamily = keyof typeof GRAPH_LIMITS;
export type GraphRateLimits = Partial<Record<GraphLimitFamily, { requests: number; perMs: number }>>;

/** Which published limit a Graph request URL counts against (undefined: none we pace). */
export function limitFamilyOf(url: string): GraphLimitFamily | undefined {
  const path = url.replace(/^https?:\/\/[^/]+/, '').split('?')[0] ?? '';
  if (/\/communications\/callRecords\/(microsoft\.graph\.callRecords\.)?get(DirectRouting|Pstn)Calls\(/.test(path)) return 'pstnCallLogs';
  if (/\/communications\/callRecords(\/|\(|$)/.test(path)) return 'callRecords';
  if (/\/auditLogs\/signIns$/.test(path)) return 'signIns';
  return undefined;
}

/** One limiter per configured family; `acquireFor(url)` waits on the right one (or not at all). */
export function createGraphRateLimits(limits: GraphRateLimits, clock?: LimiterClock): { acquireFor(url: string): Promise<void> } {
  const limiters = new Map<GraphLimitFamily, RateLimiter>();
  const families: GraphLimitFamily[] = ['callRecords', 'pstnCallLogs', 'signIns'];
  for (const family of families) {
    const limit = limits[family];
    if (limit) limiters.set(family, createRateLimiter({ ...limit, ...(clock ? { clock } : {}) }));
  }
  return {
    acquireFor(url) {
      const family = limitFamilyOf(url);
      const limiter = family === undefined ? undefined : limiters.get(family);
      return limiter ? limiter.acquire() : Promise.resolve();
    },
  };
}
