/**
 * Worker-thread side of the offline import (mapPool.ts): reads, validates and maps one saved Graph file
 * per request with the same pure code as the in-thread path (readJsonFile, mapItems), and returns the
 * batch rows, the rejects and the vault entries it saw (drained after every file, encoded and sealed by
 * vaultDelta.ts: clear values stay on this thread). Pseudonyms are a keyed
 * HMAC, so this worker's pseudonymizer gives the same pseudonyms as the main thread's.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { z } from 'zod';
import { mapItems } from '../mapItems.js';
import { createPseudonymizer } from '../pseudonymizer.js';
import { SOURCES } from '../sources.js';
import type { MapContext } from '../rows/context.js';
import { readJsonFile } from './readJsonFile.js';
import type { MapReply } from './mapPool.js';
import { createVaultEncoder } from './vaultDelta.js';

const dataSchema = z.object({ pseudonymKey: z.instanceof(Uint8Array), vaultKey: z.instanceof(Uint8Array), runId: z.string(), ingestedAt: z.string() });
const requestSchema = z.object({ id: z.number(), source: z.enum(SOURCES), path: z.string() });

const port = parentPort;
if (!port) throw new Error('mapWorker runs as a worker thread only');
const data = dataSchema.parse(workerData);
const p = createPseudonymizer(Buffer.from(data.pseudonymKey));
const encode = createVaultEncoder(Buffer.from(data.vaultKey));
const ctx: MapContext = { p, runId: data.runId, source: 'file', ingestedAt: data.ingestedAt };

port.on('message', (message: unknown) => {
  const req = requestSchema.parse(message);
  let reply: MapReply;
  try {
    const read = readJsonFile(req.path);
    reply = read.ok
      ? { id: req.id, kind: 'mapped', mapped: mapItems(req.source, read.items, req.path, ctx), vault: encode(p.drain()) }
      : { id: req.id, kind: 'unreadable', reason: read.reason, bytes: read.bytes };
  } catch (e) {
    p.drain();
    reply = { id: req.id, kind: 'failed', message: e instanceof Error ? e.message : String(e) };
  }
  port.postMessage(reply);
});
