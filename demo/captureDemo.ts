/**
 * The demo's capture phase: generate the synthetic tenant, serve it from the local Graph emulator, and
 * replay the daemon's schedule over the tenant's weeks — each run ingests through the real Graph client
 * and @azure/identity path, with the emulator's clock (and so its 30-day retention edge) moving along.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixedClock } from '../core/clock.js';
import { normalizeConfig, type Config } from '../core/config.js';
import type { Db } from '../core/db.js';
import type { Logger } from '../core/log.js';
import { createGraphClient } from '../ingest/graph/client.js';
import { ingestFromGraph, type SourceResult } from '../ingest/graphIngest.js';
import type { VaultKeys } from '../ingest/keys.js';
import { importBuildingFile } from '../sites/importFile.js';
import { forkEmulator, type DemoTenantInfo } from './forkEmulator.js';
import { DEFAULT_TENANT_OPTIONS, type TenantOptions } from './tenant/index.js';

export const DEMO_CLIENT_ID = '00000000-0000-4000-8000-00000000c0de';
/** Only the local emulator accepts it; it is not a secret. */
export const DEMO_CLIENT_SECRET = 'demo-emulator-only';

export interface CaptureDemoOptions {
  tenant: Partial<TenantOptions>;
  /** Days between replayed daemon runs (the real daemon runs hourly; a week keeps the demo fast). */
  stepDays: number;
  /** Folder for the building file and the ground truth. */
  dir: string;
}

export interface CaptureDemoResult {
  tenant: DemoTenantInfo;
  runs: { at: string; results: SourceResult[] }[];
  requests: number;
  config: Config;
}

const DAY = 86_400_000;

export async function captureDemo(deps: { db: Db; keys: VaultKeys; log: Logger }, opts: CaptureDemoOptions): Promise<CaptureDemoResult> {
  const { db, keys, log } = deps;
  const full = { ...DEFAULT_TENANT_OPTIONS, ...opts.tenant };
  const start = new Date(Date.parse(full.end) - full.days * DAY).toISOString();
  const emu = await forkEmulator({ tenant: opts.tenant, clientId: DEMO_CLIENT_ID, clientSecret: DEMO_CLIENT_SECRET, now: start });
  const { tenant } = emu;
  const { options } = tenant;
  const c = tenant.counts;
  log.info(
    `demo: generated tenant (${options.users} users × ${options.days} days, seed ${options.seed}): ${c.callRecords} call records, ` +
      `${c.directRoutingCalls} Direct Routing rows, ${c.pstnCalls} PSTN rows, ${c.signIns} sign-ins (${Math.round(emu.generateMs)} ms); ` +
      `local Graph emulator at ${emu.url}`,
  );
  mkdirSync(opts.dir, { recursive: true });
  const buildingFile = join(opts.dir, 'buildings.csv');
  writeFileSync(buildingFile, tenant.buildingFile);
  writeFileSync(join(opts.dir, 'ground-truth.json'), JSON.stringify({ tenantId: tenant.tenantId, options, incidents: tenant.incidents }, null, 2) + '\n');

  const endMs = Date.parse(options.end);
  const startMs = endMs - options.days * DAY;
  const siteClock = fixedClock(new Date(startMs).toISOString());
  const imported = await importBuildingFile({ db, clock: siteClock }, { path: buildingFile, start: new Date(startMs).toISOString().slice(0, 10) });
  log.info(`demo: building file ${imported.status}`);

  const clock = fixedClock(new Date(startMs + opts.stepDays * DAY).toISOString());
  const config = normalizeConfig(
    {
      graph: {
        tenantId: tenant.tenantId,
        clientId: DEMO_CLIENT_ID,
        clientSecret: DEMO_CLIENT_SECRET,
        // The emulator is not Microsoft: no need to stay under Graph's published budgets.
        callRecordsRequestsPer20s: 1_000_000,
        pstnRequestsPer60s: 100_000,
        signInRequestsPer10s: 100_000,
        concurrency: 16,
      },
      ingest: { trailingHours: 24, backfillDays: opts.stepDays + 1 },
    },
    {},
    'demo',
  );
  let requests = 0;
  const runs: CaptureDemoResult['runs'] = [];
  try {
    const client = createGraphClient({
      tenantId: tenant.tenantId,
      clientId: DEMO_CLIENT_ID,
      clientSecret: DEMO_CLIENT_SECRET,
      graphUrl: config.graph.graphUrl,
      authorityHost: config.graph.authorityHost,
      endpointOverride: emu.url,
      retry: { maxRetries: 5, delayS: 1 },
      log,
    });
    for (let at = startMs + opts.stepDays * DAY; ; at = Math.min(at + opts.stepDays * DAY, endMs)) {
      clock.set(new Date(at).toISOString());
      await emu.setNow(clock.now().toISOString());
      const t = performance.now();
      const results = await ingestFromGraph({ db, client, keys, log: quiet(log), clock, config });
      runs.push({ at: new Date(at).toISOString(), results });
      log.info(`demo: daemon run at ${new Date(at).toISOString().slice(0, 10)}: ${results.map((r) => `${r.source} ${r.items}`).join(', ')} (${Math.round(performance.now() - t)} ms)`);
      const failed = results.find((r) => r.error);
      if (failed) throw new Error(`demo ingest of ${failed.source} failed: ${failed.error}`);
      if (at >= endMs) break;
    }
  } finally {
    requests = await emu.close();
  }
  return { tenant, runs, requests, config };
}

/** The per-window progress lines are too chatty for the demo: keep warnings and errors only. */
function quiet(log: Logger): Logger {
  return { ...log, info: () => {}, debug: () => {} };
}
