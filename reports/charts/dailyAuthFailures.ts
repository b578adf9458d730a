/** Daily auth-linked failures with the baseline band: all attempts, then one panel per top cluster. */
import type { TopLevelSpec } from 'vega-lite';
import type { Cluster } from '../../transform/patterns/cluster.js';
import type { DailyRow } from '../weeklyReportInput.js';
import { chartConfig } from './chartTheme.js';

export interface DailyPoint {
  series: string;
  day: string;
  failures: number;
  expected: number;
  lo: number;
  hi: number;
}

const round1 = (x: number): number => Math.round(x * 10) / 10;

/**
 * Rows for the chart. The 'All attempts' band is the baseline days' mean ± 2 sd; a cluster's band is
 * its expected failures ± 2 √expected (Poisson).
 */
export function dailyAuthPoints(daily: readonly DailyRow[], windowFromDay: string, clusters: readonly { label: string; cluster: Cluster }[]): DailyPoint[] {
  const base = daily.filter((d) => d.day < windowFromDay).map((d) => d.auth_failures);
  const mean = base.length ? base.reduce((a, b) => a + b, 0) / base.length : 0;
  const sd = base.length > 1 ? Math.sqrt(base.reduce((a, b) => a + (b - mean) ** 2, 0) / (base.length - 1)) : 0;
  const out: DailyPoint[] = daily
    .filter((d) => d.day >= windowFromDay)
    .map((d) => ({ series: 'All attempts', day: d.day, failures: d.auth_failures, expected: round1(mean), lo: round1(Math.max(0, mean - 2 * sd)), hi: round1(mean + 2 * sd) }));
  for (const { label, cluster } of clusters) {
    for (const p of [...cluster.daily].sort((a, b) => (a.day < b.day ? -1 : 1))) {
      const e = p.expected;
      out.push({ series: label, day: p.day, failures: p.failures, expected: round1(e), lo: round1(Math.max(0, e - 2 * Math.sqrt(e))), hi: round1(e + 2 * Math.sqrt(e)) });
    }
  }
  return out;
}

export function dailyAuthFailuresSpec(points: readonly DailyPoint[]): TopLevelSpec {
  const series = [...new Set(points.map((p) => p.series))];
  const x = { field: 'day', type: 'temporal', timeUnit: 'utcyearmonthdate', title: 'Day (UTC)', axis: { format: '%a %d %b', labelAngle: 0 } } as const;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: 'Auth-linked failures per day', subtitle: 'Line: failures; band: baseline (expected range)' },
    description: 'Daily auth-linked call-setup failures against the baseline band, for all attempts and for each top cluster.',
    config: chartConfig,
    data: { values: points.map((p) => ({ ...p })) },
    facet: { row: { field: 'series', type: 'nominal', sort: series, title: null, header: { labelLimit: 560, labelAngle: 0, labelAlign: 'left', labelAnchor: 'start', labelOrient: 'top' } } },
    spec: {
      width: 560,
      height: 90,
      layer: [
        { mark: { type: 'area', opacity: 0.25, color: '#7f7f7f' }, encoding: { x, y: { field: 'lo', type: 'quantitative', title: 'Failures' }, y2: { field: 'hi' } } },
        { mark: { type: 'line', strokeDash: [4, 3], color: '#7f7f7f' }, encoding: { x, y: { field: 'expected', type: 'quantitative' } } },
        { mark: { type: 'line', point: true, color: '#0072B2' }, encoding: { x, y: { field: 'failures', type: 'quantitative' } } },
      ],
    },
    resolve: { scale: { y: 'independent' } },
  };
}
