import { describe, expect, it } from 'vitest';
import { fingerprintOf, type PatternResult } from '../../../transform/patterns/cluster.js';
import { patternsMarkdown, patternsTable } from '../../../transform/patterns/formatPatterns.js';

const result: PatternResult = {
  window: { from: '2026-02-22T00:00:00.000Z', to: '2026-03-01T00:00:00.000Z', baseline_from: '2026-01-25T00:00:00.000Z' },
  failure: 'auth',
  totals: { attempts: 1000, failures: 80, expected_failures: 40, baseline_rate: 0.04 },
  global_change: false,
  clusters: [
    {
      fingerprint: fingerprintOf({ site: 'EMEA/DE' }),
      dimensions: { site: 'EMEA/DE' },
      failures: 50,
      attempts: 200,
      users: 12,
      rate: 0.25,
      expected_failures: 8,
      baseline_rate: 0.04,
      score: 88.5,
      excess_share: 0.9,
      top_sip_codes: [{ value: '401', count: 40 }],
      top_ms_codes: [],
      layers: [{ value: 'direct_routing', count: 50 }],
      origins: [],
      first_seen: '2026-02-23T10:00:00Z',
      daily: [],
      trend: 'new',
    },
  ],
  single_user: [{ user: 'u-7f3a', failures: 30, attempts: 31, dimensions: { site: 'EMEA/FR/PAR' }, top_sip_codes: [], note: 'one user is not a pattern' }],
};

describe('formatPatterns', () => {
  it('renders an aligned table with the cluster and the single user', () => {
    const t = patternsTable(result);
    expect(t).toMatch(/site=EMEA\/DE\s+50\s+8\.0\s+12\s+25\.00%/);
    expect(t).toMatch(/single user u-7f3a: 30\/31 failed at site=EMEA\/FR\/PAR/);
  });
  it('renders Markdown and says when nothing stands out', () => {
    expect(patternsMarkdown(result)).toMatch(/^\| 1 \| site=EMEA\/DE \| 50 \|/m);
    expect(patternsTable({ ...result, clusters: [], single_user: [], global_change: true })).toMatch(/global change[\s\S]*no cluster stands out/);
  });
});
