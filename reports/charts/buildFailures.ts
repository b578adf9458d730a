/** Failures per day by client build: a rollout shows up as a step from one build to the next. */
import type { TopLevelSpec } from 'vega-lite';
import type { BuildRow } from '../weeklyReportInput.js';
import { byName, chartConfig, topKeys } from './chartTheme.js';

export interface BuildPoint {
  day: string;
  client_build: string;
  failures: number;
}

export const OTHER_BUILDS = 'other builds';

export function buildPoints(rows: readonly BuildRow[], maxBuilds = 6): BuildPoint[] {
  const keep = new Set(topKeys(rows, (r) => r.client_build, (r) => r.failures, maxBuilds));
  const sums = new Map<string, BuildPoint>();
  for (const r of rows) {
    const build = keep.has(r.client_build) ? r.client_build : OTHER_BUILDS;
    const k = `${r.day}\u0000${build}`;
    const p = sums.get(k) ?? { day: r.day, client_build: build, failures: 0 };
    p.failures += r.failures;
    sums.set(k, p);
  }
  return [...sums.values()].sort((a, b) => byName(a.day, b.day) || byName(a.client_build, b.client_build));
}

export function buildFailuresSpec(points: readonly BuildPoint[]): TopLevelSpec {
  const builds = [...new Set(points.map((p) => p.client_build))].filter((b) => b !== OTHER_BUILDS).sort(byName);
  if (points.some((p) => p.client_build === OTHER_BUILDS)) builds.push(OTHER_BUILDS);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: 'Failures by client build', subtitle: 'This week and the week before; rollouts show up as steps' },
    description: 'Daily call-setup failures per client build over two weeks.',
    config: chartConfig,
    data: { values: points.map((p) => ({ ...p })) },
    width: 560,
    height: 220,
    mark: { type: 'line', interpolate: 'step-after', point: true },
    encoding: {
      x: { field: 'day', type: 'temporal', timeUnit: 'utcyearmonthdate', title: 'Day (UTC)', axis: { format: '%d %b', labelAngle: 0 } },
      y: { field: 'failures', type: 'quantitative', title: 'Failures' },
      color: { field: 'client_build', type: 'nominal', sort: builds, title: 'Client build', scale: { scheme: 'tableau10' } },
    },
  };
}
