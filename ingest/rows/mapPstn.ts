import type { PstnCallLogRow } from '../graph/schemas.js';
import type { RawRow } from './rawTables.js';
import type { MapContext } from './context.js';
import { phoneFacts } from './phone.js';

/** A PSTN (Calling Plan / Operator Connect) log row → raw.pstn_calls. */
export function mapPstn(r: PstnCallLogRow, ctx: MapContext): RawRow<'pstn_calls'> {
  const caller = phoneFacts(r.callerNumber);
  const callee = phoneFacts(r.calleeNumber);
  return {
    id: r.id,
    call_id: r.callId ?? null,
    user_p: ctx.p.user(r.userPrincipalName, r.userId),
    user_id_p: ctx.p.p('user_id', r.userId),
    display_name_p: ctx.p.p('display_name', r.userDisplayName),
    start_ts: r.startDateTime,
    end_ts: r.endDateTime ?? null,
    duration_s: r.duration ?? null,
    call_type: r.callType ?? null,
    caller_number_p: ctx.p.p('phone', r.callerNumber),
    callee_number_p: ctx.p.p('phone', r.calleeNumber),
    caller_country: caller.country,
    callee_country: callee.country,
    number_masked: caller.masked || callee.masked,
    charge: r.charge ?? null,
    connection_charge: r.connectionCharge ?? null,
    currency: r.currency ?? null,
    destination_context: r.destinationContext ?? null,
    destination_name: r.destinationName ?? null,
    conference_id: r.conferenceId ?? null,
    license_capability: r.licenseCapability ?? null,
    inventory_type: r.inventoryType ?? null,
    operator: r.operator ?? null,
    call_duration_source: r.callDurationSource ?? null,
    tenant_country_code: r.tenantCountryCode ?? null,
    usage_country_code: r.usageCountryCode ?? null,
    source: ctx.source,
    run_id: ctx.runId,
    ingested_at: ctx.ingestedAt,
  };
}
