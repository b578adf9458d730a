/** The four captured sources and how long Microsoft keeps each. */

export const SOURCES = ['callRecords', 'directRoutingCalls', 'pstnCalls', 'signIns'] as const;
export type SourceName = (typeof SOURCES)[number];

/** How long Microsoft keeps each source (days) — the capture deadline watch counts against these. */
export function retentionDays(source: SourceName, signInRetentionDays: number): number {
  switch (source) {
    case 'callRecords':
      return 30;
    case 'directRoutingCalls':
    case 'pstnCalls':
      // The logs live longer (150 days / 1 year), but the user-level detail a pattern needs is EUII,
      // which CQD clears after 28 days: capture inside that edge.
      return 28;
    case 'signIns':
      return signInRetentionDays;
  }
}
