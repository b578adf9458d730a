/**
 * auditLogs/signIns: createdDateTime filter (ge/gt/le/lt), $top (default and max 1000), newest first.
 * v1.0 returns interactive sign-ins only; beta also takes `signInEventTypes/any(t: t eq '…')`.
 */
import { z } from 'zod';
import type { SignIn } from '../../ingest/graph/schemas.js';
import { parseFilter } from './odataFilter.js';
import { badRequest, collectPage, decodeToken, encodeToken, lowerBound } from './replies.js';
import type { EmuReply, EmuRequest } from './types.js';

const MAX_TOP = 1000;

const token = z.object({ k: z.literal('signIns'), o: z.number().int(), end: z.number().int(), n: z.number().int(), types: z.string() });

export function eventTypesOf(s: SignIn): string[] {
  if (s.signInEventTypes && s.signInEventTypes.length > 0) return s.signInEventTypes;
  return [s.isInteractive === false ? 'nonInteractiveUser' : 'interactiveUser'];
}

export interface SignInRoutes {
  handle(version: 'v1.0' | 'beta', req: EmuRequest): EmuReply;
}

export function createSignInRoutes(signIns: readonly SignIn[], graphOrigin: string): SignInRoutes {
  const sorted = [...signIns].sort((a, b) => Date.parse(b.createdDateTime) - Date.parse(a.createdDateTime) || (a.id < b.id ? -1 : 1));
  /** Negated times: ascending, so binary search works on the newest-first order. */
  const keys = sorted.map((s) => -Date.parse(s.createdDateTime));
  const types = sorted.map(eventTypesOf);

  return {
    handle(version, req) {
      let from: number;
      let end: number;
      let n: number;
      let wanted: string[];
      const skip = req.query.get('$skiptoken');
      if (skip !== null) {
        const t = decodeToken(skip, token);
        if (!t) return badRequest('Invalid $skiptoken');
        [from, end, n, wanted] = [t.o, t.end, t.n, t.types.split(',')];
      } else {
        const topText = req.query.get('$top');
        n = topText === null ? MAX_TOP : Number(topText);
        if (!Number.isInteger(n) || n < 1 || n > MAX_TOP) return badRequest(`Invalid $top: must be 1..${MAX_TOP}`);
        let minMs = -Infinity;
        let maxMs = Infinity;
        wanted = ['interactiveUser'];
        const text = req.query.get('$filter');
        if (text !== null) {
          const f = parseFilter(text, 'createdDateTime', version === 'beta' ? 'signInEventTypes' : undefined);
          if (!f.ok) return badRequest(`Invalid filter clause: ${f.message}`);
          [minMs, maxMs] = [f.filter.bounds.minMs, f.filter.bounds.maxExclusiveMs];
          if (f.filter.anyOf) wanted = f.filter.anyOf.values;
        }
        from = lowerBound(keys, -maxMs + 1);
        end = lowerBound(keys, -minMs + 1);
      }
      const page = collectPage(from, end, n, (i) => (types[i] ?? []).some((t) => wanted.includes(t)));
      const body: Record<string, unknown> = {
        '@odata.context': `https://graph.microsoft.com/${version}/$metadata#auditLogs/signIns`,
        value: page.picked.map((i) => sorted[i]),
      };
      if (page.next !== undefined) {
        const next = encodeToken({ k: 'signIns', o: page.next, end, n, types: wanted.join(',') });
        body['@odata.nextLink'] = `${graphOrigin}/${version}/auditLogs/signIns?$skiptoken=${next}`;
      }
      return { status: 200, body };
    },
  };
}
