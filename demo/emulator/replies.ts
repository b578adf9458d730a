/** Small pure helpers for emulator replies: Graph error bodies, opaque skip tokens, page sizes. */
import type { z } from 'zod';
import type { EmuReply, EmuRequest } from './types.js';

export function graphError(status: number, code: string, message: string): EmuReply {
  return {
    status,
    body: { error: { code, message, innerError: { date: new Date().toISOString(), 'request-id': 'emulator' } } },
  };
}

export const badRequest = (message: string): EmuReply => graphError(400, 'BadRequest', message);
export const notFound = (message: string): EmuReply => graphError(404, 'NotFound', message);

/** An opaque continuation token: base64url of a small JSON state. */
export function encodeToken(state: Record<string, string | number | null>): string {
  return Buffer.from(JSON.stringify(state), 'utf8').toString('base64url');
}

export function decodeToken<T>(token: string, schema: z.ZodType<T>): T | undefined {
  try {
    const parsed = schema.safeParse(JSON.parse(Buffer.from(token, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** `Prefer: odata.maxpagesize=N`, capped at `max`; `max` when absent or invalid. */
export function preferredPageSize(req: EmuRequest, max: number): number {
  const m = /odata\.maxpagesize\s*=\s*(\d+)/i.exec(headerText(req, 'prefer'));
  const n = m?.[1] === undefined ? max : Number(m[1]);
  return n >= 1 ? Math.min(n, max) : max;
}

/** A date-time literal from a filter or function parameter: date-only means midnight UTC. */
export function parseDateLiteral(text: string): number | undefined {
  const t = text.trim().replace(/^'(.*)'$/, '$1');
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return Date.parse(`${t}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(t)) return undefined;
  const ms = Date.parse(t);
  return Number.isNaN(ms) ? undefined : ms;
}

/** Index of the first element whose key is >= ms in an ascending array (binary search). */
export function lowerBound(sorted: readonly number[], ms: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] ?? 0) < ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Walk indices [from, to) collecting up to n that pass `keep`; report where the next page starts
 * (the next index that passes), or undefined when nothing is left. Never yields an empty next page.
 */
export function collectPage(from: number, to: number, n: number, keep: (i: number) => boolean): { picked: number[]; next?: number } {
  const picked: number[] = [];
  let i = from;
  for (; i < to && picked.length < n; i++) if (keep(i)) picked.push(i);
  for (; i < to; i++) if (keep(i)) return { picked, next: i };
  return { picked };
}

/** Read a repeated-or-single header as one string. */
export function headerText(req: EmuRequest, name: string): string {
  const v = req.headers[name];
  return Array.isArray(v) ? v.join(',') : (v ?? '');
}
