/**
 * Call records as Graph serves them: List (startDateTime filter, 60 per page, no sessions), Get with
 * $expand=sessions($expand=segments) (60 sessions, then sessions@odata.nextLink), List sessions.
 * Records older than 30 days (emulator clock) or not yet ended are invisible: never listed, 404 on Get.
 */
import { z } from 'zod';
import type { CallRecord, Session } from '../../ingest/graph/schemas.js';
import { parseFilter } from './odataFilter.js';
import { badRequest, collectPage, decodeToken, encodeToken, lowerBound, notFound, preferredPageSize } from './replies.js';
import type { EmuReply, EmuRequest } from './types.js';

const PAGE = 60;
const RETENTION_MS = 30 * 24 * 3600 * 1000;

const listToken = z.object({ k: z.literal('list'), max: z.number().nullable(), o: z.number().int(), n: z.number().int() });
const sessionsToken = z.object({ k: z.literal('sessions'), o: z.number().int(), n: z.number().int(), seg: z.number().int() });

export interface CallRecordRoutes {
  list(req: EmuRequest): EmuReply;
  get(id: string, req: EmuRequest): EmuReply;
  sessions(id: string, req: EmuRequest): EmuReply;
}

function withoutSessions(r: CallRecord): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(r)) if (k !== 'sessions' && k !== 'sessions@odata.nextLink') out[k] = v;
  return out;
}

function sessionView(s: Session, withSegments: boolean): unknown {
  if (withSegments) return s;
  const { segments: _seg, ...rest } = s;
  return rest;
}

export function createCallRecordRoutes(records: readonly CallRecord[], now: () => Date, graphOrigin: string): CallRecordRoutes {
  const sorted = [...records].sort((a, b) => Date.parse(a.startDateTime) - Date.parse(b.startDateTime) || (a.id < b.id ? -1 : 1));
  const startMs = sorted.map((r) => Date.parse(r.startDateTime));
  const availableMs = sorted.map((r, i) => (r.endDateTime ? Date.parse(r.endDateTime) : (startMs[i] ?? 0)));
  /** JSON of each record without sessions, built on first use (List items and the head of a Get). */
  const heads: (string | undefined)[] = new Array(sorted.length);
  const headOf = (i: number): string => {
    const r = sorted[i];
    return r ? (heads[i] ??= JSON.stringify(withoutSessions(r))) : '{}';
  };
  const byId = new Map(sorted.map((r, i) => [r.id, i]));
  const base = `${graphOrigin}/v1.0/communications/callRecords`;

  const visible = (i: number, nowMs: number) => (startMs[i] ?? 0) >= nowMs - RETENTION_MS && (availableMs[i] ?? 0) <= nowMs;

  const findVisible = (id: string): number | undefined => {
    const i = byId.get(id);
    return i !== undefined && visible(i, now().getTime()) ? i : undefined;
  };

  const sessionsPage = (r: CallRecord, offset: number, n: number, withSegments: boolean) => {
    const all = r.sessions ?? [];
    const value = all.slice(offset, offset + n).map((s) => sessionView(s, withSegments));
    if (offset + n >= all.length) return { value, link: undefined };
    const token = encodeToken({ k: 'sessions', o: offset + n, n, seg: withSegments ? 1 : 0 });
    return { value, link: `${base}('${r.id}')/sessions?${withSegments ? '$expand=segments&' : ''}$skiptoken=${token}` };
  };

  return {
    list(req) {
      const nowMs = now().getTime();
      const skip = req.query.get('$skiptoken');
      let from: number;
      let maxMs: number;
      let n: number;
      if (skip !== null) {
        const t = decodeToken(skip, listToken);
        if (!t) return badRequest('Invalid $skiptoken');
        [from, maxMs, n] = [t.o, t.max ?? Infinity, t.n];
      } else {
        const text = req.query.get('$filter');
        let minMs = -Infinity;
        maxMs = Infinity;
        if (text !== null) {
          const f = parseFilter(text, 'startDateTime');
          if (!f.ok) return badRequest(`Invalid filter clause: ${f.message}`);
          [minMs, maxMs] = [f.filter.bounds.minMs, f.filter.bounds.maxExclusiveMs];
        }
        from = lowerBound(startMs, Math.max(minMs, nowMs - RETENTION_MS));
        n = preferredPageSize(req, PAGE);
      }
      const to = lowerBound(startMs, maxMs);
      const page = collectPage(from, to, n, (i) => visible(i, nowMs));
      let raw = `{"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#communications/callRecords","value":[${page.picked.map(headOf).join(',')}]`;
      if (page.next !== undefined) {
        const token = encodeToken({ k: 'list', max: Number.isFinite(maxMs) ? maxMs : null, o: page.next, n });
        raw += `,"@odata.nextLink":${JSON.stringify(`${base}?$skiptoken=${token}`)}`;
      }
      return { status: 200, body: undefined, raw: `${raw}}` };
    },

    get(id, req) {
      const i = findVisible(id);
      const r = i === undefined ? undefined : sorted[i];
      if (i === undefined || !r) return notFound(`Call record not found.`);
      const expand = req.query.get('$expand');
      if (expand === null) return { status: 200, body: undefined, raw: headOf(i) };
      const m = /^sessions(\(\$expand=segments\))?$/.exec(expand.replace(/\s+/g, ''));
      if (!m) return badRequest('Unsupported $expand');
      const page = sessionsPage(r, 0, preferredPageSize(req, PAGE), m[1] !== undefined);
      // Assembled from the cached JSON of the record's head: this is the hot path of an ingest.
      const members = [
        '"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#communications/callRecords(sessions(segments()))/$entity"',
        headOf(i).slice(1, -1),
        page.link ? `"sessions@odata.nextLink":${JSON.stringify(page.link)}` : '',
        `"sessions":${JSON.stringify(page.value)}`,
      ];
      return { status: 200, body: undefined, raw: `{${members.filter((m) => m !== '').join(',')}}` };
    },

    sessions(id, req) {
      const i = findVisible(id);
      const r = i === undefined ? undefined : sorted[i];
      if (!r) return notFound(`Call record not found.`);
      const skip = req.query.get('$skiptoken');
      const t = skip === null ? undefined : decodeToken(skip, sessionsToken);
      if (skip !== null && !t) return badRequest('Invalid $skiptoken');
      const withSegments = t ? t.seg === 1 : req.query.get('$expand') === 'segments';
      const page = sessionsPage(r, t?.o ?? 0, t?.n ?? preferredPageSize(req, PAGE), withSegments);
      const body: Record<string, unknown> = {
        '@odata.context': `https://graph.microsoft.com/v1.0/$metadata#communications/callRecords('${r.id}')/sessions`,
        value: page.value,
      };
      if (page.link) body['@odata.nextLink'] = page.link;
      return { status: 200, body };
    },
  };
}
