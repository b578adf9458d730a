/** Failures per carrier path (carrier / destination country), the worst first. */
import type { TopLevelSpec } from 'vega-lite';
import type { CarrierRow } from '../weeklyReportInput.js';
import { byName, chartConfig } from './chartTheme.js';

export interface CarrierBar {
  carrier_path: string;
  attempts: number;
  failures: number;
  rate: number;
}

export function carrierBars(rows: readonly CarrierRow[], max = 12): CarrierBar[] {
  return rows
    .filter((r) => r.attempts > 0)
    .map((r) => ({ ...r, rate: Math.round((r.failures / r.attempts) * 10_000) / 10_000 }))
    .sort((a, b) => b.failures - a.failures || byName(a.carrier_path, b.carrier_path))
    .slice(0, max);
}

export function carrierBarsSpec(bars: readonly CarrierBar[]): TopLevelSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: 'Failures by carrier path', subtitle: 'Carrier / destination country; label: failure rate' },
    description: 'Horizontal bars of call-setup failures per carrier path, sorted by failures.',
    config: chartConfig,
    data: { values: bars.map((b) => ({ ...b })) },
    width: 460,
    height: { step: 22 },
    encoding: {
      y: { field: 'carrier_path', type: 'nominal', sort: bars.map((b) => b.carrier_path), title: 'Carrier path' },
      x: { field: 'failures', type: 'quantitative', title: 'Failures' },
    },
    layer: [
      { mark: { type: 'bar', color: '#D55E00' } },
      { mark: { type: 'text', align: 'left', dx: 4, fontSize: 10 }, encoding: { text: { field: 'rate', type: 'quantitative', format: '.1%' } } },
    ],
  };
}
