/**
 * Offline import throughput (issue 3): saved Graph pages → DuckDB through importDir (validation, mapping,
 * pseudonymisation, vault, upserts) vs DuckDB's own read_json loading the same files into flat tables,
 * both in this process on fresh databases.
 *   npx tsx bench/ingest-files.ts [--legs 1000000] [--keep DIR] [--workers N] [--rounds N]
 * --rounds N repeats the import and the baseline in turn N times and prints each round's ratio and their
 * median (this machine's speed drifts between phases of one run). --workers N sets importDir's mapping workers (default: its own, one per core). --keep DIR keeps the generated pages in DIR/pages and reuses them on the next run with the same --legs.
 * Legs = call-record sessions + Direct Routing rows + PSTN rows. The pages come from the demo tenant
 * generator (several seeded tenants of 2,000 users × 35 days, written by a child process so generation
 * memory does not count in the peak RSS); sign-ins are left out (not legs).
 * Prints legs, seconds, legs/s, process CPU seconds (all threads), peak RSS (process.resourceUsage().maxRSS, after each phase) and the ratio.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { openDb } from '../core/db.js';
import { memoryLogger } from '../core/log.js';
import { quoteString } from '../core/sql.js';
import { openStore } from '../core/store.js';
import { generateTenant, writeTenantFiles } from '../demo/tenant/index.js';
import { importDir } from '../ingest/files/importDir.js';

const LEG_SOURCES = ['callRecords', 'directRoutingCalls', 'pstnCalls'] as const;

/** CPU seconds of every thread of this process since `from` (user + system). */
const cpuSeconds = (from: NodeJS.CpuUsage): number => {
  const d = process.cpuUsage(from);
  return (d.user + d.system) / 1e6;
};

const { values } = parseArgs({ options: { legs: { type: 'string' }, generate: { type: 'string' }, keep: { type: 'string' }, workers: { type: 'string' }, rounds: { type: 'string' } } });
const target = Number(values.legs ?? 1_000_000);
const rounds = Math.max(1, Number(values.rounds ?? 1));

/** Child mode: write tenants into DIR until `target` legs; prints the leg count. */
function generate(dir: string): number {
  let legs = 0;
  for (let seed = 1; legs < target; seed++) {
    // ~1.45 legs per user-day at the default mix; the last tenant is cut to fit.
    const users = Math.max(10, Math.min(2000, Math.ceil((target - legs) / (35 * 1.4))));
    const t = generateTenant({ users, days: 35, seed });
    const tmp = join(dir, `.t${seed}`);
    writeTenantFiles(t, tmp);
    for (const s of LEG_SOURCES) {
      mkdirSync(join(dir, s), { recursive: true });
      for (const f of readdirSync(join(tmp, s))) renameSync(join(tmp, s, f), join(dir, s, `t${String(seed).padStart(3, '0')}-${f}`));
    }
    rmSync(tmp, { recursive: true, force: true });
    legs += t.callRecords.reduce((n, c) => n + new Set((c.sessions ?? []).map((x) => x.id)).size, 0) + t.directRoutingCalls.length + t.pstnCalls.length;
  }
  return legs;
}

if (values.generate) {
  process.stdout.write(`${generate(values.generate)}\n`);
  process.exit(0);
}

const mb = () => Math.round(process.resourceUsage().maxRSS / 1024);
const root = values.keep ?? mkdtempSync(join(tmpdir(), 'cqd-bench-files-'));
const pages = join(root, 'pages');
try {
  let t0 = performance.now();
  const stamp = join(root, `legs-${target}.txt`);
  let legs: number;
  if (existsSync(stamp)) {
    legs = Number(readFileSync(stamp, 'utf8'));
    console.log(`reusing ${legs} legs of saved Graph pages in ${pages}`);
  } else {
    rmSync(pages, { recursive: true, force: true });
    const out = execFileSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--generate', pages, '--legs', String(target)], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    legs = Number(out.trim());
    writeFileSync(stamp, String(legs));
    console.log(`generated ${legs} legs of saved Graph pages in ${((performance.now() - t0) / 1000).toFixed(1)} s (child process)`);
  }
  const keys = { vaultKey: Buffer.alloc(32, 1), pseudonymKey: Buffer.alloc(32, 2), origin: 'bench' };
  const ratios: number[] = [];
  for (let round = 1; round <= rounds; round++) {
    for (const f of ['import.duckdb', 'import.duckdb.wal', 'baseline.duckdb', 'baseline.duckdb.wal']) rmSync(join(root, f), { force: true });
    const db = await openStore(join(root, 'import.duckdb'));
    t0 = performance.now();
    let cpu0 = process.cpuUsage();
    const s = await importDir(db, pages, { keys, log: memoryLogger(), now: new Date('2026-11-24T00:00:00Z'), runId: 'bench', ...(values.workers === undefined ? {} : { mapWorkers: Number(values.workers) }) });
    const importS = (performance.now() - t0) / 1000;
    const importCpu = cpuSeconds(cpu0);
    db.close();
    const importRss = mb();
    const accepted = s.accepted.callRecords + s.accepted.directRoutingCalls + s.accepted.pstnCalls;
    console.log(`round ${round} importDir: ${s.files} files, ${accepted} items (${s.rejected} rejected), ${legs} legs in ${importS.toFixed(2)} s = ${Math.round(legs / importS)} legs/s (process CPU ${importCpu.toFixed(1)} s, all threads); peak RSS so far ${importRss} MB`);

    // The baseline runs with DuckDB's own default memory limit (80 % of RAM): read_json of large pages needs more
    // than the product's default, and a roomier baseline only makes the ratio harder for importDir.
    const base = await openDb(join(root, 'baseline.duckdb'), { memoryLimit: `${Math.floor((totalmem() * 0.8) / 2 ** 20)}MB` });
    t0 = performance.now();
    cpu0 = process.cpuUsage();
    for (const src of LEG_SOURCES) {
      const glob = quoteString(join(pages, src, '*.json'));
      await base.exec(`CREATE TABLE ${src} AS SELECT unnest(value, max_depth := 2) FROM read_json(${glob}, format = 'auto', maximum_object_size = 268435456)`);
    }
    const baseS = (performance.now() - t0) / 1000;
    const baseCpu = cpuSeconds(cpu0);
    base.close();
    console.log(`round ${round} read_json baseline: ${legs} legs in ${baseS.toFixed(2)} s = ${Math.round(legs / baseS)} legs/s (process CPU ${baseCpu.toFixed(1)} s); peak RSS so far ${mb()} MB`);
    console.log(`round ${round} ratio importDir / read_json = ${(importS / baseS).toFixed(2)}× (target ≤ 2×); CPU ratio ${(importCpu / baseCpu).toFixed(2)}×`);
    ratios.push(importS / baseS);
  }
  if (rounds > 1) {
    const sorted = [...ratios].sort((a, b) => a - b);
    const median = sorted.length % 2 ? (sorted[(sorted.length - 1) / 2] ?? 0) : ((sorted[sorted.length / 2 - 1] ?? 0) + (sorted[sorted.length / 2] ?? 0)) / 2;
    console.log(`median ratio over ${rounds} rounds = ${median.toFixed(2)}× (min ${(sorted[0] ?? 0).toFixed(2)}, max ${(sorted.at(-1) ?? 0).toFixed(2)})`);
  }
} finally {
  if (!values.keep) rmSync(root, { recursive: true, force: true });
}
