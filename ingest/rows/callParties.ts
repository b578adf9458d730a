import type { MapContext } from './context.js';
import { phoneFacts } from './phone.js';

interface Parties {
  userPrincipalName?: string | null | undefined;
  userId?: string | null | undefined;
  userDisplayName?: string | null | undefined;
  callerNumber?: string | null | undefined;
  calleeNumber?: string | null | undefined;
}

/** The user and the two numbers of a DR or PSTN log row: pseudonyms, plus the countries derived first. */
export function callParties(r: Parties, ctx: MapContext) {
  const caller = phoneFacts(r.callerNumber);
  const callee = phoneFacts(r.calleeNumber);
  return {
    user_p: ctx.p.user(r.userPrincipalName, r.userId),
    user_id_p: ctx.p.p('user_id', r.userId),
    display_name_p: ctx.p.p('display_name', r.userDisplayName),
    caller_number_p: ctx.p.p('phone', r.callerNumber),
    callee_number_p: ctx.p.p('phone', r.calleeNumber),
    caller_country: caller.country,
    callee_country: callee.country,
    number_masked: caller.masked || callee.masked,
  };
}
