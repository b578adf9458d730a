/** Fault injection for the emulator: queued faults first, then an optional seeded random mode. */
import type { FaultControl, FaultKind, RouteName } from './types.js';
import { mulberry32 } from '../tenant/prng.js';

export interface Fault {
  kind: FaultKind;
  /** Seconds for the Retry-After header; undefined sends none. */
  retryAfterS: number | undefined;
  /** Only requests to this route take the fault. */
  route?: RouteName;
}

export interface FaultState extends FaultControl {
  /** The fault for the next Graph request to `route`, if any (consumes it). */
  take(route: RouteName): Fault | undefined;
  /** Incremented by expireTokens(); tokens carry the epoch they were issued in. */
  readonly tokenEpoch: number;
}


export function createFaults(): FaultState {
  const queue: Fault[] = [];
  let epoch = 0;
  let random: { next: () => number; probability: number; kinds: FaultKind[]; retryAfterS: number } | undefined;
  const push = (kind: FaultKind, n: number, retryAfterS: number | undefined, route: RouteName | undefined) => {
    for (let i = 0; i < n; i++) queue.push(route === undefined ? { kind, retryAfterS } : { kind, retryAfterS, route });
  };
  return {
    get tokenEpoch() {
      return epoch;
    },
    throttleNext: (n, retryAfterS, route) => push('throttle', n, retryAfterS, route),
    unavailableNext: (n, retryAfterS, route) => push('unavailable', n, retryAfterS, route),
    corruptNext: (n, route) => push('corrupt', n, undefined, route),
    expireTokens() {
      epoch += 1;
    },
    random(opts) {
      random =
        opts.probability > 0
          ? {
              next: mulberry32(opts.seed),
              probability: opts.probability,
              kinds: opts.kinds ?? ['throttle', 'unavailable'],
              retryAfterS: opts.retryAfterS ?? 0,
            }
          : undefined;
    },
    reset() {
      queue.length = 0;
      random = undefined;
    },
    take(route) {
      const at = queue.findIndex((f) => f.route === undefined || f.route === route);
      if (at >= 0) return queue.splice(at, 1)[0];
      if (!random || random.kinds.length === 0) return undefined;
      if (random.next() >= random.probability) return undefined;
      const kind = random.kinds[Math.floor(random.next() * random.kinds.length)] ?? 'throttle';
      return { kind, retryAfterS: random.retryAfterS };
    },
  };
}
