import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../core/clock.js';
import type { Db } from '../../core/db.js';
import { memoryLogger } from '../../core/log.js';
import { mapItems } from '../../ingest/mapItems.js';
import { createPseudonymizer } from '../../ingest/pseudonymizer.js';
import { writeBatch } from '../../ingest/writeBatch.js';
import { importBuildingFile } from '../../sites/importFile.js';
import { build } from '../../transform/build.js';
import { tempStore } from '../helpers/tempStore.js';

// Hand-built cases, one per layer / origin; each user's UPN names its case.
const T0 = Date.parse('2026-11-10T09:00:00Z');
const at = (min: number) => new Date(T0 + min * 60_000).toISOString();
const ua = (platform: string, version: string, header?: string) => ({
  '@odata.type': '#microsoft.graph.callRecords.clientUserAgent', platform, productFamily: 'teams', applicationVersion: version, headerValue: header,
  azureADAppId: '1fec8e78-bce4-4aaf-ab1b-5451cc387264',
});
const userEp = (upn: string, agent: object) => ({ '@odata.type': '#microsoft.graph.callRecords.participantEndpoint', associatedIdentity: { userPrincipalName: upn }, userAgent: agent });
const gateway = { '@odata.type': '#microsoft.graph.callRecords.serviceEndpoint', userAgent: { '@odata.type': '#microsoft.graph.callRecords.serviceUserAgent', role: 'mediationServer' } };
function record(id: string, upn: string, min: number, opts: { agent?: object; ip?: string; subnet?: string; failure?: string } = {}) {
  return {
    id, version: 1, type: 'peerToPeer', modalities: ['audio'], startDateTime: at(min),
    sessions: [{
      id: `${id}-s`, startDateTime: at(min), caller: userEp(upn, opts.agent ?? ua('windows', '1.0')), callee: gateway,
      failureInfo: opts.failure ? { stage: 'callSetup', reason: opts.failure } : undefined,
      segments: [{ id: `${id}-g`, media: [{ callerNetwork: { ipAddress: opts.ip ?? '10.1.1.20', subnet: opts.subnet ?? '10.1.1.0' } }] }],
    }],
  };
}
function dr(id: string, corr: string, upn: string, min: number, sip: number, ms: number, callee = '+4930123456789', callType = 'dr_out') {
  return {
    id, correlationId: corr, userPrincipalName: upn, startDateTime: at(min), inviteDateTime: at(min), callType,
    successfulCall: sip === 0, finalSipCode: sip, callEndSubReason: ms, calleeNumber: callee, trunkFullyQualifiedDomainName: 'sbc1.contoso.com',
  };
}

let db: Db;
let cleanup = () => {};
type Row = { attempt_id: string; direction: string; site: string; sbc: string; client_build: string; carrier_path: string; outcome: string; is_failure: boolean; layer: string | null; failure_origin: string | null; auth_linked: boolean; site_match: string; attributed: boolean };
let rows: Map<string, Row>;

beforeAll(async () => {
  const s = await tempStore();
  db = s.db;
  cleanup = s.cleanup;
  const file = join(s.dir, 'buildings.csv');
  writeFileSync(file, '10.1.1.0,EMEA/DE/BER,24,BER-HQ,Contoso,Office,Eng,Berlin,10115,DE,BE,EMEA,1,0,0\n');
  const imported = await importBuildingFile({ db, clock: fixedClock('2026-11-01T00:00:00Z') }, { path: file, start: '2026-01-01' });
  expect(imported.status).toBe('imported');

  const p = createPseudonymizer(Buffer.alloc(32, 9));
  const ctx = { p, runId: 'r', source: 'file' as const, ingestedAt: '2026-11-11T00:00:00Z' };
  const records = [
    record('c-sbc', 'sbc407@contoso.com', 0),
    record('c-ms401', 'ms401@contoso.com', 10, { agent: ua('macOS', '2.0') }),
    record('c-cfg', 'cfg@contoso.com', 20),
    record('c-ok', 'ok@contoso.com', 30, { ip: '192.0.2.33', subnet: '192.0.2.0' }),
    record('c-phone', 'phone@contoso.com', 40, { agent: ua('ipPhone', '', 'PolyCCX/8.1.3.1301 (CCX 500)') }),
    record('c-signin', 'signin@contoso.com', 50),
    record('c-plan', 'plan@contoso.com', 60, { failure: '401 Unauthorized' }),
    record('c-legs', 'legs@contoso.com', 70),
    record('c-tie', 'tie@contoso.com', 80),
    record('c-route1', 'route@contoso.com', 90),
    record('c-route2', 'route@contoso.com', 95, { agent: ua('android', '3.0') }),
    record('c-dir', 'dir@contoso.com', 100),
    record('c-otherapp', 'otherapp@contoso.com', 110),
  ];
  const drs = [
    dr('d-sbc', 'c-sbc', 'sbc407@contoso.com', 0, 407, 560407),
    dr('d-ms401', 'c-ms401', 'ms401@contoso.com', 10, 401, 0, '+33123456789'),
    dr('d-cfg', 'c-cfg', 'cfg@contoso.com', 20, 403, 510560),
    dr('d-ok', 'c-ok', 'ok@contoso.com', 30, 0, 540000),
    dr('d-phone', 'c-phone', 'phone@contoso.com', 40, 500, 0),
    dr('d-signin', 'c-signin', 'signin@contoso.com', 50, 480, 0),
    dr('d-leg1', 'c-legs', 'legs@contoso.com', 70, 487, 540487),
    dr('d-leg2', 'c-legs', 'legs@contoso.com', 71, 0, 540000),
    // two legs at the same instant: a sign-in failure after them is attributed to the greater attempt id
    dr('d-tie-b', 'c-tie', 'tie@contoso.com', 80, 0, 540000, '+4930123456789'),
    dr('d-tie-a', 'c-tie', 'tie@contoso.com', 80, 0, 540000, '+33123456789'),
    dr('d-route1', 'c-route1', 'route@contoso.com', 90, 0, 540000, '+33123456789'),
    dr('d-byotin', 'c-dir', 'dir@contoso.com', 100, 0, 540000, '+4930123456789', 'ByotIn'),
    dr('d-drin', 'c-dir', 'dir@contoso.com', 101, 0, 540000, '+4930123456789', 'dr_in'),
    dr('d-fwd', 'c-dir', 'dir@contoso.com', 102, 0, 540000, '+4930123456789', 'dr_out_user_forwarding'),
    dr('d-otherapp', 'c-otherapp', 'otherapp@contoso.com', 110, 403, 0),
  ];
  const pstn = [{ id: 'p-plan', userPrincipalName: 'plan@contoso.com', startDateTime: at(60), callType: 'user_out', calleeNumber: '+14165550123', operator: 'Microsoft' }];
  const signIns = [
    { id: 's-linked', createdDateTime: at(45), userPrincipalName: 'signin@contoso.com', appId: '1fec8e78-bce4-4aaf-ab1b-5451cc387264', status: { errorCode: 53003 } },
    { id: 's-benign', createdDateTime: at(29), userPrincipalName: 'ok@contoso.com', status: { errorCode: 50140 } },
    { id: 's-orphan', createdDateTime: at(300), userPrincipalName: 'ms401@contoso.com', status: { errorCode: 50126 } },
    { id: 's-tie', createdDateTime: at(300), userPrincipalName: 'tie@contoso.com', status: { errorCode: 50126 } },
    { id: 's-route-linked', createdDateTime: at(94), userPrincipalName: 'route@contoso.com', status: { errorCode: 50126 } },
    // a failure of another Entra app just before the call: not linked (the call's client names its app)
    { id: 's-otherapp', createdDateTime: at(105), userPrincipalName: 'otherapp@contoso.com', appId: '00000003-0000-0ff1-ce00-000000000000', status: { errorCode: 50126 } },
    { id: 's-route-orphan', createdDateTime: at(300), userPrincipalName: 'route@contoso.com', status: { errorCode: 50126 } },
  ];
  const b1 = mapItems('callRecords', records, 'test', ctx);
  const b2 = mapItems('directRoutingCalls', drs, 'test', ctx);
  const b3 = mapItems('pstnCalls', pstn, 'test', ctx);
  const b4 = mapItems('signIns', signIns, 'test', ctx);
  for (const m of [b1, b2, b3, b4]) expect(m.rejects).toEqual([]);
  await writeBatch(db, { runId: 'r', ...b1.batch, directRouting: b2.batch.directRouting, pstn: b3.batch.pstn, signIns: b4.batch.signIns, vault: p.drain() }, Buffer.alloc(32, 1), new Date());
  const summary = await build(db, { signInWindowMinutes: 15, carrierMap: {}, log: memoryLogger() });
  expect(summary.skipped).toBe(false);
  const list = await db.query(
    `SELECT attempt_id, direction, site, sbc, client_build, carrier_path, outcome, is_failure, layer, failure_origin, auth_linked, site_match, attributed FROM marts.setup_attempts`,
    z.object({ attempt_id: z.string(), direction: z.string(), site: z.string(), sbc: z.string(), client_build: z.string(), carrier_path: z.string(), outcome: z.string(), is_failure: z.boolean(), layer: z.string().nullable(), failure_origin: z.string().nullable(), auth_linked: z.boolean(), site_match: z.string(), attributed: z.boolean() }),
  );
  rows = new Map(list.map((r) => [r.attempt_id, r]));
});
afterAll(() => cleanup());

const get = (id: string): Row => {
  const r = rows.get(id);
  if (!r) throw new Error(`no attempt ${id}; have ${[...rows.keys()].join(', ')}`);
  return r;
};

describe('build: marts.setup_attempts classification', () => {
  it('applies the 560 rule: an SBC 407 is auth-linked, SBC origin, direct_routing layer', () => {
    expect(get('dr:d-sbc')).toMatchObject({ layer: 'direct_routing', failure_origin: 'sbc', auth_linked: true, sbc: 'sbc1.contoso.com', carrier_path: 'sbc1.contoso.com/DE' });
  });
  it('a 401 with a non-560 code comes from Microsoft', () => {
    expect(get('dr:d-ms401')).toMatchObject({ failure_origin: 'microsoft', auth_linked: true, client_build: 'teams/macOS/2.0', carrier_path: 'sbc1.contoso.com/FR' });
  });
  it('510560 (not Enterprise Voice enabled) is phone_config and not auth-linked', () => {
    expect(get('dr:d-cfg')).toMatchObject({ layer: 'phone_config', auth_linked: false, is_failure: true });
  });
  it('maps sites by subnet and leaves unknown subnets unmapped', () => {
    expect(get('dr:d-sbc')).toMatchObject({ site: 'EMEA/DE/BER-HQ', site_match: 'subnet' });
    expect(get('dr:d-ok')).toMatchObject({ site: 'unmapped:192.0.2.0', outcome: 'success', layer: null, failure_origin: null });
  });
  it('an IP phone failure is sip_device with model and firmware as the build', () => {
    expect(get('dr:d-phone')).toMatchObject({ layer: 'sip_device', client_build: 'sipDevice/CCX 500/8.1.3.1301' });
  });
  it('a sign-in failure shortly before links the attempt: client_sign_in, client origin, auth-linked', () => {
    expect(get('dr:d-signin')).toMatchObject({ layer: 'client_sign_in', failure_origin: 'client', auth_linked: true });
  });
  it('benign sign-in interrupts link nothing', () => {
    expect(get('dr:d-ok').auth_linked).toBe(false);
  });
  it('a sign-in failure of another app does not link the call, and is no sign-in only attempt (a call followed it)', () => {
    expect(get('dr:d-otherapp')).toMatchObject({ layer: 'direct_routing', failure_origin: 'microsoft', auth_linked: false });
    expect(rows.has('si:s-otherapp')).toBe(false);
  });
  it('a sign-in failure with no call after it is an attributed attempt at the last known site, build and route', () => {
    expect(get('si:s-orphan')).toMatchObject({ site: 'EMEA/DE/BER-HQ', client_build: 'teams/macOS/2.0', sbc: 'sbc1.contoso.com', carrier_path: 'sbc1.contoso.com/FR', attributed: true, layer: 'client_sign_in', auth_linked: true });
  });
  it('a sign-in only attempt takes its site and build from the last call, its route from the last routed one; ties go to the greater attempt id', () => {
    expect(get('si:s-route-orphan')).toMatchObject({ client_build: 'teams/android/3.0', sbc: 'sbc1.contoso.com', carrier_path: 'sbc1.contoso.com/FR', attributed: true });
    expect(get('si:s-tie')).toMatchObject({ sbc: 'sbc1.contoso.com', carrier_path: 'sbc1.contoso.com/DE', attributed: true });
  });
  it('an unrouted call linked to a sign-in failure takes the route of the last routed call before it', () => {
    expect(get('cr:c-route2')).toMatchObject({ sbc: 'sbc1.contoso.com', carrier_path: 'sbc1.contoso.com/FR', client_build: 'teams/android/3.0', attributed: true });
    expect(rows.has('cr:c-route1')).toBe(false); // a record with a Direct Routing leg is that leg's attempt
    expect(get('dr:d-route1').attributed).toBe(false);
  });
  it('reads the direction from the call type: ByotIn and dr_in are inbound, dr_out and forwarding outbound', () => {
    expect([get('dr:d-byotin'), get('dr:d-drin'), get('dr:d-fwd'), get('dr:d-sbc'), get('cr:c-plan')].map((r) => r.direction)).toEqual(['inbound', 'inbound', 'outbound', 'outbound', 'outbound']);
  });
  it('a Calling Plan failure is matched to its PSTN row: sbc microsoft, carrier Microsoft/CA', () => {
    expect(get('cr:c-plan')).toMatchObject({ sbc: 'microsoft', carrier_path: 'Microsoft/CA', auth_linked: true, failure_origin: 'microsoft', layer: 'other' });
  });
  it('two DR legs sharing a correlation id are two attempts on the same call record; a cancelled leg is no fault', () => {
    expect(get('dr:d-leg1')).toMatchObject({ outcome: 'failure', is_failure: false, site: 'EMEA/DE/BER-HQ' });
    expect(get('dr:d-leg2')).toMatchObject({ outcome: 'success', site: 'EMEA/DE/BER-HQ' });
    expect(rows.has('cr:c-legs')).toBe(false);
  });
  it('documents every mart table and column (COMMENT ON)', async () => {
    const missing = await db.query(
      `SELECT table_name || '.' || column_name AS col FROM duckdb_columns() WHERE schema_name = 'marts' AND (comment IS NULL OR comment = '')
       UNION ALL SELECT table_name FROM duckdb_tables() WHERE schema_name = 'marts' AND (comment IS NULL OR comment = '')`,
      z.object({ col: z.string() }),
    );
    expect(missing.map((m) => m.col)).toEqual([]);
  });
  it('a second build with unchanged inputs is skipped; a broken row fails the checks with exit 3 and leaves the old marts', async () => {
    const again = await build(db, { signInWindowMinutes: 15, carrierMap: {}, log: memoryLogger() });
    expect(again.skipped).toBe(true);
    const snapshot = `SELECT (SELECT count(*) FROM marts.setup_attempts WHERE user_p LIKE '%@%')::INTEGER AS clear,
                              (SELECT count(*) FROM marts.setup_attempts)::INTEGER AS attempts,
                              (SELECT count(*) FROM marts.daily_rollup)::INTEGER AS rollup,
                              (SELECT count(*) FROM duckdb_tables() WHERE suffix(table_name, '__next'))::INTEGER AS staged`;
    const state = z.object({ clear: z.number(), attempts: z.number(), rollup: z.number(), staged: z.number() });
    const before = await db.query(snapshot, state);
    await db.run(`UPDATE raw.direct_routing_calls SET user_p = 'someone@contoso.com' WHERE id = 'd-ok'`);
    await expect(build(db, { signInWindowMinutes: 15, carrierMap: {}, log: memoryLogger(), force: true })).rejects.toMatchObject({ exitCode: 3, message: expect.stringContaining('no_clear_euii.sql') });
    // The new marts were written beside the old ones and never swapped in; nothing of them is left.
    expect(await db.query(snapshot, state)).toEqual(before);
    expect(before[0]).toMatchObject({ clear: 0, staged: 0 });
    expect(before[0]?.attempts).toBeGreaterThan(0);
    await db.run(`UPDATE raw.direct_routing_calls SET user_p = NULL WHERE id = 'd-ok'`);
  });
  it('a Direct Routing leg captured twice fails the uniqueness check with exit 3 and leaves the old marts', async () => {
    await db.run(`INSERT INTO raw.direct_routing_calls SELECT * FROM raw.direct_routing_calls WHERE id = 'd-ok'`);
    try {
      await expect(build(db, { signInWindowMinutes: 15, carrierMap: {}, log: memoryLogger(), force: true })).rejects.toMatchObject({ exitCode: 3, message: expect.stringContaining('attempts_unique.sql') });
      const old = await db.query(`SELECT count(*)::INTEGER AS n FROM marts.setup_attempts WHERE attempt_id = 'dr:d-ok'`, z.object({ n: z.number() }));
      expect(old[0]?.n).toBe(1);
    } finally {
      await db.run(`DELETE FROM raw.direct_routing_calls WHERE id = 'd-ok' AND rowid = (SELECT max(rowid) FROM raw.direct_routing_calls WHERE id = 'd-ok')`);
    }
  });
  it('stores the dimensions as ENUMs of the values found (carrier-map names included) that query as text, and leaves no intermediate tables', async () => {
    const carrierMap = { 'sbc1.contoso.com/FR': 'Orange', 'sbc1.contoso.com': 'Carrier1' };
    await build(db, { signInWindowMinutes: 15, carrierMap, force: true, log: memoryLogger() });
    const paths = await db.query(
      `SELECT attempt_id, carrier_path, carrier FROM marts.setup_attempts WHERE attempt_id IN ('dr:d-ms401', 'dr:d-sbc') ORDER BY attempt_id`,
      z.object({ attempt_id: z.string(), carrier_path: z.string(), carrier: z.string() }),
    );
    expect(paths).toEqual([
      { attempt_id: 'dr:d-ms401', carrier_path: 'Orange/FR', carrier: 'Orange' },
      { attempt_id: 'dr:d-sbc', carrier_path: 'Carrier1/DE', carrier: 'Carrier1' },
    ]);
    const asText = await db.query(
      `SELECT (SELECT count(*) FROM marts.setup_attempts WHERE site = 'no such site' OR sbc = 'no.such.sbc')::INTEGER AS none,
              (SELECT count(*) FROM marts.setup_attempts WHERE site LIKE 'unmapped:%')::INTEGER AS unmapped,
              (SELECT min(site || '|' || client_build) FROM marts.setup_attempts WHERE site = 'EMEA/DE/BER-HQ') AS joined,
              (SELECT typeof(any_value(site)) FROM marts.setup_attempts) AS site_type,
              (SELECT typeof(any_value(site)) FROM marts.daily_rollup) AS rollup_type,
              (SELECT count(*) FROM duckdb_tables() WHERE temporary OR schema_name = 'intermediate')::INTEGER AS scratch_tables,
              (SELECT count(*) FROM duckdb_views() WHERE temporary AND starts_with(view_name, 'int_'))::INTEGER AS scratch_views,
              (SELECT count(*) FROM duckdb_types() WHERE database_name = 'temp' AND starts_with(type_name, 'int_'))::INTEGER AS scratch_types,
              (SELECT count(*) FROM duckdb_functions() WHERE database_name = 'temp' AND starts_with(function_name, 'int_'))::INTEGER AS scratch_macros`,
      z.object({ none: z.number(), unmapped: z.number(), joined: z.string(), site_type: z.string(), rollup_type: z.string(), scratch_tables: z.number(), scratch_views: z.number(), scratch_types: z.number(), scratch_macros: z.number() }),
    );
    expect(asText[0]).toMatchObject({ none: 0, unmapped: 1, joined: 'EMEA/DE/BER-HQ|sipDevice/CCX 500/8.1.3.1301', scratch_tables: 0, scratch_views: 0, scratch_types: 0, scratch_macros: 0 });
    expect(asText[0]?.site_type).toMatch(/^ENUM\('EMEA\/DE\/BER-HQ', 'unmapped:/);
    expect(asText[0]?.rollup_type).toBe(asText[0]?.site_type);
    // the dims cut carrier and version once per value, by the rules of the mart's computed columns
    const dims = await db.query(
      `SELECT (SELECT count(*) FROM marts.dim_carrier_path)::INTEGER AS paths,
              (SELECT count(*) FROM marts.dim_carrier_path d JOIN (SELECT DISTINCT carrier_path, carrier FROM marts.setup_attempts) m USING (carrier_path)
               WHERE d.carrier = m.carrier)::INTEGER AS same_carrier,
              (SELECT count(*) FROM marts.dim_client_build)::INTEGER AS builds,
              (SELECT count(*) FROM marts.dim_client_build d JOIN (SELECT DISTINCT client_build, client_version FROM marts.setup_attempts) m USING (client_build)
               WHERE d.version = m.client_version)::INTEGER AS same_version`,
      z.object({ paths: z.number(), same_carrier: z.number(), builds: z.number(), same_version: z.number() }),
    );
    expect(dims[0]?.paths).toBeGreaterThan(2);
    expect(dims[0]?.builds).toBeGreaterThan(2);
    expect(dims[0]).toMatchObject({ same_carrier: dims[0]?.paths, same_version: dims[0]?.builds });
    await build(db, { signInWindowMinutes: 15, carrierMap: {}, force: true, log: memoryLogger() });
  });
});
