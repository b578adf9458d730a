/**
 * Run one Graph ingest in its own process (so a test can kill -9 it): argv = dbPath, emulatorUrl,
 * tenantId, nowIso. Keys come from the environment.
 */
import { fixedClock } from '../../core/clock.js';
import { normalizeConfig } from '../../core/config.js';
import { createLogger } from '../../core/log.js';
import { openStore } from '../../core/store.js';
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET } from '../../demo/captureDemo.js';
import { createGraphClient } from '../../ingest/graph/client.js';
import { ingestFromGraph } from '../../ingest/graphIngest.js';
import { loadKeys } from '../../ingest/keys.js';

const [dbPath = '', url = '', tenantId = '', now = ''] = process.argv.slice(2);
const log = createLogger({ format: 'json', level: 'warn' });
const config = normalizeConfig(
  { graph: { tenantId, clientId: DEMO_CLIENT_ID, clientSecret: DEMO_CLIENT_SECRET, callRecordsRequestsPer20s: 1_000_000, pstnRequestsPer60s: 100_000, signInRequestsPer10s: 100_000, concurrency: 4 }, ingest: { backfillDays: 30 } },
  {},
  'test',
);
const db = await openStore(dbPath);
const keys = loadKeys({ env: process.env, keyFile: undefined, dbPath, create: false });
if (!keys) throw new Error('no keys');
const client = createGraphClient({ tenantId, clientId: DEMO_CLIENT_ID, clientSecret: DEMO_CLIENT_SECRET, graphUrl: config.graph.graphUrl, authorityHost: config.graph.authorityHost, endpointOverride: url, retry: { maxRetries: 3, delayS: 0 }, log });
const results = await ingestFromGraph({ db, client, keys, log, clock: fixedClock(now), config });
db.close();
process.stdout.write(JSON.stringify(results) + '\n');
