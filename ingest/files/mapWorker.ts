/**
 * Worker-thread side of the offline import (mapPool.ts): reads, validates and maps one saved Graph file
 * per request with the same pure code as the in-thread path (fileMapper.ts), and returns its rows as lines,
 * the rejects and the file's vault entries, encoded and sealed by vaultDelta.ts: clear values stay on
 * this thread. Pseudonyms are a keyed HMAC, so every worker's pseudonymizer gives the same pseudonyms.
 */
import { readFile } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { z } from 'zod';
import { createPseudonymizer } from '../pseudonymizer.js';
import { SOURCES } from '../sources.js';
import type { MapContext } from '../rows/context.js';
import { createFileMapper } from './fileMapper.js';
import type { MapReply } from './mapPool.js';
import { createVaultEncoder } from './vaultDelta.js';

const dataSchema = z.object({
  pseudonymKey: z.instanceof(Uint8Array),
  vaultKey: z.instanceof(Uint8Array),
  runId: z.string(),
  ingestedAt: z.string(),
});
const requestSchema = z.object({ id: z.number(), source: z.enum(SOURCES), path: z.string(), index: z.number().int().nonnegative() });

const port = parentPort;
if (!port) throw new Error('mapWorker runs as a worker thread only');
const data = dataSchema.parse(workerData);
const p = createPseudonymizer(Buffer.from(data.pseudonymKey));
const ctx: MapContext = { p, runId: data.runId, source: 'file', ingestedAt: data.ingestedAt };
const mapper = createFileMapper(ctx, createVaultEncoder(Buffer.from(data.vaultKey)));

/**
 * Files are read a few ahead, on libuv's threads, while this thread maps the one before: reading took about a
 * tenth of this thread's time, which is the import's critical path. A failed read leaves the bytes out, and
 * readJsonFile then reads the file itself and reports the error as it always did.
 */
const READ_AHEAD = 8;
type Request = z.infer<typeof requestSchema>;
const queue: { req: Request; bytes?: Promise<Buffer | undefined> }[] = [];
let pumping = false;

function readAhead(): void {
  for (const q of queue.slice(0, READ_AHEAD)) {
    if (!q.bytes) q.bytes = readFile(q.req.path).then((b) => b, () => undefined);
  }
}

/** Answer the queued requests in the order asked. */
async function pump(port: NonNullable<typeof parentPort>): Promise<void> {
  if (pumping) return;
  pumping = true;
  for (let q = queue.shift(); q; q = queue.shift()) {
    readAhead();
    const req = q.req;
    const bytes = q.bytes ? await q.bytes : undefined;
    let reply: MapReply;
    try {
      reply = { id: req.id, ...mapper.map(req.source, req.path, req.index, bytes) };
    } catch (e) {
      // The import stops at a failed file (importDir rethrows it): the open group is never written.
      reply = { id: req.id, kind: 'failed', message: e instanceof Error ? e.message : String(e) };
    }
    port.postMessage(reply);
  }
  pumping = false;
}

port.on('message', (message: unknown) => {
  queue.push({ req: requestSchema.parse(message) });
  readAhead();
  void pump(port);
});
