import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../core/store.js';
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET } from '../../demo/captureDemo.js';
import { startEmulator } from '../../demo/emulator/startEmulator.js';
import type { Emulator } from '../../demo/emulator/types.js';
import { generateTenant } from '../../demo/tenant/index.js';

let emu: Emulator;
let dir: string;
const now = '2026-11-23T00:00:00Z';

beforeAll(async () => {
  const tenant = generateTenant({ users: 20, days: 8, seed: 11 });
  emu = await startEmulator(tenant, { now: () => new Date(now), clientId: DEMO_CLIENT_ID, clientSecret: DEMO_CLIENT_SECRET });
  dir = mkdtempSync(join(tmpdir(), 'cqd-daemon-'));
  writeFileSync(
    join(dir, 'cqd-patterns.yaml'),
    [
      'graph:',
      `  tenantId: ${tenant.tenantId}`,
      `  clientId: ${DEMO_CLIENT_ID}`,
      '  clientSecret: ${DEMO_SECRET}',
      `  endpointOverride: ${emu.url}`,
      '  callRecordsRequestsPer20s: 100000',
      'ingest:',
      '  backfillDays: 10',
      "  schedule: '0 * * * *'",
    ].join('\n') + '\n',
  );
});
afterAll(async () => emu.close());

describe('daemon', () => {
  it('back-fills on start, then stops cleanly on SIGTERM with exit 0 and a recorded success', async () => {
    const env = {
      ...process.env,
      DEMO_SECRET: DEMO_CLIENT_SECRET,
      CQD_PATTERNS_VAULT_KEY: randomBytes(32).toString('base64'),
      CQD_PATTERNS_PSEUDONYM_KEY: randomBytes(32).toString('base64'),
    };
    const p = spawn(process.execPath, [join(process.cwd(), 'bin/cqd-patterns.js'), 'daemon', '--now', now, '--log-format', 'json'], { cwd: dir, env });
    let err = '';
    let signalled = false;
    const code = await new Promise<number | null>((resolve) => {
      p.stderr.on('data', (d: Buffer) => {
        err += d.toString();
        if (!signalled && err.includes('daemon: pipeline ok')) {
          signalled = true;
          p.kill('SIGTERM');
        }
      });
      p.on('close', resolve);
    });
    expect(err, err.slice(-3000)).toContain('daemon: stopped');
    expect(code).toBe(0);
    expect(err).not.toContain(DEMO_CLIENT_SECRET);
    const db = await openStore(join(dir, 'data', 'cqd-patterns.duckdb'));
    try {
      const rows = await db.query(`SELECT job, consecutive_failures FROM meta.job_status ORDER BY job`, z.object({ job: z.string(), consecutive_failures: z.number() }));
      expect(rows).toEqual([
        { job: 'build', consecutive_failures: 0 },
        { job: 'ingest', consecutive_failures: 0 },
        { job: 'patterns', consecutive_failures: 0 },
      ]);
      const n = await db.query('SELECT count(*)::INTEGER AS n FROM marts.setup_attempts', z.object({ n: z.number() }));
      expect(n[0]?.n).toBeGreaterThan(0);
    } finally {
      db.close();
    }
  }, 180_000);
});
