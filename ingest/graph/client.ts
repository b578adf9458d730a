/**
 * The one place a Microsoft Graph client is built: client credentials (secret or certificate) through
 * @azure/identity, the Graph SDK's default middleware chain with our retry settings, a 401 → fresh
 * token → retry-once step, and an optional endpoint override that sends both Graph and login traffic
 * to another origin (the local emulator, or a proxy) while every URL the code sees stays the real one.
 */
import {
  Client,
  MiddlewareFactory,
  RetryHandler,
  RetryHandlerOptions,
  type Context,
  type Middleware,
  type MiddlewareOptions,
} from '@microsoft/microsoft-graph-client';
import { TokenCredentialAuthenticationProvider } from '@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials/index.js';
import {
  ClientCertificateCredential,
  ClientSecretCredential,
  type AccessToken,
  type ClientSecretCredentialOptions,
  type GetTokenOptions,
  type TokenCredential,
} from '@azure/identity';
import { createDefaultHttpClient } from '@azure/core-rest-pipeline';
import { ConfigError } from '../../core/errors.js';
import type { Logger } from '../../core/log.js';
import { createGraphRateLimits, type GraphRateLimits } from './rateLimiter.js';

export interface GraphClientOptions {
  tenantId: string;
  clientId: string;
  clientSecret?: string;
  certificatePath?: string;
  /** e.g. https://graph.microsoft.com (sovereign clouds: https://graph.microsoft.us, …). */
  graphUrl: string;
  /** e.g. https://login.microsoftonline.com */
  authorityHost: string;
  /** e.g. http://127.0.0.1:PORT: Graph and login requests go to this origin instead. */
  endpointOverride?: string;
  retry?: { maxRetries: number; delayS: number };
  /** Pace requests (retries included) per API family, e.g. GRAPH_LIMITS. Absent: no pacing. */
  rateLimits?: GraphRateLimits;
  log: Logger;
}

type AzureHttpClient = NonNullable<ClientSecretCredentialOptions['httpClient']>;

/** Ask for one request to go out with exactly this URL (a nextLink), not the SDK's rebuilt one. */
export class VerbatimUrlOption implements MiddlewareOptions {
  readonly url: string;
  constructor(url: string) {
    this.url = url;
  }
}

/** Replace the origin of `url` when it is one of `from` (prefix match, the rest is kept byte for byte). */
export function rewriteOrigin(url: string, from: readonly string[], to: string): string {
  for (const origin of from) {
    if (url === origin || url.startsWith(origin + '/') || url.startsWith(origin + '?')) return to + url.slice(origin.length);
  }
  return url;
}

function originOf(url: string, key: string): string {
  try {
    const u = new URL(url);
    if (u.protocol !== 'https:' && key !== 'endpointOverride') throw new Error('not https');
    return u.origin;
  } catch {
    throw new ConfigError(`graph.${key}: expected an absolute ${key === 'endpointOverride' ? 'http(s)' : 'https'} URL`);
  }
}

/**
 * A credential that can be thrown away and rebuilt (fresh MSAL cache → fresh token). `generation`
 * lets concurrent 401s on the same token trigger a single rebuild.
 */
export interface RefreshableCredential extends TokenCredential {
  readonly generation: number;
  invalidate(seenGeneration: number): void;
}

export function refreshableCredential(make: () => TokenCredential, nowMs: () => number = Date.now): RefreshableCredential {
  let current = make();
  let generation = 0;
  // One token (and one in-flight request for it) per scope set, so N concurrent requests make one token call.
  let cache = new Map<string, Promise<AccessToken | null>>();
  return {
    get generation() {
      return generation;
    },
    async getToken(scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken | null> {
      const key = [scopes].flat().join(' ');
      const cached = cache.get(key);
      const token = cached ? await cached.catch(() => null) : null;
      if (token && token.expiresOnTimestamp - nowMs() > 5 * 60_000) return token;
      const fresh = current.getToken(scopes, options);
      cache.set(key, fresh);
      fresh.catch(() => cache.delete(key));
      return fresh;
    },
    invalidate(seen: number) {
      if (seen !== generation) return;
      current = make();
      cache = new Map();
      generation += 1;
    },
  };
}

function dropHeader(options: Context['options'], name: string): void {
  const h = options?.headers;
  if (h === undefined) return;
  if (h instanceof Headers) h.delete(name);
  else if (Array.isArray(h)) options!.headers = h.filter(([k]) => k.toLowerCase() !== name.toLowerCase());
  else for (const k of Object.keys(h)) if (k.toLowerCase() === name.toLowerCase()) delete h[k];
}

/** First in the chain: on 401, rebuild the credential (once per token generation) and retry once. */
function tokenRefreshHandler(cred: RefreshableCredential, log: Logger): Middleware {
  let next: Middleware | undefined;
  return {
    setNext(n: Middleware) {
      next = n;
    },
    async execute(ctx: Context) {
      if (!next) throw new Error('tokenRefreshHandler: no next middleware');
      const request = ctx.request;
      const seen = cred.generation;
      await next.execute(ctx);
      if (ctx.response?.status !== 401) return;
      log.warn('graph: 401 from Graph, fetching a fresh token and retrying once', { generation: seen });
      cred.invalidate(seen);
      ctx.request = request;
      dropHeader(ctx.options, 'Authorization');
      await next.execute(ctx);
    },
  };
}

/** Just before the HTTP handler: apply a verbatim URL, pace, then the endpoint override. */
function urlHandler(from: readonly string[], to: string | undefined, limits: GraphRateLimits | undefined): Middleware {
  const pacing = limits ? createGraphRateLimits(limits) : undefined;
  let next: Middleware | undefined;
  return {
    setNext(n: Middleware) {
      next = n;
    },
    async execute(ctx: Context) {
      if (!next) throw new Error('urlHandler: no next middleware');
      const verbatim = ctx.middlewareControl?.getMiddlewareOptions(VerbatimUrlOption);
      if (verbatim instanceof VerbatimUrlOption) ctx.request = verbatim.url;
      if (pacing && typeof ctx.request === 'string') await pacing.acquireFor(ctx.request);
      if (to !== undefined && typeof ctx.request === 'string') ctx.request = rewriteOrigin(ctx.request, from, to);
      await next.execute(ctx);
    },
  };
}

/** An @azure/core-rest-pipeline HttpClient that sends token requests to the override origin. */
export function rewritingHttpClient(from: readonly string[], to: string): AzureHttpClient {
  const inner = createDefaultHttpClient();
  return {
    sendRequest(request) {
      const url = rewriteOrigin(request.url, from, to);
      // The override may be plain http (the local emulator); only rewritten requests are allowed to be.
      if (url !== request.url && url.startsWith('http:')) request.allowInsecureConnection = true;
      request.url = url;
      return inner.sendRequest(request);
    },
  };
}

function makeCredential(opts: GraphClientOptions, httpClient: AzureHttpClient | undefined): () => TokenCredential {
  const common = {
    authorityHost: opts.authorityHost,
    disableInstanceDiscovery: true,
    ...(httpClient ? { httpClient } : {}),
  };
  if (opts.clientSecret) {
    const secret = opts.clientSecret;
    return () => new ClientSecretCredential(opts.tenantId, opts.clientId, secret, common);
  }
  if (opts.certificatePath) {
    const certificatePath = opts.certificatePath;
    return () => new ClientCertificateCredential(opts.tenantId, opts.clientId, { certificatePath }, common);
  }
  throw new ConfigError('graph: set either clientSecret or certificatePath');
}

export function createGraphClient(opts: GraphClientOptions): Client {
  const graphOrigin = originOf(opts.graphUrl, 'graphUrl');
  const authorityOrigin = originOf(opts.authorityHost, 'authorityHost');
  const override = opts.endpointOverride === undefined ? undefined : originOf(opts.endpointOverride, 'endpointOverride');
  const from = [graphOrigin, authorityOrigin];
  const credential = refreshableCredential(makeCredential(opts, override ? rewritingHttpClient(from, override) : undefined));
  const authProvider = new TokenCredentialAuthenticationProvider(credential, { scopes: [`${graphOrigin}/.default`] });

  const chain = MiddlewareFactory.getDefaultMiddlewareChain(authProvider);
  const retry = opts.retry ?? { maxRetries: 5, delayS: 3 };
  if (!(retry.maxRetries >= 0 && retry.maxRetries <= 10 && retry.delayS >= 0 && retry.delayS <= 180)) {
    throw new ConfigError('graph.retry: maxRetries must be 0..10 and delayS 0..180');
  }
  const at = chain.findIndex((m) => m instanceof RetryHandler);
  if (at >= 0) chain[at] = new RetryHandler(new RetryHandlerOptions(retry.delayS, retry.maxRetries));
  chain.splice(chain.length - 1, 0, urlHandler(from, override, opts.rateLimits));
  chain.unshift(tokenRefreshHandler(credential, opts.log));
  if (override) opts.log.info('graph: endpoint override in use', { override });
  return Client.initWithMiddleware({ middleware: chain, baseUrl: graphOrigin, defaultVersion: 'v1.0' });
}
