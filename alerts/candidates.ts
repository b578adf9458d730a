/** Pure: which clusters satisfy a rule's condition, as labelled candidates for the state machine. */
import { DIMENSIONS, type Cluster } from '../transform/patterns/cluster.js';
import { matchesAll } from './matcher.js';
import type { Condition, Metric, Rule, Threshold } from './rules.js';
import { renderAll } from './template.js';
import type { Candidate } from './types.js';
import { dominantLayer, whatToCheck } from './whatToCheck.js';

/** Expected failures below this count as this, so observed/expected stays finite for brand-new elements. */
export const MIN_EXPECTED = 0.5;

export function clusterMetrics(c: Cluster): Record<Metric, number> {
  return {
    failures: c.failures,
    attempts: c.attempts,
    users: c.users,
    rate: c.rate,
    expected_failures: c.expected_failures,
    baseline_rate: c.baseline_rate,
    score: c.score,
    excess_share: c.excess_share,
    observed_over_expected: c.failures / Math.max(c.expected_failures, MIN_EXPECTED),
  };
}

/** 'sbc=sbc3.contoso.com, site=EMEA/DE' — the cluster's element in one line (no EUII: sites, trunks, builds). */
export function clusterScope(c: Pick<Cluster, 'dimensions'>): string {
  const parts = DIMENSIONS.filter((d) => c.dimensions[d] !== undefined).map((d) => `${d}=${c.dimensions[d] ?? ''}`);
  return parts.length ? parts.join(', ') : 'all calls';
}

/** The labels a cluster gives every alert: dimensions, dominant layer and origin, scope, fingerprint. */
export function baseLabels(c: Cluster): Record<string, string> {
  const { layer, origin } = dominantLayer(c);
  const labels: Record<string, string> = {};
  for (const d of DIMENSIONS) {
    const v = c.dimensions[d];
    if (v !== undefined) labels[d] = v;
  }
  labels['layer'] = layer ?? 'unknown';
  labels['origin'] = origin ?? 'unknown';
  labels['scope'] = clusterScope(c);
  labels['fingerprint'] = c.fingerprint;
  return labels;
}

/** Rule labels, then the cluster's (they win), then alertname = the rule name. */
export function clusterLabels(rule: Pick<Rule, 'name' | 'labels'>, c: Cluster): Record<string, string> {
  return { ...rule.labels, ...baseLabels(c), alertname: rule.name };
}

export function passes(th: Threshold | undefined, v: number): boolean {
  if (th === undefined) return true;
  if (th.gt !== undefined && !(v > th.gt)) return false;
  if (th.gte !== undefined && !(v >= th.gte)) return false;
  if (th.lt !== undefined && !(v < th.lt)) return false;
  if (th.lte !== undefined && !(v <= th.lte)) return false;
  return true;
}

const METRIC_KEYS: readonly Metric[] = ['failures', 'attempts', 'users', 'rate', 'expected_failures', 'baseline_rate', 'score', 'excess_share', 'observed_over_expected'];

export function conditionHolds(cond: Condition, c: Cluster, metrics: Record<Metric, number>, labels: Record<string, string>): boolean {
  for (const m of METRIC_KEYS) if (!passes(cond[m], metrics[m])) return false;
  return filtersHold(cond, c, labels);
}

/** The non-numeric part of a condition: layer, origin, trend, dimension matchers. */
function filtersHold(cond: Condition, c: Cluster, labels: Record<string, string>): boolean {
  if (cond.layers && !cond.layers.includes(labels['layer'] ?? '')) return false;
  if (cond.origins && !cond.origins.includes(labels['origin'] ?? '')) return false;
  if (cond.trends && !cond.trends.includes(c.trend)) return false;
  return matchesAll(cond.match, labels);
}

function codes(list: Cluster['top_sip_codes']): string {
  return list
    .slice(0, 3)
    .map((x) => `${x.value} (${x.count})`)
    .join(', ');
}

export interface PreparedCluster {
  cluster: Cluster;
  metrics: Record<Metric, number>;
  /** Filled on first use: most clusters never pass a rule's numbers, so they never need labels. */
  labels?: Record<string, string>;
  values?: Record<string, number | string>;
  advice?: Candidate['advice'];
}

/** Per-cluster work done once per snapshot and shared by every rule (10 k clusters × 100 rules). */
export function prepareClusters(clusters: readonly Cluster[]): PreparedCluster[] {
  return clusters.map((c) => ({ cluster: c, metrics: clusterMetrics(c) }));
}

function detail(p: PreparedCluster): Required<PreparedCluster> {
  if (!p.labels || !p.values || p.advice === undefined) {
    const c = p.cluster;
    p.labels = baseLabels(c);
    p.values = { ...p.metrics, top_sip_codes: codes(c.top_sip_codes), top_ms_codes: codes(c.top_ms_codes), trend: c.trend, first_seen: c.first_seen };
    p.advice = whatToCheck(p.labels['layer'], p.labels['origin']);
  }
  return { cluster: p.cluster, metrics: p.metrics, labels: p.labels, values: p.values, advice: p.advice };
}

/** Clusters of one snapshot that satisfy the rule, ready for evaluateRule. */
export function clusterCandidates(rule: Rule, clusters: readonly Cluster[]): Candidate[] {
  return preparedCandidates(rule, prepareClusters(clusters));
}

export function preparedCandidates(rule: Rule, clusters: readonly PreparedCluster[]): Candidate[] {
  const checks = METRIC_KEYS.flatMap((m) => {
    const th = rule.condition[m];
    return th === undefined ? [] : [[m, th] as const];
  });
  const hasTemplates = Object.keys(rule.annotations).length > 0;
  const out: Candidate[] = [];
  for (const p of clusters) {
    const c = p.cluster;
    // Cheap numeric checks first: most clusters fail them.
    let ok = true;
    for (const [m, th] of checks) {
      if (!passes(th, p.metrics[m])) {
        ok = false;
        break;
      }
    }
    if (!ok) continue;
    const d = detail(p);
    const labels: Record<string, string> = { ...rule.labels, ...d.labels, alertname: rule.name };
    if (!filtersHold(rule.condition, c, labels)) continue;
    out.push({
      fingerprint: c.fingerprint,
      labels,
      annotations: hasTemplates ? renderAll(rule.annotations, labels, d.values) : {},
      values: d.values,
      advice: d.advice,
    });
  }
  return out;
}
