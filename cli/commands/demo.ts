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
import { build } from '../../transform/build.js';
import { intFlag, parseCommandArgs } from '../args.js';
import type { Command } from '../context.js';
import { formatCapture } from './doctor.js';

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
  const db = await openStore(dbPath);
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
    const totals = new Map<string, number>();
    for (const r of cap.runs) for (const s of r.results) totals.set(s.source, (totals.get(s.source) ?? 0) + s.items);
    const status = await captureStatus(db, now, { signInRetentionDays: 30, marginDays: 7 });
    ctx.stdout(
      `cqd-patterns demo — synthetic tenant ${cap.tenant.options.users} users × ${cap.tenant.options.days} days, up to ${cap.tenant.options.end}\n` +
        `captured through the local Graph emulator in ${cap.runs.length} daemon runs (${cap.requests} HTTP requests):\n` +
        [...totals].map(([k, v]) => `  ${k.padEnd(19)} ${v} item(s) fetched`).join('\n') +
        `\n${formatCapture(status)}` +
        `marts.setup_attempts: ${b.attempts} attempts, ${b.failures} setup failures, ${b.authLinked} auth-linked\n` +
        `database: ${dbPath}\nground truth: ${join(dir, 'ground-truth.json')}\n` +
        `done in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`,
    );
    return 0;
  } finally {
    db.close();
  }
};
