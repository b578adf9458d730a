import { describe, expect, it } from 'vitest';
import { clusterCandidates, clusterMetrics, MIN_EXPECTED } from '../../alerts/candidates.js';
import { ruleSchema } from '../../alerts/rules.js';
import { makeCluster } from './fixtures.js';

const rule = (condition: Record<string, unknown>) => ruleSchema.parse({ name: 'R', condition });

describe('clusterCandidates', () => {
  const dr = makeCluster();
  const signIn = makeCluster({ dimensions: { site: 'EMEA/DE/BER' }, layers: [{ value: 'client_sign_in', count: 40 }], origins: [{ value: 'client', count: 40 }] });
  const small = makeCluster({ dimensions: { client_build: 'teams/macOS' }, failures: 9, users: 2 });

  it('applies numeric thresholds (number = at least)', () => {
    expect(clusterCandidates(rule({ failures: 10 }), [dr, small]).map((c) => c.fingerprint)).toEqual([dr.fingerprint]);
    expect(clusterCandidates(rule({ users: { gt: 9 } }), [dr])).toEqual([]);
    expect(clusterCandidates(rule({ rate: { lte: 0.1 } }), [dr])).toHaveLength(1);
  });

  it('computes observed over expected, with a floor on tiny expectations', () => {
    expect(clusterMetrics(dr).observed_over_expected).toBe(5);
    expect(clusterMetrics(makeCluster({ failures: 10, expected_failures: 0 })).observed_over_expected).toBe(10 / MIN_EXPECTED);
    expect(clusterCandidates(rule({ observed_over_expected: { gte: 6 } }), [dr])).toEqual([]);
  });

  it('filters on the dominant layer and origin', () => {
    expect(clusterCandidates(rule({ layers: ['client_sign_in'] }), [dr, signIn]).map((c) => c.labels['layer'])).toEqual(['client_sign_in']);
    expect(clusterCandidates(rule({ origins: ['sbc'] }), [dr, signIn]).map((c) => c.labels['origin'])).toEqual(['sbc']);
  });

  it('filters on dimensions with matchers', () => {
    expect(clusterCandidates(rule({ match: ['site=EMEA/.*'] }), [dr, signIn]).map((c) => c.labels['site'])).toEqual(['EMEA/DE/BER']);
    expect(clusterCandidates(rule({ match: ['sbc!~sbc3.*'] }), [dr, signIn])).toHaveLength(1);
  });

  it('labels and advises by layer and origin', () => {
    const [c] = clusterCandidates(rule({}), [signIn]);
    expect(c?.labels).toMatchObject({ alertname: 'R', site: 'EMEA/DE/BER', layer: 'client_sign_in', origin: 'client', scope: 'site=EMEA/DE/BER' });
    expect(c?.advice?.steps.join(' ')).toMatch(/Conditional Access/);
    expect(c?.values['top_sip_codes']).toBe('401 (30), 407 (10)');
  });
});
