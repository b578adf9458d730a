import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { ConfigError } from '../../core/errors.js';
import { DEFAULT_RULE, parseAlertsConfig } from '../../alerts/rules.js';

describe('parseAlertsConfig', () => {
  it('ships the default rule and built-in alerts when the section is empty', () => {
    const cfg = parseAlertsConfig({});
    expect(cfg.rules.map((r) => r.name)).toEqual(['AuthFailureCluster']);
    expect(cfg.rules[0]).toEqual(DEFAULT_RULE);
    expect(DEFAULT_RULE.keep_firing_for).toBe(2 * 3_600_000);
    expect(DEFAULT_RULE.repeat_interval).toBe(24 * 3_600_000);
    expect(DEFAULT_RULE.window).toBe(86_400_000);
    expect(cfg.capture_deadline.enabled).toBe(true);
    expect(cfg.ingest_failures.consecutive_failures).toBe(3);
    expect(cfg.delivery.backoff_max).toBe(600_000);
    expect(cfg.receivers).toEqual([]);
  });

  it('reads the README example', () => {
    const yaml = `
rules:
  - name: SbcAuthFailures
    condition:
      failures: { gte: 20 }
      users: 5
      rate: { gt: 0.05 }
      layers: [direct_routing]
      origins: [sbc]
      match: ['sbc=~sbc[0-9]+\\.contoso\\.com']
    window: 1d
    for: 2
    keep_firing_for: 1h
    repeat_interval: 12h
    labels: { severity: critical, team: voice }
    annotations: { summary: '{{ $labels.sbc }}: {{ $values.failures }} failures' }
    receivers: [oncall]
receivers:
  - name: oncall
    type: webhook
    url: https://hooks.example.com/cqd
    secret: s3cret
    timeout: 5s
capture_deadline: { days_left_below: 5 }
`;
    const cfg = parseAlertsConfig(parseYaml(yaml));
    const r = cfg.rules[0];
    expect(r?.condition.failures).toEqual({ gte: 20 });
    expect(r?.condition.users).toEqual({ gte: 5 });
    expect(r?.condition.match).toEqual([{ name: 'sbc', op: '=~', value: 'sbc[0-9]+\\.contoso\\.com' }]);
    expect(r?.for).toBe(2);
    expect(r?.keep_firing_for).toBe(3_600_000);
    expect(cfg.receivers[0]).toMatchObject({ type: 'webhook', timeout: 5000, headers: {} });
    expect(cfg.capture_deadline.days_left_below).toBe(5);
  });

  it('names the key of a bad duration, a bad matcher, an unknown field', () => {
    expect(() => parseAlertsConfig({ rules: [{ name: 'x', repeat_interval: 'soon' }] })).toThrow(/alerts\.rules\.0\.repeat_interval: not a duration: 'soon'/);
    expect(() => parseAlertsConfig({ rules: [{ name: 'x', condition: { match: ['sbc=~('] } }] })).toThrow(/alerts\.rules\.0\.condition\.match\.0: bad regular expression/);
    expect(() => parseAlertsConfig({ rules: [{ name: 'x', condition: { failurez: 3 } }] })).toThrow(ConfigError);
  });

  it('refuses references to receivers that do not exist and duplicate names', () => {
    expect(() => parseAlertsConfig({ rules: [{ name: 'x', receivers: ['nope'] }] })).toThrow(/alerts\.rules\.x\.receivers: no receiver named 'nope'/);
    expect(() => parseAlertsConfig({ rules: [{ name: 'x' }, { name: 'x' }] })).toThrow(/duplicate rule name 'x'/);
    expect(() => parseAlertsConfig({ ingest_failures: { receivers: ['m'] } })).toThrow(/ingest_failures\.receivers: no receiver named 'm'/);
  });

  it('validates receivers by type', () => {
    expect(() => parseAlertsConfig({ receivers: [{ name: 'm', type: 'email', sender: 'alerts@contoso.com', to: [] }] })).toThrow(/receivers\.0\.to/);
    expect(() => parseAlertsConfig({ receivers: [{ name: 't', type: 'teams', url: 'not a url' }] })).toThrow(/receivers\.0\.url/);
    const cfg = parseAlertsConfig({ receivers: [{ name: 'm', type: 'email', sender: 'alerts@contoso.com', to: ['oncall@contoso.com'] }] });
    expect(cfg.receivers[0]).toMatchObject({ subject_prefix: '[cqd-patterns]', timeout: 10_000 });
  });
});
