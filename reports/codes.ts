/**
 * Meanings of the codes a failure cluster carries: SIP response codes (RFC 3261 / Direct Routing),
 * Microsoft response codes (callEndSubReason, with the 560 rule) and Entra AADSTS sign-in codes.
 * Source: shared/reference/teams-data-model.md §5.5 and §3.2.
 */

const SIP: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized (credentials demanded)',
  402: 'Payment Required',
  403: 'Forbidden',
  404: 'Not Found',
  407: 'Proxy Authentication Required',
  408: 'Request Timeout',
  410: 'Gone',
  412: 'Conditional Request Failed',
  415: 'Unsupported Media Type',
  420: 'Bad Extension',
  422: 'Session Interval Too Small',
  480: 'Temporarily Unavailable',
  484: 'Address Incomplete',
  486: 'Busy Here',
  487: 'Request Terminated (cancelled)',
  488: 'Not Acceptable Here',
  500: 'Server Internal Error',
  503: 'Service Unavailable',
  504: 'Server Time-out',
  603: 'Decline',
};

const MS: Record<number, string> = {
  1106: 'SBC did not ACK the 200 OK',
  10199: 'private calling disabled for the callee',
  10202: 'replacement call not found',
  10500: 'Location-Based Routing site state',
  10553: 'required recorder invite failed',
  500001: 'gateway failover timer expired',
  510532: 'no trunk configuration found',
  510534: 'calling number blocked',
  510546: 'no trunk matches the Location-Based Routing criteria',
  510559: 'no viable outbound route',
  510560: 'user not Enterprise Voice enabled',
  510562: 'user not allowed outbound PSTN calls',
  510563: 'user allowed domestic calls only',
  511404: 'reverse number lookup found no user',
  540000: 'normal call end',
};

const AADSTS: Record<number, string> = {
  50053: 'account locked or sign-in from a malicious IP',
  50055: 'password expired',
  50057: 'user account disabled',
  50074: 'MFA challenge not passed',
  50076: 'MFA required',
  50079: 'MFA enrolment required',
  50126: 'invalid username or password',
  50131: 'Conditional Access failed',
  50133: 'session invalid after a password change',
  50140: '"keep me signed in" interrupt (benign)',
  50158: 'external security challenge not satisfied',
  50173: 'grant revoked, a fresh token is needed',
  53003: 'blocked by Conditional Access',
};

export type CodeOrigin = 'sbc' | 'microsoft';

export interface CodeMeaning {
  code: string;
  meaning: string;
  /** For Microsoft codes: who sent the final response (the 560 rule). */
  origin?: CodeOrigin;
}

export function sipCodeMeaning(code: number): string {
  return SIP[code] ?? (code >= 600 ? 'global failure' : code >= 500 ? 'server error' : code >= 400 ? 'request failure' : 'SIP response');
}

/** A Microsoft response code: 560xxx means the SBC sent the final response xxx. */
export function msCodeMeaning(code: number): CodeMeaning {
  const s = String(code);
  if (/^560\d{3}$/.test(s)) {
    const sip = Number(s.slice(3));
    return { code: s, meaning: `from the SBC: SIP ${sip} ${sipCodeMeaning(sip)}`, origin: 'sbc' };
  }
  return { code: s, meaning: MS[code] ?? 'Microsoft response code (see the Direct Routing response code reference)', origin: 'microsoft' };
}

export function aadstsMeaning(code: number): string {
  return AADSTS[code] ?? 'Entra sign-in error (see the AADSTS error code reference)';
}

/** A code value as the pattern engine reports it (a string) → its meaning, by kind. */
export function describeCode(kind: 'sip' | 'ms' | 'aadsts', value: string): CodeMeaning {
  if (value === 'none') {
    return { code: value, meaning: kind === 'ms' ? 'no Microsoft code (no Direct Routing leg)' : 'no SIP code (sign-in failure, or a call record without one)' };
  }
  const n = Number(value);
  if (!Number.isInteger(n)) return { code: value, meaning: 'unknown code' };
  if (kind === 'ms') return msCodeMeaning(n);
  if (kind === 'aadsts') return { code: value, meaning: aadstsMeaning(n) };
  return { code: value, meaning: sipCodeMeaning(n) };
}
