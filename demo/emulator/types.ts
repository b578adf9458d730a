/** Shapes shared by the local Graph emulator's modules (a demo/test asset, never imported by production code). */
import type { CallRecord, DirectRoutingLogRow, PstnCallLogRow, SignIn } from '../../ingest/graph/schemas.js';

export interface EmulatorData {
  tenantId: string;
  callRecords: CallRecord[];
  directRoutingCalls: DirectRoutingLogRow[];
  pstnCalls: PstnCallLogRow[];
  signIns: SignIn[];
}

export interface EmulatorOptions {
  /** The emulator's clock: drives the 30-day retention edge and record availability. */
  now: () => Date;
  clientId: string;
  /** Client secret the token endpoint accepts. A client_assertion (certificate flow) is accepted unverified. */
  clientSecret: string;
  /** Token lifetime in seconds (default 3600). */
  tokenLifetimeS?: number;
  /** Origins written into nextLinks and the OpenID document (defaults: the public cloud's). */
  graphOrigin?: string;
  loginOrigin?: string;
}

export type RouteName =
  | 'openidConfiguration'
  | 'token'
  | 'callRecordsList'
  | 'callRecordGet'
  | 'callRecordSessions'
  | 'directRoutingCalls'
  | 'pstnCalls'
  | 'signIns'
  | 'signInsBeta'
  | 'unknown';

export type FaultKind = 'throttle' | 'unavailable' | 'corrupt';

export interface EmulatorStats {
  total: number;
  byRoute: Record<RouteName, number>;
  /** Responses by status code, as strings ('200', '429', …). */
  byStatus: Record<string, number>;
  faults: Record<FaultKind | 'unauthorized', number>;
  /** The last 50 request targets (path + query, as received), oldest first. */
  recent: string[];
}

/** Queued faults hit the next matching Graph requests (any route unless `route` is given). */
export interface FaultControl {
  /** The next n Graph requests get 429 with Retry-After: retryAfterS. */
  throttleNext(n: number, retryAfterS: number, route?: RouteName): void;
  /** The next n Graph requests get 503; with a Retry-After header when retryAfterS is given. */
  unavailableNext(n: number, retryAfterS?: number, route?: RouteName): void;
  /** Every token issued so far stops working: the next Graph request with one gets 401. */
  expireTokens(): void;
  /** The next n Graph requests get 200 with a truncated JSON body. */
  corruptNext(n: number, route?: RouteName): void;
  /** Seeded random faults on every Graph request with probability p (p = 0 turns it off). */
  random(opts: { seed: number; probability: number; kinds?: FaultKind[]; retryAfterS?: number }): void;
  /** Clear every pending fault and the random mode. */
  reset(): void;
}

export interface Emulator {
  /** http://127.0.0.1:PORT */
  url: string;
  close(): Promise<void>;
  stats: EmulatorStats;
  faults: FaultControl;
}

/** A parsed incoming request, as route handlers see it. */
export interface EmuRequest {
  method: string;
  /** Decoded path, e.g. /v1.0/communications/callRecords('abc')/sessions */
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface EmuReply {
  status: number;
  /** Serialised with JSON.stringify, unless `raw` (already JSON text) is given. */
  body: unknown;
  raw?: string;
  headers?: Record<string, string>;
}
