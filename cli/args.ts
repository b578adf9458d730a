/** Command-line helpers shared by the commands. */
import { UsageError, errorMessage } from '../core/errors.js';

/** Run node:util parseArgs (or any parser) and turn its complaints into a UsageError (exit 2). */
export function parseCommandArgs<R>(parse: () => R): R {
  try {
    return parse();
  } catch (e) {
    throw new UsageError(errorMessage(e));
  }
}

/** A positive integer flag value, or a UsageError naming the flag. */
export function intFlag(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`--${name} must be a positive integer, got '${value}'`);
  return n;
}

/** An ISO date/time flag value, or a UsageError naming the flag. */
export function dateFlag(name: string, value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const t = Date.parse(value);
  if (Number.isNaN(t)) throw new UsageError(`--${name} must be an ISO date or date-time, got '${value}'`);
  return new Date(t);
}
