import type { CallRecord, Endpoint, NetworkInfo, Session } from '../graph/schemas.js';
import type { RawRow } from './rawTables.js';
import type { MapContext } from './context.js';
import { ipPrefix } from './ipPrefix.js';
import { phoneFacts } from './phone.js';

export interface MappedCallRecord {
  record: RawRow<'call_records'>;
  sessions: RawRow<'call_sessions'>[];
}

type Side = 'caller' | 'callee';

/** The first network info the session's segments report for one side. */
function networkOf(s: Session, side: Side): NetworkInfo | null {
  for (const seg of s.segments ?? []) {
    for (const m of seg.media ?? []) {
      const n = side === 'caller' ? m.callerNetwork : m.calleeNetwork;
      if (n && (n.subnet || n.ipAddress)) return n;
    }
  }
  return null;
}

function endpointKind(e: Endpoint | null | undefined): string | null {
  const t = e?.['@odata.type'] ?? '';
  if (t.endsWith('participantEndpoint')) return 'participant';
  if (t.endsWith('serviceEndpoint')) return 'service';
  return e ? (e.associatedIdentity || e.identity?.user ? 'participant' : 'service') : null;
}

function endpointColumns(e: Endpoint | null | undefined, n: NetworkInfo | null, ctx: MapContext) {
  const ua = e?.userAgent;
  const ident = e?.associatedIdentity ?? e?.identity?.user ?? null;
  return {
    kind: endpointKind(e),
    user_p: ident ? ctx.p.user(ident.userPrincipalName, ident.id) : null,
    device_p: ctx.p.p('device', e?.name),
    platform: ua?.platform ?? null,
    product_family: ua?.productFamily ?? null,
    app_version: ua?.applicationVersion ?? null,
    header: ua?.headerValue ?? null,
    app_id: ua?.azureADAppId ?? null,
    role: ua?.role ?? null,
    subnet: n?.subnet ?? null,
    ip_p: ctx.p.p('ip', n?.ipAddress),
    ip_prefix: ipPrefix(n?.ipAddress),
    connection: n?.connectionType ?? null,
  };
}

/** A call record with sessions and segments expanded → one raw.call_records row and one row per distinct session. */
export function mapCallRecord(rec: CallRecord, ctx: MapContext): MappedCallRecord {
  const seen = new Set<string>();
  const sessions: RawRow<'call_sessions'>[] = [];
  for (const s of rec.sessions ?? []) {
    if (seen.has(s.id)) continue; // a session can be returned twice when several service identities are involved
    seen.add(s.id);
    const c = endpointColumns(s.caller, networkOf(s, 'caller'), ctx);
    const d = endpointColumns(s.callee, networkOf(s, 'callee'), ctx);
    const phone = s.callee?.identity?.phone?.id ?? null;
    sessions.push({
      call_record_id: rec.id,
      session_id: s.id,
      start_ts: s.startDateTime ?? null,
      end_ts: s.endDateTime ?? null,
      modalities: s.modalities?.join(',') ?? null,
      is_test: s.isTest ?? null,
      failure_stage: s.failureInfo?.stage ?? null,
      failure_reason: s.failureInfo?.reason ?? null,
      caller_kind: c.kind, caller_user_p: c.user_p, caller_device_p: c.device_p, caller_platform: c.platform,
      caller_product_family: c.product_family, caller_app_version: c.app_version, caller_header: c.header,
      caller_app_id: c.app_id, caller_role: c.role, caller_subnet: c.subnet, caller_ip_p: c.ip_p,
      caller_ip_prefix: c.ip_prefix, caller_connection: c.connection,
      callee_kind: d.kind, callee_user_p: d.user_p, callee_device_p: d.device_p, callee_platform: d.platform,
      callee_product_family: d.product_family, callee_app_version: d.app_version, callee_header: d.header,
      callee_app_id: d.app_id, callee_role: d.role, callee_subnet: d.subnet, callee_ip_p: d.ip_p,
      callee_ip_prefix: d.ip_prefix, callee_connection: d.connection,
      callee_phone_p: ctx.p.p('phone', phone),
      callee_phone_country: phoneFacts(phone).country,
    });
  }
  const org = rec.organizer_v2?.identity?.user ?? null;
  return {
    record: {
      id: rec.id,
      version: rec.version,
      type: rec.type,
      modalities: rec.modalities.join(','),
      start_ts: rec.startDateTime,
      end_ts: rec.endDateTime ?? null,
      last_modified_ts: rec.lastModifiedDateTime ?? null,
      organizer_p: org ? ctx.p.user(org.userPrincipalName, org.id ?? rec.organizer_v2?.id) : null,
      session_count: sessions.length,
      source: ctx.source,
      run_id: ctx.runId,
      ingested_at: ctx.ingestedAt,
    },
    sessions,
  };
}
