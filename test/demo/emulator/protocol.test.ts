/** Wire-level emulator behaviour with bare fetch on 127.0.0.1: tokens, 401 bodies, Prefer, random faults. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator } from '../../../demo/emulator/startEmulator.js';
import type { Emulator } from '../../../demo/emulator/types.js';
import { CLIENT_ID, NOW, SECRET, smallTenant, TENANT, LIST_CALL_RECORDS } from './fixtures.js';

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator(smallTenant(), { now: () => new Date(NOW), clientId: CLIENT_ID, clientSecret: SECRET });
});
afterAll(async () => {
  await emu.close();
});
beforeEach(() => emu.faults.reset());

async function token(fields: Record<string, string> = {}): Promise<Response> {
  const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: CLIENT_ID, client_secret: SECRET, scope: 'https://graph.microsoft.com/.default', ...fields });
  return fetch(`${emu.url}/${TENANT}/oauth2/v2.0/token`, { method: 'POST', body: form });
}

async function bearer(): Promise<string> {
  const body: unknown = await (await token()).json();
  return body !== null && typeof body === 'object' && 'access_token' in body ? String(body.access_token) : '';
}

const LIST = `/v1.0${LIST_CALL_RECORDS}`;

describe('token endpoint', () => {
  it('issues bearer tokens for the right client and refuses the rest', async () => {
    const ok = await token();
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
    expect((await token({ client_secret: 'nope' })).status).toBe(401);
    expect((await token({ client_id: 'someone-else' })).status).toBe(401);
    expect((await token({ grant_type: 'password' })).status).toBe(400);
    expect((await token({ scope: 'https://graph.microsoft.com/User.Read' })).status).toBe(400);
    const wrongTenant = await fetch(`${emu.url}/other-tenant/oauth2/v2.0/token`, { method: 'POST', body: 'grant_type=client_credentials' });
    expect(wrongTenant.status).toBe(400);
  });

  it('serves the OpenID configuration', async () => {
    const res = await fetch(`${emu.url}/${TENANT}/v2.0/.well-known/openid-configuration`);
    expect(await res.json()).toMatchObject({ token_endpoint: `https://login.microsoftonline.com/${TENANT}/oauth2/v2.0/token` });
  });
});

describe('Graph routes', () => {
  it('401 InvalidAuthenticationToken without a token, with a foreign one, and after expireTokens()', async () => {
    const no = await fetch(emu.url + LIST);
    expect(no.status).toBe(401);
    expect(await no.json()).toMatchObject({ error: { code: 'InvalidAuthenticationToken' } });
    expect((await fetch(emu.url + LIST, { headers: { Authorization: 'Bearer forged' } })).status).toBe(401);
    const t = await bearer();
    expect((await fetch(emu.url + LIST, { headers: { Authorization: `Bearer ${t}` } })).status).toBe(200);
    emu.faults.expireTokens();
    expect((await fetch(emu.url + LIST, { headers: { Authorization: `Bearer ${t}` } })).status).toBe(401);
  });

  it('honours Prefer: odata.maxpagesize up to 60', async () => {
    const t = await bearer();
    const size = async (prefer: string) => {
      const body: unknown = await (await fetch(emu.url + LIST, { headers: { Authorization: `Bearer ${t}`, Prefer: prefer } })).json();
      return body !== null && typeof body === 'object' && 'value' in body && Array.isArray(body.value) ? body.value.length : -1;
    };
    expect(await size('odata.maxpagesize=25')).toBe(25);
    expect(await size('odata.maxpagesize=500')).toBe(60);
  });

  it('random fault mode is seeded and counted', async () => {
    const t = await bearer();
    const run = async () => {
      emu.faults.random({ seed: 42, probability: 0.5 });
      const statuses: number[] = [];
      for (let i = 0; i < 20; i++) statuses.push((await fetch(emu.url + LIST, { headers: { Authorization: `Bearer ${t}` } })).status);
      emu.faults.reset();
      return statuses;
    };
    const a = await run();
    const b = await run();
    expect(a).toEqual(b);
    expect(a.filter((s) => s !== 200).length).toBeGreaterThan(2);
    expect(a.every((s) => [200, 429, 503].includes(s))).toBe(true);
  });

  it('corrupts bodies on demand and counts requests per route', async () => {
    const before = { ...emu.stats.byRoute };
    const t = await bearer();
    emu.faults.corruptNext(1);
    const res = await fetch(emu.url + LIST, { headers: { Authorization: `Bearer ${t}` } });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(() => JSON.parse(text)).toThrow();
    expect(emu.stats.byRoute.callRecordsList - before.callRecordsList).toBe(1);
    expect(emu.stats.byRoute.token - before.token).toBe(1);
  });
});
