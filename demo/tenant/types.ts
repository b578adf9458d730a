/** Public types of the demo tenant generator. */
import type { CallRecord, DirectRoutingLogRow, PstnCallLogRow, SignIn } from '../../ingest/graph/schemas.js';

export interface TenantOptions {
  seed: number;
  users: number;
  days: number;
  /** ISO date-time, exclusive end of the data. */
  end: string;
}

export const DEFAULT_TENANT_OPTIONS: TenantOptions = { seed: 42, users: 1000, days: 35, end: '2026-11-23T00:00:00Z' };

export interface Incident {
  id: string;
  kind: string;
  description: string;
  dimensions: { site?: string; sbc?: string; client_build?: string; carrier_path?: string };
  layer: string;
  origin: string;
  start: string;
  end: string;
  expected: 'cluster' | 'single_user' | 'not_a_pattern';
  /** Pseudonymisable UPN, for the single-user decoy. */
  user?: string;
  /** What the generator injected: failed attempts (and sign-ins for the sign-in wave) and distinct users. */
  injected?: { failures: number; users: number; signInFailures?: number };
}

export interface Tenant {
  options: TenantOptions;
  tenantId: string;
  /** CQD building file: CSV, 15 columns, no header. */
  buildingFile: string;
  callRecords: CallRecord[];
  directRoutingCalls: DirectRoutingLogRow[];
  pstnCalls: PstnCallLogRow[];
  signIns: SignIn[];
  incidents: Incident[];
}
