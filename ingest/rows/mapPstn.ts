import type { PstnCallLogRow } from '../graph/schemas.js';
import type { RawRow } from './rawTables.js';
import type { MapContext } from './context.js';
import { callParties } from './callParties.js';

/** A PSTN (Calling Plan / Operator Connect) log row → raw.pstn_calls. */
export function mapPstn(r: PstnCallLogRow, ctx: MapContext): RawRow<'pstn_calls'> {
  // Named fields, not `...callParties()`: a spread followed by more properties leaves V8 a dictionary-mode
  // object, which made this mapper ~10× slower (bench/ingest-files.ts).
  const c = callParties(r, ctx);
  return {
    user_p: c.user_p,
    user_id_p: c.user_id_p,
    display_name_p: c.display_name_p,
    caller_number_p: c.caller_number_p,
    callee_number_p: c.callee_number_p,
    caller_country: c.caller_country,
    callee_country: c.callee_country,
    number_masked: c.number_masked,
    id: r.id,
    call_id: r.callId ?? null,
    start_ts: r.startDateTime,
    end_ts: r.endDateTime ?? null,
    duration_s: r.duration ?? null,
    call_type: r.callType ?? null,
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
