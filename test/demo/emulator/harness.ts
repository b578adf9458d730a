/** Start the emulator on the small tenant and build the real Graph client against it. */
import type { Client } from '@microsoft/microsoft-graph-client';
import { memoryLogger } from '../../../core/log.js';
import { startEmulator } from '../../../demo/emulator/startEmulator.js';
import type { Emulator, EmulatorData } from '../../../demo/emulator/types.js';
import { createGraphClient } from '../../../ingest/graph/client.js';
import { CLIENT_ID, NOW, SECRET, smallTenant } from './fixtures.js';

export interface Harness {
  emu: Emulator;
  client: Client;
  log: ReturnType<typeof memoryLogger>;
  clock: { now: () => Date; set(iso: string): void };
}

export async function startHarness(data: EmulatorData = smallTenant(), retry = { maxRetries: 3, delayS: 0 }): Promise<Harness> {
  let now = new Date(NOW);
  const clock = { now: () => now, set: (iso: string) => void (now = new Date(iso)) };
  const emu = await startEmulator(data, { now: () => clock.now(), clientId: CLIENT_ID, clientSecret: SECRET });
  const log = memoryLogger();
  const client = createGraphClient({
    tenantId: data.tenantId,
    clientId: CLIENT_ID,
    clientSecret: SECRET,
    graphUrl: 'https://graph.microsoft.com',
    authorityHost: 'https://login.microsoftonline.com',
    endpointOverride: emu.url,
    retry,
    log,
  });
  return { emu, client, log, clock };
}
