import { describe, expect, it } from 'vitest';
import { matches, matchesAll, parseMatcher, type Matcher } from '../../alerts/matcher.js';
import { formatDuration, parseDuration } from '../../alerts/duration.js';

function m(text: string): Matcher {
  const r = parseMatcher(text);
  if (typeof r === 'string') throw new Error(r);
  return r;
}

describe('matchers', () => {
  it("reads 'sbc=sbc3.*' as an anchored regex, like =~", () => {
    expect(m('sbc=sbc3.*')).toEqual({ name: 'sbc', op: '=~', value: 'sbc3.*' });
    expect(matches(m('sbc=sbc3.*'), { sbc: 'sbc3.contoso.com' })).toBe(true);
    expect(matches(m('sbc=sbc3.*'), { sbc: 'xsbc3.contoso.com' })).toBe(false);
    expect(matches(m('sbc=sbc3'), { sbc: 'sbc3.contoso.com' })).toBe(false);
  });

  it('supports ==, !=, =~, !~ and treats a missing label as empty', () => {
    expect(matches(m('site==EMEA/DE'), { site: 'EMEA/DE' })).toBe(true);
    expect(matches(m('site==EMEA/.*'), { site: 'EMEA/DE' })).toBe(false);
    expect(matches(m('site!=EMEA/DE'), { site: 'EMEA/FR' })).toBe(true);
    expect(matches(m('site!~EMEA/.*'), { site: 'EMEA/FR' })).toBe(false);
    expect(matches(m('site!=x'), {})).toBe(true);
    expect(matches(m('site=~.*'), {})).toBe(true);
    expect(matches(m('site=~.+'), {})).toBe(false);
  });

  it('strips quotes and reports bad input as text', () => {
    expect(m('severity="critical"').value).toBe('critical');
    expect(parseMatcher('no operator')).toMatch(/not a matcher/);
    expect(parseMatcher('sbc=~(')).toMatch(/bad regular expression/);
  });

  it('matchesAll needs every matcher', () => {
    const labels = { sbc: 'sbc3.contoso.com', layer: 'direct_routing' };
    expect(matchesAll([m('sbc=sbc3.*'), m('layer==direct_routing')], labels)).toBe(true);
    expect(matchesAll([m('sbc=sbc3.*'), m('layer==sip_device')], labels)).toBe(false);
    expect(matchesAll([], labels)).toBe(true);
  });
});

describe('durations', () => {
  it('parses Prometheus-style durations', () => {
    expect(parseDuration('4h')).toBe(14_400_000);
    expect(parseDuration('1h30m')).toBe(5_400_000);
    expect(parseDuration('1d')).toBe(86_400_000);
    expect(parseDuration('0')).toBe(0);
    expect(parseDuration('4 hours')).toBeUndefined();
    expect(parseDuration('')).toBeUndefined();
    expect(formatDuration(5_400_000)).toBe('1h30m');
  });
});
