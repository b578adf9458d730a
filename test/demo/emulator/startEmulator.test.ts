/** The emulator's documented behaviour, driven through the real Graph client (createGraphClient + override). */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getCallRecordExpanded, getJson, GraphResponseError, pages } from '../../../ingest/graph/paging.js';
import { guid, WINDOW_FROM, WINDOW_TO } from './fixtures.js';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.emu.close();
});
beforeEach(() => {
  h.clock.set('2026-05-20T12:00:00Z');
  h.emu.faults.reset();
});

async function collect(url: string) {
  const out: { value: unknown[]; next: string | null | undefined; count: number | null | undefined }[] = [];
  for await (const p of pages(h.client, url)) out.push({ value: p.value, next: p['@odata.nextLink'], count: p['@odata.count'] });
  return out;
}

const ids = (items: unknown[]) => items.map((x) => (x !== null && typeof x === 'object' && 'id' in x ? String(x.id) : '?'));
const list = (filter: string) => `/communications/callRecords?$filter=${filter}`;

async function status(p: Promise<unknown>): Promise<number> {
  try {
    await p;
    return 200;
  } catch (e) {
    if (e instanceof GraphResponseError) return e.status;
    throw e;
  }
}

describe('call records list', () => {
  it('pages 150 records as 60 + 60 + 30, without sessions, with opaque https nextLinks', async () => {
    const got = await collect(list(`startDateTime ge ${WINDOW_FROM} and startDateTime lt ${WINDOW_TO}`));
    expect(got.map((p) => p.value.length)).toEqual([60, 60, 30]);
    const all = got.flatMap((p) => p.value);
    expect(new Set(ids(all)).size).toBe(150);
    expect(all.every((r) => r !== null && typeof r === 'object' && !('sessions' in r))).toBe(true);
    expect(got[0]?.next).toMatch(/^https:\/\/graph\.microsoft\.com\/v1\.0\/communications\/callRecords\?\$skiptoken=[\w-]+$/);
    expect(got[2]?.next).toBeUndefined();
  });

  it('ge includes the start, lt excludes the end; gt/le flip them', async () => {
    const flat = async (f: string) => ids((await collect(list(f))).flatMap((p) => p.value));
    const geLt = await flat(`startDateTime ge ${WINDOW_FROM} and startDateTime lt ${WINDOW_TO}`);
    expect(geLt).toContain(guid(1, 0));
    expect(geLt).not.toContain(guid(1, 900));
    expect(geLt).not.toContain(guid(1, 901));
    const gtLe = await flat(`startDateTime gt ${WINDOW_FROM} and startDateTime le ${WINDOW_TO}`);
    expect(gtLe).not.toContain(guid(1, 0));
    expect(gtLe).toContain(guid(1, 900));
    expect(gtLe).toHaveLength(150);
  });

  it('refuses unsupported filters with 400', async () => {
    expect(await status(getJson(h.client, list(`lastModifiedDateTime ge ${WINDOW_FROM}`)))).toBe(400);
    expect(await status(getJson(h.client, list(`startDateTime eq ${WINDOW_FROM}`)))).toBe(400);
    expect(await status(getJson(h.client, list(`startDateTime ge yesterday`)))).toBe(400);
  });

  it('never lists records older than 30 days by the emulator clock', async () => {
    const all = ids((await collect(list('startDateTime ge 2026-01-01T00:00:00Z'))).flatMap((p) => p.value));
    expect(all).toContain(guid(1, 903));
    expect(all).not.toContain(guid(1, 902));
    h.clock.set('2026-05-22T12:00:00Z'); // record 903 is now 31 days old
    const later = ids((await collect(list('startDateTime ge 2026-01-01T00:00:00Z'))).flatMap((p) => p.value));
    expect(later).not.toContain(guid(1, 903));
  });
});

describe('call record get', () => {
  it('404s unknown and >30-day-old records', async () => {
    expect(await status(getCallRecordExpanded(h.client, guid(1, 903)))).toBe(200);
    expect(await status(getCallRecordExpanded(h.client, guid(1, 902)))).toBe(404);
    expect(await status(getCallRecordExpanded(h.client, guid(1, 77777)))).toBe(404);
    h.clock.set('2026-05-22T12:00:00Z');
    expect(await status(getCallRecordExpanded(h.client, guid(1, 903)))).toBe(404);
  });

  it('pages sessions at 60 with a sessions@odata.nextLink in the documented form', async () => {
    const first = await getJson(h.client, `/communications/callRecords/${guid(1, 904)}?$expand=sessions($expand=segments)`);
    expect(first).toMatchObject({ id: guid(1, 904) });
    const link = first !== null && typeof first === 'object' && 'sessions@odata.nextLink' in first ? first['sessions@odata.nextLink'] : undefined;
    expect(link).toMatch(
      /^https:\/\/graph\.microsoft\.com\/v1\.0\/communications\/callRecords\('[\w-]+'\)\/sessions\?\$expand=segments&\$skiptoken=[\w-]+$/,
    );
    const sessions = first !== null && typeof first === 'object' && 'sessions' in first ? first.sessions : undefined;
    expect(Array.isArray(sessions) && sessions.length).toBe(60);
  });

  it('follows sessions nextLinks and de-duplicates sessions by id', async () => {
    const before = h.emu.stats.byRoute.callRecordSessions;
    const rec = await getCallRecordExpanded(h.client, guid(1, 904));
    expect(h.emu.stats.byRoute.callRecordSessions - before).toBe(2); // 131 served: 60 + 60 + 11
    const sessions = rec !== null && typeof rec === 'object' && 'sessions' in rec && Array.isArray(rec.sessions) ? rec.sessions : [];
    expect(sessions).toHaveLength(130);
    expect(new Set(ids(sessions)).size).toBe(130);
    expect(rec).not.toHaveProperty('sessions@odata.nextLink');
    expect(sessions[0]).toHaveProperty('segments');
  });
});

describe('getDirectRoutingCalls / getPstnCalls', () => {
  const dr = (from: string, to: string, ns = '') => `/communications/callRecords/${ns}getDirectRoutingCalls(fromDateTime=${from},toDateTime=${to})`;
  const pstn = (from: string, to: string) => `/communications/callRecords/getPstnCalls(fromDateTime=${from},toDateTime=${to})`;

  it('DR: from inclusive, to exclusive, 1,000-row pages with @odata.count and $skip nextLinks', async () => {
    const got = await collect(dr('2026-05-10', '2026-05-11'));
    expect(got.map((p) => p.value.length)).toEqual([1000, 1000, 500]);
    expect(got.map((p) => p.count)).toEqual([1000, 1000, 500]);
    expect(got[0]?.next).toBe(
      'https://graph.microsoft.com/v1.0/communications/callRecords/getDirectRoutingCalls(fromDateTime=2026-05-10,toDateTime=2026-05-11)?$skip=1000',
    );
    const all = ids(got.flatMap((p) => p.value));
    expect(all).toContain(guid(4, 0));
    expect(all).not.toContain(guid(4, 9000)); // starts exactly at toDateTime
    const later = await collect(dr('2026-05-10T00:00:10Z', '2026-05-11T00:00:00.0010000Z', 'microsoft.graph.callRecords.'));
    const laterIds = ids(later.flatMap((p) => p.value));
    expect(laterIds).not.toContain(guid(4, 0));
    expect(laterIds).toContain(guid(4, 1)); // exactly at fromDateTime
    expect(laterIds).toContain(guid(4, 9000));
  });

  it('PSTN: toDateTime inclusive; over 90 days refused with 400', async () => {
    const got = ids((await collect(pstn('2026-05-10', '2026-05-11'))).flatMap((p) => p.value));
    expect(got).toEqual([guid(6, 0), guid(6, 1), guid(6, 2)]);
    expect(await status(getJson(h.client, pstn('2026-02-09', '2026-05-10')))).toBe(200); // 90 days
    expect(await status(getJson(h.client, pstn('2026-02-08', '2026-05-10')))).toBe(400); // 91 days
    expect(await status(getJson(h.client, pstn('2026-05-10', 'soon')))).toBe(400);
  });
});

describe('auditLogs/signIns', () => {
  const window = `createdDateTime ge 2026-05-19T00:00:00Z and createdDateTime lt 2026-05-19T00:30:00Z`;

  it('v1.0: interactive only, newest first, $top pages', async () => {
    const got = await collect(`/auditLogs/signIns?$filter=${window}&$top=7`);
    expect(got.map((p) => p.value.length)).toEqual([7, 7, 6]);
    const times = got.flatMap((p) => p.value).map((s) => (s !== null && typeof s === 'object' && 'createdDateTime' in s ? String(s.createdDateTime) : ''));
    expect([...times].sort().reverse()).toEqual(times);
    expect(await status(getJson(h.client, `/auditLogs/signIns?$top=1001`))).toBe(400);
  });

  it('beta: the nonInteractiveUser lambda returns the non-interactive subset; v1.0 refuses it', async () => {
    const f = `${window} and signInEventTypes/any(t: t eq 'nonInteractiveUser')`;
    const got = (await collect(`/beta/auditLogs/signIns?$filter=${f}`)).flatMap((p) => p.value);
    expect(got).toHaveLength(10);
    expect(got.every((s) => s !== null && typeof s === 'object' && 'isInteractive' in s && s.isInteractive === false)).toBe(true);
    expect(h.emu.stats.byRoute.signInsBeta).toBeGreaterThan(0);
    expect(await status(getJson(h.client, `/auditLogs/signIns?$filter=${f}`))).toBe(400);
  });
});
