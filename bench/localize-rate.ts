/**
 * Sparse RATE cases (seeded, ~5 failures per leaf): our engine (rate measure → empirical-Bayes expected counts →
 * Poisson surprise) against a naive per-leaf-ratio method (expected = attempts × the leaf's own baseline ratio,
 * scored as a generic additive measure, which is what RiskLoc/Squeeze-style scoring does), same cases, same run.
 * Run: npx tsx bench/localize-rate.ts [cases] [eventsPerLeaf]
 */
import { localize } from '../transform/patterns/localize.js';
import { rateToLeafTable } from '../transform/patterns/rateToLeafTable.js';
import { makeRateCase } from './localizeRateCases.js';

const cases = Number(process.argv[2] ?? 40);
const events = Number(process.argv[3] ?? 5);
const canon = (el: string): string => el.split('&').sort().join('&');
const score = { ours: { tp: 0, fp: 0, fn: 0, t: 0 }, naive: { tp: 0, fp: 0, fn: 0, t: 0 } };

function tally(s: { tp: number; fp: number; fn: number }, truth: string[], pred: string[]): void {
  const t = new Set(truth.map(canon));
  const p = new Set(pred.map(canon));
  const tp = [...p].filter((x) => t.has(x)).length;
  s.tp += tp;
  s.fp += p.size - tp;
  s.fn += t.size - tp;
}

for (let c = 0; c < cases; c++) {
  const { table, truth } = makeRateCase(1000 + c, events);
  let t0 = performance.now();
  const ours = localize(rateToLeafTable(table).table).elements.map((e) => e.key);
  score.ours.t += performance.now() - t0;
  tally(score.ours, truth, ours);
  t0 = performance.now();
  const expected = table.attempts.map((a, i) => {
    const ba = table.baselineAttempts[i] ?? 0;
    return ba > 0 ? (a * (table.baselineFailures[i] ?? 0)) / ba : 0;
  });
  const naive = localize({ attributes: table.attributes, values: table.values, observed: table.failures, expected, counts: false }).elements.map((e) => e.key);
  score.naive.t += performance.now() - t0;
  tally(score.naive, truth, naive);
  if (process.env['VERBOSE']) console.log(`case ${c}: truth ${truth.join(';')} | ours ${ours.join(';')} | naive ${naive.join(';')}`);
}
for (const [name, s] of Object.entries(score)) {
  const f1 = (2 * s.tp) / Math.max(2 * s.tp + s.fp + s.fn, 1);
  console.log(`${name.padEnd(6)} TP ${s.tp} FP ${s.fp} FN ${s.fn}  F1 ${f1.toFixed(3)}  ${(s.t / cases / 1000).toFixed(3)} s/case`);
}
console.log(`${cases} cases, ~${events} failures per leaf, ${6 * 12 * 8 * 5} leaves each`);
