/**
 * The two built-in alerts that watch the pipeline rather than the calls:
 * - CaptureDeadline: a source's oldest uncaptured data is close to falling off its retention edge;
 * - IngestFailing: a job failed N runs in a row.
 * Inputs are plain values (the caller reads meta.watermarks / meta.job_status); outputs are candidates.
 */
import { createHash } from 'node:crypto';
import type { CaptureDeadlineConfig, IngestFailuresConfig } from './rules.js';
import { renderAll } from './template.js';
import type { Candidate, RuleTiming } from './types.js';

export interface CaptureDeadlineInput {
  source: string;
  /** Days until the oldest uncaptured data of this source reaches its retention edge (may be negative). */
  daysLeft: number;
}

export interface JobFailureInput {
  job: string;
  consecutiveFailures: number;
}

export const CAPTURE_DEADLINE_RULE = 'CaptureDeadline';
export const INGEST_FAILING_RULE = 'IngestFailing';

function fp(kind: string, key: string): string {
  return createHash('sha256').update(`${kind}\u0000${key}`).digest('hex').slice(0, 16);
}

const DEADLINE_ANNOTATIONS = {
  summary: 'Capture deadline: {{ $labels.source }} data falls off the retention edge in {{ $values.days_left }} days',
  description: 'The oldest uncaptured {{ $labels.source }} window will no longer be available from Microsoft soon. Run ingest (and check why it is behind) before it is lost.',
};

const INGEST_ANNOTATIONS = {
  summary: 'Ingest job {{ $labels.job }} failed {{ $values.consecutive_failures }} runs in a row',
  description: 'New call data is not being captured. Check `cqd-patterns doctor`, the job log and the Graph credentials.',
};

export function timingOf(name: string, c: CaptureDeadlineConfig | IngestFailuresConfig): RuleTiming {
  return { name, for: c.for, keep_firing_for: c.keep_firing_for, repeat_interval: c.repeat_interval, send_resolved: c.send_resolved };
}

export function captureDeadlineCandidates(cfg: CaptureDeadlineConfig, inputs: readonly CaptureDeadlineInput[]): Candidate[] {
  if (!cfg.enabled) return [];
  return inputs
    .filter((i) => i.daysLeft <= cfg.days_left_below)
    .map((i) => {
      const labels = { severity: 'warning', ...cfg.labels, alertname: CAPTURE_DEADLINE_RULE, source: i.source };
      const values = { days_left: Math.round(i.daysLeft * 10) / 10 };
      return {
        fingerprint: fp(CAPTURE_DEADLINE_RULE, i.source),
        labels,
        values,
        annotations: renderAll({ ...DEADLINE_ANNOTATIONS, ...cfg.annotations }, labels, values),
        advice: {
          title: 'Capture deadline',
          steps: [`Run 'cqd-patterns ingest --source ${i.source}' now and watch it finish.`, 'Check the ingest log and the Graph app permissions and throttling.'],
        },
      };
    });
}

export function ingestFailureCandidates(cfg: IngestFailuresConfig, inputs: readonly JobFailureInput[]): Candidate[] {
  if (!cfg.enabled) return [];
  return inputs
    .filter((i) => i.consecutiveFailures >= cfg.consecutive_failures)
    .map((i) => {
      const labels = { severity: 'critical', ...cfg.labels, alertname: INGEST_FAILING_RULE, job: i.job };
      const values = { consecutive_failures: i.consecutiveFailures };
      return {
        fingerprint: fp(INGEST_FAILING_RULE, i.job),
        labels,
        values,
        annotations: renderAll({ ...INGEST_ANNOTATIONS, ...cfg.annotations }, labels, values),
        advice: {
          title: 'Ingest failing',
          steps: ['meta.job_status.last_error for the job (redacted message).', 'Graph credentials (secret or certificate expiry) and app permissions.', 'Network reachability of the Graph endpoint.'],
        },
      };
    });
}
