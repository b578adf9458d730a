/**
 * Ingest from Microsoft Graph: per source, day windows from the watermark (minus a trailing re-scan)
 * to now. Each window is fetched whole, then written in one transaction together with its captured
 * window row and the new watermark: kill the process anywhere and the rerun fetches that window again,
 * nothing lost, nothing doubled. A failing window stops its source (the watermark never skips a gap).
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Clock } from '../core/clock.js';
import type { Config } from '../core/config.js';
import type { Db } from '../core/db.js';
import { errorMessage } from '../core/errors.js';
import type { Logger } from '../core/log.js';
import { getCallRecordExpanded, isGraphNotFound, pages } from './graph/paging.js';
import { createRateLimiter, mapConcurrent } from './graph/rateLimiter.js';
import type { VaultKeys } from './keys.js';
import { emptyBatchRows, mapItems, type BatchRows } from './mapItems.js';
import { createPseudonymizer, type Pseudonymizer } from './pseudonymizer.js';
import { SOURCES, retentionDays, type SourceName } from './sources.js';
import { graphTime, planWindows, type Window } from './windows.js';
import { writeBatch, type Reject } from './writeBatch.js';

export interface GraphIngestDeps {
  db: Db;
  client: Client;
  keys: VaultKeys;
  log: Logger;
  clock: Clock;
  config: Config;
  signal?: AbortSignal | undefined;
}

export interface SourceResult {
  source: SourceName;
  windows: number;
  items: number;
  rejected: number;
  notFound: number;
  error?: string;
}

const watermarkRow = z.object({ source: z.string(), until: z.string() });

async function watermarks(db: Db): Promise<Map<string, Date>> {
  const rows = await db.query(`SELECT source, strftime(captured_until AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%S.%gZ') AS until FROM meta.watermarks`, watermarkRow);
  return new Map(rows.map((r) => [r.source, new Date(r.until)]));
}

interface Fetched {
  items: unknown[];
  location: string;
  notFound: number;
}

type Limiters = Record<'callRecords' | 'pstn' | 'signIns', ReturnType<typeof createRateLimiter>>;

async function collect(client: Client, url: string, limiter: Limiters[keyof Limiters]): Promise<unknown[]> {
  const items: unknown[] = [];
  await limiter.acquire();
  for await (const page of pages(client, url)) {
    items.push(...page.value);
    await limiter.acquire();
  }
  return items;
}

async function fetchWindow(source: SourceName, w: Window, deps: GraphIngestDeps, lim: Limiters): Promise<Fetched> {
  const from = graphTime(w.start);
  const to = graphTime(w.end);
  const { client, config } = deps;
  switch (source) {
    case 'callRecords': {
      const list = `/communications/callRecords?$filter=startDateTime ge ${from} and startDateTime lt ${to}`;
      const ids = (await collect(client, list, lim.callRecords)).flatMap((it) => {
        const r = z.object({ id: z.string() }).safeParse(it);
        return r.success ? [r.data.id] : [];
      });
      let notFound = 0;
      const records = await mapConcurrent(ids, config.graph.concurrency, async (id) => {
        await lim.callRecords.acquire();
        try {
          return await getCallRecordExpanded(client, id);
        } catch (e) {
          // Not there yet (first version can take an hour) or aged out: the trailing re-scan catches the former.
          if (isGraphNotFound(e)) {
            notFound++;
            return undefined;
          }
          throw e;
        }
      });
      return { items: records.filter((r) => r !== undefined), location: list, notFound };
    }
    case 'directRoutingCalls': {
      const url = `/communications/callRecords/getDirectRoutingCalls(fromDateTime=${from},toDateTime=${to})`;
      return { items: await collect(client, url, lim.pstn), location: url, notFound: 0 };
    }
    case 'pstnCalls': {
      const url = `/communications/callRecords/getPstnCalls(fromDateTime=${from},toDateTime=${to})`;
      return { items: await collect(client, url, lim.pstn), location: url, notFound: 0 };
    }
    case 'signIns': {
      const url = `/auditLogs/signIns?$filter=createdDateTime ge ${from} and createdDateTime lt ${to}&$top=1000`;
      const items = await collect(client, url, lim.signIns);
      if (config.graph.nonInteractiveSignIns) {
        const beta = `/beta/auditLogs/signIns?$filter=createdDateTime ge ${from} and createdDateTime lt ${to} and signInEventTypes/any(t: t eq 'nonInteractiveUser')&$top=1000`;
        items.push(...(await collect(client, beta, lim.signIns)));
      }
      return { items, location: url, notFound: 0 };
    }
  }
}

function batchOf(source: SourceName, f: Fetched, p: Pseudonymizer, runId: string, now: Date): { rows: BatchRows; rejects: Reject[]; accepted: number } {
  if (f.items.length === 0) return { rows: emptyBatchRows(), rejects: [], accepted: 0 };
  const m = mapItems(source, f.items, f.location, { p, runId, source: 'graph', ingestedAt: now.toISOString() });
  return { rows: m.batch, rejects: m.rejects, accepted: m.accepted };
}

export async function ingestFromGraph(deps: GraphIngestDeps, opts: { sources?: readonly SourceName[]; from?: Date; to?: Date } = {}): Promise<SourceResult[]> {
  const { db, log, clock, config } = deps;
  const lim: Limiters = {
    callRecords: createRateLimiter({ requests: config.graph.callRecordsRequestsPer20s, perMs: 20_000 }),
    pstn: createRateLimiter({ requests: config.graph.pstnRequestsPer60s, perMs: 60_000 }),
    signIns: createRateLimiter({ requests: config.graph.signInRequestsPer10s, perMs: 10_000 }),
  };
  const marks = await watermarks(db);
  const p = createPseudonymizer(deps.keys.pseudonymKey);
  const results: SourceResult[] = [];
  for (const source of opts.sources ?? SOURCES) {
    const runId = `${source}-${graphTime(clock.now())}-${randomUUID().slice(0, 8)}`;
    const startedAt = clock.now().toISOString();
    await db.run(`INSERT INTO meta.ingest_runs (run_id, source, started_at, status) VALUES ($r, $s, $t::TIMESTAMPTZ, 'running')`, { r: runId, s: source, t: startedAt });
    const windows = planWindows({
      now: clock.now(),
      watermark: marks.get(source),
      trailingHours: config.ingest.trailingHours,
      backfillDays: config.ingest.backfillDays,
      retentionDays: retentionDays(source, config.ingest.signInRetentionDays),
      from: opts.from,
      to: opts.to,
    });
    const res: SourceResult = { source, windows: 0, items: 0, rejected: 0, notFound: 0 };
    try {
      for (const w of windows) {
        if (deps.signal?.aborted) break;
        const fetched = await fetchWindow(source, w, deps, lim);
        const b = batchOf(source, fetched, p, runId, clock.now());
        await writeBatch(
          db,
          {
            runId,
            ...b.rows,
            vault: p.drain(),
            rejects: b.rejects,
            window: { source, start: w.start.toISOString(), end: w.end.toISOString(), rows: b.accepted },
            watermark: { source, until: w.end.toISOString() },
          },
          deps.keys.vaultKey,
          clock.now(),
        );
        res.windows++;
        res.items += b.accepted;
        res.rejected += b.rejects.length;
        res.notFound += fetched.notFound;
        log.info(`ingest ${source}: ${graphTime(w.start).slice(0, 10)} ${b.accepted} item(s)${b.rejects.length ? `, ${b.rejects.length} quarantined` : ''}`);
      }
    } catch (e) {
      res.error = errorMessage(e);
      log.error(`ingest ${source} stopped: ${res.error}`);
    }
    await db.run(
      `UPDATE meta.ingest_runs SET finished_at = $t::TIMESTAMPTZ, status = $st, rows_in = $n, rejected = $rej, error = $err WHERE run_id = $r`,
      { t: clock.now().toISOString(), st: res.error ? 'failed' : 'ok', n: res.items, rej: res.rejected, err: res.error ?? null, r: runId },
    );
    results.push(res);
  }
  return results;
}
