/**
 * Reading Graph collections: follow `@odata.nextLink` exactly as returned, validate each page's
 * envelope, and surface HTTP and body problems as typed errors naming the URL (query values that
 * could carry anything but dates are masked) and the page number.
 */
import { ResponseType, type Client, type GraphRequest } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import { CqdError } from '../../core/errors.js';
import { pageSchema, type GraphPage } from './schemas.js';
import { VerbatimUrlOption } from './client.js';

/** Path and query of `url`, masking query values that could carry anything but dates, counts and property names. */
export function describeUrl(url: string): string {
  const q = url.indexOf('?');
  const path = (q < 0 ? url : url.slice(0, q)).replace(/^https?:\/\/[^/]+/, '');
  if (q < 0) return path;
  const parts = url
    .slice(q + 1)
    .split('&')
    .map((kv) => {
      const eq = kv.indexOf('=');
      const key = eq < 0 ? kv : kv.slice(0, eq);
      const value = eq < 0 ? '' : decodeURIComponentSafe(kv.slice(eq + 1));
      const keep = ['$top', '$skip', '$expand', '$select'].includes(key) || (key === '$filter' && /^[\w\s:.\-+/()']*$/.test(value) && !/'[^']*@/.test(value));
      return eq < 0 ? key : `${key}=${keep ? value : '…'}`;
    });
  return `${path}?${parts.join('&')}`;
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Graph answered with a non-2xx status (after the client's own retries). */
export class GraphResponseError extends CqdError {
  readonly status: number;
  readonly code: string | undefined;
  readonly url: string;
  constructor(status: number, code: string | undefined, url: string, options?: { cause?: unknown }) {
    super(`Graph ${status}${code ? ` ${code}` : ''} for ${describeUrl(url)}`, 1, options);
    this.name = 'GraphResponseError';
    this.status = status;
    this.code = code;
    this.url = describeUrl(url);
  }
}

/** A page arrived but its body is unusable: truncated or invalid JSON, or not a Graph page. */
export class GraphPageError extends CqdError {
  readonly url: string;
  readonly page: number;
  readonly reason: string;
  constructor(reason: string, url: string, page: number, options?: { cause?: unknown }) {
    super(`Graph page ${page} of ${describeUrl(url)}: ${reason}`, 1, options);
    this.name = 'GraphPageError';
    this.url = describeUrl(url);
    this.page = page;
    this.reason = reason;
  }
}

export function isGraphNotFound(e: unknown): boolean {
  return e instanceof GraphResponseError && e.status === 404;
}

const errorBody = z.object({ error: z.object({ code: z.string() }).loose() }).loose();

function requestFor(client: Client, url: string): GraphRequest {
  if (/^https?:\/\//i.test(url)) return client.api(url).middlewareOptions([new VerbatimUrlOption(url)]);
  const m = /^\/?(v1\.0|beta)(\/.*)$/.exec(url);
  return m ? client.api(m[2] ?? '/').version(m[1] ?? 'v1.0') : client.api(url);
}

/**
 * GET `url` and return its parsed JSON body. Absolute URLs (nextLinks) go out byte for byte; relative
 * ones ('/communications/…', '/beta/auditLogs/…') are resolved against the client's base URL.
 */
export async function getJson(client: Client, url: string, page = 1): Promise<unknown> {
  let res: unknown;
  try {
    res = await requestFor(client, url).responseType(ResponseType.RAW).get();
  } catch (e) {
    throw new GraphResponseError(0, 'RequestFailed', url, { cause: e });
  }
  if (!(res instanceof Response)) throw new GraphPageError('no HTTP response', url, page);
  let text: string;
  try {
    text = await res.text();
  } catch (e) {
    throw new GraphPageError('body could not be read', url, page, { cause: e });
  }
  if (!res.ok) {
    let code: string | undefined;
    try {
      const parsed = errorBody.safeParse(JSON.parse(text));
      code = parsed.success ? parsed.data.error.code : undefined;
    } catch {
      code = undefined;
    }
    throw new GraphResponseError(res.status, code, url);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new GraphPageError(`invalid or truncated JSON (${text.length} bytes)`, url, page, { cause: e });
  }
}

/** Every page of a collection, validated with `schema` (default: the Graph page envelope). */
export async function* pages(client: Client, firstUrl: string, schema: z.ZodType<GraphPage> = pageSchema): AsyncGenerator<GraphPage> {
  const seen = new Set<string>();
  let url: string | null | undefined = firstUrl;
  for (let n = 1; url; n++) {
    const json = await getJson(client, url, n);
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new GraphPageError(`not a Graph collection page: ${z.prettifyError(parsed.error)}`, url, n);
    seen.add(url);
    yield parsed.data;
    url = parsed.data['@odata.nextLink'];
    if (url && seen.has(url)) throw new GraphPageError('nextLink points back to a page already read', url, n + 1);
  }
}

const expandedRecord = z.looseObject({
  id: z.string(),
  sessions: z.array(z.unknown()).nullish(),
  'sessions@odata.nextLink': z.string().nullish(),
});
const sessionId = z.looseObject({ id: z.string() });

/**
 * One call record with sessions and segments: GET with $expand, then every `sessions@odata.nextLink`
 * page; sessions concatenated, the first of each id kept. Returned unvalidated (the ingest validates).
 */
export async function getCallRecordExpanded(client: Client, id: string): Promise<unknown> {
  const first = `/communications/callRecords/${encodeURIComponent(id)}?$expand=sessions($expand=segments)`;
  const json = await getJson(client, first);
  const rec = expandedRecord.safeParse(json);
  if (!rec.success) throw new GraphPageError('not a call record', first, 1);
  const sessions: unknown[] = [];
  const ids = new Set<string>();
  const add = (items: readonly unknown[]) => {
    for (const s of items) {
      const sid = sessionId.safeParse(s);
      if (sid.success) {
        if (ids.has(sid.data.id)) continue;
        ids.add(sid.data.id);
      }
      sessions.push(s);
    }
  };
  add(rec.data.sessions ?? []);
  const next = rec.data['sessions@odata.nextLink'];
  if (next) for await (const page of pages(client, next)) add(page.value);
  const { 'sessions@odata.nextLink': _link, ...rest } = rec.data;
  return { ...rest, sessions };
}
