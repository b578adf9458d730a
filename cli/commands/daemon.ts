/**
 * `daemon`: the long-running collector. On start it back-fills everything still retrievable (one pass),
 * then runs on node-cron schedules (timezone aware, never overlapping): the pipeline pass (hourly by
 * default: ingest → build → snapshot → patterns → alerts), outbox delivery (every 5 minutes), the
 * vault purge (daily) and the weekly report (Monday 07:00 in the report timezone by default). SIGTERM/SIGINT: no new jobs start, the
 * running one finishes its batch, the file is checkpointed, exit 0. One status line per job on stderr.
 */
import cron from 'node-cron';
import { errorMessage } from '../../core/errors.js';
import { deliverOutbox } from '../../alerts/outbox.js';
import { graphMailPoster } from '../graphMail.js';
import { globalFetch } from '../../alerts/receivers/http.js';
import { parseAlertsConfig } from '../../alerts/rules.js';
import { recordJob } from '../../ingest/jobStatus.js';
import { writeWeeklyReport } from '../../reports/writeWeeklyReport.js';
import { patternsFor } from '../../transform/patterns/patternsFor.js';
import { purgeVault } from '../../ingest/vault.js';
import type { Command } from '../context.js';
import { withPipeline, type Pipeline } from '../open.js';
import { runPass } from '../pipeline.js';
import type { CommandContext } from '../context.js';

interface Job {
  name: string;
  schedule: string;
  timezone: string;
  fn: () => Promise<void>;
}

function jobsFor(p: Pipeline, ctx: CommandContext): Job[] {
  const tz = p.config.timezone;
  const alertsConfig = parseAlertsConfig(p.config.alerts, 'config');
  return [
    { name: 'pipeline', schedule: p.config.ingest.schedule, timezone: tz, fn: async () => void (await runPass(p, ctx, { ingest: true })) },
    {
      name: 'alerts-deliver',
      // Retries between passes, so a receiver back from an outage gets its backlog within minutes.
      schedule: '*/5 * * * *',
      timezone: tz,
      fn: async () => void (await deliverOutbox({ db: p.db, fetch: globalFetch, mail: graphMailPoster(p.config, ctx.log), now: () => ctx.clock.now(), log: ctx.log }, alertsConfig.receivers, alertsConfig.delivery)),
    },
    {
      name: 'vault-purge',
      schedule: p.config.vault.purgeSchedule,
      timezone: tz,
      fn: async () => {
        const n = await purgeVault(p.db, ctx.clock.now(), p.config.vault.retentionDays);
        ctx.log.info(`vault purge: ${n} clear value(s) removed`);
      },
    },
    {
      name: 'weekly-report',
      schedule: p.config.report.schedule,
      timezone: p.config.report.timezone,
      fn: async () => {
        const now = ctx.clock.now();
        const w = await writeWeeklyReport(p.db, {
          now,
          timezone: p.config.report.timezone,
          outDir: p.config.report.outDir,
          captureOptions: { signInRetentionDays: p.config.ingest.signInRetentionDays, marginDays: p.config.ingest.deadlineMarginDays },
          patterns: (week) => patternsFor(p.db, p.config, { from: week.start, to: week.end, now, store: true }),
        });
        ctx.log.info(`weekly report: ${w.html}`);
      },
    },
  ];
}

export const daemon: Command = async (ctx) =>
  withPipeline(ctx, async (p) => {
    let running: Promise<void> = Promise.resolve();
    const runJob = (job: Job) => {
      const started = ctx.clock.now();
      running = running.then(async () => {
        if (ctx.signal.aborted) return;
        try {
          await job.fn();
          if (job.name !== 'pipeline') await recordJob(p.db, job.name, started, undefined, ctx.clock.now());
          ctx.log.info(`daemon: ${job.name} ok`, { job: job.name, started: started.toISOString(), ms: Date.now() - started.getTime() });
        } catch (e) {
          ctx.log.error(`daemon: ${job.name} failed: ${errorMessage(e)}`, { job: job.name });
          if (job.name !== 'pipeline') await recordJob(p.db, job.name, started, errorMessage(e), ctx.clock.now()).catch(() => undefined);
        }
      });
      return running;
    };
    const jobs = jobsFor(p, ctx);
    const tasks = jobs.map((job) =>
      cron.createTask(job.schedule, () => runJob(job), { name: job.name, timezone: job.timezone, noOverlap: true }),
    );
    ctx.log.info(`daemon: back-filling everything still retrievable, then on schedule (${jobs.map((j) => `${j.name} '${j.schedule}'`).join(', ')}, ${p.config.timezone})`);
    const first = jobs[0];
    if (first) await runJob(first);
    for (const t of tasks) t.start();
    await new Promise<void>((resolve) => {
      if (ctx.signal.aborted) resolve();
      else ctx.signal.addEventListener('abort', () => resolve(), { once: true });
    });
    ctx.log.info('daemon: stopping: letting the running job finish');
    for (const t of tasks) t.destroy();
    await running;
    await p.db.run('CHECKPOINT');
    ctx.log.info('daemon: stopped');
    return 0;
  });
