/**
 * Checks a tenant connection before the first run: a token, then one small request per endpoint.
 * A 403 is turned into the permission (or licence) that is missing.
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import { errorMessage } from '../core/errors.js';
import { GraphResponseError, getJson } from './graph/paging.js';
import { graphTime } from './windows.js';

export interface ProbeResult {
  check: string;
  ok: boolean;
  detail: string;
}

const NEEDS: Record<string, string> = {
  callRecords: 'application permission CallRecords.Read.All with admin consent',
  directRoutingCalls: 'application permission CallRecords.Read.All with admin consent',
  pstnCalls: 'application permission CallRecords.Read.All with admin consent',
  signIns: 'application permission AuditLog.Read.All with admin consent, and a Microsoft Entra ID P1 or P2 licence',
};

export function explainProbeError(check: string, e: unknown): string {
  if (e instanceof GraphResponseError) {
    if (e.status === 403) return `403 ${e.code ?? 'Forbidden'}: missing ${NEEDS[check] ?? 'permission'}`;
    if (e.status === 401) return `401 ${e.code ?? 'Unauthorized'}: the token was refused (tenant id, client id, secret or certificate)`;
    return `HTTP ${e.status}${e.code ? ` ${e.code}` : ''}`;
  }
  return errorMessage(e).split('\n')[0] ?? 'error';
}

export async function probeGraph(client: Client, now: Date): Promise<ProbeResult[]> {
  const to = graphTime(now);
  const from = graphTime(new Date(now.getTime() - 3_600_000));
  const dayFrom = graphTime(new Date(now.getTime() - 86_400_000));
  const checks: [string, string][] = [
    ['callRecords', `/communications/callRecords?$filter=startDateTime ge ${from} and startDateTime lt ${to}`],
    ['directRoutingCalls', `/communications/callRecords/getDirectRoutingCalls(fromDateTime=${dayFrom},toDateTime=${to})`],
    ['pstnCalls', `/communications/callRecords/getPstnCalls(fromDateTime=${dayFrom},toDateTime=${to})`],
    ['signIns', `/auditLogs/signIns?$filter=createdDateTime ge ${from} and createdDateTime lt ${to}&$top=1`],
  ];
  const out: ProbeResult[] = [];
  for (const [check, url] of checks) {
    try {
      await getJson(client, url);
      out.push({ check, ok: true, detail: 'reachable' });
    } catch (e) {
      out.push({ check, ok: false, detail: explainProbeError(check, e) });
    }
  }
  return out;
}
