import { describe, expect, it } from 'vitest';
import { evaluateAll, selectSnapshot } from '../../alerts/evaluateAll.js';
import { parseAlertsConfig } from '../../alerts/rules.js';
import { CAPTURE_DEADLINE_RULE, INGEST_FAILING_RULE } from '../../alerts/systemAlerts.js';
import { makeCluster, makeSnapshot } from './fixtures.js';

const now = new Date('2026-11-28T05:00:00.000Z');
const config = parseAlertsConfig({ receivers: [{ name: 'hook', type: 'webhook', url: 'http://127.0.0.1:1/x' }] });

describe('selectSnapshot', () => {
  const rule = config.rules[0];
  if (!rule) throw new Error('no default rule');
  it('takes the newest fresh run with the rule window and failure', () => {
    const day = makeSnapshot('2026-11-28T04:00:00.000Z', []);
    const older = makeSnapshot('2026-11-28T03:00:00.000Z', []);
    const week = makeSnapshot('2026-11-28T04:30:00.000Z', [], { windowFrom: '2026-11-21T04:30:00.000Z', runId: 'week' });
    const anyFailure = makeSnapshot('2026-11-28T04:40:00.000Z', [], { failure: 'any', runId: 'any' });
    expect(selectSnapshot(rule, [older, week, day, anyFailure], now)?.runId).toBe(day.runId);
  });
  it('skips stale and future runs', () => {
    expect(selectSnapshot(rule, [makeSnapshot('2026-11-28T01:00:00.000Z', [])], now)).toBeUndefined();
    expect(selectSnapshot(rule, [makeSnapshot('2026-11-28T06:00:00.000Z', [])], now)).toBeUndefined();
  });
});

describe('evaluateAll', () => {
  it('evaluates cluster rules and the built-in alerts together', () => {
    const out = evaluateAll({
      config,
      snapshots: [makeSnapshot('2026-11-28T04:00:00.000Z', [makeCluster()])],
      previous: [],
      silences: [],
      now,
      captureDeadlines: [{ source: 'callRecords', daysLeft: 3.04 }, { source: 'pstnCalls', daysLeft: 300 }],
      jobFailures: [{ job: 'ingest:callRecords', consecutiveFailures: 3 }, { job: 'ingest:signIns', consecutiveFailures: 1 }],
    });
    expect(out.notifications.map((n) => `${n.rule}:${n.labels['scope'] ?? n.labels['source'] ?? n.labels['job']}`)).toEqual([
      'AuthFailureCluster:sbc=sbc3.contoso.com',
      `${CAPTURE_DEADLINE_RULE}:callRecords`,
      `${INGEST_FAILING_RULE}:ingest:callRecords`,
    ]);
    expect(out.notifications[1]?.annotations['summary']).toBe('Capture deadline: callRecords data falls off the retention edge in 3 days');
  });

  it('keeps the states of a rule without a fresh run instead of resolving them', () => {
    const first = evaluateAll({ config, snapshots: [makeSnapshot('2026-11-28T04:00:00.000Z', [makeCluster()])], previous: [], silences: [], now });
    const later = new Date('2026-11-28T12:00:00.000Z');
    const second = evaluateAll({ config, snapshots: [], previous: first.states, silences: [], now: later });
    expect(second.notifications).toEqual([]);
    expect(second.states.map((s) => s.status)).toEqual(['firing']);
    expect(second.rules.find((r) => r.rule === 'AuthFailureCluster')?.skipped).toMatch(/no pattern run/);
  });
});
