import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphMailPoster } from '../../cli/graphMail.js';
import { normalizeConfig } from '../../core/config.js';
import { memoryLogger } from '../../core/log.js';
import { DeliveryError } from '../../alerts/receivers/http.js';
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET } from '../../demo/captureDemo.js';
import { startEmulator } from '../../demo/emulator/startEmulator.js';
import type { Emulator } from '../../demo/emulator/types.js';

// The emulator issues tokens but serves no sendMail: the poster must turn Graph's 4xx into a
// permanent DeliveryError (no retries), and say nothing when no tenant is configured.
let emu: Emulator;
const tenantId = '11111111-2222-3333-4444-555555555555';
beforeAll(async () => {
  emu = await startEmulator({ tenantId, callRecords: [], directRoutingCalls: [], pstnCalls: [], signIns: [] }, { now: () => new Date(), clientId: DEMO_CLIENT_ID, clientSecret: DEMO_CLIENT_SECRET });
});
afterAll(async () => emu.close());

describe('graphMailPoster', () => {
  it('is absent without a tenant', () => {
    expect(graphMailPoster(normalizeConfig({}, {}), memoryLogger())).toBeUndefined();
  });

  it('posts through the Graph client and maps a 4xx to a permanent delivery error', async () => {
    const config = normalizeConfig({ graph: { tenantId, clientId: DEMO_CLIENT_ID, clientSecret: DEMO_CLIENT_SECRET, endpointOverride: emu.url } }, {});
    const poster = graphMailPoster(config, memoryLogger());
    const sent = poster?.post('/v1.0/users/alerts@contoso.com/sendMail', { message: { subject: 'x' } });
    await expect(sent).rejects.toBeInstanceOf(DeliveryError);
    await expect(sent).rejects.toMatchObject({ permanent: true, status: 405 });
    expect(emu.stats.recent.some((u) => u.includes('/sendMail'))).toBe(true);
  });
});
