/**
 * Reads, validates and maps saved Graph files on a worker thread (mapWorker.ts), so that parsing JSON,
 * zod validation, mapping and HMAC pseudonymisation run beside the main thread's appends and DuckDB's
 * merges and commits instead of before them. Files are answered in the order asked.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { CqdError } from '../../core/errors.js';
import type { SourceName } from '../sources.js';
import type { MappedFile } from './groupMapper.js';
import type { VaultDelta } from './vaultDelta.js';

export type MapReply =
  | ({ id: number } & MappedFile)
  | { id: number; kind: 'drained'; vault: VaultDelta }
  | { id: number; kind: 'failed'; message: string };

export type MapResult = Exclude<MapReply, { kind: 'failed' }>;

export interface MapPool {
  map(source: SourceName, path: string): Promise<MapResult>;
  /** The vault entries of the group left open after the files asked so far (GroupMapper.drain). */
  drain(): Promise<VaultDelta>;
  close(): Promise<void>;
}

/**
 * The worker's replies are built by mapWorker.ts from the same types and cross the thread boundary by
 * structured clone, which keeps their shape; only the envelope is checked here.
 */
function isReply(m: unknown): m is MapReply {
  if (typeof m !== 'object' || m === null || !('id' in m) || !('kind' in m)) return false;
  return typeof m.id === 'number' && (m.kind === 'mapped' || m.kind === 'unreadable' || m.kind === 'drained' || m.kind === 'failed');
}

/** Worker threads load plain JavaScript: register tsx in the worker first, then load mapWorker.ts. */
function bootstrap(): string {
  // The ESM build of tsx/esm/api (the "import" condition of its exports), found from the package root.
  const tsxRoot = dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const tsxApi = pathToFileURL(join(tsxRoot, 'dist', 'esm', 'api', 'index.mjs')).href;
  const entry = new URL('./mapWorker.ts', import.meta.url).href;
  return `import(${JSON.stringify(tsxApi)}).then((m) => { (m.register ?? m.default.register)(); return import(${JSON.stringify(entry)}); });`;
}

export function createMapPool(opts: { pseudonymKey: Buffer; vaultKey: Buffer; runId: string; ingestedAt: string; groupRows: number }): MapPool {
  const worker = new Worker(bootstrap(), {
    eval: true,
    workerData: { pseudonymKey: new Uint8Array(opts.pseudonymKey), vaultKey: new Uint8Array(opts.vaultKey), runId: opts.runId, ingestedAt: opts.ingestedAt, groupRows: opts.groupRows },
  });
  const waiting = new Map<number, { resolve: (r: MapResult) => void; reject: (e: Error) => void }>();
  let nextId = 0;
  let dead: Error | null = null;
  const failAll = (e: Error) => {
    dead ??= e;
    for (const w of waiting.values()) w.reject(e);
    waiting.clear();
  };
  worker.on('message', (m: unknown) => {
    if (!isReply(m)) return failAll(new CqdError('import worker sent an unexpected message'));
    const w = waiting.get(m.id);
    if (!w) return;
    waiting.delete(m.id);
    if (m.kind === 'failed') w.reject(new CqdError(`import worker: ${m.message}`));
    else w.resolve(m);
  });
  worker.on('error', (e) => failAll(new CqdError(`import worker failed: ${e.message}`, 1, { cause: e })));
  worker.on('exit', (code) => failAll(new CqdError(`import worker exited (code ${code})`)));
  const ask = (request: { source: SourceName; path: string } | { drain: true }): Promise<MapResult> => {
    if (dead) return Promise.reject(dead);
    const id = nextId++;
    return new Promise<MapResult>((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      worker.postMessage({ id, ...request });
    });
  };
  return {
    map: (source, path) => ask({ source, path }),
    async drain() {
      const r = await ask({ drain: true });
      if (r.kind !== 'drained') throw new CqdError('import worker answered a drain with a file');
      return r.vault;
    },
    async close() {
      dead ??= new CqdError('import worker closed');
      await worker.terminate();
    },
  };
}
