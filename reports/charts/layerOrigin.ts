/** Failures by origin (SBC, Microsoft, client), stacked by layer in the layer colours. */
import type { TopLevelSpec } from 'vega-lite';
import type { LayerRow } from '../weeklyReportInput.js';
import { LAYERS, LAYER_COLORS, byName, chartConfig, layerLabel, originLabel } from './chartTheme.js';

export interface LayerBar {
  layer: string;
  origin: string;
  failures: number;
  order: number;
}

export function layerBars(rows: readonly LayerRow[]): LayerBar[] {
  const order = (l: string): number => {
    const i = LAYERS.findIndex((x) => x === l);
    return i < 0 ? LAYERS.length : i;
  };
  return rows
    .filter((r) => r.failures > 0 && r.layer !== 'none')
    .map((r) => ({ layer: layerLabel(r.layer), origin: originLabel(r.failure_origin), failures: r.failures, order: order(r.layer) }))
    .sort((a, b) => a.order - b.order || byName(a.origin, b.origin));
}

export function layerOriginSpec(bars: readonly LayerBar[]): TopLevelSpec {
  const layers = LAYERS.map((l) => layerLabel(l));
  const origins = [...new Set(bars.map((b) => b.origin))].sort(byName);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: 'Failures by origin and layer', subtitle: 'Origin: who sent the final response (560xxx = the SBC)' },
    description: 'Stacked bars of call-setup failures per failure origin, split by the layer to check first.',
    config: chartConfig,
    data: { values: bars.map((b) => ({ ...b })) },
    width: 460,
    height: { step: 30 },
    mark: 'bar',
    encoding: {
      y: { field: 'origin', type: 'nominal', sort: origins, title: 'Origin' },
      x: { field: 'failures', type: 'quantitative', title: 'Failures', stack: 'zero' },
      color: { field: 'layer', type: 'nominal', title: 'Layer', scale: { domain: layers, range: LAYERS.map((l) => LAYER_COLORS[l] ?? '#999999') } },
      order: { field: 'order', type: 'quantitative' },
    },
  };
}
