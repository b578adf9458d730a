/**
 * Inputs of the built-in alerts, from the ingest side's own bookkeeping: failures in a row per job
 * (ingest/jobStatus.ts) and, per source, days before the oldest uncaptured window falls off Microsoft's
 * retention edge (the capture deadline watch, ingest/deadline.ts).
 */
import type { Config } from '../core/config.js';
import type { Db } from '../core/db.js';
import { captureStatus } from '../ingest/deadline.js';
import { jobStatuses } from '../ingest/jobStatus.js';
import type { CaptureDeadlineInput, JobFailureInput } from './systemAlerts.js';

export async function loadSystemInputs(
  db: Db,
  now: Date,
  config: Pick<Config, 'ingest'>,
): Promise<{ captureDeadlines: CaptureDeadlineInput[]; jobFailures: JobFailureInput[] }> {
  const capture = await captureStatus(db, now, { signInRetentionDays: config.ingest.signInRetentionDays, marginDays: config.ingest.deadlineMarginDays });
  const jobs = await jobStatuses(db);
  return {
    jobFailures: jobs.map((j) => ({ job: j.job, consecutiveFailures: j.consecutive_failures })),
    // A source never captured is not a deadline but a setup or ingest problem (doctor, IngestFailing).
    captureDeadlines: capture.flatMap((s) => (s.daysLeft === null || s.capturedUntil === null ? [] : [{ source: s.source, daysLeft: s.daysLeft }])),
  };
}
