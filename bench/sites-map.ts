/**
 * Benchmark: map N endpoints (default 10 M) to sites against a synthetic building file (default 100 k
 * networks: mixed prefixes, 5% IPv6, supernets with nested subnets, VPN rows) with the set-based DuckDB
 * mapping (sites.map_endpoints), and compare with a straightforward per-row JS longest-prefix lookup over
 * the same data in the same process. The JS baseline runs on a sample (default 1 M rows) and is scaled
 * linearly to N; it also cross-checks the matched network row by row.
 *
 *   npx tsx bench/sites-map.ts [--endpoints 10000000] [--networks 100000] [--sample 1000000] [--threads 2]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { systemClock } from '../core/clock.js';
import { openDb } from '../core/db.js';
import { migrate, readMigrations } from '../core/migrate.js';
import { loadSql } from '../core/sql.js';
import { importBuildingFile } from '../sites/importFile.js';
import { mapEndpoints, matchEndpoints } from '../sites/mapEndpoints.js';
import { baselineLookup, buildBaseline } from './sites-baseline.js';
import { syntheticBuildingFile } from './sites-data.js';

const { values } = parseArgs({
  options: { endpoints: { type: 'string' }, networks: { type: 'string' }, sample: { type: 'string' }, threads: { type: 'string' } },
});
const N = Number(values.endpoints ?? 10_000_000);
const NETS = Number(values.networks ?? 100_000);
const SAMPLE = Math.min(N, Number(values.sample ?? 1_000_000));
const THREADS = Number(values.threads ?? 2);

const rssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);
const secs = (t0: number) => (performance.now() - t0) / 1000;
const log = (s: string) => process.stdout.write(s + '\n');
const load = () => loadavg().map((x) => x.toFixed(1)).join(' ');

const dir = mkdtempSync(join(tmpdir(), 'cqd-sites-bench-'));
const db = await openDb(join(dir, 'bench.duckdb'), { threads: THREADS });
try {
  await migrate(db, readMigrations().filter((m) => m.version <= 4));
  log(`sites-map benchmark: ${N.toLocaleString('en-US')} endpoints × ${NETS.toLocaleString('en-US')} networks, ${THREADS} DuckDB threads; load average ${load()}`);

  let t0 = performance.now();
  const file = syntheticBuildingFile(NETS, 1);
  const path = join(dir, 'buildings.csv');
  writeFileSync(path, file.text);
  log(`generate building file: ${secs(t0).toFixed(2)} s (${file.networks} rows)`);

  t0 = performance.now();
  const imp = await importBuildingFile({ db, clock: systemClock }, { path, start: '2026-01-01' });
  if (imp.status !== 'imported') throw new Error(`import: ${imp.status} ${imp.status === 'rejected' ? JSON.stringify(imp.errors.slice(0, 3)) : ''}`);
  log(`import (parse, validate, flatten, store): ${secs(t0).toFixed(2)} s — ${imp.rows} networks, ${imp.segments} segments, ${imp.warnings.length} warnings`);

  t0 = performance.now();
  await db.run('SET VARIABLE bench_n = $n::BIGINT', { n: N });
  await db.exec(loadSql('bench/sites-endpoints.sql'));
  await db.run('CHECKPOINT');
  log(`generate endpoints in DuckDB: ${secs(t0).toFixed(2)} s; peak RSS so far ${rssMb()} MB`);

  t0 = performance.now();
  const mapped = await matchEndpoints(db, 'main.bench_endpoints', 'main.bench_match');
  const sqlSecs = secs(t0);
  log(`DuckDB set-based mapping (sites.match_endpoints: each endpoint → its building-file row and method): ${sqlSecs.toFixed(2)} s for ${mapped.toLocaleString('en-US')} rows; peak RSS ${rssMb()} MB (process high-water mark)`);
  t0 = performance.now();
  await mapEndpoints(db, 'main.bench_endpoints', 'temp.int_endpoint_sites');
  log(`  for information: the same with the site names written on every row (sites.map_endpoints): ${secs(t0).toFixed(2)} s; peak RSS ${rssMb()} MB`);
  const mix = await db.query(
    `SELECT site_match AS m, count(*)::INTEGER AS n FROM main.bench_match GROUP BY 1 ORDER BY 1`,
    z.object({ m: z.string(), n: z.number() }),
  );
  log(`  match mix: ${mix.map((x) => `${x.m} ${((100 * x.n) / N).toFixed(1)}%`).join(', ')}`);

  // JS baseline on the same data (a sample when N is large), in the same process.
  const nets = await db.query(
    `SELECT line, network, prefix::INTEGER AS prefix FROM sites.networks WHERE file_id = $f ORDER BY line`,
    z.object({ line: z.number(), network: z.string(), prefix: z.number() }),
    { f: imp.fileId },
  );
  const sample = await db.query(
    `SELECT e.subnet, e.ip_prefix, s.site_line AS line FROM main.bench_endpoints e JOIN main.bench_match s ON s.key = e.key
     WHERE e.key < $s ORDER BY e.key`,
    z.object({ subnet: z.string().nullable(), ip_prefix: z.string().nullable(), line: z.number().nullable() }),
    { s: SAMPLE },
  );
  t0 = performance.now();
  const index = buildBaseline(nets);
  const buildSecs = secs(t0);
  t0 = performance.now();
  const lines = baselineLookup(index, sample);
  const jsSecs = secs(t0);
  const mismatches = sample.filter((r, i) => (r.line ?? undefined) !== lines[i]).length;
  const jsScaled = buildSecs + (jsSecs * N) / sample.length;
  log(`JS per-row baseline: index ${buildSecs.toFixed(2)} s + lookup ${jsSecs.toFixed(2)} s for ${sample.length.toLocaleString('en-US')} rows` +
      (sample.length < N ? ` → scaled to ${N.toLocaleString('en-US')}: ${jsScaled.toFixed(2)} s` : ''));
  log(`cross-check on the sample: ${mismatches} mismatches between DuckDB and the JS baseline`);
  log(`ratio JS baseline / DuckDB: ${(jsScaled / sqlSecs).toFixed(2)}× (target, 10 M × 100 k in < 10 s on 2 cores: ${N < 10_000_000 ? 'not measured at this size' : sqlSecs < 10 ? 'met' : 'NOT met'})`);
  log(`peak RSS of the process: ${rssMb()} MB; load average ${load()}`);
} finally {
  db.close();
  rmSync(dir, { recursive: true, force: true });
}
