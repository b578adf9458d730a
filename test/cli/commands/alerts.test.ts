import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fixedClock } from '../../../core/clock.js';
import { loadConfig } from '../../../core/config.js';
import { UsageError } from '../../../core/errors.js';
import { memoryLogger } from '../../../core/log.js';
import { openStore } from '../../../core/store.js';
import { verifySignature } from '../../../alerts/receivers/webhook.js';
import { alerts } from '../../../cli/commands/alerts.js';
import type { CommandContext } from '../../../cli/context.js';
import { insertRun } from '../../alerts/dbFixtures.js';
import { makeCluster } from '../../alerts/fixtures.js';
import { startReceiver, type TestReceiver } from '../../alerts/httpReceiver.js';

let dir: string;
let rx: TestReceiver;
const NOW = '2026-11-28T05:00:00.000Z';

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cqd-alerts-'));
  rx = await startReceiver();
  writeFileSync(
    join(dir, 'cqd-patterns.yaml'),
    `database: ${join(dir, 'db.duckdb')}
report:
  link: https://reports.example.com/latest
alerts:
  receivers:
    - name: hook
      type: webhook
      url: ${rx.url}
      secret: \${HOOK_SECRET}
    - name: teams
      type: teams
      url: ${rx.url.replace('/hook', '/teams')}
`,
  );
  const db = await openStore(join(dir, 'db.duckdb'));
  await insertRun(db, 'r1', '2026-11-28T04:00:00.000Z', [makeCluster()]);
  db.close();
});
afterEach(async () => {
  await rx.close();
  rmSync(dir, { recursive: true, force: true });
});

function ctx(argv: string[], now = NOW): CommandContext & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  const env = { HOOK_SECRET: 'hook-secret' };
  return {
    argv,
    out,
    err,
    stdout: (s) => out.push(s),
    stderr: (s) => err.push(s),
    stdoutIsTTY: false,
    env,
    cwd: dir,
    log: memoryLogger(),
    clock: fixedClock(now),
    config: () => loadConfig({ env, cwd: dir }),
    signal: new AbortController().signal,
  };
}

async function outboxRows(): Promise<number> {
  const db = await openStore(join(dir, 'db.duckdb'));
  try {
    return (await db.query('SELECT count(*)::integer AS n FROM alerts.outbox', z.object({ n: z.number() })))[0]?.n ?? -1;
  } finally {
    db.close();
  }
}

describe('cqd-patterns alerts', () => {
  it('eval --dry-run prints states and would-be notifications, and sends and writes nothing', async () => {
    const c = ctx(['eval', '--dry-run']);
    expect(await alerts(c)).toBe(0);
    const text = c.out.join('');
    expect(text).toMatch(/rule AuthFailureCluster: 1 matching in run r1/);
    expect(text).toMatch(/FIRING\s+\w+\s+sbc=sbc3\.contoso\.com\s+failures=40 users=9/);
    expect(text).toMatch(/would send firing AuthFailureCluster \w+ → hook/);
    expect(text).toMatch(/would send firing AuthFailureCluster \w+ → teams/);
    expect(text).toMatch(/dry run: nothing was written or sent/);
    expect(rx.received).toHaveLength(0);
    expect(await outboxRows()).toBe(0);
  });

  it('eval enqueues and delivers, signed; a second eval sends nothing new', async () => {
    expect(await alerts(ctx(['eval']))).toBe(0);
    expect(rx.received.map((r) => r.path).sort()).toEqual(['/hook', '/teams']);
    const hook = rx.received.find((r) => r.path === '/hook');
    expect(verifySignature(hook?.body ?? '', String(hook?.headers['x-cqd-signature']), 'hook-secret')).toBe(true);
    expect(hook?.body).toContain('https://reports.example.com/latest');
    const c2 = ctx(['eval'], '2026-11-28T05:30:00.000Z');
    expect(await alerts(c2)).toBe(0);
    expect(c2.out.join('')).toMatch(/no notifications/);
    expect(rx.received).toHaveLength(2);
  });

  it('--json prints the outcome as JSON', async () => {
    const c = ctx(['eval', '--dry-run', '--json']);
    await alerts(c);
    const parsed = z.object({ dryRun: z.boolean(), notifications: z.array(z.object({ kind: z.string() })) }).parse(JSON.parse(c.out.join('')));
    expect(parsed.dryRun).toBe(true);
    expect(parsed.notifications.map((n) => n.kind)).toEqual(['firing', 'firing']);
  });

  it('silence mutes a matching cluster; silences lists it; expire ends it', async () => {
    const s = ctx(['silence', '--match', 'sbc=sbc3.*', '--for', '4h', '--comment', 'SBC3 firmware upgrade', '--author', 'oncall']);
    expect(await alerts(s)).toBe(0);
    const id = s.out.join('').trim();
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const list = ctx(['silences']);
    await alerts(list);
    expect(list.out.join('')).toMatch(new RegExp(`${id}\\s+active .* sbc=~sbc3\\.\\* +by oncall: SBC3 firmware upgrade`));
    const ev = ctx(['eval']);
    await alerts(ev);
    expect(ev.out.join('')).toMatch(new RegExp(`silenced by ${id}`));
    expect(rx.received).toHaveLength(0);
    expect(await alerts(ctx(['expire', id], '2026-11-28T05:10:00.000Z'))).toBe(0);
    await alerts(ctx(['eval'], '2026-11-28T05:20:00.000Z'));
    expect(rx.received).toHaveLength(2);
    await expect(alerts(ctx(['expire', id], '2026-11-28T05:30:00.000Z'))).rejects.toThrow(UsageError);
  });

  it('test RECEIVER sends a sample now', async () => {
    const c = ctx(['test', 'teams']);
    expect(await alerts(c)).toBe(0);
    expect(rx.received[0]?.path).toBe('/teams');
    expect(rx.received[0]?.body).toContain('AdaptiveCard');
    await expect(alerts(ctx(['test', 'nope']))).rejects.toThrow(/no receiver named 'nope' \(configured: hook, teams\)/);
  });

  it('deliver sends what is due and says so', async () => {
    await alerts(ctx(['eval', '--no-deliver']));
    expect(rx.received).toHaveLength(0);
    const c = ctx(['deliver']);
    expect(await alerts(c)).toBe(0);
    expect(c.out.join('')).toBe('delivered 2, retry later 0, deferred 0, given up 0\n');
  });

  it('rejects bad usage', async () => {
    await expect(alerts(ctx([]))).rejects.toThrow(UsageError);
    await expect(alerts(ctx(['frobnicate']))).rejects.toThrow(/unknown alerts subcommand/);
    await expect(alerts(ctx(['silence', '--match', 'sbc=x', '--for', 'ages', '--comment', 'c']))).rejects.toThrow(/--for needs a duration/);
    await expect(alerts(ctx(['eval', '--bogus']))).rejects.toThrow(UsageError);
  });
});
