/**
 * The pure alert state machine, one rule at a time:
 *   (rule timing, previous states, candidates whose condition holds now, silences, now)
 *     → new states, notifications (one per receiver) and transitions for the history.
 *
 *   inactive ──cond──► pending ──cond held `for` evaluations──► firing ──cond false longer than
 *      ▲                  │cond false                            │      keep_firing_for──► resolved
 *      └──────────────────┘                                      └─ repeat_interval → reminder
 *
 * Notifications: 'firing' once per episode (deferred while silenced), 'reminder' every repeat_interval
 * while firing and not silenced, 'resolved' when it clears if a firing was sent (even under a silence:
 * whoever heard it started wants to hear it is over). Idempotency keys are derived from the state, so
 * evaluating the same inputs twice yields the same keys.
 */
import { createHash } from 'node:crypto';
import { matchesAll } from './matcher.js';
import type { AlertMessage, AlertState, AlertStatus, Candidate, NotificationKind, RuleTiming, Silence, Transition } from './types.js';

export interface EvaluateInput {
  rule: RuleTiming;
  /** Receiver names this rule notifies. */
  receivers: readonly string[];
  previous: readonly AlertState[];
  active: readonly Candidate[];
  silences: readonly Silence[];
  now: Date;
  externalUrl?: string | null | undefined;
  /** Forget resolved states older than this (ms). */
  resolvedRetention?: number | undefined;
}

export interface EvaluateOutput {
  states: AlertState[];
  notifications: AlertMessage[];
  transitions: Transition[];
}

export function notificationKey(rule: string, fingerprint: string, episode: string, kind: NotificationKind, at: string, receiver: string): string {
  return createHash('sha256').update(`${rule}\u0000${fingerprint}\u0000${episode}\u0000${kind}\u0000${at}\u0000${receiver}`).digest('hex').slice(0, 32);
}

/** Ids of the silences active at `now` whose matchers all match. */
export function silencedBy(labels: Readonly<Record<string, string>>, silences: readonly Silence[], now: Date): string[] {
  const t = now.getTime();
  return silences.filter((s) => Date.parse(s.startsAt) <= t && t < Date.parse(s.endsAt) && matchesAll(s.matchers, labels)).map((s) => s.id);
}

export function evaluateRule(input: EvaluateInput): EvaluateOutput {
  const { rule, now } = input;
  const nowIso = now.toISOString();
  const t = now.getTime();
  const prevBy = new Map(input.previous.map((s) => [s.fingerprint, s]));
  const activeBy = new Map(input.active.map((c) => [c.fingerprint, c]));
  const states: AlertState[] = [];
  const notifications: AlertMessage[] = [];
  const transitions: Transition[] = [];
  const needed = Math.max(1, rule.for);

  const notify = (s: AlertState, kind: NotificationKind) => {
    const episode = s.firedAt ?? s.activeAt;
    const at = kind === 'firing' ? episode : kind === 'resolved' ? (s.resolvedAt ?? nowIso) : nowIso;
    for (const receiver of input.receivers) {
      notifications.push({
        idempotencyKey: notificationKey(s.rule, s.fingerprint, episode, kind, at, receiver),
        kind,
        status: kind === 'resolved' ? 'resolved' : 'firing',
        receiver,
        rule: s.rule,
        fingerprint: s.fingerprint,
        labels: s.labels,
        annotations: s.annotations,
        values: s.values,
        advice: s.advice,
        startsAt: episode,
        endsAt: s.resolvedAt,
        externalUrl: input.externalUrl ?? null,
        sentAt: nowIso,
      });
    }
  };
  const move = (s: AlertState, from: AlertStatus | 'inactive', to: AlertStatus | 'inactive') => {
    if (from !== to) transitions.push({ rule: s.rule, fingerprint: s.fingerprint, from, to, at: nowIso, labels: s.labels, values: s.values });
  };

  // Fingerprints active now.
  for (const c of input.active) {
    const prev = prevBy.get(c.fingerprint);
    const continuing = prev !== undefined && prev.status !== 'resolved';
    const s: AlertState = {
      rule: rule.name,
      fingerprint: c.fingerprint,
      status: 'pending',
      labels: c.labels,
      annotations: c.annotations,
      values: c.values,
      advice: c.advice,
      activeCount: continuing ? prev.activeCount + 1 : 1,
      activeAt: continuing ? prev.activeAt : nowIso,
      firedAt: continuing ? prev.firedAt : null,
      lastActiveAt: nowIso,
      keepFiringSince: null,
      lastNotifiedAt: continuing ? prev.lastNotifiedAt : null,
      notified: continuing ? prev.notified : false,
      resolvedAt: null,
      silencedBy: silencedBy(c.labels, input.silences, now),
    };
    const from: AlertStatus | 'inactive' = prev === undefined || prev.status === 'resolved' ? 'inactive' : prev.status;
    if (s.firedAt !== null || s.activeCount >= needed) {
      s.status = 'firing';
      s.firedAt ??= nowIso;
    }
    move(s, from, s.status);
    if (s.status === 'firing') sendFiringOrReminder(s);
    states.push(s);
  }

  // Fingerprints no longer active.
  for (const prev of input.previous) {
    if (activeBy.has(prev.fingerprint)) continue;
    if (prev.status === 'pending') {
      move(prev, 'pending', 'inactive');
      continue;
    }
    if (prev.status === 'resolved') {
      const keep = input.resolvedRetention ?? Number.POSITIVE_INFINITY;
      if (prev.resolvedAt !== null && t - Date.parse(prev.resolvedAt) >= keep) continue;
      states.push(prev);
      continue;
    }
    const since = prev.keepFiringSince ?? nowIso;
    const s: AlertState = { ...prev, activeCount: 0, keepFiringSince: since, silencedBy: silencedBy(prev.labels, input.silences, now) };
    if (t - Date.parse(since) < rule.keep_firing_for) {
      sendFiringOrReminder(s);
      states.push(s);
      continue;
    }
    s.status = 'resolved';
    s.resolvedAt = nowIso;
    move(s, 'firing', 'resolved');
    if (s.notified && rule.send_resolved) notify(s, 'resolved');
    states.push(s);
  }
  return { states, notifications, transitions };

  function sendFiringOrReminder(s: AlertState) {
    if (s.silencedBy.length > 0) return;
    if (!s.notified) {
      s.notified = true;
      s.lastNotifiedAt = nowIso;
      notify(s, 'firing');
    } else if (s.lastNotifiedAt === null || t - Date.parse(s.lastNotifiedAt) >= rule.repeat_interval) {
      s.lastNotifiedAt = nowIso;
      notify(s, 'reminder');
    }
  }
}
