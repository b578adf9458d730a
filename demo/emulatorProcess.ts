/**
 * Child-process entry for the demo: generates the tenant and serves it from the local Graph emulator on
 * the machine's other core, so the pipeline under test and the fake Graph do not share one JS thread.
 * Speaks a tiny IPC protocol with demo/forkEmulator.ts.
 */
import { z } from 'zod';
import { startEmulator } from './emulator/startEmulator.js';
import { generateTenant } from './tenant/index.js';

const startMsg = z.object({
  type: z.literal('start'),
  tenant: z.object({ seed: z.number().optional(), users: z.number().optional(), days: z.number().optional(), end: z.string().optional() }),
  clientId: z.string(),
  clientSecret: z.string(),
  now: z.string(),
});
const controlMsg = z.discriminatedUnion('type', [
  z.object({ type: z.literal('setNow'), now: z.string(), seq: z.number() }),
  z.object({ type: z.literal('close') }),
]);

const send = (m: unknown) => process.send?.(m);

process.once('message', async (raw: unknown) => {
  try {
    const start = startMsg.parse(raw);
    let now = new Date(start.now);
    const t0 = performance.now();
    const tenant = generateTenant(start.tenant);
    const generateMs = performance.now() - t0;
    const emu = await startEmulator(tenant, { now: () => now, clientId: start.clientId, clientSecret: start.clientSecret });
    process.on('message', async (m: unknown) => {
      const c = controlMsg.parse(m);
      if (c.type === 'setNow') {
        now = new Date(c.now);
        send({ type: 'ack', seq: c.seq });
      } else {
        const requests = emu.stats.total;
        await emu.close();
        send({ type: 'closed', requests });
        process.disconnect?.();
      }
    });
    send({
      type: 'ready',
      url: emu.url,
      generateMs,
      tenant: {
        tenantId: tenant.tenantId,
        options: tenant.options,
        buildingFile: tenant.buildingFile,
        incidents: tenant.incidents,
        counts: { callRecords: tenant.callRecords.length, directRoutingCalls: tenant.directRoutingCalls.length, pstnCalls: tenant.pstnCalls.length, signIns: tenant.signIns.length },
      },
    });
  } catch (e) {
    send({ type: 'error', message: e instanceof Error ? e.message : String(e) });
    process.exitCode = 1;
    process.disconnect?.();
  }
});
