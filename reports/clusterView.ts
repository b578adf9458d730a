/** One cluster of the pattern engine as the report shows it: codes with meanings, layer, origin, advice. */
import { dominantLayer, whatToCheck } from '../alerts/whatToCheck.js';
import { DIMENSIONS, type Cluster, type Dimensions } from '../transform/patterns/cluster.js';
import { layerLabel, originLabel } from './charts/chartTheme.js';
import { describeCode } from './codes.js';
import type { ClusterView, CodeView } from './weeklyReport.js';

export function dimensionEntries(dims: Dimensions): { dimension: string; value: string }[] {
  return DIMENSIONS.flatMap((d) => {
    const v = dims[d];
    return v === undefined ? [] : [{ dimension: d, value: v }];
  });
}

export function dimensionLabel(dims: Dimensions): string {
  const e = dimensionEntries(dims);
  return e.length ? e.map((x) => `${x.dimension} ${x.value}`).join(' · ') : 'all attempts';
}

export function codeViews(sip: readonly { value: string; count: number }[], ms: readonly { value: string; count: number }[], max = 3): CodeView[] {
  return [
    ...sip.slice(0, max).map((c) => ({ kind: 'sip' as const, code: c.value, count: c.count, meaning: describeCode('sip', c.value).meaning })),
    ...ms.slice(0, max).map((c) => ({ kind: 'ms' as const, code: c.value, count: c.count, meaning: describeCode('ms', c.value).meaning })),
  ];
}

function originNote(origin: string | undefined, ms: readonly { value: string }[]): string {
  if (origin === 'sbc') return 'SBC: the Microsoft code starts with 560, so the SBC sent the final response';
  if (origin === 'microsoft') return ms.length ? 'Microsoft: the final response came from a Microsoft service' : 'Microsoft';
  if (origin === 'client') return 'Client: the user failed to sign in (Entra ID)';
  return 'unknown';
}

/** Trend against the previous week's result when given, else the engine's own trend. */
export function trendOf(c: Cluster, previous: ReadonlyMap<string, number> | undefined): Cluster['trend'] {
  if (!previous) return c.trend;
  const before = previous.get(c.fingerprint);
  if (before === undefined) return 'new';
  if (c.failures > before * 1.2) return 'growing';
  if (c.failures < before * 0.8) return 'shrinking';
  return 'steady';
}

export function clusterView(c: Cluster, rank: number, previous: ReadonlyMap<string, number> | undefined): ClusterView {
  const { layer, origin } = dominantLayer(c);
  return {
    rank,
    fingerprint: c.fingerprint,
    label: dimensionLabel(c.dimensions),
    dimensions: dimensionEntries(c.dimensions),
    failures: c.failures,
    expected_failures: Math.round(c.expected_failures * 10) / 10,
    attempts: c.attempts,
    rate: c.rate,
    baseline_rate: c.baseline_rate,
    users: c.users,
    first_seen: c.first_seen,
    trend: trendOf(c, previous),
    layer: layer ?? 'other',
    layer_label: layerLabel(layer ?? 'other'),
    origin: origin ?? 'none',
    origin_label: originLabel(origin ?? 'none'),
    origin_note: originNote(origin, c.top_ms_codes),
    codes: codeViews(c.top_sip_codes, c.top_ms_codes),
    check: whatToCheck(layer, origin),
  };
}
