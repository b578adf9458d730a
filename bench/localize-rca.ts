/**
 * Scores the engine on rca-bench (Squeeze B0 dev, 72 cases) as its README says: exact element match, micro
 * TP/FP/FN per setting and overall, mean seconds per case; and the time ratio against a trivial baseline measured in
 * the same run (read + parse + sum the CSV). Run: npx tsx bench/localize-rca.ts [dir]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { additiveTableFromCsv, parseCsv } from '../transform/patterns/csvTable.js';
import { localize } from '../transform/patterns/localize.js';

const root = process.argv[2] ?? '/work/shared/rca-bench/dev/squeeze-B0';
const ATTRS = ['a', 'b', 'c', 'd'];
const canon = (el: string): string => el.split('&').map((p) => p.trim()).sort().join('&');

let tot = { tp: 0, fp: 0, fn: 0, t: 0, base: 0, n: 0 };
const lines: string[] = [];
for (const setting of readdirSync(root).sort()) {
  const dir = join(root, setting);
  const labels = parseCsv(readFileSync(join(dir, 'injection_info.csv'), 'utf8'));
  const setCol = labels.header.indexOf('set');
  const tsCol = labels.header.indexOf('timestamp');
  const s = { tp: 0, fp: 0, fn: 0, t: 0, base: 0, n: 0 };
  for (const row of labels.rows) {
    const file = join(dir, `${row[tsCol] ?? ''}.csv`);
    const t0 = performance.now();
    const text = readFileSync(file, 'utf8');
    const csv = parseCsv(text);
    let sum = 0;
    for (const r of csv.rows) sum += Number(r[0]);
    const t1 = performance.now();
    const table = additiveTableFromCsv(csv, ATTRS, 'real', 'predict');
    const res = localize(table);
    const t2 = performance.now();
    if (!Number.isFinite(sum)) throw new Error('bad sum');
    const truth = new Set((row[setCol] ?? '').split(';').map(canon));
    const pred = new Set(res.elements.map((e) => canon(e.key)));
    const tp = [...pred].filter((p) => truth.has(p)).length;
    s.tp += tp;
    s.fp += pred.size - tp;
    s.fn += truth.size - tp;
    s.t += t2 - t0;
    s.base += t1 - t0;
    s.n++;
    if (process.env['VERBOSE'] && (pred.size !== tp || truth.size !== tp))
      console.log(`  miss ${setting}/${row[tsCol]}: truth ${[...truth].join(';')} pred ${[...pred].join(';')} scores ${res.elements.map((e) => e.score.toFixed(0)).join(',')} thr ${res.threshold.toFixed(1)} c ${res.noise.c.toExponential(2)}`);
  }
  lines.push(fmt(setting, s));
  tot = { tp: tot.tp + s.tp, fp: tot.fp + s.fp, fn: tot.fn + s.fn, t: tot.t + s.t, base: tot.base + s.base, n: tot.n + s.n };
}
function fmt(name: string, s: typeof tot): string {
  const f1 = (2 * s.tp) / (2 * s.tp + s.fp + s.fn);
  const p = s.tp / Math.max(s.tp + s.fp, 1);
  const r = s.tp / Math.max(s.tp + s.fn, 1);
  return `${name.padEnd(26)} ${String(s.tp).padStart(4)} ${String(s.fp).padStart(4)} ${String(s.fn).padStart(4)}  F1 ${f1.toFixed(4)}  P ${p.toFixed(4)}  R ${r.toFixed(4)}  ${(s.t / s.n / 1000).toFixed(3)} s/case  x${(s.t / s.base).toFixed(1)} of load+sum`;
}
console.log(`${'setting'.padEnd(26)}   TP   FP   FN`);
for (const l of lines) console.log(l);
console.log(fmt('ALL (72 cases)', tot));
