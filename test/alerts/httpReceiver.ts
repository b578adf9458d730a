/** A programmable HTTP receiver on 127.0.0.1 for delivery tests: records requests, dedupes by Idempotency-Key. */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** What to do with request number n (0-based): answer with a status, hang (never answer), or drop the socket. */
export type Behaviour = (n: number, req: Received) => number | 'hang' | 'destroy';

export interface TestReceiver {
  url: string;
  port: number;
  received: Received[];
  /** Idempotency keys of accepted (2xx) requests, each once: what a deduplicating receiver shows. */
  visible: Map<string, number>;
  setBehaviour(b: Behaviour): void;
  /** Stop listening and drop every open connection (a crash). */
  kill(): Promise<void>;
  /** Listen again on the same port. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export async function startReceiver(behaviour: Behaviour = () => 200, port = 0): Promise<TestReceiver> {
  let b = behaviour;
  const received: Received[] = [];
  const visible = new Map<string, number>();
  const make = (): Server =>
    createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const r: Received = { path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
        const n = received.length;
        received.push(r);
        const what = b(n, r);
        if (what === 'hang') return;
        if (what === 'destroy') {
          req.socket.destroy();
          return;
        }
        if (what >= 200 && what < 300) {
          const key = String(req.headers['idempotency-key'] ?? '');
          visible.set(key, (visible.get(key) ?? 0) + 1);
        }
        res.writeHead(what, { 'content-type': 'application/json' });
        res.end(what >= 300 ? '{"error":"nope"}' : '{}');
      });
    });
  let server = make();
  const listen = (p: number) =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(p, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
    });
  const actualPort = await listen(port);
  const stop = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return {
    url: `http://127.0.0.1:${actualPort}/hook`,
    port: actualPort,
    received,
    visible,
    setBehaviour: (nb) => {
      b = nb;
    },
    kill: stop,
    restart: async () => {
      server = make();
      await listen(actualPort);
    },
    close: stop,
  };
}

/** A port nothing listens on (bound then released). */
export async function deadPort(): Promise<number> {
  const r = await startReceiver();
  await r.close();
  return r.port;
}
