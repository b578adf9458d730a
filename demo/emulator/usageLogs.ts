/**
 * getDirectRoutingCalls / getPstnCalls: OData functions with fromDateTime/toDateTime parameters
 * (date-only or full date-time), on call start time. DR: from inclusive, to exclusive. PSTN: to
 * inclusive (per doc), 400 over 90 days. 1,000 rows per page, `@odata.count`, nextLink `?$skip=`.
 */
import type { DirectRoutingLogRow, PstnCallLogRow } from '../../ingest/graph/schemas.js';
import { badRequest, lowerBound, parseDateLiteral } from './replies.js';
import type { EmuReply, EmuRequest } from './types.js';

const PAGE = 1000;
const DAY_MS = 24 * 3600 * 1000;

export const USAGE_PATH = /^\/(v1\.0|beta)\/communications\/callRecords\/((?:microsoft\.graph\.callRecords\.)?(getDirectRoutingCalls|getPstnCalls)\((.*)\))$/;

type Row = DirectRoutingLogRow | PstnCallLogRow;

interface Indexed {
  rows: Row[];
  startMs: number[];
}

function index(rows: readonly Row[]): Indexed {
  const sorted = [...rows].sort((a, b) => Date.parse(a.startDateTime) - Date.parse(b.startDateTime) || (a.id < b.id ? -1 : 1));
  return { rows: sorted, startMs: sorted.map((r) => Date.parse(r.startDateTime)) };
}

/** `fromDateTime=2019-11-01,toDateTime=2019-12-01` → the two parameters (values may be quoted). */
export function parseFunctionParams(text: string): Map<string, string> | undefined {
  const out = new Map<string, string>();
  for (const part of text.split(',')) {
    const eq = part.indexOf('=');
    if (eq <= 0) return undefined;
    out.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  return out;
}

export interface UsageLogRoutes {
  /** `m` is the USAGE_PATH match of the request path. */
  handle(m: RegExpExecArray, req: EmuRequest): EmuReply;
}

export function createUsageLogRoutes(dr: readonly DirectRoutingLogRow[], pstn: readonly PstnCallLogRow[], graphOrigin: string): UsageLogRoutes {
  const sets = { getDirectRoutingCalls: index(dr), getPstnCalls: index(pstn) };
  return {
    handle(m, req) {
      const [, version, callPath, fn, args] = m;
      const isPstn = fn === 'getPstnCalls';
      const params = parseFunctionParams(args ?? '');
      const fromText = params?.get('fromDateTime');
      const toText = params?.get('toDateTime');
      if (fromText === undefined || toText === undefined || params?.size !== 2) {
        return badRequest(`${fn} requires exactly fromDateTime and toDateTime`);
      }
      const fromMs = parseDateLiteral(fromText);
      const toMs = parseDateLiteral(toText);
      if (fromMs === undefined || toMs === undefined) return badRequest(`${fn}: invalid DateTimeOffset parameter`);
      if (toMs < fromMs) return badRequest(`${fn}: toDateTime is before fromDateTime`);
      if (isPstn && toMs - fromMs > 90 * DAY_MS) return badRequest('getPstnCalls: the date range cannot be more than 90 days');
      const skipText = req.query.get('$skip') ?? '0';
      if (!/^\d+$/.test(skipText)) return badRequest('Invalid $skip');
      const skip = Number(skipText);
      const set = isPstn ? sets.getPstnCalls : sets.getDirectRoutingCalls;
      const lo = lowerBound(set.startMs, fromMs);
      const hi = lowerBound(set.startMs, isPstn ? toMs + 1 : toMs);
      const value = set.rows.slice(lo + skip, Math.min(hi, lo + skip + PAGE));
      const body: Record<string, unknown> = {
        '@odata.context': `https://graph.microsoft.com/v1.0/$metadata#Collection(microsoft.graph.callRecords.${isPstn ? 'pstnCallLogRow' : 'directRoutingLogRow'})`,
        '@odata.count': value.length,
        value,
      };
      if (lo + skip + PAGE < hi) body['@odata.nextLink'] = `${graphOrigin}/${version}/communications/callRecords/${callPath}?$skip=${skip + PAGE}`;
      return { status: 200, body };
    },
  };
}
