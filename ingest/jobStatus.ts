/** meta.job_status: last start / success / error per scheduled job, and failures in a row (for alerts). */
import { z } from 'zod';
import type { Db } from '../core/db.js';

export async function recordJob(db: Db, job: string, startedAt: Date, error: string | undefined, now: Date): Promise<void> {
  await db.run(
    `INSERT INTO meta.job_status (job, last_start, last_success, last_error, consecutive_failures)
     VALUES ($job, $start::TIMESTAMPTZ, CASE WHEN $err IS NULL THEN $now::TIMESTAMPTZ END, $err, CASE WHEN $err IS NULL THEN 0 ELSE 1 END)
     ON CONFLICT (job) DO UPDATE SET
       last_start = excluded.last_start,
       last_success = coalesce(excluded.last_success, meta.job_status.last_success),
       last_error = excluded.last_error,
       consecutive_failures = CASE WHEN excluded.last_error IS NULL THEN 0 ELSE meta.job_status.consecutive_failures + 1 END`,
    { job, start: startedAt.toISOString(), now: now.toISOString(), err: error ?? null },
  );
}

const row = z.object({ job: z.string(), last_success: z.string().nullable(), last_error: z.string().nullable(), consecutive_failures: z.number() });
export type JobStatus = z.infer<typeof row>;

export async function jobStatuses(db: Db): Promise<JobStatus[]> {
  return db.query(
    `SELECT job, strftime(last_success AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%SZ') AS last_success, last_error, consecutive_failures
     FROM meta.job_status ORDER BY job`,
    row,
  );
}
