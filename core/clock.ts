/** The one source of "now": injected everywhere so tests and the demo run on a fixed date. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock frozen at `iso` (or advanced by hand with `set`). */
export function fixedClock(iso: string): Clock & { set(iso: string): void } {
  let t = new Date(iso);
  if (Number.isNaN(t.getTime())) throw new RangeError(`fixedClock: not a date: ${iso}`);
  return {
    now: () => new Date(t.getTime()),
    set(next: string) {
      t = new Date(next);
    },
  };
}
