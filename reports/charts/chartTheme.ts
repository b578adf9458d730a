/** Shared chart look: one font everywhere (DejaVu Sans, shipped through npm) and one colour per layer. */
import type { Config } from 'vega-lite';

export const CHART_FONT = 'DejaVu Sans';

export const LAYERS = ['client_sign_in', 'phone_config', 'sip_device', 'direct_routing', 'other'] as const;

/** Colour-blind-safe (Okabe–Ito) colours, the same for a layer in every chart and table. */
export const LAYER_COLORS: Record<string, string> = {
  client_sign_in: '#0072B2',
  phone_config: '#E69F00',
  sip_device: '#009E73',
  direct_routing: '#D55E00',
  other: '#999999',
};

export const LAYER_LABELS: Record<string, string> = {
  client_sign_in: 'Client sign-in',
  phone_config: 'Phone config',
  sip_device: 'SIP device',
  direct_routing: 'Direct Routing',
  other: 'Other',
  none: 'None',
};

export const ORIGIN_LABELS: Record<string, string> = { sbc: 'SBC', microsoft: 'Microsoft', client: 'Client', none: 'None' };

export function layerLabel(layer: string): string {
  return LAYER_LABELS[layer] ?? layer;
}

export function originLabel(origin: string): string {
  return ORIGIN_LABELS[origin] ?? origin;
}

export function layerColor(layer: string): string {
  return LAYER_COLORS[layer] ?? '#999999';
}

export const chartConfig: Config = {
  font: CHART_FONT,
  background: 'white',
  padding: 8,
  view: { stroke: null },
  axis: { labelFontSize: 11, titleFontSize: 12, labelLimit: 220 },
  legend: { labelFontSize: 11, titleFontSize: 12, labelLimit: 260 },
  title: { fontSize: 15, anchor: 'start' },
  header: { labelFontSize: 11, labelLimit: 400 },
};

/** Keep the top `n` keys by weight (ties by name), the rest folded into `other`. */
export function topKeys<T>(rows: readonly T[], key: (r: T) => string, weight: (r: T) => number, n: number): string[] {
  const sums = new Map<string, number>();
  for (const r of rows) sums.set(key(r), (sums.get(key(r)) ?? 0) + weight(r));
  return [...sums.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, n)
    .map(([k]) => k);
}

export function byName(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
