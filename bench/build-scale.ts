/**
 * Scale of `build` (issue 5): N generated call records (default 10 M; ~1 attempt each, n / 100 users over
 * 28 days, see bench/build-scaleData.ts), build(db, { force: true }) timed in a child process that only opens
 * the file and builds (its peak RSS is the figure), 2 DuckDB threads. Per-model times come from build's own
 * debug log lines (also for the data checks and the commit). Baselines in the same child:
 * a full scan of the raw tables, and a CREATE TABLE of the three-way join call_records ⋈ call_sessions ⟕
 * direct_routing_calls; ratio = build / join.
 * DuckDB runs under its own default memory_limit (80 % of RAM, as the product does unless memoryLimit is configured);
 * --set memory_limit=3GB measures a bounded build. The baselines run after the build, in the same child.
 * Run: npx tsx bench/build-scale.ts [--attempts N ...] [--set name=value ...] [--keep]
 *   e.g. --attempts 1000000 --attempts 3000000 --set asof_loop_join_threshold=0 --set memory_limit=3GB
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { openDb } from '../core/db.js';
import type { Logger } from '../core/log.js';
import { migrate } from '../core/migrate.js';
import { build } from '../transform/build.js';
import { importBuildings, rawInserts } from './build-scaleData.js';

const fileSize = (path: string): number => (existsSync(path) ? statSync(path).size : 0) + (existsSync(`${path}.wal`) ? statSync(`${path}.wal`).size : 0);

async function generate(path: string, n: number): Promise<void> {
  const t = performance.now();
  const db = await openDb(path);
  await migrate(db);
  await importBuildings(db, join(path, '..'));
  for (const sql of rawInserts(n)) await db.exec(sql);
  await db.run('CHECKPOINT');
  db.close();
  console.error(`generated ${n} call records in ${((performance.now() - t) / 1000).toFixed(1)} s, raw file ${(fileSize(path) / 2 ** 20).toFixed(0)} MB`);
}

/** A logger that stamps build's `build: <file>` debug lines, so consecutive stamps give per-model times. */
function timingLogger(marks: { file: string; at: number }[]): Logger {
  const debug = (m: string) => {
    if (m.startsWith('build: ')) marks.push({ file: m.slice(7).replace(/^transform\/sql\//, ''), at: performance.now() });
  };
  const quiet = () => {};
  return { debug, info: quiet, warn: quiet, error: quiet };
}

const timed = async (fn: () => Promise<unknown>): Promise<number> => {
  const t = performance.now();
  await fn();
  return (performance.now() - t) / 1000;
};

/** `name=value` DuckDB settings for the build connection (e.g. memory_limit=3GB, asof_loop_join_threshold=0). */
async function child(path: string, settings: string[]): Promise<void> {
  const db = await openDb(path);
  for (const kv of settings) {
    const [name, value] = kv.split('=');
    if (!name || value === undefined || !/^[a-z_]+$/.test(name)) throw new Error(`bad --set ${kv}`);
    await db.run(`SET ${name} = '${value.replace(/'/g, "''")}'`);
  }
  const marks: { file: string; at: number }[] = [];
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const summary = await build(db, { signInWindowMinutes: 15, carrierMap: { 'sbc3.contoso.com': 'Carrier3' }, force: true, log: timingLogger(marks) });
  const buildS = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const rssMb = process.resourceUsage().maxRSS / 1024;
  const end = performance.now();
  const models = marks.map((m, i) => [m.file, ((marks[i + 1]?.at ?? end) - m.at) / 1000] as const);
  await db.run('CHECKPOINT');
  const scan = await timed(() =>
    db.queryRaw(`SELECT (SELECT count(DISTINCT user_p) FROM raw.direct_routing_calls), (SELECT count(*) FROM raw.call_records WHERE start_ts > '2000-01-01'),
                        (SELECT count(DISTINCT caller_user_p) FROM raw.call_sessions), (SELECT count(*) FROM raw.sign_ins WHERE error_code <> 0)`),
  );
  const joinCpu0 = process.cpuUsage();
  const join_ = await timed(async () => {
    await db.run(`CREATE OR REPLACE TABLE main.bench_join AS
      SELECT c.id, c.start_ts, s.caller_user_p, s.caller_subnet, s.caller_platform, d.trunk_fqdn, d.final_sip_code, d.call_end_sub_reason
      FROM raw.call_records c JOIN raw.call_sessions s ON s.call_record_id = c.id
      LEFT JOIN raw.direct_routing_calls d ON d.correlation_id = c.id`);
    await db.run('DROP TABLE main.bench_join');
  });
  const joinCpu = process.cpuUsage(joinCpu0);
  console.error(`baseline 3-way join CTAS cpu ${((joinCpu.user + joinCpu.system) / 1e6).toFixed(2)} s`);
  const agg = await db.query(
    `SELECT count(*)::BIGINT AS attempts, count(*) FILTER (WHERE is_failure)::BIGINT AS failures, count(*) FILTER (WHERE auth_linked)::BIGINT AS auth,
            count(*) FILTER (WHERE source = 'sign_in')::BIGINT AS sign_in, count(*) FILTER (WHERE site_match = 'none')::BIGINT AS unmapped,
            count(DISTINCT site)::BIGINT AS sites, count(DISTINCT sbc)::BIGINT AS sbcs, count(DISTINCT client_build)::BIGINT AS builds,
            (SELECT count(*) FROM marts.daily_rollup)::BIGINT AS rollup
     FROM marts.setup_attempts`,
    z.object({ attempts: z.bigint(), failures: z.bigint(), auth: z.bigint(), sign_in: z.bigint(), unmapped: z.bigint(), sites: z.bigint(), sbcs: z.bigint(), builds: z.bigint(), rollup: z.bigint() }),
  );
  db.close();
  const a = agg[0];
  console.log(
    JSON.stringify({
      build_s: buildS, cpu_s: (cpu.user + cpu.system) / 1e6, scan_s: scan, join_s: join_, rss_mb: rssMb, file_mb: fileSize(path) / 2 ** 20,
      models, agg: a ? Object.fromEntries(Object.entries(a).map(([k, v]) => [k, Number(v)])) : {}, summary_attempts: summary.attempts,
    }),
  );
}

const resultSchema = z.object({
  build_s: z.number(), cpu_s: z.number(), scan_s: z.number(), join_s: z.number(), rss_mb: z.number(), file_mb: z.number(),
  models: z.array(z.tuple([z.string(), z.number()])), agg: z.record(z.string(), z.number()),
});

function main(argv: string[]): void {
  const sizes: number[] = [];
  const settings: string[] = [];
  let keep = false;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--attempts') sizes.push(Number(argv[++i]));
    else if (argv[i] === '--set') settings.push(argv[++i] ?? '');
    else if (argv[i] === '--keep') keep = true;
  }
  const self = fileURLToPath(import.meta.url);
  const root = join(tmpdir(), 'cqd-build-scale');
  mkdirSync(root, { recursive: true });
  for (const n of sizes.length ? sizes : [10_000_000]) {
    const dir = mkdtempSync(join(root, `n${n}-`));
    const path = join(dir, 'bench.duckdb');
    // Each step in its own process: DuckDB keeps one instance per file per process, and the peak RSS is per process.
    execFileSync(process.execPath, ['--import', 'tsx', self, '--gen', path, String(n)], { stdio: ['ignore', 'inherit', 'inherit'] });
    const rawMb = fileSize(path) / 2 ** 20;
    const args = ['--import', 'tsx', self, '--child', path, ...settings];
    const out = execFileSync(process.execPath, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    const r = resultSchema.parse(JSON.parse(out.trim().split('\n').pop() ?? '{}'));
    console.log(`\n== ${n} call records${settings.length ? `, SET ${settings.join(', ')}` : ''}`);
    for (const [file, s] of r.models) console.log(`  ${s.toFixed(2).padStart(7)} s  ${file}`);
    console.log(`  build ${r.build_s.toFixed(1)} s (cpu ${r.cpu_s.toFixed(1)} s), peak RSS ${r.rss_mb.toFixed(0)} MB, file ${rawMb.toFixed(0)} MB raw -> ${r.file_mb.toFixed(0)} MB after build + CHECKPOINT`);
    console.log(`  baseline: raw scan ${r.scan_s.toFixed(2)} s, 3-way join CTAS ${r.join_s.toFixed(2)} s; ratio build/join ${(r.build_s / r.join_s).toFixed(1)}, build/scan ${(r.build_s / r.scan_s).toFixed(1)}`);
    console.log(`  marts: ${JSON.stringify(r.agg)}`);
    if (!keep) rmSync(dir, { recursive: true, force: true });
    else console.log(`  kept ${path}`);
  }
}

if (process.argv[2] === '--child') await child(process.argv[3] ?? '', process.argv.slice(4));
else if (process.argv[2] === '--gen') await generate(process.argv[3] ?? '', Number(process.argv[4]));
else main(process.argv.slice(2));
