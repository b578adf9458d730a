/** The weekly report model: what every output (HTML, Markdown, JSON) shows, computed once. */
import type { CheckAdvice } from '../alerts/whatToCheck.js';
import type { CaptureStatus } from '../ingest/deadline.js';
import type { Cluster } from '../transform/patterns/cluster.js';
import type { TopLevelSpec } from 'vega-lite';

export interface HeadlineItem {
  key: 'attempts' | 'failures' | 'failure_rate' | 'auth_failures' | 'auth_users' | 'clusters';
  label: string;
  current: number;
  previous: number | null;
  /** Relative change against the previous week; null when there is nothing to compare with. */
  change: number | null;
}

export interface CodeView {
  kind: 'sip' | 'ms';
  code: string;
  count: number;
  meaning: string;
}

export interface ClusterView {
  rank: number;
  fingerprint: string;
  label: string;
  dimensions: { dimension: string; value: string }[];
  failures: number;
  expected_failures: number;
  attempts: number;
  rate: number;
  baseline_rate: number;
  users: number;
  first_seen: string;
  trend: Cluster['trend'];
  /** Dominant layer key (client_sign_in, phone_config, …) and its label. */
  layer: string;
  layer_label: string;
  /** Dominant origin key (sbc, microsoft, client) and its label. */
  origin: string;
  origin_label: string;
  origin_note: string;
  codes: CodeView[];
  check: CheckAdvice;
}

export interface SingleUserView {
  user: string;
  failures: number;
  attempts: number;
  label: string;
  codes: CodeView[];
  note: string;
}

export interface ChartEntry {
  name: string;
  title: string;
  description: string;
  spec: TopLevelSpec;
}

export interface WeeklyReport {
  week: string;
  timezone: string;
  window: { from: string; to: string };
  generated_at: string;
  tenant: string | null;
  failure: string;
  /** False only when pseudonyms were replaced with clear values (--reveal with the vault key). */
  pseudonymised: boolean;
  global_change: boolean;
  headline: HeadlineItem[];
  clusters: ClusterView[];
  /** Clusters of the previous week that are gone this week. */
  gone: { fingerprint: string; label: string; failures: number }[];
  single_users: SingleUserView[];
  capture: CaptureStatus[];
  unmapped: { subnet: string; attempts: number; failures: number; users: number }[];
  charts: ChartEntry[];
}
