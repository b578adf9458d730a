/** Text renderings of a PatternResult for the `patterns` command: an aligned table or Markdown. */
import { DIMENSIONS, type Dimensions, type PatternResult } from './cluster.js';

export function dimensionsText(d: Dimensions): string {
  return DIMENSIONS.filter((k) => d[k] !== undefined).map((k) => `${k}=${d[k] ?? ''}`).join(' & ') || '(all)';
}

const pct = (x: number): string => `${(100 * x).toFixed(2)}%`;

function rows(r: PatternResult): string[][] {
  return r.clusters.map((c, i) => [
    String(i + 1),
    dimensionsText(c.dimensions),
    String(c.failures),
    c.expected_failures.toFixed(1),
    String(c.users),
    pct(c.rate),
    pct(c.baseline_rate),
    c.score.toFixed(1),
    c.trend,
    c.top_sip_codes.slice(0, 2).map((s) => s.value).join(','),
    c.layers[0]?.value ?? '',
  ]);
}
const HEAD = ['#', 'cluster', 'failures', 'expected', 'users', 'rate', 'baseline', 'score', 'trend', 'sip', 'layer'];

function summary(r: PatternResult): string[] {
  const out = [
    `window ${r.window.from} .. ${r.window.to} (baseline from ${r.window.baseline_from}), failure = ${r.failure}`,
    `${r.totals.failures} failures in ${r.totals.attempts} attempts, ${r.totals.expected_failures.toFixed(1)} expected`,
  ];
  if (r.global_change) out.push('global change: the failure rate moved everywhere alike; clusters below are beyond that change');
  if (r.clusters.length === 0) out.push('no cluster stands out');
  return out;
}

function singles(r: PatternResult): string[] {
  return r.single_user.map((u) => `single user ${u.user}: ${u.failures}/${u.attempts} failed at ${dimensionsText(u.dimensions)}: ${u.note}`);
}

export function patternsTable(r: PatternResult): string {
  const body = rows(r);
  const w = HEAD.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] ?? '').length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === 1 || i >= 8 ? c.padEnd(w[i] ?? 0) : c.padStart(w[i] ?? 0))).join('  ').trimEnd();
  return [...summary(r), '', line(HEAD), ...body.map(line), '', ...singles(r)].join('\n') + '\n';
}

export function patternsMarkdown(r: PatternResult): string {
  const esc = (s: string): string => s.replaceAll('|', '\\|');
  const table = [`| ${HEAD.join(' | ')} |`, `|${HEAD.map(() => '---').join('|')}|`, ...rows(r).map((b) => `| ${b.map(esc).join(' | ')} |`)];
  const users = singles(r).map((s) => `- ${esc(s)}`);
  return [...summary(r).map((s) => `${s}  `), '', ...table, '', ...(users.length ? ['Single users:', '', ...users] : [])].join('\n') + '\n';
}
