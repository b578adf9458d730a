/**
 * Reads, validates and maps saved Graph files on worker threads (mapWorker.ts), so that parsing JSON,
 * zod validation, mapping, pseudonymisation and writing rows as lines run beside DuckDB's loads,
 * merges and commits instead of before them. Mapping is most of an import's work, so there may be several
 * workers: files go to them in turn, and each worker answers its files in the order asked. A reply names
 * its worker, whose vault encoder numbered its entries (fileGroup.ts keeps one accumulator per worker).
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { CqdError } from '../../core/errors.js';
import type { SourceName } from '../sources.js';
import type { MappedFile } from './fileMapper.js';

export type MapReply = ({ id: number } & MappedFile) | { id: number; kind: 'failed'; message: string };

/** A mapped file and the worker that mapped it. */
export type MapResult = MappedFile & { worker: number };

export interface MapPool {
  /** File number `index` of the import (FileMapper.map). */
  map(source: SourceName, path: string, index: number): Promise<MapResult>;
  close(): Promise<void>;
}

/**
 * The worker's replies are built by mapWorker.ts from the same types and cross the thread boundary by
 * structured clone, which keeps their shape; only the envelope is checked here.
 */
function isReply(m: unknown): m is MapReply {
  if (typeof m !== 'object' || m === null || !('id' in m) || !('kind' in m)) return false;
  return typeof m.id === 'number' && (m.kind === 'mapped' || m.kind === 'unreadable' || m.kind === 'failed');
}

/** Worker threads load plain JavaScript: register tsx in the worker first, then load mapWorker.ts. */
function bootstrap(): string {
  // The ESM build of tsx/esm/api (the "import" condition of its exports), found from the package root.
  const tsxRoot = dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const tsxApi = pathToFileURL(join(tsxRoot, 'dist', 'esm', 'api', 'index.mjs')).href;
  const entry = new URL('./mapWorker.ts', import.meta.url).href;
  return `import(${JSON.stringify(tsxApi)}).then((m) => { (m.register ?? m.default.register)(); return import(${JSON.stringify(entry)}); });`;
}

interface PoolWorker {
  map(source: SourceName, path: string, index: number): Promise<MappedFile>;
  close(): Promise<void>;
}

function startWorker(opts: { pseudonymKey: Buffer; vaultKey: Buffer; runId: string; ingestedAt: string }): PoolWorker {
  const worker = new Worker(bootstrap(), {
    eval: true,
    workerData: { pseudonymKey: new Uint8Array(opts.pseudonymKey), vaultKey: new Uint8Array(opts.vaultKey), runId: opts.runId, ingestedAt: opts.ingestedAt },
  });
  const waiting = new Map<number, { resolve: (r: MappedFile) => void; reject: (e: Error) => void }>();
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
  return {
    map(source, path, index) {
      if (dead) return Promise.reject(dead);
      const id = nextId++;
      return new Promise<MappedFile>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        worker.postMessage({ id, source, path, index });
      });
    },
    async close() {
      dead ??= new CqdError('import worker closed');
      await worker.terminate();
    },
  };
}

/** `workers` mapping threads (at least one); files are handed to them in turn. */
export function createMapPool(opts: { pseudonymKey: Buffer; vaultKey: Buffer; runId: string; ingestedAt: string; workers: number }): MapPool {
  const workers = Array.from({ length: Math.max(1, opts.workers) }, () => startWorker(opts));
  let next = 0;
  return {
    async map(source, path, index) {
      const worker = next++ % workers.length;
      const w = workers[worker];
      if (!w) throw new CqdError('import worker missing');
      return { ...(await w.map(source, path, index)), worker };
    },
    async close() {
      await Promise.all(workers.map((w) => w.close()));
    },
  };
}
