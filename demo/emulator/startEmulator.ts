/**
 * A local Microsoft Graph + Entra token endpoint on 127.0.0.1 (plain node:http, port 0), serving an
 * EmulatorData tenant through Graph's documented shapes, paging and filters, with faults on demand.
 * A demo/test asset: production code never imports it.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createTokenStore } from './auth.js';
import { createCallRecordRoutes } from './callRecords.js';
import { createFaults, type Fault } from './faults.js';
import { graphError } from './replies.js';
import { createSignInRoutes } from './signIns.js';
import { createUsageLogRoutes, USAGE_PATH } from './usageLogs.js';
import type { Emulator, EmulatorData, EmulatorOptions, EmulatorStats, EmuReply, EmuRequest, RouteName } from './types.js';

const OPENID = /^\/([^/]+)\/v2\.0\/\.well-known\/openid-configuration$/;
const TOKEN = /^\/([^/]+)\/oauth2\/v2\.0\/token$/;
const RECORDS = /^\/(?:v1\.0|beta)\/communications\/callRecords$/;
const RECORD = /^\/(?:v1\.0|beta)\/communications\/callRecords(?:\/([^/()]+)|\('([^']+)'\))$/;
const SESSIONS = /^\/(?:v1\.0|beta)\/communications\/callRecords(?:\/([^/()]+)|\('([^']+)'\))\/sessions$/;
const SIGNINS = /^\/(v1\.0|beta)\/auditLogs\/signIns$/;

function emptyStats(): EmulatorStats {
  return {
    total: 0,
    byRoute: {
      openidConfiguration: 0, token: 0, callRecordsList: 0, callRecordGet: 0, callRecordSessions: 0,
      directRoutingCalls: 0, pstnCalls: 0, signIns: 0, signInsBeta: 0, unknown: 0,
    },
    byStatus: {},
    faults: { throttle: 0, unavailable: 0, corrupt: 0, unauthorized: 0 },
    recent: [],
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  if (req.method === 'GET' || req.method === 'HEAD') return Promise.resolve('');
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function faultReply(f: Fault): EmuReply {
  const r =
    f.kind === 'throttle'
      ? graphError(429, 'TooManyRequests', 'Too many requests. Retry after the given delay.')
      : graphError(503, 'ServiceUnavailable', 'The service is temporarily unavailable.');
  return f.retryAfterS === undefined ? r : { ...r, headers: { 'Retry-After': String(f.retryAfterS) } };
}

export async function startEmulator(data: EmulatorData, opts: EmulatorOptions): Promise<Emulator> {
  const graphOrigin = opts.graphOrigin ?? 'https://graph.microsoft.com';
  const faults = createFaults();
  const stats = emptyStats();
  const tokens = createTokenStore(data.tenantId, opts, () => faults.tokenEpoch);
  const records = createCallRecordRoutes(data.callRecords, opts.now, graphOrigin);
  const usage = createUsageLogRoutes(data.directRoutingCalls, data.pstnCalls, graphOrigin);
  const signIns = createSignInRoutes(data.signIns, graphOrigin);

  /** Graph routes: bearer check, then any pending fault, then the handler. */
  const graph = (name: RouteName, req: EmuRequest, handler: () => EmuReply): { reply: EmuReply; corrupt: boolean } => {
    const denied = tokens.check(req);
    if (denied) {
      stats.faults.unauthorized++;
      return { reply: denied, corrupt: false };
    }
    const f = faults.take(name);
    if (f && f.kind !== 'corrupt') {
      stats.faults[f.kind]++;
      return { reply: faultReply(f), corrupt: false };
    }
    if (f) stats.faults.corrupt++;
    return { reply: handler(), corrupt: f !== undefined };
  };

  const route = (req: EmuRequest): { name: RouteName; reply: EmuReply; corrupt: boolean } => {
    const p = req.path;
    let m: RegExpExecArray | null;
    const plain = (name: RouteName, reply: EmuReply) => ({ name, reply, corrupt: false });
    if ((m = OPENID.exec(p)) && req.method === 'GET') return plain('openidConfiguration', tokens.openidConfiguration(m[1] ?? ''));
    if ((m = TOKEN.exec(p)) && req.method === 'POST') return plain('token', tokens.token(m[1] ?? '', req));
    if (req.method !== 'GET') return plain('unknown', graphError(405, 'Request_BadRequest', 'Method not allowed.'));
    if (RECORDS.test(p)) return { name: 'callRecordsList', ...graph('callRecordsList', req, () => records.list(req)) };
    if ((m = USAGE_PATH.exec(p))) {
      const match = m;
      const name: RouteName = match[3] === 'getPstnCalls' ? 'pstnCalls' : 'directRoutingCalls';
      return { name, ...graph(name, req, () => usage.handle(match, req)) };
    }
    if ((m = SESSIONS.exec(p))) {
      const id = m[1] ?? m[2] ?? '';
      return { name: 'callRecordSessions', ...graph('callRecordSessions', req, () => records.sessions(id, req)) };
    }
    if ((m = RECORD.exec(p))) {
      const id = m[1] ?? m[2] ?? '';
      return { name: 'callRecordGet', ...graph('callRecordGet', req, () => records.get(id, req)) };
    }
    if ((m = SIGNINS.exec(p))) {
      const version = m[1] === 'beta' ? 'beta' : 'v1.0';
      const name: RouteName = version === 'beta' ? 'signInsBeta' : 'signIns';
      return { name, ...graph(name, req, () => signIns.handle(version, req)) };
    }
    return plain('unknown', graphError(400, 'BadRequest', 'Resource not found for the segment.'));
  };

  const serve = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      path = url.pathname;
    }
    const emuReq: EmuRequest = { method: req.method ?? 'GET', path, query: url.searchParams, headers: req.headers, body: await readBody(req) };
    let out: { name: RouteName; reply: EmuReply; corrupt: boolean };
    try {
      out = route(emuReq);
    } catch (e) {
      out = { name: 'unknown', reply: graphError(500, 'InternalServerError', e instanceof Error ? e.message : 'error'), corrupt: false };
    }
    stats.total++;
    stats.recent.push(req.url ?? '');
    if (stats.recent.length > 50) stats.recent.shift();
    stats.byRoute[out.name]++;
    const status = String(out.reply.status);
    stats.byStatus[status] = (stats.byStatus[status] ?? 0) + 1;
    let text = out.reply.raw ?? JSON.stringify(out.reply.body);
    if (out.corrupt) text = text.slice(0, Math.max(1, Math.floor(text.length / 2)));
    const body = Buffer.from(text, 'utf8');
    res.writeHead(out.reply.status, {
      'Content-Type': 'application/json; odata.metadata=minimal; charset=utf-8',
      'Content-Length': String(body.length),
      ...(out.reply.headers ?? {}),
    });
    res.end(body);
  };

  const server = createServer((req, res) => {
    serve(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    stats,
    faults,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
