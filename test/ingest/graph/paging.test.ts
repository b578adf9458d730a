/** pages() / getCallRecordExpanded() error surfaces, against the emulator through the real client. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { describeUrl, getCallRecordExpanded, GraphPageError, isGraphNotFound, pages } from '../../../ingest/graph/paging.js';
import { guid, WINDOW_FROM, LIST_CALL_RECORDS } from '../../demo/emulator/fixtures.js';
import { startHarness, type Harness } from '../../demo/emulator/harness.js';

const LIST = LIST_CALL_RECORDS;

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.emu.close();
});
beforeEach(() => h.emu.faults.reset());

describe('describeUrl', () => {
  it('keeps the path and date filters, masks tokens and anything that looks like a UPN', () => {
    expect(describeUrl('https://graph.microsoft.com/v1.0/communications/callRecords?$skiptoken=abcDEF')).toBe(
      '/v1.0/communications/callRecords?$skiptoken=…',
    );
    expect(describeUrl(`/communications/callRecords?$filter=startDateTime ge ${WINDOW_FROM}`)).toBe(
      `/communications/callRecords?$filter=startDateTime ge ${WINDOW_FROM}`,
    );
    expect(describeUrl("/auditLogs/signIns?$filter=userPrincipalName eq 'someone@example.test'&$top=5")).toBe('/auditLogs/signIns?$filter=…&$top=5');
  });
});

describe('pages', () => {
  it('surfaces a truncated page as GraphPageError naming the page and URL (token masked)', async () => {
    const seen: number[] = [];
    let err: unknown;
    try {
      for await (const page of pages(h.client, LIST)) {
        seen.push(page.value.length);
        h.emu.faults.corruptNext(1);
      }
    } catch (e) {
      err = e;
    }
    expect(seen).toEqual([60]);
    expect(err).toBeInstanceOf(GraphPageError);
    const e = err as GraphPageError;
    expect(e.page).toBe(2);
    expect(e.url).toBe('/v1.0/communications/callRecords?$skiptoken=…');
    expect(e.message).toMatch(/^Graph page 2 of \/v1\.0\/communications\/callRecords\?\$skiptoken=…: invalid or truncated JSON/);
    expect(e.exitCode).toBe(1);
  });

  it('refuses a body that is not a collection page', async () => {
    const run = async () => {
      for await (const _ of pages(h.client, `/communications/callRecords/${guid(1, 0)}`)) void _;
    };
    await expect(run()).rejects.toThrow(/not a Graph collection page/);
  });
});

describe('getCallRecordExpanded', () => {
  it('a truncated sessions page is a typed error too', async () => {
    const before = h.emu.stats.faults.corrupt;
    h.emu.faults.corruptNext(1, 'callRecordSessions');
    const err = await getCallRecordExpanded(h.client, guid(1, 904)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GraphPageError);
    expect((err as GraphPageError).url).toMatch(/^\/v1\.0\/communications\/callRecords\('[\w-]+'\)\/sessions\?\$expand=segments&\$skiptoken=…$/);
    expect(h.emu.stats.faults.corrupt - before).toBe(1);
  });

  it('404 is recognisable', async () => {
    const err = await getCallRecordExpanded(h.client, guid(1, 902)).catch((e: unknown) => e);
    expect(isGraphNotFound(err)).toBe(true);
  });
});
