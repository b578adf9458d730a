/** Parent side of demo/emulatorProcess.ts: fork it, wait until it serves, move its clock, close it. */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { TenantOptions } from './tenant/index.js';

const incident = z.object({
  id: z.string(), kind: z.string(), description: z.string(),
  dimensions: z.object({ site: z.string().optional(), sbc: z.string().optional(), client_build: z.string().optional(), carrier_path: z.string().optional() }),
  layer: z.string(), origin: z.string(), start: z.string(), end: z.string(),
  expected: z.enum(['cluster', 'single_user', 'not_a_pattern']), user: z.string().optional(),
  injected: z.object({ failures: z.number(), users: z.number(), signInFailures: z.number().optional() }).optional(),
});
const readyMsg = z.object({
  type: z.literal('ready'),
  url: z.string(),
  generateMs: z.number(),
  tenant: z.object({
    tenantId: z.string(),
    options: z.object({ seed: z.number(), users: z.number(), days: z.number(), end: z.string() }),
    buildingFile: z.string(),
    incidents: z.array(incident),
    counts: z.object({ callRecords: z.number(), directRoutingCalls: z.number(), pstnCalls: z.number(), signIns: z.number() }),
  }),
});
const anyMsg = z.looseObject({ type: z.string() });

export type DemoTenantInfo = z.infer<typeof readyMsg>['tenant'];

export interface ForkedEmulator {
  url: string;
  generateMs: number;
  tenant: DemoTenantInfo;
  setNow(iso: string): Promise<void>;
  close(): Promise<number>;
}

export async function forkEmulator(opts: { tenant: Partial<TenantOptions>; clientId: string; clientSecret: string; now: string }): Promise<ForkedEmulator> {
  const entry = fileURLToPath(new URL('./emulatorProcess.ts', import.meta.url));
  const child = fork(entry, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const waiters = new Map<string, (m: z.infer<typeof anyMsg>) => void>();
  let failure: Error | undefined;
  child.on('message', (raw) => {
    const m = anyMsg.safeParse(raw);
    if (!m.success) return;
    if (m.data.type === 'error') failure = new Error(`emulator: ${String(m.data['message'])}`);
    const key = m.data.type === 'ack' ? `ack:${String(m.data['seq'])}` : m.data.type;
    const w = waiters.get(key) ?? (m.data.type === 'error' ? waiters.values().next().value : undefined);
    w?.(m.data);
  });
  const wait = (key: string) =>
    new Promise<z.infer<typeof anyMsg>>((resolve, reject) => {
      const onExit = () => reject(failure ?? new Error('emulator process exited'));
      child.once('exit', onExit);
      waiters.set(key, (m) => {
        child.off('exit', onExit);
        waiters.delete(key);
        if (m.type === 'error') reject(failure ?? new Error('emulator failed'));
        else resolve(m);
      });
    });
  const ready = wait('ready');
  child.send({ type: 'start', tenant: opts.tenant, clientId: opts.clientId, clientSecret: opts.clientSecret, now: opts.now });
  const r = readyMsg.parse(await ready);
  let seq = 0;
  return {
    url: r.url,
    generateMs: r.generateMs,
    tenant: r.tenant,
    async setNow(iso) {
      const s = ++seq;
      const acked = wait(`ack:${s}`);
      child.send({ type: 'setNow', now: iso, seq: s });
      await acked;
    },
    async close() {
      const closed = wait('closed');
      child.send({ type: 'close' });
      const m = await closed;
      return Number(m['requests'] ?? 0);
    },
  };
}
