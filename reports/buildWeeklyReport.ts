/** Pure: WeeklyReportInput → WeeklyReport (headline, clusters, single users, capture, unmapped, chart specs). */
import { buildFailuresSpec, buildPoints } from './charts/buildFailures.js';
import { carrierBars, carrierBarsSpec } from './charts/carrierBars.js';
import { dailyAuthFailuresSpec, dailyAuthPoints } from './charts/dailyAuthFailures.js';
import { layerBars, layerOriginSpec } from './charts/layerOrigin.js';
import { heatCells, siteSbcHeatmapSpec } from './charts/siteSbcHeatmap.js';
import { clusterView, codeViews, dimensionLabel } from './clusterView.js';
import type { ChartEntry, HeadlineItem, WeeklyReport } from './weeklyReport.js';
import type { HeadlineRow, WeeklyReportInput } from './weeklyReportInput.js';

export const MAX_CLUSTERS = 10;
export const CHART_CLUSTERS = 5;

function change(current: number, previous: number | null): number | null {
  if (previous === null || previous === 0) return null;
  return Math.round(((current - previous) / previous) * 1000) / 1000;
}

function item(key: HeadlineItem['key'], label: string, current: number, previous: number | null): HeadlineItem {
  return { key, label, current, previous, change: change(current, previous) };
}

function headline(rows: readonly HeadlineRow[], clusters: number, prevClusters: number | null): HeadlineItem[] {
  const cur = rows.find((r) => r.period === 'current') ?? { attempts: 0, failures: 0, auth_failures: 0, users: 0, auth_users: 0 };
  const prev = rows.find((r) => r.period === 'previous');
  const rate = (r: { attempts: number; failures: number }): number => (r.attempts ? Math.round((r.failures / r.attempts) * 10_000) / 10_000 : 0);
  return [
    item('attempts', 'Call-setup attempts', cur.attempts, prev?.attempts ?? null),
    item('failures', 'Setup failures', cur.failures, prev?.failures ?? null),
    item('failure_rate', 'Failure rate', rate(cur), prev ? rate(prev) : null),
    item('auth_failures', 'Auth-linked failures', cur.auth_failures, prev?.auth_failures ?? null),
    item('auth_users', 'Users with auth-linked failures', cur.auth_users, prev?.auth_users ?? null),
    item('clusters', 'Failure clusters', clusters, prevClusters),
  ];
}

export function chartEntries(input: WeeklyReportInput, labelled: { label: string; cluster: WeeklyReportInput['patterns']['clusters'][number] }[]): ChartEntry[] {
  const fromDay = input.window.from.slice(0, 10);
  return [
    { name: 'daily-auth-failures', title: 'Auth-linked failures per day', description: 'Daily auth-linked failures against the baseline band, overall and per top cluster.', spec: dailyAuthFailuresSpec(dailyAuthPoints(input.daily, fromDay, labelled)) },
    { name: 'site-sbc-heatmap', title: 'Failure rate by site and SBC', description: 'Heat map of the failure rate per site and SBC.', spec: siteSbcHeatmapSpec(heatCells(input.heat)) },
    { name: 'client-builds', title: 'Failures by client build', description: 'Daily failures per client build over two weeks.', spec: buildFailuresSpec(buildPoints(input.builds)) },
    { name: 'carrier-paths', title: 'Failures by carrier path', description: 'Failures per carrier path, the worst first.', spec: carrierBarsSpec(carrierBars(input.carriers)) },
    { name: 'layer-origin', title: 'Failures by origin and layer', description: 'Failures per origin, stacked by layer.', spec: layerOriginSpec(layerBars(input.layers)) },
  ];
}

export function buildWeeklyReport(input: WeeklyReportInput): WeeklyReport {
  const prevMap = input.previousPatterns ? new Map(input.previousPatterns.clusters.map((c) => [c.fingerprint, c.failures])) : undefined;
  const top = input.patterns.clusters.slice(0, MAX_CLUSTERS);
  const clusters = top.map((c, i) => clusterView(c, i + 1, prevMap));
  const current = new Set(input.patterns.clusters.map((c) => c.fingerprint));
  const gone = (input.previousPatterns?.clusters ?? [])
    .filter((c) => !current.has(c.fingerprint))
    .map((c) => ({ fingerprint: c.fingerprint, label: dimensionLabel(c.dimensions), failures: c.failures }));
  const show = (user: string): string => input.revealed?.get(user) ?? user;
  const singleUsers = input.patterns.single_user.map((u) => ({
    user: show(u.user),
    failures: u.failures,
    attempts: u.attempts,
    label: dimensionLabel(u.dimensions),
    codes: codeViews(u.top_sip_codes, []),
    note: u.note,
  }));
  const labelled = top.slice(0, CHART_CLUSTERS).map((c, i) => ({ label: `#${i + 1} ${dimensionLabel(c.dimensions)}`, cluster: c }));
  return {
    week: input.week,
    timezone: input.timezone,
    window: { from: input.window.from, to: input.window.to },
    generated_at: input.generatedAt,
    tenant: input.tenant ?? null,
    failure: input.patterns.failure,
    pseudonymised: !(input.revealed && input.revealed.size > 0),
    global_change: input.patterns.global_change,
    headline: headline(input.headline, input.patterns.clusters.length, input.previousPatterns ? input.previousPatterns.clusters.length : null),
    clusters,
    gone,
    single_users: singleUsers,
    capture: input.capture.map((c) => ({ ...c })),
    unmapped: input.unmapped.map((u) => ({ subnet: u.site.replace(/^unmapped:/, ''), attempts: u.attempts, failures: u.failures, users: u.users })),
    charts: chartEntries(input, labelled),
  };
}
