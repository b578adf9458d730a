/**
 * Scale of a pattern run: 1 M, 3 M and 10 M generated attempts (35 days; ~1 user per 100 attempts, 240 buildings,
 * 30 client builds, 8 SBCs x 12 destination countries, two injected incidents), runPatterns timed in a child process
 * that only opens the file and runs (its peak RSS is the figure), 2 DuckDB threads. Also a trivial baseline in the same
 * child: one full scan (count(*), sum of is_failure) of the same table, so the ratio is machine-independent.
 * Run: npx tsx bench/patterns-scale.ts [sizes...]   (e.g. 1000000 3000000 10000000)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDb } from '../core/db.js';
import { migrate } from '../core/migrate.js';
import { ATTEMPTS_DDL } from '../test/transform/patterns/attemptsFixture.js';
import { DIMENSIONS } from '../transform/patterns/cluster.js';
import { runPatterns } from '../transform/patterns/runPatterns.js';

const END = '2026-03-01T00:00:00Z';

async function generate(path: string, n: number): Promise<void> {
  const db = await openDb(path);
  await migrate(db);
  await db.exec(ATTEMPTS_DDL);
  const u = (k: number): string => `((hash(i * 31 + ${k}) % 1000003)::DOUBLE / 1000003)`;
  await db.exec(`
INSERT INTO marts.setup_attempts
WITH b AS (
  SELECT i, (hash(i * 31 + 1) % ${Math.max(Math.floor(n / 100), 100)}) AS uid,
    TIMESTAMPTZ '${END}' - to_microseconds((${u(2)} * 35 * 86400e6)::BIGINT) AS ts
  FROM range(${n}) t(i)
), d AS (
  SELECT *, ['EMEA','AMER','APAC','LATAM'][1 + (hash(uid * 7) % 4)::INTEGER] || '/C' || (hash(uid * 5) % 6) || '/B' || (hash(uid * 3) % 10) AS site,
    ['teams','teams','sipDevice'][1 + (hash(uid * 11) % 3)::INTEGER] || '/P' || (hash(uid * 19) % 5) || '/V' || (hash(uid * 23) % 2) AS client_build,
    'sbc' || ((hash(uid * 7) % 4) * 2 + (i % 2)) || '.contoso.com' AS sbc,
    'D' || (hash(i * 17) % 12) AS dest,
    ts >= TIMESTAMPTZ '${END}' - INTERVAL 7 DAY AS in_window
  FROM b
), f AS (
  SELECT *, ${u(3)} < 0.02
    * CASE WHEN in_window AND site LIKE 'EMEA/C2/%' THEN 4 ELSE 1 END
    * CASE WHEN in_window AND client_build LIKE 'teams/P3/%' AND sbc = 'sbc5.contoso.com' THEN 5 ELSE 1 END AS failed
  FROM d
)
SELECT 'a' || i, 'call_record', ts, ts::DATE, 'u' || uid, site, split_part(site, '/', 1), split_part(site, '/', 2), split_part(site, '/', 3),
  '10.0.0.0/24', 'subnet', sbc, client_build, split_part(client_build, '/', 1), split_part(client_build, '/', 2), split_part(client_build, '/', 3),
  sbc || '/' || dest, sbc, dest, 'outbound', 'groupCall', CASE WHEN failed THEN 'failure' ELSE 'success' END, failed,
  CASE WHEN failed THEN 'callSetup' END, CASE WHEN failed THEN 401 END, CASE WHEN failed THEN 560401 END,
  CASE WHEN failed THEN 'sbc' END, CASE WHEN failed THEN 'direct_routing' ELSE 'other' END, failed, NULL, false
FROM f`);
  await db.run('CHECKPOINT');
  db.close();
}

async function child(path: string): Promise<void> {
  const db = await openDb(path);
  let t = performance.now();
  await db.queryRaw('SELECT count(*), sum(is_failure::INTEGER), count(DISTINCT site) FROM marts.setup_attempts');
  const scan = performance.now() - t;
  t = performance.now();
  const cpu0 = process.cpuUsage();
  const res = await runPatterns(db, {
    from: new Date('2026-02-22T00:00:00Z'),
    to: new Date(END),
    baselineFrom: new Date('2026-01-25T00:00:00Z'),
    dims: DIMENSIONS,
    failure: 'auth',
    minUsers: 3,
    maxClusters: 20,
    now: new Date(END),
  });
  const run = performance.now() - t;
  const cpu = process.cpuUsage(cpu0);
  const rssMb = process.resourceUsage().maxRSS / 1024;
  const top = res.clusters.slice(0, 3).map((c) => Object.entries(c.dimensions).map(([k, v]) => `${k}=${v}`).join('&'));
  console.log(JSON.stringify({ cpu_s: (cpu.user + cpu.system) / 1e6, run_s: run / 1000, scan_s: scan / 1000, rss_mb: rssMb, clusters: res.clusters.length, top }));
  db.close();
}

const self = fileURLToPath(import.meta.url);
if (process.argv[2] === '--child') {
  await child(process.argv[3] ?? '');
} else if (process.argv[2] === '--gen') {
  await generate(process.argv[3] ?? '', Number(process.argv[4]));
} else {
  const sizes = process.argv.slice(2).map(Number);
  const dir = join(tmpdir(), 'cqd-patterns-scale');
  mkdirSync(dir, { recursive: true });
  console.log('attempts     run s   cpu s  scan s  ratio  peak RSS MB  clusters  top');
  for (const n of sizes.length ? sizes : [1_000_000, 3_000_000, 10_000_000]) {
    const path = join(dir, `attempts-${n}.duckdb`);
    // Each step in its own process: DuckDB keeps one instance per file per process.
    if (!existsSync(path)) execFileSync(process.execPath, ['--import', 'tsx', self, '--gen', path, String(n)], { stdio: 'inherit' });
    const out = execFileSync(process.execPath, ['--import', 'tsx', self, '--child', path], { encoding: 'utf8' });
    const r = JSON.parse(out.trim().split('\n').pop() ?? '{}') as { cpu_s: number; run_s: number; scan_s: number; rss_mb: number; clusters: number; top: string[] };
    console.log(`${String(n).padStart(9)}  ${r.run_s.toFixed(2).padStart(6)}  ${r.cpu_s.toFixed(2).padStart(6)}  ${r.scan_s.toFixed(2).padStart(6)}  ${(r.run_s / r.scan_s).toFixed(1).padStart(5)}  ${r.rss_mb.toFixed(0).padStart(11)}  ${String(r.clusters).padStart(8)}  ${r.top.join(' | ')}`);
  }
}
