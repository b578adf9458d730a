import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../core/store.js';
import { startEmulator } from '../../demo/emulator/startEmulator.js';
import type { Emulator } from '../../demo/emulator/types.js';
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET } from '../../demo/captureDemo.js';
import { generateTenant, type Tenant } from '../../demo/tenant/index.js';

// A small tenant served by the emulator; the ingest runs in a child process that the test kills.
let tenant: Tenant;
let emu: Emulator;
let dir: string;
const now = '2026-11-23T00:00:00Z';
const env = { ...process.env, CQD_PATTERNS_VAULT_KEY: randomBytes(32).toString('base64'), CQD_PATTERNS_PSEUDONYM_KEY: randomBytes(32).toString('base64') };

beforeAll(async () => {
  tenant = generateTenant({ users: 40, days: 10, seed: 7 });
  emu = await startEmulator(tenant, { now: () => new Date(now), clientId: DEMO_CLIENT_ID, clientSecret: DEMO_CLIENT_SECRET });
  dir = mkdtempSync(join(tmpdir(), 'cqd-ingest-'));
});
afterAll(async () => {
  await emu.close();
  rmSync(dir, { recursive: true, force: true });
});

function runChild(dbPath: string, killAfterRequests?: number): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const start = emu.stats.total;
    const p = spawn(process.execPath, ['--import', 'tsx', 'test/helpers/ingestChild.ts', dbPath, emu.url, tenant.tenantId, now], { env, cwd: process.cwd() });
    let out = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    let timer: NodeJS.Timeout | undefined;
    if (killAfterRequests !== undefined) {
      timer = setInterval(() => {
        if (emu.stats.total - start >= killAfterRequests) p.kill('SIGKILL');
      }, 5);
    }
    p.on('close', (code) => {
      if (timer) clearInterval(timer);
      resolve({ code, out });
    });
  });
}

const counts = z.object({ records: z.number(), sessions: z.number(), dr: z.number(), pstn: z.number(), signins: z.number(), dup: z.number() });
async function storeCounts(dbPath: string) {
  const db = await openStore(dbPath);
  try {
    const r = await db.query(
      `SELECT (SELECT count(*) FROM raw.call_records)::INTEGER AS records, (SELECT count(*) FROM raw.call_sessions)::INTEGER AS sessions,
              (SELECT count(*) FROM raw.direct_routing_calls)::INTEGER AS dr, (SELECT count(*) FROM raw.pstn_calls)::INTEGER AS pstn,
              (SELECT count(*) FROM raw.sign_ins)::INTEGER AS signins,
              (SELECT count(*) - count(DISTINCT id) FROM raw.call_records)::INTEGER AS dup`,
      counts,
    );
    return r[0];
  } finally {
    db.close();
  }
}

describe('ingest from Graph (emulator)', () => {
  it('captures every retrievable record exactly once, and a rerun changes nothing', async () => {
    const db = join(dir, 'full.duckdb');
    const first = await runChild(db);
    expect(first.code).toBe(0);
    const c = await storeCounts(db);
    expect(c?.records).toBe(tenant.callRecords.length);
    expect(c?.dr).toBe(tenant.directRoutingCalls.length);
    expect(c?.pstn).toBe(tenant.pstnCalls.length);
    expect(c?.signins).toBe(tenant.signIns.length);
    expect(c?.dup).toBe(0);
    expect(c?.sessions).toBeGreaterThanOrEqual(tenant.callRecords.length);
    const again = await runChild(db);
    expect(again.code).toBe(0);
    expect(await storeCounts(db)).toEqual(c);
  }, 120_000);

  it('killed with SIGKILL at several points and rerun, the store ends up the same as one clean run', async () => {
    const clean = await storeCounts(join(dir, 'full.duckdb'));
    for (const killAt of [3, 40, 150]) {
      const db = join(dir, `kill-${killAt}.duckdb`);
      const killed = await runChild(db, killAt);
      expect(killed.code, `run killed after ${killAt} requests`).not.toBe(0);
      const rerun = await runChild(db);
      expect(rerun.code).toBe(0);
      expect(await storeCounts(db), `kill after ${killAt} requests`).toEqual(clean);
    }
  }, 300_000);
});
