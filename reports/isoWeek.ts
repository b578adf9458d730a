/** ISO weeks (Monday start) in a named timezone: labels like '2026-W47' and their [start, end) instants. */
import { UsageError } from '../core/errors.js';

export interface IsoWeek {
  label: string;
  /** Monday 00:00 in the timezone, as an instant. */
  start: Date;
  /** The next Monday 00:00 in the timezone. */
  end: Date;
  /** The Monday's calendar date, YYYY-MM-DD. */
  startDate: string;
}

const DAY = 86_400_000;

/** Offset (ms) of `tz` from UTC at instant `t`. */
function offsetAt(t: number, tz: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: tz,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(t));
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return local - Math.floor(t / 1000) * 1000;
}

/** The instant of local midnight of calendar day (UTC-epoch ms of that date at 00:00Z) in `tz`. */
function localMidnight(dateUtcMs: number, tz: string): Date {
  let t = dateUtcMs - offsetAt(dateUtcMs, tz);
  t = dateUtcMs - offsetAt(t, tz);
  return new Date(t);
}

function validTz(tz: string): string {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
  } catch {
    throw new UsageError(`unknown timezone '${tz}'`);
  }
  return tz;
}

function weekFromMonday(mondayUtcMs: number, tz: string): IsoWeek {
  const thursday = new Date(mondayUtcMs + 3 * DAY);
  const year = thursday.getUTCFullYear();
  const jan4 = Date.UTC(year, 0, 4);
  const week1Monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY;
  const n = Math.round((mondayUtcMs - week1Monday) / (7 * DAY)) + 1;
  return {
    label: `${year}-W${String(n).padStart(2, '0')}`,
    start: localMidnight(mondayUtcMs, tz),
    end: localMidnight(mondayUtcMs + 7 * DAY, tz),
    startDate: new Date(mondayUtcMs).toISOString().slice(0, 10),
  };
}

/** The ISO week containing instant `t` in `tz`. */
export function isoWeekOf(t: Date, tz: string): IsoWeek {
  validTz(tz);
  const local = t.getTime() + offsetAt(t.getTime(), tz);
  const d = new Date(local);
  const dayUtc = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  const monday = dayUtc - ((d.getUTCDay() + 6) % 7) * DAY;
  return weekFromMonday(monday, tz);
}

/** The last complete ISO week before `now` (what the Monday-morning run reports). */
export function lastCompleteWeek(now: Date, tz: string): IsoWeek {
  const current = isoWeekOf(now, tz);
  return isoWeekOf(new Date(current.start.getTime() - DAY / 2), tz);
}

/** Parse '2026-W47' (or '2026W47'); throws UsageError on anything else. */
export function parseIsoWeek(label: string, tz: string): IsoWeek {
  validTz(tz);
  const m = /^(\d{4})-?W(\d{2})$/.exec(label.trim());
  if (!m) throw new UsageError(`--week must look like 2026-W47, got '${label}'`);
  const year = Number(m[1]);
  const n = Number(m[2]);
  const jan4 = Date.UTC(year, 0, 4);
  const week1Monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY;
  const monday = week1Monday + (n - 1) * 7 * DAY;
  const w = weekFromMonday(monday, tz);
  if (n < 1 || w.label !== `${year}-W${m[2]}`) throw new UsageError(`--week: ${label} does not exist`);
  return w;
}
