/**
 * cqd-patterns alerts <eval|deliver|test|silence|silences|expire>
 *
 *   eval [--dry-run] [--no-deliver] [--json]   evaluate rules against the latest clusters, enqueue, deliver
 *   deliver                                    send what is due in the outbox (retries with backoff)
 *   test RECEIVER                              send a sample notification to one receiver, now
 *   silence --match M [--match M…] --for 4h --comment TEXT [--author NAME] [--start ISO]
 *   silences [--all] [--json]                  list silences (in force or future; --all: also ended)
 *   expire ID                                  end a silence now
 *
 * `--now ISO` (global) fixes the clock. A dry run opens the database read-only and sends nothing.
 */
import { parseArgs } from 'node:util';
import type { Config } from '../../core/config.js';
import type { Db } from '../../core/db.js';
import { openDb } from '../../core/db.js';
import { UsageError, type ExitCode } from '../../core/errors.js';
import { openStore } from '../../core/store.js';
import { parseDuration } from '../../alerts/duration.js';
import { formatEvaluation, formatSilences } from '../../alerts/format.js';
import { deliverOutbox } from '../../alerts/outbox.js';
import type { MailPoster } from '../../alerts/receivers/email.js';
import { globalFetch, type FetchLike } from '../../alerts/receivers/http.js';
import { sendToReceiver } from '../../alerts/receivers/send.js';
import { parseAlertsConfig, type AlertsConfig } from '../../alerts/rules.js';
import { runEvaluation } from '../../alerts/runEvaluation.js';
import { sampleMessage } from '../../alerts/sample.js';
import { buildSilence, expireSilence, listSilences, saveSilence } from '../../alerts/silences.js';
import type { CaptureDeadlineInput, JobFailureInput } from '../../alerts/systemAlerts.js';
import { loadSystemInputs } from '../../alerts/systemInputs.js';
import { dateFlag, parseCommandArgs } from '../args.js';
import { graphMailPoster } from '../graphMail.js';
import type { Command, CommandContext } from '../context.js';

export interface AlertsCommandDeps {
  fetch?: FetchLike;
  /** The Graph sendMail path for e-mail receivers (e.g. built on ingest/graph/client.ts). */
  mailPoster?: (ctx: CommandContext) => MailPoster | undefined;
  /**
   * Inputs of the built-in CaptureDeadline / IngestFailing alerts. Default: meta.job_status and a
   * watermark-based estimate (alerts/systemInputs.ts); the ingest deadline watch can be plugged in here.
   */
  systemInputs?: (db: Db, now: Date, config: Config) => Promise<{ captureDeadlines: CaptureDeadlineInput[]; jobFailures: JobFailureInput[] }>;
}

const USAGE = 'usage: cqd-patterns alerts eval [--dry-run] [--no-deliver] [--json] | deliver | test RECEIVER | silence --match M --for DURATION --comment TEXT | silences [--all] | expire ID';

export function createAlertsCommand(deps: AlertsCommandDeps = {}): Command {
  return async (ctx): Promise<ExitCode> => {
    const [sub, ...rest] = ctx.argv;
    const { config: full, dbPath } = ctx.config();
    const cfg = parseAlertsConfig(full.alerts, 'config');
    const externalUrl = cfg.external_url ?? full.report.link ?? null;
    const send = { fetch: deps.fetch ?? globalFetch, mail: deps.mailPoster?.(ctx) };
    const withDb = async <T>(fn: (db: Db) => Promise<T>, readOnly = false): Promise<T> => {
      const db = readOnly ? await openDb(dbPath, { readOnly: true }) : await openStore(dbPath);
      try {
        return await fn(db);
      } finally {
        db.close();
      }
    };
    const deliver = (db: Db, c: AlertsConfig) => deliverOutbox({ db, ...send, now: () => ctx.clock.now(), log: ctx.log }, c.receivers, c.delivery);

    switch (sub) {
      case 'eval': {
        const { values } = parseCommandArgs(() =>
          parseArgs({ args: rest, options: { 'dry-run': { type: 'boolean' }, 'no-deliver': { type: 'boolean' }, json: { type: 'boolean' }, now: { type: 'string' } } }),
        );
        const now = dateFlag('now', values.now) ?? ctx.clock.now();
        const dryRun = values['dry-run'] === true;
        return withDb(async (db): Promise<ExitCode> => {
          const system = deps.systemInputs
            ? await deps.systemInputs(db, now, full)
            : await loadSystemInputs(db, now, full);
          const out = await runEvaluation({ db, config: cfg, now, dryRun, externalUrl, ...system });
          ctx.stdout(values.json ? JSON.stringify({ dryRun, ...out }, null, 2) + '\n' : formatEvaluation(out, dryRun));
          if (!dryRun && values['no-deliver'] !== true) {
            const d = await deliver(db, cfg);
            ctx.log.info('alerts delivered', { delivered: d.delivered, retried: d.retried, dead: d.dead, deferred: d.deferred });
          }
          return 0;
        }, dryRun);
      }
      case 'deliver': {
        parseCommandArgs(() => parseArgs({ args: rest, options: {} }));
        return withDb(async (db): Promise<ExitCode> => {
          const d = await deliver(db, cfg);
          ctx.stdout(`delivered ${d.delivered}, retry later ${d.retried}, deferred ${d.deferred}, given up ${d.dead}\n`);
          return d.dead > 0 || d.retried > 0 ? 1 : 0;
        });
      }
      case 'test': {
        const { positionals } = parseCommandArgs(() => parseArgs({ args: rest, options: {}, allowPositionals: true }));
        const name = positionals[0];
        if (!name || positionals.length > 1) throw new UsageError('usage: cqd-patterns alerts test RECEIVER');
        const receiver = cfg.receivers.find((r) => r.name === name);
        if (!receiver) throw new UsageError(`no receiver named '${name}' (configured: ${cfg.receivers.map((r) => r.name).join(', ') || 'none'})`);
        await sendToReceiver(send, receiver, sampleMessage(receiver.name, ctx.clock.now(), externalUrl));
        ctx.stdout(`sent a sample notification to ${name} (${receiver.type})\n`);
        return 0;
      }
      case 'silence': {
        const { values } = parseCommandArgs(() =>
          parseArgs({
            args: rest,
            options: { match: { type: 'string', multiple: true }, for: { type: 'string' }, comment: { type: 'string' }, author: { type: 'string' }, start: { type: 'string' } },
          }),
        );
        const durationMs = values.for === undefined ? undefined : parseDuration(values.for);
        if (durationMs === undefined) throw new UsageError(`--for needs a duration such as 30m, 4h or 2d${values.for ? `, got '${values.for}'` : ''}`);
        const now = ctx.clock.now();
        const silence = buildSilence({
          matchers: values.match ?? [],
          durationMs,
          comment: values.comment ?? '',
          createdBy: values.author ?? ctx.env['USER'] ?? 'cqd-patterns',
          now,
          startsAt: dateFlag('start', values.start),
        });
        await withDb((db) => saveSilence(db, silence, now));
        ctx.stdout(`${silence.id}\n`);
        ctx.stderr(`silenced until ${silence.endsAt}\n`);
        return 0;
      }
      case 'silences': {
        const { values } = parseCommandArgs(() => parseArgs({ args: rest, options: { all: { type: 'boolean' }, json: { type: 'boolean' } } }));
        const now = ctx.clock.now();
        const list = await withDb((db) => listSilences(db, values.all ? new Date(0) : now));
        ctx.stdout(values.json ? JSON.stringify(list, null, 2) + '\n' : formatSilences(list, now));
        return 0;
      }
      case 'expire': {
        const { positionals } = parseCommandArgs(() => parseArgs({ args: rest, options: {}, allowPositionals: true }));
        const id = positionals[0];
        if (!id || positionals.length > 1) throw new UsageError('usage: cqd-patterns alerts expire SILENCE_ID');
        const done = await withDb((db) => expireSilence(db, id, ctx.clock.now()));
        if (!done) throw new UsageError(`no silence '${id}' is in force`);
        ctx.stdout(`expired ${id}\n`);
        return 0;
      }
      default:
        throw new UsageError(sub ? `unknown alerts subcommand '${sub}'\n${USAGE}` : USAGE);
    }
  };
}

/** The command the CLI dispatches to (global fetch; e-mail receivers need `createAlertsCommand({ mailPoster })`). */
export const alerts: Command = createAlertsCommand({ mailPoster: (ctx) => graphMailPoster(ctx.config().config, ctx.log) });
