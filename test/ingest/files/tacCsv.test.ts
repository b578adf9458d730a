import { describe, expect, it } from 'vitest';
import { generateTenant } from '../../../demo/tenant/index.js';
import { detectTacKind, mapTacCsv } from '../../../ingest/files/tacCsv.js';
import { DR_COLUMNS, PSTN_COLUMNS } from '../../../ingest/files/tacColumns.js';
import { mapItems } from '../../../ingest/mapItems.js';
import { createPseudonymizer } from '../../../ingest/pseudonymizer.js';
import { tacCsvOf } from './tacFixtures.js';

const key = Buffer.alloc(32, 2);
const tenant = generateTenant({ users: 20, days: 8, seed: 5 });
const ctx = () => ({ p: createPseudonymizer(key), runId: 'r', source: 'tac_csv' as const, ingestedAt: '2026-11-20T00:00:00.000Z' });
const strip = (r: Record<string, unknown>, drop: string[]) => JSON.stringify(Object.fromEntries(Object.entries(r).filter(([k]) => !drop.includes(k))));

describe('detectTacKind', () => {
  it('tells the two exports apart from their documented headers, ignoring case and order', () => {
    expect(detectTacKind(DR_COLUMNS.map((c) => c.csv))).toEqual({ ok: true, kind: 'directRoutingCalls' });
    expect(detectTacKind(PSTN_COLUMNS.map((c) => c.csv.toUpperCase()).reverse())).toEqual({ ok: true, kind: 'pstnCalls' });
  });
  it('names the missing columns of an unknown header', () => {
    const r = detectTacKind(['Date', 'User', 'Minutes']);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(/unrecognised header \(3 columns\).*missing "CorrelationId".*missing "UsageId"/);
  });
});

describe('mapTacCsv', () => {
  it('maps a Direct Routing export to the same raw rows as the Graph rows it came from (ids aside)', () => {
    const rows = tenant.directRoutingCalls.slice(0, 40);
    const r = mapTacCsv(tacCsvOf('directRoutingCalls', rows), 'dr.csv', ctx(), key);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.kind).toBe('directRoutingCalls');
    expect(r.mapped.rejects).toEqual([]);
    const want = mapItems('directRoutingCalls', rows, 'x', { ...ctx(), source: 'tac_csv' }).batch.directRouting;
    const drop = ['id'];
    expect(r.mapped.batch.directRouting.map((x) => strip(x, drop))).toEqual(want.map((x) => strip(x, drop)));
    // No unique id in the DR export: a stable keyed row hash.
    expect(r.mapped.batch.directRouting[0]?.id).toMatch(/^tac-dr-[0-9a-f]{32}$/);
    const again = mapTacCsv(tacCsvOf('directRoutingCalls', rows), 'dr.csv', ctx(), key);
    expect(again.ok && again.mapped.batch.directRouting.map((x) => x.id)).toEqual(r.mapped.batch.directRouting.map((x) => x.id));
  });

  it('reads a hand-written Direct Routing export with the documented header', () => {
    const header =
      'CorrelationId,AAD ObjectId,UPN,Display Name,User country,Invite time,Start time,Failure time,End time,Duration (seconds),Success,' +
      'Caller Number,Callee Number,Call type,Azure region for Media,Azure region for Signaling,Final SIP code,Final Microsoft subcode,' +
      'Final SIP Phrase,SBC FQDN,Media bypass,Shared correlation ID';
    const row =
      '6f4b3c1e-0000-4000-8000-000000000001,,ana@contoso.com,"Ana, Sales",DE,2026-11-18T09:00:00Z,2026-11-18T09:00:01Z,2026-11-18T09:00:01Z,,1,No,' +
      '+4930111111,+4930222***,dr_out,EUWE,EUNO,403,560403,"Forbidden, by SBC",SBC1.Contoso.com,Yes,';
    const r = mapTacCsv(`\uFEFF${header}\r\n${row}\r\n`, 'dr.csv', ctx(), key);
    if (!r.ok) throw new Error(r.reason);
    expect(r.mapped.batch.directRouting[0]).toMatchObject({
      correlation_id: '6f4b3c1e-0000-4000-8000-000000000001', start_ts: '2026-11-18T09:00:01Z', invite_ts: '2026-11-18T09:00:00Z',
      failure_ts: '2026-11-18T09:00:01Z', end_ts: null, duration_s: 1, successful_call: false, call_type: 'dr_out',
      media_path_location: 'EUWE', signaling_location: 'EUNO', final_sip_code: 403, call_end_sub_reason: 560403,
      final_sip_code_phrase: 'Forbidden, by SBC', trunk_fqdn: 'sbc1.contoso.com', media_bypass_enabled: true,
      caller_country: 'DE', callee_country: 'DE', number_masked: true, user_p: expect.stringMatching(/^u_/),
      display_name_p: expect.stringMatching(/^n_/), user_id_p: null, source: 'tac_csv',
    });
  });

  it('maps a PSTN export keeping UsageId as the id; columns the export lacks stay null', () => {
    const rows = tenant.pstnCalls.slice(0, 30);
    const r = mapTacCsv(tacCsvOf('pstnCalls', rows, { bom: false }), 'pstn.csv', ctx(), key);
    if (!r.ok) throw new Error(r.reason);
    const want = mapItems('pstnCalls', rows, 'x', ctx()).batch.pstn;
    const drop = ['operator', 'call_duration_source', 'tenant_country_code'];
    expect(r.mapped.batch.pstn.map((x) => strip(x, drop))).toEqual(want.map((x) => strip(x, drop)));
    expect(r.mapped.batch.pstn.every((x) => x.operator === null)).toBe(true);
  });

  it('quarantines bad rows by file line, naming fields only', () => {
    const good = tenant.directRoutingCalls[0];
    if (!good) throw new Error('no DR rows');
    const bad = { ...good, startDateTime: 'yesterday', userPrincipalName: 'secret.person@contoso.com', finalSipCode: 'x403' };
    // A display name with a comma and a quote travels quoted; it is still one field.
    const odd = { ...good, correlationId: 'c-odd', userDisplayName: 'Person, "Secret"' };
    const text = tacCsvOf('directRoutingCalls', [good, bad, odd]) + 'too,few\r\n';
    const r = mapTacCsv(text, 'dr.csv', ctx(), key);
    if (!r.ok) throw new Error(r.reason);
    expect(r.mapped.accepted).toBe(2);
    expect(r.mapped.rejects.map((x) => [x.position, x.reason])).toEqual([
      ['line 3', expect.stringMatching(/startDateTime: not an ISO 8601 date-time; finalSipCode: expected number/)],
      ['line 5', 'row has 2 fields, the header has 22'],
    ]);
    expect(JSON.stringify(r.mapped.rejects.map((x) => x.reason))).not.toMatch(/secret|x403/);
    expect(r.mapped.batch.directRouting[1]?.display_name_p).toMatch(/^n_/);
  });

  it('rejects the whole file when the header is unknown, without echoing its content', () => {
    const r = mapTacCsv('secret.person@contoso.com,+4930123456\r\nx,y\r\n', 'odd.csv', ctx(), key);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(/^unrecognised header \(2 columns\)/);
    expect(JSON.stringify(r)).not.toMatch(/secret|4930/);
  });
});
