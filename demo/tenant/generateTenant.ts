/**
 * The deterministic synthetic demo tenant: same options, byte-identical output.
 * Pipeline: users -> normal attempts with noise -> injected incidents -> Graph shapes (call records, DR rows,
 * PSTN rows) and Entra sign-ins. Everything is drawn from one seeded PRNG stream (plus a second one, derived
 * from the seed, for rendering details), never from Math.random or the clock.
 */
import { UsageError } from '../../core/errors.js';
import type { CallRecord, DirectRoutingLogRow, PstnCallLogRow } from '../../ingest/graph/schemas.js';
import { createRng } from './prng.js';
import { makeUsers } from './users.js';
import { buildingFile } from './topology.js';
import { DAY, normalAttempts, type Period } from './attempts.js';
import { injectIncidents } from './incidents.js';
import { renderCallRecord } from './callRecord.js';
import { renderDirectRoutingRow, renderPstnRow } from './legs.js';
import { makeSignIns } from './signIns.js';
import { DATACENTERS } from './routing.js';
import { DEFAULT_TENANT_OPTIONS, type Tenant, type TenantOptions } from './types.js';

function checkOptions(o: TenantOptions): number {
  if (!Number.isInteger(o.seed)) throw new UsageError(`demo tenant: seed must be an integer, got ${o.seed}`);
  if (!Number.isInteger(o.users) || o.users < 10) throw new UsageError(`demo tenant: users must be an integer >= 10, got ${o.users}`);
  if (!Number.isInteger(o.days) || o.days < 8) throw new UsageError(`demo tenant: days must be an integer >= 8, got ${o.days}`);
  const end = Date.parse(o.end);
  if (Number.isNaN(end)) throw new UsageError(`demo tenant: end is not an ISO date-time: ${o.end}`);
  if (end % DAY !== 0) throw new UsageError(`demo tenant: end must be midnight UTC, got ${o.end}`);
  return end;
}

export function generateTenant(opts: Partial<TenantOptions> = {}): Tenant {
  const options: TenantOptions = { ...DEFAULT_TENANT_OPTIONS, ...opts };
  const endMs = checkOptions(options);
  const period: Period = { startMs: endMs - options.days * DAY, endMs };
  const rng = createRng(options.seed);
  const tenantId = rng.guid();
  const users = makeUsers(rng, options.users);
  const base = normalAttempts(rng, users, period);
  const { incidents, extra, caFailures } = injectIncidents(rng, users, base, period);
  const attempts = [...base, ...extra]
    .filter((a) => a.start >= period.startMs && a.start < period.endMs)
    .sort((x, y) => x.start - y.start || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));

  const render = createRng((options.seed ^ 0x5bd1e995) >>> 0);
  const callRecords: CallRecord[] = [];
  const directRoutingCalls: DirectRoutingLogRow[] = [];
  const pstnCalls: PstnCallLogRow[] = [];
  for (const a of attempts) {
    callRecords.push(renderCallRecord(render, a, tenantId, render.pick(DATACENTERS[a.user.building.region])));
    if (a.noLeg) continue;
    if (a.kind === 'dr') directRoutingCalls.push(renderDirectRoutingRow(render, a));
    else if (a.kind === 'cp' || a.kind === 'oc') pstnCalls.push(renderPstnRow(render, a));
  }
  const signIns = makeSignIns(rng, users, period, caFailures)
    .sort((x, y) => (x.createdDateTime < y.createdDateTime ? -1 : x.createdDateTime > y.createdDateTime ? 1 : x.id < y.id ? -1 : 1));
  return { options, tenantId, buildingFile: buildingFile(), callRecords, directRoutingCalls, pstnCalls, signIns, incidents };
}
