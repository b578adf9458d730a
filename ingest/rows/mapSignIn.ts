import type { SignIn } from '../graph/schemas.js';
import type { RawRow } from './rawTables.js';
import type { MapContext } from './context.js';
import { ipPrefix } from './ipPrefix.js';

/** An Entra sign-in → raw.sign_ins. */
export function mapSignIn(s: SignIn, ctx: MapContext): RawRow<'sign_ins'> {
  const types = s.signInEventTypes ?? [];
  const eventType = types.includes('nonInteractiveUser') ? 'nonInteractiveUser' : types[0] ?? (s.isInteractive === false ? 'nonInteractiveUser' : 'interactiveUser');
  return {
    id: s.id,
    created_ts: s.createdDateTime,
    user_p: ctx.p.user(s.userPrincipalName, s.userId),
    user_id_p: ctx.p.p('user_id', s.userId),
    app_id: s.appId ?? null,
    app_display_name: s.appDisplayName ?? null,
    client_app_used: s.clientAppUsed ?? null,
    is_interactive: s.isInteractive ?? null,
    event_type: eventType,
    error_code: s.status.errorCode,
    failure_reason: s.status.failureReason ?? null,
    conditional_access_status: s.conditionalAccessStatus ?? null,
    ip_p: ctx.p.p('ip', s.ipAddress),
    ip_prefix: ipPrefix(s.ipAddress),
    device_os: s.deviceDetail?.operatingSystem ?? null,
    device_browser: s.deviceDetail?.browser ?? null,
    device_name_p: ctx.p.p('device', s.deviceDetail?.displayName),
    location_country: s.location?.countryOrRegion ?? null,
    source: ctx.source,
    run_id: ctx.runId,
    ingested_at: ctx.ingestedAt,
  };
}
