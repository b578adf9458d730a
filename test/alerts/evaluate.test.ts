import { describe, expect, it } from 'vitest';
import { evaluateRule } from '../../alerts/evaluate.js';
import { clusterCandidates } from '../../alerts/candidates.js';
import { DEFAULT_RULE, ruleSchema, type Rule } from '../../alerts/rules.js';
import type { AlertMessage, AlertState, Silence, Transition } from '../../alerts/types.js';
import type { Cluster } from '../../transform/patterns/cluster.js';
import { makeCluster } from './fixtures.js';

const HOUR = 3_600_000;
const T0 = Date.parse('2026-11-20T00:00:00.000Z');
const at = (h: number) => new Date(T0 + h * HOUR);

function rule(over: Record<string, unknown> = {}): Rule {
  return ruleSchema.parse({ name: 'R', condition: { failures: 10, users: 3 }, ...over });
}

interface Step {
  states: AlertState[];
  sent: AlertMessage[];
  transitions: Transition[];
}

/** Run a rule over hourly snapshots (one array of clusters per hour), like the daemon would. */
function play(r: Rule, snapshots: Cluster[][], opts: { silences?: Silence[]; receivers?: string[] } = {}): Step[] {
  let prev: AlertState[] = [];
  return snapshots.map((clusters, h) => {
    const out = evaluateRule({
      rule: r,
      receivers: opts.receivers ?? ['hook'],
      previous: prev,
      active: clusterCandidates(r, clusters),
      silences: opts.silences ?? [],
      now: at(h),
    });
    prev = out.states;
    return { states: out.states, sent: out.notifications, transitions: out.transitions };
  });
}

const hot = makeCluster({ failures: 40, users: 9 });
const cold = makeCluster({ failures: 2, users: 1 });
const kinds = (steps: Step[]) => steps.map((s) => s.sent.map((n) => n.kind).join(',') || '-');
const statuses = (steps: Step[]) => steps.map((s) => s.states.map((x) => x.status).join(',') || 'inactive');

describe('evaluateRule', () => {
  it('goes pending → firing → resolved with for: 2, one notification per change', () => {
    const steps = play(rule({ for: 2 }), [[hot], [hot], [hot], [cold], [cold]]);
    expect(statuses(steps)).toEqual(['pending', 'firing', 'firing', 'resolved', 'resolved']);
    expect(kinds(steps)).toEqual(['-', 'firing', '-', 'resolved', '-']);
    expect(steps[3]?.transitions.map((t) => `${t.from}>${t.to}`)).toEqual(['firing>resolved']);
  });

  it('fires at once with for: 0 or 1', () => {
    for (const f of [0, 1]) expect(kinds(play(rule({ for: f }), [[hot]]))).toEqual(['firing']);
  });

  it('drops a pending alert whose condition fails before `for` is reached, and counts again from one', () => {
    const steps = play(rule({ for: 3 }), [[hot], [hot], [], [hot], [hot], [hot]]);
    expect(statuses(steps)).toEqual(['pending', 'pending', 'inactive', 'pending', 'pending', 'firing']);
    expect(steps[2]?.transitions[0]).toMatchObject({ from: 'pending', to: 'inactive' });
    expect(kinds(steps).filter((k) => k !== '-')).toEqual(['firing']);
  });

  it('sends reminders at the repeat interval while firing, not more often', () => {
    const steps = play(rule({ repeat_interval: '3h' }), [[hot], [hot], [hot], [hot], [hot], [hot], [hot]]);
    expect(kinds(steps)).toEqual(['firing', '-', '-', 'reminder', '-', '-', 'reminder']);
  });

  it('flaps without keep_firing_for: every return is a new episode with its own key', () => {
    const steps = play(rule(), [[hot], [], [hot], [], [hot]]);
    expect(kinds(steps)).toEqual(['firing', 'resolved', 'firing', 'resolved', 'firing']);
    const firingKeys = steps.flatMap((s) => s.sent.filter((n) => n.kind === 'firing').map((n) => n.idempotencyKey));
    expect(new Set(firingKeys).size).toBe(3);
  });

  it('keep_firing_for damps the flapping: one firing, resolved only after the hold expires', () => {
    const steps = play(rule({ keep_firing_for: '2h', repeat_interval: '1d' }), [[hot], [], [hot], [], [], [], []]);
    expect(kinds(steps)).toEqual(['firing', '-', '-', '-', '-', 'resolved', '-']);
    expect(statuses(steps).slice(0, 5)).toEqual(['firing', 'firing', 'firing', 'firing', 'firing']);
  });

  it('a silence defers the firing notification and suppresses reminders; the resolved still goes out', () => {
    const silence: Silence = {
      id: 's1',
      matchers: [{ name: 'sbc', op: '=~', value: 'sbc3.*' }],
      startsAt: at(0).toISOString(),
      endsAt: at(2).toISOString(),
      createdBy: 't',
      comment: 'known',
    };
    // Silenced throughout the episode: nothing at all (no firing was sent, so no resolved either).
    expect(kinds(play(rule(), [[hot], [hot], []], { silences: [silence] }))).toEqual(['-', '-', '-']);
    // The silence ends while still firing: the firing goes out then, once.
    const steps = play(rule({ repeat_interval: '1h' }), [[hot], [hot], [hot], [hot], []], { silences: [silence] });
    expect(kinds(steps)).toEqual(['-', '-', 'firing', 'reminder', 'resolved']);
    expect(steps[0]?.states[0]?.silencedBy).toEqual(['s1']);
    // A silence made after the firing: reminders stop, the resolved still arrives.
    const late = { ...silence, startsAt: at(1).toISOString(), endsAt: at(10).toISOString() };
    expect(kinds(play(rule({ repeat_interval: '1h' }), [[hot], [hot], [hot], []], { silences: [late] }))).toEqual(['firing', '-', '-', 'resolved']);
  });

  it('a silence that does not match leaves notifications alone', () => {
    const silence: Silence = { id: 's', matchers: [{ name: 'sbc', op: '=~', value: 'sbc9.*' }], startsAt: at(0).toISOString(), endsAt: at(9).toISOString(), createdBy: 't', comment: 'c' };
    expect(kinds(play(rule(), [[hot]], { silences: [silence] }))).toEqual(['firing']);
  });

  it('send_resolved: false sends no resolved notification', () => {
    expect(kinds(play(rule({ send_resolved: false }), [[hot], []]))).toEqual(['firing', '-']);
  });

  it('fans out one notification per receiver, each with its own idempotency key', () => {
    const steps = play(rule(), [[hot]], { receivers: ['a', 'b'] });
    expect(steps[0]?.sent.map((n) => n.receiver)).toEqual(['a', 'b']);
    expect(new Set(steps[0]?.sent.map((n) => n.idempotencyKey)).size).toBe(2);
  });

  it('is deterministic: the same inputs give the same keys (safe re-evaluation after a crash)', () => {
    const a = play(rule(), [[hot], [hot], []]);
    const b = play(rule(), [[hot], [hot], []]);
    expect(a.flatMap((s) => s.sent.map((n) => n.idempotencyKey))).toEqual(b.flatMap((s) => s.sent.map((n) => n.idempotencyKey)));
  });

  it('tracks clusters independently by fingerprint', () => {
    const other = makeCluster({ dimensions: { site: 'EMEA/FR/PAR' } });
    const steps = play(rule(), [[hot], [hot, other], [other]]);
    expect(steps.map((s) => s.sent.map((n) => `${n.kind}:${n.labels['scope']}`))).toEqual([
      ['firing:sbc=sbc3.contoso.com'],
      ['firing:site=EMEA/FR/PAR'],
      ['resolved:sbc=sbc3.contoso.com'],
    ]);
  });

  it('forgets resolved alerts after the retention, and a return after that is a new firing', () => {
    const r = rule();
    const first = evaluateRule({ rule: r, receivers: ['h'], previous: [], active: clusterCandidates(r, [hot]), silences: [], now: at(0) });
    const resolved = evaluateRule({ rule: r, receivers: ['h'], previous: first.states, active: [], silences: [], now: at(1) });
    const kept = evaluateRule({ rule: r, receivers: ['h'], previous: resolved.states, active: [], silences: [], now: at(2), resolvedRetention: 2 * HOUR });
    expect(kept.states).toHaveLength(1);
    const gone = evaluateRule({ rule: r, receivers: ['h'], previous: kept.states, active: [], silences: [], now: at(3), resolvedRetention: 2 * HOUR });
    expect(gone.states).toHaveLength(0);
  });

  it('carries the numbers, layer and what to check into the notification', () => {
    const n = play(DEFAULT_RULE, [[hot]])[0]?.sent[0];
    expect(n?.values['failures']).toBe(40);
    expect(n?.labels['layer']).toBe('direct_routing');
    expect(n?.labels['origin']).toBe('sbc');
    expect(n?.advice?.title).toMatch(/SBC/);
    expect(n?.annotations['summary']).toBe('40 auth-linked call-setup failures for 9 users on sbc=sbc3.contoso.com');
  });
});
