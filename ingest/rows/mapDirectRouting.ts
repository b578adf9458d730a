import type { DirectRoutingLogRow } from '../graph/schemas.js';
import type { RawRow } from './rawTables.js';
import { graphDate, type MapContext } from './context.js';
import { callParties } from './callParties.js';

/** A Direct Routing log row → raw.direct_routing_calls, EUII pseudonymised, countries derived first. */
export function mapDirectRouting(r: DirectRoutingLogRow, ctx: MapContext): RawRow<'direct_routing_calls'> {
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
    correlation_id: r.correlationId ?? null,
    start_ts: r.startDateTime,
    invite_ts: graphDate(r.inviteDateTime),
    failure_ts: graphDate(r.failureDateTime),
    end_ts: graphDate(r.endDateTime),
    duration_s: r.duration ?? null,
    call_type: r.callType ?? null,
    successful_call: r.successfulCall ?? null,
    media_path_location: r.mediaPathLocation ?? null,
    signaling_location: r.signalingLocation ?? null,
    final_sip_code: r.finalSipCode ?? null,
    call_end_sub_reason: r.callEndSubReason ?? null,
    final_sip_code_phrase: r.finalSipCodePhrase ?? null,
    trunk_fqdn: r.trunkFullyQualifiedDomainName ? r.trunkFullyQualifiedDomainName.toLowerCase() : null,
    media_bypass_enabled: r.mediaBypassEnabled ?? null,
    source: ctx.source,
    run_id: ctx.runId,
    ingested_at: ctx.ingestedAt,
  };
}
