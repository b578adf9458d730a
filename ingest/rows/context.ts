import type { Pseudonymizer } from '../pseudonymizer.js';

/** What every row mapper needs besides the payload. */
export interface MapContext {
  p: Pseudonymizer;
  runId: string;
  source: 'graph' | 'file' | 'tac_csv';
  ingestedAt: string;
}

/** Graph writes "no value" dates as 0001-01-01T00:00:00Z on some rows (DR failureDateTime on a success). */
export function graphDate(v: string | null | undefined): string | null {
  if (!v || v.startsWith('0001-01-01')) return null;
  return v;
}
