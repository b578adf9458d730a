/**
 * `npm run demo`: the whole pipeline on the built-in synthetic tenant, no config, no credentials.
 * generate tenant → local Graph emulator → ingest (real Graph client) → sites → build → patterns → report → alerts
 */
import { rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openStore } from '../../core/store.js';
import { captureStatus } from '../../ingest/deadline.js';
import { loadKeys } from '../../ingest/keys.js';
import { captureDemo } from '../../demo/captureDemo.js';
import { analyzeDemo } from '../../demo/analyzeDemo.js';
import { build } from '../../transform/build.js';
import type { PatternResult } from '../../transform/patterns/cluster.js';
import { publishSnapshot } from '../../transform/snapshot.js';
import { intFlag, parseCommandArgs } from '../args.js';
import type { Command } from '../context.js';
import { formatCapture } from './doctor.js';

function formatWeekly(r: PatternResult): string {
  const dims = (d: Record<string, string | undefined>) => Object.entries(d).filter(([, v]) => v !== undefined).map(([k, v]) => `${k}=${v}`).join(' & ');
  const lines = r.clusters.slice(0, 8).map((c, i) =>
    `  ${String(i + 1).padStart(2)}. ${dims(c.dimensions)}  ${c.failures} failures (expected ${c.expected_failures.toFixed(1)}), ${c.users} users, ${c.layers[0]?.value ?? '?'}/${c.origins[0]?.value ?? '?'}`,
  );
  const single = r.single_user.map((u) => `  single user ${u.user}: ${u.failures} failures (an account or device problem, not a pattern)`);
  return `auth-linked clusters, last week (${r.window.from.slice(0, 10)} to ${r.window.to.slice(0, 10)}):\n${[...lines, ...single].join('\n') || '  none'}\n`;
}

export const demo: Command = async (ctx) => {
  const { values } = parseCommandArgs(() =>
    parseArgs({
      args: ctx.argv,
      options: { users: { type: 'string' }, days: { type: 'string' }, seed: { type: 'string' }, 'step-days': { type: 'string' }, keep: { type: 'boolean' } },
      strict: true,
    }),
  );
  const t0 = performance.now();
  const dbPath = resolve(ctx.cwd, ctx.env['CQD_PATTERNS_DB'] ?? ctx.config().dbPath.replace(/cqd-patterns\.duckdb$/, 'demo.duckdb'));
  if (!values.keep) {
    // The demo is reproducible: start from an empty store each time (its own file, never a real tenant's).
    for (const f of [dbPath, `${dbPath}.wal`, `${dbPath}.keys.json`]) rmSync(f, { force: true });
  }
  const memoryLimit = ctx.config().config.memoryLimit;
  const db = await openStore(dbPath, memoryLimit ? { memoryLimit } : {});
  try {
    const keys = loadKeys({ env: ctx.env, keyFile: undefined, dbPath, create: true });
    if (!keys) throw new Error('unreachable: keys are created when missing');
    ctx.log.info(`demo: database ${dbPath}`);
    const dir = join(dirname(dbPath), 'demo-tenant');
    const cap = await captureDemo(
      { db, keys, log: ctx.log },
      {
        tenant: {
          ...(values.users ? { users: intFlag('users', values.users, 1000) } : {}),
          ...(values.days ? { days: intFlag('days', values.days, 35) } : {}),
          ...(values.seed ? { seed: intFlag('seed', values.seed, 42) } : {}),
        },
        stepDays: intFlag('step-days', values['step-days'], 7),
        dir,
      },
    );
    const now = new Date(cap.tenant.options.end);
    const b = await build(db, { signInWindowMinutes: cap.config.transform.signInWindowMinutes, carrierMap: {}, log: ctx.log, force: true });
    ctx.log.info(`demo: built marts: ${b.attempts} attempts, ${b.failures} failures, ${b.authLinked} auth-linked (${Math.round(b.ms)} ms)`);
    const snap = await publishSnapshot(db, dbPath);
    ctx.log.info(`demo: published analyst snapshot ${snap.path} (${Math.round(snap.ms)} ms)`);
    const a = await analyzeDemo({ db, log: ctx.log, keys }, { tenant: cap.tenant, config: cap.config, reportDir: join(dirname(dbPath), 'demo-report') });
    const totals = new Map<string, number>();
    for (const r of cap.runs) for (const s of r.results) totals.set(s.source, (totals.get(s.source) ?? 0) + s.items);
    const status = await captureStatus(db, now, { signInRetentionDays: cap.config.ingest.signInRetentionDays, marginDays: cap.config.ingest.deadlineMarginDays });
    ctx.stdout(
      `cqd-patterns demo — synthetic tenant ${cap.tenant.options.users} users × ${cap.tenant.options.days} days, up to ${cap.tenant.options.end}\n` +
        `captured through the local Graph emulator in ${cap.runs.length} daemon runs (${cap.requests} HTTP requests):\n` +
        [...totals].map(([k, v]) => `  ${k.padEnd(19)} ${v} item(s) fetched`).join('\n') +
        `\n${formatCapture(status)}` +
        `marts.setup_attempts: ${b.attempts} attempts, ${b.failures} setup failures, ${b.authLinked} auth-linked\n` +
        formatWeekly(a.weekly) +
        `alerts, replaying the week day by day (default rule):\n` +
        a.alertDays.map((d) => `  ${d.day}: ${d.firing.length ? `firing ${d.firing.join('; ')}` : 'nothing firing'}${d.notifications ? ` (${d.notifications} notification(s))` : ''}`).join('\n') +
        `\nground truth check (${join(dir, 'ground-truth.json')}):\n` +
        a.truth.map((t) => `  ${t.ok ? 'ok  ' : 'MISS'} ${t.incident.padEnd(18)} expected ${t.expected}: ${t.detail}`).join('\n') +
        `\ndatabase: ${dbPath}\nanalyst snapshot: ${snap.path} (try: npm run cli -- sql --snapshot ${snap.path} "FROM marts.daily_rollup LIMIT 5")\n` +
        `weekly report: ${a.report.html}\n` +
        `done in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`,
    );
    return 0;
  } finally {
    db.close();
  }
};
