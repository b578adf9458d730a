/** createGraphClient against the local emulator: override, retries, token refresh, credential errors. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { memoryLogger } from '../../../core/log.js';
import { ConfigError } from '../../../core/errors.js';
import { createGraphClient, refreshableCredential, rewriteOrigin } from '../../../ingest/graph/client.js';
import { getJson, GraphResponseError, pages } from '../../../ingest/graph/paging.js';
import { startEmulator } from '../../../demo/emulator/startEmulator.js';
import { CLIENT_ID, SECRET, smallTenant, TENANT, LIST_CALL_RECORDS } from '../../demo/emulator/fixtures.js';
import { startHarness, type Harness } from '../../demo/emulator/harness.js';

const LIST = LIST_CALL_RECORDS;

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.emu.close();
});
beforeEach(() => {
  h.emu.faults.reset();
  h.clock.set('2026-05-20T12:00:00Z');
  vi.restoreAllMocks();
});

const count = (status: number) => h.emu.stats.byStatus[String(status)] ?? 0;

describe('endpoint override', () => {
  it('rewrites only the listed origins, keeping the rest byte for byte', () => {
    const from = ['https://graph.microsoft.com', 'https://login.microsoftonline.com'];
    expect(rewriteOrigin("https://graph.microsoft.com/v1.0/x('a')?$skiptoken=Q%3D", from, 'http://127.0.0.1:9')).toBe(
      "http://127.0.0.1:9/v1.0/x('a')?$skiptoken=Q%3D",
    );
    expect(rewriteOrigin('https://graph.microsoft.com.evil.test/v1.0', from, 'http://127.0.0.1:9')).toBe('https://graph.microsoft.com.evil.test/v1.0');
    expect(rewriteOrigin('https://example.test/v1.0', from, 'http://127.0.0.1:9')).toBe('https://example.test/v1.0');
  });

  it('sends token and Graph requests to the emulator, and nextLinks go out verbatim', async () => {
    const before = h.emu.stats.byRoute.token;
    const fresh = await startHarness();
    try {
      for await (const _ of pages(fresh.client, LIST)) void _;
      expect(fresh.emu.stats.byRoute.token).toBe(1);
      expect(fresh.emu.stats.byRoute.callRecordsList).toBe(3);
      expect(fresh.emu.stats.recent.some((u) => /^\/v1\.0\/communications\/callRecords\?\$skiptoken=[\w-]+$/.test(u))).toBe(true);
    } finally {
      await fresh.emu.close();
    }
    expect(h.emu.stats.byRoute.token).toBe(before);
  });

  it('refuses a config with neither secret nor certificate, or a non-https graphUrl', () => {
    const base = { tenantId: TENANT, clientId: CLIENT_ID, graphUrl: 'https://graph.microsoft.com', authorityHost: 'https://login.microsoftonline.com', log: memoryLogger() };
    expect(() => createGraphClient(base)).toThrow(ConfigError);
    expect(() => createGraphClient({ ...base, clientSecret: 's', graphUrl: 'http://graph.microsoft.com' })).toThrow(ConfigError);
    expect(() => createGraphClient({ ...base, clientSecret: 's', retry: { maxRetries: 11, delayS: 1 } })).toThrow(ConfigError);
  });

  it('a wrong secret fails with a typed error and no secret in the message', async () => {
    const client = createGraphClient({
      tenantId: TENANT, clientId: CLIENT_ID, clientSecret: 'wrong-secret-value', graphUrl: 'https://graph.microsoft.com',
      authorityHost: 'https://login.microsoftonline.com', endpointOverride: h.emu.url, retry: { maxRetries: 0, delayS: 0 }, log: memoryLogger(),
    });
    const err = await getJson(client, LIST).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GraphResponseError);
    expect(String((err as Error).message)).not.toContain('wrong-secret-value');
  });
});

describe('retries', () => {
  it('honours 429 Retry-After and then succeeds', async () => {
    const spy = vi.spyOn(globalThis, 'setTimeout');
    const before = count(429);
    h.emu.faults.throttleNext(2, 1);
    const body = await getJson(h.client, LIST);
    expect(body).toHaveProperty('value');
    expect(count(429) - before).toBe(2);
    const waits = spy.mock.calls.map((c) => c[1]);
    expect(waits.filter((ms) => ms === 1000)).toHaveLength(2); // the RetryHandler slept Retry-After seconds
  });

  it('retries 503, with or without Retry-After', async () => {
    const before = count(503);
    h.emu.faults.unavailableNext(3, 0);
    await expect(getJson(h.client, LIST)).resolves.toHaveProperty('value');
    h.emu.faults.unavailableNext(1); // no header: the client's own (configured) backoff
    await expect(getJson(h.client, LIST)).resolves.toHaveProperty('value');
    expect(count(503) - before).toBe(4);
  });

  it('gives up after maxRetries with a typed 429 error', async () => {
    h.emu.faults.throttleNext(10, 0);
    const err = await getJson(h.client, LIST).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GraphResponseError);
    expect(err).toMatchObject({ status: 429, code: 'TooManyRequests' });
  });
});

describe('rate limits', () => {
  it('paces requests through the configured family limiter', async () => {
    const spy = vi.spyOn(globalThis, 'setTimeout');
    const client = createGraphClient({
      tenantId: TENANT, clientId: CLIENT_ID, clientSecret: SECRET, graphUrl: 'https://graph.microsoft.com',
      authorityHost: 'https://login.microsoftonline.com', endpointOverride: h.emu.url, retry: { maxRetries: 0, delayS: 0 },
      rateLimits: { callRecords: { requests: 2, perMs: 1500 } }, log: memoryLogger(),
    });
    for (let i = 0; i < 3; i++) await getJson(client, LIST);
    const waits = spy.mock.calls.map((c) => c[1]).filter((ms): ms is number => typeof ms === 'number' && ms > 0 && ms <= 1500);
    expect(waits.length).toBeGreaterThanOrEqual(1); // the third request waited for the window
  });
});

describe('token expiry', () => {
  it('a 401 mid-run fetches a fresh token and the run goes on', async () => {
    const tokensBefore = h.emu.stats.byRoute.token;
    const seen: number[] = [];
    for await (const page of pages(h.client, LIST)) {
      seen.push(page.value.length);
      if (seen.length === 1) h.emu.faults.expireTokens();
    }
    expect(seen).toEqual([60, 60, 30]);
    expect(h.emu.stats.byRoute.token - tokensBefore).toBe(1);
    expect(h.log.lines.some((l) => l.includes('401'))).toBe(true);
  });

  it('concurrent requests that all hit 401 share one new token', async () => {
    await getJson(h.client, LIST); // warm token
    const tokensBefore = h.emu.stats.byRoute.token;
    h.emu.faults.expireTokens();
    await Promise.all(Array.from({ length: 8 }, () => getJson(h.client, LIST)));
    expect(h.emu.stats.byRoute.token - tokensBefore).toBe(1);
  });

  it('a token past its lifetime on the emulator clock is refreshed too', async () => {
    await getJson(h.client, LIST);
    h.clock.set('2026-05-20T14:00:00Z'); // > 3600 s later for the emulator; the client still trusts its cache
    const unauthorizedBefore = h.emu.stats.faults.unauthorized;
    await expect(getJson(h.client, LIST)).resolves.toHaveProperty('value');
    expect(h.emu.stats.faults.unauthorized - unauthorizedBefore).toBe(1);
  });

  it('refreshableCredential caches one token per scope set until invalidated', async () => {
    let made = 0;
    const cred = refreshableCredential(() => {
      const n = ++made;
      return { getToken: async () => ({ token: `t${n}`, expiresOnTimestamp: Date.now() + 3_600_000 }) };
    });
    const [a, b] = await Promise.all([cred.getToken('s'), cred.getToken('s')]);
    expect([a?.token, b?.token]).toEqual(['t1', 't1']);
    cred.invalidate(0);
    cred.invalidate(0); // stale generation: ignored
    expect((await cred.getToken('s'))?.token).toBe('t2');
    expect(made).toBe(2);
  });
});

describe('sovereign cloud URLs', () => {
  it('uses graphUrl/authorityHost for scope, discovery and nextLinks, all through the override', async () => {
    const data = smallTenant();
    const emu = await startEmulator(data, {
      now: () => new Date('2026-05-20T12:00:00Z'), clientId: CLIENT_ID, clientSecret: SECRET,
      graphOrigin: 'https://graph.microsoft.us', loginOrigin: 'https://login.microsoftonline.us',
    });
    try {
      const client = createGraphClient({
        tenantId: TENANT, clientId: CLIENT_ID, clientSecret: SECRET, graphUrl: 'https://graph.microsoft.us',
        authorityHost: 'https://login.microsoftonline.us', endpointOverride: emu.url, retry: { maxRetries: 0, delayS: 0 }, log: memoryLogger(),
      });
      const sizes: number[] = [];
      for await (const p of pages(client, LIST)) sizes.push(p.value.length);
      expect(sizes).toEqual([60, 60, 30]);
      expect(emu.stats.byRoute.token).toBe(1);
    } finally {
      await emu.close();
    }
  });
});

describe('certificate credential', () => {
  it('ClientCertificateCredential also reaches the emulator through the override', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cqd-cert-'));
    try {
      const key = join(dir, 'key.pem');
      const cert = join(dir, 'cert.pem');
      execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=cqd-test'], { stdio: 'ignore' });
      const both = join(dir, 'both.pem');
      writeFileSync(both, readFileSync(key, 'utf8') + readFileSync(cert, 'utf8'));
      const client = createGraphClient({
        tenantId: TENANT, clientId: CLIENT_ID, certificatePath: both, graphUrl: 'https://graph.microsoft.com',
        authorityHost: 'https://login.microsoftonline.com', endpointOverride: h.emu.url, retry: { maxRetries: 1, delayS: 0 }, log: memoryLogger(),
      });
      await expect(getJson(client, LIST)).resolves.toHaveProperty('value');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
