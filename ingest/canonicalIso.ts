/** Date-times in the one form Date.prototype.toISOString() gives, so that they compare correctly as text. */

/** That form (days 29–31 take the round trip: 02-30 would roll over). */
const CANONICAL_ISO = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|1\d|2[0-8])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;

/** A date-time in toISOString() form (a string already in it, as most Graph times are, is kept without a Date round trip); null when it is none. */
export function canonicalIso(s: string): string | null {
  if (CANONICAL_ISO.test(s)) return s;
  const ms = Date.parse(s);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}
