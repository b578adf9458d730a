/** Pure: every rule of the config (cluster rules and the built-in ones) over one evaluation's inputs. */
import type { Cluster } from '../transform/patterns/cluster.js';
import { prepareClusters, preparedCandidates, type PreparedCluster } from './candidates.js';
import { evaluateRule } from './evaluate.js';
import type { AlertsConfig, Rule } from './rules.js';
import {
  CAPTURE_DEADLINE_RULE,
  INGEST_FAILING_RULE,
  captureDeadlineCandidates,
  ingestFailureCandidates,
  timingOf,
  type CaptureDeadlineInput,
  type JobFailureInput,
} from './systemAlerts.js';
import type { AlertMessage, AlertState, Candidate, RuleTiming, Silence, Transition } from './types.js';

/** One pattern run with its clusters (from patterns.runs / patterns.clusters). */
export interface Snapshot {
  runId: string;
  createdAt: string;
  windowFrom: string;
  windowTo: string;
  failure: string;
  clusters: Cluster[];
}

export interface EvaluateAllInput {
  config: AlertsConfig;
  snapshots: readonly Snapshot[];
  previous: readonly AlertState[];
  silences: readonly Silence[];
  now: Date;
  /** Undefined = not known this time: the built-in rule is skipped and keeps its states. */
  captureDeadlines?: readonly CaptureDeadlineInput[] | undefined;
  jobFailures?: readonly JobFailureInput[] | undefined;
  externalUrl?: string | null | undefined;
}

export interface RuleReport {
  rule: string;
  /** The run evaluated, or why the rule was skipped. */
  runId: string | null;
  skipped: string | null;
  candidates: number;
}

export interface EvaluateAllOutput {
  states: AlertState[];
  notifications: AlertMessage[];
  transitions: Transition[];
  rules: RuleReport[];
}

/** The detection window may differ from the rule's by 10 % (runs end at "now", not on the hour). */
const WINDOW_TOLERANCE = 0.1;

export function selectSnapshot(rule: Pick<Rule, 'window' | 'failure' | 'stale_after'>, snapshots: readonly Snapshot[], now: Date): Snapshot | undefined {
  let best: Snapshot | undefined;
  for (const s of snapshots) {
    if (s.failure !== rule.failure) continue;
    const len = Date.parse(s.windowTo) - Date.parse(s.windowFrom);
    if (Math.abs(len - rule.window) > rule.window * WINDOW_TOLERANCE) continue;
    const age = now.getTime() - Date.parse(s.createdAt);
    if (age > rule.stale_after || age < 0) continue;
    if (!best || Date.parse(s.createdAt) > Date.parse(best.createdAt)) best = s;
  }
  return best;
}

export function evaluateAll(input: EvaluateAllInput): EvaluateAllOutput {
  const { config, now } = input;
  const allReceivers = config.receivers.map((r) => r.name);
  const prevByRule = new Map<string, AlertState[]>();
  for (const s of input.previous) {
    const list = prevByRule.get(s.rule) ?? [];
    list.push(s);
    prevByRule.set(s.rule, list);
  }
  const out: EvaluateAllOutput = { states: [], notifications: [], transitions: [], rules: [] };

  const run = (timing: RuleTiming, receivers: readonly string[], active: Candidate[] | undefined, runId: string | null, skipped: string | null) => {
    const previous = prevByRule.get(timing.name) ?? [];
    out.rules.push({ rule: timing.name, runId, skipped, candidates: active?.length ?? 0 });
    if (active === undefined) {
      out.states.push(...previous);
      return;
    }
    const r = evaluateRule({ rule: timing, receivers, previous, active, silences: input.silences, now, externalUrl: input.externalUrl, resolvedRetention: config.resolved_retention });
    out.states.push(...r.states);
    out.notifications.push(...r.notifications);
    out.transitions.push(...r.transitions);
  };

  const prepared = new Map<Snapshot, PreparedCluster[]>();
  const clustersOf = (s: Snapshot) => {
    let p = prepared.get(s);
    if (!p) prepared.set(s, (p = prepareClusters(s.clusters)));
    return p;
  };
  for (const rule of config.rules) {
    const snap = selectSnapshot(rule, input.snapshots, now);
    const skipped = snap ? null : `no pattern run with failure '${rule.failure}' and a ${Math.round(rule.window / 3_600_000)}h window newer than stale_after`;
    run(rule, rule.receivers ?? allReceivers, snap ? preparedCandidates(rule, clustersOf(snap)) : undefined, snap?.runId ?? null, skipped);
  }
  const cd = config.capture_deadline;
  if (cd.enabled) {
    const active = input.captureDeadlines === undefined ? undefined : captureDeadlineCandidates(cd, input.captureDeadlines);
    run(timingOf(CAPTURE_DEADLINE_RULE, cd), cd.receivers ?? allReceivers, active, null, active ? null : 'no capture-deadline input');
  }
  const inf = config.ingest_failures;
  if (inf.enabled) {
    const active = input.jobFailures === undefined ? undefined : ingestFailureCandidates(inf, input.jobFailures);
    run(timingOf(INGEST_FAILING_RULE, inf), inf.receivers ?? allReceivers, active, null, active ? null : 'no job-status input');
  }
  // States of rules that no longer exist are dropped (their history stays in alerts.history).
  return out;
}
