import { loadConfig } from '../core/config.js';
import { fixedClock } from '../core/clock.js';
import { memoryLogger } from '../core/log.js';
import { patterns } from '../cli/commands/patterns.js';
const out: string[] = [];
const t = performance.now();
const code = await patterns({ argv: ['--to', '2026-11-23T00:00:00Z', '--no-store', '--format', process.argv[2] ?? 'table'], stdout: (x) => out.push(x), stderr: () => undefined, stdoutIsTTY: false, env: {}, cwd: '/tmp', log: memoryLogger(), clock: fixedClock('2026-11-23T00:00:00Z'), config: () => loadConfig({ db: '/tmp/cqd-demo-check/demo.duckdb', env: {}, cwd: '/tmp' }), signal: new AbortController().signal });
console.log(code, ((performance.now() - t) / 1000).toFixed(2), 's');
console.log(out.join(''));
