/** Site × SBC heat map of the failure rate in the week (top sites and SBCs by failures). */
import type { TopLevelSpec } from 'vega-lite';
import type { HeatRow } from '../weeklyReportInput.js';
import { byName, chartConfig, topKeys } from './chartTheme.js';

export interface HeatCell {
  site: string;
  sbc: string;
  attempts: number;
  failures: number;
  rate: number;
}

export function heatCells(rows: readonly HeatRow[], maxSites = 15, maxSbcs = 8): HeatCell[] {
  const sites = new Set(topKeys(rows, (r) => r.site, (r) => r.failures, maxSites));
  const sbcs = new Set(topKeys(rows, (r) => r.sbc, (r) => r.failures, maxSbcs));
  return rows
    .filter((r) => sites.has(r.site) && sbcs.has(r.sbc) && r.attempts > 0)
    .map((r) => ({ site: r.site, sbc: r.sbc, attempts: r.attempts, failures: r.failures, rate: Math.round((r.failures / r.attempts) * 10_000) / 10_000 }))
    .sort((a, b) => byName(a.site, b.site) || byName(a.sbc, b.sbc));
}

export function siteSbcHeatmapSpec(cells: readonly HeatCell[]): TopLevelSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: 'Failure rate by site and SBC', subtitle: 'Sites and SBCs with the most failures this week' },
    description: 'Heat map of the call-setup failure rate per site (rows) and SBC (columns).',
    config: chartConfig,
    data: { values: cells.map((c) => ({ ...c })) },
    width: { step: 70 },
    height: { step: 22 },
    encoding: {
      x: { field: 'sbc', type: 'nominal', sort: 'ascending', title: 'SBC', axis: { labelAngle: -30, labelLimit: 160 } },
      y: { field: 'site', type: 'nominal', sort: 'ascending', title: 'Site' },
    },
    layer: [
      { mark: 'rect', encoding: { color: { field: 'rate', type: 'quantitative', title: 'Failure rate', scale: { scheme: 'orangered', domainMin: 0 }, legend: { format: '.0%' } } } },
      {
        mark: { type: 'text', fontSize: 10 },
        encoding: {
          text: { field: 'rate', type: 'quantitative', format: '.1%' },
          color: { condition: { test: 'datum.rate > 0.25', value: 'white' }, value: 'black' },
        },
      },
    ],
  };
}
