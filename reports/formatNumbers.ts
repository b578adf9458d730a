/** Number formats shared by the HTML and Markdown outputs (fixed locale, so goldens are stable). */

export function fmtInt(n: number): string {
  return Math.round(n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function fmtPct(x: number, digits = 1): string {
  return `${(x * 100).toFixed(digits)}%`;
}

export function fmtChange(c: number | null): string {
  if (c === null) return '–';
  const pct = (c * 100).toFixed(0);
  return c > 0 ? `+${pct}%` : `${pct}%`;
}

export function fmtValue(key: string, n: number): string {
  return key === 'failure_rate' ? fmtPct(n, 2) : fmtInt(n);
}

export function fmtDays(d: number | null): string {
  return d === null ? 'nothing missing' : `${d.toFixed(1)} days`;
}

/** '2026-11-16T00:00:00.000Z' → '2026-11-16 00:00 UTC'. */
export function fmtInstant(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  return `${new Date(t).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** Calendar date (YYYY-MM-DD) of an instant in `tz`; with `inclusiveEnd`, of the instant just before it. */
export function fmtLocalDate(iso: string, tz: string, inclusiveEnd = false): string {
  const t = Date.parse(iso) - (inclusiveEnd ? 1 : 0);
  return new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(t));
}
