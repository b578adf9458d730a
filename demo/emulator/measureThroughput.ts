/**
 * Throughput of the emulator through the real Graph client: list N call records, then GET each one
 * expanded with concurrency C. Baseline in the same process: the same GETs with bare fetch.
 *   npx tsx demo/emulator/measureThroughput.ts [N=50000] [C=8]
 */
import { createLogger } from '../../core/log.js';
import { createGraphClient } from '../../ingest/graph/client.js';
import { getCallRecordExpanded, pages } from '../../ingest/graph/paging.js';
import { mapConcurrent } from '../../ingest/graph/rateLimiter.js';
import { callRecordSchema, type CallRecord } from '../../ingest/graph/schemas.js';
import { startEmulator } from './startEmulator.js';

const N = Number(process.argv[2] ?? 50_000);
const C = Number(process.argv[3] ?? 8);
const NOW = '2026-05-20T12:00:00Z';
const TENANT = '00000000-0000-4000-8000-0000000000b1';

function record(i: number): CallRecord {
  const start = new Date(Date.parse(NOW) - 86_400_000 + i * 1000).toISOString();
  const end = new Date(Date.parse(start) + 90_000).toISOString();
  const ep = (side: string) => ({
    '@odata.type': '#microsoft.graph.callRecords.participantEndpoint',
    userAgent: { '@odata.type': '#microsoft.graph.callRecords.clientUserAgent', platform: 'windows', productFamily: 'teams', headerValue: `UA ${side} 1.2.${i % 50}` },
  });
  const seg = (k: number) => ({
    id: `seg-${i}-${k}`,
    startDateTime: start,
    endDateTime: end,
    caller: ep('a'),
    callee: ep('b'),
    media: [{ label: 'main-audio', callerNetwork: { subnet: '10.1.2.0', connectionType: 'wired' }, calleeNetwork: { subnet: '10.9.8.0', connectionType: 'wifi' }, streams: [] }],
  });
  return callRecordSchema.parse({
    id: `00000000-0000-4000-9000-${i.toString(16).padStart(12, '0')}`,
    version: 1,
    type: 'peerToPeer',
    modalities: ['audio'],
    startDateTime: start,
    endDateTime: end,
    sessions: [0, 1].map((k) => ({ id: `ses-${i}-${k}`, modalities: ['audio'], startDateTime: start, endDateTime: end, caller: ep('a'), callee: ep('b'), segments: [seg(k)] })),
  });
}

async function main() {
  const callRecords = Array.from({ length: N }, (_, i) => record(i));
  const emu = await startEmulator(
    { tenantId: TENANT, callRecords, directRoutingCalls: [], pstnCalls: [], signIns: [] },
    { now: () => new Date(NOW), clientId: 'bench-client', clientSecret: 'bench-secret' },
  );
  try {
    const client = createGraphClient({
      tenantId: TENANT, clientId: 'bench-client', clientSecret: 'bench-secret', graphUrl: 'https://graph.microsoft.com',
      authorityHost: 'https://login.microsoftonline.com', endpointOverride: emu.url, retry: { maxRetries: 3, delayS: 0 },
      log: createLogger({ format: 'human', level: 'warn' }),
    });
    let t = performance.now();
    const ids: string[] = [];
    for await (const page of pages(client, `/communications/callRecords?$filter=startDateTime ge 2026-05-01T00:00:00Z`)) {
      for (const r of page.value) if (r !== null && typeof r === 'object' && 'id' in r) ids.push(String(r.id));
    }
    const listS = (performance.now() - t) / 1000;
    console.log(`list: ${ids.length} records, ${Math.ceil(ids.length / 60)} pages in ${listS.toFixed(2)} s`);

    t = performance.now();
    let cpu = process.cpuUsage();
    await mapConcurrent(ids, C, (id) => getCallRecordExpanded(client, id));
    const clientS = (performance.now() - t) / 1000;
    const clientCpu = process.cpuUsage(cpu);

    // Baseline: the same GETs with bare fetch and a token fetched once (no SDK, no validation).
    const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: 'bench-client', client_secret: 'bench-secret', scope: 'https://graph.microsoft.com/.default' });
    const tok: unknown = await (await fetch(`${emu.url}/${TENANT}/oauth2/v2.0/token`, { method: 'POST', body: form })).json();
    const bearer = tok !== null && typeof tok === 'object' && 'access_token' in tok ? String(tok.access_token) : '';
    t = performance.now();
    cpu = process.cpuUsage();
    await mapConcurrent(ids, C, async (id) => {
      const res = await fetch(`${emu.url}/v1.0/communications/callRecords/${id}?$expand=sessions($expand=segments)`, { headers: { Authorization: `Bearer ${bearer}` } });
      await res.json();
    });
    const fetchS = (performance.now() - t) / 1000;
    const fetchCpu = process.cpuUsage(cpu);
    const rps = (s: number) => Math.round(ids.length / s);
    const cpuUs = (c: NodeJS.CpuUsage) => Math.round((c.user + c.system) / ids.length);
    console.log(`graph client, concurrency ${C}: ${ids.length} GETs in ${clientS.toFixed(2)} s = ${rps(clientS)} req/s; CPU ${cpuUs(clientCpu)} µs/request (client + emulator, one thread)`);
    console.log(`bare fetch baseline:            ${ids.length} GETs in ${fetchS.toFixed(2)} s = ${rps(fetchS)} req/s; CPU ${cpuUs(fetchCpu)} µs/request`);
    console.log(`load average: ${(await import('node:os')).loadavg().map((l) => l.toFixed(1)).join(' ')}`);
    console.log(`ratio client/baseline time: ${(clientS / fetchS).toFixed(2)}x; emulator served ${emu.stats.total} requests`);
  } finally {
    await emu.close();
  }
}

await main();
